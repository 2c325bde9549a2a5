"""Forms of the deadlines: the filter of the overview and the work basket, the interim proof steps."""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet

from kern.formulare import Formular
from kern.auswahl import HINWEIS, begrenzen, gewaehlte_id, ist_gross
from quartiere.models import Gebiet

from . import fristen
from .forms import datum
from .models import Foerderprogramm


class FristfilterForm(Formular):
    """City, programme, area, kind and state; the choice lists offer only what the user sees and, once
    they grow large, only the chosen city's entries (as kern.auswahl does)."""

    stadt = forms.ModelChoiceField(label="Stadt", queryset=Gebiet.objects.none(), required=False,
                                   empty_label="alle Städte")
    programm = forms.ModelChoiceField(label="Programm", queryset=Foerderprogramm.objects.none(), required=False,
                                      empty_label="alle Programme")
    gebiet = forms.ModelChoiceField(label="Gebiet (Quartiersmanagement)", queryset=Gebiet.objects.none(),
                                    required=False, empty_label="alle Gebiete")
    art = forms.ChoiceField(label="Frist", required=False)
    zustand = forms.ChoiceField(label="Stand", required=False,
                                choices=[("", "alle"), *fristen.ZUSTAENDE.items()])

    def __init__(self, data=None, *, user, felder: tuple[str, ...] | None = None):
        super().__init__(data)
        self.fields["stadt"].queryset = Gebiet.objects.staedte().defer("grenze").order_by("name")
        self.fields["programm"].queryset = (Foerderprogramm.objects.sichtbar_fuer(user).select_related("stadt")
                                            .defer("stadt__grenze").order_by("stadt__name", "kurzname"))
        self.fields["gebiet"].queryset = (Gebiet.objects.quartiere().arbeit_sichtbar_fuer(user)
                                          .select_related("stadt").defer("grenze", "stadt__grenze")
                                          .order_by("stadt__name", "name"))
        self.fields["art"].choices = [("", "alle"), *((a.schluessel, a.titel) for a in fristen.FRISTARTEN.values())]
        if felder is not None:
            for name in list(self.fields):
                if name not in felder:
                    del self.fields[name]
        self._begrenzen(data)

    def _begrenzen(self, data) -> None:
        if "gebiet" not in self.fields or not ist_gross(self.fields["gebiet"].queryset):
            return
        stadt_id = gewaehlte_id(data, "stadt")
        for name, pfad in (("gebiet", "stadt_id"), ("programm", "stadt_id")):
            if name in self.fields:
                feld = self.fields[name]
                feld.queryset = begrenzen(feld.queryset, None if stadt_id is None else Q(**{pfad: stadt_id}),
                                          gewaehlte_id(data, name))
                feld.help_text = HINWEIS

    def werte(self) -> dict:
        """The valid choices, or no filter at all when the input is invalid (the form shows its errors)."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}

    @staticmethod
    def bewilligungen_einschraenken(queryset: QuerySet, werte: dict, pfad: str = "bewilligung") -> QuerySet:
        """Narrows rows that lead to a grant through `pfad` ("": the rows are grants) by city, programme, area."""
        p = f"{pfad}__" if pfad else ""
        if stadt := werte.get("stadt"):
            queryset = queryset.filter(Q(**{f"{p}gebiet_id": stadt.pk}) | Q(**{f"{p}gebiet__stadt_id": stadt.pk}))
        if programm := werte.get("programm"):
            queryset = queryset.filter(**{f"{p}programm_id": programm.pk})
        if gebiet := werte.get("gebiet"):
            queryset = queryset.filter(**{f"{p}projekt__gebiet__in": Gebiet.objects.im_teilbaum(gebiet).values("pk")})
        return queryset


class ZwischennachweisEinreichenForm(Formular):
    sachbericht = forms.CharField(label="kurzer Sachbericht", max_length=5000,
                                  widget=forms.Textarea(attrs={"rows": 5}),
                                  help_text="Was wurde im Jahr umgesetzt, wer wurde erreicht, wie geht es weiter?")
    datum = datum("eingereicht am")


class ZwischennachweisPruefenForm(Formular):
    datum = datum("geprüft am")
