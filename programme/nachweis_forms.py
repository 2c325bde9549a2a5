"""Forms of the proof of use: narrative, one receipt, a receipt file, the totals of a simple proof, the check.
They validate and normalise only; the services in programme.nachweis_services and berichte.pruefvermerk write."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.conf import settings

from kern.formulare import Formular
from kern.format import deutsche_zahl
from kern.formfelder import DezimalFeld

from .forms import datum, geld
from .nachweis import AUSGABEKATEGORIEN

KEINE_BELEGDATEI = "Bitte eine CSV- oder Excel-Datei (.csv, .txt, .xlsx) hochladen."
LEERE_DATEI = "Die Datei ist leer."
ZU_GROSS = "Die Datei ist {} MB groß; höchstens {} MB sind erlaubt."


def betrag(label: str, **kwargs) -> forms.DecimalField:
    return DezimalFeld(label=label, max_digits=12, decimal_places=2, min_value=Decimal("0"), **kwargs)


class AngabenForm(Formular):
    sachbericht = forms.CharField(label="Sachbericht: Was wurde getan?", widget=forms.Textarea(attrs={"rows": 5}),
                                  max_length=20000)
    teilnehmende = forms.IntegerField(label="erreichte Teilnehmende", min_value=0, max_value=10_000_000,
                                      required=False)
    ergebnisse = forms.CharField(label="Ergebnisse", widget=forms.Textarea(attrs={"rows": 3}), required=False,
                                 max_length=20000)
    eigenmittel = betrag("Eigenmittel (Ist, €)", initial=Decimal("0"))
    drittmittel = betrag("Drittmittel und andere Zuwendungen (Ist, €)", initial=Decimal("0"))
    einfach = forms.BooleanField(label="einfacher Verwendungsnachweis: Summen je Kategorie statt Belegliste",
                                 required=False)

    def __init__(self, *args, einfach_erlaubt: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not einfach_erlaubt:
            del self.fields["einfach"]


class BelegForm(Formular):
    datum = datum("Datum")
    empfaenger = forms.CharField(label="Zahlungsempfänger", max_length=200)
    zweck = forms.CharField(label="Zweck", max_length=250)
    betrag = geld("Betrag (€)")
    kategorie = forms.ChoiceField(label="Kategorie des Finanzierungsplans", choices=AUSGABEKATEGORIEN)


class BelegImportForm(Formular):
    datei = forms.FileField(
        label="Belegliste (CSV oder Excel)", allow_empty_file=True,
        help_text="Spalten Datum; Empfänger; Zweck; Betrag; Kategorie – Semikolon oder Komma, Beträge wie 1.234,56. "
                  "Enthält eine Zeile einen Fehler, wird nichts übernommen.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx,text/csv"}),
    )

    def clean_datei(self):
        datei = self.cleaned_data["datei"]
        if not datei.name.lower().endswith((".csv", ".txt", ".xlsx")):
            raise forms.ValidationError(KEINE_BELEGDATEI)
        grenze = settings.INDIKATOR_IMPORT_MAX_MB * 1024 * 1024
        if datei.size > grenze:
            mb = deutsche_zahl(Decimal(datei.size) / (1024 * 1024), 1, gruppiert=False)
            raise forms.ValidationError(ZU_GROSS.format(mb, settings.INDIKATOR_IMPORT_MAX_MB))
        if datei.size == 0:
            raise forms.ValidationError(LEERE_DATEI)
        return datei


class SummenForm(Formular):
    """One total per expense category of the plan."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kategorie, name in AUSGABEKATEGORIEN:
            self.fields[kategorie] = betrag(f"{name} (€)", initial=Decimal("0"))


class PruefenForm(Formular):
    nicht_zuwendungsfaehig = betrag("nicht zuwendungsfähig (€)", required=False,
                                    help_text="vorgeschlagen: die nicht ausgeglichenen Überschreitungen über 20 %")
    rueckforderung = betrag("Rückforderung (€), bestätigt")
    text = forms.CharField(label="Prüfvermerk", widget=forms.Textarea(attrs={"rows": 5}), max_length=20000)
    datum = datum("geprüft am")
