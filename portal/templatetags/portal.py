from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def summe_betrag(objekte) -> Decimal:
    """Sum of .betrag over prefetched objects, without another query."""
    return sum((o.betrag for o in objekte), Decimal("0"))
