"""Server-made SVG charts: the same markup in the browser and in PDFs, no JavaScript.

Each chart carries <title> and <desc> and is meant to stand beside a table with the same
numbers, so screen-reader users get the figures from the table.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe

from .format import deutsche_zahl, zahl

FARBEN = ["#0b4f6c", "#f0a500", "#5a9e6f", "#b5446e", "#7a6fb0", "#8c8c8c"]
# A reference line (an average) beside the series it is compared with.
VERGLEICHSFARBE = "#6c6c6c"


@dataclass(frozen=True)
class Reihe:
    name: str
    werte: list[Decimal | float | int | None]
    farbe: str | None = None


def _zahl(wert, stellen: int = 0) -> str:
    return deutsche_zahl(Decimal(str(wert)), stellen)


def _farbe(reihe: Reihe, i: int) -> str:
    return reihe.farbe or FARBEN[i % len(FARBEN)]


def _kopf(*, art: str, kennzeichen: str, titel: str, beschreibung: str, breite: int, hoehe: int,
          schrift: int = 11) -> list[str]:
    """The opening <svg> with role, <title> and <desc> linked by ids unique to the chart."""
    kennung = f"{art}-" + hashlib.sha1(kennzeichen.encode()).hexdigest()[:8]
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breite} {hoehe}" width="100%" role="img" '
        f'aria-labelledby="{kennung}-t {kennung}-d" font-family="DejaVu Sans, sans-serif" font-size="{schrift}">',
        f'<title id="{kennung}-t">{escape(titel)}</title>',
        f'<desc id="{kennung}-d">{escape(beschreibung)}</desc>',
    ]


def _svg(teile: list[str]) -> SafeString:
    return mark_safe("".join(teile) + "</svg>")


# --- bars ---------------------------------------------------------------------------------------

def _achsenschritt(maximum: float) -> float:
    if maximum <= 0:
        return 1.0
    roh = maximum / 4
    groesse = 10 ** (len(str(int(roh))) - 1) if roh >= 1 else 0.1
    for faktor in (1, 2, 2.5, 5, 10):
        if roh <= faktor * groesse:
            return faktor * groesse
    return 10 * groesse


def balkendiagramm(*, titel: str, beschreibung: str, kategorien: list[str], reihen: list[Reihe],
                   einheit: str = "€", breite: int = 720) -> SafeString:
    """Horizontal grouped bars: one group per category, one bar per series."""
    if not kategorien:
        return mark_safe("")
    label_breite, rand_rechts, balken, luecke, legende_hoehe = 190, 90, 14, 12, 28
    gruppe = balken * len(reihen) + luecke
    hoehe_diagramm = gruppe * len(kategorien)
    maximum = max([float(w) for r in reihen for w in r.werte if w is not None] + [0.0])
    schritt = _achsenschritt(maximum)
    skala_max = schritt * max(1, -(-maximum // schritt))
    plot_breite = breite - label_breite - rand_rechts

    def x(wert) -> float:
        return label_breite + plot_breite * float(wert) / skala_max

    teile = _kopf(art="diagramm", kennzeichen=titel, titel=titel, beschreibung=beschreibung, breite=breite,
                  hoehe=hoehe_diagramm + legende_hoehe + 30)
    wert = 0.0
    while wert <= skala_max + 1e-9:
        teile.append(f'<line x1="{x(wert):.1f}" y1="{legende_hoehe}" x2="{x(wert):.1f}" '
                     f'y2="{legende_hoehe + hoehe_diagramm}" stroke="#ddd"/>')
        teile.append(f'<text x="{x(wert):.1f}" y="{legende_hoehe + hoehe_diagramm + 14}" text-anchor="middle" '
                     f'fill="#444">{_zahl(wert)}</text>')
        wert += schritt
    for i, reihe in enumerate(reihen):
        lx = label_breite + i * 170
        teile.append(f'<rect x="{lx}" y="6" width="12" height="12" fill="{_farbe(reihe, i)}"/>')
        teile.append(f'<text x="{lx + 16}" y="16">{escape(reihe.name)}</text>')
    for k, kategorie in enumerate(kategorien):
        y0 = legende_hoehe + k * gruppe + luecke / 2
        name = kategorie if len(kategorie) <= 30 else kategorie[:29] + "…"
        teile.append(f'<text x="{label_breite - 6}" y="{y0 + gruppe / 2 - 3:.1f}" text-anchor="end">'
                     f'{escape(name)}</text>')
        for i, reihe in enumerate(reihen):
            w = reihe.werte[k]
            if w is None:
                continue
            y = y0 + i * balken
            teile.append(f'<rect x="{label_breite}" y="{y:.1f}" width="{max(x(w) - label_breite, 0):.1f}" '
                         f'height="{balken - 2}" fill="{_farbe(reihe, i)}"/>')
            teile.append(f'<text x="{x(w) + 4:.1f}" y="{y + balken - 4:.1f}" fill="#222">{_zahl(w)} {einheit}</text>')
    return _svg(teile)


def abweichungsdiagramm(*, titel: str, beschreibung: str, kategorien: list[str], werte: list,
                        markiert: list[bool], breite: int = 720) -> SafeString:
    """Horizontal bars left and right of zero (e.g. a social index of standard scores); marked bars darker."""
    if not kategorien:
        return mark_safe("")
    # Room for the value labels left and right of the bars, so none runs into the area names.
    label_breite, wertrand, balken, luecke = 170, 48, 11, 4
    zeile = balken + luecke
    hoehe = zeile * len(kategorien) + 34
    grenze = max([abs(float(w)) for w in werte if w is not None] + [0.1])
    halb = (breite - label_breite - 2 * wertrand) / 2
    mitte = label_breite + wertrand + halb

    def x(wert) -> float:
        return mitte + halb * float(wert) / grenze

    teile = _kopf(art="abweichung", kennzeichen=titel, titel=titel, beschreibung=beschreibung, breite=breite,
                  hoehe=hoehe, schrift=10)
    teile += [f'<text x="{mitte - 6:.1f}" y="12" text-anchor="end" fill="#444">← weniger belastet</text>',
              f'<text x="{mitte + 6:.1f}" y="12" fill="#444">stärker belastet →</text>']
    for k, (name, wert, dunkel) in enumerate(zip(kategorien, werte, markiert)):
        y = 22 + k * zeile
        kurz = name if len(name) <= 28 else name[:27] + "…"
        fett = ' font-weight="bold"' if dunkel else ""
        teile.append(f'<text x="{label_breite - 6}" y="{y + balken - 2}" text-anchor="end"{fett}>{escape(kurz)}</text>')
        if wert is None:
            continue
        links, rechts = sorted((mitte, x(wert)))
        farbe = "#8a1538" if dunkel else ("#d08a9d" if float(wert) > 0 else "#7fa7b8")
        teile.append(f'<rect x="{links:.1f}" y="{y}" width="{max(rechts - links, 0.5):.1f}" height="{balken}" '
                     f'fill="{farbe}"/>')
        anker, tx = ("start", rechts + 3) if float(wert) >= 0 else ("end", links - 3)
        teile.append(f'<text x="{tx:.1f}" y="{y + balken - 2}" text-anchor="{anker}" fill="#222">'
                     f'{zahl(wert, 2)}</text>')
    teile.append(f'<line x1="{mitte:.1f}" y1="18" x2="{mitte:.1f}" y2="{hoehe - 10}" stroke="#333"/>')
    return _svg(teile)


# --- lines --------------------------------------------------------------------------------------

def _linienschritt(spanne: float) -> float:
    """A round step giving about four to six grid lines over the span."""
    if spanne <= 0:
        return 1.0
    roh = spanne / 5
    groesse = 10 ** math.floor(math.log10(roh))
    for faktor in (1, 2, 2.5, 5, 10):
        if roh <= faktor * groesse:
            return faktor * groesse
    return 10 * groesse


def _stellen(schritt: float) -> int:
    """Decimals the axis labels need to show the step exactly (0.25 -> 2, 5 -> 0)."""
    return next((d for d in range(5) if abs(round(schritt, d) - schritt) < 1e-9), 4)


# Legend entries stand side by side in slots this wide; a name about this many pixels a letter long.
LEGENDENPLATZ, ZEICHENBREITE = 220, 6.5


def _legende_nebeneinander(namen: list[str], links: int, breite: int) -> bool:
    """Whether the legend fits in one row; else each entry gets a row of its own."""
    if not namen:
        return True
    passt = all(28 + len(n) * ZEICHENBREITE <= LEGENDENPLATZ - 8 for n in namen[:-1])
    return passt and links + (len(namen) - 1) * LEGENDENPLATZ + 28 + len(namen[-1]) * ZEICHENBREITE <= breite


@dataclass(frozen=True)
class _Linienflaeche:
    """The plot area of a line chart: where a year and a value land."""

    links: int
    oben: int
    breite: int
    hoehe: int
    erstes: int
    letztes: int
    skala_min: float
    skala_max: float

    def x(self, jahr: int) -> float:
        if self.erstes == self.letztes:
            return self.links + self.breite / 2
        return self.links + self.breite * (jahr - self.erstes) / (self.letztes - self.erstes)

    def y(self, wert) -> float:
        return self.oben + self.hoehe * (1 - (float(wert) - self.skala_min) / (self.skala_max - self.skala_min))


def _skala(zahlen: list[float]) -> tuple[float, float, float]:
    """Lowest and highest grid value and the step between grid lines; zero is shown where it is near."""
    kleinster, groesster = min(zahlen), max(zahlen)
    unten_wert = 0.0 if kleinster >= 0 and kleinster <= groesster * 0.5 else kleinster
    schritt = _linienschritt((groesster - unten_wert) or abs(groesster) or 1.0)
    skala_min = math.floor(unten_wert / schritt) * schritt
    return skala_min, max(math.ceil(groesster / schritt) * schritt, skala_min + schritt), schritt


def _prognoseflaeche(f: _Linienflaeche, jahre: list[int], prognose_ab: int | None) -> list[str]:
    if prognose_ab is None or prognose_ab > f.letztes:
        return []
    vorher = [j for j in jahre if j < prognose_ab]
    x0 = (f.x(max(vorher)) + f.x(prognose_ab)) / 2 if vorher else f.links
    return [f'<rect x="{x0:.1f}" y="{f.oben}" width="{f.links + f.breite - x0:.1f}" height="{f.hoehe}" '
            f'fill="#f1f1f1"/>',
            f'<text x="{x0 + 4:.1f}" y="{f.oben + 12}" fill="#555">Prognose</text>']


def _linienachsen(f: _Linienflaeche, jahre: list[int], schritt: float, einheit: str) -> list[str]:
    teile, wert, stellen = [], f.skala_min, _stellen(schritt)
    while wert <= f.skala_max + schritt / 1000:
        ys = f.y(wert)
        teile.append(f'<line x1="{f.links}" y1="{ys:.1f}" x2="{f.links + f.breite}" y2="{ys:.1f}" stroke="#ddd"/>')
        teile.append(f'<text x="{f.links - 6}" y="{ys + 4:.1f}" text-anchor="end" fill="#444">'
                     f'{_zahl(wert, stellen)}</text>')
        wert += schritt
    if einheit:
        teile.append(f'<text x="{f.links - 6}" y="{f.oben - 8}" text-anchor="end" fill="#444">{escape(einheit)}</text>')
    abstand = max(1, math.ceil(len(jahre) / 12))
    for i, jahr in enumerate(sorted(jahre)):
        if i % abstand == 0 or jahr == f.letztes:
            teile.append(f'<text x="{f.x(jahr):.1f}" y="{f.oben + f.hoehe + 16}" text-anchor="middle" fill="#444">'
                         f'{jahr}</text>')
    return teile


def _linie(f: _Linienflaeche, i: int, reihe: Reihe, jahre: list[int], *, einheit: str, stellen: int,
           legende: tuple[float, float]) -> list[str]:
    """One series: its legend entry at `legende` (x, y), its line (broken at gaps) and a marker per value."""
    farbe = _farbe(reihe, i)
    strich = "" if i == 0 else ' stroke-dasharray="6 4"'
    lx, ly = legende
    teile = [f'<line x1="{lx}" y1="{ly}" x2="{lx + 22}" y2="{ly}" stroke="{farbe}" stroke-width="2.5"{strich}/>',
             f'<text x="{lx + 28}" y="{ly + 4}">{escape(reihe.name)}</text>']
    punkte = list(zip(jahre, reihe.werte))
    strecke: list[str] = []
    for j, w in punkte + [(None, None)]:
        if w is not None:
            strecke.append(f"{f.x(j):.1f},{f.y(w):.1f}")
            continue
        if len(strecke) > 1:
            teile.append(f'<polyline points="{" ".join(strecke)}" fill="none" stroke="{farbe}" '
                         f'stroke-width="2.5"{strich}/>')
        strecke = []
    for j, w in punkte:
        if w is None:
            continue
        hinweis = f"{reihe.name} {j}: {_zahl(w, stellen)}{' ' + einheit if einheit else ''}"
        if i == 0:
            form = f'<circle cx="{f.x(j):.1f}" cy="{f.y(w):.1f}" r="3.5" fill="{farbe}">'
        else:
            form = f'<rect x="{f.x(j) - 3:.1f}" y="{f.y(w) - 3:.1f}" width="6" height="6" fill="{farbe}">'
        teile.append(f'{form}<title>{escape(hinweis)}</title></{form[1:form.index(" ")]}>')
    return teile


def liniendiagramm(*, titel: str, beschreibung: str, jahre: list[int], reihen: list[Reihe], einheit: str = "",
                   prognose_ab: int | None = None, stellen: int = 1, breite: int = 640,
                   hoehe: int = 260) -> SafeString:
    """Lines over years, e.g. an area's indicator against the city average.

    `reihen[i].werte` align with `jahre`; None leaves a gap. Years from `prognose_ab` on lie on a
    shaded background marked "Prognose". The first series is solid with round markers, the
    others dashed with square markers, so the lines differ without colour too.
    """
    zahlen = [float(w) for r in reihen for w in r.werte if w is not None]
    if not jahre or not zahlen:
        return mark_safe("")
    links, rechts, oben, unten = 64, 16, 34, 30
    nebeneinander = _legende_nebeneinander([r.name for r in reihen], links, breite)
    if not nebeneinander:
        oben += 14 * (len(reihen) - 1)
    skala_min, skala_max, schritt = _skala(zahlen)
    f = _Linienflaeche(links=links, oben=oben, breite=breite - links - rechts, hoehe=hoehe - oben - unten,
                       erstes=min(jahre), letztes=max(jahre), skala_min=skala_min, skala_max=skala_max)
    teile = _kopf(art="linien", kennzeichen=f"{titel}|{beschreibung}", titel=titel, beschreibung=beschreibung,
                  breite=breite, hoehe=hoehe)
    teile += _prognoseflaeche(f, jahre, prognose_ab)
    teile += _linienachsen(f, jahre, schritt, einheit)
    for i, reihe in enumerate(reihen):
        legende = (links + i * LEGENDENPLATZ, 12) if nebeneinander else (links, 12 + 14 * i)
        teile += _linie(f, i, reihe, jahre, einheit=einheit, stellen=stellen, legende=legende)
    return _svg(teile)
