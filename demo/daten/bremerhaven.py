"""Bremerhaven: the demography labs of the Zukunftswerkstatt Kommunen (ZWK) in the model quartiers
Geestendorf, Grünhöfe and Surheide, and the ZWK advisory board with the documentation of its first meeting.

From the documentation of the board's first meeting (2022). Pure data, read by the loaders in demo/laden.
"""

import datetime as dt

from quartiere.models import Gebiet, Organisation

from .typen import ABGESCHLOSSEN, GEPRUEFT, G
from .typen import Antragsvorlage as B
from .typen import Nachweisvorlage as N
from .typen import Projektvorlage as P

A = Gebiet.Art
O = Organisation.Art
J = dt.date


# --- Areas ----------------------------------------------------------------------------------------

GEBIETE = (
    G(A.STADT, "Bremerhaven", "04012000",
      G(A.STADTBEZIRK, "Stadtbezirk Nord", "1",
        G(A.STADTTEIL, "Lehe", "12",
          G(A.ORTSTEIL, "Goethestraße", "124", typ="gründerzeitliches Altbauquartier", belastet=True),
          G(A.ORTSTEIL, "Klushof", "125", typ="gemischtes Wohnquartier")),
        G(A.STADTTEIL, "Leherheide", "11",
          G(A.ORTSTEIL, "Leherheide-West", "113", typ="Großwohnsiedlung", belastet=True))),
      G(A.STADTBEZIRK, "Stadtbezirk Süd", "2",
        G(A.STADTTEIL, "Geestemünde", "23",
          G(A.ORTSTEIL, "Geestendorf", "231", typ="gründerzeitliches Altbauquartier", belastet=True,
            text="Demografielabor im Projekt Zukunftswerkstatt Kommunen (ZWK)."),
          G(A.ORTSTEIL, "Bürgerpark", "234", typ="gemischtes Wohnquartier"),
          G(A.ORTSTEIL, "Grünhöfe", "235", typ="Großwohnsiedlung", belastet=True,
            text="Demografielabor im Projekt Zukunftswerkstatt Kommunen (ZWK).")),
        G(A.STADTTEIL, "Surheide", "26",
          G(A.ORTSTEIL, "Surheide", "261", typ="Einfamilienhausgebiet",
            text="Demografielabor im Projekt ZWK: sozial gefestigt, aber mit Verlust an Versorgungsinfrastruktur "
                 "und wenig Kontakt zwischen den Generationen."))))
)


ZENTRUM = (8.58, 53.55)  # rough centre (longitude, latitude), so a tile layer shows the right region
MAILDOMAIN = "bremerhaven.example"  # of the people's made-up addresses


# --- Organisations and people ---------------------------------------------------------------------

