import django_filters
from django import forms
from django.db.models import Q

from kern.filter import Filterliste, Sortierung

from .models import Einrichtung, Gebiet


class EinrichtungFilter(Filterliste):
    q = django_filters.CharFilter(label="Suche", method="suche",
                                  widget=forms.TextInput(attrs={"placeholder": "Name, Adresse, Träger"}))
    stadt = django_filters.ModelChoiceFilter(label="Stadt", field_name="gebiet__stadt",
                                             queryset=Gebiet.objects.staedte(), empty_label="alle Städte")
    gebiet = django_filters.ModelChoiceFilter(label="Gebiet", queryset=Gebiet.objects.quartiere(),
                                              empty_label="alle Gebiete")
    art = django_filters.ChoiceFilter(label="Art", choices=Einrichtung.Art.choices, empty_label="alle")
    status = django_filters.ChoiceFilter(label="Status", choices=Einrichtung.Status.choices, empty_label="alle")
    sortierung = Sortierung(
        spalten=[("name", "name", "Name", "text"), ("gebiet__name", "gebiet", "Gebiet", "text"),
                 ("art", "art", "Art", "text"), ("status", "status", "Status", "text")],
    )

    class Meta:
        model = Einrichtung
        fields = []

    def suche(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(adresse__icontains=value)
                               | Q(traeger__name__icontains=value))
