"""Bremen: the WiN areas and the programmes combined in them (WiN, flanking funding, Soziale Stadt, LOS,
health money, the disposal fund), the quartier managements, the WiN forums and the ZugABe working group.

From the quartier managements' statements on the poverty report (2015) and the ZugABe model project.
Pure data, read by the loaders in demo/laden.
"""

import datetime as dt
from decimal import Decimal as D

from quartiere.models import Gebiet, Organisation

from .typen import ABGESCHLOSSEN, BALD, GEPRUEFT, LAUFEND, G
from .typen import Antragsvorlage as B
from .typen import Nachweisvorlage as N
from .typen import Projektvorlage as P
from .typen import Thema as T

A = Gebiet.Art
O = Organisation.Art
J = dt.date


# --- Areas ----------------------------------------------------------------------------------------

GEBIETE = (
    G(A.STADT, "Bremen", "04011000",
      G(A.STADTBEZIRK, "Bremen-Nord", "5",
        G(A.STADTTEIL, "Blumenthal", "53",
          G(A.ORTSTEIL, "Blumenthal", "531",
            G(A.QUARTIER, "Altes Zentrum Blumenthal", "531-01", typ="historischer Ortskern", belastet=True,
              text="Flankierende WiN-Förderung 2014 bis 2016, ab der Förderperiode 2016–2022 im Programm WiN.")),
          G(A.ORTSTEIL, "Rönnebeck", "532"),
          G(A.ORTSTEIL, "Lüssum-Bockhorn", "533", typ="Großwohnsiedlung", belastet=True),
          G(A.ORTSTEIL, "Farge", "534")),
        G(A.STADTTEIL, "Vegesack", "52",
          G(A.ORTSTEIL, "Grohn", "522", typ="Großwohnsiedlung", belastet=True))),
      G(A.STADTBEZIRK, "Bremen-Ost", "3",
        G(A.STADTTEIL, "Vahr", "33",
          G(A.ORTSTEIL, "Gartenstadt Vahr", "331"),
          G(A.ORTSTEIL, "Neue Vahr Nord", "332", typ="Großwohnsiedlung", belastet=True),
          G(A.ORTSTEIL, "Neue Vahr Südost", "334", typ="Großwohnsiedlung", belastet=True)),
        G(A.STADTTEIL, "Osterholz", "37",
          G(A.ORTSTEIL, "Ellener Feld", "371"),
          G(A.ORTSTEIL, "Tenever", "373", typ="Großwohnsiedlung", belastet=True),
          G(A.ORTSTEIL, "Blockdiek", "375", typ="Großwohnsiedlung", belastet=True,
            text="Mit der Förderperiode 2016–2022 vollumfänglich in WiN und Soziale Stadt aufgenommen."))),
      G(A.STADTBEZIRK, "Bremen-Süd", "2",
        G(A.STADTTEIL, "Neustadt", "21",
          G(A.ORTSTEIL, "Huckelriede", "218", typ="Arbeiter- und Siedlungsquartier", belastet=True)),
        G(A.STADTTEIL, "Huchting", "24",
          G(A.ORTSTEIL, "Mittelshuchting", "241"),
          G(A.ORTSTEIL, "Sodenmatt", "242", typ="Großwohnsiedlung", belastet=True),
          G(A.ORTSTEIL, "Kirchhuchting", "243", typ="Großwohnsiedlung", belastet=True))),
      G(A.STADTBEZIRK, "Bremen-West", "4",
        G(A.STADTTEIL, "Gröpelingen", "43",
          G(A.ORTSTEIL, "Lindenhof", "431", typ="Arbeiterquartier", belastet=True),
          G(A.ORTSTEIL, "Ohlenhof", "433", typ="Arbeiterquartier", belastet=True),
          G(A.ORTSTEIL, "Oslebshausen", "434"))))
)


ZENTRUM = (8.80, 53.08)  # rough centre (longitude, latitude), so a tile layer shows the right region
MAILDOMAIN = "bremen.example"  # of the people's made-up addresses


# --- Organisations and people ---------------------------------------------------------------------

# (name, short name, kind, parent organisation)
ORGANISATIONEN = [
    ("Senator für Wirtschaft, Arbeit und Häfen", "SWAH", O.RESSORT, None),
    ("Senatorin für Kinder und Bildung", "SKB", O.RESSORT, None),
    ("Senator für Umwelt, Bau und Verkehr", "SUBV", O.RESSORT, None),
    ("Senatorin für Soziales, Jugend, Frauen, Integration und Sport", "SJFIS", O.RESSORT, None),
    ("Senatorin für Wissenschaft, Gesundheit und Verbraucherschutz", "SWGV", O.RESSORT, None),
    ("Senator für Inneres", "SI", O.RESSORT, None),
    ("Senator für Kultur", "SK", O.RESSORT, None),
    ("Referat Sozialplanung und Quartiersentwicklung", "Sozialplanung", O.AMT,
     "Senatorin für Soziales, Jugend, Frauen, Integration und Sport"),
    ("Amt für Soziale Dienste", "AfSD", O.AMT, "Senatorin für Soziales, Jugend, Frauen, Integration und Sport"),
    ("Arbeiterwohlfahrt Kreisverband Bremen", "AWO Bremen", O.WOHLFAHRTSVERBAND, None),
    ("Caritasverband Bremen", "Caritas Bremen", O.WOHLFAHRTSVERBAND, None),
    ("Diakonisches Werk Bremen", "Diakonie Bremen", O.WOHLFAHRTSVERBAND, None),
    ("Deutsches Rotes Kreuz Kreisverband Bremen", "DRK Bremen", O.WOHLFAHRTSVERBAND, None),
    ("Der Paritätische Bremen", "Paritätischer Bremen", O.WOHLFAHRTSVERBAND, None),
    ("GEWOBA Aktiengesellschaft Wohnen und Bauen", "GEWOBA", O.WOHNUNGSUNTERNEHMEN, None),
    ("BREBAU GmbH", "BREBAU", O.WOHNUNGSUNTERNEHMEN, None),
    ("Oberschule an der Koblenzer Straße", "OS Koblenzer Straße", O.SCHULE, None),
    ("Grundschule Blockdiek", "GS Blockdiek", O.SCHULE, None),
    ("Kita Sodenmatt", "", O.SCHULE, None),
    ("Mütterzentrum Osterholz-Tenever e. V.", "Mütterzentrum Tenever", O.VEREIN, None),
    ("Kultur vor Ort e. V.", "", O.VEREIN, None),
    ("Bürgerhaus Vahr e. V.", "Bürgerhaus Vahr", O.VEREIN, None),
    ("Stadtteilfarm Huchting e. V.", "", O.VEREIN, None),
    ("Sportverein Blumenthal von 1862 e. V.", "SV Blumenthal", O.VEREIN, None),
    ("Werbegemeinschaft Blumenthal e. V.", "", O.VEREIN, None),
    ("Beirat Osterholz", "", O.BEIRAT, None),
    ("Beirat Blumenthal", "", O.BEIRAT, None),
]


