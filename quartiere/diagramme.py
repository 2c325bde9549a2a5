"""The line chart of an area's indicator beside the mean of its city's areas of the same level.

The area page and the area profile (PDF) draw it with this one function, so both look alike.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from django.utils.safestring import SafeString

from kern.charts import VERGLEICHSFARBE, Reihe, liniendiagramm
from kern.format import messwert

from .models import Gebiet
from .selectors import Verlauf


def nachkommastellen(werte) -> int:
    """Decimals the values need, at most two; the area's own values set the precision of its table."""
    return max((max(0, -Decimal(w).quantize(Decimal("0.01")).normalize().as_tuple().exponent)
                for w in werte if w is not None), default=0)


def indikatordiagramm(gebiet: Gebiet, verlauf: Verlauf, *, bis_jahr: int | None = None, breite: int = 640,
                      hoehe: int = 260) -> SafeString:
    """The indicator over its years (up to `bis_jahr` and the forecasts after it), the mean dashed in grey."""
    if bis_jahr is not None:
        verlauf = replace(verlauf, jahre=[j for j in verlauf.jahre if j.jahr <= bis_jahr or j.prognose])
    ind, jahre = verlauf.indikator, [j.jahr for j in verlauf.jahre]
    reihen = [Reihe(gebiet.name, [j.wert for j in verlauf.jahre])]
    ebene = gebiet.get_art_display()
    if verlauf.hat_durchschnitt:
        reihen.append(Reihe(f"Mittel {ebene} {gebiet.stadt}", [j.durchschnitt for j in verlauf.jahre],
                            farbe=VERGLEICHSFARBE))
    aktuell = verlauf.aktuell
    beschreibung = (f"Linien je Jahr {jahre[0]} bis {jahre[-1]}: {ind.name} in {gebiet.name}"
                    + (f" und Mittel aller Gebiete der Ebene {ebene} in {gebiet.stadt}" if verlauf.hat_durchschnitt
                       else "")
                    + (f"; zuletzt gemessen {aktuell.jahr}: {messwert(aktuell.wert)} {ind.einheit}"
                       if aktuell else "")
                    + (f"; ab {verlauf.prognose_ab} Prognose" if verlauf.prognose_ab else "")
                    + ". Die Zahlen stehen in der Tabelle.")
    return liniendiagramm(titel=f"{ind.name} in {gebiet.name}", beschreibung=beschreibung, jahre=jahre,
                          reihen=reihen, einheit=ind.einheit, prognose_ab=verlauf.prognose_ab,
                          stellen=nachkommastellen(j.wert for j in verlauf.jahre), breite=breite, hoehe=hoehe)
