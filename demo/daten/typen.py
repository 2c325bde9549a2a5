"""The shapes of the demo's master data. The city modules write them as literals; the loaders read them.

The short aliases (G, P, B, N, T) keep the long tables readable; dates are ISO strings and amounts whole
euros, as in the documents, and the loaders turn them into dates and Decimals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import KW_ONLY, dataclass

# The end of a quartier management position that runs out soon: the last day of the fourth month from the
# day the demo data is loaded, so the work basket always shows one.
BALD = "bald"


@dataclass(frozen=True)
class Gebietsknoten:
    art: str
    name: str
    kennziffer: str
    kinder: tuple[Gebietsknoten, ...] = ()
    quartierstyp: str = ""
    besonders_belastet: bool = False
    beschreibung: str = ""


def G(art: str, name: str, kennziffer: str, *kinder: Gebietsknoten, typ: str = "", belastet: bool = False,
      text: str = "") -> Gebietsknoten:
    """An area with its children written inside it, as in the tree of the city."""
    return Gebietsknoten(art, name, kennziffer, kinder, typ, belastet, text)


@dataclass(frozen=True)
class Nachweisvorlage:
    """Proof of use: submitted (and checked, with an amount reclaimed)."""

    eingereicht: str
    verwendet: int
    geprueft: str | None = None
    rueck: int = 0
    bemerkung: str = ""


@dataclass(frozen=True)
class Antragsvorlage:
    """A request of one year; raten are payouts as ("MM-DD", amount) in that year."""

    programm: str
    jahr: int
    beantragt: int
    bewilligt: int | None = None
    _: KW_ONLY
    am: str
    entschieden: str | None = None
    abgelehnt: str = ""
    raten: tuple[tuple[str, int], ...] = ()
    nachweis: Nachweisvorlage | None = None
    begruendung: str = ""


@dataclass(frozen=True)
class Projektvorlage:
    """A hand-written project: kosten are (total, own, third-party), teilnehmende (planned, reached); ziel is
    the status it reaches; durch the login that records it (a person key)."""

    titel: str
    gebiet: str
    traeger: str
    person: str | None
    hf: Sequence[str]
    zg: Sequence[str]
    beginn: str
    ende: str
    kosten: tuple[int, int, int]
    teilnehmende: tuple[int | None, int | None] = (None, None)
    text: str = ""
    ziele: str = ""
    antraege: Sequence[Antragsvorlage] = ()
    ziel: str | None = None
    durch: str = "verwaltung"


@dataclass(frozen=True)
class Thema:
    """A theme of the generated projects: title variants ({g} is the area, {in_g} "in" with the area), the
    largest yearly grant it usually gets, participants (min, max), the operators it suits best and an optional
    fixed period ((month, day), (month, day))."""

    key: str
    titel: tuple[str, ...]
    hf: Sequence[str]
    zg: Sequence[str]
    obergrenze: int
    teilnehmende: tuple[int, int]
    text: str
    ziele: str = ""
    traeger: tuple[str, ...] = ()
    zeitraum: tuple[tuple[int, int], tuple[int, int]] | None = None


# Project states a hand-written project is brought to.
GEPRUEFT, ABGESCHLOSSEN, LAUFEND = "nachweis_geprueft", "abgeschlossen", "laufend"