# (key, anrede, vorname, nachname, organisation, funktion, ist_verwaltung, einwilligung_am)
PERSONEN = [
    # Bremen: social planning staff and the quartier managers
    ("verwaltung", "Frau", "Katrin", "Oltmanns", "Referat Sozialplanung und Quartiersentwicklung",
     "Referentin WiN / Soziale Stadt", True, None),
    ("hb-planung2", "Herr", "Jens", "Tietjen", "Referat Sozialplanung und Quartiersentwicklung",
     "Sachbearbeitung Zuwendungen", True, None),
    ("qm-blockdiek", "Frau", "Miriam", "Kaminski", "Diakonisches Werk Bremen",
     "Quartiersmanagerin Blockdiek", False, dt.date(2016, 3, 1)),
    ("qm-tenever", "Herr", "Okan", "Demirel", "Arbeiterwohlfahrt Kreisverband Bremen",
     "Quartiersmanager Tenever", False, dt.date(2015, 1, 12)),
    ("qm-vahr", "Frau", "Sabine", "Wessels", "Caritasverband Bremen",
     "Quartiersmanagerin Neue Vahr", False, dt.date(2015, 2, 2)),
    ("qm-blumenthal", "Frau", "Anja", "Rohlfs", "Deutsches Rotes Kreuz Kreisverband Bremen",
     "Quartiersmanagerin Blumenthal / Lüssum", False, dt.date(2014, 9, 1)),
    ("qm-huckelriede", "Herr", "Tobias", "Uhlhorn", "Der Paritätische Bremen",
     "Quartiersmanager Huckelriede", False, dt.date(2017, 4, 3)),
    ("qm-huchting", "Frau", "Leyla", "Özkan", "Arbeiterwohlfahrt Kreisverband Bremen",
     "Quartiersmanagerin Huchting", False, dt.date(2018, 1, 15)),
    ("qm-groepelingen", "Herr", "Marek", "Nowicki", "Caritasverband Bremen",
     "Quartiersmanager Gröpelingen", False, None),
    # Bremen: contact persons of the departments (ZugABe)
    ("zugabe-arbeit", "Herr", "Frank", "Lüdeking", "Senator für Wirtschaft, Arbeit und Häfen",
     "Ansprechperson ZugABe (Arbeit)", True, None),
    ("zugabe-bildung", "Frau", "Ines", "Gerdes", "Senatorin für Kinder und Bildung",
     "Ansprechperson ZugABe (Bildung)", True, None),
    ("zugabe-bau", "Herr", "Holger", "Brandstätter", "Senator für Umwelt, Bau und Verkehr",
     "Ansprechperson ZugABe (Bau)", True, None),
    ("zugabe-jugend", "Frau", "Nicole", "Feldkamp",
     "Senatorin für Soziales, Jugend, Frauen, Integration und Sport", "Ansprechperson ZugABe (Jugend)", True, None),
    ("zugabe-soziales", "Herr", "Stefan", "Albers",
     "Senatorin für Soziales, Jugend, Frauen, Integration und Sport", "Ansprechperson ZugABe (Soziales)", True, None),
    ("zugabe-gesundheit", "Frau", "Dr. Maren", "Ellerbrock",
     "Senatorin für Wissenschaft, Gesundheit und Verbraucherschutz", "Ansprechperson ZugABe (Gesundheit)", True, None),
    ("zugabe-inneres", "Herr", "Kai", "Stührenberg", "Senator für Inneres",
     "Ansprechperson ZugABe (Inneres)", True, None),
    ("zugabe-kultur", "Frau", "Julia", "Vogelsang", "Senator für Kultur",
     "Ansprechperson ZugABe (Kultur)", True, None),
    ("zugabe-sport", "Herr", "Dennis", "Meyerhoff",
     "Senatorin für Soziales, Jugend, Frauen, Integration und Sport", "Ansprechperson ZugABe (Sport)", True, None),
    # Bremen: actors in the areas
    ("hb-gewoba", "Herr", "Matthias", "Quast", "GEWOBA Aktiengesellschaft Wohnen und Bauen",
     "Quartiersservice", False, dt.date(2019, 5, 6)),
    ("hb-muetterzentrum", "Frau", "Gülay", "Yıldırım", "Mütterzentrum Osterholz-Tenever e. V.",
     "Geschäftsführung", False, dt.date(2016, 6, 20)),
    ("hb-schule", "Frau", "Birgit", "Nordmann", "Grundschule Blockdiek", "Schulleitung", False,
     dt.date(2017, 8, 28)),
    ("hb-beirat", "Herr", "Uwe", "Dreyer", "Beirat Osterholz", "Beiratssprecher", False, dt.date(2015, 12, 10)),
    ("hb-kultur", "Frau", "Svenja", "Hollmann", "Kultur vor Ort e. V.", "Projektleitung", False,
     dt.date(2018, 2, 1)),
]


# --- Quartier management and facilities -----------------------------------------------------------

# (area, operator, share in %, begin, fixed term until, persons, remark)
QUARTIERSMANAGEMENTS = [
    ("Blockdiek", "Diakonisches Werk Bremen", 50, dt.date(2016, 1, 1), None, ["qm-blockdiek"],
     "Mit der Förderperiode 2016–2022 eingerichtet, seit 2023 unbefristet."),
    ("Tenever", "Arbeiterwohlfahrt Kreisverband Bremen", 75, dt.date(2010, 1, 1), None, ["qm-tenever"],
     "Verstetigte Stelle."),
    ("Vahr", "Caritasverband Bremen", 50, dt.date(2012, 7, 1), dt.date(2027, 12, 31), ["qm-vahr"],
     "Befristet bis zum Ende der Förderperiode."),
    ("Bremen/stadtteil:Blumenthal", "Deutsches Rotes Kreuz Kreisverband Bremen", 50, dt.date(2014, 1, 1), BALD,
     ["qm-blumenthal"], "Vertrag läuft aus; eine Entfristung ist beantragt."),
    ("Huckelriede", "Der Paritätische Bremen", 50, dt.date(2017, 4, 1), None, ["qm-huckelriede"], ""),
    ("Huchting", "Arbeiterwohlfahrt Kreisverband Bremen", 50, dt.date(2018, 1, 1),
     dt.date(2029, 12, 31), ["qm-huchting"], ""),
    ("Gröpelingen", "Caritasverband Bremen", 50, dt.date(2014, 1, 1), dt.date(2022, 12, 31),
     ["qm-groepelingen"], "Stelle ist ausgelaufen und wird neu ausgeschrieben."),
]


# (name, kind, area, operator, status, opened, address, description)
EINRICHTUNGEN = [
    ("Familien- und Quartierszentrum Vahr", "familienzentrum", "Neue Vahr Nord", "Caritasverband Bremen",
     "verstetigt", dt.date(2009, 9, 1), "August-Bebel-Allee 10, 28329 Bremen",
     "Verstetigt mit institutioneller Förderung für Personal- und Sachkosten."),
    ("Haus der Zukunft – Mehrgenerationenhaus", "mehrgenerationenhaus", "Lüssum-Bockhorn",
     "Deutsches Rotes Kreuz Kreisverband Bremen", "laufend", dt.date(2005, 5, 1), "Lüssumer Heide 6, 28777 Bremen",
     "Mehrgenerationenhaus und Treffpunkt im Quartier Lüssum."),
    ("Quartierszentrum Huckelriede", "quartierszentrum", "Huckelriede", "Der Paritätische Bremen",
     "verstetigt", dt.date(2011, 3, 1), "Niedersachsendamm 20, 28201 Bremen",
     "Verstetigt seit 2017; Regiekosten aus dem Haushalt."),
    ("Kinder- und Familienzentrum Blockdiek", "familienzentrum", "Blockdiek", "Diakonisches Werk Bremen",
     "laufend", dt.date(2018, 8, 1), "Mülheimer Straße 5, 28327 Bremen", ""),
    ("Quartiersbildungszentrum Tenever", "quartierszentrum", "Tenever",
     "Arbeiterwohlfahrt Kreisverband Bremen", "laufend", dt.date(2016, 2, 1), "Otto-Brenner-Allee 44, 28325 Bremen",
     ""),
    ("Jugendtreff Huchting", "jugendzentrum", "Sodenmatt", "Stadtteilfarm Huchting e. V.", "laufend",
     dt.date(2012, 6, 1), "Amersfoorter Straße 8, 28259 Bremen", ""),
    ("Quartierszentrum Altes Zentrum Blumenthal", "quartierszentrum", "Altes Zentrum Blumenthal",
     "Sportverein Blumenthal von 1862 e. V.", "geplant", None, "Mühlenstraße 40, 28779 Bremen",
     "Geplant für die neue Förderperiode; Finanzierung der Betriebs- und Regiekosten offen."),
]


# --- Programmes, programme areas, budgets ---------------------------------------------------------

WIN_GEBIETE = {  # local WiN budget per year in EUR
    "Lüssum-Bockhorn": 150_000, "Altes Zentrum Blumenthal": 40_000, "Grohn": 115_000, "Neue Vahr Nord": 130_000,
    "Neue Vahr Südost": 110_000, "Blockdiek": 120_000, "Tenever": 190_000, "Huckelriede": 100_000,
    "Sodenmatt": 105_000, "Kirchhuchting": 95_000, "Lindenhof": 140_000, "Ohlenhof": 150_000,
}
WIN2_GEBIETE = {  # the same areas 2023–2029, each budget raised by about 15 % (to the thousand)
    "Lüssum-Bockhorn": 172_000, "Altes Zentrum Blumenthal": 46_000, "Grohn": 132_000, "Neue Vahr Nord": 150_000,
    "Neue Vahr Südost": 126_000, "Blockdiek": 138_000, "Tenever": 218_000, "Huckelriede": 115_000,
    "Sodenmatt": 121_000, "Kirchhuchting": 109_000, "Lindenhof": 161_000, "Ohlenhof": 172_000,
}
VERFUEGUNGSFONDS_GEBIETE = ("Blockdiek", "Tenever", "Neue Vahr Nord", "Huckelriede", "Lüssum-Bockhorn")


