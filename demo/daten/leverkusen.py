"""Leverkusen: the six particularly burdened districts of the social report 2019, each with the three building
blocks of the welfare associations' statement (citizens' assemblies, a quartier management with disposal funds,
a steering circle), Soziale Stadt in Rheindorf, and the council paper 2019/3030 with its consultation sequence.

From the council paper (Vorlage Nr. 2019/3030) and the welfare associations' letter. Pure data, read by the
loaders in demo/laden.
"""

import datetime as dt
from decimal import Decimal as D

from quartiere.models import Gebiet, Organisation

from .typen import ABGESCHLOSSEN, GEPRUEFT, LAUFEND, G
from .typen import Antragsvorlage as B
from .typen import Nachweisvorlage as N
from .typen import Projektvorlage as P

A = Gebiet.Art
O = Organisation.Art
J = dt.date


# --- Areas ----------------------------------------------------------------------------------------

GEBIETE = (
    G(A.STADT, "Leverkusen", "05316000",
      G(A.STADTBEZIRK, "Stadtbezirk I", "1",
        G(A.STADTTEIL, "Wiesdorf", "101"),
        G(A.STADTTEIL, "Manfort", "102", belastet=True, text="Quartiersentwicklung im Projekt GLIM."),
        G(A.STADTTEIL, "Rheindorf", "103",
          G(A.QUARTIER, "Rheindorf-Nord", "103-1", typ="Großwohnsiedlung", belastet=True,
            text="Programmgebiet Soziale Stadt."),
          belastet=True, text="Erfahrungen aus dem Programm Soziale Stadt."),
        G(A.STADTTEIL, "Hitdorf", "104", belastet=True),
        G(A.STADTTEIL, "Küppersteg", "105", belastet=True),
        G(A.STADTTEIL, "Bürrig", "106")),
      G(A.STADTBEZIRK, "Stadtbezirk II", "2",
        G(A.STADTTEIL, "Opladen", "201", belastet=True),
        G(A.STADTTEIL, "Quettingen", "202"),
        G(A.STADTTEIL, "Bergisch Neukirchen", "203")),
      G(A.STADTBEZIRK, "Stadtbezirk III", "3",
        G(A.STADTTEIL, "Schlebusch", "301"),
        G(A.STADTTEIL, "Steinbüchel", "302", belastet=True)))
)


ZENTRUM = (7.02, 51.04)  # rough centre (longitude, latitude), so a tile layer shows the right region
MAILDOMAIN = "leverkusen.example"  # of the people's made-up addresses


# --- Organisations and people ---------------------------------------------------------------------

# (name, short name, kind, parent organisation)
ORGANISATIONEN = [
    ("Dezernat III – Bürger, Umwelt und Soziales", "Dezernat III", O.RESSORT, None),
    ("Fachbereich Soziales", "FB 50", O.AMT, "Dezernat III – Bürger, Umwelt und Soziales"),
    ("Fachbereich Kinder und Jugend", "FB 51", O.AMT, "Dezernat III – Bürger, Umwelt und Soziales"),
    ("Fachbereich Medizinischer Dienst", "FB 53", O.AMT, "Dezernat III – Bürger, Umwelt und Soziales"),
    ("Fachbereich Schulen", "FB 40", O.AMT, None),
    ("Fachbereich Stadtplanung", "FB 61", O.AMT, None),
    ("Arbeitsgemeinschaft der Wohlfahrtsverbände in der Stadt Leverkusen", "AGW", O.WOHLFAHRTSVERBAND, None),
    ("AWO Kreisverband Leverkusen", "AWO Leverkusen", O.WOHLFAHRTSVERBAND,
     "Arbeitsgemeinschaft der Wohlfahrtsverbände in der Stadt Leverkusen"),
    ("Caritasverband Leverkusen", "Caritas Leverkusen", O.WOHLFAHRTSVERBAND,
     "Arbeitsgemeinschaft der Wohlfahrtsverbände in der Stadt Leverkusen"),
    ("Diakonisches Werk des Evangelischen Kirchenkreises Leverkusen", "Diakonie Leverkusen", O.WOHLFAHRTSVERBAND,
     "Arbeitsgemeinschaft der Wohlfahrtsverbände in der Stadt Leverkusen"),
    ("DRK Kreisverband Leverkusen", "DRK Leverkusen", O.WOHLFAHRTSVERBAND,
     "Arbeitsgemeinschaft der Wohlfahrtsverbände in der Stadt Leverkusen"),
    ("Der Paritätische Leverkusen", "Paritätischer Leverkusen", O.WOHLFAHRTSVERBAND,
     "Arbeitsgemeinschaft der Wohlfahrtsverbände in der Stadt Leverkusen"),
    ("Wohnungsgesellschaft Leverkusen", "WGL", O.WOHNUNGSUNTERNEHMEN, None),
    ("Gemeinschaftsgrundschule Rheindorf-Nord", "GGS Rheindorf-Nord", O.SCHULE, None),
    ("Kita Manfort", "", O.SCHULE, None),
    ("Bürgerverein Rheindorf e. V.", "", O.VEREIN, None),
    ("Kulturverein Opladen e. V.", "", O.VEREIN, None),
    ("SPD-Fraktion im Rat der Stadt Leverkusen", "SPD", O.PARTEI, None),
    ("CDU-Fraktion im Rat der Stadt Leverkusen", "CDU", O.PARTEI, None),
    ("Fraktion Bündnis 90/Die Grünen im Rat der Stadt Leverkusen", "Grüne", O.PARTEI, None),
]


