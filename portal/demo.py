"""Demo data for the portal, taken from the source documents (Bremen, Bremerhaven, Leverkusen,
Mönchengladbach). Every loader looks rows up by their natural key and writes only what is missing
or changed, so loading twice leaves the database as it was. Money moves only through
programme.services, so the demo data keeps every funding rule and carries a history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils import timezone

from kern import rollen
from kern.format import euro_text
from quartiere import zugriff
from quartiere.models import Einrichtung, Gebiet, Organisation, Person, Quartiersmanagement

PASSWORT = "demo"
D = Decimal
A = Gebiet.Art
O = Organisation.Art


def sichern(model, defaults: dict | None = None, **lookup):
    """get_or_create that also updates changed fields, and saves nothing when all is equal."""
    defaults = defaults or {}
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **defaults)
        obj.save()
        return obj
    geaendert = [k for k, v in defaults.items() if getattr(obj, k) != v]
    if geaendert:
        for k in geaendert:
            setattr(obj, k, defaults[k])
        obj.save()
    return obj


def m2m_setzen(manager, objekte) -> None:
    neu = {o.pk for o in objekte}
    if set(manager.values_list("pk", flat=True)) != neu:
        manager.set(objekte)


@dataclass
class Kontext:
    heute: dt.date
    gebiete: dict[str, Gebiet] = field(default_factory=dict)
    staedte: dict[str, Gebiet] = field(default_factory=dict)
    orgs: dict[tuple[str, str], Organisation] = field(default_factory=dict)
    personen: dict[str, Person] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    programme: dict[str, object] = field(default_factory=dict)
    handlungsfelder: dict[str, object] = field(default_factory=dict)
    zielgruppen: dict[str, object] = field(default_factory=dict)
    projekte: dict[str, object] = field(default_factory=dict)
    bewilligungen: dict[str, object] = field(default_factory=dict)
    gremien: dict[str, object] = field(default_factory=dict)

    def org(self, stadt: str, name: str) -> Organisation:
        return self.orgs[(stadt, name)]


# --- Areas -------------------------------------------------------------------------------------

def G(art, name, kennziffer, *kinder, typ="", belastet=False, text=""):
    return {"art": art, "name": name, "kennziffer": kennziffer, "kinder": kinder, "quartierstyp": typ,
            "besonders_belastet": belastet, "beschreibung": text}


STAEDTE = [
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
          G(A.ORTSTEIL, "Oslebshausen", "434")))),
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
                 "und wenig Kontakt zwischen den Generationen.")))),
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
        G(A.STADTTEIL, "Steinbüchel", "302", belastet=True))),
    G(A.STADT, "Mönchengladbach", "05116000",
      G(A.STADTBEZIRK, "Stadtbezirk Nord", "1",
        G(A.STADTTEIL, "Gladbach", "11"),
        G(A.STADTTEIL, "Eicken", "12", belastet=True)),
      G(A.STADTBEZIRK, "Stadtbezirk Süd", "5",
        G(A.STADTTEIL, "Rheydt", "51", belastet=True),
        G(A.STADTTEIL, "Geneicken", "52"))),
]


def gebiete_laden(k: Kontext) -> None:
    def anlegen(knoten, parent, stadtname):
        werte = {f: knoten[f] for f in ("art", "kennziffer", "quartierstyp", "besonders_belastet", "beschreibung")}
        gebiet = sichern(Gebiet, defaults=werte, parent=parent, name=knoten["name"])
        stadtname = stadtname or gebiet.name
        if parent is None:
            k.staedte[gebiet.name] = gebiet
        # Deeper areas win a plain name (the Ortsteil Blumenthal over the Stadtteil); "art:Name" stays unique.
        k.gebiete[f"{stadtname}/{knoten['art']}:{gebiet.name}"] = gebiet
        k.gebiete[gebiet.name] = gebiet
        for kind in knoten["kinder"]:
            anlegen(kind, gebiet, stadtname)

    for stadt in STAEDTE:
        anlegen(stadt, None, None)


# --- Organisations and people ----------------------------------------------------------------

ORGANISATIONEN = {
    "Bremen": [
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
    ],
    "Bremerhaven": [
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
    ],
    "Leverkusen": [
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
    ],
    "Mönchengladbach": [
        ("Sozialdezernat", "Dezernat V", O.RESSORT, None),
        ("Fachbereich Soziales und Wohnen", "FB 50", O.AMT, "Sozialdezernat"),
        ("AWO Kreisverband Mönchengladbach", "AWO Mönchengladbach", O.WOHLFAHRTSVERBAND, None),
        ("Caritasverband für die Region Mönchengladbach", "Caritas Mönchengladbach", O.WOHLFAHRTSVERBAND, None),
        ("Diakonisches Werk Mönchengladbach", "Diakonie Mönchengladbach", O.WOHLFAHRTSVERBAND, None),
        ("DRK Kreisverband Mönchengladbach", "DRK Mönchengladbach", O.WOHLFAHRTSVERBAND, None),
        ("Der Paritätische Mönchengladbach", "Paritätischer Mönchengladbach", O.WOHLFAHRTSVERBAND, None),
        ("SPD-Fraktion im Rat der Stadt Mönchengladbach", "SPD", O.PARTEI, None),
        ("Bürgerverein Eicken e. V.", "", O.VEREIN, None),
        ("Nachbarschaftsinitiative Rheydt-Mitte", "", O.VEREIN, None),
    ],
}


def organisationen_laden(k: Kontext) -> None:
    for stadtname, eintraege in ORGANISATIONEN.items():
        stadt = k.staedte[stadtname]
        for name, kurz, art, parent in eintraege:
            werte = {"kurzname": kurz, "art": art,
                     "parent": k.org(stadtname, parent) if parent else None}
            k.orgs[(stadtname, name)] = sichern(Organisation, defaults=werte, name=name, stadt=stadt)


# (key, anrede, vorname, nachname, city, organisation, funktion, ist_verwaltung, einwilligung_am)
PERSONEN = [
    # Bremen: social planning staff and the quartier managers
    ("verwaltung", "Frau", "Katrin", "Oltmanns", "Bremen", "Referat Sozialplanung und Quartiersentwicklung",
     "Referentin WiN / Soziale Stadt", True, None),
    ("hb-planung2", "Herr", "Jens", "Tietjen", "Bremen", "Referat Sozialplanung und Quartiersentwicklung",
     "Sachbearbeitung Zuwendungen", True, None),
    ("qm-blockdiek", "Frau", "Miriam", "Kaminski", "Bremen", "Diakonisches Werk Bremen",
     "Quartiersmanagerin Blockdiek", False, dt.date(2016, 3, 1)),
    ("qm-tenever", "Herr", "Okan", "Demirel", "Bremen", "Arbeiterwohlfahrt Kreisverband Bremen",
     "Quartiersmanager Tenever", False, dt.date(2015, 1, 12)),
    ("qm-vahr", "Frau", "Sabine", "Wessels", "Bremen", "Caritasverband Bremen",
     "Quartiersmanagerin Neue Vahr", False, dt.date(2015, 2, 2)),
    ("qm-blumenthal", "Frau", "Anja", "Rohlfs", "Bremen", "Deutsches Rotes Kreuz Kreisverband Bremen",
     "Quartiersmanagerin Blumenthal / Lüssum", False, dt.date(2014, 9, 1)),
    ("qm-huckelriede", "Herr", "Tobias", "Uhlhorn", "Bremen", "Der Paritätische Bremen",
     "Quartiersmanager Huckelriede", False, dt.date(2017, 4, 3)),
    ("qm-huchting", "Frau", "Leyla", "Özkan", "Bremen", "Arbeiterwohlfahrt Kreisverband Bremen",
     "Quartiersmanagerin Huchting", False, dt.date(2018, 1, 15)),
    ("qm-groepelingen", "Herr", "Marek", "Nowicki", "Bremen", "Caritasverband Bremen",
     "Quartiersmanager Gröpelingen", False, None),
    # Bremen: contact persons of the departments (ZugABe)
    ("zugabe-arbeit", "Herr", "Frank", "Lüdeking", "Bremen", "Senator für Wirtschaft, Arbeit und Häfen",
     "Ansprechperson ZugABe (Arbeit)", True, None),
    ("zugabe-bildung", "Frau", "Ines", "Gerdes", "Bremen", "Senatorin für Kinder und Bildung",
     "Ansprechperson ZugABe (Bildung)", True, None),
    ("zugabe-bau", "Herr", "Holger", "Brandstätter", "Bremen", "Senator für Umwelt, Bau und Verkehr",
     "Ansprechperson ZugABe (Bau)", True, None),
    ("zugabe-jugend", "Frau", "Nicole", "Feldkamp", "Bremen",
     "Senatorin für Soziales, Jugend, Frauen, Integration und Sport", "Ansprechperson ZugABe (Jugend)", True, None),
    ("zugabe-soziales", "Herr", "Stefan", "Albers", "Bremen",
     "Senatorin für Soziales, Jugend, Frauen, Integration und Sport", "Ansprechperson ZugABe (Soziales)", True, None),
    ("zugabe-gesundheit", "Frau", "Dr. Maren", "Ellerbrock", "Bremen",
     "Senatorin für Wissenschaft, Gesundheit und Verbraucherschutz", "Ansprechperson ZugABe (Gesundheit)", True, None),
    ("zugabe-inneres", "Herr", "Kai", "Stührenberg", "Bremen", "Senator für Inneres",
     "Ansprechperson ZugABe (Inneres)", True, None),
    ("zugabe-kultur", "Frau", "Julia", "Vogelsang", "Bremen", "Senator für Kultur",
     "Ansprechperson ZugABe (Kultur)", True, None),
    ("zugabe-sport", "Herr", "Dennis", "Meyerhoff", "Bremen",
     "Senatorin für Soziales, Jugend, Frauen, Integration und Sport", "Ansprechperson ZugABe (Sport)", True, None),
    # Bremen: actors in the areas
    ("hb-gewoba", "Herr", "Matthias", "Quast", "Bremen", "GEWOBA Aktiengesellschaft Wohnen und Bauen",
     "Quartiersservice", False, dt.date(2019, 5, 6)),
    ("hb-muetterzentrum", "Frau", "Gülay", "Yıldırım", "Bremen", "Mütterzentrum Osterholz-Tenever e. V.",
     "Geschäftsführung", False, dt.date(2016, 6, 20)),
    ("hb-schule", "Frau", "Birgit", "Nordmann", "Bremen", "Grundschule Blockdiek", "Schulleitung", False,
     dt.date(2017, 8, 28)),
    ("hb-beirat", "Herr", "Uwe", "Dreyer", "Bremen", "Beirat Osterholz", "Beiratssprecher", False, None),
    ("hb-kultur", "Frau", "Svenja", "Hollmann", "Bremen", "Kultur vor Ort e. V.", "Projektleitung", False,
     dt.date(2018, 2, 1)),
    # Bremerhaven: members of the ZWK advisory board and the moderation
    ("zwk-jugendamt", "Frau", "Derya", "Kaplan", "Bremerhaven", "Amt für Jugend, Familie und Frauen",
     "Jugendhilfeplanung", True, None),
    ("zwk-integration", "Frau", "Simone", "Backhaus", "Bremerhaven",
     "Sozialreferat – Koordinierungsstelle Integration & Chancengleichheit", "Koordinatorin Integration", True, None),
    ("zwk-gruene", "Frau", "Maike", "Hobbensiefken", "Bremerhaven", "Fraktion Bündnis 90/Die Grünen/PP",
     "Stadtverordnete", False, dt.date(2022, 3, 28)),
    ("zwk-fdp", "Herr", "Gerrit", "Lammers", "Bremerhaven", "FDP-Fraktion", "Stadtverordneter", False,
     dt.date(2022, 3, 28)),
    ("zwk-zgf", "Frau", "Annika", "Brüning", "Bremerhaven",
     "Zentralstelle für die Verwirklichung der Gleichberechtigung der Frau", "Referentin", True, None),
    ("zwk-gesundheit", "Herr", "Sven", "Kröger", "Bremerhaven", "Gesundheitsamt", "Gesundheitsplanung", True, None),
    ("zwk-behinderung", "Herr", "Thorsten", "Pape", "Bremerhaven", "Amt für Menschen mit Behinderung",
     "Amtsleitung", True, None),
    ("zwk-seniorenbeirat", "Herr", "Wolfgang", "Tjaden", "Bremerhaven", "Seniorenbeirat Bremerhaven",
     "Vorsitzender", False, dt.date(2022, 3, 28)),
    ("zwk-stadtrat", "Herr", "Jürgen", "Ahlers", "Bremerhaven", "Magistrat der Stadt Bremerhaven",
     "Sozialstadtrat", True, None),
    ("zwk-arbeitsmarkt", "Herr", "Dr. Christian", "Wübbena", "Bremerhaven", "Amt für kommunale Arbeitsmarktpolitik",
     "Amtsleitung", True, None),
    ("zwk-inklusionsbeirat", "Frau", "Gabriele", "Ostendorf", "Bremerhaven", "Inklusionsbeirat Bremerhaven",
     "Sprecherin", False, None),
    ("zwk-stadtplanung", "Frau", "Karin", "Siefken", "Bremerhaven", "Stadtplanungsamt", "Stadtplanerin", True, None),
    ("zwk-ram", "Herr", "Emre", "Güneş", "Bremerhaven", "Rat ausländischer Mitbürgerinnen und Mitbürger",
     "Vorsitzender", False, dt.date(2022, 3, 28)),
    ("zwk-cdu", "Herr", "Dirk", "Renken", "Bremerhaven", "CDU-Fraktion", "Stadtverordneter", False,
     dt.date(2022, 3, 28)),
    ("zwk-senioren", "Frau", "Ulrike", "Janßen", "Bremerhaven", "Sozialreferat – Stabsstelle Seniorinnen und Senioren",
     "Stabsstelle Seniorinnen und Senioren", True, None),
    ("zwk-sozialplanung", "Herr", "Martin", "Bruns", "Bremerhaven", "Sozialreferat – Sozialplanung",
     "Sozialplanung, Koordination ZWK", True, None),
    ("bhv-jugendcafe", "Herr", "Luca", "Hinz", "Bremerhaven", "Jugendhilfe Geestemünde e. V.", "Jugendarbeit", False,
     dt.date(2022, 9, 1)),
    ("bhv-familienzentrum", "Frau", "Natalia", "Kowalczyk", "Bremerhaven", "Familienzentrum Grünhöfe", "Leitung",
     False, dt.date(2022, 5, 10)),
    # Leverkusen
    ("lev-planung", "Frau", "Heike", "Lindemann", "Leverkusen", "Fachbereich Soziales", "Sozialplanung", True, None),
    ("lev-jugend", "Herr", "Patrick", "Schürmann", "Leverkusen", "Fachbereich Kinder und Jugend",
     "Sozialraumkoordination", True, None),
    ("lev-stadtplanung", "Frau", "Claudia", "Berghoff", "Leverkusen", "Fachbereich Stadtplanung",
     "Stadterneuerung", True, None),
    ("qm-rheindorf", "Frau", "Melanie", "Dahlke", "Leverkusen", "Caritasverband Leverkusen",
     "Quartiersmanagerin Rheindorf", False, dt.date(2019, 10, 1)),
    ("qm-manfort", "Herr", "Benedikt", "Krämer", "Leverkusen", "AWO Kreisverband Leverkusen",
     "Quartiersmanager Manfort", False, dt.date(2018, 5, 2)),
    ("qm-opladen", "Frau", "Tanja", "Wiegand", "Leverkusen",
     "Diakonisches Werk des Evangelischen Kirchenkreises Leverkusen", "Quartiersmanagerin Opladen", False,
     dt.date(2021, 2, 1)),
    ("qm-kueppersteg", "Herr", "Yusuf", "Arslan", "Leverkusen", "DRK Kreisverband Leverkusen",
     "Quartiersmanager Küppersteg", False, dt.date(2021, 3, 15)),
    ("qm-hitdorf", "Frau", "Lena", "Pohlmann", "Leverkusen", "Der Paritätische Leverkusen",
     "Quartiersmanagerin Hitdorf", False, dt.date(2022, 1, 10)),
    ("qm-steinbuechel", "Herr", "Florian", "Esser", "Leverkusen", "AWO Kreisverband Leverkusen",
     "Quartiersmanager Steinbüchel", False, None),
    ("lev-agw", "Herr", "Reinhold", "Scharfenberg", "Leverkusen",
     "Arbeitsgemeinschaft der Wohlfahrtsverbände in der Stadt Leverkusen", "Sprecher der AGW", False,
     dt.date(2019, 11, 18)),
    ("lev-wgl", "Frau", "Petra", "Voss", "Leverkusen", "Wohnungsgesellschaft Leverkusen", "Sozialmanagement", False,
     dt.date(2020, 2, 3)),
    ("lev-schule", "Herr", "Andreas", "Klinkhammer", "Leverkusen", "Gemeinschaftsgrundschule Rheindorf-Nord",
     "Schulleitung", False, dt.date(2020, 9, 1)),
    ("lev-buergerverein", "Frau", "Marion", "Effertz", "Leverkusen", "Bürgerverein Rheindorf e. V.", "Vorsitzende",
     False, None),
    ("lev-rat", "Herr", "Oliver", "Strunk", "Leverkusen", "SPD-Fraktion im Rat der Stadt Leverkusen",
     "Ratsmitglied, sozialpolitischer Sprecher", False, dt.date(2020, 11, 1)),
    # Mönchengladbach
    ("mg-dezernat", "Frau", "Sandra", "Hövelmann", "Mönchengladbach", "Sozialdezernat",
     "Projektstelle Quartiersarbeit", True, None),
    ("mg-fonds", "Herr", "Robert", "Kleinjans", "Mönchengladbach", "Fachbereich Soziales und Wohnen",
     "Geschäftsstelle Fonds für soziales Engagement", True, None),
    ("mg-eicken", "Frau", "Bettina", "Lambertz", "Mönchengladbach", "Bürgerverein Eicken e. V.", "Vorstand", False,
     dt.date(2021, 6, 14)),
    # The council login's person
    ("rat", "Frau", "Carola", "Wittkamp", "Leverkusen", "CDU-Fraktion im Rat der Stadt Leverkusen",
     "Ratsmitglied, Ausschuss für Soziales, Gesundheit und Senioren", False, dt.date(2020, 11, 1)),
]


def _email(vorname: str, nachname: str, stadt: str) -> str:
    ersatz = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i", "ş": "s", "ğ": "g", "Ö": "Oe",
                            "Ü": "Ue", "Ä": "Ae", " ": "", ".": ""})
    vor = vorname.split()[-1]
    domain = {"Bremen": "bremen.example", "Bremerhaven": "bremerhaven.example",
              "Leverkusen": "leverkusen.example", "Mönchengladbach": "moenchengladbach.example"}[stadt]
    return f"{vor}.{nachname}".translate(ersatz).lower() + "@" + domain


def personen_laden(k: Kontext) -> None:
    for key, anrede, vorname, nachname, stadt, org, funktion, verwaltung, einwilligung in PERSONEN:
        titel = ""
        if vorname.startswith("Dr. "):
            titel, vorname = "Dr.", vorname[4:]
        werte = {"anrede": anrede, "titel": titel, "organisation": k.org(stadt, org), "funktion": funktion,
                 "ist_verwaltung": verwaltung, "einwilligung_am": einwilligung,
                 "email": _email(vorname, nachname, stadt)}
        k.personen[key] = sichern(Person, defaults=werte, vorname=vorname, nachname=nachname)


# --- Logins ---------------------------------------------------------------------------------

LOGINS = [
    # (username, group, person key, is_staff, is_superuser)
    ("verwaltung", rollen.Rolle.VERWALTUNG, "verwaltung", True, False),
    ("qm-blockdiek", rollen.Rolle.QUARTIERSMANAGEMENT, "qm-blockdiek", False, False),
    ("qm-rheindorf", rollen.Rolle.QUARTIERSMANAGEMENT, "qm-rheindorf", False, False),
    ("rat", rollen.Rolle.RAT, "rat", False, False),
    ("admin", None, None, True, True),
]


def logins_laden(k: Kontext) -> None:
    rollen.gruppen_anlegen()
    for username, gruppe, person_key, is_staff, is_superuser in LOGINS:
        person = k.personen.get(person_key)
        werte = {"is_staff": is_staff, "is_superuser": is_superuser, "is_active": True,
                 "first_name": person.vorname if person else "", "last_name": person.nachname if person else "",
                 "email": person.email if person else "admin@quartiersportal.example"}
        user = sichern(User, defaults=werte, username=username)
        if not user.has_usable_password() or not user.check_password(PASSWORT):
            user.set_password(PASSWORT)
            user.save(update_fields=["password"])
        gruppen = [Group.objects.get(name=gruppe)] if gruppe else []
        m2m_setzen(user.groups, gruppen)
        if person is not None and person.user_id != user.pk:
            Person.objects.filter(user=user).exclude(pk=person.pk).update(user=None)
            person.user = user
            person.save()
        k.users[username] = user


# --- Quartier management and facilities -----------------------------------------------------

def _monatsende(d: dt.date) -> dt.date:
    naechster = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return naechster - dt.timedelta(days=1)


def quartiersmanagements_laden(k: Kontext) -> None:
    # One position ends within the next six months: the last day of the fourth month from today.
    bald = _monatsende(dt.date(k.heute.year + (k.heute.month + 3 > 12), (k.heute.month + 3 - 1) % 12 + 1, 1))
    stellen = [
        # (area, city, operator, share, begin, fixed term until, persons, remark)
        ("Blockdiek", "Bremen", "Diakonisches Werk Bremen", 50, dt.date(2016, 1, 1), None, ["qm-blockdiek"],
         "Mit der Förderperiode 2016–2022 eingerichtet, seit 2023 unbefristet."),
        ("Tenever", "Bremen", "Arbeiterwohlfahrt Kreisverband Bremen", 75, dt.date(2010, 1, 1), None, ["qm-tenever"],
         "Verstetigte Stelle."),
        ("Vahr", "Bremen", "Caritasverband Bremen", 50, dt.date(2012, 7, 1), dt.date(2027, 12, 31), ["qm-vahr"],
         "Befristet bis zum Ende der Förderperiode."),
        ("Bremen/stadtteil:Blumenthal", "Bremen", "Deutsches Rotes Kreuz Kreisverband Bremen", 50, dt.date(2014, 1, 1), bald,
         ["qm-blumenthal"], "Vertrag läuft aus; eine Entfristung ist beantragt."),
        ("Huckelriede", "Bremen", "Der Paritätische Bremen", 50, dt.date(2017, 4, 1), None, ["qm-huckelriede"], ""),
        ("Huchting", "Bremen", "Arbeiterwohlfahrt Kreisverband Bremen", 50, dt.date(2018, 1, 1),
         dt.date(2029, 12, 31), ["qm-huchting"], ""),
        ("Gröpelingen", "Bremen", "Caritasverband Bremen", 50, dt.date(2014, 1, 1), dt.date(2022, 12, 31),
         ["qm-groepelingen"], "Stelle ist ausgelaufen und wird neu ausgeschrieben."),
        ("Rheindorf", "Leverkusen", "Caritasverband Leverkusen", 50, dt.date(2019, 10, 1), None, ["qm-rheindorf"],
         "Dauerhaft refinanzierte Stelle nach dem Modell der AGW."),
        ("Manfort", "Leverkusen", "AWO Kreisverband Leverkusen", 50, dt.date(2018, 5, 1), dt.date(2027, 4, 30),
         ["qm-manfort"], "Aus dem Projekt GLIM hervorgegangen."),
        ("Opladen", "Leverkusen", "Diakonisches Werk des Evangelischen Kirchenkreises Leverkusen", 50,
         dt.date(2021, 2, 1), dt.date(2026, 12, 31), ["qm-opladen"], ""),
        ("Küppersteg", "Leverkusen", "DRK Kreisverband Leverkusen", 50, dt.date(2021, 3, 1), dt.date(2028, 2, 29),
         ["qm-kueppersteg"], ""),
        ("Hitdorf", "Leverkusen", "Der Paritätische Leverkusen", 25, dt.date(2022, 1, 1), dt.date(2027, 12, 31),
         ["qm-hitdorf"], "Unter dem empfohlenen Stellenumfang von 50 %."),
    ]
    for gebiet, stadt, traeger, anteil, beginn, bis, personen, bemerkung in stellen:
        qm = sichern(Quartiersmanagement, defaults={"stellenanteil": D(anteil), "befristet_bis": bis,
                                                    "bemerkung": bemerkung},
                     gebiet=k.gebiete[gebiet], traeger=k.org(stadt, traeger), beginn=beginn)
        m2m_setzen(qm.personen, [k.personen[p] for p in personen])


EINRICHTUNGEN = [
    # (name, art, area, city, operator, status, opened, address, description)
    ("Familien- und Quartierszentrum Vahr", "familienzentrum", "Neue Vahr Nord", "Bremen", "Caritasverband Bremen",
     "verstetigt", dt.date(2009, 9, 1), "August-Bebel-Allee 10, 28329 Bremen",
     "Verstetigt mit institutioneller Förderung für Personal- und Sachkosten."),
    ("Haus der Zukunft – Mehrgenerationenhaus", "mehrgenerationenhaus", "Lüssum-Bockhorn", "Bremen",
     "Deutsches Rotes Kreuz Kreisverband Bremen", "laufend", dt.date(2005, 5, 1), "Lüssumer Heide 6, 28777 Bremen",
     "Mehrgenerationenhaus und Treffpunkt im Quartier Lüssum."),
    ("Quartierszentrum Huckelriede", "quartierszentrum", "Huckelriede", "Bremen", "Der Paritätische Bremen",
     "verstetigt", dt.date(2011, 3, 1), "Niedersachsendamm 20, 28201 Bremen",
     "Verstetigt seit 2017; Regiekosten aus dem Haushalt."),
    ("Kinder- und Familienzentrum Blockdiek", "familienzentrum", "Blockdiek", "Bremen", "Diakonisches Werk Bremen",
     "laufend", dt.date(2018, 8, 1), "Mülheimer Straße 5, 28327 Bremen", ""),
    ("Quartiersbildungszentrum Tenever", "quartierszentrum", "Tenever", "Bremen",
     "Arbeiterwohlfahrt Kreisverband Bremen", "laufend", dt.date(2016, 2, 1), "Otto-Brenner-Allee 44, 28325 Bremen", ""),
    ("Jugendtreff Huchting", "jugendzentrum", "Sodenmatt", "Bremen", "Stadtteilfarm Huchting e. V.", "laufend",
     dt.date(2012, 6, 1), "Amersfoorter Straße 8, 28259 Bremen", ""),
    ("Quartierszentrum Altes Zentrum Blumenthal", "quartierszentrum", "Altes Zentrum Blumenthal", "Bremen",
     "Sportverein Blumenthal von 1862 e. V.", "geplant", None, "Mühlenstraße 40, 28779 Bremen",
     "Geplant für die neue Förderperiode; Finanzierung der Betriebs- und Regiekosten offen."),
    ("Jugendcafé Geestendorf", "jugendzentrum", "Geestendorf", "Bremerhaven", "Jugendhilfe Geestemünde e. V.",
     "laufend", dt.date(2023, 3, 1), "Georgstraße 55, 27570 Bremerhaven",
     "Peer-2-Peer-Ansatz: Jugendliche planen und betreiben das Café mit."),
    ("Familienzentrum Grünhöfe", "familienzentrum", "Grünhöfe", "Bremerhaven", "Familienzentrum Grünhöfe",
     "laufend", dt.date(2014, 9, 1), "Auf den Grünhöfen 12, 27574 Bremerhaven", "Netzwerkknoten im Quartier."),
    ("Begegnungsstätte Surheide", "begegnungsstaette", "Surheide", "Bremerhaven", "Bürgerverein Surheide e. V.",
     "geplant", None, "", "Generationenübergreifender Treffpunkt, Ergebnis der Zukunftswerkstatt."),
    ("Stadtteilbüro Rheindorf", "quartierszentrum", "Rheindorf-Nord", "Leverkusen", "Caritasverband Leverkusen",
     "laufend", dt.date(2012, 1, 1), "Elbestraße 11, 51371 Leverkusen", ""),
    ("Nachbarschaftstreff Manfort", "begegnungsstaette", "Manfort", "Leverkusen", "AWO Kreisverband Leverkusen",
     "laufend", dt.date(2018, 9, 1), "Kalkstraße 30, 51377 Leverkusen", ""),
    ("Jugendhaus Küppersteg", "jugendzentrum", "Küppersteg", "Leverkusen", "DRK Kreisverband Leverkusen",
     "geschlossen", dt.date(1998, 4, 1), "", "2021 geschlossen, Angebote ins Quartiersbüro verlagert."),
]


def einrichtungen_laden(k: Kontext) -> None:
    for name, art, gebiet, stadt, traeger, status, eroeffnet, adresse, text in EINRICHTUNGEN:
        werte = {"art": art, "traeger": k.org(stadt, traeger), "status": status, "eroeffnet_am": eroeffnet,
                 "adresse": adresse, "beschreibung": text,
                 "geschlossen_am": dt.date(2021, 6, 30) if status == "geschlossen" else None}
        sichern(Einrichtung, defaults=werte, name=name, gebiet=k.gebiete[gebiet])


# --- Programmes, programme areas, budgets, vocabularies ----------------------------------------

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
ZIELGRUPPEN = ["Kinder unter 3", "Kinder", "Jugendliche", "Familien", "Seniorinnen und Senioren",
               "Menschen mit Migrationsgeschichte", "Menschen mit Behinderung", "Alleinerziehende"]


def vokabular_laden(k: Kontext) -> None:
    from programme.models import Handlungsfeld, Zielgruppe

    for name, text in HANDLUNGSFELDER:
        k.handlungsfelder[name] = sichern(Handlungsfeld, defaults={"beschreibung": text}, name=name)
    for name in ZIELGRUPPEN:
        k.zielgruppen[name] = sichern(Zielgruppe, name=name)


WIN_GEBIETE = {  # local WiN budget per year in EUR
    "Lüssum-Bockhorn": 150_000, "Altes Zentrum Blumenthal": 40_000, "Grohn": 115_000, "Neue Vahr Nord": 130_000,
    "Neue Vahr Südost": 110_000, "Blockdiek": 120_000, "Tenever": 190_000, "Huckelriede": 100_000,
    "Sodenmatt": 105_000, "Kirchhuchting": 95_000, "Lindenhof": 140_000, "Ohlenhof": 150_000,
}
J = dt.date

PROGRAMME = [
    # key, city, kurzname, name, funder, responsible, begin, end, options, description
    ("win", "Bremen", "WiN", "Wohnen in Nachbarschaften – WiN", "stadt",
     "Senatorin für Soziales, Jugend, Frauen, Integration und Sport", J(2016, 1, 1), J(2022, 12, 31),
     {"max_foerderquote": D(50)},
     "Stadtteilbezogenes Programm für benachteiligte Quartiere; Gesamtbudget 1,75 Mio. € im Jahr, verteilt auf "
     "lokale Budgets, über die die WiN-Foren im Konsens entscheiden. Der Träger bringt mindestens die Hälfte der "
     "Kosten selbst oder über Dritte auf."),
    ("win2", "Bremen", "WiN 2023–2029", "Wohnen in Nachbarschaften – Förderperiode 2023–2029", "stadt",
     "Senatorin für Soziales, Jugend, Frauen, Integration und Sport", J(2023, 1, 1), J(2029, 12, 31),
     {"max_foerderquote": D(50)},
     "Fortsetzung von WiN mit aufgestocktem Gesamtbudget von 2 Mio. € im Jahr."),
    ("win-flankierend", "Bremen", "WiN flankierend", "Flankierende WiN-Förderung", "stadt",
     "Senatorin für Soziales, Jugend, Frauen, Integration und Sport", J(2014, 1, 1), J(2016, 12, 31),
     {"max_foerderquote": D(50)},
     "Flankierende Förderung für Quartiere außerhalb der Fördergebiete, um erreichte Erfolge abzusichern "
     "(Altes Zentrum Blumenthal: 20.000 € je Jahr 2014 bis 2016)."),
    ("soziale-stadt-hb", "Bremen", "Soziale Stadt",
     "Soziale Stadt – Investitionen im Quartier (Städtebauförderung)", "bund",
     "Senator für Umwelt, Bau und Verkehr", J(2016, 1, 1), J(2022, 12, 31), {},
     "Bund-Länder-Programm der Städtebauförderung, kombiniert mit WiN in denselben Gebieten."),
    ("los", "Bremen", "LOS", "Lokales Kapital für soziale Zwecke (LOS)", "eu",
     "Senatorin für Soziales, Jugend, Frauen, Integration und Sport", J(2014, 1, 1), J(2020, 12, 31),
     {"max_betrag": D(10_000), "max_laufzeit_monate": 12},
     "Mikroprojekte aus dem Europäischen Sozialfonds, höchstens 10.000 € je Projekt und höchstens ein Jahr."),
    ("gesundheit", "Bremen", "Gesundheit im Quartier", "Gesundheit im Quartier (Präventionsgesetz)",
     "krankenkassen", "Senatorin für Wissenschaft, Gesundheit und Verbraucherschutz", J(2017, 1, 1),
     J(2026, 12, 31), {"max_laufzeit_monate": 36},
     "Mittel der Krankenkassen nach dem Präventionsgesetz für den Schwerpunkt Gesundheit in WiN-Gebieten."),
    ("vf-hb", "Bremen", "Verfügungsfonds", "Verfügungsfonds Quartiersmanagement", "stadt",
     "Referat Sozialplanung und Quartiersentwicklung", J(2020, 1, 1), None,
     {"ist_verfuegungsfonds": True, "max_betrag": D(1_500), "max_laufzeit_monate": 12},
     "Verfügungsmittel, die das Quartiersmanagement vor Ort für kleine Aktionen vergibt (höchstens 1.500 € je "
     "Aktion)."),
    ("zwk", "Bremerhaven", "ZWK", "Zukunftswerkstatt Kommunen – attraktiv im Wandel", "bund",
     "Sozialreferat", J(2022, 1, 1), J(2024, 12, 31), {},
     "Modellprojekt des Bundesministeriums für Familie, Senioren, Frauen und Jugend mit 40 Kommunen; jährlich "
     "40.000 € Fördermittel bis Ende 2024. Demografielabore in den Modellquartieren Geestendorf, Grünhöfe und "
     "Surheide. Koordination im Sozialreferat."),
    ("soziale-stadt-lev", "Leverkusen", "Soziale Stadt", "Soziale Stadt Rheindorf-Nord", "bund",
     "Fachbereich Stadtplanung", J(2012, 1, 1), J(2022, 12, 31), {},
     "Bund-Länder-Programm Soziale Stadt im Stadtteil Rheindorf."),
    ("vf-lev", "Leverkusen", "Verfügungsfonds", "Verfügungsfonds Quartiersmanagement", "stadt",
     "Fachbereich Soziales", J(2020, 1, 1), None,
     {"ist_verfuegungsfonds": True, "max_betrag": D(1_500), "max_laufzeit_monate": 12},
     "Verfügungsmittel der Quartiersmanagements in den sechs besonders belasteten Stadtteilen "
     "(Baustein Umsetzungsebene)."),
    ("fonds-mg", "Mönchengladbach", "Fonds soziales Engagement", "Fonds für soziales Engagement", "stadt",
     "Sozialdezernat", J(2021, 1, 1), None, {"min_betrag": D(5_000), "max_betrag": D(20_000)},
     "100.000 € im Jahr für bürgerschaftliche Projekte; gefördert werden vor allem innovative Ansätze."),
]

PROGRAMMGEBIETE = [
    # programme key, area, role, begin, end
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
    *[("vf-hb", g, "foerdergebiet", J(2020, 1, 1), None)
      for g in ("Blockdiek", "Tenever", "Neue Vahr Nord", "Huckelriede", "Lüssum-Bockhorn")],
    ("zwk", "Geestendorf", "modellquartier", J(2022, 3, 28), J(2024, 12, 31)),
    ("zwk", "Grünhöfe", "modellquartier", J(2022, 3, 28), J(2024, 12, 31)),
    ("zwk", "Surheide", "modellquartier", J(2022, 3, 28), J(2024, 12, 31)),
    ("soziale-stadt-lev", "Rheindorf", "foerdergebiet", J(2012, 1, 1), J(2022, 12, 31)),
    *[("vf-lev", g, "foerdergebiet", J(2020, 1, 1), None)
      for g in ("Rheindorf", "Manfort", "Opladen", "Küppersteg", "Steinbüchel")],
    ("vf-lev", "Hitdorf", "foerdergebiet", J(2022, 1, 1), None),
    ("fonds-mg", "Mönchengladbach", "foerdergebiet", J(2021, 1, 1), None),
]


def _budgets() -> list[tuple[str, int, str | None, int, str]]:
    """(programme key, year, area or None, amount, remark); programme budgets come before area budgets."""
    b = []
    for jahr in range(2016, 2023):
        b.append(("win", jahr, None, 1_750_000, "Gesamtbudget WiN"))
        b += [("win", jahr, g, betrag, "lokales Budget") for g, betrag in WIN_GEBIETE.items()]
    for jahr in range(2023, 2027):
        b.append(("win2", jahr, None, 2_000_000, "Gesamtbudget WiN, aufgestockt"))
        b += [("win2", jahr, g, round(betrag * 1.15, -3), "lokales Budget") for g, betrag in WIN_GEBIETE.items()]
    for jahr in (2014, 2015, 2016):
        b.append(("win-flankierend", jahr, "Altes Zentrum Blumenthal", 20_000, "flankierende Förderung"))
    for jahr in range(2016, 2023):
        b.append(("soziale-stadt-hb", jahr, None, 600_000, "Bund/Land"))
        b.append(("soziale-stadt-hb", jahr, "Blockdiek", 250_000, ""))
        b.append(("soziale-stadt-hb", jahr, "Gröpelingen", 300_000, ""))
    b += [("los", jahr, None, 120_000, "ESF") for jahr in range(2014, 2021)]
    b += [("gesundheit", jahr, None, 240_000, "Mittel der Krankenkassen") for jahr in range(2017, 2027)]
    for jahr in range(2020, 2027):
        b.append(("vf-hb", jahr, None, 40_000, ""))
        b += [("vf-hb", jahr, g, 8_000, "Verfügungsfonds")
              for g in ("Blockdiek", "Tenever", "Neue Vahr Nord", "Huckelriede", "Lüssum-Bockhorn")]
    b += [("zwk", jahr, None, 40_000, "Bundesmittel ZWK") for jahr in (2022, 2023, 2024)]
    b += [("soziale-stadt-lev", jahr, "Rheindorf", 180_000, "Bund/Land") for jahr in range(2014, 2023)]
    for jahr in range(2020, 2027):
        gebiete = ["Rheindorf", "Manfort", "Opladen", "Küppersteg", "Steinbüchel"]
        gebiete += ["Hitdorf"] if jahr >= 2022 else []
        b.append(("vf-lev", jahr, None, 30_000, "Verfügungsmittel der Quartiersmanagements"))
        b += [("vf-lev", jahr, g, 5_000, "Verfügungsfonds") for g in gebiete]
    b += [("fonds-mg", jahr, None, 100_000, "Haushaltsmittel") for jahr in range(2021, 2027)]
    return b


def programme_laden(k: Kontext) -> None:
    from programme import services
    from programme.models import Foerderprogramm, Jahresbudget, Programmgebiet

    for key, stadt, kurz, name, geldgeber, zustaendig, beginn, ende, optionen, text in PROGRAMME:
        werte = {"name": name, "geldgeber": geldgeber, "zustaendig": k.org(stadt, zustaendig), "beginn": beginn,
                 "ende": ende, "beschreibung": text, "ist_verfuegungsfonds": False, "max_foerderquote": None,
                 "min_betrag": None, "max_betrag": None, "max_laufzeit_monate": None, **optionen}
        k.programme[key] = sichern(Foerderprogramm, defaults=werte, stadt=k.staedte[stadt], kurzname=kurz)
    for key, gebiet, rolle, beginn, ende in PROGRAMMGEBIETE:
        sichern(Programmgebiet, defaults={"rolle": rolle, "ende": ende}, programm=k.programme[key],
                gebiet=k.gebiete[gebiet], beginn=beginn)
    vorhanden = {(b.programm_id, b.jahr, b.gebiet_id): b for b in Jahresbudget.objects.all()}
    for key, jahr, gebiet, betrag, bemerkung in _budgets():
        programm = k.programme[key]
        gebiet = k.gebiete[gebiet] if gebiet else None
        budget = vorhanden.get((programm.pk, jahr, gebiet.pk if gebiet else None))
        if budget is not None and budget.betrag == betrag and budget.bemerkung == bemerkung:
            continue
        services.jahresbudget_festlegen(programm=programm, jahr=jahr, betrag=D(betrag), gebiet=gebiet,
                                        bemerkung=bemerkung, durch=k.users["verwaltung"])


# --- Projects and the money that flows to them -------------------------------------------------

HF = {"besch": "Beschäftigung", "bild": "Bildung", "soz": "Soziales", "ges": "Gesundheit",
      "int": "Zusammenleben und Integration", "wohn": "Wohnen und Wohnumfeld",
      "zwk1": HANDLUNGSFELDER[6][0], "zwk2": HANDLUNGSFELDER[7][0], "zwk3": HANDLUNGSFELDER[8][0]}
ZG = {"u3": "Kinder unter 3", "kinder": "Kinder", "jugend": "Jugendliche", "familien": "Familien",
      "senioren": "Seniorinnen und Senioren", "migration": "Menschen mit Migrationsgeschichte",
      "behinderung": "Menschen mit Behinderung", "allein": "Alleinerziehende"}


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def N(eingereicht: str, verwendet: int, geprueft: str | None = None, rueck: int = 0, bemerkung: str = "") -> dict:
    """Proof of use: submitted (and checked, with an amount reclaimed)."""
    return {"eingereicht": _d(eingereicht), "verwendet": D(verwendet), "geprueft": _d(geprueft) if geprueft else None,
            "rueck": D(rueck), "bemerkung": bemerkung}


def B(programm: str, jahr: int, beantragt: int, bewilligt: int | None = None, *, am: str,
      entschieden: str | None = None, abgelehnt: str = "", raten: tuple = (), nachweis: dict | None = None,
      begruendung: str = "") -> dict:
    """A request of one year; raten are payouts as ("MM-DD", amount) in that year."""
    return {"programm": programm, "jahr": jahr, "beantragt": D(beantragt),
            "bewilligt": D(bewilligt) if bewilligt is not None else None, "am": _d(am),
            "entschieden": _d(entschieden) if entschieden else None, "abgelehnt": abgelehnt,
            "raten": [(dt.date.fromisoformat(f"{jahr}-{md}"), D(betrag)) for md, betrag in raten],
            "nachweis": nachweis, "begruendung": begruendung}


def P(titel, gebiet, traeger, person, hf, zg, beginn, ende, kosten, teilnehmende=(None, None), text="", ziele="",
      antraege=(), ziel=None, durch="verwaltung") -> dict:
    return {"titel": titel, "gebiet": gebiet, "traeger": traeger, "person": person, "hf": hf, "zg": zg,
            "beginn": _d(beginn), "ende": _d(ende), "kosten": kosten, "teilnehmende": teilnehmende, "text": text,
            "ziele": ziele, "antraege": antraege, "ziel": ziel, "durch": durch}


GEPRUEFT, ABGESCHLOSSEN, LAUFEND = "nachweis_geprueft", "abgeschlossen", "laufend"

PROJEKTE = [
    # --- Bremen: WiN, flanking funding, Soziale Stadt, LOS, health money, disposal funds
    P("Mama lernt Deutsch – Sprachkurs mit Kinderbetreuung", "Tenever", "Mütterzentrum Osterholz-Tenever e. V.",
      "hb-muetterzentrum", ["bild", "int"], ["familien", "migration", "u3"], "2017-01-09", "2017-12-15",
      (16_500, 3_500, 5_000), (20, 18),
      "Deutschkurs für Mütter im Quartier, parallel betreuen Fachkräfte die Kinder unter drei Jahren.",
      "Sprachkenntnisse verbessern, Zugang zu Kita und Schule erleichtern.",
      [B("win", 2017, 8_000, 8_000, am="2016-11-14", entschieden="2016-12-08", raten=(("02-01", 4_000), ("07-03", 4_000)),
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
      [B("win", 2019, 9_500, 9_500, am="2019-01-21", entschieden="2019-02-14", raten=(("03-01", 4_750), ("09-02", 4_750)),
         nachweis=N("2020-04-30", 9_500, "2020-07-14")),
       B("win", 2020, 9_500, 9_000, am="2019-11-18", entschieden="2019-12-12", raten=(("02-03", 4_500), ("08-03", 4_500)),
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
      [B("win2", 2025, 6_000, 6_000, am="2024-11-11", entschieden="2024-12-05", raten=(("01-15", 3_000), ("07-01", 3_000))),
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
    P("Aufwertung Marktplatz Altes Zentrum Blumenthal", "Altes Zentrum Blumenthal", "Werbegemeinschaft Blumenthal e. V.",
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
    # --- Bremerhaven: ZWK (40,000 EUR a year 2022-2024)
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
    # --- Leverkusen: Soziale Stadt Rheindorf, disposal funds of the six quartiers
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
    # --- Mönchengladbach: fund for civic engagement
    P("Nachbarschaftshilfe Eicken", "Eicken", "Bürgerverein Eicken e. V.", "mg-eicken", ["soz"], ["senioren"],
      "2022-01-01", "2022-12-31", (11_000, 3_000, 0), (60, 72),
      "Ehrenamtliche helfen älteren Nachbarinnen und Nachbarn bei Einkauf und Behördengängen.", "",
      [B("fonds-mg", 2022, 8_000, 8_000, am="2021-11-15", entschieden="2021-12-13", raten=(("01-17", 8_000),),
         nachweis=N("2023-03-13", 8_000, "2023-04-24"))], GEPRUEFT),
    P("Lernpaten Rheydt", "Rheydt", "Caritasverband für die Region Mönchengladbach", None, ["bild"],
      ["kinder", "jugend"], "2023-01-01", "2024-12-31", (30_000, 4_000, 4_000), (40, 44), "", "",
      [B("fonds-mg", 2023, 12_000, 12_000, am="2022-11-14", entschieden="2022-12-12", raten=(("01-16", 12_000),),
         nachweis=N("2024-03-25", 12_000, "2024-05-06")),
       B("fonds-mg", 2024, 10_000, 10_000, am="2023-11-13", entschieden="2023-12-11", raten=(("01-15", 10_000),),
         nachweis=N("2025-03-24", 10_000, "2025-05-05"))], GEPRUEFT),
    P("Kiezküche Rheydt", "Rheydt", "Nachbarschaftsinitiative Rheydt-Mitte", None, ["soz", "ges"],
      ["familien", "allein"], "2026-12-01", "2027-11-30", (9_000, 1_500, 1_000), (50, None), "", "",
      [B("fonds-mg", 2026, 6_500, am="2026-10-26")]),
    P("Quartiersgarten Gladbach", "Gladbach", "Diakonisches Werk Mönchengladbach", None, ["wohn"], ["familien"],
      "2025-04-01", "2025-10-31", (9_000, 2_000, 0), (None, None), "", "",
      [B("fonds-mg", 2025, 5_000, am="2025-02-10", entschieden="2025-03-10",
         abgelehnt="Der Antrag ist unvollständig: die Nutzungsvereinbarung für die Fläche fehlt.")]),
    P("Engagementbörse Mönchengladbach", "Gladbach", "Der Paritätische Mönchengladbach", None, ["soz"], [],
      "2025-01-01", "2025-12-31", (18_000, 3_000, 0), (None, None),
      "Vermittlung von Ehrenamtlichen an Vereine, Initiativen und Einrichtungen.", "",
      [B("fonds-mg", 2025, 15_000, 15_000, am="2024-11-11", entschieden="2024-12-09",
         raten=(("01-15", 7_500), ("07-01", 7_500)), nachweis=N("2026-06-25", 15_000))], LAUFEND),
]


def _projekt_daten(k: Kontext, spec: dict) -> dict:
    gebiet = k.gebiete[spec["gebiet"]]
    gesamt, eigen, dritt = spec["kosten"]
    return {
        "titel": spec["titel"], "gebiet": gebiet, "traeger": k.org(gebiet.stadt.name, spec["traeger"]),
        "ansprechperson": k.personen[spec["person"]] if spec["person"] else None,
        "beginn": spec["beginn"], "ende": spec["ende"], "beschreibung": spec["text"], "ziele": spec["ziele"],
        "gesamtkosten": D(gesamt), "eigenmittel": D(eigen), "drittmittel": D(dritt),
        "teilnehmende_geplant": spec["teilnehmende"][0],
        "handlungsfelder": [k.handlungsfelder[HF[h]] for h in spec["hf"]],
        "zielgruppen": [k.zielgruppen[ZG[z]] for z in spec["zg"]],
    }


def _projekt_sichern(k: Kontext, spec: dict, durch: User):
    from programme import services
    from programme.models import Projekt

    daten = _projekt_daten(k, spec)
    projekt = Projekt.objects.filter(titel=daten["titel"], gebiet=daten["gebiet"]).first()
    speichern = getattr(services, "projekt_speichern", None)
    if projekt is None:
        if speichern is not None:
            return speichern(durch=durch, daten=daten)
        felder = {f: v for f, v in daten.items() if f not in ("handlungsfelder", "zielgruppen")}
        projekt = Projekt.objects.create(status=Projekt.Status.ENTWURF, erstellt_von=durch, **felder)
        projekt.handlungsfelder.set(daten["handlungsfelder"])
        projekt.zielgruppen.set(daten["zielgruppen"])
        return projekt
    geaendert = [f for f, v in daten.items()
                 if f not in ("handlungsfelder", "zielgruppen") and getattr(projekt, f) != v]
    m2m_geaendert = any(
        set(getattr(projekt, f).values_list("pk", flat=True)) != {o.pk for o in daten[f]}
        for f in ("handlungsfelder", "zielgruppen"))
    if geaendert or m2m_geaendert:
        if speichern is not None:
            return speichern(durch=durch, projekt=projekt, daten=daten)
        for f in geaendert:
            setattr(projekt, f, daten[f])
        projekt.save()
        m2m_setzen(projekt.handlungsfelder, daten["handlungsfelder"])
        m2m_setzen(projekt.zielgruppen, daten["zielgruppen"])
    return projekt


def _projekt_laden(k: Kontext, spec: dict) -> None:
    from programme import services
    from programme.models import Auszahlung, Bewilligung, Projekt

    S = Projekt.Status
    verwaltung = k.users["verwaltung"]
    durch = k.users.get(spec["durch"]) or verwaltung
    projekt = _projekt_sichern(k, spec, durch)
    k.projekte[spec["titel"]] = projekt
    bewilligungen = []
    for a in spec["antraege"]:
        programm = k.programme[a["programm"]]
        bewilligung = Bewilligung.objects.filter(projekt=projekt, programm=programm, jahr=a["jahr"]).first()
        if bewilligung is None:
            bewilligung = services.bewilligung_beantragen(
                projekt=projekt, programm=programm, jahr=a["jahr"], betrag=a["beantragt"], durch=durch,
                begruendung=a["begruendung"], datum=a["am"])
        if bewilligung.status == Bewilligung.Status.BEANTRAGT:
            if a["bewilligt"] is not None:
                bewilligung = services.projekt_bewilligen(bewilligung=bewilligung, betrag=a["bewilligt"],
                                                          durch=verwaltung, datum=a["entschieden"])
            elif a["abgelehnt"]:
                bewilligung = services.bewilligung_ablehnen(bewilligung=bewilligung, durch=verwaltung,
                                                            begruendung=a["abgelehnt"], datum=a["entschieden"])
        for datum, betrag in a["raten"]:
            if not Auszahlung.objects.filter(bewilligung=bewilligung, datum=datum, betrag=betrag).exists():
                services.auszahlung_anweisen(bewilligung=bewilligung, betrag=betrag, durch=verwaltung, datum=datum,
                                             bemerkung="Abschlag" if len(a["raten"]) > 1 else "")
        bewilligungen.append((bewilligung, a))
        k.bewilligungen[(spec["titel"], a["programm"], a["jahr"])] = bewilligung
    projekt.refresh_from_db()
    if spec["ziel"] in (ABGESCHLOSSEN, GEPRUEFT) and projekt.status == S.LAUFEND:
        projekt = services.projekt_abschliessen(projekt=projekt, durch=verwaltung,
                                                teilnehmende_erreicht=spec["teilnehmende"][1])
    for bewilligung, a in bewilligungen:
        n = a["nachweis"]
        if n is None or not hasattr(bewilligung, "verwendungsnachweis"):
            continue
        nachweis = bewilligung.verwendungsnachweis
        nachweis.refresh_from_db()
        if nachweis.eingereicht_am is None:
            nachweis = services.verwendungsnachweis_einreichen(nachweis=nachweis, verwendet=n["verwendet"], durch=durch,
                                                                datum=n["eingereicht"])
        if n["geprueft"] and nachweis.geprueft_am is None:
            services.verwendungsnachweis_pruefen(nachweis=nachweis, rueckforderung=n["rueck"], durch=verwaltung,
                                                 bemerkung=n["bemerkung"], datum=n["geprueft"])
    projekt.refresh_from_db()
    if spec["ziel"] == GEPRUEFT and projekt.status == S.ABGESCHLOSSEN:
        services.projekt_status_setzen(projekt=projekt, status=S.NACHWEIS_GEPRUEFT, durch=verwaltung)


def projekte_laden(k: Kontext) -> None:
    from kern.fehler import Regelverstoss

    for spec in PROJEKTE:
        try:
            _projekt_laden(k, spec)
        except Regelverstoss as exc:
            raise Regelverstoss(f"{spec['titel']}: {exc.meldung}") from exc


# --- Generated everyday projects: WiN area budgets and disposal funds ---------------------------
# The hand-written projects above use the local budgets only thinly. The generator below adds the
# everyday projects of every WiN area and year and the small actions of the disposal funds. Every
# choice comes from a hash of area, year and theme, so each load plans exactly the same projects;
# a project that exists (title and area) is skipped.

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
VF_TRAEGER = {
    "Blockdiek": (DIA, GSB), "Tenever": (MZT, AWO), "Neue Vahr Nord": (CAR, BHV), "Huckelriede": (PAR,),
    "Lüssum-Bockhorn": (DRK, SVB),
    "Rheindorf": ("Caritasverband Leverkusen", "Bürgerverein Rheindorf e. V.",
                  "Gemeinschaftsgrundschule Rheindorf-Nord"),
    "Manfort": ("AWO Kreisverband Leverkusen", "Kita Manfort"),
    "Opladen": ("Diakonisches Werk des Evangelischen Kirchenkreises Leverkusen", "Kulturverein Opladen e. V."),
    "Küppersteg": ("DRK Kreisverband Leverkusen",), "Hitdorf": ("Der Paritätische Leverkusen",),
    "Steinbüchel": ("AWO Kreisverband Leverkusen",),
}
# (area or None for every area, operator): contact person
ANSPRECHPERSONEN = {
    (None, GEWOBA): "hb-gewoba", ("Blockdiek", DIA): "qm-blockdiek", ("Blockdiek", GSB): "hb-schule",
    ("Tenever", MZT): "hb-muetterzentrum", ("Tenever", AWO): "qm-tenever", ("Neue Vahr Nord", CAR): "qm-vahr",
    ("Neue Vahr Südost", CAR): "qm-vahr", ("Lüssum-Bockhorn", DRK): "qm-blumenthal",
    ("Altes Zentrum Blumenthal", DRK): "qm-blumenthal", ("Huckelriede", PAR): "qm-huckelriede",
    ("Sodenmatt", AWO): "qm-huchting", ("Kirchhuchting", AWO): "qm-huchting", ("Lindenhof", CAR): "qm-groepelingen",
    ("Ohlenhof", CAR): "qm-groepelingen", ("Lindenhof", KVO): "hb-kultur", ("Ohlenhof", KVO): "hb-kultur",
    ("Rheindorf", "Caritasverband Leverkusen"): "qm-rheindorf",
    ("Rheindorf", "Bürgerverein Rheindorf e. V."): "lev-buergerverein",
    ("Rheindorf", "Gemeinschaftsgrundschule Rheindorf-Nord"): "lev-schule",
    ("Manfort", "AWO Kreisverband Leverkusen"): "qm-manfort",
    ("Opladen", "Diakonisches Werk des Evangelischen Kirchenkreises Leverkusen"): "qm-opladen",
    ("Küppersteg", "DRK Kreisverband Leverkusen"): "qm-kueppersteg",
    ("Hitdorf", "Der Paritätische Leverkusen"): "qm-hitdorf",
}


IN_GEBIET = {"Altes Zentrum Blumenthal": "im Alten Zentrum Blumenthal", "Neue Vahr Nord": "in der Neuen Vahr Nord",
             "Neue Vahr Südost": "in der Neuen Vahr Südost"}


def T(key, titel, hf, zg, obergrenze, teilnehmende, text, ziele="", traeger=ALLGEMEIN, zeitraum=None) -> dict:
    """A theme: title variants ({g} is the area, {in_g} "in" with the area), the largest yearly grant it
    usually gets, participants (min, max) and an optional fixed period ((month, day), (month, day))."""
    return {"key": key, "titel": titel, "hf": hf, "zg": zg, "obergrenze": obergrenze, "teilnehmende": teilnehmende,
            "text": text, "ziele": ziele, "traeger": traeger, "zeitraum": zeitraum}


WIN_THEMEN = [
    T("treff", ("Quartierstreff {g} – offene Angebote und Beratung", "Nachbarschaftstreff {g}"), ["soz", "int"],
      ["familien", "senioren", "migration"], 110_000, (150, 400),
      "Offener Treff mit Café, Sprechstunden der Fachdienste und Räumen für Initiativen; WiN trägt anteilig "
      "Personal- und Regiekosten.", "Anlaufstelle im Quartier sichern, Engagement und Begegnung ermöglichen."),
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
      "Selbstbewusstsein stärken, Teilhabe von Mädchen im Stadtteil fördern."),
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
      "Frauen vernetzen, Zugang zu Beratung erleichtern."),
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
VF_AKTIONEN = [
    T("hoffest", ("Nachbarschaftsfest im Hof {g}",), ["int"], ["familien"], 1500, (80, 250),
      "Nachmittag mit Musik, Grill und Spielen im Innenhof, vorbereitet von Nachbarinnen und Nachbarn."),
    T("spiele", ("Spielenachmittage für Familien {in_g}",), ["soz"], ["familien", "kinder"], 1500, (20, 50), ""),
    T("pflanzen", ("Pflanzaktion im Wohnumfeld {g}",), ["wohn"], ["familien", "senioren"], 1500, (15, 40), ""),
    T("laterne", ("Laternenumzug {g}",), ["int"], ["kinder", "familien"], 1500, (60, 200), "",
      zeitraum=((11, 1), (11, 15))),
    T("advent", ("Adventscafé {g}",), ["soz"], ["senioren"], 1500, (30, 80), "", zeitraum=((12, 1), (12, 20))),
    T("kino", ("Kinderkino im Quartier {g}",), ["bild"], ["kinder"], 1500, (30, 80), ""),
    T("aufraeumen", ("Aufräumtag {g}",), ["wohn"], ["familien"], 1500, (20, 60),
      "Gemeinsamer Frühjahrsputz auf Grünflächen und Spielplätzen, mit Imbiss für alle Helfenden."),
    T("erzaehlcafe", ("Erzählcafé {g}",), ["soz", "int"], ["senioren", "migration"], 1500, (15, 35), ""),
    T("fahrrad", ("Fahrradwerkstatt für Kinder {in_g}",), ["bild"], ["kinder", "jugend"], 1500, (15, 30), ""),
    T("buecher", ("Offener Bücherschrank {g}",), ["bild"], ["familien"], 1500, (40, 100), ""),
    T("kochabend", ("Internationaler Kochabend {g}",), ["int"], ["migration", "familien"], 1500, (20, 40), ""),
    T("ausflug", ("Seniorenausflug {g}",), ["soz"], ["senioren"], 1500, (20, 45), ""),
    T("graffiti", ("Graffiti-Workshop für Jugendliche {in_g}",), ["int"], ["jugend"], 1500, (10, 20), ""),
    T("basteln", ("Bastelnachmittage {g}",), ["bild"], ["kinder"], 1500, (15, 30), ""),
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


@dataclass
class Antrag:
    """One year's request of a planned project and what became of it."""
    jahr: int
    am: dt.date
    beantragt: int
    entschieden: dt.date | None = None
    bewilligt: int | None = None
    ablehnung: str = ""
    raten: list[tuple[dt.date, int]] = field(default_factory=list)
    nachweis: tuple | None = None  # (submitted, used, checked or None, reclaimed, remark)