# (name, short name, kind, parent organisation)
ORGANISATIONEN = [
    ("Magistrat der Stadt Bremerhaven", "Magistrat", O.RESSORT, None),
    ("Sozialreferat", "", O.AMT, "Magistrat der Stadt Bremerhaven"),
    ("Sozialreferat – Sozialplanung", "Sozialplanung", O.AMT, "Sozialreferat"),
    ("Sozialreferat – Stabsstelle Seniorinnen und Senioren", "Stabsstelle Senioren", O.AMT, "Sozialreferat"),
    ("Sozialreferat – Koordinierungsstelle Integration & Chancengleichheit", "Koordinierungsstelle Integration",
     O.AMT, "Sozialreferat"),
    ("Amt für Jugend, Familie und Frauen", "AfJFF", O.AMT, "Magistrat der Stadt Bremerhaven"),
    ("Gesundheitsamt", "", O.AMT, "Magistrat der Stadt Bremerhaven"),
    ("Stadtplanungsamt", "", O.AMT, "Magistrat der Stadt Bremerhaven"),
    ("Amt für Menschen mit Behinderung", "", O.AMT, "Magistrat der Stadt Bremerhaven"),
    ("Amt für kommunale Arbeitsmarktpolitik", "", O.AMT, "Magistrat der Stadt Bremerhaven"),
    ("Zentralstelle für die Verwirklichung der Gleichberechtigung der Frau", "ZGF", O.AMT, None),
    ("Fraktion Bündnis 90/Die Grünen/PP", "Grüne/PP", O.PARTEI, None),
    ("FDP-Fraktion", "FDP", O.PARTEI, None),
    ("CDU-Fraktion", "CDU", O.PARTEI, None),
    ("SPD-Fraktion", "SPD", O.PARTEI, None),
    ("Seniorenbeirat Bremerhaven", "Seniorenbeirat", O.BEIRAT, None),
    ("Inklusionsbeirat Bremerhaven", "Inklusionsbeirat", O.BEIRAT, None),
    ("Rat ausländischer Mitbürgerinnen und Mitbürger", "RaM", O.BEIRAT, None),
    ("AWO Kreisverband Bremerhaven", "AWO Bremerhaven", O.WOHLFAHRTSVERBAND, None),
    ("Caritasverband Bremerhaven", "Caritas Bremerhaven", O.WOHLFAHRTSVERBAND, None),
    ("Diakonisches Werk Bremerhaven", "Diakonie Bremerhaven", O.WOHLFAHRTSVERBAND, None),
    ("DRK Kreisverband Bremerhaven", "DRK Bremerhaven", O.WOHLFAHRTSVERBAND, None),
    ("Der Paritätische Bremerhaven", "Paritätischer Bremerhaven", O.WOHLFAHRTSVERBAND, None),
    ("Städtische Wohnungsgesellschaft Bremerhaven", "STÄWOG", O.WOHNUNGSUNTERNEHMEN, None),
    ("Familienzentrum Grünhöfe", "", O.TRAEGER, None),
    ("Oberschule Geestemünde", "", O.SCHULE, None),
    ("Bürgerverein Surheide e. V.", "", O.VEREIN, None),
    ("Jugendhilfe Geestemünde e. V.", "", O.VEREIN, None),
]


# (key, anrede, vorname, nachname, organisation, funktion, ist_verwaltung, einwilligung_am)
PERSONEN = [
    ("zwk-jugendamt", "Frau", "Derya", "Kaplan", "Amt für Jugend, Familie und Frauen",
     "Jugendhilfeplanung", True, None),
    ("zwk-integration", "Frau", "Simone", "Backhaus",
     "Sozialreferat – Koordinierungsstelle Integration & Chancengleichheit", "Koordinatorin Integration", True, None),
    ("zwk-gruene", "Frau", "Maike", "Hobbensiefken", "Fraktion Bündnis 90/Die Grünen/PP",
     "Stadtverordnete", False, dt.date(2022, 3, 28)),
    ("zwk-fdp", "Herr", "Gerrit", "Lammers", "FDP-Fraktion", "Stadtverordneter", False,
     dt.date(2022, 3, 28)),
    ("zwk-zgf", "Frau", "Annika", "Brüning",
     "Zentralstelle für die Verwirklichung der Gleichberechtigung der Frau", "Referentin", True, None),
    ("zwk-gesundheit", "Herr", "Sven", "Kröger", "Gesundheitsamt", "Gesundheitsplanung", True, None),
    ("zwk-behinderung", "Herr", "Thorsten", "Pape", "Amt für Menschen mit Behinderung",
     "Amtsleitung", True, None),
    ("zwk-seniorenbeirat", "Herr", "Wolfgang", "Tjaden", "Seniorenbeirat Bremerhaven",
     "Vorsitzender", False, dt.date(2022, 3, 28)),
    ("zwk-stadtrat", "Herr", "Jürgen", "Ahlers", "Magistrat der Stadt Bremerhaven",
     "Sozialstadtrat", True, None),
    ("zwk-arbeitsmarkt", "Herr", "Dr. Christian", "Wübbena", "Amt für kommunale Arbeitsmarktpolitik",
     "Amtsleitung", True, None),
    ("zwk-inklusionsbeirat", "Frau", "Gabriele", "Ostendorf", "Inklusionsbeirat Bremerhaven",
     "Sprecherin", False, dt.date(2022, 3, 28)),
    ("zwk-stadtplanung", "Frau", "Karin", "Siefken", "Stadtplanungsamt", "Stadtplanerin", True, None),
    ("zwk-ram", "Herr", "Emre", "Güneş", "Rat ausländischer Mitbürgerinnen und Mitbürger",
     "Vorsitzender", False, dt.date(2022, 3, 28)),
    ("zwk-cdu", "Herr", "Dirk", "Renken", "CDU-Fraktion", "Stadtverordneter", False,
     dt.date(2022, 3, 28)),
    ("zwk-senioren", "Frau", "Ulrike", "Janßen", "Sozialreferat – Stabsstelle Seniorinnen und Senioren",
     "Stabsstelle Seniorinnen und Senioren", True, None),
    ("zwk-sozialplanung", "Herr", "Martin", "Bruns", "Sozialreferat – Sozialplanung",
     "Sozialplanung, Koordination ZWK", True, None),
    ("bhv-jugendcafe", "Herr", "Luca", "Hinz", "Jugendhilfe Geestemünde e. V.", "Jugendarbeit", False,
     dt.date(2022, 9, 1)),
    ("bhv-familienzentrum", "Frau", "Natalia", "Kowalczyk", "Familienzentrum Grünhöfe", "Leitung",
     False, dt.date(2022, 5, 10)),
]


