from decimal import Decimal

from django import forms
from django.conf import settings

from kern.formulare import Formular, Modellformular
from kern.format import deutsche_zahl

from .models import Gebiet, Indikator, Sozialindex

ZU_GROSS = "Die Datei ist zu groß: erlaubt sind höchstens {} MB, diese Datei hat {} MB."
LEERE_DATEI = "Die Datei ist leer."
KEINE_CSV = "Bitte eine CSV-Datei hochladen (Endung .csv oder .txt)."


def hoechstgroesse() -> int:
    return settings.INDIKATOR_IMPORT_MAX_MB * 1024 * 1024


class ImportForm(Formular):
    datei = forms.FileField(
        label="CSV-Datei", allow_empty_file=True,
        help_text="Langform (Gebiet; Indikator; Jahr; Wert) oder Breitform (Gebiet; Indikator; 2023; 2024; …), "
                  "getrennt durch Semikolon oder Komma, UTF-8 oder Windows-1252.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,text/csv"}),
    )
    indikator = forms.ModelChoiceField(
        label="Indikator für die ganze Datei", required=False, to_field_name="schluessel",
        queryset=Indikator.objects.order_by("name"), empty_label="– die Datei hat eine Spalte „Indikator“ –",
        help_text="nur nötig, wenn die Datei keine Indikatorspalte hat",
    )

    def clean_datei(self):
        datei = self.cleaned_data["datei"]
        if not datei.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(KEINE_CSV)
        if datei.size > hoechstgroesse():
            mb = deutsche_zahl(Decimal(datei.size) / (1024 * 1024), 1, gruppiert=False)
            raise forms.ValidationError(ZU_GROSS.format(settings.INDIKATOR_IMPORT_MAX_MB, mb))
        if datei.size == 0:
            raise forms.ValidationError(LEERE_DATEI)
        return datei


class BestaetigenForm(Formular):
    fingerabdruck = forms.CharField(widget=forms.HiddenInput, max_length=64)
    zahlen_bestaetigt = forms.BooleanField(
        label="Ich habe die markierten Zahlen geprüft: sie sind so gemeint, wie sie gelesen wurden.", required=False)


class RanglisteForm(Formular):
    """Choice of city and year on the ranking page (GET)."""

    stadt = forms.ModelChoiceField(label="Stadt", queryset=Gebiet.objects.staedte().order_by("name"),
                                   empty_label=None, widget=forms.Select(attrs={"class": "form-select"}))
    jahr = forms.TypedChoiceField(label="Jahr", coerce=int, required=False, choices=[],
                                  widget=forms.Select(attrs={"class": "form-select"}))

    def __init__(self, *args, jahre: list[int] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jahr"].choices = [("", "neuestes")] + [(j, str(j)) for j in reversed(jahre)]


class SozialindexForm(Modellformular):
    class Meta:
        model = Sozialindex
        fields = ["ebene", "anzahl_belastet"]
        widgets = {"anzahl_belastet": forms.NumberInput(attrs={"min": 0, "max": 500})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ebene"].choices = [c for c in Gebiet.Art.choices if c[0] != Gebiet.Art.STADT]

    def clean_anzahl_belastet(self):
        anzahl = self.cleaned_data["anzahl_belastet"]
        if anzahl > 500:
            raise forms.ValidationError("Höchstens 500 Gebiete können als besonders belastet gelten.")
        return anzahl


class GewichtForm(Formular):
    indikator = forms.ModelChoiceField(queryset=Indikator.objects.all(), widget=forms.HiddenInput)
    verwenden = forms.BooleanField(label="im Index", required=False)
    gewicht = forms.DecimalField(label="Gewicht", min_value=Decimal("0.01"), max_value=Decimal("100"),
                                 decimal_places=2, max_digits=5, initial=Decimal("1"), localize=True)
    hoeher_ist_schlechter = forms.BooleanField(label="höherer Wert ist ungünstiger", required=False)


GewichtFormSet = forms.formset_factory(GewichtForm, extra=0)
