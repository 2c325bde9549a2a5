"""The Strukturcheck: per area and year the three building blocks of the Leverkusen paper
(participation, implementation, steering), computed from the data in a fixed number of queries.

Read through beteiligung.selectors (strukturcheck, strukturcheck_gebiete, strukturcheck_matrix);
templates/beteiligung/_strukturcheck.html renders one area, _strukturcheck_matrix.html many.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Exists, Max, Min, OuterRef, Q, QuerySet

from kern.format import datum, euro_text, prozent
from kern.zeit import heute
from programme.models import Jahresbudget, Programmgebiet
from quartiere.models import Gebiet, Quartiersmanagement

from .models import SITZUNG_STATTGEFUNDEN, Gremium, Sitzung


def _anzahl(n: int, einzahl: str, mehrzahl: str) -> str:
    return f"{n} {einzahl if n == 1 else mehrzahl}"


# --- Strukturcheck ---------------------------------------------------------------------------

GRUEN, GELB, ROT = "gruen", "gelb", "rot"
FARBTEXT = {GRUEN: "grün", GELB: "gelb", ROT: "rot"}
# The Leverkusen paper asks for 2-4 citizens' assemblies a year where a body sets no target.
SOLL_VERSAMMLUNGEN_MIN = 2
SOLL_VERSAMMLUNGEN_MAX = 4
MINDEST_STELLENANTEIL = Decimal("50")


@dataclass(frozen=True)
class Baustein:
    titel: str
    farbe: str
    begruendung: str

    @property
    def farbe_text(self) -> str:
        return FARBTEXT[self.farbe]


@dataclass(frozen=True)
class Strukturcheck:
    """The three building blocks of an area in a year (Leverkusen: Beteiligung, Umsetzung, Steuerung)."""

    gebiet: Gebiet
    jahr: int
    stichtag: dt.date
    beteiligung: Baustein
    umsetzung: Baustein
    steuerung: Baustein

    @property
    def bausteine(self) -> tuple[Baustein, Baustein, Baustein]:
        return (self.beteiligung, self.umsetzung, self.steuerung)


def stichtag_fuer(jahr: int, heute_: dt.date | None = None) -> dt.date:
    """The day the check looks at: today in the current year, else the year's last (or first) day."""
    heute_ = heute_ or heute()
    if jahr < heute_.year:
        return dt.date(jahr, 12, 31)
    if jahr > heute_.year:
        return dt.date(jahr, 1, 1)
    return heute_


def _beteiligung(gebiet: Gebiet, jahr: int, stichtag: dt.date, gremien: list[Gremium]) -> Baustein:
    titel = "Beteiligung"
    versammlungen = [g for g in gremien if g.art == Gremium.Art.BUERGERVERSAMMLUNG]
    if not versammlungen:
        return Baustein(titel, ROT, f"Für {gebiet} ist keine Bürgerversammlung als Gremium eingerichtet.")
    soll_min = max((g.sitzungen_soll_min for g in versammlungen if g.sitzungen_soll_min),
                   default=SOLL_VERSAMMLUNGEN_MIN)
    soll_max = max([g.sitzungen_soll_max for g in versammlungen if g.sitzungen_soll_max]
                   + [soll_min if any(g.sitzungen_soll_min for g in versammlungen) else SOLL_VERSAMMLUNGEN_MAX])
    soll = f"{soll_min}–{soll_max}" if soll_max > soll_min else str(soll_min)
    gehalten = sum(g.gehalten for g in versammlungen)
    geplant = min((g.naechste for g in versammlungen if g.naechste), default=None)
    naechste = f" Die nächste ist für den {datum(geplant)} geplant." if geplant else ""
    if gehalten >= soll_min:
        mehr = f", mehr als die vorgesehenen {soll_max}" if gehalten > soll_max else ""
        return Baustein(titel, GRUEN, f"{_anzahl(gehalten, 'Bürgerversammlung', 'Bürgerversammlungen')} {jahr} "
                                      f"durchgeführt (Soll {soll} im Jahr{mehr}).")
    if gehalten > 0:
        erst = "Erst" if stichtag < dt.date(jahr, 12, 31) else "Nur"
        return Baustein(titel, GELB, f"{erst} {gehalten} von mindestens {soll_min} Bürgerversammlungen {jahr} "
                                     f"durchgeführt (Soll {soll} im Jahr).{naechste}")
    if geplant:
        return Baustein(titel, GELB, f"{jahr} hat noch keine Bürgerversammlung stattgefunden (Soll {soll} im Jahr)."
                                     f"{naechste}")
    return Baustein(titel, ROT, f"{jahr} hat keine Bürgerversammlung stattgefunden und keine ist geplant "
                                f"(Soll {soll} im Jahr).")