# (key, kurzname, name, funder, responsible organisation, begin, end, funding rules, description)
PROGRAMME = [
    ("win", "WiN", "Wohnen in Nachbarschaften – WiN", "stadt",
     "Senatorin für Soziales, Jugend, Frauen, Integration und Sport", J(2016, 1, 1), J(2022, 12, 31),
     {"max_foerderquote": D(50)},
     "Stadtteilbezogenes Programm für benachteiligte Quartiere; Gesamtbudget 1,75 Mio. € im Jahr, verteilt auf "
     "lokale Budgets, über die die WiN-Foren im Konsens entscheiden. Der Träger bringt mindestens die Hälfte der "
     "Kosten selbst oder über Dritte auf."),
    ("win2", "WiN 2023–2029", "Wohnen in Nachbarschaften – Förderperiode 2023–2029", "stadt",
     "Senatorin für Soziales, Jugend, Frauen, Integration und Sport", J(2023, 1, 1), J(2029, 12, 31),
     {"max_foerderquote": D(50)},
     "Fortsetzung von WiN mit aufgestocktem Gesamtbudget von 2 Mio. € im Jahr."),
    ("win-flankierend", "WiN flankierend", "Flankierende WiN-Förderung", "stadt",
     "Senatorin für Soziales, Jugend, Frauen, Integration und Sport", J(2014, 1, 1), J(2016, 12, 31),
     {"max_foerderquote": D(50)},
     "Flankierende Förderung für Quartiere außerhalb der Fördergebiete, um erreichte Erfolge abzusichern "
     "(Altes Zentrum Blumenthal: 20.000 € je Jahr 2014 bis 2016)."),
    ("soziale-stadt-hb", "Soziale Stadt",
     "Soziale Stadt – Investitionen im Quartier (Städtebauförderung)", "bund",
     "Senator für Umwelt, Bau und Verkehr", J(2016, 1, 1), J(2022, 12, 31), {},
     "Bund-Länder-Programm der Städtebauförderung, kombiniert mit WiN in denselben Gebieten."),
    ("los", "LOS", "Lokales Kapital für soziale Zwecke (LOS)", "eu",
     "Senatorin für Soziales, Jugend, Frauen, Integration und Sport", J(2014, 1, 1), J(2020, 12, 31),
     {"max_betrag": D(10_000), "max_laufzeit_monate": 12},
     "Mikroprojekte aus dem Europäischen Sozialfonds, höchstens 10.000 € je Projekt und höchstens ein Jahr."),
    ("gesundheit", "Gesundheit im Quartier", "Gesundheit im Quartier (Präventionsgesetz)",
     "krankenkassen", "Senatorin für Wissenschaft, Gesundheit und Verbraucherschutz", J(2017, 1, 1),
     J(2026, 12, 31), {"max_laufzeit_monate": 36},
     "Mittel der Krankenkassen nach dem Präventionsgesetz für den Schwerpunkt Gesundheit in WiN-Gebieten."),
    ("vf-hb", "Verfügungsfonds", "Verfügungsfonds Quartiersmanagement", "stadt",
     "Referat Sozialplanung und Quartiersentwicklung", J(2020, 1, 1), None,
     {"ist_verfuegungsfonds": True, "max_betrag": D(1_500), "max_laufzeit_monate": 12},
     "Verfügungsmittel, die das Quartiersmanagement vor Ort für kleine Aktionen vergibt (höchstens 1.500 € je "
     "Aktion)."),
]


# (programme key, area, role, begin, end)
PROGRAMMGEBIETE = [
    *[("win", g, "foerdergebiet", J(2016, 1, 1), J(2022, 12, 31)) for g in WIN_GEBIETE],
    *[("win2", g, "foerdergebiet", J(2023, 1, 1), J(2029, 12, 31)) for g in WIN_GEBIETE],
    ("win-flankierend", "Altes Zentrum Blumenthal", "flankierend", J(2014, 1, 1), J(2016, 12, 31)),
    ("soziale-stadt-hb", "Blockdiek", "foerdergebiet", J(2016, 1, 1), J(2022, 12, 31)),
    ("soziale-stadt-hb", "Gröpelingen", "foerdergebiet", J(2016, 1, 1), J(2022, 12, 31)),
    ("los", "Gröpelingen", "foerdergebiet", J(2014, 1, 1), J(2020, 12, 31)),
    ("los", "Tenever", "foerdergebiet", J(2014, 1, 1), J(2020, 12, 31)),
    ("los", "Huchting", "foerdergebiet", J(2014, 1, 1), J(2020, 12, 31)),
    ("gesundheit", "Tenever", "foerdergebiet", J(2017, 1, 1), J(2026, 12, 31)),
    ("gesundheit", "Blockdiek", "foerdergebiet", J(2017, 1, 1), J(2026, 12, 31)),
    ("gesundheit", "Gröpelingen", "foerdergebiet", J(2017, 1, 1), J(2026, 12, 31)),
    ("gesundheit", "Huchting", "foerdergebiet", J(2019, 1, 1), J(2026, 12, 31)),
    *[("vf-hb", g, "foerdergebiet", J(2020, 1, 1), None) for g in VERFUEGUNGSFONDS_GEBIETE],
]

# (programme key, first year, last year, rows): in each year of the span the budgets of the rows,
# (area or None for the programme's budget, amount in EUR, remark), in this order
BUDGETS = [
    ("win", 2016, 2022, [(None, 1_750_000, "Gesamtbudget WiN"),
                         *[(g, betrag, "lokales Budget") for g, betrag in WIN_GEBIETE.items()]]),
    ("win2", 2023, 2026, [(None, 2_000_000, "Gesamtbudget WiN, aufgestockt"),
                          *[(g, betrag, "lokales Budget") for g, betrag in WIN2_GEBIETE.items()]]),
    ("win-flankierend", 2014, 2016, [("Altes Zentrum Blumenthal", 20_000, "flankierende Förderung")]),
    ("soziale-stadt-hb", 2016, 2022, [(None, 600_000, "Bund/Land"), ("Blockdiek", 250_000, ""),
                                      ("Gröpelingen", 300_000, "")]),
    ("los", 2014, 2020, [(None, 120_000, "ESF")]),
    ("gesundheit", 2017, 2026, [(None, 240_000, "Mittel der Krankenkassen")]),
    ("vf-hb", 2020, 2026, [(None, 40_000, ""), *[(g, 8_000, "Verfügungsfonds") for g in VERFUEGUNGSFONDS_GEBIETE]]),
]


# --- Projects -------------------------------------------------------------------------------------

