"""Forms of fund calls: German amounts (1.234,56) and dates (15.03.2027); they validate, the services decide."""

from __future__ import annotations

import django_filters
from django import forms

from kern.filter import Filterliste
from kern.formulare import Formular
from quartiere.models import Gebiet

from .forms import datum, geld
from .mittelabruf import Mittelabruf
from .models import Foerderprogramm


class MittelabrufForm(Formular):
    betrag = geld("abgerufener Betrag (€)")
    verwenden_bis = forms.DateField(label="wird verwendet bis", localize=True,
                                    widget=forms.DateInput(attrs={"placeholder": "TT.MM.JJJJ"}),
                                    help_text="der Tag, bis zu dem die Mittel für fällige Zahlungen ausgegeben sind")
    zweck = forms.CharField(label="wofür", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class GenehmigenForm(Formular):
    datum = datum("ausgezahlt am")


class AbrufAblehnenForm(Formular):
    grund = forms.CharField(label="Grund der Ablehnung", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    datum = datum("entschieden am")


class VerwendungForm(Formular):
    verwendet_am = datum("verwendet am")


class MittelabrufFilter(Filterliste):
    stadt = django_filters.ModelChoiceFilter(label="Stadt", field_name="bewilligung__programm__stadt",
                                             queryset=Gebiet.objects.staedte(), empty_label="alle Städte")
    programm = django_filters.ModelChoiceFilter(label="Programm", field_name="bewilligung__programm",
                                                queryset=Foerderprogramm.objects.select_related("stadt")
                                                .order_by("stadt__name", "kurzname"),
                                                empty_label="alle Programme")

    class Meta:
        model = Mittelabruf
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Programmes of several cities share short names (WiN, LOS): the city tells them apart.
        self.form.fields["programm"].label_from_instance = lambda p: f"{p.kurzname} ({p.stadt.name})"