# --- Quartier management and facilities -----------------------------------------------------------

QUARTIERSMANAGEMENTS = []  # the labs are run from the Sozialreferat


# (name, kind, area, operator, status, opened, address, description)
EINRICHTUNGEN = [
    ("Jugendcafé Geestendorf", "jugendzentrum", "Geestendorf", "Jugendhilfe Geestemünde e. V.",
     "laufend", dt.date(2023, 3, 1), "Georgstraße 55, 27570 Bremerhaven",
     "Peer-2-Peer-Ansatz: Jugendliche planen und betreiben das Café mit."),
    ("Familienzentrum Grünhöfe", "familienzentrum", "Grünhöfe", "Familienzentrum Grünhöfe",
     "laufend", dt.date(2014, 9, 1), "Auf den Grünhöfen 12, 27574 Bremerhaven", "Netzwerkknoten im Quartier."),
    ("Begegnungsstätte Surheide", "begegnungsstaette", "Surheide", "Bürgerverein Surheide e. V.",
     "geplant", None, "", "Generationenübergreifender Treffpunkt, Ergebnis der Zukunftswerkstatt."),
]


# --- Programmes, programme areas, budgets ---------------------------------------------------------

# (key, kurzname, name, funder, responsible organisation, begin, end, funding rules, description)
PROGRAMME = [
    ("zwk", "ZWK", "Zukunftswerkstatt Kommunen – attraktiv im Wandel", "bund",
     "Sozialreferat", J(2022, 1, 1), J(2024, 12, 31), {},
     "Modellprojekt des Bundesministeriums für Familie, Senioren, Frauen und Jugend mit 40 Kommunen; jährlich "
     "40.000 € Fördermittel bis Ende 2024. Demografielabore in den Modellquartieren Geestendorf, Grünhöfe und "
     "Surheide. Koordination im Sozialreferat."),
]


# (programme key, area, role, begin, end)
PROGRAMMGEBIETE = [
    ("zwk", "Geestendorf", "modellquartier", J(2022, 3, 28), J(2024, 12, 31)),
    ("zwk", "Grünhöfe", "modellquartier", J(2022, 3, 28), J(2024, 12, 31)),
    ("zwk", "Surheide", "modellquartier", J(2022, 3, 28), J(2024, 12, 31)),
]