PROJEKTE = [
    P("Mama lernt Deutsch – Sprachkurs mit Kinderbetreuung", "Tenever", "Mütterzentrum Osterholz-Tenever e. V.",
      "hb-muetterzentrum", ["bild", "int"], ["familien", "migration", "u3"], "2017-01-09", "2017-12-15",
      (16_500, 3_500, 5_000), (20, 18),
      "Deutschkurs für Mütter im Quartier, parallel betreuen Fachkräfte die Kinder unter drei Jahren.",
      "Sprachkenntnisse verbessern, Zugang zu Kita und Schule erleichtern.",
      [B("win", 2017, 8_000, 8_000, am="2016-11-14", entschieden="2016-12-08",
         raten=(("02-01", 4_000), ("07-03", 4_000)),
         nachweis=N("2018-04-20", 8_000, "2018-06-12"))], GEPRUEFT),
    P("HIPPY – Hausbesuchsprogramm für Familien mit Vorschulkindern", "Neue Vahr Nord", "Caritasverband Bremen",
      "qm-vahr", ["bild"], ["familien", "kinder", "migration"], "2018-01-01", "2019-12-31", (52_000, 6_000, 20_000),
      (30, 27), "Geschulte Hausbesucherinnen aus den Communities spielen und lernen mit Eltern und Vorschulkindern.",
      "Eltern in der frühen Förderung stärken, Übergang in die Schule vorbereiten.",
      [B("win", 2018, 13_000, 13_000, am="2017-10-16", entschieden="2017-11-09",
         raten=(("01-15", 6_500), ("07-02", 6_500)),
         nachweis=N("2019-05-28", 12_360, "2019-09-02", 640, "Honorarkosten geringer als geplant.")),
       B("win", 2019, 13_000, 12_000, am="2018-10-15", entschieden="2018-11-08",
         raten=(("02-01", 6_000), ("08-01", 6_000)), nachweis=N("2020-06-15", 12_000, "2020-08-20"))], GEPRUEFT),
    P("Opstapje – Spiel- und Lernprogramm für Kleinkinder und Eltern", "Blockdiek", "Diakonisches Werk Bremen",
      "qm-blockdiek", ["bild"], ["u3", "familien"], "2019-03-01", "2020-12-31", (38_000, 9_000, 10_000), (24, 22),
      "Wöchentliche Hausbesuche und Gruppentreffen für Familien mit Kindern von 18 Monaten bis drei Jahren.", "",
      [B("win", 2019, 9_500, 9_500, am="2019-01-21", entschieden="2019-02-14",
         raten=(("03-01", 4_750), ("09-02", 4_750)),
         nachweis=N("2020-04-30", 9_500, "2020-07-14")),
       B("win", 2020, 9_500, 9_000, am="2019-11-18", entschieden="2019-12-12",
          raten=(("02-03", 4_500), ("08-03", 4_500)),
         nachweis=N("2021-06-28", 8_700))], ABGESCHLOSSEN, "qm-blockdiek"),
    P("Bewegungsparcours am Grünzug Blockdiek", "Blockdiek", "GEWOBA Aktiengesellschaft Wohnen und Bauen", "hb-gewoba",
      ["wohn", "ges"], ["kinder", "jugend", "senioren"], "2018-04-01", "2018-11-30", (186_000, 36_000, 30_000),
      (None, None), "Generationenübergreifender Bewegungsparcours mit Sitzbereichen am Grünzug.", "",
      [B("soziale-stadt-hb", 2018, 120_000, 120_000, am="2017-09-25", entschieden="2017-12-04",
         raten=(("05-15", 60_000), ("10-15", 60_000)),
         nachweis=N("2019-03-29", 118_400, "2019-06-03", 1_600, "Minderausgaben bei den Baukosten."))], GEPRUEFT),
    P("Stadtteilfest Blockdiek", "Blockdiek", "Diakonisches Werk Bremen", "qm-blockdiek", ["int"], ["familien"],
      "2024-06-01", "2024-09-30", (3_200, 1_200, 500), (400, 650),
      "Fest der Nachbarschaft mit Bühne, Ständen der Einrichtungen und Angeboten für Kinder.", "",
      [B("vf-hb", 2024, 1_500, 1_500, am="2024-04-08", entschieden="2024-04-22", raten=(("05-06", 1_500),),
         nachweis=N("2024-10-14", 1_500, "2024-11-04"))], GEPRUEFT, "qm-blockdiek"),
    P("Sprachcafé Blockdiek", "Blockdiek", "Diakonisches Werk Bremen", "qm-blockdiek", ["int", "bild"],
      ["migration", "familien"], "2025-01-01", "2026-12-31", (24_000, 4_000, 8_000), (25, None),
      "Wöchentlicher offener Treff zum Deutschsprechen, begleitet von Ehrenamtlichen.", "",
      [B("win2", 2025, 6_000, 6_000, am="2024-11-11", entschieden="2024-12-05",
         raten=(("01-15", 3_000), ("07-01", 3_000))),
       B("win2", 2026, 6_000, 6_000, am="2025-11-10", entschieden="2025-12-04", raten=(("01-15", 3_000),))],
      LAUFEND, "qm-blockdiek"),
    P("Gesundheitstreff Blockdiek", "Blockdiek", "Diakonisches Werk Bremen", "qm-blockdiek", ["ges"],
      ["senioren", "familien"], "2022-01-01", "2023-12-31", (30_000, 5_000, 5_000), (60, 74),
      "Offener Treff mit Bewegungsangeboten, Ernährungsberatung und Sprechstunden im Quartier.", "",
      [B("gesundheit", 2022, 10_000, 10_000, am="2021-11-08", entschieden="2021-12-01", raten=(("02-01", 10_000),),
         nachweis=N("2023-05-15", 10_000, "2023-07-03")),
       B("gesundheit", 2023, 10_000, 10_000, am="2022-11-07", entschieden="2022-12-01", raten=(("02-01", 10_000),),
         nachweis=N("2024-06-20", 9_200))], ABGESCHLOSSEN, "qm-blockdiek"),
    P("Hausaufgabenhilfe im Quartier Blockdiek", "Blockdiek", "Grundschule Blockdiek", "hb-schule", ["bild"],
      ["kinder"], "2026-12-01", "2027-07-31", (14_000, 3_000, 4_000), (30, None),
      "Hausaufgabenhilfe mit Lernpatinnen und Lernpaten nach dem Unterricht.", "", (), None, "qm-blockdiek"),
    P("Frauenfrühstück international", "Blockdiek", "Diakonisches Werk Bremen", "qm-blockdiek", ["int"],
      ["migration", "allein"], "2026-11-01", "2026-12-31", (1_400, 300, 200), (20, None), "", "",
      [B("vf-hb", 2026, 900, am="2026-10-19")], None, "qm-blockdiek"),
    P("Stadtteilservice Tenever – Beschäftigung im Quartier", "Tenever", "Arbeiterwohlfahrt Kreisverband Bremen",
      "qm-tenever", ["besch"], ["migration"], "2016-01-01", "2018-12-31", (210_000, 40_000, 80_000), (24, 26),
      "Öffentlich geförderte Beschäftigung: Teilnehmende pflegen Grünflächen und begleiten Nachbarschaftsdienste.",
      "Einsatzstellen im Stadtteil erhalten, Übergänge in Arbeit schaffen.",
      [B("win", jahr, 30_000, 30_000, am=f"{jahr - 1}-10-12", entschieden=f"{jahr - 1}-11-10",
         raten=(("01-20", 15_000), ("07-20", 15_000)), nachweis=N(f"{jahr + 1}-05-31", 30_000, f"{jahr + 1}-08-15"))
       for jahr in (2016, 2017, 2018)], GEPRUEFT),
    P("Generationencafé im Haus der Zukunft", "Lüssum-Bockhorn", "Deutsches Rotes Kreuz Kreisverband Bremen",
      "qm-blumenthal", ["soz", "int"], ["senioren", "familien"], "2016-03-01", "2017-12-31", (28_000, 8_000, 6_000),
      (80, 95), "Café als Treffpunkt von Alt und Jung im Mehrgenerationenhaus.", "",
      [B("win", 2016, 7_000, 7_000, am="2016-01-18", entschieden="2016-02-11", raten=(("03-01", 7_000),),
         nachweis=N("2017-03-30", 7_000, "2017-05-22")),
       B("win", 2017, 7_000, 7_000, am="2016-11-14", entschieden="2016-12-08", raten=(("02-01", 7_000),),
         nachweis=N("2018-06-25", 6_580, "2018-09-10", 420, "Nicht verbrauchte Sachkosten."))], GEPRUEFT),
    P("Kletterwand im Haus der Zukunft", "Lüssum-Bockhorn", "Deutsches Rotes Kreuz Kreisverband Bremen",
      "qm-blumenthal", ["wohn"], ["jugend", "kinder"], "2021-05-01", "2021-10-31", (48_000, 14_000, 10_000),
      (None, None), "", "",
      [B("win", 2021, 24_000, am="2021-02-15", entschieden="2021-03-18",
         abgelehnt="Investive Maßnahme: bitte über die Städtebauförderung beantragen. Das lokale Budget ist durch "
                   "laufende Projekte weitgehend gebunden.")]),
    P("Aufwertung Marktplatz Altes Zentrum Blumenthal", "Altes Zentrum Blumenthal",
      "Werbegemeinschaft Blumenthal e. V.",
      "qm-blumenthal", ["wohn"], ["familien", "senioren"], "2014-04-01", "2014-11-30", (26_000, 6_000, 8_000),
      (None, None), "Sitzmöbel, Beleuchtung und Markttage für das alte Ortszentrum.", "",
      [B("win-flankierend", 2014, 12_000, 12_000, am="2014-02-10", entschieden="2014-03-06",
         raten=(("04-15", 12_000),), nachweis=N("2015-03-20", 12_000, "2015-05-04"))], GEPRUEFT),
    P("Leerstandsmanagement Altes Zentrum Blumenthal", "Altes Zentrum Blumenthal", "Werbegemeinschaft Blumenthal e. V.",
      "qm-blumenthal", ["wohn", "besch"], [], "2014-06-01", "2015-12-31", (60_000, 12_000, 20_000), (None, None),
      "Zwischennutzungen für leerstehende Ladenlokale vermitteln.", "",
      [B("win-flankierend", 2014, 8_000, 8_000, am="2014-04-14", entschieden="2014-05-08", raten=(("06-02", 8_000),),
         nachweis=N("2015-04-28", 8_000, "2015-06-15")),
       B("win-flankierend", 2015, 20_000, 20_000, am="2014-11-10", entschieden="2014-12-04",
         raten=(("01-15", 10_000), ("07-01", 10_000)), nachweis=N("2016-05-30", 20_000, "2016-08-01"))], GEPRUEFT),
    P("Quartiersnetzwerk Altes Zentrum Blumenthal", "Altes Zentrum Blumenthal",
      "Deutsches Rotes Kreuz Kreisverband Bremen", "qm-blumenthal", ["soz", "int"], ["familien"],
      "2016-01-01", "2016-12-31", (42_000, 10_000, 12_000), (None, None),
      "Netzwerk der Einrichtungen, Händler und Initiativen im alten Zentrum, um die Erfolge abzusichern.", "",
      [B("win-flankierend", 2016, 20_000, 20_000, am="2015-11-09", entschieden="2015-12-03",
         raten=(("01-15", 10_000), ("07-01", 10_000)), nachweis=N("2017-06-01", 20_000, "2017-07-20"))], GEPRUEFT),
    P("Familiencafé im Quartierszentrum Huckelriede", "Huckelriede", "Der Paritätische Bremen", "qm-huckelriede",
      ["soz", "bild"], ["familien", "allein"], "2017-05-01", "2018-12-31", (34_000, 7_000, 10_000), (40, 52),
      "Offenes Familiencafé mit Beratung durch Fachdienste.", "",
      [B("win", 2017, 8_000, 8_000, am="2017-03-13", entschieden="2017-04-06", raten=(("05-02", 8_000),),
         nachweis=N("2018-05-14", 8_000, "2018-07-02")),
       B("win", 2018, 9_000, 9_000, am="2017-11-13", entschieden="2017-12-07", raten=(("01-15", 9_000),),
         nachweis=N("2019-06-17", 9_000, "2019-08-26"))], GEPRUEFT),
    P("Berufsorientierung für Jugendliche in Huckelriede", "Huckelriede", "Der Paritätische Bremen", "qm-huckelriede",
      ["besch", "bild"], ["jugend"], "2023-02-01", "2023-12-31", (22_000, 4_000, 7_000), (18, 15),
      "Betriebserkundungen, Bewerbungstraining und Praktika mit Betrieben aus dem Stadtteil.", "",
      [B("win2", 2023, 11_000, 10_500, am="2022-12-12", entschieden="2023-01-19",
         raten=(("02-01", 5_250), ("07-03", 5_250)), nachweis=N("2024-03-28", 10_500, "2024-05-13"))], GEPRUEFT),
    P("Huchtinger Kinderkochclub", "Sodenmatt", "Stadtteilfarm Huchting e. V.", "qm-huchting", ["ges", "bild"],
      ["kinder"], "2019-02-01", "2019-12-20", (9_800, 1_500, 1_800), (16, 14),
      "Kinder kochen einmal in der Woche mit Zutaten aus dem Farmgarten.", "",
      [B("los", 2019, 6_500, 6_500, am="2018-11-26", entschieden="2019-01-10", raten=(("02-01", 6_500),),
         nachweis=N("2020-02-28", 6_500, "2020-04-06"))], GEPRUEFT),
    P("Workshop-Reihe ZugABe Huchting – Zusammen gegen Armut und Benachteiligung", "Kirchhuchting",
      "Referat Sozialplanung und Quartiersentwicklung", "zugabe-soziales", ["soz"], ["familien", "allein"],
      "2017-09-01", "2018-06-30", (18_000, 4_000, 5_000), (45, 52),
      "Extern moderierte Workshops mit den Ansprechpersonen der Ressorts und dem WiN-Netzwerk vor Ort.",
      "Ressortübergreifende Maßnahmen gegen Armut im Stadtteil vereinbaren.",
      [B("win", 2017, 9_000, 9_000, am="2017-06-12", entschieden="2017-07-06", raten=(("09-01", 9_000),),
         nachweis=N("2018-06-29", 9_000, "2018-08-20"))], GEPRUEFT),
    P("Stadtteilmütter Gröpelingen", "Lindenhof", "Caritasverband Bremen", "qm-groepelingen", ["int", "bild"],
      ["migration", "familien"], "2015-01-01", "2015-12-31", (15_000, 2_000, 3_200), (60, 71),
      "Mütter aus dem Quartier informieren Familien in ihrer Sprache über Bildungs- und Beratungsangebote.", "",
      [B("los", 2015, 9_800, 9_800, am="2014-11-03", entschieden="2014-12-11", raten=(("01-15", 9_800),),
         nachweis=N("2016-03-31", 9_800, "2016-05-09"))], GEPRUEFT),
    P("Kulturwerkstatt Ohlenhof", "Ohlenhof", "Kultur vor Ort e. V.", "hb-kultur", ["int"], ["jugend", "migration"],
      "2018-03-01", "2018-12-31", (16_000, 3_000, 3_000), (35, 30), "Theater- und Medienwerkstatt für Jugendliche.", "",
      [B("los", 2018, 10_000, 10_000, am="2018-01-15", entschieden="2018-02-08", raten=(("03-01", 10_000),),
         nachweis=N("2019-04-30", 9_100, "2019-07-15", 900, "Eine Werkstattwoche ist ausgefallen."))], GEPRUEFT),
    P("Gesundheitslotsen Gröpelingen", "Lindenhof", "Caritasverband Bremen", "qm-groepelingen", ["ges", "int"],
      ["migration", "senioren"], "2020-01-01", "2022-12-31", (96_000, 6_000, 0), (150, 210),
      "Geschulte Lotsinnen und Lotsen begleiten Menschen mit Sprachmittlung zu Vorsorge und Beratung.", "",
      [B("gesundheit", jahr, 30_000, 30_000, am=f"{jahr - 1}-11-04", entschieden=f"{jahr - 1}-12-02",
         raten=(("01-15", 15_000), ("07-01", 15_000)), nachweis=N(f"{jahr + 1}-05-20", 30_000, f"{jahr + 1}-07-08"))
       for jahr in (2020, 2021, 2022)], GEPRUEFT),
    P("Bewegte Kita Sodenmatt", "Sodenmatt", "Kita Sodenmatt", "qm-huchting", ["ges"], ["u3", "kinder"],
      "2024-01-01", "2024-12-31", (12_000, 2_000, 0), (60, 64), "Bewegungsförderung im Kita-Alltag und mit Eltern.", "",
      [B("gesundheit", 2024, 10_000, 10_000, am="2023-11-06", entschieden="2023-12-04", raten=(("01-15", 10_000),),
         nachweis=N("2025-05-12", 10_000))], ABGESCHLOSSEN),
    P("Nachbarschaftsgärten Neue Vahr Südost", "Neue Vahr Südost", "GEWOBA Aktiengesellschaft Wohnen und Bauen",
      "hb-gewoba", ["wohn", "int"], ["familien", "senioren"], "2023-04-01", "2024-10-31", (30_000, 6_000, 9_000),
      (40, 48), "Mietergärten zwischen den Hochhäusern, gepflegt von Nachbarschaftsgruppen.", "",
      [B("win2", 2023, 7_000, 7_000, am="2023-02-06", entschieden="2023-03-02", raten=(("04-03", 7_000),),
         nachweis=N("2024-04-29", 7_000, "2024-06-10")),
       B("win2", 2024, 7_500, 7_500, am="2023-11-13", entschieden="2023-12-07", raten=(("02-01", 7_500),))],
      ABGESCHLOSSEN),
    P("Seniorentreff Grohn", "Grohn", "Arbeiterwohlfahrt Kreisverband Bremen", None, ["soz"], ["senioren"],
      "2026-09-01", "2026-12-31", (9_000, 2_000, 2_500), (30, None), "Wöchentlicher Treff mit Mittagstisch.", "",
      [B("win2", 2026, 4_500, 4_500, am="2026-08-10", entschieden="2026-10-20")]),
    P("Sprachcafé Neue Vahr", "Neue Vahr Nord", "Bürgerhaus Vahr e. V.", "qm-vahr", ["int"], ["migration"],
      "2026-12-01", "2027-06-30", (8_000, 1_500, 2_500), (25, None), "", "",
      [B("win2", 2026, 4_000, am="2026-11-02")]),
    P("Lernwerkstatt Tenever", "Tenever", "Mütterzentrum Osterholz-Tenever e. V.", "hb-muetterzentrum", ["bild"],
      ["kinder", "familien"], "2026-12-01", "2027-11-30", (20_000, 4_000, 6_000), (30, None),
      "Lernangebote für Grundschulkinder und ihre Eltern.", ""),
    P("Mama lernt Deutsch – Lüssum", "Lüssum-Bockhorn", "Deutsches Rotes Kreuz Kreisverband Bremen", "qm-blumenthal",
      ["bild", "int"], ["familien", "migration"], "2022-02-01", "2022-12-16", (15_200, 3_000, 4_600), (18, 17), "", "",
      [B("win", 2022, 7_600, 7_600, am="2021-11-22", entschieden="2021-12-16", raten=(("02-01", 7_600),),
         nachweis=N("2023-06-29", 7_600, "2023-09-11"))], GEPRUEFT),
    P("Ferienprogramm im Haus der Zukunft", "Lüssum-Bockhorn", "Deutsches Rotes Kreuz Kreisverband Bremen",
      "qm-blumenthal", ["bild", "soz"], ["kinder"], "2023-07-01", "2023-08-31", (2_400, 600, 300), (40, 46), "", "",
      [B("vf-hb", 2023, 1_500, 1_500, am="2023-05-08", entschieden="2023-05-22", raten=(("06-01", 1_500),),
         nachweis=N("2023-10-09", 1_500, "2023-10-30"))], GEPRUEFT),
    P("Nachbarschaftsflohmarkt Tenever", "Tenever", "Mütterzentrum Osterholz-Tenever e. V.", "hb-muetterzentrum",
      ["int"], ["familien"], "2025-05-01", "2025-09-30", (1_600, 400, 0), (200, 320), "", "",
      [B("vf-hb", 2025, 1_200, 1_200, am="2025-03-17", entschieden="2025-03-31", raten=(("04-14", 1_200),),
         nachweis=N("2025-10-20", 1_200, "2025-11-10"))], GEPRUEFT),
]


