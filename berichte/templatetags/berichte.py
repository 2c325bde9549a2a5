"""Filters of the report templates: staff's free text as paragraphs and lists."""

import base64

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from quartiere.models import WAPPEN_HOECHSTENS, WAPPEN_TYPEN

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




@register.filter
def wappen_url(stadt) -> str:
    """A city's coat of arms as a data: URL, so the PDF embeds it without reading any file at rendering time;
    "" without one (or if its file is gone)."""
    datei = getattr(stadt, "wappen", None)
    if not datei:
        return ""
    endung = "." + datei.name.rsplit(".", 1)[-1].lower()
    if endung not in WAPPEN_TYPEN:
        return ""
    try:
        with datei.open("rb") as f:
            daten = f.read(WAPPEN_HOECHSTENS + 1)
    except (OSError, ValueError):
        return ""
    if len(daten) > WAPPEN_HOECHSTENS:
        return ""
    return f"data:{WAPPEN_TYPEN[endung]};base64,{base64.b64encode(daten).decode('ascii')}"
