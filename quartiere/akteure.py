"""Lists of organisations and facilities: public city data, filtered and exported."""

import django_filters
from django import forms
from django.db.models import Count, Q

from kern.export import Spalte
from kern.listen import gefilterte_liste
from kern.zeit import heute

from .models import Einrichtung, Gebiet, Organisation


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Suche", method="suche",
                                  widget=forms.TextInput(attrs={"placeholder": "Name oder Kurzname"}))
    art = django_filters.ChoiceFilter(label="Art", choices=Organisation.Art.choices, empty_label="alle")
    stadt = django_filters.ModelChoiceFilter(label="Stadt", queryset=Gebiet.objects.staedte(),
                                             empty_label="alle Städte")
    sortierung = django_filters.OrderingFilter(
        label="Sortierung", fields=(("name", "name"), ("art", "art"), ("stadt__name", "stadt"),
                                    ("anzahl_projekte", "projekte")),
        field_labels={"name": "Name", "art": "Art", "stadt": "Stadt", "projekte": "Projekte"},
    )

    class Meta:
        model = Organisation
        fields = []

    def suche(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(kurzname__icontains=value))


class EinrichtungFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Suche", method="suche",
                                  widget=forms.TextInput(attrs={"placeholder": "Name, Adresse, Träger"}))
    stadt = django_filters.ModelChoiceFilter(label="Stadt", field_name="gebiet__stadt",
                                             queryset=Gebiet.objects.staedte(), empty_label="alle Städte")
    gebiet = django_filters.ModelChoiceFilter(label="Gebiet", queryset=Gebiet.objects.quartiere(),
                                              empty_label="alle Gebiete")
    art = django_filters.ChoiceFilter(label="Art", choices=Einrichtung.Art.choices, empty_label="alle")
    status = django_filters.ChoiceFilter(label="Status", choices=Einrichtung.Status.choices, empty_label="alle")
    sortierung = django_filters.OrderingFilter(
        label="Sortierung", fields=(("name", "name"), ("gebiet__name", "gebiet"), ("art", "art"),
                                    ("status", "status")),
        field_labels={"name": "Name", "gebiet": "Gebiet", "art": "Art", "status": "Status"},
    )

    class Meta:
        model = Einrichtung
        fields = []

    def suche(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(adresse__icontains=value)
                               | Q(traeger__name__icontains=value))


ORGANISATION_SPALTEN = [
    Spalte("Name", lambda o: o.name),
    Spalte("Kurzname", lambda o: o.kurzname),
    Spalte("Art", lambda o: o.get_art_display()),
    Spalte("Stadt", lambda o: o.stadt.name if o.stadt else ""),
    Spalte("übergeordnet", lambda o: o.parent.name if o.parent else ""),
    Spalte("Adresse", lambda o: o.adresse),
    Spalte("Projekte als Träger", lambda o: o.anzahl_projekte, "zahl"),
]

EINRICHTUNG_SPALTEN = [
    Spalte("Name", lambda e: e.name),
    Spalte("Art", lambda e: e.get_art_display()),
    Spalte("Stadt", lambda e: e.gebiet.stadt.name if e.gebiet.stadt else ""),
    Spalte("Gebiet", lambda e: e.gebiet.name),
    Spalte("Träger", lambda e: e.traeger.name if e.traeger else ""),
    Spalte("Status", lambda e: e.get_status_display()),
    Spalte("Adresse", lambda e: e.adresse),
    Spalte("eröffnet am", lambda e: e.eroeffnet_am, "datum"),
]


def organisation_liste(request):
    organisationen = (Organisation.objects.select_related("stadt", "parent")
                      .annotate(anzahl_projekte=Count("projekte", distinct=True)).order_by("name"))
    return gefilterte_liste(
        request, filterset=OrganisationFilter(request.GET or None, queryset=organisationen),
        template="quartiere/organisation_liste.html", spalten=ORGANISATION_SPALTEN,
        dateiname=f"Organisationen_{heute():%Y-%m-%d}",
    )


def einrichtung_liste(request):
    einrichtungen = Einrichtung.objects.select_related("gebiet__stadt", "traeger").order_by("name")
    return gefilterte_liste(
        request, filterset=EinrichtungFilter(request.GET or None, queryset=einrichtungen),
        template="quartiere/einrichtung_liste.html", spalten=EINRICHTUNG_SPALTEN,
        dateiname=f"Einrichtungen_{heute():%Y-%m-%d}",
    )