# --- Generated everyday projects ------------------------------------------------------------------

AWO, CAR, DIA = "Arbeiterwohlfahrt Kreisverband Bremen", "Caritasverband Bremen", "Diakonisches Werk Bremen"
DRK, PAR = "Deutsches Rotes Kreuz Kreisverband Bremen", "Der Paritätische Bremen"
GEWOBA, BREBAU = "GEWOBA Aktiengesellschaft Wohnen und Bauen", "BREBAU GmbH"
MZT, KVO, BHV = "Mütterzentrum Osterholz-Tenever e. V.", "Kultur vor Ort e. V.", "Bürgerhaus Vahr e. V."
SFH, SVB = "Stadtteilfarm Huchting e. V.", "Sportverein Blumenthal von 1862 e. V."
OSK, GSB, KSO = "Oberschule an der Koblenzer Straße", "Grundschule Blockdiek", "Kita Sodenmatt"
WOHLFAHRT = (AWO, CAR, DIA, DRK, PAR)
ALLGEMEIN = WOHLFAHRT + (MZT, KVO, BHV, SFH)
WOHNEN = (GEWOBA, BREBAU)

# Operators active in each WiN area; the first ones are the most local.
WIN_TRAEGER = {
    "Lüssum-Bockhorn": (DRK, AWO, SVB, GEWOBA),
    "Altes Zentrum Blumenthal": (DRK, SVB, "Werbegemeinschaft Blumenthal e. V.", DIA),
    "Grohn": (AWO, DIA, GEWOBA, DRK),
    "Neue Vahr Nord": (CAR, BHV, GEWOBA, AWO),
    "Neue Vahr Südost": (BHV, CAR, GEWOBA, DRK),
    "Blockdiek": (DIA, GSB, GEWOBA, AWO),
    "Tenever": (MZT, AWO, OSK, GEWOBA),
    "Huckelriede": (PAR, BREBAU, CAR, DRK),
    "Sodenmatt": (SFH, KSO, AWO, BREBAU),
    "Kirchhuchting": (AWO, SFH, BREBAU, DRK),
    "Lindenhof": (KVO, CAR, AWO, GEWOBA),
    "Ohlenhof": (KVO, CAR, PAR, GEWOBA),
}
# Operators of the disposal fund's small actions in each area.
VF_TRAEGER = {
    "Blockdiek": (DIA, GSB), "Tenever": (MZT, AWO), "Neue Vahr Nord": (CAR, BHV), "Huckelriede": (PAR,),
    "Lüssum-Bockhorn": (DRK, SVB),
}
# (area or None for every area, operator): contact person
ANSPRECHPERSONEN = {
    (None, GEWOBA): "hb-gewoba", ("Blockdiek", DIA): "qm-blockdiek", ("Blockdiek", GSB): "hb-schule",
    ("Tenever", MZT): "hb-muetterzentrum", ("Tenever", AWO): "qm-tenever", ("Neue Vahr Nord", CAR): "qm-vahr",
    ("Neue Vahr Südost", CAR): "qm-vahr", ("Lüssum-Bockhorn", DRK): "qm-blumenthal",
    ("Altes Zentrum Blumenthal", DRK): "qm-blumenthal", ("Huckelriede", PAR): "qm-huckelriede",
    ("Sodenmatt", AWO): "qm-huchting", ("Kirchhuchting", AWO): "qm-huchting", ("Lindenhof", CAR): "qm-groepelingen",
    ("Ohlenhof", CAR): "qm-groepelingen", ("Lindenhof", KVO): "hb-kultur", ("Ohlenhof", KVO): "hb-kultur",
}


