"""The base of every list filter: German empty choices ("alle"), the shared date field, choice lists
that tell apart entries of the same name (kern.formulare), and a sort choice whose labels are written
out once per column."""

from __future__ import annotations

import django_filters

from .formulare import LEER_FILTER, einrichten

# How the two directions of a sortable column read, by the kind of its values.
RICHTUNGEN = {
    "text": ("A–Z", "Z–A"),
    "zahl": ("aufsteigend", "absteigend"),
    "datum": ("früheste zuerst", "späteste zuerst"),
    "janein": ("nein zuerst", "ja zuerst"),
}


class Sortierung(django_filters.OrderingFilter):
    """`spalten`: (path to order by, parameter, label, kind of values: text, zahl or datum)."""

    def __init__(self, *args, spalten, empty_label: str = "voreingestellt", **kwargs):
        wahl = []
        for _pfad, parameter, titel, art in spalten:
            auf, ab = RICHTUNGEN[art]
            wahl += [(parameter, f"{titel} ({auf})"), (f"-{parameter}", f"{titel} ({ab})")]
        kwargs.setdefault("label", "Sortierung")
        super().__init__(*args, fields=[(pfad, parameter) for pfad, parameter, _t, _a in spalten], choices=wahl,
                         empty_label=empty_label, **kwargs)


class Filterliste(django_filters.FilterSet):
    @property
    def form(self):
        form = super().form
        if not getattr(form, "_eingerichtet", False):
            einrichten(form, leer=LEER_FILTER)
            form._eingerichtet = True
        return form
