"""Choice lists that stay short at any amount of data.

A filter that would offer thousands of areas, bodies or operators offers, once its list passes
GROSSE_AUSWAHL entries, only those of the chosen city (plus the entry already chosen), and says so
in its help text; below that it offers all of them as before. One cheap query per list decides.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from .parameter import id_wert

GROSSE_AUSWAHL = 300
HINWEIS = "Bei vielen Einträgen erscheinen sie nach Wahl einer Stadt."


def ist_gross(queryset: QuerySet, grenze: int | None = None) -> bool:
    grenze = GROSSE_AUSWAHL if grenze is None else grenze
    return queryset.order_by()[: grenze + 1].count() > grenze


def gewaehlte_id(daten, name: str) -> int | None:
    wert = daten.get(name) if daten else None
    return id_wert(wert) if isinstance(wert, str) else None


def begrenzen(queryset: QuerySet, bedingung: Q | None, gewaehlt: int | None) -> QuerySet:
    """The rows meeting `bedingung` (None: no row) and the chosen one, if the queryset holds it."""
    # With nothing chosen, "pk IS NULL" matches no row but is still asked, as the full list would be:
    # a page makes the same queries whether its lists are short or long.
    behalten = Q(pk=gewaehlt)
    return queryset.filter(behalten if bedingung is None else bedingung | behalten)


def filter_begrenzen(filterset, felder: dict[str, str], *, stadt: str = "stadt") -> bool:
    """Limits each choice filter in `felder` (name -> path from its rows to their city id) that is large to
    the chosen city (one count query per filter); returns whether it limited any."""
    stadt_id = gewaehlte_id(filterset.data, stadt)
    begrenzt = False
    for name, pfad in felder.items():
        filt = filterset.filters[name]
        if not ist_gross(filt.queryset):
            continue
        bedingung = None if stadt_id is None else Q(**{pfad: stadt_id})
        filt.queryset = begrenzen(filt.queryset, bedingung, gewaehlte_id(filterset.data, name))
        filt.extra["help_text"] = HINWEIS
        begrenzt = True
    return begrenzt