# (key, anrede, vorname, nachname, organisation, funktion, ist_verwaltung, einwilligung_am)
PERSONEN = [
    ("lev-planung", "Frau", "Heike", "Lindemann", "Fachbereich Soziales", "Sozialplanung", True, None),
    ("lev-jugend", "Herr", "Patrick", "Schürmann", "Fachbereich Kinder und Jugend",
     "Sozialraumkoordination", True, None),
    ("lev-stadtplanung", "Frau", "Claudia", "Berghoff", "Fachbereich Stadtplanung",
     "Stadterneuerung", True, None),
    ("qm-rheindorf", "Frau", "Melanie", "Dahlke", "Caritasverband Leverkusen",
     "Quartiersmanagerin Rheindorf", False, dt.date(2019, 10, 1)),
    ("qm-manfort", "Herr", "Benedikt", "Krämer", "AWO Kreisverband Leverkusen",
     "Quartiersmanager Manfort", False, dt.date(2018, 5, 2)),
    ("qm-opladen", "Frau", "Tanja", "Wiegand",
     "Diakonisches Werk des Evangelischen Kirchenkreises Leverkusen", "Quartiersmanagerin Opladen", False,
     dt.date(2021, 2, 1)),
    ("qm-kueppersteg", "Herr", "Yusuf", "Arslan", "DRK Kreisverband Leverkusen",
     "Quartiersmanager Küppersteg", False, dt.date(2021, 3, 15)),
    ("qm-hitdorf", "Frau", "Lena", "Pohlmann", "Der Paritätische Leverkusen",
     "Quartiersmanagerin Hitdorf", False, dt.date(2022, 1, 10)),
    ("qm-steinbuechel", "Herr", "Florian", "Esser", "AWO Kreisverband Leverkusen",
     "Quartiersmanager Steinbüchel", False, None),
    ("lev-agw", "Herr", "Reinhold", "Scharfenberg",
     "Arbeitsgemeinschaft der Wohlfahrtsverbände in der Stadt Leverkusen", "Sprecher der AGW", False,
     dt.date(2019, 11, 18)),
    ("lev-wgl", "Frau", "Petra", "Voss", "Wohnungsgesellschaft Leverkusen", "Sozialmanagement", False,
     dt.date(2020, 2, 3)),
    ("lev-schule", "Herr", "Andreas", "Klinkhammer", "Gemeinschaftsgrundschule Rheindorf-Nord",
     "Schulleitung", False, dt.date(2020, 9, 1)),
    ("lev-buergerverein", "Frau", "Marion", "Effertz", "Bürgerverein Rheindorf e. V.", "Vorsitzende",
     False, dt.date(2019, 12, 12)),
    ("lev-rat", "Herr", "Oliver", "Strunk", "SPD-Fraktion im Rat der Stadt Leverkusen",
     "Ratsmitglied, sozialpolitischer Sprecher", False, dt.date(2020, 11, 1)),
]


# --- Quartier management and facilities -----------------------------------------------------------

# (area, operator, share in %, begin, fixed term until, persons, remark)
QUARTIERSMANAGEMENTS = [
    ("Rheindorf", "Caritasverband Leverkusen", 50, dt.date(2019, 10, 1), None, ["qm-rheindorf"],
     "Dauerhaft refinanzierte Stelle nach dem Modell der AGW."),
    ("Manfort", "AWO Kreisverband Leverkusen", 50, dt.date(2018, 5, 1), dt.date(2027, 4, 30),
     ["qm-manfort"], "Aus dem Projekt GLIM hervorgegangen."),
    ("Opladen", "Diakonisches Werk des Evangelischen Kirchenkreises Leverkusen", 50,
     dt.date(2021, 2, 1), dt.date(2026, 12, 31), ["qm-opladen"], ""),
    ("Küppersteg", "DRK Kreisverband Leverkusen", 50, dt.date(2021, 3, 1), dt.date(2028, 2, 29),
     ["qm-kueppersteg"], ""),
    ("Hitdorf", "Der Paritätische Leverkusen", 25, dt.date(2022, 1, 1), dt.date(2027, 12, 31),
     ["qm-hitdorf"], "Unter dem empfohlenen Stellenumfang von 50 %."),
]