IN_GEBIET = {"Altes Zentrum Blumenthal": "im Alten Zentrum Blumenthal", "Neue Vahr Nord": "in der Neuen Vahr Nord",
             "Neue Vahr Südost": "in der Neuen Vahr Südost"}


WIN_THEMEN = [
    T("treff", ("Quartierstreff {g} – offene Angebote und Beratung", "Nachbarschaftstreff {g}"), ["soz", "int"],
      ["familien", "senioren", "migration"], 110_000, (150, 400),
      "Offener Treff mit Café, Sprechstunden der Fachdienste und Räumen für Initiativen; WiN trägt anteilig "
      "Personal- und Regiekosten.", "Anlaufstelle im Quartier sichern, Engagement und Begegnung ermöglichen.",
      ALLGEMEIN),
    T("stadtteilmuetter", ("Stadtteilmütter {g}",), ["int", "bild"], ["familien", "migration"], 85_000, (60, 180),
      "Geschulte Mütter aus dem Quartier informieren Familien in ihrer Sprache über Kita, Schule und Beratung.",
      "Familien mit Migrationsgeschichte erreichen, Bildungszugänge öffnen.", WOHLFAHRT + (MZT,)),
    T("jugendtreff", ("Offener Kinder- und Jugendtreff {g}", "Jugendtreff {g}"), ["soz", "bild"],
      ["jugend", "kinder"], 85_000, (40, 120),
      "Offene Kinder- und Jugendarbeit an fünf Nachmittagen in der Woche, mit Hausaufgabenraum und Ausflügen.",
      "Verlässlichen Treffpunkt für Kinder und Jugendliche erhalten.", WOHLFAHRT + (BHV, SFH, SVB)),
    T("sprache", ("Sprachförderung für Kinder {in_g}", "Sprachspielgruppe {g}"), ["bild", "int"],
      ["kinder", "migration"], 40_000, (15, 35),
      "Kinder üben in kleinen Gruppen spielerisch Deutsch; die Eltern werden als Sprachvorbilder einbezogen.",
      "Sprachstand vor der Einschulung verbessern.", ALLGEMEIN + (GSB, KSO)),
    T("mama", ("Deutschkurs für Mütter mit Kinderbetreuung – {g}", "Frauen lernen Deutsch {in_g}"),
      ["bild", "int"], ["familien", "migration", "u3"], 35_000, (12, 22),
      "Deutschkurs am Vormittag; parallel betreuen Fachkräfte die Kinder unter drei Jahren.",
      "Alltagsdeutsch stärken, Zugang zu Kita, Schule und Beratung erleichtern.", WOHLFAHRT + (MZT,)),
    T("elterncafe", ("Elterncafé {g}", "Offenes Elterncafé im Quartier {g}"), ["bild", "soz"],
      ["familien", "allein"], 25_000, (20, 45),
      "Wöchentlicher Treff für Eltern mit Kinderbetreuung; Fachdienste stellen ihre Angebote vor.",
      "Eltern vernetzen, Beratung niedrigschwellig zugänglich machen.", ALLGEMEIN + (GSB, KSO)),
    T("hausaufgaben", ("Hausaufgabenhilfe {g}", "Hausaufgabenhilfe mit Lernpaten {in_g}"), ["bild"],
      ["kinder", "jugend"], 35_000, (20, 45),
      "Lernpatinnen und Lernpaten begleiten Schulkinder am Nachmittag bei den Hausaufgaben.",
      "Schulerfolg sichern, Familien entlasten.", WOHLFAHRT + (MZT, GSB, OSK)),
    T("garten", ("Nachbarschaftsgarten {g}", "Interkultureller Nachbarschaftsgarten {g}"), ["wohn", "int"],
      ["familien", "senioren", "migration"], 30_000, (25, 60),
      "Beete zwischen den Wohnblöcken, gepflegt von Nachbarschaftsgruppen, mit Pflanz- und Erntefesten.",
      "Begegnung im Wohnumfeld, Verantwortung für gemeinsame Flächen.", WOHNEN + (SFH,)),
    T("seniorensport", ("Bewegungsangebote für Seniorinnen und Senioren {in_g}", "Fit im Alter – Bewegung {in_g}"),
      ["ges"], ["senioren"], 22_000, (20, 50),
      "Sitzgymnastik, Sturzprophylaxe und Spaziergruppen in wohnortnahen Räumen.",
      "Beweglichkeit erhalten, Vereinsamung im Alter vorbeugen.", WOHLFAHRT + (SVB,)),
    T("lotsen", ("Gesundheitslotsen {g}", "Gesundheitslotsinnen und -lotsen {in_g}"), ["ges", "int"],
      ["migration", "senioren", "familien"], 65_000, (80, 200),
      "Geschulte Lotsinnen und Lotsen aus den Communities begleiten zu Vorsorge, Ärzten und Beratung.",
      "Gesundheitsangebote bekannter machen, Sprachbarrieren abbauen.", WOHLFAHRT + (MZT,)),
    T("zeitung", ("Quartierszeitung {g}", "Stadtteilzeitung „Wir {in_g}“"), ["int", "soz"],
      ["senioren", "familien"], 15_000, (8, 16),
      "Eine Redaktion aus Bewohnerinnen und Bewohnern gibt viermal im Jahr eine Zeitung für das Quartier heraus.",
      "Angebote bekannt machen, Engagement sichtbar machen.", ALLGEMEIN + WOHNEN),
    T("ferien", ("Ferienprogramm {g}", "Sommerferienprogramm für Kinder {in_g}"), ["bild", "soz"], ["kinder"],
      22_000, (40, 90), "Ausflüge, Werkstätten und Sport in den Sommerferien für Kinder, die nicht verreisen.",
      "Ferien für alle Kinder erlebbar machen.", ALLGEMEIN + (SVB,), ((6, 15), (8, 31))),
    T("maedchen", ("Mädchentreff {g}", "Mädchentreff und Mädchensport {in_g}"), ["int", "bild"],
      ["jugend", "migration"], 30_000, (15, 30),
      "Geschützter Raum für Mädchen ab zehn Jahren mit Sport, Kreativangeboten und Beratung.",
      "Selbstbewusstsein stärken, Teilhabe von Mädchen im Stadtteil fördern.", traeger=ALLGEMEIN),
    T("beschaeftigung", ("Beschäftigungsprojekt Quartiersservice {g}",
                         "Beschäftigungsprojekt Grünpflege und Nachbarschaftsdienste {g}"), ["besch", "wohn"],
      ["migration"], 130_000, (8, 16),
      "Öffentlich geförderte Beschäftigte pflegen Grünflächen und unterstützen Nachbarschaftsdienste; WiN trägt "
      "Sach- und Anleitungskosten.", "Einsatzstellen im Stadtteil erhalten, Übergänge in Arbeit schaffen.",
      WOHLFAHRT + WOHNEN),
    T("fest", ("Stadtteilfest {g}", "Nachbarschaftsfest {g}"), ["int"], ["familien"], 15_000, (300, 900),
      "Fest der Nachbarschaft mit Bühnenprogramm, Ständen der Einrichtungen und Angeboten für Kinder.",
      "Einrichtungen bekannt machen, Zusammenhalt im Quartier zeigen.",
      ALLGEMEIN + (SVB, "Werbegemeinschaft Blumenthal e. V."), ((5, 1), (9, 30))),
    T("lernwerkstatt", ("Lernwerkstatt {g}", "Lernwerkstatt für Grundschulkinder {in_g}"), ["bild"],
      ["kinder", "familien"], 35_000, (20, 40), "Forschen, Lesen und Rechnen in kleinen Gruppen am Nachmittag, mit "
                                             "Elternabenden.", "Lernfreude wecken, Übergänge begleiten.",
      WOHLFAHRT + (MZT, GSB, OSK)),
    T("fruehstueck", ("Interkulturelles Frauenfrühstück {g}",), ["int"], ["migration", "allein"], 8_000, (15, 30),
      "Monatliches Frühstück, zu dem Fachdienste eingeladen werden; mit Kinderbetreuung.",
      "Frauen vernetzen, Zugang zu Beratung erleichtern.", traeger=ALLGEMEIN),
    T("beruf", ("Berufsorientierung für Jugendliche {in_g}", "Bewerbungswerkstatt {g}"), ["besch", "bild"],
      ["jugend"], 40_000, (12, 25), "Betriebserkundungen, Bewerbungstraining und Praktika mit Betrieben aus dem "
                                 "Stadtteil.", "Übergang von der Schule in Ausbildung verbessern.",
      WOHLFAHRT + (OSK, KVO)),
    T("kochen", ("Gesund kochen mit Kindern {in_g}", "Kinderkochclub {g}"), ["ges", "bild"], ["kinder"],
      18_000, (12, 24), "Kinder kochen einmal in der Woche und lernen dabei gesunde Ernährung kennen.",
      "Ernährungswissen in den Familien stärken.", ALLGEMEIN + (KSO,)),
    T("besuchsdienst", ("Nachbarschaftshilfe für Ältere {in_g}",
                        "Besuchsdienst für Seniorinnen und Senioren {in_g}"),
      ["soz"], ["senioren"], 25_000, (25, 60),
      "Ehrenamtliche besuchen ältere Nachbarinnen und Nachbarn und helfen bei Einkauf und Behördengängen.",
      "Selbständiges Wohnen im Quartier verlängern.", WOHLFAHRT + (BHV,)),
    T("babytreff", ("Babytreff {g}", "Eltern-Kind-Gruppe {g}"), ["bild", "soz"], ["u3", "familien"], 25_000, (15, 30),
      "Offene Gruppe für Eltern mit Kindern bis drei Jahren, begleitet von einer Familienhebamme.",
      "Frühe Hilfen zugänglich machen, Eltern stärken.", WOHLFAHRT + (MZT, KSO)),
    T("theater", ("Theaterwerkstatt für Jugendliche {in_g}", "Medienwerkstatt {g}"), ["int", "bild"], ["jugend"],
      30_000, (15, 35),
      "Jugendliche entwickeln ein Stück oder einen Film über ihr Quartier und zeigen ihn öffentlich.",
      "Kulturelle Teilhabe und Engagement Jugendlicher stärken.", (KVO, BHV, OSK, AWO, PAR)),
    T("sport", ("Sport im Park {g}", "Mitternachtssport {g}"), ["ges"], ["jugend"], 25_000, (30, 80),
      "Offene Sportangebote im Freien und in der Schulturnhalle, angeleitet von Übungsleitungen aus dem Stadtteil.",
      "Bewegung fördern, Treffpunkte für Jugendliche schaffen.", (SVB, SFH, DRK, AWO, PAR)),
    T("inklusion", ("Inklusive Freizeitgruppe {g}",), ["soz"], ["behinderung", "familien"], 30_000, (10, 20),
      "Freizeitangebote für Kinder und Jugendliche mit und ohne Behinderung, mit Fahrdienst.",
      "Teilhabe von Familien mit behinderten Angehörigen verbessern.", WOHLFAHRT),
    T("hof", ("Hofgestaltung mit Mieterbeteiligung {g}", "Spielflächen gemeinsam gestalten – {g}"), ["wohn"],
      ["kinder", "familien"], 70_000, (30, 80),
      "Mieterinnen, Mieter und Kinder planen die Umgestaltung von Höfen und Spielflächen mit.",
      "Wohnumfeld aufwerten, Verantwortung für gemeinsame Flächen stärken.", WOHNEN),
    T("sozialberatung", ("Sozialberatung im Quartier {g}", "Offene Sprechstunde Sozialberatung {g}"), ["soz"],
      ["familien", "allein", "migration"], 65_000, (60, 150),
      "Wöchentliche offene Sprechstunde zu Anträgen, Schulden und Wohnungsfragen im Quartierszentrum.",
      "Ansprüche durchsetzen, Notlagen früh erkennen.", WOHLFAHRT),
]


