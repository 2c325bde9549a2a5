"""Forms of reclaims, repayments, base rates and the filter of the open claims: validate and normalise only."""

from decimal import Decimal

import django_filters
from django import forms

from kern.filter import Filterliste
from kern.formulare import Formular
from kern.formfelder import DezimalFeld
from quartiere.models import Gebiet

from .forms import datum, geld
from .models import Foerderprogramm
from .rueckforderung import Rueckforderung


class RueckforderungForm(Formular):
    art = forms.ChoiceField(label="Art", choices=Rueckforderung.Art.choices)
    betrag = geld("Erstattungsbetrag (€)", help_text="bei Zinsen nach § 49a Abs. 4: der nicht alsbald verwendete "
                                                      "Betrag")
    grund = forms.CharField(label="Grund", widget=forms.Textarea(attrs={"rows": 4}))
    wirksam_ab = forms.DateField(label="Zinsbeginn", localize=True, required=False,
                                 widget=forms.DateInput(attrs={"placeholder": "TT.MM.JJJJ"}),
                                 help_text="Eintritt der Unwirksamkeit; leer: nach einer Prüfung deren Tag, bei "
                                           "§ 49a Abs. 4 der Tag der ersten Auszahlung, sonst heute")
    verwendet_am = forms.DateField(label="verwendet am (nur § 49a Abs. 4)", localize=True, required=False,
                                   widget=forms.DateInput(attrs={"placeholder": "TT.MM.JJJJ"}))
    datum = datum("festgesetzt am")


class RueckzahlungForm(Formular):
    betrag = geld("eingegangener Betrag (€)")
    datum = datum("eingegangen am")
    bemerkung = forms.CharField(label="Bemerkung", max_length=250, required=False)


class BasiszinssatzForm(Formular):
    gueltig_ab = forms.DateField(label="gültig ab", localize=True,
                                 widget=forms.DateInput(attrs={"placeholder": "TT.MM.JJJJ"}),
                                 help_text="1. Januar oder 1. Juli")
    satz = DezimalFeld(label="Basiszinssatz (%)", max_digits=5, decimal_places=2, localize=True,
                       min_value=Decimal("-19.99"), max_value=Decimal("19.99"))
    quelle = forms.CharField(label="Quelle", max_length=200, initial="Deutsche Bundesbank")


class OffeneRueckforderungenFilter(Filterliste):
    stadt = django_filters.ModelChoiceFilter(label="Stadt", field_name="bewilligung__programm__stadt",
                                             queryset=Gebiet.objects.staedte(), empty_label="alle Städte")
    programm = django_filters.ModelChoiceFilter(label="Programm", field_name="bewilligung__programm",
                                                queryset=Foerderprogramm.objects.all(), empty_label="alle Programme")

    class Meta:
        model = Rueckforderung
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.filters["stadt"].queryset = Gebiet.objects.staedte().defer("grenze").order_by("name")
        self.filters["programm"].queryset = Foerderprogramm.objects.select_related("stadt").defer(
            "stadt__grenze").order_by("stadt__name", "kurzname")