# (programme key, first year, last year, rows): in each year of the span the budgets of the rows,
# (area or None for the programme's budget, amount in EUR, remark), in this order
BUDGETS = [("zwk", 2022, 2024, [(None, 40_000, "Bundesmittel ZWK")])]


# --- Projects -------------------------------------------------------------------------------------

# ZWK: 40,000 EUR a year 2022-2024
PROJEKTE = [
    P("Jugendcafé Peer-2-Peer in Geestendorf", "Geestendorf", "Jugendhilfe Geestemünde e. V.", "bhv-jugendcafe",
      ["zwk1", "zwk2"], ["jugend"], "2022-09-01", "2024-12-31", (62_000, 8_000, 12_000), (60, 85),
      "Jugendliche konzipieren und betreiben ein konsumfreies Café mit, unterstützt von Peers.",
      "Aufenthaltsort für ältere Jugendliche schaffen, Jugendengagement stärken.",
      [B("zwk", 2022, 12_000, 12_000, am="2022-06-13", entschieden="2022-07-05", raten=(("09-01", 12_000),),
         nachweis=N("2023-04-27", 12_000, "2023-06-05")),
       B("zwk", 2023, 15_000, 15_000, am="2022-12-05", entschieden="2023-01-16",
         raten=(("02-01", 7_500), ("08-01", 7_500)), nachweis=N("2024-05-21", 15_000, "2024-07-01")),
       B("zwk", 2024, 15_000, 15_000, am="2023-12-04", entschieden="2024-01-15",
         raten=(("02-01", 7_500), ("08-01", 7_500)), nachweis=N("2025-06-26", 14_600))], ABGESCHLOSSEN),
    P("Präventive Hausbesuche in Surheide", "Surheide", "Caritasverband Bremerhaven", "zwk-senioren",
      ["zwk3", "ges"], ["senioren"], "2022-06-01", "2024-12-31", (40_000, 6_000, 6_000), (120, 134),
      "Ältere Menschen erhalten ein Beratungsangebot zu Hause, bevor Hilfebedarf entsteht.",
      "Selbständiges Leben im Quartier verlängern, Angebote bekannter machen.",
      [B("zwk", 2022, 8_000, 8_000, am="2022-04-25", entschieden="2022-05-16", raten=(("06-01", 8_000),),
         nachweis=N("2023-05-08", 8_000, "2023-06-19")),
       B("zwk", 2023, 10_000, 10_000, am="2022-12-05", entschieden="2023-01-16", raten=(("02-01", 10_000),),
         nachweis=N("2024-04-15", 10_000, "2024-05-27")),
       B("zwk", 2024, 10_000, 10_000, am="2023-12-04", entschieden="2024-01-15", raten=(("02-01", 10_000),),
         nachweis=N("2025-04-14", 9_650, "2025-06-02", 350, "Fahrtkosten geringer als veranschlagt."))], GEPRUEFT),
    P("Zukunftswerkstatt Grünhöfe", "Grünhöfe", "Familienzentrum Grünhöfe", "bhv-familienzentrum", ["zwk1"],
      ["familien", "migration"], "2022-08-01", "2022-11-30", (7_000, 1_000, 0), (45, 52),
      "Zukunftswerkstatt des Demografielabors mit Bewohnerinnen, Bewohnern und Akteuren.", "",
      [B("zwk", 2022, 6_000, 6_000, am="2022-06-13", entschieden="2022-07-05", raten=(("08-01", 6_000),),
         nachweis=N("2023-02-20", 6_000, "2023-03-27"))], GEPRUEFT),
    P("Generationen im Gespräch – Begegnungsort Surheide", "Surheide", "Bürgerverein Surheide e. V.", None,
      ["zwk3", "zwk1"], ["senioren", "kinder"], "2023-03-01", "2024-12-31", (20_000, 2_000, 1_000), (70, 66),
      "Begegnungsangebote für Alt und Jung als Antwort auf den Verlust an Versorgungsinfrastruktur.", "",
      [B("zwk", 2023, 8_000, 8_000, am="2023-01-23", entschieden="2023-02-13", raten=(("03-01", 8_000),),
         nachweis=N("2024-06-24", 8_000, "2024-08-12")),
       B("zwk", 2024, 9_000, 9_000, am="2023-12-04", entschieden="2024-01-15", raten=(("02-01", 9_000),))],
      ABGESCHLOSSEN),
    P("Sprachmittlung im Familienzentrum Grünhöfe", "Grünhöfe", "Familienzentrum Grünhöfe", "bhv-familienzentrum",
      ["zwk2", "int"], ["migration", "familien", "behinderung"], "2024-01-01", "2024-12-31", (7_500, 1_500, 0),
      (90, 112), "Sprachmittlung in Beratung und Elternarbeit, auch für Familien mit behinderten Angehörigen.", "",
      [B("zwk", 2024, 6_000, 6_000, am="2023-12-04", entschieden="2024-01-15", raten=(("02-01", 6_000),),
         nachweis=N("2025-03-17", 6_000, "2025-04-28"))], GEPRUEFT),
    P("Kultursensible Altenhilfe – Informationsabende", "Grünhöfe", "Diakonisches Werk Bremerhaven", None, ["zwk3"],
      ["senioren", "migration"], "2023-09-01", "2023-12-31", (10_000, 1_000, 0), (40, None), "", "",
      [B("zwk", 2023, 9_000, am="2023-06-19", entschieden="2023-07-10",
         abgelehnt="Die ZWK-Mittel 2023 sind gebunden. Das Thema wird in den Themenspeicher des ZWK-Beirats "
                   "aufgenommen.")]),
]


