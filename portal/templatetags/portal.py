from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def euro(value) -> str:
    """1750000 -> '1.750.000,00 €' (German grouping, two decimals, non-breaking space)."""
    if value is None or value == "":
        return "–"
    try:
        betrag = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    return f"{number_format(betrag, decimal_pos=2, use_l10n=True, force_grouping=True)}\u00a0€"


@register.filter
def zahl(value) -> str:
    """12345 -> '12.345'."""
    if value is None or value == "":
        return "–"
    return number_format(value, use_l10n=True, force_grouping=True)


@register.filter
def prozent(value, stellen: int = 1) -> str:
    if value is None or value == "":
        return "–"
    return f"{number_format(Decimal(value), decimal_pos=stellen, use_l10n=True, force_grouping=True)}\u00a0%"


@register.filter
def summe_betrag(objekte) -> Decimal:
    """Sum of .betrag over prefetched objects, without another query."""
    return sum((o.betrag for o in objekte), Decimal("0"))


@register.filter
def wert(value) -> str:
    """A history value for display: money German, dates German, choices as stored."""
    import datetime as dt

    if value is None or value == "":
        return "–"
    if isinstance(value, Decimal):
        return euro(value)
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    return str(value)
