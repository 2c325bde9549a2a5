from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


def messwert_text(wert, stellen: int | None = None) -> str:
    """An indicator value German style: 12345.0000 -> '12.345', 21.5000 -> '21,5', 22.2500 -> '22,25'."""
    if wert is None or wert == "":
        return "–"
    zahl = Decimal(wert)
    if stellen is None:
        zahl = zahl.quantize(Decimal("0.01")).normalize()
        stellen = max(0, -zahl.as_tuple().exponent)
    return number_format(zahl, decimal_pos=stellen, use_l10n=True, force_grouping=True)


@register.filter
def messwert(wert, stellen=None) -> str:
    return messwert_text(wert, None if stellen in (None, "") else int(stellen))


@register.filter
def jahr(wert) -> str:
    """A year without thousands separator (2026, not 2.026)."""
    return "–" if wert in (None, "") else str(wert)


@register.filter
def indexwert(wert) -> str:
    """A social-index score with sign and two decimals: +0,75 / −1,20."""
    if wert is None:
        return "–"
    zahl = Decimal(wert).quantize(Decimal("0.01"))
    text = number_format(abs(zahl), decimal_pos=2, use_l10n=True)
    return ("+" if zahl > 0 else "\u2212" if zahl < 0 else "\u00b1") + text


@register.inclusion_tag("quartiere/_bewegung.html")
def bewegung(platz):
    """How an area's rank moved since the year before, in words and an arrow."""
    return {"platz": platz, "veraenderung": platz.veraenderung,
            "betrag": abs(platz.veraenderung) if platz.veraenderung is not None else None}


@register.filter
def laufend(objekte, stichtag=None):
    """Objects with beginn/ende (programme areas, QM positions) running today or on `stichtag`."""
    from django.utils import timezone

    tag = stichtag or timezone.localdate()
    return [o for o in objekte if (getattr(o, "beginn", None) is None or o.beginn <= tag)
            and (getattr(o, "ende", None) is None or o.ende >= tag)]