def _umsetzung(jahr: int, stichtag: dt.date, stellen: list[Quartiersmanagement],
               fonds: list[Jahresbudget]) -> Baustein:
    titel = "Umsetzung"
    summe_fonds = sum((b.betrag for b in fonds), Decimal("0"))
    fonds_text = (f"Verfügungsfonds {jahr}: {euro_text(summe_fonds)}" if fonds
                  else f"für {jahr} ist kein Verfügungsfonds budgetiert")
    if not stellen:
        return Baustein(titel, ROT, f"Am {datum(stichtag)} läuft kein Quartiersmanagement; {fonds_text}.")
    anteil = sum((s.stellenanteil for s in stellen), Decimal("0"))
    traeger = ", ".join(sorted({str(s.traeger) for s in stellen}))
    befristung = ("unbefristet" if any(s.befristet_bis is None for s in stellen)
                  else f"befristet bis {datum(max(s.befristet_bis for s in stellen))}")
    stelle = f"Quartiersmanagement mit {prozent(anteil, None)} ({traeger}, {befristung})"
    if anteil < MINDEST_STELLENANTEIL:
        return Baustein(titel, GELB, f"{stelle} – weniger als die nötigen {prozent(MINDEST_STELLENANTEIL, None)}; "
                                     f"{fonds_text}.")
    if not fonds:
        return Baustein(titel, GELB, f"{stelle} vorhanden, aber {fonds_text}.")
    return Baustein(titel, GRUEN, f"{stelle} und {fonds_text}.")


def _steuerung(gebiet: Gebiet, jahr: int, gremien: list[Gremium]) -> Baustein:
    titel = "Steuerung"
    kreise = [g for g in gremien if g.art == Gremium.Art.STEUERUNGSKREIS]
    if not kreise:
        return Baustein(titel, ROT, f"Für {gebiet} ist kein Steuerungskreis eingerichtet.")
    name = kreise[0].name if len(kreise) == 1 else "Die Steuerungskreise"
    wer = f"Der Steuerungskreis „{name}“" if len(kreise) == 1 else name
    gehalten = sum(g.gehalten for g in kreise)
    zuletzt = max((g.zuletzt for g in kreise if g.zuletzt), default=None)
    geplant = min((g.naechste for g in kreise if g.naechste), default=None)
    if gehalten:
        return Baustein(titel, GRUEN, f"{wer} hat {jahr} {gehalten}-mal getagt, zuletzt am {datum(zuletzt)}.")
    if geplant:
        return Baustein(titel, GELB, f"{wer} hat {jahr} noch nicht getagt; die nächste Sitzung ist für den "
                                     f"{datum(geplant)} geplant.")
    return Baustein(titel, ROT, f"{wer} hat {jahr} nicht getagt, und keine Sitzung ist geplant.")