@dataclass
class Vorhaben:
    """A planned project with its requests, as far as they lie before the load date."""
    titel: str
    gebiet: Gebiet
    programm: object
    thema: dict
    traeger: Organisation
    person: Person | None
    durch: User
    beginn: dt.date
    ende: dt.date
    kosten: tuple[int, int, int]
    teilnehmende: tuple[int, int]
    antraege: list[Antrag]
    abschluss: dt.date | None = None


@dataclass
class _Linie:
    """A WiN project while it is planned: theme, years and the amount granted in each year."""
    programm: str
    thema: dict
    start: int
    bis: int
    faktor: float
    betraege: dict[int, int] = field(default_factory=dict)


def _s(*teile) -> float:
    return _streuung("/".join(str(t) for t in teile))


def _tag(jahr: int, tage: float) -> dt.date:
    return dt.date(jahr, 1, 1) + dt.timedelta(days=int(tage))


def _tage(d: dt.date, tage: float) -> dt.date:
    return d + dt.timedelta(days=int(tage))


def _monatsanfang_nach(d: dt.date) -> dt.date:
    return dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def _hunderter(betrag: float, einheit: int = 100) -> int:
    return int(round(betrag / einheit)) * einheit


def _kosten(beantragt: int, s1: float, s2: float, hoechstanteil: float) -> tuple[int, int, int]:
    """Total, own and third-party funds, so that the programme carries at most `hoechstanteil`."""
    anteil = hoechstanteil * (0.6 + 0.4 * s1)
    gesamt = max(-(-int(beantragt / anteil) // 100) * 100, int(-(-beantragt // hoechstanteil)))
    rest = gesamt - beantragt
    eigen = min(rest, _hunderter(rest * (0.25 + 0.5 * s2), 10))
    return gesamt, eigen, rest - eigen


def _themenfolge(themen: list[dict], gebiet: str, jahr: int) -> list[dict]:
    """Themes in the order an area picks them in a year; each area keeps a few core themes over the years,
    among them two of the larger ones."""
    def nach_gebiet(auswahl):
        return sorted(auswahl, key=lambda t: _s("kern", gebiet, t["key"]))

    gross = [t for t in themen if t["obergrenze"] >= 50_000]
    kern = {t["key"] for t in nach_gebiet(gross)[:2] + nach_gebiet([t for t in themen if t not in gross])[:2]}
    return sorted(themen, key=lambda t: _s("thema", gebiet, jahr, t["key"]) - (0.4 if t["key"] in kern else 0))


def _raten(betrag: int, erste: dt.date, jahr: int, einmal: bool) -> list[tuple[dt.date, int]]:
    """Payouts of a year's grant: larger grants in two instalments, the second before mid-December."""
    zweite = min(_tage(erste, 150), dt.date(jahr, 12, 10))
    if betrag <= 12_000 or einmal or zweite <= erste:
        return [(erste, betrag)]
    halb = _hunderter(betrag / 2)
    return [(erste, halb), (zweite, betrag - halb)]


class _Planer:
    def __init__(self, k: Kontext):
        from programme.models import Bewilligung, Projekt

        self.k = k
        self.heute = k.heute
        self.verwaltung = k.users["verwaltung"]
        self.manager = [u for u in k.users.values() if rollen.ist_quartiersmanagement(u)]
        self.vorhanden = set(Projekt.objects.values_list("titel", "gebiet_id"))
        # Grants of the hand-written projects, which the generated ones complement.
        titel = {spec["titel"] for spec in PROJEKTE}
        self.bereits: dict[tuple[int, int, int], int] = {}
        for b in Bewilligung.objects.bewilligt().filter(projekt__titel__in=titel).only(
                "programm_id", "jahr", "gebiet_id", "betrag_bewilligt"):
            schluessel = (b.programm_id, b.jahr, b.gebiet_id)
            self.bereits[schluessel] = self.bereits.get(schluessel, 0) + int(b.betrag_bewilligt)
        self.stellen: dict[int, list[tuple[int, int]]] = {}
        for qm in Quartiersmanagement.objects.prefetch_related("personen"):
            for person in qm.personen.all():
                self.stellen.setdefault(person.pk, []).append(
                    (qm.beginn.year if qm.beginn else 0, qm.befristet_bis.year if qm.befristet_bis else 9999))

    def antragsteller(self, gebiet: Gebiet) -> User:
        """The area's manager if they have a login, else the staff."""
        return next((u for u in self.manager if zugriff.darf_im_gebiet_arbeiten(u, gebiet)), self.verwaltung)

    def traeger(self, gebiet: Gebiet, auswahl: tuple[str, ...], thema: dict, jahr: int):
        passend = [t for t in auswahl if t in thema["traeger"]] or [t for t in auswahl if t in WOHLFAHRT] or \
            list(auswahl)
        name = passend[int(_s("traeger", gebiet.name, jahr, thema["key"]) * len(passend))]
        key = ANSPRECHPERSONEN.get((gebiet.name, name)) or ANSPRECHPERSONEN.get((None, name))
        person = self.k.personen.get(key) if key else None
        if person is not None and person.pk in self.stellen and not any(
                von <= jahr <= bis for von, bis in self.stellen[person.pk]):
            person = None  # not in office that year
        return self.k.org(gebiet.stadt.name, name), person

    def vorhaben(self, *, programm, gebiet: Gebiet, thema: dict, jahre: tuple[int, int], auswahl: tuple[str, ...],
                 hoechstanteil: float, antraege: list[Antrag], summe: int, beginn: dt.date, ende: dt.date,
                 abschluss: dt.date | None = None) -> Vorhaben | None:
        """The project with its requests up to today; None if it exists already or lies in the future."""
        varianten = thema["titel"]
        vorlage = varianten[int(_s("titel", gebiet.name, jahre[0], thema["key"]) * len(varianten))]
        zeitraum = str(jahre[0]) if jahre[0] == jahre[1] else f"{jahre[0]}–{jahre[1]}"
        ort = IN_GEBIET.get(gebiet.name, f"in {gebiet.name}")
        titel = f"{vorlage.format(g=gebiet.name, in_g=ort)} {zeitraum}"
        h = self.heute
        antraege = [a for a in antraege if a.am <= h]
        if (titel, gebiet.pk) in self.vorhanden or not antraege:
            return None
        for a in antraege:
            if a.entschieden and a.entschieden > h:
                a.entschieden, a.bewilligt, a.ablehnung = None, None, ""
            if a.bewilligt is None:
                a.raten, a.nachweis = [], None
            a.raten = [(d, b) for d, b in a.raten if d <= h]
            if a.nachweis and a.nachweis[0] > h:
                a.nachweis = None
            elif a.nachweis and a.nachweis[2] and a.nachweis[2] > h:
                a.nachweis = (*a.nachweis[:2], None, 0, "")
        raten = [d for a in antraege for d, _ in a.raten]
        abschluss = max(abschluss, *raten) if abschluss and raten else None  # closed after the last payout
        if abschluss and abschluss > h:
            abschluss = None
        traeger, person = self.traeger(gebiet, auswahl, thema, jahre[0])
        lo, hi = thema["teilnehmende"]
        geplant = lo + int((hi - lo) * _s("tn", titel))
        return Vorhaben(titel=titel, gebiet=gebiet, programm=programm, thema=thema, traeger=traeger, person=person,
                        durch=self.antragsteller(gebiet), beginn=beginn, ende=ende,
                        kosten=_kosten(summe, _s("quote", titel), _s("eigen", titel), hoechstanteil),
                        teilnehmende=(geplant, round(geplant * (0.8 + 0.4 * _s("erreicht", titel)))),
                        antraege=antraege, abschluss=abschluss)


WIN_PERIODE_BIS = {"win": 2022, "win2": 2029}


def _nachweis_planen(name: str, linie: _Linie, jahr: int, gezahlt: int, heute: dt.date) -> tuple | None:
    """The proof of use of a past year: checked after a few weeks, for the last year partly still open."""
    key = (name, linie.thema["key"], linie.start, jahr)
    sn, sp, sr, st = (_s(x, *key) for x in ("nachweis", "pruefung", "rueck", "status"))
    eingereicht = _tag(jahr + 1, 45 + 120 * sn)
    geprueft = _tage(eingereicht, 25 + 80 * sp)
    rueck = max(50, _hunderter(gezahlt * (0.02 + 0.05 * sp), 10)) if sr < 0.12 else 0
    grund = RUECKFORDERUNGSGRUENDE[int(sr * 100) % len(RUECKFORDERUNGSGRUENDE)] if rueck else ""
    alter = heute.year - jahr
    if alter >= 3 or (alter == 2 and (jahr < linie.bis or st >= 0.15)) or (alter == 1 and st < 0.45):
        return eingereicht, gezahlt - rueck, geprueft, rueck, grund
    if alter == 2 or st < 0.9:
        return eingereicht, gezahlt, None, 0, ""
    return None  # overdue


def _win_linie(p: _Planer, gebiet: Gebiet, l: _Linie) -> Vorhaben | None:
    h, name, thema = p.heute, gebiet.name, l.thema
    antraege = []
    erstes = min(l.betraege)
    for jahr, betrag in sorted(l.betraege.items()):
        key = (name, thema["key"], l.start, jahr)
        sa, se, sz, sw, sp = (_s(x, *key) for x in "aezwp")
        if jahr > erstes:  # the follow-up request at the beginning of the year
            am = _tag(jahr, 4 + 30 * sa)
        elif thema["zeitraum"] or jahr < h.year:
            am = _tag(jahr, 7 + 75 * sa)
        else:
            am = _tag(jahr, 7 + max(0, (h - dt.date(jahr, 1, 8)).days - 21) * sa)
        entschieden = _tage(am, 12 + 22 * se)
        if jahr == erstes:
            if thema["zeitraum"]:
                (m1, d1), (m2, d2) = thema["zeitraum"]
                beginn, ende = dt.date(jahr, m1, d1), dt.date(jahr, m2, d2)
            else:
                beginn = min(_monatsanfang_nach(entschieden), dt.date(jahr, 12, 1))
                ende = dt.date(l.bis, 12, 31) if l.bis >= h.year or sz < 0.6 else dt.date(l.bis, 11, 30)
        kuerzung = _hunderter(betrag * (0.05 + 0.1 * sw)) if sw < 0.25 else 0
        a = Antrag(jahr=jahr, am=am, beantragt=betrag + kuerzung, entschieden=entschieden, bewilligt=betrag)
        erste = max(_tage(entschieden, 7 + 10 * sz), beginn - dt.timedelta(days=14))
        a.raten = _raten(betrag, erste, jahr, bool(thema["zeitraum"]))
        if jahr == l.bis < h.year and sw > 0.85:  # the last payout a little below the grant
            d, letzte = a.raten[-1]
            a.raten[-1] = (d, letzte - max(50, _hunderter(betrag * (0.02 + 0.05 * sp), 50)))
        if jahr < h.year:
            a.nachweis = _nachweis_planen(name, l, jahr, sum(b for _, b in a.raten), h)
        elif thema["zeitraum"]:
            a.nachweis = (_tage(ende, 28 + 30 * sz), betrag, None, 0, "")
        antraege.append(a)
    abschluss = None
    if l.bis < h.year or (thema["zeitraum"] and _tage(ende, 42) <= h):
        abschluss = _tage(ende, 10 + 20 * _s("abschluss", name, thema["key"], l.start))
    # Later years of a project that runs on are planned at the average amount.
    geplant = sum(a.beantragt for a in antraege)
    summe = geplant + (l.bis - max(l.betraege)) * geplant // len(antraege)
    return p.vorhaben(programm=p.k.programme[l.programm], gebiet=gebiet, thema=thema, jahre=(l.start, l.bis),
                      auswahl=WIN_TRAEGER[name], hoechstanteil=0.5, antraege=antraege, summe=summe, beginn=beginn,
                      ende=ende, abschluss=abschluss)


def _win_gebiet(p: _Planer, gebiet: Gebiet, jahre: list[tuple[str, int, int]]) -> list[Vorhaben]:
    """The projects of one WiN area: each year a few projects share the chosen part of the local budget,
    none much above its theme's usual size; many run on for two or three years with a request each year."""
    h, name = p.heute, gebiet.name
    linien: list[_Linie] = []
    weitere: list[Vorhaben] = []
    for key, jahr, budget in jahre:
        programm = p.k.programme[key]
        laufend = jahr == h.year
        s = _s("anteil", name, jahr)
        anteil = 0.40 + 0.35 * s if laufend else 0.70 + 0.25 * s
        rest = _hunderter(budget * anteil) - p.bereits.get((programm.pk, jahr, gebiet.pk), 0)
        diesjahr = [l for l in linien if l.programm == key and l.start < jahr <= l.bis]
        mindestens = 2 + int(1.6 * _s("anzahl", name, jahr))
        themen = [t for t in _themenfolge(WIN_THEMEN, name, jahr)
                  if t["key"] not in {l.thema["key"] for l in diesjahr}]
        while themen and len(diesjahr) < 7 and (
                len(diesjahr) < mindestens or sum(l.thema["obergrenze"] * l.faktor for l in diesjahr) < rest):
            thema = themen.pop(0)
            sd = _s("dauer", name, jahr, thema["key"])
            dauer = 1 if thema["zeitraum"] or sd < 0.3 else (2 if sd < 0.65 else 3)
            linie = _Linie(key, thema, jahr, min(jahr + dauer - 1, WIN_PERIODE_BIS[key]),
                           0.75 + 0.25 * _s("faktor", name, jahr, thema["key"]))
            linien.append(linie)
            diesjahr.append(linie)
        if diesjahr and rest > 1000 * len(diesjahr):
            gewichte = [l.thema["obergrenze"] * l.faktor * (0.85 + 0.15 * _s("jahr", name, jahr, l.thema["key"]))
                        for l in diesjahr]
            betraege = [_hunderter(rest * g / sum(gewichte)) for g in gewichte[:-1]]
            for l, betrag in zip(diesjahr, betraege + [rest - sum(betraege)]):
                l.betraege[jahr] = betrag
        weitere += _win_ohne_geld(p, programm, gebiet, jahr, themen)
    return [v for v in [_win_linie(p, gebiet, l) for l in linien if l.betraege] + weitere if v]


def _win_ohne_geld(p: _Planer, programm, gebiet: Gebiet, jahr: int, frei: list[dict]) -> list[Vorhaben]:
    """Requests that got no money: open ones in the running year and a few refusals."""
    h, name = p.heute, gebiet.name
    laufend = jahr == h.year
    plan = []
    frei = [t for t in frei if not t["zeitraum"]]
    if laufend and _s("offen", name, jahr) < 0.45 and frei:
        thema = frei.pop(0)
        betrag = _hunderter(thema["obergrenze"] * (0.3 + 0.4 * _s("offen-betrag", name, jahr)))
        am = max(dt.date(jahr, 1, 2), h - dt.timedelta(days=3 + int(35 * _s("offen-am", name, jahr))))
        beginn = min(_monatsanfang_nach(am), dt.date(jahr, 12, 1))
        ende = _monatsende(dt.date(beginn.year + (beginn.month > 5), (beginn.month + 6) % 12 + 1, 1))
        plan.append(p.vorhaben(programm=programm, gebiet=gebiet, thema=thema, jahre=(jahr, jahr),
                               auswahl=WIN_TRAEGER[name], hoechstanteil=0.5, summe=betrag, beginn=beginn, ende=ende,
                               antraege=[Antrag(jahr=jahr, am=am, beantragt=betrag)]))
    if _s("abgelehnt", name, jahr) < (0.2 if laufend else 0.1) and frei:
        thema = frei.pop(0)
        betrag = _hunderter(thema["obergrenze"] * (0.4 + 0.5 * _s("abgelehnt-betrag", name, jahr)))
        am = _tag(jahr, 30 + 60 * _s("abgelehnt-am", name, jahr))
        entschieden = _tage(am, 21 + 20 * _s("abgelehnt-e", name, jahr))
        grund = ABLEHNUNGEN[int(_s("grund", name, jahr) * len(ABLEHNUNGEN))].format(jahr=jahr)
        plan.append(p.vorhaben(programm=programm, gebiet=gebiet, thema=thema, jahre=(jahr, jahr),
                               auswahl=WIN_TRAEGER[name], hoechstanteil=0.5, summe=betrag,
                               beginn=_monatsanfang_nach(entschieden), ende=dt.date(jahr, 12, 31),
                               antraege=[Antrag(jahr=jahr, am=am, beantragt=betrag, entschieden=entschieden,
                                                ablehnung=grund)]))
    return plan


def _vf_jahr(p: _Planer, programm, gebiet: Gebiet, jahr: int, budget: int) -> list[Vorhaben]:
    """Small actions of a disposal fund in one year, each at most the fund's maximum."""
    h, name = p.heute, gebiet.name
    laufend = jahr == h.year
    ziel = _hunderter(budget * (0.55 + 0.35 * _s("vf-anteil", name, jahr)), 50)
    rest = ziel - p.bereits.get((programm.pk, jahr, gebiet.pk), 0)
    hoechstens = int(programm.max_betrag or 1500)
    gewichte = [0.7 + 0.6 * _s("vf-betrag", name, jahr, i) for i in range(max(3, -(-rest // 1300)))]
    betraege = [min(hoechstens, _hunderter(rest * g / sum(gewichte), 50)) for g in gewichte[:-1]]
    betraege.append(min(hoechstens, rest - sum(betraege)))
    betraege = [b for b in betraege if b >= 250]
    themen = _themenfolge(VF_AKTIONEN, name, jahr)
    if laufend and _s("vf-offen", name, jahr) < 0.3:
        betraege.append(_hunderter(500 + 900 * _s("vf-offen-betrag", name, jahr), 50))  # not decided yet
    spanne = 300 if not laufend else max(0, (h - dt.date(jahr, 1, 15)).days - 20)
    plan = []
    for i, (thema, betrag) in enumerate(zip(themen, betraege)):
        sa, se, sz, sn, sp = (_s("vf", x, name, jahr, thema["key"]) for x in "aeznp")
        offen = laufend and i == len(betraege) - 1 and _s("vf-offen", name, jahr) < 0.3
        if thema["zeitraum"] and not offen:
            (m1, d1), (m2, d2) = thema["zeitraum"]
            beginn, ende = dt.date(jahr, m1, d1), dt.date(jahr, m2, d2)
            am = _tage(beginn, -30 - 20 * sa)
        else:
            am = h - dt.timedelta(days=3 + int(20 * sa)) if offen else _tag(jahr, 14 + spanne * sa)
            beginn = min(_tage(am, 21 + 21 * sz), dt.date(jahr, 12, 31))
            ende = min(_tage(beginn, 60 * sz), dt.date(jahr, 12, 31))
        a = Antrag(jahr=jahr, am=am, beantragt=betrag)
        abschluss = None
        if not offen:
            a.entschieden, a.bewilligt = _tage(am, 7 + 10 * se), betrag
            a.raten = [(_tage(a.entschieden, 5 + 10 * sz), betrag)]
            abschluss = max(_tage(ende, 7 + 7 * sn), a.raten[0][0])
            eingereicht = _tage(abschluss, 7 + 30 * sn)
            a.nachweis = (eingereicht, betrag, _tage(eingereicht, 14 + 30 * sp) if sp < 0.75 else None, 0, "")
        plan.append(p.vorhaben(programm=programm, gebiet=gebiet, thema=thema, jahre=(jahr, jahr),
                               auswahl=VF_TRAEGER[name], hoechstanteil=1.0, antraege=[a], summe=betrag,
                               beginn=beginn, ende=ende, abschluss=abschluss))
    return [v for v in plan if v]


def _vorhaben_anlegen(k: Kontext, v: Vorhaben) -> None:
    """Creates the project and runs its requests, grants, payouts, closing and proofs through the services,
    in the order of their dates."""
    from programme import services

    verwaltung = k.users["verwaltung"]
    gesamt, eigen, dritt = v.kosten
    projekt = services.projekt_speichern(durch=v.durch, daten={
        "titel": v.titel, "gebiet": v.gebiet, "traeger": v.traeger, "ansprechperson": v.person,
        "beginn": v.beginn, "ende": v.ende, "beschreibung": v.thema["text"], "ziele": v.thema["ziele"],
        "gesamtkosten": D(gesamt), "eigenmittel": D(eigen), "drittmittel": D(dritt),
        "teilnehmende_geplant": v.teilnehmende[0],
        "handlungsfelder": [k.handlungsfelder[HF[h]] for h in v.thema["hf"]],
        "zielgruppen": [k.zielgruppen[ZG[z]] for z in v.thema["zg"]],
    })
    schritte = []
    for i, a in enumerate(v.antraege):
        schritte.append((a.am, 0, i, "antrag", None))
        if a.entschieden:
            schritte.append((a.entschieden, 1, i, "entscheidung", None))
        schritte += [(d, 2, i, "rate", b) for d, b in a.raten]
        if a.nachweis:
            schritte.append((a.nachweis[0], 4, i, "einreichen", None))
            if a.nachweis[2]:
                schritte.append((a.nachweis[2], 5, i, "pruefen", None))
    if v.abschluss:
        schritte.append((v.abschluss, 3, -1, "abschluss", None))
    bewilligungen, nachweise = {}, {}
    for datum, _, i, schritt, betrag in sorted(schritte, key=lambda s: s[:3]):
        a = v.antraege[i]
        if schritt == "antrag":
            bewilligungen[i] = services.bewilligung_beantragen(projekt=projekt, programm=v.programm, jahr=a.jahr,
                                                               betrag=D(a.beantragt), durch=v.durch, datum=datum)
        elif schritt == "entscheidung" and a.bewilligt is None:
            services.bewilligung_ablehnen(bewilligung=bewilligungen[i], durch=verwaltung, begruendung=a.ablehnung,
                                          datum=datum)
        elif schritt == "entscheidung":
            bewilligungen[i] = services.projekt_bewilligen(bewilligung=bewilligungen[i], betrag=D(a.bewilligt),
                                                           durch=verwaltung, datum=datum)
        elif schritt == "rate":
            services.auszahlung_anweisen(bewilligung=bewilligungen[i], betrag=D(betrag), durch=verwaltung,
                                         datum=datum, bemerkung="Abschlag" if len(a.raten) > 1 else "")
        elif schritt == "abschluss":
            services.projekt_abschliessen(projekt=projekt, durch=v.durch, teilnehmende_erreicht=v.teilnehmende[1])
        elif schritt == "einreichen":
            nachweise[i] = services.verwendungsnachweis_einreichen(
                nachweis=bewilligungen[i].verwendungsnachweis, verwendet=D(a.nachweis[1]), durch=v.durch,
                datum=datum)
        else:
            _, _, _, rueck, bemerkung = a.nachweis
            services.verwendungsnachweis_pruefen(nachweis=nachweise[i],
                                                 rueckforderung=D(rueck), durch=verwaltung, bemerkung=bemerkung,
                                                 datum=datum)


def alltagsprojekte_laden(k: Kontext) -> None:
    """Everyday WiN projects of every area and year up to today, and small actions of the Bremen and
    Leverkusen disposal funds in the last and the current year."""
    from kern.fehler import Regelverstoss

    p = _Planer(k)
    win: dict[str, list[tuple[str, int, int]]] = {}
    plan: list[Vorhaben] = []
    for key, jahr, gebietname, betrag, _ in _budgets():
        if gebietname is None or jahr > k.heute.year:
            continue
        if key in WIN_PERIODE_BIS and jahr >= 2016:
            win.setdefault(gebietname, []).append((key, jahr, betrag))
        elif key in ("vf-hb", "vf-lev") and jahr >= k.heute.year - 1:
            plan += _vf_jahr(p, k.programme[key], k.gebiete[gebietname], jahr, betrag)
    for gebietname, jahre in win.items():
        plan += _win_gebiet(p, k.gebiete[gebietname], sorted(jahre, key=lambda j: j[1]))
    for v in plan:
        try:
            _vorhaben_anlegen(k, v)
        except Regelverstoss as exc:
            raise Regelverstoss(f"{v.titel}: {exc.meldung}") from exc


# --- Small-area statistics ---------------------------------------------------------------------

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
DEMOGRAFIELABORE = ("Geestendorf", "Grünhöfe", "Surheide")
PROGNOSE = ("einwohner", "anteil_65_plus", "anteil_auslaendisch")


def _streuung(text: str) -> float:
    """A stable number in [0, 1) per name, so the values look different but never change."""
    import hashlib

    return int(hashlib.md5(text.encode()).hexdigest()[:6], 16) / 0x1000000


def _indikatorwert(schluessel: str, gebiet: Gebiet, jahr: int) -> Decimal:
    s = _streuung(f"{gebiet.stadt_oder_selbst.name}/{gebiet.name}")
    t = jahr - 2015
    belastet = gebiet.besonders_belastet
    if schluessel == "einwohner":
        basis = {A.STADTBEZIRK: 80_000, A.STADTTEIL: 22_000, A.ORTSTEIL: 8_000, A.QUARTIER: 2_500}[gebiet.art]
        basis *= 0.7 + 0.6 * s
        trend = -0.004 if gebiet.name == "Surheide" else (0.006 if belastet else 0.002)
        zuzug = 0.015 if jahr >= 2016 else 0  # refugees 2015/16; again from 2022
        zuzug += 0.01 if jahr >= 2022 else 0
        return D(round(basis * (1 + trend * t + (zuzug if belastet else zuzug / 3))))
    if schluessel == "anteil_auslaendisch":
        basis = (22 + 12 * s) if belastet else (7 + 7 * s)
        anstieg = 1.0 if belastet else 0.5
        wert = basis + anstieg * (0.5 * t + (2.0 if jahr >= 2016 else 0) + (1.6 if jahr >= 2022 else 0))
    elif schluessel == "sgb2_quote":
        basis = (19 + 9 * s) if belastet else (5 + 4 * s)
        wert = basis + (1.2 if 2016 <= jahr <= 2018 else 0) - 0.15 * t + (0.9 if jahr >= 2023 else 0)
    elif schluessel == "kinderarmut":
        basis = (31 + 14 * s) if belastet else (9 + 7 * s)
        wert = basis + (1.8 if 2016 <= jahr <= 2018 else 0) - 0.2 * t + (1.2 if jahr >= 2023 else 0)
    else:
        basis = (15 + 5 * s) if belastet else (20 + 6 * s)
        if gebiet.name == "Surheide":
            basis = 27.0
        wert = basis + (0.35 if gebiet.name == "Surheide" else 0.12) * t
    return D(str(round(wert, 1)))


def indikatoren_laden(k: Kontext) -> None:
    from quartiere.models import Indikator, Indikatorwert

    indikatoren = {}
    for key, name, einheit, quelle, schlechter, text in INDIKATOREN:
        indikatoren[key] = sichern(Indikator, defaults={"name": name, "einheit": einheit, "quelle": quelle,
                                                        "hoeher_ist_schlechter": schlechter, "beschreibung": text},
                                   schluessel=key)
    soll = {}
    gebiete = {g.pk: g for g in k.gebiete.values() if g.art != A.STADT}.values()
    for gebiet in gebiete:
        for key, indikator in indikatoren.items():
            for jahr in range(2015, 2026):
                soll[(indikator.pk, gebiet.pk, jahr)] = (_indikatorwert(key, gebiet, jahr), False)
            if gebiet.name in DEMOGRAFIELABORE and key in PROGNOSE:
                for jahr in range(2026, 2031):
                    soll[(indikator.pk, gebiet.pk, jahr)] = (_indikatorwert(key, gebiet, jahr), True)
    vorhanden = {(w.indikator_id, w.gebiet_id, w.jahr): w
                 for w in Indikatorwert.objects.filter(indikator__in=indikatoren.values())}
    neu, geaendert = [], []
    for (indikator_id, gebiet_id, jahr), (wert, prognose) in soll.items():
        w = vorhanden.get((indikator_id, gebiet_id, jahr))
        if w is None:
            neu.append(Indikatorwert(indikator_id=indikator_id, gebiet_id=gebiet_id, jahr=jahr, wert=wert,
                                     ist_prognose=prognose))
        elif w.wert != wert or w.ist_prognose != prognose:
            w.wert, w.ist_prognose = wert, prognose
            geaendert.append(w)
    Indikatorwert.objects.bulk_create(neu, batch_size=500)
    if geaendert:
        jetzt = timezone.now()
        for w in geaendert:
            w.modified = jetzt
        Indikatorwert.objects.bulk_update(geaendert, ["wert", "ist_prognose", "modified"], batch_size=500)


def karte_und_sozialindex_laden(k: Kontext) -> None:
    """Schematic boundaries for the map and each city's social index (quartiere.demo)."""
    from quartiere.demo import demo_karte_und_sozialindex

    demo_karte_und_sozialindex(list(k.staedte.values()))


# --- Bodies, meetings, topics, decisions, work log ---------------------------------------------

def _gremium(k: Kontext, key: str, name: str, art: str, gebiet: str, *, programm: str | None = None,
             soll: tuple[int | None, int | None] = (None, None), beschreibung: str = "", aktiv: bool = True):
    from beteiligung.models import Gremium

    g = sichern(Gremium, defaults={"art": art, "programm": k.programme[programm] if programm else None,
                                   "sitzungen_soll_min": soll[0], "sitzungen_soll_max": soll[1],
                                   "beschreibung": beschreibung, "aktiv": aktiv},
                name=name, gebiet=k.gebiete[gebiet])
    k.gremien[key] = g
    return g


def _mitglieder(k: Kontext, gremium, eintraege, beginn: dt.date | None = None) -> None:
    from beteiligung.models import Mitgliedschaft

    for person, rolle in eintraege:
        p = k.personen[person]
        sichern(Mitgliedschaft, defaults={"organisation": p.organisation, "rolle": rolle, "beginn": beginn},
                gremium=gremium, person=p)


def _sitzung(k: Kontext, gremium, datum: dt.date, titel: str, **werte):
    from beteiligung.models import Sitzung

    if datum > k.heute:
        werte.update(status=Sitzung.Status.GEPLANT, dokumentiert_am=None, zusammenfassung="")
    werte.setdefault("status", Sitzung.Status.DOKUMENTIERT)
    if werte["status"] == Sitzung.Status.DOKUMENTIERT:
        werte.setdefault("dokumentiert_am", min(datum + dt.timedelta(days=7), k.heute))
    return sichern(Sitzung, defaults={"titel": titel, **werte}, gremium=gremium, datum=datum)


def _teilnahmen(k: Kontext, sitzung, eintraege) -> None:
    from beteiligung.models import Teilnahme

    for person, rolle in eintraege:
        p = k.personen[person]
        sichern(Teilnahme, defaults={"organisation": p.organisation, "rolle": rolle}, sitzung=sitzung, person=p)


def _tops(sitzung, punkte) -> dict:
    from beteiligung.models import Tagesordnungspunkt

    return {nr: sichern(Tagesordnungspunkt, defaults={"titel": titel, "text": text}, sitzung=sitzung, nummer=nr)
            for nr, (titel, text) in enumerate(punkte, start=1)}


def _beschluss(sitzung, text: str, vermerk: str = "", **werte):
    from beteiligung.models import Beschluss

    if any(f.name == "umsetzung_vermerk" for f in Beschluss._meta.get_fields()):
        werte["umsetzung_vermerk"] = vermerk
    return sichern(Beschluss, defaults=werte, sitzung=sitzung, text=text)


def _aufgabe(k: Kontext, sitzung, text: str, person: str | None, faellig: dt.date | None,
             erledigt: dt.date | None = None, beschluss=None):
    from beteiligung.models import Aufgabe

    if erledigt is not None and erledigt > k.heute:
        erledigt = None
    return sichern(Aufgabe, defaults={"verantwortlich": k.personen[person] if person else None,
                                      "faellig_am": faellig, "erledigt_am": erledigt, "beschluss": beschluss},
                   sitzung=sitzung, text=text)


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


def zwk_beirat_laden(k: Kontext) -> None:
    from beteiligung.models import Thema, Themenbewertung

    beirat = _gremium(
        k, "zwk", "ZWK-Beirat", "beirat", "Bremerhaven", programm="zwk", soll=(3, 3),
        beschreibung="Begleitet das Modellprojekt Zukunftswerkstatt Kommunen: Vertretungen der Fokusgruppen, der "
                     "Fraktionen und des Magistrats unterstützen die strategische und inhaltliche Steuerung. Tagt "
                     "etwa dreimal im Jahr; nach dem Ende der Bundesförderung begleitet er die Verstetigung der "
                     "Demografielabore.")
    _mitglieder(k, beirat, ZWK_MITGLIEDER, dt.date(2022, 3, 28))
    erste = _sitzung(k, beirat, dt.date(2022, 3, 28), "Erstes Treffen des ZWK-Beirats",
                     beginn=dt.time(15, 30), ende=dt.time(17, 0), format="lean_coffee",
                     ort="Stadthaus 1, Hinrich-Schmalfeldt-Straße 42, 27576 Bremerhaven",
                     hintergrund=ZWK_HINTERGRUND, zusammenfassung=ZWK_ZUSAMMENFASSUNG, ausblick=ZWK_AUSBLICK,
                     status="dokumentiert", dokumentiert_am=dt.date(2022, 3, 31),
                     verfasst_von=k.personen["zwk-sozialplanung"])
    _teilnahmen(k, erste, [(p, "moderation" if r == "moderation" else "teilnehmend") for p, r in ZWK_MITGLIEDER])
    tops = _tops(erste, [
        ("Begrüßung", "Begrüßung durch den Sozialstadtrat."),
        ("Hintergründe des Modellvorhabens ZWK", "Ziele, Laufzeit bis Ende 2024, 40.000 € Bundesmittel im Jahr, "
                                                 "Vernetzung über die zentrale Geschäftsstelle."),
        ("Aufgabe des ZWK-Beirats", "Etwa drei Sitzungen im Jahr; strategische und inhaltliche Steuerung."),
        ("Bremerhavener Ausgangssituation und Demografielabore",
         "Alterung, Bevölkerungsrückgang, wachsende Internationalität; Modellquartiere Geestendorf, Grünhöfe, "
         "Surheide; drei übergreifende Handlungsfelder."),
        ("Austausch im Lean-Coffee-Format", "Drei Runden zu den am höchsten bewerteten Themen."),
        ("Ausblick und weiteres Vorgehen", ZWK_AUSBLICK),
    ])
    beschluss = _beschluss(
        erste, "Der ZWK-Beirat unterstützt die vorgeschlagene Auswahl der Modellquartiere Geestendorf, Grünhöfe und "
               "Surheide für die Demografielabore. Die Organisationen vor Ort werden einbezogen; die Übertragbarkeit "
               "der Ergebnisse auf andere Quartiere wird bedacht.",
        tagesordnungspunkt=tops[4], art="konsens", umsetzungsstatus="erledigt")
    for titel, hf, punkte, besprochen, ergebnis in ZWK_THEMEN:
        thema = sichern(Thema, defaults={"handlungsfeld": k.handlungsfelder[HF[hf]], "eingebracht_in": erste,
                                         "status": "besprochen" if besprochen else "themenspeicher"},
                        gremium=beirat, titel=titel)
        sichern(Themenbewertung, defaults={"punkte": punkte, "besprochen": besprochen, "ergebnis": ergebnis},
                thema=thema, sitzung=erste)
    _aufgabe(k, erste, "Dokumentation und Präsentation an die Mitglieder versenden", "zwk-sozialplanung",
             dt.date(2022, 4, 8), dt.date(2022, 3, 31))
    _aufgabe(k, erste, "Quartiersprofile für Geestendorf, Grünhöfe und Surheide erstellen", "zwk-sozialplanung",
             dt.date(2022, 5, 31), dt.date(2022, 5, 24), beschluss)
    _aufgabe(k, erste, "Kleinräumige Bevölkerungsprognose für die Modellquartiere beauftragen", "zwk-sozialplanung",
             dt.date(2022, 6, 30), dt.date(2022, 7, 12), beschluss)
    _aufgabe(k, erste, "Termine der Zukunftswerkstätten im zweiten und dritten Quartal abstimmen", "zwk-senioren",
             dt.date(2022, 5, 15), dt.date(2022, 5, 10))
    _aufgabe(k, erste, "Seniorenkonzept, Präventive Hausbesuche und ZWK verzahnen", "zwk-senioren",
             dt.date(2022, 9, 30))
    _aufgabe(k, erste, "Bedarfe von Menschen mit Behinderung und Migrationsgeschichte erheben", "zwk-behinderung",
             dt.date(2022, 12, 31))

    weitere = [
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
    for datum, titel, text in weitere:
        sitzung = _sitzung(k, beirat, datum, titel, beginn=dt.time(15, 30), ende=dt.time(17, 0),
                           ort="Stadthaus 1, Hinrich-Schmalfeldt-Straße 42, 27576 Bremerhaven",
                           zusammenfassung=text, verfasst_von=k.personen["zwk-sozialplanung"])
        if sitzung.status != "geplant":
            _teilnahmen(k, sitzung, [(p, "moderation" if r == "moderation" else "teilnehmend")
                                     for p, r in ZWK_MITGLIEDER[::2] + ZWK_MITGLIEDER[-1:]])
        else:
            _tops(sitzung, [("Begrüßung und Protokoll", ""),
                            ("Stand der Demografielabore", ""),
                            ("Themenspeicher: Gesundheitsprävention und Wohnraum", ""),
                            ("Verschiedenes", "")])
    zweite = k.gremien["zwk"].sitzungen.get(datum=dt.date(2022, 6, 27))
    for titel, punkte in (("Gesundheitsprävention", 6), ("Bauliche Anpassung an den demografischen Wandel, u. a. "
                                                             "Wohnraum", 5)):
        sichern(Themenbewertung, defaults={"punkte": punkte, "besprochen": False, "ergebnis": ""},
                thema=Thema.objects.get(gremium=beirat, titel=titel), sitzung=zweite)


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


def leverkusen_quartiere_laden(k: Kontext) -> None:
    jahre = [k.heute.year - 2, k.heute.year - 1, k.heute.year]
    for gebiet, qm, versammlungen, steuerung, geplant in LEV_QUARTIERE:
        versammlung = _gremium(
            k, f"bv-{gebiet}", f"Bürgerversammlung {gebiet}", "buergerversammlung", gebiet, soll=(2, 4),
            beschreibung="Beteiligungsebene: Bürgerinnen und Bürger erfahren, was im Quartier geschieht, und "
                         "diskutieren mit.")
        for jahr, anzahl in zip(jahre, versammlungen):
            for nr, (monat, tag) in enumerate(VERSAMMLUNGSTERMINE[:anzahl], start=1):
                datum = dt.date(jahr, monat, tag)
                zahl = 25 + int(40 * _streuung(f"{gebiet}{datum}"))
                _sitzung(k, versammlung, datum, f"{nr}. Bürgerversammlung {gebiet} {jahr}", format="versammlung",
                         oeffentlich=True, teilnehmendenzahl=zahl, beginn=dt.time(18, 0), ende=dt.time(20, 0),
                         ort=f"Bürgertreff {gebiet}",
                         zusammenfassung="Bericht des Quartiersmanagements, Anregungen aus der Nachbarschaft zu "
                                         "Spielflächen, Sauberkeit und Angeboten für Familien.",
                         verfasst_von=k.personen[qm] if qm else None)
        if geplant is not None:
            datum = dt.date(k.heute.year, *geplant)
            _sitzung(k, versammlung, datum, f"Bürgerversammlung {gebiet} {datum.year}", format="versammlung",
                     oeffentlich=True, beginn=dt.time(18, 0), ort=f"Bürgertreff {gebiet}",
                     verfasst_von=k.personen[qm] if qm else None,
                     **({"teilnehmendenzahl": 31, "zusammenfassung": "Bericht des Quartiersmanagements."}
                        if datum <= k.heute else {}))
        if steuerung is None:
            continue
        kreis = _gremium(
            k, f"sk-{gebiet}", f"Steuerungskreis {gebiet}", "steuerungskreis", gebiet, soll=(2, 4),
            beschreibung="Steuerungsebene: Fachbereiche der Stadt, Akteure im Quartier und das Quartiersmanagement "
                         "stimmen sich verbindlich ab.")
        mitglieder = [(qm, "geschaeftsfuehrung"), ("lev-planung", "vorsitz"), ("lev-jugend", "mitglied"),
                      ("lev-agw", "mitglied")]
        if gebiet == "Rheindorf":
            mitglieder += [("lev-wgl", "mitglied"), ("lev-schule", "mitglied"), ("lev-buergerverein", "mitglied"),
                           ("lev-stadtplanung", "mitglied")]
        _mitglieder(k, kreis, mitglieder, dt.date(2020, 1, 1))
        for jahr, anzahl in zip(jahre, steuerung):
            for nr, (monat, tag) in enumerate(STEUERUNGSTERMINE[:anzahl], start=1):
                datum = dt.date(jahr, monat, tag)
                sitzung = _sitzung(k, kreis, datum, f"Steuerungskreis {gebiet} {nr}/{jahr}", beginn=dt.time(10, 0),
                                   ende=dt.time(12, 0), ort="Verwaltungsgebäude Goetheplatz",
                                   zusammenfassung="Stand der Projekte, Verfügungsmittel, Termine der "
                                                   "Bürgerversammlungen.",
                                   verfasst_von=k.personen[qm])
                if sitzung.status != "geplant":
                    _teilnahmen(k, sitzung, [(p, "protokoll" if p == qm else "teilnehmend") for p, _ in mitglieder])
    # One steering decision with a follow-up, for the decision control.
    kreis = k.gremien["sk-Rheindorf"]
    sitzung = kreis.sitzungen.order_by("datum").first()
    top = _tops(sitzung, [("Verfügungsfonds", "Vergabekriterien für den Verfügungsfonds Quartiersmanagement."),
                          ("Bürgerversammlungen", "Termine und Themen des Jahres.")])
    b = _beschluss(sitzung, "Der Steuerungskreis beschließt die Vergabekriterien des Verfügungsfonds: höchstens "
                            "1.500 € je Aktion, Entscheidung durch das Quartiersmanagement, Bericht im Steuerungskreis.",
                   tagesordnungspunkt=top[1], art="beschluss", stimmen_ja=len(kreis.mitgliedschaften.all()),
                   stimmen_nein=0, stimmen_enthaltung=0, umsetzungsstatus="erledigt")
    _aufgabe(k, sitzung, "Vergabekriterien auf der Quartiersseite veröffentlichen", "qm-rheindorf",
             sitzung.datum + dt.timedelta(days=30), sitzung.datum + dt.timedelta(days=21), b)
    letzte = kreis.sitzungen.exclude(status="geplant").order_by("-datum").first()
    _aufgabe(k, letzte, "Bedarfe für ein Familienzentrum in Rheindorf-Nord erheben", "lev-jugend",
             letzte.datum + dt.timedelta(days=60))


LEV_BERATUNGSFOLGE = [
    ("Bürger- und Umweltausschuss", "ausschuss", "Leverkusen", dt.date(2019, 11, 14)),
    ("Ausschuss für Soziales, Gesundheit und Senioren", "ausschuss", "Leverkusen", dt.date(2019, 11, 18)),
    ("Bezirksvertretung für den Stadtbezirk I", "bezirksvertretung", "Stadtbezirk I", dt.date(2019, 11, 25)),
    ("Bezirksvertretung für den Stadtbezirk II", "bezirksvertretung", "Stadtbezirk II", dt.date(2019, 11, 26)),
    ("Bezirksvertretung für den Stadtbezirk III", "bezirksvertretung", "Stadtbezirk III", dt.date(2019, 11, 28)),
    ("Rat der Stadt Leverkusen", "rat", "Leverkusen", dt.date(2019, 12, 16)),
]
SOZIALBERICHT = "Sozialbericht 2019 – Gerechte Teilhabe in Leverkusen (Vorlage Nr. 2019/3030)"


def leverkusen_rat_laden(k: Kontext) -> None:
    for name, art, gebiet, datum in LEV_BERATUNGSFOLGE:
        gremium = _gremium(k, name, name, art, gebiet)
        entscheidung = art == "rat"
        sitzung = _sitzung(k, gremium, datum, f"Sitzung {gremium.name}", oeffentlich=True, beginn=dt.time(17, 0),
                           ort="Verwaltungsgebäude Goetheplatz, Ratssaal" if entscheidung else "Sitzungsraum",
                           zusammenfassung=f"{SOZIALBERICHT}: "
                                           + ("Entscheidung." if entscheidung else "Beratung, Empfehlung an den Rat."))
        if name == "Ausschuss für Soziales, Gesundheit und Senioren":
            _mitglieder(k, gremium, [("rat", "mitglied"), ("lev-rat", "vorsitz")], dt.date(2014, 6, 1))
            _teilnahmen(k, sitzung, [("rat", "teilnehmend"), ("lev-rat", "moderation"), ("lev-agw", "teilnehmend"),
                                     ("lev-planung", "protokoll")])
            top = _tops(sitzung, [(
                SOZIALBERICHT,
                "Die Arbeitsgemeinschaft der Wohlfahrtsverbände regt an, die sechs besonders belasteten Stadtteile "
                "genauer in den Blick zu nehmen. Aus den Erfahrungen in Rheindorf (Soziale Stadt) und Manfort (GLIM) "
                "ergeben sich drei Bausteine: eine Beteiligungsebene mit Bürgerversammlungen, eine Umsetzungsebene "
                "mit einem Quartiersmanagement (mindestens 50 % Stellenumfang bei einem Verband, dazu "
                "Verfügungsmittel) und eine Steuerungsebene mit einem Steuerungskreis.")])
            _beschluss(sitzung, "Der Ausschuss empfiehlt dem Rat, den Sozialbericht 2019 zu beschließen und die "
                                "Verwaltung zu beauftragen, eine Perspektive für die dauerhafte Umsetzung der drei "
                                "Bausteine in allen sechs Quartieren zu entwickeln.",
                       tagesordnungspunkt=top[1], art="empfehlung", stimmen_ja=15, stimmen_nein=0,
                       stimmen_enthaltung=2, umsetzungsstatus="erledigt")
        elif entscheidung:
            _mitglieder(k, gremium, [("rat", "mitglied"), ("lev-rat", "mitglied")], dt.date(2014, 6, 1))
            _teilnahmen(k, sitzung, [("rat", "teilnehmend"), ("lev-rat", "teilnehmend")])
            top = _tops(sitzung, [(SOZIALBERICHT, "Beschluss nach Beratung in den Ausschüssen und "
                                                  "Bezirksvertretungen.")])
            beschluss = _beschluss(
                sitzung, "Der Rat beschließt den Sozialbericht 2019 und beauftragt die Verwaltung, eine Perspektive "
                         "für die dauerhafte Umsetzung der drei Bausteine (Bürgerversammlungen, Quartiersmanagement "
                         "mit Verfügungsmitteln, Steuerungskreis) in allen sechs besonders belasteten Quartieren zu "
                         "entwickeln und Fördermöglichkeiten zu erkunden.",
                tagesordnungspunkt=top[1], art="beschluss", stimmen_ja=48, stimmen_nein=3, stimmen_enthaltung=4,
                umsetzungsstatus="in_bearbeitung",
                vermerk="Quartiersmanagements mit Verfügungsfonds in fünf der sechs Quartiere eingerichtet; in "
                        "Steinbüchel fehlen noch Quartiersmanagement und Steuerungskreis, in Hitdorf ein "
                        "Steuerungskreis.")
            _aufgabe(k, sitzung, "Konzept für die drei Bausteine in den sechs Quartieren vorlegen", "lev-planung",
                     dt.date(2020, 6, 30), dt.date(2020, 9, 15), beschluss)
            _aufgabe(k, sitzung, "Fördermöglichkeiten (Bundesmittel gegen Kinderarmut) mit der GIB prüfen",
                     "lev-planung", dt.date(2020, 12, 31), dt.date(2021, 3, 1), beschluss)
            _aufgabe(k, sitzung, "Quartiersmanagement und Steuerungskreis in Steinbüchel einrichten", "lev-planung",
                     dt.date(2022, 12, 31), None, beschluss)
        else:
            _tops(sitzung, [(SOZIALBERICHT, "Beratung.")])


WIN_FOREN = [
    # key, area, programme, members
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


def win_foren_laden(k: Kontext) -> None:
    qm_je_forum = {gebiet: next(p for p, rolle in mitglieder if rolle == "geschaeftsfuehrung")
                   for gebiet, _, mitglieder in WIN_FOREN}
    for gebiet, programm, mitglieder in WIN_FOREN:
        forum = _gremium(k, f"win-{gebiet}", f"WiN-Forum {gebiet}", "gebietsforum", gebiet, programm=programm,
                         soll=(4, 8), beschreibung="Öffentliches Forum der Akteure und Bewohnerschaft; entscheidet "
                                                   "im Konsens über die Mittel des lokalen WiN-Budgets.")
        _mitglieder(k, forum, mitglieder, dt.date(2016, 1, 1))
    for gebiet, datum, titel, programm, jahr in WIN_BESCHLUESSE:
        forum = k.gremien[f"win-{gebiet}"]
        bewilligung = k.bewilligungen[(titel, programm, jahr)]
        sitzung = _sitzung(k, forum, datum, f"WiN-Forum {gebiet}", format="sitzung", oeffentlich=True,
                           teilnehmendenzahl=18 + int(20 * _streuung(f"{gebiet}{datum}")), beginn=dt.time(17, 0),
                           ende=dt.time(19, 0), ort=f"Quartierszentrum {gebiet}",
                           zusammenfassung="Vorstellung der Projektanträge und Entscheidung über die Mittel des "
                                           "lokalen Budgets.",
                           verfasst_von=k.personen[qm_je_forum[gebiet]])
        top = _tops(sitzung, [("Bericht des Quartiersmanagements", ""),
                              (f"Anträge an das lokale Budget {jahr}", f"Vorstellung: {titel}."),
                              ("Verschiedenes", "")])
        betrag = euro_text(bewilligung.betrag_bewilligt or bewilligung.betrag_beantragt)
        _beschluss(sitzung, f"Das WiN-Forum {gebiet} befürwortet im Konsens die Förderung von „{titel}“ im Jahr "
                            f"{jahr} mit {betrag}.",
                   tagesordnungspunkt=top[2], art="konsens", bewilligung=bewilligung, umsetzungsstatus="erledigt")
    # A recommendation that was not followed.
    forum = k.gremien["win-Lüssum-Bockhorn"]
    sitzung = _sitzung(k, forum, dt.date(2021, 2, 9), "WiN-Forum Lüssum-Bockhorn", oeffentlich=True,
                       teilnehmendenzahl=24, ort="Haus der Zukunft", verfasst_von=k.personen["qm-blumenthal"],
                       zusammenfassung="Diskussion über eine Kletterwand im Haus der Zukunft.")
    _beschluss(sitzung, "Das WiN-Forum empfiehlt, die Kletterwand im Haus der Zukunft aus dem lokalen Budget zu "
                        "fördern.", art="empfehlung", stimmen_ja=17, stimmen_nein=2, stimmen_enthaltung=5,
               umsetzungsstatus="verworfen",
               vermerk="Antrag abgelehnt: investive Maßnahme, Finanzierung über die Städtebauförderung prüfen.")


def zugabe_laden(k: Kontext) -> None:
    """The ZugABe model project: a cross-department working group in Huchting with a workshop series."""
    gruppe = _gremium(
        k, "zugabe", "ZugABe Huchting – Zusammen gegen Armut und Benachteiligung", "arbeitsgruppe", "Huchting",
        programm="win", aktiv=False,
        beschreibung="Modellvorhaben: ressortübergreifende Strategien gegen Armut mit Sozialraumbezug. Die Ressorts "
                     "Arbeit, Bildung, Bau, Jugend, Soziales, Gesundheit, Inneres, Kultur und Sport benennen "
                     "Ansprechpersonen; das WiN-Netzwerk vor Ort wird genutzt.")
    ressorts = ["arbeit", "bildung", "bau", "jugend", "soziales", "gesundheit", "inneres", "kultur", "sport"]
    _mitglieder(k, gruppe, [(f"zugabe-{r}", "mitglied") for r in ressorts] + [("qm-huchting", "geschaeftsfuehrung"),
                                                                             ("verwaltung", "moderation")],
                dt.date(2017, 6, 1))
    workshops = [
        (dt.date(2017, 9, 20), "Workshop 1: Armutslagen im Stadtteil",
         "Auswertung des Armuts- und Reichtumsberichts für Huchting; Zielgruppen Alleinerziehende und Familien."),
        (dt.date(2017, 11, 22), "Workshop 2: Maßnahmen und Lücken",
         "Bestehende Angebote den Bedarfen gegenübergestellt; Lücken bei frühkindlicher Bildung."),
        (dt.date(2018, 2, 21), "Workshop 3: Verabredungen der Ressorts",
         "Ressortübergreifende Maßnahmen vereinbart und Prioritäten gesetzt."),
    ]
    for datum, titel, text in workshops:
        sitzung = _sitzung(k, gruppe, datum, titel, format="workshop", beginn=dt.time(9, 30), ende=dt.time(13, 0),
                           ort="Bürger- und Sozialzentrum Huchting", zusammenfassung=text,
                           verfasst_von=k.personen["verwaltung"])
        _teilnahmen(k, sitzung, [(f"zugabe-{r}", "teilnehmend") for r in ressorts]
                    + [("qm-huchting", "teilnehmend"), ("verwaltung", "moderation")])
    letzte = gruppe.sitzungen.get(datum=dt.date(2018, 2, 21))
    beschluss = _beschluss(letzte, "Die Ressorts vereinbaren, Sprach- und Elternbildungsangebote in Huchting "
                                   "gemeinsam zu planen und über das WiN-Netzwerk zu verknüpfen.",
                           art="konsens", umsetzungsstatus="erledigt")
    _aufgabe(k, letzte, "Sozialraumbezogene Zuständigkeiten in den Ressorts benennen", "zugabe-soziales",
             dt.date(2018, 6, 30), dt.date(2018, 9, 3), beschluss)


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


def taetigkeiten_laden(k: Kontext) -> None:
    from beteiligung.models import Taetigkeit

    stellen = Quartiersmanagement.objects.select_related("gebiet", "traeger").prefetch_related("personen__user")
    for stelle in stellen:
        partner_pool = list(Organisation.objects.filter(stadt=stelle.gebiet.stadt)
                            .exclude(art__in=[O.PARTEI, O.RESSORT]).order_by("name"))
        erfasser = next((p.user for p in stelle.personen.all() if p.user_id), None) or k.users["verwaltung"]
        for jahr in (k.heute.year - 1, k.heute.year):
            for i, (monat, tag, titel, hf, n_partner, erreicht, stunden) in enumerate(TAETIGKEITEN):
                datum = dt.date(jahr, monat, tag)
                if datum > k.heute or (stelle.befristet_bis and datum > stelle.befristet_bis):
                    continue
                if stelle.beginn and datum < stelle.beginn:
                    continue
                t = sichern(Taetigkeit, defaults={"handlungsfeld": k.handlungsfelder[HF[hf]],
                                                  "erreichte_personen": erreicht, "dauer_stunden": D(stunden),
                                                  "erfasst_von": erfasser,
                                                  "beschreibung": f"Quartiersmanagement {stelle.gebiet.name}"},
                            gebiet=stelle.gebiet, datum=datum, titel=titel)
                start = int(_streuung(f"{stelle.gebiet.name}{i}") * len(partner_pool))
                m2m_setzen(t.partner, [partner_pool[(start + j) % len(partner_pool)] for j in range(n_partner)])


# --- Entry point ------------------------------------------------------------------------------

def berichte_laden(k: Kontext) -> None:
    """The Leverkusen council paper 2019/3030 and published reports: berichte/demo.py."""
    from berichte import demo as berichte_demo

    berichte_demo.laden(heute=k.heute, verfasst_von=k.users["verwaltung"])


SCHRITTE = [
    gebiete_laden,
    organisationen_laden,
    personen_laden,
    logins_laden,
    quartiersmanagements_laden,
    einrichtungen_laden,
    indikatoren_laden,
    karte_und_sozialindex_laden,
    vokabular_laden,
    programme_laden,
    projekte_laden,
    alltagsprojekte_laden,
    zwk_beirat_laden,
    leverkusen_quartiere_laden,
    leverkusen_rat_laden,
    win_foren_laden,
    zugabe_laden,
    taetigkeiten_laden,
    berichte_laden,
]


def laden(heute: dt.date | None = None) -> Kontext:
    k = Kontext(heute=heute or timezone.localdate())
    with transaction.atomic():
        for schritt in SCHRITTE:
            schritt(k)
    return k


def zugaenge(k: Kontext) -> list[str]:
    beschreibung = {
        "verwaltung": "Verwaltung (Sozialplanung): alles sehen, Budgets festlegen, bewilligen, Berichte",
        "qm-blockdiek": "Quartiersmanagement Blockdiek (Bremen): Projekte und Sitzungen im eigenen Gebiet",
        "qm-rheindorf": "Quartiersmanagement Rheindorf (Leverkusen): Projekte und Sitzungen im eigenen Gebiet",
        "rat": "Rat: Übersichten und Berichte lesen",
        "admin": "Administration (Django-Admin)",
    }
    breite = max(len(name) for name in beschreibung)
    return [f"{name.ljust(breite)}  {text}" for name, text in beschreibung.items()]
