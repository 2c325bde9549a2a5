"""The social index as plain arithmetic, without the database.

For one city and year, over the n areas of the chosen level that have a value for every
indicator of the index:

    z(i, g) = (x(i, g) − mean_i) / s_i          standard score of area g in indicator i
    S(g)    = Σ_i w_i · d_i · z(i, g) / Σ_i w_i  weighted mean; d_i = +1 if a higher value is worse, else −1

mean_i and s_i are the mean and the (population) standard deviation of indicator i over those n
areas; an indicator on which all areas are equal (s_i = 0) counts 0 for every area. The area with
the highest S has rank 1 (the most burdened); equal S share a rank (1, 2, 2, 4). The areas with
rank ≤ N are flagged "besonders belastet".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Gewichtung:
    indikator_id: int
    gewicht: Decimal
    hoeher_ist_schlechter: bool


@dataclass(frozen=True)
class Platz:
    gebiet_id: int
    wert: float
    rang: int
    anzahl: int
    besonders_belastet: bool
    komponenten: dict[int, float]  # indikator_id -> z (sign already flipped where lower is worse)


def rangliste(werte: dict[int, dict[int, Decimal]], gewichte: list[Gewichtung], *, anzahl_belastet: int,
              namen: dict[int, str] | None = None) -> list[Platz]:
    """Rank the areas of one year. werte[indikator_id][gebiet_id] = value.

    Only areas with a value for every weighted indicator are ranked; with fewer than two such
    areas there is nothing to compare and the list is empty. `namen` orders areas of equal rank.
    """
    if not gewichte:
        return []
    gebiete = set.intersection(*(set(werte.get(g.indikator_id, {})) for g in gewichte))
    if len(gebiete) < 2:
        return []
    summe_gewichte = sum(float(g.gewicht) for g in gewichte)
    komponenten: dict[int, dict[int, float]] = {gebiet: {} for gebiet in gebiete}
    for g in gewichte:
        x = {gebiet: float(werte[g.indikator_id][gebiet]) for gebiet in gebiete}
        mittel = sum(x.values()) / len(x)
        streuung = math.sqrt(sum((v - mittel) ** 2 for v in x.values()) / len(x))
        richtung = 1.0 if g.hoeher_ist_schlechter else -1.0
        for gebiet, v in x.items():
            komponenten[gebiet][g.indikator_id] = 0.0 if streuung == 0 else richtung * (v - mittel) / streuung
    index = {
        gebiet: sum(float(g.gewicht) * komponenten[gebiet][g.indikator_id] for g in gewichte) / summe_gewichte
        for gebiet in gebiete
    }
    namen = namen or {}
    # Rounding keeps float noise from splitting areas that are equal by the formula.
    reihenfolge = sorted(gebiete, key=lambda gebiet: (-round(index[gebiet], 9), namen.get(gebiet, ""), gebiet))
    plaetze, rang, vorher = [], 0, None
    for position, gebiet in enumerate(reihenfolge, start=1):
        if vorher is None or round(index[gebiet], 9) != vorher:
            rang, vorher = position, round(index[gebiet], 9)
        plaetze.append(Platz(gebiet_id=gebiet, wert=index[gebiet], rang=rang, anzahl=len(reihenfolge),
                             besonders_belastet=rang <= anzahl_belastet, komponenten=komponenten[gebiet]))
    return plaetze
