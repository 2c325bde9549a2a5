"""Changes to areas' statistics: the indicator import and the social index.

Every function is keyword-only and runs in one transaction: it writes all rows or none.
Refusals raise Ablehnung with a German message (and, for imports, the rows at fault); rows are
written through kern.speichern, which refuses with the kern Regelverstoss that Ablehnung extends.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from kern import datenstand
from kern.fehler import Regelverstoss
from kern.format import anzahl, messwert
from kern.speichern import speichern
from kern.zeit import heute

from . import einlesen
from .einlesen import Dateifehler, Fehler
from .models import (
    WERT_AUSSERHALB,
    Gebiet,
    Importentwurf,
    Indikator,
    Indikatorimport,
    Indikatorwert,
    Sozialindex,
    SozialindexIndikator,
    Sozialindexrang,
)
from .sozialindex import Gewichtung, rangliste

UNBEKANNTES_GEBIET = "unbekanntes Gebiet: „{}“"
GEBIET_NICHT_EINDEUTIG = "Gebiet nicht eindeutig: „{}“ gibt es in {} (Spalte „Stadt“ oder Kennziffer angeben)"
UNBEKANNTE_STADT = "unbekannte Stadt: „{}“"
UNBEKANNTER_INDIKATOR = "unbekannter Indikator: „{}“"
DOPPELTE_ZEILE = "doppelte Zeile: {} / {} / {} steht schon in Zeile {}"
IMPORT_MIT_FEHLERN = "Die Datei enthält {} Fehler; es wurde nichts gespeichert."
VORSCHAU_VERALTET = ("Die Daten haben sich seit der Vorschau geändert. Bitte die neue Vorschau prüfen und "
                     "erneut bestätigen.")
GLEICHZEITIG_GEAENDERT = "Dieselben Werte wurden gleichzeitig geändert; es wurde nichts gespeichert. Bitte erneut importieren."
MEHRDEUTIG_UNBESTAETIGT = ("{} wie „1.234“ lassen sich mit Tausender- oder Dezimaltrennzeichen lesen. Bitte "
                           "prüfen Sie in der Vorschau, wie sie gelesen wurden, und bestätigen Sie das.")
KEIN_INDIKATOR_IM_INDEX = "Der Sozialindex braucht mindestens einen Indikator."
GEWICHT_NICHT_POSITIV = "Das Gewicht von „{}“ muss größer als 0 sein."
KEINE_STADT = "Ein Sozialindex gehört zu einer Stadt, nicht zu „{}“."

ENTWURF_HALTBARKEIT = dt.timedelta(days=1)
VIERSTELLIG = Decimal("0.0001")


class Ablehnung(Regelverstoss):
    """A refused import or index setting; for an import also the rows at fault."""

    def __init__(self, meldung: str, fehler: list[Fehler] | None = None):
        super().__init__(meldung)
        self.fehler = fehler or []


@dataclass(frozen=True)
class Aenderung:
    zeile: int
    gebiet_id: int
    gebiet: str
    indikator_id: int
    indikator: str
    jahr: int
    alt: Decimal | None
    neu: Decimal
    prognose_alt: bool | None
    prognose: bool


@dataclass
class Importplan:
    """What an import would do; nothing is written to compute it."""

    datei: einlesen.Datei
    neu: list[Aenderung] = field(default_factory=list)
    geaendert: list[Aenderung] = field(default_factory=list)
    unveraendert: int = 0
    fehler: list[Fehler] = field(default_factory=list)
    staedte: set[int] = field(default_factory=set)
    _bestehende: dict = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not self.fehler

    @property
    def zeilen(self) -> int:
        return len(self.neu) + len(self.geaendert) + self.unveraendert

    @property
    def fingerabdruck(self) -> str:
        """Changes the moment the planned writes would differ (new file content or new data)."""
        teile = sorted(f"{a.gebiet_id}|{a.indikator_id}|{a.jahr}|{a.alt}|{a.neu}|{a.prognose}"
                       for a in self.neu + self.geaendert)
        return hashlib.sha256("\n".join(teile).encode()).hexdigest()


def _schluessel(text: str) -> str:
    text = text.strip().casefold()
    if text.isdigit():
        return text.lstrip("0") or "0"
    return text


class _Gebietsfinder:
    def __init__(self):
        self.nach_kennziffer: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        self.nach_name: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        self.staedte: dict[str, int] = {}
        self.stadtnamen: dict[int, str] = {}
        for pk, name, kennziffer, stadt_id, art in Gebiet.objects.values_list("pk", "name", "kennziffer", "stadt_id",
                                                                               "art"):
            eintrag = (pk, stadt_id or pk, f"{name} ({kennziffer})" if kennziffer else name)
            if kennziffer:
                self.nach_kennziffer[_schluessel(kennziffer)].append(eintrag)
            self.nach_name[name.strip().casefold()].append(eintrag)
            if art == Gebiet.Art.STADT:
                self.staedte[name.strip().casefold()] = pk
                self.stadtnamen[pk] = name

    def finden(self, wert: einlesen.Rohwert) -> tuple[tuple[int, int, str] | None, str | None]:
        if wert.gebiet_nummer:
            text, treffer = wert.gebiet_nummer, self.nach_kennziffer.get(_schluessel(wert.gebiet_nummer), [])
        else:
            text = wert.gebiet_name
            treffer = (self.nach_kennziffer.get(_schluessel(text))
                       or self.nach_name.get(text.strip().casefold(), []))
        if wert.stadt:
            stadt_id = self.staedte.get(wert.stadt.strip().casefold())
            if stadt_id is None:
                return None, UNBEKANNTE_STADT.format(wert.stadt)
            treffer = [t for t in treffer if t[1] == stadt_id]
        if not treffer:
            return None, UNBEKANNTES_GEBIET.format(text)
        if len(treffer) > 1:
            orte = ", ".join(sorted({self.stadtnamen.get(t[1], "?") for t in treffer}))
            return None, GEBIET_NICHT_EINDEUTIG.format(text, orte)
        return treffer[0], None


def _aufloesen(plan: Importplan) -> list[tuple]:
    """Each raw value with its area, indicator, rounded value and forecast flag; faults go to `plan.fehler`."""
    gebiete = _Gebietsfinder()
    indikatoren: dict[str, Indikator] = {}
    for ind in Indikator.objects.all():
        indikatoren.setdefault(ind.name.strip().casefold(), ind)
        indikatoren[ind.schluessel.casefold()] = ind
    prognose_ab = heute().year + 1

    aufgeloest, erste_zeile = [], {}
    # A row of a wide file carries a value per year; a fault of the row is reported once, with its columns.
    meldungen: dict[tuple[int, str], list[str]] = {}

    def melden(roh: einlesen.Rohwert, grund: str, spalte: str = "") -> None:
        spalten = meldungen.setdefault((roh.zeile, grund), [])
        if spalte and plan.datei.format == "breit":
            spalten.append(spalte)
        elif spalte:
            spalten.append(spalte.partition(": ")[2])

    for roh in plan.datei.werte:
        gebiet, grund = gebiete.finden(roh)
        if grund:
            melden(roh, grund)
            continue
        ind = indikatoren.get(roh.indikator.strip().casefold())
        if ind is None:
            melden(roh, UNBEKANNTER_INDIKATOR.format(roh.indikator))
            continue
        if ind.ausserhalb(roh.wert):
            melden(roh, WERT_AUSSERHALB.format(indikator=ind.name, bereich=ind.bereich_text),
                   f"Spalte {roh.jahr}: „{roh.text or messwert(roh.wert)}“")
            continue
        schluessel = (gebiet[0], ind.pk, roh.jahr)
        if schluessel in erste_zeile:
            melden(roh, DOPPELTE_ZEILE.format(gebiet[2], ind.schluessel, roh.jahr, erste_zeile[schluessel]))
            continue
        erste_zeile[schluessel] = roh.zeile
        plan.staedte.add(gebiet[1])
        prognose = roh.prognose if roh.prognose is not None else roh.jahr >= prognose_ab
        aufgeloest.append((roh, gebiet, ind, roh.wert.quantize(VIERSTELLIG, rounding=ROUND_HALF_UP), prognose))
    plan.fehler.extend(Fehler(zeile, f"{grund}: {', '.join(spalten)}" if spalten else grund)
                       for (zeile, grund), spalten in meldungen.items())
    return aufgeloest


def _planen(*, inhalt: bytes, indikator: str, sperren: bool) -> Importplan:
    try:
        datei = einlesen.lesen(inhalt, indikator_vorgabe=indikator)
    except Dateifehler as exc:
        raise Ablehnung(exc.meldung) from exc
    plan = Importplan(datei=datei, fehler=list(datei.fehler))
    aufgeloest = _aufloesen(plan)
    plan.fehler.sort(key=lambda f: f.zeile)
    if not aufgeloest:
        return plan

    bestehende = Indikatorwert.objects.filter(
        Q(gebiet__stadt_id__in=plan.staedte) | Q(gebiet_id__in=plan.staedte),
        indikator_id__in={a[2].pk for a in aufgeloest}, jahr__in={a[0].jahr for a in aufgeloest},
    )
    if sperren:
        bestehende = bestehende.select_for_update(of=("self",))
    plan._bestehende = {(w.gebiet_id, w.indikator_id, w.jahr): w for w in bestehende.only(
        "pk", "gebiet_id", "indikator_id", "jahr", "wert", "ist_prognose")}
    for roh, gebiet, ind, wert, prognose in aufgeloest:
        alt = plan._bestehende.get((gebiet[0], ind.pk, roh.jahr))
        aenderung = Aenderung(zeile=roh.zeile, gebiet_id=gebiet[0], gebiet=gebiet[2], indikator_id=ind.pk,
                              indikator=ind.name, jahr=roh.jahr, alt=alt.wert if alt else None, neu=wert,
                              prognose_alt=alt.ist_prognose if alt else None, prognose=prognose)
        if alt is None:
            plan.neu.append(aenderung)
        elif alt.wert != wert or alt.ist_prognose != prognose:
            plan.geaendert.append(aenderung)
        else:
            plan.unveraendert += 1
    return plan


def indikatorimport_pruefen(*, inhalt: bytes, indikator: str = "") -> Importplan:
    """The dry run: what the file would add and change, and every faulty row. Writes nothing."""
    return _planen(inhalt=inhalt, indikator=indikator, sperren=False)


@transaction.atomic
def indikatorimport_ausfuehren(*, inhalt: bytes, dateiname: str, durch: User | None,
                               quelle: str = Indikatorimport.Quelle.HOCHLADEN, indikator: str = "",
                               fingerabdruck: str | None = None,
                               zahlen_bestaetigt: bool = False) -> Indikatorimport:
    """Write all values of the file, or none if one row is faulty; then recalculate the social indexes.

    Values such as `1.234`, read one way by the file's decimal sign and another way by the other, are
    written only once the staff confirmed how they were read (`zahlen_bestaetigt`)."""
    plan = _planen(inhalt=inhalt, indikator=indikator, sperren=True)
    if not plan.ok:
        raise Ablehnung(IMPORT_MIT_FEHLERN.format(len(plan.fehler)), plan.fehler)
    if plan.datei.mehrdeutig and not zahlen_bestaetigt:
        raise Ablehnung(MEHRDEUTIG_UNBESTAETIGT.format(anzahl(len(plan.datei.mehrdeutig), "Wert", "Werte")))
    if fingerabdruck is not None and fingerabdruck != plan.fingerabdruck:
        raise Ablehnung(VORSCHAU_VERALTET)
    jetzt = timezone.now()
    geaendert = []
    for a in plan.geaendert:
        wert = plan._bestehende[(a.gebiet_id, a.indikator_id, a.jahr)]
        wert.wert, wert.ist_prognose, wert.modified = a.neu, a.prognose, jetzt
        geaendert.append(wert)
    try:
        with transaction.atomic():
            Indikatorwert.objects.bulk_create(
                [Indikatorwert(indikator_id=a.indikator_id, gebiet_id=a.gebiet_id, jahr=a.jahr, wert=a.neu,
                               ist_prognose=a.prognose) for a in plan.neu], batch_size=500)
            Indikatorwert.objects.bulk_update(geaendert, ["wert", "ist_prognose", "modified"], batch_size=500)
            datenstand.geaendert()  # bulk writes send no signals
    except IntegrityError as exc:
        raise Ablehnung(GLEICHZEITIG_GEAENDERT) from exc
    protokoll = Indikatorimport.objects.create(
        dateiname=dateiname[:255], sha256=hashlib.sha256(inhalt).hexdigest(), durch=durch, quelle=quelle,
        format=plan.datei.format, kodierung=plan.datei.kodierung, trennzeichen=plan.datei.trennzeichen_name,
        zeilen=plan.zeilen, neu=len(plan.neu), geaendert=len(plan.geaendert), unveraendert=plan.unveraendert,
    )
    if plan.neu or plan.geaendert:
        for sozialindex in Sozialindex.objects.filter(stadt_id__in=plan.staedte):
            sozialindex_berechnen(sozialindex=sozialindex)
    return protokoll


@transaction.atomic
def importentwurf_anlegen(*, dateiname: str, inhalt: bytes, durch: User, indikator: str = "") -> Importentwurf:
    """Keep an upload server-side for its preview; old drafts and the user's earlier ones go."""
    Importentwurf.objects.filter(Q(created__lt=timezone.now() - ENTWURF_HALTBARKEIT) | Q(durch=durch)).delete()
    return Importentwurf.objects.create(dateiname=dateiname[:255], inhalt=inhalt, durch=durch, indikator=indikator)


