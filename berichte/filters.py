import django_filters

from kern.filter import Filterliste

from programme.models import Foerderprogramm
from quartiere.models import Gebiet

from .models import Bericht, Berichtsart


class BerichtFilter(Filterliste):
    """Archive filters; the choices offer only what occurs among the reports the user may see."""

    art = django_filters.ChoiceFilter(label="Art", choices=Berichtsart.choices, empty_label="alle Arten")
    jahr = django_filters.ChoiceFilter(label="Jahr", empty_label="alle Jahre")
    gebiet = django_filters.ModelChoiceFilter(label="Gebiet", queryset=Gebiet.objects.none(),
                                              empty_label="alle Gebiete")
    programm = django_filters.ModelChoiceFilter(label="Förderprogramm", queryset=Foerderprogramm.objects.none(),
                                                empty_label="alle Programme")
    oeffentlich = django_filters.ChoiceFilter(
        label="Sichtbarkeit", choices=[("ja", "öffentlich"), ("nein", "nichtöffentlich")], empty_label="alle",
        method="nach_sichtbarkeit",
    )

    class Meta:
        model = Bericht
        fields = ["art", "jahr", "gebiet", "programm", "oeffentlich"]

    def __init__(self, *args, sichtbar, mit_sichtbarkeit: bool, **kwargs):
        super().__init__(*args, **kwargs)
        jahre = sichtbar.order_by("-jahr").values_list("jahr", flat=True).distinct()
        self.filters["jahr"].extra["choices"] = [(j, str(j)) for j in jahre]
        self.filters["gebiet"].queryset = Gebiet.objects.filter(berichte__in=sichtbar).distinct().order_by("name")
        self.filters["programm"].queryset = (Foerderprogramm.objects.filter(berichte__in=sichtbar).distinct()
                                             .order_by("kurzname"))
        if not mit_sichtbarkeit:
            del self.filters["oeffentlich"]
        for f in self.form.fields.values():
            f.widget.attrs.setdefault("class", "form-select form-select-sm")

    def nach_sichtbarkeit(self, queryset, name, wert):
        return queryset.filter(oeffentlich=wert == "ja")
