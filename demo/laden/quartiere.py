"""Places and actors: areas, organisations, people, quartier managements, facilities and the small-area
statistics. quartiere has no services for these rows, so they are written get-or-update (basis.sichern)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone

from demo.daten import STAEDTE, bremerhaven, gemeinsam
from demo.daten.typen import BALD, Gebietsknoten
from kern import datenstand
from quartiere.models import Einrichtung, Gebiet, Indikator, Indikatorwert, Organisation, Person, Quartiersmanagement

from .basis import Kontext, je_stadt, m2m_setzen, monatsende, sichern, streuung

A = Gebiet.Art
MAILDOMAINS = {stadt.GEBIETE.name: stadt.MAILDOMAIN for stadt in STAEDTE}
UMSCHRIFT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i", "ş": "s", "ğ": "g", "Ö": "Oe",
                           "Ü": "Ue", "Ä": "Ae", " ": "", ".": ""})


def gebiete_laden(k: Kontext) -> None:
    def anlegen(knoten: Gebietsknoten, parent: Gebiet | None, stadtname: str | None) -> None:
        werte = {"art": knoten.art, "kennziffer": knoten.kennziffer, "quartierstyp": knoten.quartierstyp,
                 "besonders_belastet": knoten.besonders_belastet, "beschreibung": knoten.beschreibung}
        gebiet = sichern(Gebiet, defaults=werte, parent=parent, name=knoten.name)
        stadtname = stadtname or gebiet.name
        if parent is None:
            k.staedte[gebiet.name] = gebiet
        # Deeper areas win a plain name (the Ortsteil Blumenthal over the Stadtteil); "art:Name" stays unique.
        k.gebiete[f"{stadtname}/{knoten.art}:{gebiet.name}"] = gebiet
        k.gebiete[gebiet.name] = gebiet
        for kind in knoten.kinder:
            anlegen(kind, gebiet, stadtname)

    for stadt in STAEDTE:
        anlegen(stadt.GEBIETE, None, None)
        _wappen(k.staedte[stadt.GEBIETE.name], stadt.__name__.rsplit(".", 1)[-1])


WAPPEN = Path(__file__).resolve().parent.parent / "daten" / "wappen"


def _wappen(stadt: Gebiet, name: str) -> None:
    """A neutral placeholder shield (marked DEMO) in the documents of each demo city, unless it has one."""
    datei = WAPPEN / f"{name}.svg"
    if not stadt.wappen and datei.is_file():
        stadt.wappen.save(f"{name}.svg", ContentFile(datei.read_bytes()), save=True)


def organisationen_laden(k: Kontext) -> None:
    for stadtname, (name, kurz, art, parent) in je_stadt("ORGANISATIONEN"):
        werte = {"kurzname": kurz, "art": art, "parent": k.org(stadtname, parent) if parent else None}
        k.orgs[(stadtname, name)] = sichern(Organisation, defaults=werte, name=name, stadt=k.staedte[stadtname])


def _email(vorname: str, nachname: str, stadt: str) -> str:
    vor = vorname.split()[-1]
    return f"{vor}.{nachname}".translate(UMSCHRIFT).lower() + "@" + MAILDOMAINS[stadt]


def personen_laden(k: Kontext) -> None:
    eintraege = je_stadt("PERSONEN") + [(stadt, tuple(rest)) for stadt, *rest in gemeinsam.KONTO_PERSONEN]
    for stadt, (key, anrede, vorname, nachname, org, funktion, verwaltung, einwilligung) in eintraege:
        titel = ""
        if vorname.startswith("Dr. "):
            titel, vorname = "Dr.", vorname[4:]
        werte = {"anrede": anrede, "titel": titel, "organisation": k.org(stadt, org), "funktion": funktion,
                 "ist_verwaltung": verwaltung, "einwilligung_am": einwilligung,
                 "email": _email(vorname, nachname, stadt)}
        k.personen[key] = sichern(Person, defaults=werte, vorname=vorname, nachname=nachname)


def quartiersmanagements_laden(k: Kontext) -> None:
    # The position that ends soon: the last day of the fourth month from today.
    bald = monatsende(dt.date(k.heute.year + (k.heute.month + 3 > 12), (k.heute.month + 3 - 1) % 12 + 1, 1))
    for stadt, (gebiet, traeger, anteil, beginn, bis, personen, bemerkung) in je_stadt("QUARTIERSMANAGEMENTS"):
        werte = {"stellenanteil": Decimal(anteil), "befristet_bis": bald if bis == BALD else bis,
                 "bemerkung": bemerkung}
        qm = sichern(Quartiersmanagement, defaults=werte, gebiet=k.gebiete[gebiet], traeger=k.org(stadt, traeger),
                     beginn=beginn)
        m2m_setzen(qm.personen, [k.personen[p] for p in personen])


def einrichtungen_laden(k: Kontext) -> None:
    for stadt, (name, art, gebiet, traeger, status, eroeffnet, adresse, text) in je_stadt("EINRICHTUNGEN"):
        werte = {"art": art, "traeger": k.org(stadt, traeger), "status": status, "eroeffnet_am": eroeffnet,
                 "adresse": adresse, "beschreibung": text,
                 "geschlossen_am": dt.date(2021, 6, 30) if status == "geschlossen" else None}
        sichern(Einrichtung, defaults=werte, name=name, gebiet=k.gebiete[gebiet])


# --- Small-area statistics ---------------------------------------------------------------------

def _indikatorwert(schluessel: str, gebiet: Gebiet, jahr: int) -> Decimal:
    """Made-up values with the shape the documents describe: burdened areas higher, a rise with the refugees of
    2015/16 and 2022, Surheide ageing and shrinking."""
    s = streuung(f"{gebiet.stadt_oder_selbst.name}/{gebiet.name}")
    t = jahr - 2015
    belastet = gebiet.besonders_belastet
    if schluessel == "einwohner":
        basis = {A.STADTBEZIRK: 80_000, A.STADTTEIL: 22_000, A.ORTSTEIL: 8_000, A.QUARTIER: 2_500}[gebiet.art]
        basis *= 0.7 + 0.6 * s
        trend = -0.004 if gebiet.name == "Surheide" else (0.006 if belastet else 0.002)
        zuzug = 0.015 if jahr >= 2016 else 0  # refugees 2015/16; again from 2022
        zuzug += 0.01 if jahr >= 2022 else 0
        return Decimal(round(basis * (1 + trend * t + (zuzug if belastet else zuzug / 3))))
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
    return Decimal(str(round(wert, 1)))


def _sollwerte(k: Kontext, indikatoren: dict[str, Indikator]) -> dict[tuple[int, int, int], tuple[Decimal, bool]]:
    """(indicator, area, year) -> (value, is forecast): 2015-2025 everywhere, the forecast 2026-2030 in the labs."""
    soll = {}
    gebiete = {g.pk: g for g in k.gebiete.values() if g.art != A.STADT}.values()
    for gebiet in gebiete:
        for key, indikator in indikatoren.items():
            for jahr in range(2015, 2026):
                soll[(indikator.pk, gebiet.pk, jahr)] = (_indikatorwert(key, gebiet, jahr), False)
            if gebiet.name in bremerhaven.DEMOGRAFIELABORE and key in bremerhaven.PROGNOSE:
                for jahr in range(2026, 2031):
                    soll[(indikator.pk, gebiet.pk, jahr)] = (_indikatorwert(key, gebiet, jahr), True)
    return soll


def indikatoren_laden(k: Kontext) -> None:
    indikatoren = {}
    for key, name, einheit, quelle, schlechter, text in gemeinsam.INDIKATOREN:
        indikatoren[key] = sichern(Indikator, defaults={"name": name, "einheit": einheit, "quelle": quelle,
                                                        "hoeher_ist_schlechter": schlechter, "beschreibung": text},
                                   schluessel=key)
    vorhanden = {(w.indikator_id, w.gebiet_id, w.jahr): w
                 for w in Indikatorwert.objects.filter(indikator__in=indikatoren.values())}
    neu, geaendert = [], []
    for (indikator_id, gebiet_id, jahr), (wert, prognose) in _sollwerte(k, indikatoren).items():
        w = vorhanden.get((indikator_id, gebiet_id, jahr))
        if w is None:
            neu.append(Indikatorwert(indikator_id=indikator_id, gebiet_id=gebiet_id, jahr=jahr, wert=wert,
                                     ist_prognose=prognose))
        elif w.wert != wert or w.ist_prognose != prognose:
            w.wert, w.ist_prognose = wert, prognose
            geaendert.append(w)
    Indikatorwert.objects.bulk_create(neu, batch_size=500)
    datenstand.geaendert()  # bulk writes send no signals
    if geaendert:
        jetzt = timezone.now()
        for w in geaendert:
            w.modified = jetzt
        Indikatorwert.objects.bulk_update(geaendert, ["wert", "ist_prognose", "modified"], batch_size=500)