# (name, kind, area, operator, status, opened, address, description)
EINRICHTUNGEN = [
    ("Stadtteilbüro Rheindorf", "quartierszentrum", "Rheindorf-Nord", "Caritasverband Leverkusen",
     "laufend", dt.date(2012, 1, 1), "Elbestraße 11, 51371 Leverkusen", ""),
    ("Nachbarschaftstreff Manfort", "begegnungsstaette", "Manfort", "AWO Kreisverband Leverkusen",
     "laufend", dt.date(2018, 9, 1), "Kalkstraße 30, 51377 Leverkusen", ""),
    ("Jugendhaus Küppersteg", "jugendzentrum", "Küppersteg", "DRK Kreisverband Leverkusen",
     "geschlossen", dt.date(1998, 4, 1), "", "2021 geschlossen, Angebote ins Quartiersbüro verlagert."),
]


# --- Programmes, programme areas, budgets ---------------------------------------------------------

VERFUEGUNGSFONDS_GEBIETE = ("Rheindorf", "Manfort", "Opladen", "Küppersteg", "Steinbüchel")  # Hitdorf from 2022


# (key, kurzname, name, funder, responsible organisation, begin, end, funding rules, description)
PROGRAMME = [
    ("soziale-stadt-lev", "Soziale Stadt", "Soziale Stadt Rheindorf-Nord", "bund",
     "Fachbereich Stadtplanung", J(2012, 1, 1), J(2022, 12, 31), {},
     "Bund-Länder-Programm Soziale Stadt im Stadtteil Rheindorf."),
    ("vf-lev", "Verfügungsfonds", "Verfügungsfonds Quartiersmanagement", "stadt",
     "Fachbereich Soziales", J(2020, 1, 1), None,
     {"ist_verfuegungsfonds": True, "max_betrag": D(1_500), "max_laufzeit_monate": 12},
     "Verfügungsmittel der Quartiersmanagements in den sechs besonders belasteten Stadtteilen "
     "(Baustein Umsetzungsebene)."),
]


# (programme key, area, role, begin, end)
PROGRAMMGEBIETE = [
    ("soziale-stadt-lev", "Rheindorf", "foerdergebiet", J(2012, 1, 1), J(2022, 12, 31)),
    *[("vf-lev", g, "foerdergebiet", J(2020, 1, 1), None) for g in VERFUEGUNGSFONDS_GEBIETE],
    ("vf-lev", "Hitdorf", "foerdergebiet", J(2022, 1, 1), None),
]


# (programme key, first year, last year, rows): in each year of the span the budgets of the rows,
# (area or None for the programme's budget, amount in EUR, remark), in this order
BUDGETS = [
    ("soziale-stadt-lev", 2014, 2022, [("Rheindorf", 180_000, "Bund/Land")]),
    ("vf-lev", 2020, 2021, [(None, 30_000, "Verfügungsmittel der Quartiersmanagements"),
                            *[(g, 5_000, "Verfügungsfonds") for g in VERFUEGUNGSFONDS_GEBIETE]]),
    ("vf-lev", 2022, 2026, [(None, 30_000, "Verfügungsmittel der Quartiersmanagements"),
                            *[(g, 5_000, "Verfügungsfonds") for g in VERFUEGUNGSFONDS_GEBIETE + ("Hitdorf",)]]),
]


# --- Projects -------------------------------------------------------------------------------------