def strukturcheck(gebiete: Iterable[Gebiet], jahr: int, *, stichtag: dt.date | None = None) -> dict[int, Strukturcheck]:
    """The Strukturcheck of each area for a year, keyed by area id in the order given.

    Three queries whatever the number of areas (four if `gebiete` is an unevaluated queryset).

    - Beteiligung: citizens' assemblies (bodies of kind Bürgerversammlung of the area) held or
      documented in the year against the body's target (default 2-4). Green when the minimum is
      reached; amber when some were held but fewer, or none yet but one is planned for the rest
      of the year; red when there is no such body, or none was held and none is planned.
    - Umsetzung: the quartier-management positions running on the reference day (their shares
      added up) and disposal-fund budgets (programmes marked Verfügungsfonds) of the area and
      year. Green with >= 50 % and a fund; amber when one of the two is missing or short; red
      without a running position.
    - Steuerung: a steering circle of the area that met in the year. Green when it met; amber
      when it has not met yet but a meeting is planned; red without a circle or any meeting.

    Only active bodies of the area itself count (not those of areas above or below it). The
    reference day is today in the current year, 31 December for past years, 1 January for
    future ones.
    """
    gebiete = list(gebiete)
    stichtag = stichtag or stichtag_fuer(jahr)
    ids = [g.id for g in gebiete]
    gehalten = Q(sitzungen__datum__year=jahr, sitzungen__status__in=SITZUNG_STATTGEFUNDEN)
    geplant = Q(sitzungen__datum__year=jahr, sitzungen__datum__gte=stichtag,
                sitzungen__status=Sitzung.Status.GEPLANT)
    gremien_je_gebiet: dict[int, list[Gremium]] = defaultdict(list)
    for gremium in (
        Gremium.objects.filter(gebiet_id__in=ids, aktiv=True,
                               art__in=[Gremium.Art.BUERGERVERSAMMLUNG, Gremium.Art.STEUERUNGSKREIS])
        .annotate(gehalten=Count("sitzungen", filter=gehalten), zuletzt=Max("sitzungen__datum", filter=gehalten),
                  naechste=Min("sitzungen__datum", filter=geplant))
        .order_by("name")
    ):
        gremien_je_gebiet[gremium.gebiet_id].append(gremium)
    stellen_je_gebiet: dict[int, list[Quartiersmanagement]] = defaultdict(list)
    for stelle in Quartiersmanagement.objects.aktiv_am(stichtag).filter(gebiet_id__in=ids).select_related("traeger"):
        stellen_je_gebiet[stelle.gebiet_id].append(stelle)
    fonds_je_gebiet: dict[int, list[Jahresbudget]] = defaultdict(list)
    for budget in Jahresbudget.objects.filter(programm__ist_verfuegungsfonds=True, jahr=jahr, gebiet_id__in=ids,
                                              betrag__gt=0):
        fonds_je_gebiet[budget.gebiet_id].append(budget)
    return {
        g.id: Strukturcheck(
            gebiet=g, jahr=jahr, stichtag=stichtag,
            beteiligung=_beteiligung(g, jahr, stichtag, gremien_je_gebiet[g.id]),
            umsetzung=_umsetzung(jahr, stichtag, stellen_je_gebiet[g.id], fonds_je_gebiet[g.id]),
            steuerung=_steuerung(g, jahr, gremien_je_gebiet[g.id]),
        )
        for g in gebiete
    }


def strukturcheck_gebiete(user: User | AnonymousUser, jahr: int, *,
                          stichtag: dt.date | None = None) -> QuerySet[Gebiet]:
    """Areas the Strukturcheck is about: below city level, and with neighbourhood work to check —
    a running QM position, the flag 'besonders belastet', membership of a funding programme in
    the year, or an active citizens' assembly or steering circle."""
    stichtag = stichtag or stichtag_fuer(jahr)
    qm = Quartiersmanagement.objects.aktiv_am(stichtag).filter(gebiet=OuterRef("pk"))
    programm = Programmgebiet.objects.filter(gebiet=OuterRef("pk"), beginn__year__lte=jahr).filter(
        Q(ende__isnull=True) | Q(ende__year__gte=jahr))
    gremium = Gremium.objects.filter(gebiet=OuterRef("pk"), aktiv=True,
                                     art__in=[Gremium.Art.BUERGERVERSAMMLUNG, Gremium.Art.STEUERUNGSKREIS])
    gebiete = (
        Gebiet.objects.quartiere()
        .filter(Q(besonders_belastet=True) | Exists(qm) | Exists(programm) | Exists(gremium))
        .select_related("stadt")
        .defer("grenze", "stadt__grenze")  # boundaries are large and no check reads them
        .order_by("stadt__name", "name")
    )
    return gebiete.arbeit_sichtbar_fuer(user)


def strukturcheck_matrix(user: User | AnonymousUser, jahr: int, *,
                         stichtag: dt.date | None = None) -> list[Strukturcheck]:
    """All areas of `strukturcheck_gebiete` with their check: four queries."""
    return list(strukturcheck(strukturcheck_gebiete(user, jahr, stichtag=stichtag), jahr,
                              stichtag=stichtag).values())