ABLEHNUNGEN = [
    "Das lokale Budget {jahr} ist durch laufende Projekte weitgehend gebunden; das WiN-Forum hat anderen Vorhaben "
    "den Vorrang gegeben.",
    "Das Vorhaben gehört zu den Regelaufgaben des Fachressorts und kann nicht aus WiN-Mitteln gefördert werden.",
    "Der Antrag ist unvollständig: Finanzierungsplan und Nachweis der Eigenmittel fehlen.",
    "Im WiN-Forum ist kein Konsens für das Vorhaben zustande gekommen.",
]
RUECKFORDERUNGSGRUENDE = ["Sachkosten geringer als geplant.", "Honorarkosten geringer als geplant.",
                          "Einzelne Termine sind ausgefallen.", "Nicht verbrauchte Mittel für Material."]
WIN_PERIODE_BIS = {"win": 2022, "win2": 2029}  # the last year of each WiN funding period


# --- Bodies and meetings --------------------------------------------------------------------------

WIN_FORUM = {
    "name": "WiN-Forum {gebiet}", "art": "gebietsforum", "soll": (4, 8),
    "beschreibung": "Öffentliches Forum der Akteure und Bewohnerschaft; entscheidet im Konsens über die Mittel des "
                    "lokalen WiN-Budgets.",
}
WIN_FORUM_MITGLIEDER_SEIT = dt.date(2016, 1, 1)
WIN_FOREN = [
    # area, programme, members
    ("Blockdiek", "win2", [("qm-blockdiek", "geschaeftsfuehrung"), ("hb-schule", "mitglied"),
                           ("hb-gewoba", "mitglied"), ("hb-beirat", "vorsitz"), ("verwaltung", "mitglied")]),
    ("Tenever", "win2", [("qm-tenever", "geschaeftsfuehrung"), ("hb-muetterzentrum", "mitglied"),
                         ("hb-gewoba", "mitglied"), ("hb-beirat", "mitglied"), ("verwaltung", "mitglied")]),
    ("Neue Vahr Nord", "win2", [("qm-vahr", "geschaeftsfuehrung"), ("hb-gewoba", "mitglied"),
                                ("verwaltung", "mitglied")]),
    ("Lüssum-Bockhorn", "win2", [("qm-blumenthal", "geschaeftsfuehrung"), ("verwaltung", "mitglied")]),
]
# (area of the forum, date, project title, programme, year): the forum's consensus on a grant
WIN_BESCHLUESSE = [
    ("Tenever", dt.date(2016, 11, 29), "Mama lernt Deutsch – Sprachkurs mit Kinderbetreuung", "win", 2017),
    ("Neue Vahr Nord", dt.date(2017, 10, 31), "HIPPY – Hausbesuchsprogramm für Familien mit Vorschulkindern",
     "win", 2018),
    ("Blockdiek", dt.date(2019, 2, 5), "Opstapje – Spiel- und Lernprogramm für Kleinkinder und Eltern", "win", 2019),
    ("Blockdiek", dt.date(2024, 11, 26), "Sprachcafé Blockdiek", "win2", 2025),
    ("Blockdiek", dt.date(2025, 12, 2), "Sprachcafé Blockdiek", "win2", 2026),
    ("Lüssum-Bockhorn", dt.date(2021, 12, 7), "Mama lernt Deutsch – Lüssum", "win", 2022),
]
# The meeting at which a forum decides on a grant; {gebiet}, {jahr}, {titel} and {betrag} are filled in.
WIN_FORUMSSITZUNG = {
    "titel": "WiN-Forum {gebiet}", "format": "sitzung", "oeffentlich": True, "beginn": dt.time(17, 0),
    "ende": dt.time(19, 0), "ort": "Quartierszentrum {gebiet}",
    "zusammenfassung": "Vorstellung der Projektanträge und Entscheidung über die Mittel des lokalen Budgets.",
}
WIN_FORUMS_TAGESORDNUNG = [("Bericht des Quartiersmanagements", ""),
                           ("Anträge an das lokale Budget {jahr}", "Vorstellung: {titel}."), ("Verschiedenes", "")]
