"""The list of areas: filtered, sorted, paged and exported."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Prefetch, Q

from kern.export import Spalte
from kern.exportauftraege import Liste
from kern.filter import Filterliste, Sortierung
from kern.listen import gefilterte_liste
from programme.models import Foerderprogramm, Programmgebiet
from quartiere import selectors
from quartiere.models import Gebiet
from quartiere.templatetags.quartiere import laufend

# The kinds of area below a city, offered by the list's filter and the map's levels.
ARTEN = [c for c in Gebiet.Art.choices if c[0] != Gebiet.Art.STADT]


class ProgrammFilter(django_filters.ModelChoiceFilter):
    @property
    def field(self):
        feld = super().field
        # Programme short names repeat across cities (WiN, LOS): say which city.
        feld.label_from_instance = lambda p: f"{p.kurzname} ({p.stadt})"
        return feld


class GebietFilter(Filterliste):
    q = django_filters.CharFilter(label="Suche", method="suche",
                                  widget=forms.TextInput(attrs={"placeholder": "Name, Kennziffer, Quartierstyp"}))
    stadt = django_filters.ModelChoiceFilter(label="Stadt", queryset=Gebiet.objects.staedte().order_by("name"),
                                             empty_label="alle Städte")
    art = django_filters.ChoiceFilter(label="Art", choices=ARTEN, empty_label="alle Arten")
    belastet = django_filters.ChoiceFilter(label="besonders belastet", field_name="besonders_belastet",
                                           choices=[("ja", "ja"), ("nein", "nein")], method="nach_belastung",
                                           empty_label="alle")
    programm = ProgrammFilter(label="Programm", field_name="programmgebiete__programm", distinct=True,
                              queryset=Foerderprogramm.objects.select_related("stadt").order_by("stadt__name",
                                                                                                 "kurzname"),
                              empty_label="alle Programme")
    sortierung = Sortierung(
        empty_label="Stadt, Name",
        spalten=[("name", "name", "Name", "text"), ("art", "art", "Art", "text"), ("stadt__name", "stadt", "Stadt", "text"),
                 ("parent__name", "parent", "übergeordnetes Gebiet", "text"), ("kennziffer", "kennziffer", "Kennziffer", "text"),
                 ("einwohner", "einwohner", "Einwohner", "zahl"), ("rang", "rang", "Rang im Sozialindex", "zahl"),
                 ("besonders_belastet", "belastet", "besonders belastet", "janein")],
    )

    class Meta:
        model = Gebiet
        fields = []

    def suche(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(kennziffer__icontains=value)
                               | Q(quartierstyp__icontains=value) | Q(parent__name__icontains=value))

    def nach_belastung(self, queryset, name, value):
        return queryset.filter(besonders_belastet=value == "ja")


def _laufende_programme(gebiet: Gebiet) -> list[Programmgebiet]:
    return laufend(gebiet.programmgebiete.all())


GEBIET_SPALTEN = [
    Spalte("Name", lambda g: g.name),
    Spalte("Art", lambda g: g.get_art_display()),
    Spalte("übergeordnetes Gebiet", lambda g: g.parent.name if g.parent else ""),
    Spalte("Stadt", lambda g: g.stadt.name if g.stadt else ""),
    Spalte("Kennziffer", lambda g: g.kennziffer),
    Spalte("Quartierstyp", lambda g: g.quartierstyp),
    Spalte("Einwohner", lambda g: int(g.einwohner) if g.einwohner is not None else None, "zahl"),
    Spalte("Einwohner Stand", lambda g: g.einwohner_jahr, "zahl"),
    Spalte("Rang im Sozialindex", lambda g: g.rang, "zahl"),
    Spalte("von Gebieten", lambda g: g.rang_von, "zahl"),
    Spalte("Rang Jahr", lambda g: g.rang_jahr, "zahl"),
    Spalte("besonders belastet", lambda g: "ja" if g.besonders_belastet else "nein"),
    Spalte("laufende Programme", lambda g: ", ".join(pg.programm.kurzname for pg in _laufende_programme(g))),
]


def _gebietsfilter(user, daten) -> GebietFilter:
    # Areas are public city data: every role sees all of them.
    gebiete = selectors.mit_kennzahlen(
        Gebiet.objects.quartiere().sichtbar_fuer(user).select_related("parent", "stadt")
        .defer("grenze", "parent__grenze", "stadt__grenze")
        .prefetch_related(Prefetch("programmgebiete",
                                   queryset=Programmgebiet.objects.select_related("programm")
                                   .order_by("programm__kurzname", "beginn")))
        .order_by("stadt__name", "name")
    )
    return GebietFilter(daten, queryset=gebiete)


GEBIETE = Liste("gebiete", "Gebiete", GEBIET_SPALTEN, _gebietsfilter)


def gebiet_liste(request):
    return gefilterte_liste(request, liste=GEBIETE, template="portal/gebiete/gebiet_liste.html")
