"""Reads of reclaims: what is open on a day (principal and interest, kern.zinsen), per project page, for the
staff list of open claims and for the work basket. A fixed number of queries: the base rates once, the
repayments of the reclaims shown once."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from kern import zinsen
from kern.format import datum as datum_text
from kern.rollen import ist_verwaltung
from kern.zeit import heute

from .models import Bewilligung, Projekt
from .rueckforderung import Basiszinssatz, Rueckforderung, Rueckzahlung

KEIN_SATZ = "Zinsen nicht berechenbar: für den {datum} ist kein Basiszinssatz erfasst."
VORLAEUFIG = "vorläufig: der Basiszinssatz des laufenden Halbjahres ist noch nicht erfasst"


@dataclass(frozen=True)
class Stand:
    """A reclaim on `stichtag`: interest accrued, what of it and of the principal is open."""

    rueckforderung: Rueckforderung
    stichtag: dt.date
    zahlungen: list[Rueckzahlung]
    verlauf: zinsen.Verlauf | None
    fehler: str = ""

    @property
    def kapital_offen(self) -> Decimal:
        if self.verlauf is None:
            return self.rueckforderung.betrag - sum((z.auf_hauptforderung for z in self.zahlungen), Decimal(0))
        return self.verlauf.kapital_offen

    @property
    def zinsen(self) -> Decimal | None:
        return None if self.verlauf is None else self.verlauf.zinsen

    @property
    def zinsen_offen(self) -> Decimal | None:
        return None if self.verlauf is None else self.verlauf.zinsen_offen

    @property
    def offen(self) -> Decimal | None:
        return None if self.verlauf is None else self.verlauf.offen

    @property
    def vorlaeufig(self) -> bool:
        return self.verlauf is not None and self.verlauf.vorlaeufig


def saetze() -> list[zinsen.Basiszins]:
    return Basiszinssatz.objects.als_saetze()


def staende(rueckforderungen, *, stichtag: dt.date | None = None,
            basiszinssaetze: list[zinsen.Basiszins] | None = None) -> list[Stand]:
    """The state of each reclaim on `stichtag` (default today): two queries, whatever the number of reclaims."""
    stichtag = stichtag or heute()
    rueckforderungen = list(rueckforderungen)
    basiszinssaetze = saetze() if basiszinssaetze is None else basiszinssaetze
    je: dict[int, list[Rueckzahlung]] = defaultdict(list)
    for zahlung in Rueckzahlung.objects.filter(rueckforderung__in=[r.pk for r in rueckforderungen]).order_by(
            "datum", "pk"):
        je[zahlung.rueckforderung_id].append(zahlung)
    ergebnis = []
    for r in rueckforderungen:
        try:
            verlauf, fehler = r.verlauf(saetze=basiszinssaetze, zahlungen=je[r.pk], stichtag=stichtag), ""
        except zinsen.KeinBasiszins as exc:
            verlauf, fehler = None, KEIN_SATZ.format(datum=datum_text(exc.tag))
        ergebnis.append(Stand(rueckforderung=r, stichtag=stichtag, zahlungen=je[r.pk], verlauf=verlauf,
                              fehler=fehler))
    return ergebnis


def offene_rueckforderungen(user):
    """Reclaims not yet settled that the user may see (staff all, managers their areas', council none), oldest
    first, with grant, project, programme and notice in the same query."""
    return (Rueckforderung.objects.sichtbar_fuer(user).filter(erledigt_am__isnull=True)
            .select_related("bewilligung__projekt__gebiet", "bewilligung__programm", "bescheid")
            .defer("bewilligung__projekt__gebiet__grenze")
            .order_by("festgesetzt_am", "pk"))


def projektseite(projekt: Projekt, user) -> dict:
    """The reclaims of a project's grants with what is open today (three queries), and the grants staff may
    set a reclaim on."""
    rueckforderungen = (Rueckforderung.objects.sichtbar_fuer(user).filter(bewilligung__projekt=projekt)
                        .select_related("bewilligung__programm", "bescheid").order_by("festgesetzt_am", "pk"))
    darf = ist_verwaltung(user)
    return {
        "rf_staende": staende(rueckforderungen),
        "rf_darf_festsetzen": darf,
        "rf_bewilligungen": list(projekt.bewilligungen.filter(status=Bewilligung.Status.BEWILLIGT)
                                 .select_related("programm").order_by("jahr", "programm__kurzname"))
        if darf else [],
        "rf_vorlaeufig": VORLAEUFIG,
    }
