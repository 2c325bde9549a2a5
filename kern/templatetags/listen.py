from django import template

register = template.Library()


@register.inclusion_tag("kern/_sortierkopf.html", takes_context=True)
def sortierkopf(context, feld: str, titel: str, klasse: str = ""):
    """A column header that sorts by `feld` (and reverses on the second click), keeping the filter."""
    request = context["request"]
    aktuell = request.GET.get("sortierung", "")
    parameter = request.GET.copy()
    parameter.pop("seite", None)
    parameter["sortierung"] = f"-{feld}" if aktuell == feld else feld
    richtung = "ascending" if aktuell == feld else "descending" if aktuell == f"-{feld}" else None
    return {"url": "?" + parameter.urlencode(), "titel": titel, "richtung": richtung, "klasse": klasse}
