import django_filters
from django import forms
from django.db.models import Q

from kern.auswahl import filter_begrenzen, gewaehlte_id
from kern.filter import Filterliste, Sortierung
from quartiere.models import Gebiet, Organisation

from .models import Foerderprogramm, Handlungsfeld, Projekt, Zielgruppe


class ProjektFilter(Filterliste):
    q = django_filters.CharFilter(label="Suche", method="suche",
                                  widget=forms.TextInput(attrs={"placeholder": "Titel, Beschreibung, Träger"}))
    stadt = django_filters.ModelChoiceFilter(label="Stadt", field_name="gebiet__stadt",
                                             queryset=Gebiet.objects.staedte(), empty_label="alle Städte")
    gebiet = django_filters.ModelChoiceFilter(label="Gebiet", queryset=Gebiet.objects.none(), method="im_gebiet",
                                              empty_label="alle Gebiete")
    programm = django_filters.ModelChoiceFilter(label="Programm", field_name="bewilligungen__programm",
                                                queryset=Foerderprogramm.objects.all(), distinct=True,
                                                empty_label="alle Programme")
    jahr = django_filters.NumberFilter(label="Jahr", method="im_jahr", min_value=2000, max_value=2100)
    status = django_filters.ChoiceFilter(label="Status", choices=Projekt.Status.choices, empty_label="alle")
    handlungsfeld = django_filters.ModelChoiceFilter(label="Handlungsfeld", field_name="handlungsfelder",
                                                     queryset=Handlungsfeld.objects.all(), distinct=True,
                                                     empty_label="alle")
    zielgruppe = django_filters.ModelChoiceFilter(label="Zielgruppe", field_name="zielgruppen",
                                                  queryset=Zielgruppe.objects.all(), distinct=True,
                                                  empty_label="alle")
    traeger = django_filters.ModelChoiceFilter(label="Träger", queryset=Organisation.objects.all(),
                                               empty_label="alle Träger")
    sortierung = Sortierung(
        empty_label="neueste zuerst",
        spalten=[("titel", "titel", "Titel", "text"), ("gebiet__name", "gebiet", "Gebiet", "text"),
                 ("beginn", "beginn", "Beginn", "datum"), ("status", "status", "Status", "text"),
                 ("gesamtkosten", "gesamtkosten", "Gesamtkosten", "zahl"), ("traeger__name", "traeger", "Träger", "text")],
    )

    class Meta:
        model = Projekt
        fields = []

    def __init__(self, data=None, *args, user, **kwargs):
        super().__init__(data, *args, **kwargs)
        # Only areas the user may see are offered (and accepted).
        self.filters["gebiet"].queryset = (Gebiet.objects.quartiere().arbeit_sichtbar_fuer(user)
                                           .select_related("stadt").defer("grenze", "stadt__grenze")
                                           .order_by("stadt__name", "name"))
        self.filters["traeger"].queryset = Organisation.objects.order_by("name")
        filter_begrenzen(self, {"gebiet": "stadt_id", "traeger": "stadt_id"})
        # Action fields and target groups of the chosen city only; without a city those of every city.
        stadt = gewaehlte_id(self.data, "stadt")
        for name, modell in (("handlungsfeld", Handlungsfeld), ("zielgruppe", Zielgruppe)):
            self.filters[name].queryset = (modell.objects.fuer_staedte([stadt]) if stadt else modell.objects.all())

    def suche(self, queryset, name, value):
        return queryset.filter(Q(titel__icontains=value) | Q(beschreibung__icontains=value)
                               | Q(traeger__name__icontains=value) | Q(traeger__kurzname__icontains=value))

    def im_gebiet(self, queryset, name, value):
        return queryset.filter(gebiet__in=Gebiet.objects.im_teilbaum(value).values("pk"))

    def im_jahr(self, queryset, name, value):
        return queryset.filter(beginn__year__lte=value, ende__year__gte=value)


class OrganisationFilter(Filterliste):
    """Organisations, sortable by the number of projects they run."""

    q = django_filters.CharFilter(label="Suche", method="suche",
                                  widget=forms.TextInput(attrs={"placeholder": "Name oder Kurzname"}))
    art = django_filters.ChoiceFilter(label="Art", choices=Organisation.Art.choices, empty_label="alle")
    stadt = django_filters.ModelChoiceFilter(label="Stadt", queryset=Gebiet.objects.staedte(),
                                             empty_label="alle Städte")
    sortierung = Sortierung(
        spalten=[("name", "name", "Name", "text"), ("art", "art", "Art", "text"), ("stadt__name", "stadt", "Stadt", "text"),
                 ("anzahl_projekte", "projekte", "Projekte", "zahl")],
    )

    class Meta:
        model = Organisation
        fields = []

    def suche(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(kurzname__icontains=value))