# Soziale Stadt Rheindorf, disposal funds of the six quartiers
PROJEKTE = [
    P("Stadtteilmütter Rheindorf-Nord", "Rheindorf-Nord", "Caritasverband Leverkusen", "qm-rheindorf",
      ["int", "bild"], ["migration", "familien"], "2014-01-01", "2016-12-31", (120_000, 10_000, 20_000), (150, 190),
      "Stadtteilmütter besuchen Familien und begleiten sie zu Kita, Schule und Beratung.", "",
      [B("soziale-stadt-lev", jahr, 30_000, 30_000, am=f"{jahr - 1}-10-06", entschieden=f"{jahr - 1}-12-01",
         raten=(("01-20", 15_000), ("07-15", 15_000)), nachweis=N(f"{jahr + 1}-04-30", 30_000, f"{jahr + 1}-06-22"))
       for jahr in (2014, 2015, 2016)], GEPRUEFT),
    P("Quartiersspielplatz Elbestraße", "Rheindorf-Nord", "Wohnungsgesellschaft Leverkusen", "lev-wgl", ["wohn"],
      ["kinder", "familien"], "2017-03-01", "2017-10-31", (145_000, 25_000, 0), (None, None),
      "Umbau des Spielplatzes mit Beteiligung der Kinder aus der Nachbarschaft.", "",
      [B("soziale-stadt-lev", 2017, 120_000, 120_000, am="2016-10-10", entschieden="2016-12-05",
         raten=(("04-03", 60_000), ("09-15", 60_000)),
         nachweis=N("2018-03-29", 112_500, "2018-06-11", 7_500, "Geringere Kosten der Ausstattung."))], GEPRUEFT),
    P("Bürgertreff Rheindorf", "Rheindorf", "Bürgerverein Rheindorf e. V.", "lev-buergerverein", ["soz", "int"],
      ["senioren", "familien"], "2020-01-01", "2022-12-31", (75_000, 9_000, 6_000), (300, 340),
      "Treffpunkt mit Beratung, Nachbarschaftscafé und Raum für Initiativen.", "",
      [B("soziale-stadt-lev", jahr, 20_000, 20_000, am=f"{jahr - 1}-10-05", entschieden=f"{jahr - 1}-11-30",
         raten=(("01-15", 20_000),), nachweis=N(f"{jahr + 1}-05-17", 20_000, f"{jahr + 1}-07-05"))
       for jahr in (2020, 2021, 2022)], GEPRUEFT, "qm-rheindorf"),
    P("Stadtteilfest Rheindorf", "Rheindorf", "Caritasverband Leverkusen", "qm-rheindorf", ["int"], ["familien"],
      "2025-06-01", "2025-09-30", (4_000, 1_500, 1_000), (500, 700), "", "",
      [B("vf-lev", 2025, 1_500, 1_500, am="2025-04-07", entschieden="2025-04-22", raten=(("05-05", 1_500),),
         nachweis=N("2025-10-06", 1_500))], ABGESCHLOSSEN, "qm-rheindorf"),
    P("Nachbarschaftsflohmarkt Rheindorf", "Rheindorf-Nord", "Bürgerverein Rheindorf e. V.", "lev-buergerverein",
      ["int"], ["familien"], "2026-05-01", "2026-12-31", (1_200, 400, 0), (150, None), "", "",
      [B("vf-lev", 2026, 800, 800, am="2026-03-30", entschieden="2026-04-14", raten=(("05-11", 800),))],
      LAUFEND, "qm-rheindorf"),
    P("Sprachcafé Rheindorf", "Rheindorf", "Caritasverband Leverkusen", "qm-rheindorf", ["int", "bild"],
      ["migration"], "2026-12-01", "2027-05-31", (2_000, 500, 300), (20, None), "", "",
      [B("vf-lev", 2026, 1_200, am="2026-11-09")], None, "qm-rheindorf"),
    P("Spielenachmittage für Familien in Rheindorf", "Rheindorf-Nord", "Caritasverband Leverkusen", "qm-rheindorf",
      ["soz"], ["familien", "kinder"], "2027-01-01", "2027-06-30", (900, 300, 0), (30, None), "", "", (), None,
      "qm-rheindorf"),
    P("Repair-Café Manfort", "Manfort", "AWO Kreisverband Leverkusen", "qm-manfort", ["soz"], ["senioren"],
      "2024-03-01", "2024-12-31", (2_000, 600, 0), (80, 95), "", "",
      [B("vf-lev", 2024, 1_400, 1_400, am="2024-01-22", entschieden="2024-02-05", raten=(("03-01", 1_400),),
         nachweis=N("2025-01-27", 1_400, "2025-02-17"))], GEPRUEFT),
    P("Seniorenfrühstück Opladen", "Opladen", "Diakonisches Werk des Evangelischen Kirchenkreises Leverkusen",
      "qm-opladen", ["soz"], ["senioren"], "2025-02-01", "2025-12-31", (1_800, 600, 0), (40, 38), "", "",
      [B("vf-lev", 2025, 1_000, 1_000, am="2025-01-13", entschieden="2025-01-27", raten=(("02-03", 1_000),))],
      ABGESCHLOSSEN),
    P("Hausaufgabenhilfe Küppersteg", "Küppersteg", "DRK Kreisverband Leverkusen", "qm-kueppersteg", ["bild"],
      ["kinder"], "2026-09-01", "2027-06-30", (2_400, 900, 0), (20, None), "", "",
      [B("vf-lev", 2026, 1_500, 1_500, am="2026-08-17", entschieden="2026-09-07")]),
    P("Spielmobil Hitdorf", "Hitdorf", "Der Paritätische Leverkusen", "qm-hitdorf", ["soz"], ["kinder"],
      "2026-04-01", "2026-10-31", (3_500, 500, 1_500), (100, None), "", "",
      [B("vf-lev", 2026, 1_500, am="2026-02-16", entschieden="2026-03-02",
         abgelehnt="Das Spielmobil wird bereits über den Fachbereich Kinder und Jugend gefördert; eine "
                   "Doppelförderung ist ausgeschlossen.")]),
    P("Gesundheitstage Steinbüchel", "Steinbüchel", "AWO Kreisverband Leverkusen", "qm-steinbuechel", ["ges"],
      ["senioren", "familien"], "2023-09-01", "2023-10-31", (2_000, 800, 0), (120, 150), "", "",
      [B("vf-lev", 2023, 1_200, 1_200, am="2023-07-10", entschieden="2023-07-24", raten=(("09-01", 1_200),),
         nachweis=N("2023-12-11", 1_200, "2024-01-15"))], GEPRUEFT),
]


