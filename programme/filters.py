import django_filters
from django import forms
from django.db.models import Q

from kern.auswahl import filter_begrenzen
from quartiere.models import Gebiet, Organisation

from .models import Foerderprogramm, Handlungsfeld, Projekt, Zielgruppe


class ProjektFilter(django_filters.FilterSet):
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
    sortierung = django_filters.OrderingFilter(
        label="Sortierung",
        fields=(("titel", "titel"), ("gebiet__name", "gebiet"), ("beginn", "beginn"), ("status", "status"),
                ("gesamtkosten", "gesamtkosten"), ("traeger__name", "traeger")),
        field_labels={"titel": "Titel", "gebiet": "Gebiet", "beginn": "Beginn", "status": "Status",
                      "gesamtkosten": "Gesamtkosten", "traeger": "Träger"},
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

    def suche(self, queryset, name, value):
        return queryset.filter(Q(titel__icontains=value) | Q(beschreibung__icontains=value)
                               | Q(traeger__name__icontains=value) | Q(traeger__kurzname__icontains=value))

    def im_gebiet(self, queryset, name, value):
        return queryset.filter(gebiet__in=Gebiet.objects.im_teilbaum(value).values("pk"))

    def im_jahr(self, queryset, name, value):
        return queryset.filter(beginn__year__lte=value, ende__year__gte=value)


class OrganisationFilter(django_filters.FilterSet):
    """Organisations, sortable by the number of projects they run."""

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
