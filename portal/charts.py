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

from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe

FARBEN = ["#0b4f6c", "#f0a500", "#5a9e6f", "#b5446e", "#7a6fb0", "#8c8c8c"]


@dataclass(frozen=True)
class Reihe:
    name: str
    werte: list[Decimal | float | int | None]
    farbe: str | None = None


def _zahl(wert, stellen: int = 0) -> str:
    return number_format(Decimal(str(wert)), decimal_pos=stellen, use_l10n=True, force_grouping=True)


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
    label_breite, rand_rechts, balken, luecke = 190, 90, 14, 12
    gruppe = balken * len(reihen) + luecke
    hoehe_diagramm = gruppe * len(kategorien)
    legende_hoehe = 28
    hoehe = hoehe_diagramm + legende_hoehe + 30
    maximum = max([float(w) for r in reihen for w in r.werte if w is not None] + [0.0])
    schritt = _achsenschritt(maximum)
    skala_max = schritt * max(1, -(-maximum // schritt))
    plot_breite = breite - label_breite - rand_rechts

    def x(wert) -> float:
        return label_breite + plot_breite * float(wert) / skala_max

    kennung = "diagramm-" + hashlib.sha1(titel.encode()).hexdigest()[:8]
    teile = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breite} {hoehe}" width="100%" role="img" '
        f'aria-labelledby="{kennung}-t {kennung}-d" font-family="DejaVu Sans, sans-serif" '
        f'font-size="11">',
        f'<title id="{kennung}-t">{escape(titel)}</title>',
        f'<desc id="{kennung}-d">{escape(beschreibung)}</desc>',
    ]
    wert = 0.0
    while wert <= skala_max + 1e-9:
        xs = x(wert)
        teile.append(f'<line x1="{xs:.1f}" y1="{legende_hoehe}" x2="{xs:.1f}" y2="{legende_hoehe + hoehe_diagramm}" '
                     f'stroke="#ddd"/>')
        teile.append(f'<text x="{xs:.1f}" y="{legende_hoehe + hoehe_diagramm + 14}" text-anchor="middle" '
                     f'fill="#444">{_zahl(wert)}</text>')
        wert += schritt
    for i, reihe in enumerate(reihen):
        farbe = reihe.farbe or FARBEN[i % len(FARBEN)]
        lx = label_breite + i * 170
        teile.append(f'<rect x="{lx}" y="6" width="12" height="12" fill="{farbe}"/>')
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
            farbe = reihe.farbe or FARBEN[i % len(FARBEN)]
            y = y0 + i * balken
            teile.append(f'<rect x="{label_breite}" y="{y:.1f}" width="{max(x(w) - label_breite, 0):.1f}" '
                         f'height="{balken - 2}" fill="{farbe}"/>')
            teile.append(f'<text x="{x(w) + 4:.1f}" y="{y + balken - 4:.1f}" fill="#222">{_zahl(w)} {einheit}</text>')
    teile.append("</svg>")
    return mark_safe("".join(teile))


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
    plot_b, plot_h = breite - links - rechts, hoehe - oben - unten
    kleinster, groesster = min(zahlen), max(zahlen)
    unten_wert = 0.0 if kleinster >= 0 and kleinster <= groesster * 0.5 else kleinster
    schritt = _linienschritt((groesster - unten_wert) or abs(groesster) or 1.0)
    skala_min = math.floor(unten_wert / schritt) * schritt
    skala_max = max(math.ceil(groesster / schritt) * schritt, skala_min + schritt)
    achsen_stellen = _stellen(schritt)
    erstes, letztes = min(jahre), max(jahre)

    def x(jahr: int) -> float:
        return links + (plot_b / 2 if erstes == letztes else plot_b * (jahr - erstes) / (letztes - erstes))

    def y(wert) -> float:
        return oben + plot_h * (1 - (float(wert) - skala_min) / (skala_max - skala_min))

    kennung = "linien-" + hashlib.sha1(f"{titel}|{beschreibung}".encode()).hexdigest()[:8]
    teile = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breite} {hoehe}" width="100%" role="img" '
        f'aria-labelledby="{kennung}-t {kennung}-d" font-family="DejaVu Sans, sans-serif" font-size="11">',
        f'<title id="{kennung}-t">{escape(titel)}</title>',
        f'<desc id="{kennung}-d">{escape(beschreibung)}</desc>',
    ]
    if prognose_ab is not None and prognose_ab <= letztes:
        vorher = [j for j in jahre if j < prognose_ab]
        x0 = (x(max(vorher)) + x(prognose_ab)) / 2 if vorher else links
        teile.append(f'<rect x="{x0:.1f}" y="{oben}" width="{links + plot_b - x0:.1f}" height="{plot_h}" '
                     f'fill="#f1f1f1"/>')
        teile.append(f'<text x="{x0 + 4:.1f}" y="{oben + 12}" fill="#555">Prognose</text>')
    wert = skala_min
    while wert <= skala_max + schritt / 1000:
        ys = y(wert)
        teile.append(f'<line x1="{links}" y1="{ys:.1f}" x2="{links + plot_b}" y2="{ys:.1f}" stroke="#ddd"/>')
        teile.append(f'<text x="{links - 6}" y="{ys + 4:.1f}" text-anchor="end" fill="#444">'
                     f'{_zahl(wert, achsen_stellen)}</text>')
        wert += schritt
    if einheit:
        teile.append(f'<text x="{links - 6}" y="{oben - 8}" text-anchor="end" fill="#444">{escape(einheit)}</text>')
    abstand = max(1, math.ceil(len(jahre) / 12))
    for i, jahr in enumerate(sorted(jahre)):
        if i % abstand == 0 or jahr == letztes:
            teile.append(f'<text x="{x(jahr):.1f}" y="{oben + plot_h + 16}" text-anchor="middle" fill="#444">'
                         f'{jahr}</text>')
    for i, reihe in enumerate(reihen):
        farbe = reihe.farbe or FARBEN[i % len(FARBEN)]
        strich = "" if i == 0 else ' stroke-dasharray="6 4"'
        lx = links + i * 220
        teile.append(f'<line x1="{lx}" y1="12" x2="{lx + 22}" y2="12" stroke="{farbe}" stroke-width="2.5"{strich}/>')
        teile.append(f'<text x="{lx + 28}" y="16">{escape(reihe.name)}</text>')
        punkte = [(j, w) for j, w in zip(jahre, reihe.werte)]
        strecke: list[str] = []
        for j, w in punkte + [(None, None)]:
            if w is None:
                if len(strecke) > 1:
                    teile.append(f'<polyline points="{" ".join(strecke)}" fill="none" stroke="{farbe}" '
                                 f'stroke-width="2.5"{strich}/>')
                strecke = []
                continue
            strecke.append(f"{x(j):.1f},{y(w):.1f}")
        for j, w in punkte:
            if w is None:
                continue
            hinweis = f"{reihe.name} {j}: {_zahl(w, stellen)}{' ' + einheit if einheit else ''}"
            if i == 0:
                form = f'<circle cx="{x(j):.1f}" cy="{y(w):.1f}" r="3.5" fill="{farbe}">'
            else:
                form = f'<rect x="{x(j) - 3:.1f}" y="{y(w) - 3:.1f}" width="6" height="6" fill="{farbe}">'
            teile.append(f'{form}<title>{escape(hinweis)}</title></{form[1:form.index(" ")]}>')
    teile.append("</svg>")
    return mark_safe("".join(teile))
