"""Charts of the reports, built on portal.charts where it has the kind of chart.

Same conventions as portal.charts: server-made SVG with <title> and <desc>, no JavaScript,
figures also in a table beside it; the same markup in the browser preview and the PDF.
"""

from __future__ import annotations

import hashlib
from decimal import ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape

from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe

from portal.charts import Reihe, liniendiagramm


def _zahl(wert, stellen: int = 1) -> str:
    gerundet = Decimal(str(wert)).quantize(Decimal(1).scaleb(-stellen), rounding=ROUND_HALF_UP)
    return number_format(gerundet, decimal_pos=stellen, use_l10n=True, force_grouping=True)


def indikatorverlauf(*, gebiet, verlauf, bis_jahr: int) -> dict:
    """Line chart of one indicator of an area beside the city average, up to the report's year and
    with the forecast years that follow."""
    jahre = [j for j in verlauf.jahre if j.jahr <= bis_jahr or j.prognose]
    name = verlauf.indikator.name
    svg = liniendiagramm(
        titel=f"{name}: {gebiet.name} und Durchschnitt der Stadt",
        beschreibung=f"Verlauf {jahre[0].jahr} bis {jahre[-1].jahr}; die Werte stehen in der Tabelle der Indikatoren.",
        jahre=[j.jahr for j in jahre],
        reihen=[Reihe(gebiet.name[:24], [j.wert for j in jahre]),
                Reihe("Ø Stadt", [j.durchschnitt for j in jahre], "#f0a500")],
        einheit=verlauf.indikator.einheit, prognose_ab=next((j.jahr for j in jahre if j.prognose), None),
        breite=420, hoehe=230,
    )
    return {"titel": name, "svg": svg}


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

    kennung = "abweichung-" + hashlib.sha1(titel.encode()).hexdigest()[:8]
    teile = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breite} {hoehe}" width="100%" role="img" '
        f'aria-labelledby="{kennung}-t {kennung}-d" font-family="DejaVu Sans, sans-serif" font-size="10">',
        f'<title id="{kennung}-t">{escape(titel)}</title>',
        f'<desc id="{kennung}-d">{escape(beschreibung)}</desc>',
        f'<text x="{mitte - 6:.1f}" y="12" text-anchor="end" fill="#444">← weniger belastet</text>',
        f'<text x="{mitte + 6:.1f}" y="12" fill="#444">stärker belastet →</text>',
    ]
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
                     f'{_zahl(wert, 2)}</text>')
    teile.append(f'<line x1="{mitte:.1f}" y1="18" x2="{mitte:.1f}" y2="{hoehe - 10}" stroke="#333"/>')
    teile.append("</svg>")
    return mark_safe("".join(teile))