@transaction.atomic
def importentwurf_ausfuehren(*, entwurf: Importentwurf, durch: User, fingerabdruck: str,
                             zahlen_bestaetigt: bool = False) -> Indikatorimport:
    protokoll = indikatorimport_ausfuehren(inhalt=bytes(entwurf.inhalt), dateiname=entwurf.dateiname, durch=durch,
                                           indikator=entwurf.indikator, fingerabdruck=fingerabdruck,
                                           zahlen_bestaetigt=zahlen_bestaetigt)
    entwurf.delete()
    return protokoll


@transaction.atomic
def sozialindex_festlegen(*, stadt: Gebiet, ebene: str, anzahl_belastet: int,
                          gewichte: list[tuple[Indikator, Decimal, bool]]) -> Sozialindex:
    """Set a city's index method (indicators, weights, directions, level, N) and recalculate it.
    Writes only what differs, so setting the same method twice changes nothing."""
    if stadt.art != Gebiet.Art.STADT:
        raise Ablehnung(KEINE_STADT.format(stadt))
    if not gewichte:
        raise Ablehnung(KEIN_INDIKATOR_IM_INDEX)
    for indikator, gewicht, _ in gewichte:
        if gewicht is None or gewicht <= 0:
            raise Ablehnung(GEWICHT_NICHT_POSITIV.format(indikator.name))
    sozialindex = Sozialindex.objects.select_for_update().filter(stadt=stadt).first()
    if sozialindex is None:
        sozialindex = Sozialindex(stadt=stadt, ebene=ebene, anzahl_belastet=anzahl_belastet)
        speichern(sozialindex, None)
    elif (sozialindex.ebene, sozialindex.anzahl_belastet) != (ebene, anzahl_belastet):
        if sozialindex.ebene != ebene:
            # The flags of the former level came from this index and no longer hold.
            Gebiet.objects.filter(stadt=stadt, art=sozialindex.ebene, besonders_belastet=True).update(
                besonders_belastet=False, modified=timezone.now())
            datenstand.geaendert()
        sozialindex.ebene, sozialindex.anzahl_belastet = ebene, anzahl_belastet
        speichern(sozialindex, None)
    bisher = {g.indikator_id: g for g in sozialindex.gewichte.all()}
    gewollt = {indikator.pk: (indikator, Decimal(gewicht), richtung) for indikator, gewicht, richtung in gewichte}
    sozialindex.gewichte.exclude(indikator_id__in=gewollt).delete()
    for indikator_id, (indikator, gewicht, richtung) in gewollt.items():
        alt = bisher.get(indikator_id)
        if alt is None:
            SozialindexIndikator.objects.create(sozialindex=sozialindex, indikator=indikator, gewicht=gewicht,
                                                hoeher_ist_schlechter=richtung)
        elif (alt.gewicht, alt.hoeher_ist_schlechter) != (gewicht, richtung):
            alt.gewicht, alt.hoeher_ist_schlechter = gewicht, richtung
            speichern(alt, None)
    sozialindex_berechnen(sozialindex=sozialindex)
    return sozialindex


