"""What the four cities share: the vocabularies of action fields and target groups, the indicators and the
demo's social index, the small actions of the disposal funds, the quartier managers' work log and the logins.

Pure data, read by the loaders in demo/laden.
"""

import datetime as dt
from decimal import Decimal

from .bremen import ALLGEMEIN
from .typen import Thema as T


# --- Vocabularies ---------------------------------------------------------------------------------

HANDLUNGSFELDER = [
    ("Beschäftigung", "Öffentlich geförderte Beschäftigung, Ausbildung, regionale Netzwerke"),
    ("Bildung", "Frühkindliche Bildung, Schule, Sprachförderung, Elternbildung"),
    ("Soziales", "Soziale Infrastruktur, Beratung, Nachbarschaftshilfe"),
    ("Gesundheit", "Gesundheitsförderung und Prävention im Quartier"),
    ("Zusammenleben und Integration", "Begegnung, Kultur, Teilhabe von Menschen mit Migrationsgeschichte"),
    ("Wohnen und Wohnumfeld", "Wohnraum, Spielflächen, öffentlicher Raum"),
    ("Im Quartier ankommen und bleiben – Engagement, Zusammenhalt und Vernetzung",
     "Engagement stärken, Identifikation mit dem Quartier, Begegnung, Ankommen erleichtern, Jugendengagement, "
     "Haltefaktoren"),
    ("Teilhabe sichert Zukunftschancen",
     "Teilhabehürden erkennen und reduzieren, Angebote bekannter machen, Zugang zu Bildung und Beschäftigung, "
     "Gesundheit ist kein Luxusgut"),
    ("In Vielfalt altern – Chancen nutzen und Bedarfe erkennen",
     "Begegnungsorte, aufsuchende Ansätze, kultursensible Altenhilfe, Unterstützung bei Demenz, Familien entlasten"),
]
# The three action fields of Bremerhaven's ZWK paper belong to that city.
HANDLUNGSFELDER_NUR_IN = {name: "Bremerhaven" for name, _text in HANDLUNGSFELDER[6:9]}
ZIELGRUPPEN = ["Kinder unter 3", "Kinder", "Jugendliche", "Familien", "Seniorinnen und Senioren",
               "Menschen mit Migrationsgeschichte", "Menschen mit Behinderung", "Alleinerziehende"]


# Short keys of the action fields and target groups, as the projects name them.
HF = {"besch": "Beschäftigung", "bild": "Bildung", "soz": "Soziales", "ges": "Gesundheit",
      "int": "Zusammenleben und Integration", "wohn": "Wohnen und Wohnumfeld",
      "zwk1": HANDLUNGSFELDER[6][0], "zwk2": HANDLUNGSFELDER[7][0], "zwk3": HANDLUNGSFELDER[8][0]}
ZG = {"u3": "Kinder unter 3", "kinder": "Kinder", "jugend": "Jugendliche", "familien": "Familien",
      "senioren": "Seniorinnen und Senioren", "migration": "Menschen mit Migrationsgeschichte",
      "behinderung": "Menschen mit Behinderung", "allein": "Alleinerziehende"}


# --- Small-area statistics ------------------------------------------------------------------------

INDIKATOREN = [
    # key, name, unit, source, higher is worse, description
    ("einwohner", "Einwohnerinnen und Einwohner", "Personen", "Melderegister, Statistisches Landesamt", False,
     "Bevölkerung mit Hauptwohnsitz am 31.12."),
    ("anteil_auslaendisch", "Anteil ausländische Bevölkerung", "%", "Melderegister", True,
     "Anteil der Einwohnerinnen und Einwohner ohne deutsche Staatsangehörigkeit"),
    ("sgb2_quote", "SGB-II-Quote", "%", "Bundesagentur für Arbeit", True,
     "Leistungsberechtigte nach SGB II je 100 Einwohnerinnen und Einwohner unter 65 Jahren"),
    ("kinderarmut", "Kinderarmut", "%", "Bundesagentur für Arbeit", True,
     "Anteil der Kinder unter 15 Jahren in Bedarfsgemeinschaften nach SGB II"),
    ("anteil_65_plus", "Anteil 65 Jahre und älter", "%", "Melderegister", False,
     "Anteil der Einwohnerinnen und Einwohner ab 65 Jahren"),
]


# The demo index: the two poverty indicators, equally weighted; each city ranks the level its documents speak
# of (Leverkusen its Stadtteile, Bremen and Bremerhaven their Ortsteile).
SOZIALINDEX_INDIKATOREN = [("sgb2_quote", Decimal("1")), ("kinderarmut", Decimal("1"))]


# --- Generated everyday projects ------------------------------------------------------------------

