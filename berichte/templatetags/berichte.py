"""Filters of the report templates: staff's free text as paragraphs and lists."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()

_SPIEGELSTRICHE = ("- ", "• ", "* ", "– ")


@register.filter(needs_autoescape=True)
def absaetze(text: str, autoescape: bool = True) -> str:
    """Blank lines separate paragraphs; runs of lines starting with "- " or "• " become a list."""
    if not text:
        return ""
    esc = conditional_escape if autoescape else (lambda s: s)
    teile = []
    for absatz in text.replace("\r\n", "\n").split("\n\n"):
        zeilen = [z.strip() for z in absatz.split("\n") if z.strip()]
        gruppen: list[tuple[bool, list[str]]] = []
        for zeile in zeilen:
            ist_punkt = zeile.startswith(_SPIEGELSTRICHE)
            if gruppen and gruppen[-1][0] == ist_punkt:
                gruppen[-1][1].append(zeile)
            else:
                gruppen.append((ist_punkt, [zeile]))
        for ist_liste, gruppe in gruppen:
            if ist_liste:
                teile.append("<ul>" + "".join(f"<li>{esc(z[2:].strip())}</li>" for z in gruppe) + "</ul>")
            else:
                teile.append("<p>" + "<br>".join(str(esc(z)) for z in gruppe) + "</p>")
    return mark_safe("".join(teile))


@register.filter
def namen_liste(namen) -> str:
    return ", ".join(namen)


@register.simple_tag
def abfrage(parameter: dict, **extra) -> str:
    """A query string of the report's parameters (for the preview's PDF link)."""
    from urllib.parse import urlencode

    return urlencode({**parameter, **extra})


