"""Server-made SVG charts: the same markup in the browser and in PDFs, no JavaScript.

Each chart carries <title> and <desc> and is meant to stand beside a table with the same
numbers, so screen-reader users get the figures from the table.
"""

from __future__ import annotations

import hashlib
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