# The disposal funds whose small actions are generated, and those actions; where a fund has several operators
# the actions prefer Bremen's general ones (in Leverkusen none of them applies, so any of the fund's do).
ALLTAG_VERFUEGUNGSFONDS = ("vf-hb", "vf-lev")
VF_AKTIONEN = [
    T("hoffest", ("Nachbarschaftsfest im Hof {g}",), ["int"], ["familien"], 1500, (80, 250),
      "Nachmittag mit Musik, Grill und Spielen im Innenhof, vorbereitet von Nachbarinnen und Nachbarn.",
      traeger=ALLGEMEIN),
    T("spiele", ("Spielenachmittage für Familien {in_g}",), ["soz"], ["familien", "kinder"], 1500, (20, 50), "",
      traeger=ALLGEMEIN),
    T("pflanzen", ("Pflanzaktion im Wohnumfeld {g}",), ["wohn"], ["familien", "senioren"], 1500, (15, 40), "",
      traeger=ALLGEMEIN),
    T("laterne", ("Laternenumzug {g}",), ["int"], ["kinder", "familien"], 1500, (60, 200), "",
      traeger=ALLGEMEIN, zeitraum=((11, 1), (11, 15))),
    T("advent", ("Adventscafé {g}",), ["soz"], ["senioren"], 1500, (30, 80), "",
      traeger=ALLGEMEIN, zeitraum=((12, 1), (12, 20))),
    T("kino", ("Kinderkino im Quartier {g}",), ["bild"], ["kinder"], 1500, (30, 80), "", traeger=ALLGEMEIN),
    T("aufraeumen", ("Aufräumtag {g}",), ["wohn"], ["familien"], 1500, (20, 60),
      "Gemeinsamer Frühjahrsputz auf Grünflächen und Spielplätzen, mit Imbiss für alle Helfenden.",
      traeger=ALLGEMEIN),
    T("erzaehlcafe", ("Erzählcafé {g}",), ["soz", "int"], ["senioren", "migration"], 1500, (15, 35), "",
      traeger=ALLGEMEIN),
    T("fahrrad", ("Fahrradwerkstatt für Kinder {in_g}",), ["bild"], ["kinder", "jugend"], 1500, (15, 30), "",
      traeger=ALLGEMEIN),
    T("buecher", ("Offener Bücherschrank {g}",), ["bild"], ["familien"], 1500, (40, 100), "", traeger=ALLGEMEIN),
    T("kochabend", ("Internationaler Kochabend {g}",), ["int"], ["migration", "familien"], 1500, (20, 40), "",
      traeger=ALLGEMEIN),
    T("ausflug", ("Seniorenausflug {g}",), ["soz"], ["senioren"], 1500, (20, 45), "", traeger=ALLGEMEIN),
    T("graffiti", ("Graffiti-Workshop für Jugendliche {in_g}",), ["int"], ["jugend"], 1500, (10, 20), "",
      traeger=ALLGEMEIN),
    T("basteln", ("Bastelnachmittage {g}",), ["bild"], ["kinder"], 1500, (15, 30), "", traeger=ALLGEMEIN),
]


# --- Work log of the quartier managements ---------------------------------------------------------

TAETIGKEITEN = [
    # (month, day, title, action field, partner organisations, people reached, hours)
    (1, 20, "Netzwerktreffen der Einrichtungen im Quartier", "soz", 2, 14, "3"),
    (2, 14, "Sprechstunde im Quartiersbüro", "soz", 0, 11, "4"),
    (3, 10, "Beratung eines Trägers zum Förderantrag", "soz", 1, 2, "1.5"),
    (4, 24, "Begehung des Wohnumfelds mit dem Wohnungsunternehmen", "wohn", 1, 6, "2"),
    (5, 16, "Elterncafé in der Grundschule", "bild", 1, 22, "2.5"),
    (6, 21, "Vorbereitung des Stadtteilfests", "int", 2, 9, "5"),
    (9, 12, "Gesundheitstag im Quartier", "ges", 2, 140, "6"),
    (10, 8, "Runder Tisch Beschäftigung mit dem Jobcenter", "besch", 1, 8, "2"),
    (11, 5, "Jahresgespräch mit der Sozialplanung", "soz", 1, 3, "1.5"),
]


# --- Logins ---------------------------------------------------------------------------------------

PASSWORT = "demo"
# (username, role, person key, is_staff, is_superuser, what the login is for)
KONTEN = [
    ("verwaltung", "verwaltung", "verwaltung", True, False,
     "Verwaltung (Sozialplanung): alles sehen, Budgets festlegen, bewilligen, Berichte"),
    ("qm-blockdiek", "quartiersmanagement", "qm-blockdiek", False, False,
     "Quartiersmanagement Blockdiek (Bremen): Projekte und Sitzungen im eigenen Gebiet"),
    ("qm-rheindorf", "quartiersmanagement", "qm-rheindorf", False, False,
     "Quartiersmanagement Rheindorf (Leverkusen): Projekte und Sitzungen im eigenen Gebiet"),
    ("rat", "rat", "rat", False, False, "Rat: Übersichten und Berichte lesen"),
    ("admin", None, None, True, True, "Administration (Django-Admin)"),
]
ADMIN_EMAIL = "admin@quartiersportal.example"
# The demo's staff and admin logins need a second factor like every staff account; their authenticator
# app is set up with this published key (base32, as the apps take it). Demo data only: a real account
# sets up its own secret at its first login. `manage.py democode` shows the current codes.
DEMO_TOTP_SCHLUESSEL = "QUARTIERSPORTALDEMOZWEITERFAKTOR"
# The council login's person, a Leverkusen council member, loaded after the people of the cities:
# (city, key, anrede, vorname, nachname, organisation, funktion, ist_verwaltung, einwilligung_am)
KONTO_PERSONEN = [
    ("Leverkusen", "rat", "Frau", "Carola", "Wittkamp", "CDU-Fraktion im Rat der Stadt Leverkusen",
     "Ratsmitglied, Ausschuss für Soziales, Gesundheit und Senioren", False, dt.date(2020, 11, 1)),
]