# --- Generated everyday projects ------------------------------------------------------------------

# Operators of the disposal fund's small actions in each area.
VF_TRAEGER = {
    "Rheindorf": ("Caritasverband Leverkusen", "Bürgerverein Rheindorf e. V.",
                  "Gemeinschaftsgrundschule Rheindorf-Nord"),
    "Manfort": ("AWO Kreisverband Leverkusen", "Kita Manfort"),
    "Opladen": ("Diakonisches Werk des Evangelischen Kirchenkreises Leverkusen", "Kulturverein Opladen e. V."),
    "Küppersteg": ("DRK Kreisverband Leverkusen",), "Hitdorf": ("Der Paritätische Leverkusen",),
    "Steinbüchel": ("AWO Kreisverband Leverkusen",),
}
# (area, operator): contact person
ANSPRECHPERSONEN = {
    ("Rheindorf", "Caritasverband Leverkusen"): "qm-rheindorf",
    ("Rheindorf", "Bürgerverein Rheindorf e. V."): "lev-buergerverein",
    ("Rheindorf", "Gemeinschaftsgrundschule Rheindorf-Nord"): "lev-schule",
    ("Manfort", "AWO Kreisverband Leverkusen"): "qm-manfort",
    ("Opladen", "Diakonisches Werk des Evangelischen Kirchenkreises Leverkusen"): "qm-opladen",
    ("Küppersteg", "DRK Kreisverband Leverkusen"): "qm-kueppersteg",
    ("Hitdorf", "Der Paritätische Leverkusen"): "qm-hitdorf",
}


# --- Bodies and meetings --------------------------------------------------------------------------

# Leverkusen: (quartier, operator of the steering circle, assemblies a year, steering meetings a year)
# for the last three years, oldest first; the current year decides the Strukturcheck.
LEV_QUARTIERE = [
    ("Rheindorf", "qm-rheindorf", (3, 3, 3), (4, 4, 3), None),
    ("Manfort", "qm-manfort", (2, 2, 2), (2, 3, 2), None),
    ("Opladen", "qm-opladen", (2, 2, 1), (2, 1, 1), None),
    ("Küppersteg", "qm-kueppersteg", (2, 2, 0), (1, 1, 0), (12, 10)),
    ("Hitdorf", "qm-hitdorf", (1, 0, 0), None, None),
    ("Steinbüchel", None, (1, 1, 1), None, None),
]
VERSAMMLUNGSTERMINE = [(3, 12), (6, 18), (9, 24), (11, 19)]
STEUERUNGSTERMINE = [(2, 5), (5, 7), (8, 27), (10, 29)]
BUERGERVERSAMMLUNG = {
    "name": "Bürgerversammlung {gebiet}", "art": "buergerversammlung", "soll": (2, 4),
    "beschreibung": "Beteiligungsebene: Bürgerinnen und Bürger erfahren, was im Quartier geschieht, und diskutieren "
                    "mit.",
}
# An assembly held: {nr} counts the assemblies of its year; the number of participants is spread per date.
VERSAMMLUNG = {
    "titel": "{nr}. Bürgerversammlung {gebiet} {jahr}", "format": "versammlung", "oeffentlich": True,
    "beginn": dt.time(18, 0), "ende": dt.time(20, 0), "ort": "Bürgertreff {gebiet}",
    "zusammenfassung": "Bericht des Quartiersmanagements, Anregungen aus der Nachbarschaft zu Spielflächen, "
                       "Sauberkeit und Angeboten für Familien.",
}
# The extra assembly of the current year (Küppersteg), with its participants once it has taken place.
EXTRA_VERSAMMLUNG = {"titel": "Bürgerversammlung {gebiet} {jahr}", "format": "versammlung", "oeffentlich": True,
                     "beginn": dt.time(18, 0), "ort": "Bürgertreff {gebiet}"}