WIN_FORUMS_BESCHLUSS = ("Das WiN-Forum {gebiet} befürwortet im Konsens die Förderung von „{titel}“ im Jahr {jahr} mit "
                        "{betrag}.")
# A recommendation that was not followed.
WIN_FORUMS_EMPFEHLUNG = {
    "gebiet": "Lüssum-Bockhorn", "datum": dt.date(2021, 2, 9),
    "sitzung": {"titel": "WiN-Forum Lüssum-Bockhorn", "oeffentlich": True, "teilnehmendenzahl": 24,
                "ort": "Haus der Zukunft", "verfasst_von": "qm-blumenthal",
                "zusammenfassung": "Diskussion über eine Kletterwand im Haus der Zukunft."},
    "beschluss": {"text": "Das WiN-Forum empfiehlt, die Kletterwand im Haus der Zukunft aus dem lokalen Budget zu "
                          "fördern.",
                  "art": "empfehlung", "stimmen_ja": 17, "stimmen_nein": 2, "stimmen_enthaltung": 5,
                  "umsetzungsstatus": "verworfen",
                  "vermerk": "Antrag abgelehnt: investive Maßnahme, Finanzierung über die Städtebauförderung prüfen."},
}

# The ZugABe model project: a cross-department working group in Huchting with a workshop series.
ZUGABE = {
    "key": "zugabe", "name": "ZugABe Huchting – Zusammen gegen Armut und Benachteiligung", "art": "arbeitsgruppe",
    "gebiet": "Huchting", "programm": "win", "aktiv": False,
    "beschreibung": "Modellvorhaben: ressortübergreifende Strategien gegen Armut mit Sozialraumbezug. Die Ressorts "
                    "Arbeit, Bildung, Bau, Jugend, Soziales, Gesundheit, Inneres, Kultur und Sport benennen "
                    "Ansprechpersonen; das WiN-Netzwerk vor Ort wird genutzt.",
}
ZUGABE_RESSORTS = ["arbeit", "bildung", "bau", "jugend", "soziales", "gesundheit", "inneres", "kultur", "sport"]
ZUGABE_MITGLIEDER = ([(f"zugabe-{r}", "mitglied") for r in ZUGABE_RESSORTS]
                     + [("qm-huchting", "geschaeftsfuehrung"), ("verwaltung", "moderation")])
ZUGABE_MITGLIEDER_SEIT = dt.date(2017, 6, 1)
ZUGABE_TEILNAHMEN = ([(f"zugabe-{r}", "teilnehmend") for r in ZUGABE_RESSORTS]
                     + [("qm-huchting", "teilnehmend"), ("verwaltung", "moderation")])
ZUGABE_WORKSHOPS = [
    (dt.date(2017, 9, 20), "Workshop 1: Armutslagen im Stadtteil",
     "Auswertung des Armuts- und Reichtumsberichts für Huchting; Zielgruppen Alleinerziehende und Familien."),
    (dt.date(2017, 11, 22), "Workshop 2: Maßnahmen und Lücken",
     "Bestehende Angebote den Bedarfen gegenübergestellt; Lücken bei frühkindlicher Bildung."),
    (dt.date(2018, 2, 21), "Workshop 3: Verabredungen der Ressorts",
     "Ressortübergreifende Maßnahmen vereinbart und Prioritäten gesetzt."),
]
ZUGABE_WORKSHOP = {"format": "workshop", "beginn": dt.time(9, 30), "ende": dt.time(13, 0),
                   "ort": "Bürger- und Sozialzentrum Huchting", "verfasst_von": "verwaltung"}
# The agreement of the last workshop and its action item: (text, person, due, done).
ZUGABE_BESCHLUSS = {"text": "Die Ressorts vereinbaren, Sprach- und Elternbildungsangebote in Huchting gemeinsam "
                            "zu planen und über das WiN-Netzwerk zu verknüpfen.",
                    "art": "konsens", "umsetzungsstatus": "erledigt"}
ZUGABE_AUFGABE = ("Sozialraumbezogene Zuständigkeiten in den Ressorts benennen", "zugabe-soziales",
                  dt.date(2018, 6, 30), dt.date(2018, 9, 3))

# --- Reports ---------------------------------------------------------------------------------------

PROGRAMMJAHRESBERICHT = {"programm": "win", "jahr": 2017, "oeffentlich": True}  # published on the load date


# --- What the Strukturcheck counts in Bremen: the WiN forum is where residents take part and where the local
# budget is steered (it decides by consensus); the WiN rules expect it to meet 4 to 8 times a year.
STRUKTURMODELL = {"name": "WiN-Modell Bremen", "beteiligung_arten": ["gebietsforum", "buergerversammlung"],
                  "beteiligung_soll_min": 4, "beteiligung_soll_max": 8,
                  "steuerung_arten": ["gebietsforum", "steuerungskreis"], "steuerung_soll_min": 1}
