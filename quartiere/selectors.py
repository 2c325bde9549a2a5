"""Reads of areas' statistics, each in a fixed number of queries; used by pages and reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, OuterRef, QuerySet, Subquery

from .models import (
    Gebiet,
    Indikator,
    Indikatorimport,
    Indikatorwert,
    Sozialindex,
    SozialindexIndikator,
    Sozialindexrang,
)

EINWOHNER = "einwohner"


def _runden(wert: Decimal | None, stellen: int = 4) -> Decimal | None:
    if wert is None:
        return None
    return Decimal(wert).quantize(Decimal(1).scaleb(-stellen), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Verlaufsjahr:
    jahr: int
    wert: Decimal | None
    durchschnitt: Decimal | None
    prognose: bool


@dataclass
class Verlauf:
    """One indicator of one area over the years, beside the average of its city's areas of the same level."""

    indikator: Indikator
    jahre: list[Verlaufsjahr] = field(default_factory=list)

    @property
    def prognose_ab(self) -> int | None:
        return next((j.jahr for j in self.jahre if j.prognose), None)

    @property
    def aktuell(self) -> Verlaufsjahr | None:
        """The latest year with a measured (not forecast) value."""
        return next((j for j in reversed(self.jahre) if j.wert is not None and not j.prognose), None)

    @property
    def hat_durchschnitt(self) -> bool:
        return any(j.durchschnitt is not None for j in self.jahre)


def stadtdurchschnitte(*, stadt_id: int, ebene: str, indikator_ids) -> dict[tuple[int, int], Decimal]:
    """(indikator_id, jahr) -> unweighted mean over the city's areas of one level."""
    zeilen = (Indikatorwert.objects.filter(gebiet__stadt_id=stadt_id, gebiet__art=ebene, indikator_id__in=indikator_ids)
              .values("indikator_id", "jahr").annotate(mittel=Avg("wert")).order_by())
    return {(z["indikator_id"], z["jahr"]): _runden(z["mittel"]) for z in zeilen}


def indikatorverlaeufe(gebiet: Gebiet) -> list[Verlauf]:
    """Every indicator with values for the area, its years (forecasts marked) and the city average. Two queries."""
    werte = list(Indikatorwert.objects.filter(gebiet=gebiet).select_related("indikator")
                 .order_by("indikator__name", "indikator_id", "jahr"))
    if not werte:
        return []
    mittel = {} if gebiet.stadt_id is None else stadtdurchschnitte(
        stadt_id=gebiet.stadt_id, ebene=gebiet.art, indikator_ids={w.indikator_id for w in werte})
    verlaeufe: dict[int, Verlauf] = {}
    for w in werte:
        verlauf = verlaeufe.setdefault(w.indikator_id, Verlauf(indikator=w.indikator))
        verlauf.jahre.append(Verlaufsjahr(jahr=w.jahr, wert=w.wert, prognose=w.ist_prognose,
                                          durchschnitt=mittel.get((w.indikator_id, w.jahr))))
    return list(verlaeufe.values())


@dataclass(frozen=True)
class Rangplatz:
    gebiet: Gebiet
    jahr: int
    rang: int
    anzahl: int
    wert: Decimal
    besonders_belastet: bool
    vorjahresrang: int | None
    komponenten: dict

    @property
    def veraenderung(self) -> int | None:
        """Places moved towards rank 1 (more burdened) since the year before; negative: less burdened."""
        return None if self.vorjahresrang is None else self.vorjahresrang - self.rang


@dataclass
class Rangliste:
    sozialindex: Sozialindex
    jahr: int | None
    jahre: list[int]
    gewichte: list[SozialindexIndikator]
    plaetze: list[Rangplatz]

    @property
    def vorjahr(self) -> int | None:
        frueher = [j for j in self.jahre if self.jahr is not None and j < self.jahr]
        return frueher[-1] if frueher else None