EXTRA_VERSAMMLUNG_ERGEBNIS = {"teilnehmendenzahl": 31, "zusammenfassung": "Bericht des Quartiersmanagements."}
STEUERUNGSKREIS = {
    "name": "Steuerungskreis {gebiet}", "art": "steuerungskreis", "soll": (2, 4),
    "beschreibung": "Steuerungsebene: Fachbereiche der Stadt, Akteure im Quartier und das Quartiersmanagement "
                    "stimmen sich verbindlich ab.",
}
# Members besides the quartier manager, who leads the business; Rheindorf's circle is larger.
STEUERUNGSKREIS_MITGLIEDER = [("lev-planung", "vorsitz"), ("lev-jugend", "mitglied"), ("lev-agw", "mitglied")]
STEUERUNGSKREIS_RHEINDORF = [("lev-wgl", "mitglied"), ("lev-schule", "mitglied"), ("lev-buergerverein", "mitglied"),
                             ("lev-stadtplanung", "mitglied")]
STEUERUNGSKREIS_SEIT = dt.date(2020, 1, 1)
STEUERUNGSKREIS_SITZUNG = {
    "titel": "Steuerungskreis {gebiet} {nr}/{jahr}", "beginn": dt.time(10, 0), "ende": dt.time(12, 0),
    "ort": "Verwaltungsgebäude Goetheplatz",
    "zusammenfassung": "Stand der Projekte, Verfügungsmittel, Termine der Bürgerversammlungen.",
}
# One steering decision with a follow-up, for the decision control: at the first meeting of Rheindorf's circle.
STEUERUNGSBESCHLUSS = {
    "tagesordnung": [("Verfügungsfonds", "Vergabekriterien für den Verfügungsfonds Quartiersmanagement."),
                     ("Bürgerversammlungen", "Termine und Themen des Jahres.")],
    "text": "Der Steuerungskreis beschließt die Vergabekriterien des Verfügungsfonds: höchstens 1.500 € je Aktion, "
            "Entscheidung durch das Quartiersmanagement, Bericht im Steuerungskreis.",
    # (text, person, due and done in days after the meeting)
    "aufgabe": ("Vergabekriterien auf der Quartiersseite veröffentlichen", "qm-rheindorf", 30, 21),
}
# The follow-up of the circle's latest meeting held: (text, person, due in days after it)
STEUERUNGSAUFGABE = ("Bedarfe für ein Familienzentrum in Rheindorf-Nord erheben", "lev-jugend", 60)

# --- The council paper 2019/3030 on the social report and its consultation sequence -----------------------

# (body, kind, area, date, responsibility in the paper), in the order of the paper
BERATUNGSFOLGE = [
    ("Bürger- und Umweltausschuss", "ausschuss", "Leverkusen", dt.date(2019, 11, 14), "beratung"),
    ("Ausschuss für Soziales, Gesundheit und Senioren", "ausschuss", "Leverkusen", dt.date(2019, 11, 18),
     "beratung"),
    ("Bezirksvertretung für den Stadtbezirk I", "bezirksvertretung", "Stadtbezirk I", dt.date(2019, 11, 25),
     "beratung"),
    ("Bezirksvertretung für den Stadtbezirk II", "bezirksvertretung", "Stadtbezirk II", dt.date(2019, 11, 26),
     "beratung"),
    ("Bezirksvertretung für den Stadtbezirk III", "bezirksvertretung", "Stadtbezirk III", dt.date(2019, 11, 28),
     "beratung"),
    ("Rat der Stadt Leverkusen", "rat", "Leverkusen", dt.date(2019, 12, 16), "entscheidung"),
]
SOZIALBERICHT = "Sozialbericht 2019 – Gerechte Teilhabe in Leverkusen (Vorlage Nr. 2019/3030)"
# The meeting of each body; {name} is the body, {sozialbericht} the item above.
BERATUNGSSITZUNG = {"titel": "Sitzung {name}", "oeffentlich": True, "beginn": dt.time(17, 0), "ort": "Sitzungsraum",
                    "zusammenfassung": "{sozialbericht}: Beratung, Empfehlung an den Rat."}
