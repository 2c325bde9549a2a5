from django import template

from kern.zeit import heute

register = template.Library()


@register.inclusion_tag("quartiere/_bewegung.html")
def bewegung(platz):
    """How an area's rank moved since the year before, in words and an arrow."""
    return {"platz": platz, "veraenderung": platz.veraenderung,
            "betrag": abs(platz.veraenderung) if platz.veraenderung is not None else None}


@register.filter
def laufend(objekte, stichtag=None):
    """Objects with beginn/ende (programme areas, QM positions) running today or on `stichtag`."""
    tag = stichtag or heute()
    return [o for o in objekte if (getattr(o, "beginn", None) is None or o.beginn <= tag)
            and (getattr(o, "ende", None) is None or o.ende >= tag)]