def sozialindex_rangliste(*, stadt: Gebiet, jahr: int | None = None) -> Rangliste | None:
    """All ranked areas of a city in one year (default: the latest), with the year before's rank. Four queries."""
    sozialindex = Sozialindex.objects.select_related("stadt").filter(stadt=stadt).first()
    if sozialindex is None:
        return None
    jahre = sorted(sozialindex.raenge.values_list("jahr", flat=True).distinct().order_by())
    gewichte = list(sozialindex.gewichte.select_related("indikator").order_by("-gewicht", "indikator__name"))
    if jahr is None or jahr not in jahre:
        jahr = jahre[-1] if jahre else None
    liste = Rangliste(sozialindex=sozialindex, jahr=jahr, jahre=jahre, gewichte=gewichte, plaetze=[])
    if jahr is None:
        return liste
    vorjahr = liste.vorjahr
    zeilen = list(sozialindex.raenge.filter(jahr__in=[j for j in (jahr, vorjahr) if j is not None])
                  .select_related("gebiet").order_by("rang", "gebiet__name"))
    frueher = {z.gebiet_id: z.rang for z in zeilen if z.jahr == vorjahr}
    liste.plaetze = [
        Rangplatz(gebiet=z.gebiet, jahr=z.jahr, rang=z.rang, anzahl=z.anzahl, wert=z.wert,
                  besonders_belastet=z.besonders_belastet, vorjahresrang=frueher.get(z.gebiet_id),
                  komponenten=z.komponenten)
        for z in zeilen if z.jahr == jahr
    ]
    return liste


def rangverlauf(gebiet: Gebiet) -> list[Rangplatz]:
    """The area's rank in every ranked year, oldest first, each with the rank of the year before. One query."""
    zeilen = list(Sozialindexrang.objects.filter(gebiet=gebiet).order_by("jahr"))
    verlauf, vorher = [], None
    for z in zeilen:
        verlauf.append(Rangplatz(gebiet=gebiet, jahr=z.jahr, rang=z.rang, anzahl=z.anzahl, wert=z.wert,
                                 besonders_belastet=z.besonders_belastet, komponenten=z.komponenten,
                                 vorjahresrang=vorher.rang if vorher and vorher.jahr < z.jahr else None))
        vorher = z
    return verlauf


def mit_kennzahlen(gebiete: QuerySet[Gebiet]) -> QuerySet[Gebiet]:
    """Annotate the latest population and the latest social-index rank (of how many), in the same query."""
    einwohner = Indikatorwert.objects.filter(gebiet=OuterRef("pk"), indikator__schluessel=EINWOHNER,
                                             ist_prognose=False).order_by("-jahr")
    rang = Sozialindexrang.objects.filter(gebiet=OuterRef("pk")).order_by("-jahr")
    return gebiete.annotate(
        einwohner=Subquery(einwohner.values("wert")[:1]),
        einwohner_jahr=Subquery(einwohner.values("jahr")[:1]),
        rang=Subquery(rang.values("rang")[:1]),
        rang_von=Subquery(rang.values("anzahl")[:1]),
        rang_jahr=Subquery(rang.values("jahr")[:1]),
    )


def werte_je_gebiet(*, gebiete, indikator: Indikator, jahr: int) -> dict[int, Decimal]:
    return dict(Indikatorwert.objects.filter(gebiet__in=gebiete, indikator=indikator, jahr=jahr)
                .values_list("gebiet_id", "wert"))


def jahre_mit_werten(*, gebiete, indikator: Indikator) -> list[int]:
    return sorted(set(Indikatorwert.objects.filter(gebiet__in=gebiete, indikator=indikator)
                      .values_list("jahr", flat=True).order_by()))


def letzte_importe(anzahl: int = 20) -> QuerySet[Indikatorimport]:
    return Indikatorimport.objects.select_related("durch").order_by("-created")[:anzahl]