BERATUNG_MITGLIEDER_SEIT = dt.date(2014, 6, 1)
# Members present at the bodies that only advised; their names are not recorded.
BERATUNG_ANWESENDE = {"Bürger- und Umweltausschuss": 15, "Bezirksvertretung für den Stadtbezirk I": 17,
                      "Bezirksvertretung für den Stadtbezirk II": 18, "Bezirksvertretung für den Stadtbezirk III": 16}
# What the two bodies that decided record besides the agenda item "Beratung." of the others.
BERATUNGEN = {
    "Ausschuss für Soziales, Gesundheit und Senioren": {
        "mitglieder": [("rat", "mitglied"), ("lev-rat", "vorsitz")],
        "teilnahmen": [("rat", "teilnehmend"), ("lev-rat", "moderation"), ("lev-agw", "teilnehmend"),
                       ("lev-planung", "protokoll")],
        "tagesordnungspunkt": "Die Arbeitsgemeinschaft der Wohlfahrtsverbände regt an, die sechs besonders belasteten "
                              "Stadtteile genauer in den Blick zu nehmen. Aus den Erfahrungen in Rheindorf (Soziale "
                              "Stadt) und Manfort (GLIM) ergeben sich drei Bausteine: eine Beteiligungsebene mit "
                              "Bürgerversammlungen, eine Umsetzungsebene mit einem Quartiersmanagement (mindestens "
                              "50 % Stellenumfang bei einem Verband, dazu Verfügungsmittel) und eine Steuerungsebene "
                              "mit einem Steuerungskreis.",
        "beschluss": {"text": "Der Ausschuss empfiehlt dem Rat, den Sozialbericht 2019 zu beschließen und die "
                              "Verwaltung zu beauftragen, eine Perspektive für die dauerhafte Umsetzung der drei "
                              "Bausteine in allen sechs Quartieren zu entwickeln.",
                      "art": "empfehlung", "stimmen_ja": 15, "stimmen_nein": 0, "stimmen_enthaltung": 2,
                      "umsetzungsstatus": "erledigt"},
        "aufgaben": [],
    },
    "Rat der Stadt Leverkusen": {
        "sitzung": {"ort": "Verwaltungsgebäude Goetheplatz, Ratssaal",
                    "zusammenfassung": "{sozialbericht}: Entscheidung."},
        "mitglieder": [("rat", "mitglied"), ("lev-rat", "mitglied")],
        "teilnahmen": [("rat", "teilnehmend"), ("lev-rat", "teilnehmend")],
        "tagesordnungspunkt": "Beschluss nach Beratung in den Ausschüssen und Bezirksvertretungen.",
        "beschluss": {"text": "Der Rat beschließt den Sozialbericht 2019 und beauftragt die Verwaltung, eine "
                              "Perspektive für die dauerhafte Umsetzung der drei Bausteine (Bürgerversammlungen, "
                              "Quartiersmanagement mit Verfügungsmitteln, Steuerungskreis) in allen sechs besonders "
                              "belasteten Quartieren zu entwickeln und Fördermöglichkeiten zu erkunden.",
                      "art": "beschluss", "stimmen_ja": 48, "stimmen_nein": 3, "stimmen_enthaltung": 4,
                      "umsetzungsstatus": "in_bearbeitung",
                      "vermerk": "Quartiersmanagements mit Verfügungsfonds in fünf der sechs Quartiere eingerichtet; "
                                 "in Steinbüchel fehlen noch Quartiersmanagement und Steuerungskreis, in Hitdorf ein "
                                 "Steuerungskreis."},
        # (text, person, due, done)
        "aufgaben": [
            ("Konzept für die drei Bausteine in den sechs Quartieren vorlegen", "lev-planung", dt.date(2020, 6, 30),
             dt.date(2020, 9, 15)),
            ("Fördermöglichkeiten (Bundesmittel gegen Kinderarmut) mit der GIB prüfen", "lev-planung",
             dt.date(2020, 12, 31), dt.date(2021, 3, 1)),
            ("Quartiersmanagement und Steuerungskreis in Steinbüchel einrichten", "lev-planung", dt.date(2022, 12, 31),
             None),
        ],
    },
}
BERATUNG_OHNE_BESCHLUSS = "Beratung."