@dataclass(frozen=True)
class Berechnung:
    jahre: list[int]
    geaendert: int  # ranking rows added, changed or removed, plus area flags changed


@transaction.atomic
def sozialindex_berechnen(*, sozialindex: Sozialindex) -> Berechnung:
    """Rank the city's areas for every year with data (forecasts excluded) and flag the N most
    burdened of the latest year on the areas. Writes only the rows whose rank or score changed."""
    sozialindex = Sozialindex.objects.select_for_update().get(pk=sozialindex.pk)
    gewichte = [Gewichtung(g.indikator_id, g.gewicht, g.hoeher_ist_schlechter) for g in sozialindex.gewichte.all()]
    gebiete = Gebiet.objects.filter(stadt=sozialindex.stadt_id, art=sozialindex.ebene)
    namen = dict(gebiete.values_list("pk", "name"))
    je_jahr: dict[int, dict[int, dict[int, Decimal]]] = defaultdict(lambda: defaultdict(dict))
    for indikator_id, gebiet_id, jahr, wert in Indikatorwert.objects.filter(
        indikator_id__in=[g.indikator_id for g in gewichte], gebiet__in=gebiete, ist_prognose=False,
    ).values_list("indikator_id", "gebiet_id", "jahr", "wert"):
        je_jahr[jahr][indikator_id][gebiet_id] = wert
    soll = {}
    for jahr in sorted(je_jahr):
        for platz in rangliste(je_jahr[jahr], gewichte, anzahl_belastet=sozialindex.anzahl_belastet, namen=namen):
            soll[(platz.gebiet_id, jahr)] = {
                "rang": platz.rang, "anzahl": platz.anzahl, "besonders_belastet": platz.besonders_belastet,
                "wert": Decimal(platz.wert).quantize(VIERSTELLIG, rounding=ROUND_HALF_UP),
                "komponenten": {str(k): round(v, 4) for k, v in sorted(platz.komponenten.items())},
            }
    bisher = {(r.gebiet_id, r.jahr): r for r in sozialindex.raenge.all()}
    weg = [r.pk for schluessel, r in bisher.items() if schluessel not in soll]
    neu, geaendert, jetzt = [], [], timezone.now()
    for (gebiet_id, jahr), werte in soll.items():
        rang = bisher.get((gebiet_id, jahr))
        if rang is None:
            neu.append(Sozialindexrang(sozialindex=sozialindex, gebiet_id=gebiet_id, jahr=jahr, **werte))
        elif any(getattr(rang, feld) != wert for feld, wert in werte.items()):
            for feld, wert in werte.items():
                setattr(rang, feld, wert)
            rang.modified = jetzt
            geaendert.append(rang)
    Sozialindexrang.objects.filter(pk__in=weg).delete()
    Sozialindexrang.objects.bulk_create(neu, batch_size=500)
    Sozialindexrang.objects.bulk_update(
        geaendert, ["rang", "anzahl", "besonders_belastet", "wert", "komponenten", "modified"], batch_size=500)
    jahre = sorted({jahr for _, jahr in soll})
    flaggen = 0
    if jahre:
        belastet = {gebiet_id for (gebiet_id, jahr), werte in soll.items()
                    if jahr == jahre[-1] and werte["besonders_belastet"]}
        flaggen += gebiete.filter(besonders_belastet=True).exclude(pk__in=belastet).update(
            besonders_belastet=False, modified=jetzt)
        flaggen += gebiete.filter(pk__in=belastet, besonders_belastet=False).update(
            besonders_belastet=True, modified=jetzt)
    datenstand.geaendert()  # ranks and flags are bulk writes, which send no signals
    aenderungen = len(weg) + len(neu) + len(geaendert) + flaggen
    if aenderungen or sozialindex.berechnet_am is None:
        sozialindex.berechnet_am = jetzt
        sozialindex.save(update_fields=["berechnet_am", "modified"])
    return Berechnung(jahre=jahre, geaendert=aenderungen)
