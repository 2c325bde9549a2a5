"""Interest on reclaimed grants (§ 49a Abs. 3 and 4 VwVfG): pure arithmetic on Decimal, no database.

- Rate: the base rate of § 247 BGB plus 5 percentage points a year (§ 49a Abs. 3 Satz 1 VwVfG), never below 0 %.
- Days: interest runs from the day after the start (§ 187 Abs. 1 BGB: the day of the event does not count)
  up to and including the end day (§ 188 Abs. 1 BGB), each calendar day counted (taggenau); the year has
  365 days, in leap years too (act/365).
- Periods: a period ends at every change of the base rate and at every payment; each period's interest is
  rounded to the cent, half up (ROUND_HALF_UP); the total is the sum of the rounded periods, so the table on
  the notice adds up.
- Payments (§ 367 Abs. 1 BGB): no costs are charged, so a payment settles first the interest accrued up to
  its day, then the principal; the reduced principal bears interest from the day after the payment.
  Interest bears no interest (§ 289 Satz 1 BGB).
- § 49a Abs. 4: funds paid out but not spent in time bear the same interest on the amount concerned from the
  payout to the day they were spent; nothing of it is principal, so payments settle interest only.

A base rate applies from its date until the next one. Days of a half-year (1 January, 1 July) after the last
recorded rate are computed with the last one and marked provisional (`vorlaeufig`), so pages can say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

AUFSCHLAG = Decimal("5")
TAGE_IM_JAHR = 365
CENT = Decimal("0.01")
NULL = Decimal("0.00")
ZAEHLWEISE = (
    "Zinstage taggenau vom Tag nach dem Zinsbeginn (§ 187 Abs. 1 BGB) bis einschließlich des Tages der Zahlung "
    "(§ 188 Abs. 1 BGB), Zinsjahr zu 365 Tagen (act/365); Zinsen je Abschnitt kaufmännisch auf volle Cent gerundet"
)
VERRECHNUNG = "Zahlungen werden nach § 367 Abs. 1 BGB zuerst auf die Zinsen und dann auf den Erstattungsbetrag angerechnet"


class KeinBasiszins(ValueError):
    """No base rate recorded on or before the day asked for."""

    def __init__(self, tag: dt.date):
        super().__init__(f"Für den {tag:%d.%m.%Y} ist kein Basiszinssatz erfasst.")
        self.tag = tag


@dataclass(frozen=True)
class Basiszins:
    gueltig_ab: dt.date
    satz: Decimal


@dataclass(frozen=True)
class Zahlung:
    datum: dt.date
    betrag: Decimal


@dataclass(frozen=True)
class Abschnitt:
    """Days `von` to `bis` (both counted) on the same principal at the same rate."""

    von: dt.date
    bis: dt.date
    tage: int
    kapital: Decimal
    basiszins: Decimal
    zinssatz: Decimal
    zinsen: Decimal
    vorlaeufig: bool = False


@dataclass(frozen=True)
class Verrechnung:
    """How one payment was applied: interest first, then principal (§ 367 Abs. 1 BGB)."""

    datum: dt.date
    betrag: Decimal
    auf_zinsen: Decimal
    auf_kapital: Decimal
    ueberschuss: Decimal


@dataclass(frozen=True)
class Verlauf:
    kapital: Decimal
    abschnitte: list[Abschnitt]
    verrechnungen: list[Verrechnung]

    @property
    def zinsen(self) -> Decimal:
        """Interest accrued up to the end day."""
        return sum((a.zinsen for a in self.abschnitte), NULL)

    @property
    def zinsen_gezahlt(self) -> Decimal:
        return sum((v.auf_zinsen for v in self.verrechnungen), NULL)

    @property
    def zinsen_offen(self) -> Decimal:
        return self.zinsen - self.zinsen_gezahlt

    @property
    def kapital_gezahlt(self) -> Decimal:
        return sum((v.auf_kapital for v in self.verrechnungen), NULL)

    @property
    def kapital_offen(self) -> Decimal:
        return self.kapital - self.kapital_gezahlt

    @property
    def offen(self) -> Decimal:
        return self.kapital_offen + self.zinsen_offen

    @property
    def vorlaeufig(self) -> bool:
        return any(a.vorlaeufig for a in self.abschnitte)


def runden(betrag: Decimal) -> Decimal:
    return betrag.quantize(CENT, rounding=ROUND_HALF_UP)


def halbjahresbeginn(tag: dt.date) -> dt.date:
    return dt.date(tag.year, 1 if tag.month < 7 else 7, 1)


def _naechster_halbjahresbeginn(tag: dt.date) -> dt.date:
    return dt.date(tag.year, 7, 1) if tag.month < 7 else dt.date(tag.year + 1, 1, 1)


def _grenzen(saetze: Sequence[Basiszins], von: dt.date, bis: dt.date) -> list[tuple[dt.date, Decimal, bool]]:
    """(first day, base rate, provisional) for each stretch of days from `von` to `bis` with one base rate."""
    frueher = [s for s in saetze if s.gueltig_ab <= von]
    if not frueher:
        raise KeinBasiszins(von)
    # Half-years after the one of the last recorded rate: the last rate, marked provisional.
    tag = _naechster_halbjahresbeginn(saetze[-1].gueltig_ab)
    stuecke = [(von, frueher[-1].satz, von >= tag)]
    stuecke += [(s.gueltig_ab, s.satz, False) for s in saetze if von < s.gueltig_ab <= bis]
    while tag <= bis:
        if tag > von:
            stuecke.append((tag, saetze[-1].satz, True))
        tag = _naechster_halbjahresbeginn(tag)
    # A half-year whose rate stayed the same is no change: one period.
    return [st for i, st in enumerate(stuecke) if i == 0 or st[1:] != stuecke[i - 1][1:]]


def abschnitte(*, kapital: Decimal, beginn: dt.date, ende: dt.date, saetze: Sequence[Basiszins],
               aufschlag: Decimal = AUFSCHLAG) -> list[Abschnitt]:
    """The interest periods of `kapital` for the days after `beginn` up to and including `ende`."""
    if ende <= beginn or kapital <= 0:
        return []
    erster = beginn + dt.timedelta(days=1)
    stuecke = _grenzen(saetze, erster, ende)
    ergebnis = []
    for i, (von, basis, vorlaeufig) in enumerate(stuecke):
        bis = stuecke[i + 1][0] - dt.timedelta(days=1) if i + 1 < len(stuecke) else ende
        tage = (bis - von).days + 1
        satz = max(basis + aufschlag, NULL)
        zinsen = runden(kapital * satz / 100 * tage / TAGE_IM_JAHR)
        ergebnis.append(Abschnitt(von=von, bis=bis, tage=tage, kapital=kapital, basiszins=basis, zinssatz=satz,
                                  zinsen=zinsen, vorlaeufig=vorlaeufig))
    return ergebnis


def verlauf(*, kapital: Decimal, beginn: dt.date, ende: dt.date, saetze: Iterable[Basiszins],
            zahlungen: Iterable[Zahlung] = (), nur_zinsen: bool = False,
            aufschlag: Decimal = AUFSCHLAG) -> Verlauf:
    """Interest on `kapital` from `beginn` to `ende` with the payments applied as § 367 BGB says; a payment
    after `ende` (the caller passes those up to its reference day) settles what had accrued by `ende`.

    With `nur_zinsen` (§ 49a Abs. 4) `kapital` is only the amount interest runs on: payments settle interest
    and never reduce it.
    """
    saetze = sorted(saetze, key=lambda s: s.gueltig_ab)
    offen_kapital, aufgelaufen, gezahlt_zinsen = kapital, NULL, NULL
    liste: list[Abschnitt] = []
    verrechnungen: list[Verrechnung] = []
    stand = beginn
    for zahlung in sorted(zahlungen, key=lambda z: z.datum):
        tag = max(stand, min(zahlung.datum, ende))
        neu = abschnitte(kapital=offen_kapital, beginn=stand, ende=tag, saetze=saetze, aufschlag=aufschlag)
        liste += neu
        aufgelaufen += sum((a.zinsen for a in neu), NULL)
        auf_zinsen = min(zahlung.betrag, aufgelaufen - gezahlt_zinsen)
        auf_kapital = NULL if nur_zinsen else min(zahlung.betrag - auf_zinsen, offen_kapital)
        gezahlt_zinsen += auf_zinsen
        if not nur_zinsen:
            offen_kapital -= auf_kapital
        verrechnungen.append(Verrechnung(datum=zahlung.datum, betrag=zahlung.betrag, auf_zinsen=auf_zinsen,
                                         auf_kapital=auf_kapital,
                                         ueberschuss=zahlung.betrag - auf_zinsen - auf_kapital))
        stand = tag
    liste += abschnitte(kapital=offen_kapital, beginn=stand, ende=ende, saetze=saetze, aufschlag=aufschlag)
    return Verlauf(kapital=NULL if nur_zinsen else kapital, abschnitte=liste, verrechnungen=verrechnungen)