BESCHLUSSENTWURF = ("Der Rat der Stadt Leverkusen nimmt den Sozialbericht 2019 „Gerechte Teilhabe in Leverkusen“ "
                    "zur Kenntnis und beschließt ihn in der vorgelegten Fassung.\n"
                    "\n"
                    "Die Verwaltung wird beauftragt, für die sechs besonders belasteten Stadtteile eine Perspektive "
                    "für die dauerhafte Umsetzung der folgenden drei Bausteine zu entwickeln und dafür "
                    "Fördermöglichkeiten zu erkunden:\n"
                    "- Beteiligungsebene: zwei bis vier Bürgerversammlungen im Jahr in jedem Quartier\n"
                    "- Umsetzungsebene: ein Quartiersmanagement mit mindestens 50 % Stellenumfang, angesiedelt bei "
                    "einem vor Ort tätigen Wohlfahrtsverband, und Verfügungsmittel für Projekte\n"
                    "- Steuerungsebene: ein Steuerungskreis aus Fachbereichen der Verwaltung, weiteren Akteuren und "
                    "dem Quartiersmanagement")
BEGRUENDUNG = ("Der Sozialbericht 2019 beschreibt die soziale Lage in den Stadtteilen Leverkusens anhand "
               "kleinräumiger Indikatoren, unter anderem der SGB-II-Quote und der Kinderarmut. In sechs Stadtteilen "
               "bündeln sich die Belastungen; hier besteht in besonderem Umfang Bedarf an Stabilisierung und an "
               "Unterstützung der im Quartier vorhandenen Bemühungen.\n"
               "\n"
               "Die Arbeitsgemeinschaft der Wohlfahrtsverbände hat dazu ein ergänzendes Schreiben vorgelegt (siehe "
               "Anlage). Aus den Erfahrungen in Rheindorf (Programm Soziale Stadt) und in Manfort (Projekt GLIM) "
               "leitet sie drei Faktoren für eine erfolgreiche Quartiersarbeit ab: eine Beteiligungsebene, eine "
               "Umsetzungsebene und eine Steuerungsebene.\n"
               "\n"
               "Eine solche Struktur setzt auf gewachsene Strukturen und Akteure auf und bildet keine "
               "Parallelstruktur, etwa zur Sozialraum-AG der Kinder- und Jugendhilfe. Sie erleichtert es zudem, "
               "Fördermittel für die Quartiere einzuwerben, insbesondere Bundesmittel zur Bekämpfung von "
               "Kinderarmut.\n"
               "\n"
               "Die Verwaltung schlägt vor, den Bericht zu beschließen und die Umsetzung der drei Bausteine in "
               "allen sechs Quartieren vorzubereiten.")
FINANZEN = ("Der Beschluss selbst hat keine unmittelbaren finanziellen Auswirkungen. Die Verfügungsmittel der "
            "Quartiersmanagements werden ab dem Haushaltsjahr 2020 aus dem Verfügungsfonds bereitgestellt; der Stand "
            "der Mittel ist in der folgenden Tabelle aus den Bewilligungen des Quartiersportals wiedergegeben.")
ANLAGEN = ("Sozialbericht 2019 – Gerechte Teilhabe in Leverkusen\n"
           "Ergänzendes Schreiben des Sprechers der Arbeitsgemeinschaft der Wohlfahrtsverbände")
RATSVORLAGE = {
    "betreff": "Sozialbericht 2019 - Gerechte Teilhabe in Leverkusen", "absender": "Der Oberbürgermeister",
    "zeichen": "III-zi/neu", "datum": dt.date(2019, 11, 20), "beschlussentwurf": BESCHLUSSENTWURF,
    "begruendung": BEGRUENDUNG, "finanzielle_auswirkungen": FINANZEN, "programm": "vf-lev", "haushaltsjahr": 2020,
    "anlagen": ANLAGEN,
}
# The departments that co-signed the paper before it went out: (department, who, when)
MITZEICHNUNGEN = [
    ("Fachbereich Kinder und Jugend", "Patrick Schürmann", dt.date(2019, 11, 18)),
    ("Fachbereich Stadtplanung", "Claudia Berghoff", dt.date(2019, 11, 19)),
]
VORIGE_VORLAGENNUMMER = 3029  # Leverkusen's papers of 2019 were numbered up to 2019/3029 before this one


# --- What the Strukturcheck counts in Leverkusen: the paper's own model ----------------------------------------
STRUKTURMODELL = {"name": "Leverkusener Modell", "beteiligung_arten": ["buergerversammlung"],
                  "beteiligung_soll_min": 2, "beteiligung_soll_max": 4, "steuerung_arten": ["steuerungskreis"],
                  "steuerung_soll_min": 1}
