import django_filters
from django.db.models import Q

from kern.auswahl import filter_begrenzen
from kern.filter import Filterliste, Sortierung
from programme.models import Foerderprogramm
from quartiere.models import Gebiet

from .models import Beschluss, Gremium


def _gebiete_fuer(user):
    return (Gebiet.objects.arbeit_sichtbar_fuer(user).select_related("stadt").defer("grenze", "stadt__grenze")
            .order_by("stadt__name", "name"))


class GremiumFilter(Filterliste):
    q = django_filters.CharFilter(label="Name", field_name="name", lookup_expr="icontains")
    stadt = django_filters.ModelChoiceFilter(label="Stadt", method="in_stadt", queryset=Gebiet.objects.none(),
                                             empty_label="alle Städte")
    gebiet = django_filters.ModelChoiceFilter(label="Gebiet", queryset=Gebiet.objects.none(), empty_label="alle")
    art = django_filters.ChoiceFilter(label="Art", choices=Gremium.Art.choices, empty_label="alle Arten")
    programm = django_filters.ModelChoiceFilter(label="Förderprogramm", queryset=Foerderprogramm.objects.all(),
                                                empty_label="alle")
    aktiv = django_filters.BooleanFilter(label="aktiv")
    sortierung = Sortierung(
        spalten=[("name", "name", "Name", "text"), ("art", "art", "Art", "text"), ("gebiet__name", "gebiet", "Gebiet", "text"),
                 ("gehalten", "gehalten", "Sitzungen im Jahr", "zahl"), ("zuletzt", "zuletzt", "letzte Sitzung", "datum"),
                 ("naechste", "naechste", "nächste Sitzung", "datum")],
    )

    class Meta:
        model = Gremium
        fields = []

    def __init__(self, data=None, *args, user, **kwargs):
        super().__init__(data, *args, **kwargs)
        # Only areas the user may see are offered and accepted; an id outside them is invalid.
        gebiete = _gebiete_fuer(user)
        self.filters["gebiet"].queryset = gebiete
        self.filters["stadt"].queryset = Gebiet.objects.staedte().filter(
            Q(pk__in=gebiete.values("stadt_id")) | Q(pk__in=gebiete.values("pk"))).defer("grenze").order_by("name")
        filter_begrenzen(self, {"gebiet": "stadt_id"})

    def in_stadt(self, queryset, name, value):
        return queryset.filter(Q(gebiet=value) | Q(gebiet__stadt=value))


class BeschlussFilter(Filterliste):
    stadt = django_filters.ModelChoiceFilter(label="Stadt", method="in_stadt", queryset=Gebiet.objects.none(),
                                             empty_label="alle Städte")
    gebiet = django_filters.ModelChoiceFilter(label="Gebiet", field_name="sitzung__gremium__gebiet",
                                              queryset=Gebiet.objects.none(), empty_label="alle")
    gremium = django_filters.ModelChoiceFilter(label="Gremium", field_name="sitzung__gremium",
                                               queryset=Gremium.objects.none(), empty_label="alle")
    umsetzungsstatus = django_filters.ChoiceFilter(
        label="Stand", empty_label="offen und in Bearbeitung",
        choices=[(Beschluss.Umsetzung.OFFEN, "offen"), (Beschluss.Umsetzung.IN_BEARBEITUNG, "in Bearbeitung")])

    class Meta:
        model = Beschluss
        fields = []

    def __init__(self, data=None, *args, user, gremien, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.filters["gebiet"].queryset = _gebiete_fuer(user).filter(
            pk__in=gremien.values("gebiet_id"))
        self.filters["gremium"].queryset = (gremien.select_related("gebiet").defer("gebiet__grenze")
                                            .order_by("name"))
        self.filters["stadt"].queryset = Gebiet.objects.staedte().defer("grenze").order_by("name")
        filter_begrenzen(self, {"gremium": "gebiet__stadt_id", "gebiet": "stadt_id"})

    def in_stadt(self, queryset, name, value):
        return queryset.filter(Q(sitzung__gremium__gebiet=value) | Q(sitzung__gremium__gebiet__stadt=value))
