"""Formatting filters for every template: {% load kern %}, then |euro, |zahl, |prozent, |datum ..."""

import datetime as dt
from decimal import Decimal

from django import template

from kern import format

register = template.Library()

register.filter("euro", format.euro)
register.filter("zahl", format.zahl)
register.filter("prozent", format.prozent)
register.filter("indexwert", format.indexwert)
register.filter("jahr", format.jahr)
register.filter("datum", format.datum)


@register.filter("anzahl")
def anzahl(wert, woerter: str) -> str:
    """{{ n|anzahl:"Eintrag,Einträge" }} -> "1 Eintrag", "3 Einträge"."""
    einzahl, _, mehrzahl = woerter.partition(",")
    return format.anzahl(wert, einzahl, mehrzahl or einzahl)


@register.filter
def messwert(wert, stellen=None) -> str:
    return format.messwert(wert, None if stellen in (None, "") else int(stellen))


@register.filter
def wert(value) -> str:
    """A history value for display: money German, dates German, choices as stored."""
    if value is None or value == "":
        return format.LEER
    if isinstance(value, Decimal):
        return format.euro(value)
    if isinstance(value, dt.date):
        return format.datum(value)
    return str(value)