# --- Small-area statistics ------------------------------------------------------------------------

DEMOGRAFIELABORE = ("Geestendorf", "Grünhöfe", "Surheide")
PROGNOSE = ("einwohner", "anteil_65_plus", "anteil_auslaendisch")


# --- The ZWK advisory board -----------------------------------------------------------------------

ZWK_MITGLIEDER = [
    ("zwk-stadtrat", "vorsitz"), ("zwk-jugendamt", "mitglied"), ("zwk-integration", "mitglied"),
    ("zwk-gruene", "mitglied"), ("zwk-fdp", "mitglied"), ("zwk-zgf", "mitglied"), ("zwk-gesundheit", "mitglied"),
    ("zwk-behinderung", "mitglied"), ("zwk-seniorenbeirat", "mitglied"), ("zwk-arbeitsmarkt", "mitglied"),
    ("zwk-inklusionsbeirat", "mitglied"), ("zwk-stadtplanung", "mitglied"), ("zwk-ram", "mitglied"),
    ("zwk-cdu", "mitglied"), ("zwk-senioren", "moderation"), ("zwk-sozialplanung", "moderation"),
]

ZWK_HINTERGRUND = (
    "Nach der Begrüßung durch den Sozialstadtrat wurden die Hintergründe des Modellprojekts „Zukunftswerkstatt "
    "Kommunen – attraktiv im Wandel“ (ZWK) des Bundesministeriums für Familie, Senioren, Frauen und Jugend "
    "erläutert. Bremerhaven ist eine von bundesweit 40 Kommunen unterschiedlicher Größe im Projekt. ZWK soll den "
    "demografischen Wandel vorausschauend gestalten, alle Alters- und Bevölkerungsgruppen in den Blick nehmen und "
    "dem Thema Integration besonderes Gewicht geben. Entstehen sollen übertragbare „Werkzeuge“. Das Projekt läuft "
    "bis Ende 2024 und wird je Kommune mit 40.000 € im Jahr gefördert; eine zentrale Geschäftsstelle vernetzt die "
    "teilnehmenden Städte. Die Koordination in Bremerhaven liegt beim Sozialreferat.\n\n"
    "Der ZWK-Beirat aus Vertretungen wichtiger Fokusgruppen, der Politik und des Magistrats tagt künftig etwa "
    "dreimal im Jahr und unterstützt die strategische und inhaltliche Steuerung; weitere Mitglieder können "
    "hinzukommen.\n\n"
    "Prägend für Bremerhaven sind neben Alterung und Bevölkerungsrückgang die wachsende Internationalität: der "
    "Anteil der ausländischen Bevölkerung hat sich seit 1970 auf rund 21 % mehr als verzehnfacht, dazu kommt die "
    "noch größere Gruppe der Deutschen mit Migrationsgeschichte. Mit dem Konzept der Demografielabore werden "
    "ausgewählte Ortsteile genau untersucht (Daten, Gespräche, Angebote, Chancen), um anschließend in je einer "
    "Zukunftswerkstatt vor Ort zwei bis drei Themen zu bearbeiten. Vorgeschlagen sind Geestendorf, Grünhöfe und "
    "Surheide als Vertreter unterschiedlicher Quartierstypen."
)
ZWK_ZUSAMMENFASSUNG = (
    "Im Lean-Coffee-Format wurden Fragen und Hinweise nach der Zahl der Bewertungspunkte aufgenommen und in drei "
    "Runden zu den am höchsten bewerteten Themen erörtert. Die vorgeschlagenen Modellquartiere Geestendorf, "
    "Grünhöfe und Surheide fanden die Unterstützung des Beirats; der Hinweis, die Organisationen vor Ort "
    "einzubeziehen und die Übertragbarkeit auf andere Quartiere mitzudenken, wird berücksichtigt.\n\n"
    "Weitere Themen konnten aus Zeitgründen nicht im Plenum besprochen werden und sind im Themenspeicher gesichert; "
    "wegen ihrer hohen Bepunktung hervorgehoben sind Gesundheitsprävention und die bauliche Anpassung an den "
    "demografischen Wandel, u. a. beim Wohnraum."
)
ZWK_AUSBLICK = (
    "Für die ausgewählten Demografielabore folgen Quartiersprofile und eine kleinräumige Bevölkerungsprognose. "
    "Auf dieser Grundlage legt der Beirat die Themen der Zukunftswerkstätten fest, die voraussichtlich im zweiten "
    "und dritten Quartal stattfinden."
)
ZWK_THEMEN = [
    # title, action field, points, discussed, result
    ("Familien und Jugendliche", "zwk1", 11, True,
     "Familien, Kinder und Jugendliche sind zentrale Zielgruppen; ihre Bedarfe ändern sich laufend. Jugendliche "
     "sollen früh und weitreichend an Konzeption und Umsetzung beteiligt werden, etwa beim Jugendcafé mit "
     "Peer-2-Peer-Ansatz in Geestendorf. Es fehlen konsumfreie Aufenthaltsorte für ältere Jugendliche und junge "
     "Erwachsene sowie Spielmöglichkeiten für Kinder unter drei Jahren im öffentlichen Raum."),
    ("Senioren und Seniorenprojekte", "zwk3", 10, True,
     "Seniorenkonzept und Modellprojekt „Präventive Hausbesuche“ sollen eng mit ZWK verzahnt werden; die "
     "Stabsstelle Seniorinnen und Senioren stellt das sicher. Auch scheinbar gefestigte Quartiere wie Surheide haben "
     "Aufgaben: den Verlust an Versorgungsinfrastruktur und den Kontakt zwischen den Generationen."),
    ("Migration / Integration", "zwk2", 9, True,
     "Gewünscht ist eine chancenorientierte Bearbeitung: niedrigschwellige, passgenaue Angebote auch für sehr "
     "spezifische Bedarfe, etwa behinderte Menschen mit Migrationsgeschichte. Dazu muss man die Bedarfe kennen und "
     "verstehen, warum Angebote nicht genutzt werden. Familienzentren können als Netzwerkknoten eine Schlüsselrolle "
     "spielen; Sprachmittlung ist immer mitzudenken."),
    ("Gesundheitsprävention", "zwk2", 8, False, ""),
    ("Bauliche Anpassung an den demografischen Wandel, u. a. Wohnraum", "zwk3", 7, False, ""),
    ("Mobilität im Alter und Nahversorgung", "zwk3", 4, False, ""),
    ("Digitale Teilhabe für alle Generationen", "zwk2", 3, False, ""),
    ("Ehrenamt und Engagement junger Menschen", "zwk1", 3, False, ""),
    ("Gemeinsam für ukrainische Geflüchtete", "zwk1", 2, False, ""),
    ("Unterstützung bei Demenz und Entlastung pflegender Familien", "zwk3", 1, False, ""),
]
ZWK_BEIRAT = {
    "key": "zwk", "name": "ZWK-Beirat", "art": "beirat", "gebiet": "Bremerhaven", "programm": "zwk", "soll": (3, 3),
    "beschreibung": "Begleitet das Modellprojekt Zukunftswerkstatt Kommunen: Vertretungen der Fokusgruppen, der "
                    "Fraktionen und des Magistrats unterstützen die strategische und inhaltliche Steuerung. Tagt "
                    "etwa dreimal im Jahr; nach dem Ende der Bundesförderung begleitet er die Verstetigung der "
                    "Demografielabore.",
}
ZWK_MITGLIEDER_SEIT = dt.date(2022, 3, 28)
ZWK_ORT = "Stadthaus 1, Hinrich-Schmalfeldt-Straße 42, 27576 Bremerhaven"
ZWK_ERSTE_SITZUNG = {
    "datum": dt.date(2022, 3, 28), "titel": "Erstes Treffen des ZWK-Beirats", "beginn": dt.time(15, 30),
    "ende": dt.time(17, 0), "format": "lean_coffee", "ort": ZWK_ORT, "hintergrund": ZWK_HINTERGRUND,
    "zusammenfassung": ZWK_ZUSAMMENFASSUNG, "ausblick": ZWK_AUSBLICK, "status": "dokumentiert",
    "dokumentiert_am": dt.date(2022, 3, 31), "verfasst_von": "zwk-sozialplanung",
}
ZWK_TAGESORDNUNG = [
    ("Begrüßung", "Begrüßung durch den Sozialstadtrat."),
    ("Hintergründe des Modellvorhabens ZWK", "Ziele, Laufzeit bis Ende 2024, 40.000 € Bundesmittel im Jahr, "
                                             "Vernetzung über die zentrale Geschäftsstelle."),
    ("Aufgabe des ZWK-Beirats", "Etwa drei Sitzungen im Jahr; strategische und inhaltliche Steuerung."),
    ("Bremerhavener Ausgangssituation und Demografielabore",
     "Alterung, Bevölkerungsrückgang, wachsende Internationalität; Modellquartiere Geestendorf, Grünhöfe, "
     "Surheide; drei übergreifende Handlungsfelder."),
    ("Austausch im Lean-Coffee-Format", "Drei Runden zu den am höchsten bewerteten Themen."),
    ("Ausblick und weiteres Vorgehen", ZWK_AUSBLICK),
]
# The decision of the first meeting, taken under the agenda item of that number.
ZWK_BESCHLUSS = {
    "text": "Der ZWK-Beirat unterstützt die vorgeschlagene Auswahl der Modellquartiere Geestendorf, Grünhöfe und "
            "Surheide für die Demografielabore. Die Organisationen vor Ort werden einbezogen; die Übertragbarkeit "
            "der Ergebnisse auf andere Quartiere wird bedacht.",
    "tagesordnungspunkt": 4, "art": "konsens", "umsetzungsstatus": "erledigt",
}
# Action items of the first meeting: (text, person, due, done, follows from the decision)
ZWK_AUFGABEN = [
    ("Dokumentation und Präsentation an die Mitglieder versenden", "zwk-sozialplanung", dt.date(2022, 4, 8),
     dt.date(2022, 3, 31), False),
    ("Quartiersprofile für Geestendorf, Grünhöfe und Surheide erstellen", "zwk-sozialplanung", dt.date(2022, 5, 31),
     dt.date(2022, 5, 24), True),
    ("Kleinräumige Bevölkerungsprognose für die Modellquartiere beauftragen", "zwk-sozialplanung",
     dt.date(2022, 6, 30), dt.date(2022, 7, 12), True),
    ("Termine der Zukunftswerkstätten im zweiten und dritten Quartal abstimmen", "zwk-senioren", dt.date(2022, 5, 15),
     dt.date(2022, 5, 10), False),
    ("Seniorenkonzept, Präventive Hausbesuche und ZWK verzahnen", "zwk-senioren", dt.date(2022, 9, 30), None, False),
    ("Bedarfe von Menschen mit Behinderung und Migrationsgeschichte erheben", "zwk-behinderung",
     dt.date(2022, 12, 31), None, False),
]
# The later meetings: (date, title, summary); held ones with a part of the members, planned ones with an agenda.
ZWK_WEITERE_SITZUNGEN = [
    (dt.date(2022, 6, 27), "Zweites Treffen: Themen der Zukunftswerkstätten",
     "Quartiersprofile und erste Ergebnisse der Bevölkerungsprognose vorgestellt; je zwei bis drei Themen für "
     "die Zukunftswerkstätten in Geestendorf, Grünhöfe und Surheide festgelegt."),
    (dt.date(2022, 11, 14), "Drittes Treffen: Ergebnisse der Zukunftswerkstätten",
     "Ergebnisse der drei Zukunftswerkstätten; das Jugendcafé in Geestendorf startet im Herbst."),
    (dt.date(2023, 3, 20), "Erstes Treffen 2023", "Projektstand in den Demografielaboren."),
    (dt.date(2023, 6, 26), "Zweites Treffen 2023", "Präventive Hausbesuche in Surheide: erste Erfahrungen."),
    (dt.date(2023, 11, 13), "Drittes Treffen 2023", "Mittelplanung 2024 und Themenspeicher."),
    (dt.date(2024, 4, 15), "Erstes Treffen 2024", "Übertragbarkeit der Werkzeuge auf andere Quartiere."),
    (dt.date(2024, 11, 18), "Abschlusstreffen der Förderphase", "Bilanz der Förderphase und Verstetigung."),
    (dt.date(2026, 12, 7), "Verstetigung der Demografielabore", ""),
]
ZWK_SITZUNG = {"beginn": dt.time(15, 30), "ende": dt.time(17, 0), "ort": ZWK_ORT, "verfasst_von": "zwk-sozialplanung"}
ZWK_SPAETERE_MITGLIEDER = ZWK_MITGLIEDER[::2] + ZWK_MITGLIEDER[-1:]  # every other member and the coordination
ZWK_GEPLANTE_TAGESORDNUNG = [("Begrüßung und Protokoll", ""), ("Stand der Demografielabore", ""),
                             ("Themenspeicher: Gesundheitsprävention und Wohnraum", ""), ("Verschiedenes", "")]
# Topics of the backlog rated again at the second meeting: (date of that meeting, [(title, points)])
ZWK_THEMENSPEICHER = (dt.date(2022, 6, 27), [("Gesundheitsprävention", 6),
                                             ("Bauliche Anpassung an den demografischen Wandel, u. a. Wohnraum", 5)])

# --- Reports ---------------------------------------------------------------------------------------

SITZUNGSDOKUMENTATION = {"gremium": "zwk", "datum": dt.date(2022, 3, 28), "oeffentlich": False}
