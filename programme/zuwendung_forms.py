"""Forms of the grant-law pages; they validate and normalise, the services save."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from kern.formulare import Formular
from kern.bankverbindung import bic_fehler, iban_fehler, normalisiert
from kern.formfelder import DezimalFeld
from quartiere.models import Gebiet

from .forms import datum
from .models import Foerderprogramm
from .zuwendung import Finanzierungsart, Planposition, Rechtsform, Textbaustein, unbekannte_platzhalter
from .zuwendung_services import Zeile

DRITTMITTEL_OHNE_QUELLE = "Bitte den Geldgeber der Drittmittel angeben."
ZUWENDUNG_OHNE_PROGRAMM = "Bitte das Förderprogramm der beantragten Zuwendung wählen."
PROGRAMM_NUR_BEI_ZUWENDUNG = "Ein Förderprogramm gehört nur zu einer beantragten Zuwendung."


class TraegerdatenForm(Formular):
    rechtsform = forms.ChoiceField(label="Rechtsform", choices=Rechtsform.choices)
    strasse = forms.CharField(label="Straße und Hausnummer", max_length=200)
    plz = forms.RegexField(label="PLZ", regex=r"^[0-9]{5}$", error_messages={"invalid": "Die PLZ hat fünf Ziffern."})
    ort = forms.CharField(label="Ort", max_length=100)
    ansprechperson = forms.CharField(label="Ansprechperson", max_length=200, required=False)
    email = forms.EmailField(label="E-Mail", required=False)
    iban = forms.CharField(label="IBAN", max_length=42)
    bic = forms.CharField(label="BIC", max_length=14)
    registernummer = forms.CharField(label="Registernummer", max_length=120, required=False,
                                     help_text="z. B. „VR 4711, Amtsgericht Bremen“")

    def clean_iban(self):
        wert = normalisiert(self.cleaned_data["iban"])
        if (grund := iban_fehler(wert)) is not None:
            raise forms.ValidationError(grund)
        return wert

    def clean_bic(self):
        wert = normalisiert(self.cleaned_data["bic"])
        if (grund := bic_fehler(wert)) is not None:
            raise forms.ValidationError(grund)
        return wert


def _betrag(label: str, **kwargs) -> DezimalFeld:
    return DezimalFeld(label=label, max_digits=12, decimal_places=2, min_value=Decimal("0"), **kwargs)


class PlanpositionForm(Formular):
    kategorie = forms.ChoiceField(label="Kategorie", choices=Planposition.Kategorie.choices)
    bezeichnung = forms.CharField(label="Bezeichnung", max_length=200, required=False)
    jahr = forms.IntegerField(label="Jahr", min_value=2000, max_value=2100)
    betrag = _betrag("Betrag (€)")
    quelle = forms.CharField(label="Geldgeber (Drittmittel)", max_length=200, required=False)
    programm = forms.ModelChoiceField(label="Förderprogramm (Zuwendung)", queryset=Foerderprogramm.objects.none(),
                                      required=False)

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        if programme is not None:
            self.fields["programm"].queryset = programme

    def clean(self):
        daten = super().clean()
        kategorie = daten.get("kategorie")
        if kategorie == Planposition.Kategorie.DRITTMITTEL and not daten.get("quelle"):
            self.add_error("quelle", DRITTMITTEL_OHNE_QUELLE)
        if kategorie == Planposition.Kategorie.ZUWENDUNG and not daten.get("programm"):
            self.add_error("programm", ZUWENDUNG_OHNE_PROGRAMM)
        if kategorie != Planposition.Kategorie.ZUWENDUNG and daten.get("programm"):
            self.add_error("programm", PROGRAMM_NUR_BEI_ZUWENDUNG)
        return daten


class _PlanFormSet(forms.BaseFormSet):
    def __init__(self, *args, programme=None, **kwargs):
        self.programme = programme
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "programme": self.programme}

    @property
    def empty_form(self):
        form = self.form(auto_id=self.auto_id, prefix=self.add_prefix("__prefix__"), empty_permitted=True,
                         use_required_attribute=False, programme=self.programme)
        self.add_fields(form, None)
        return form

    def zeilen(self) -> list[Zeile]:
        return [Zeile(kategorie=d["kategorie"], jahr=d["jahr"], betrag=d["betrag"], bezeichnung=d["bezeichnung"],
                      quelle=d["quelle"], programm=d["programm"])
                for d in self.cleaned_data if d and not d.get("DELETE")]


PlanFormSet = forms.formset_factory(PlanpositionForm, formset=_PlanFormSet, extra=3, can_delete=True,
                                    max_num=200, validate_max=True)


class ZuwendungForm(Formular):
    finanzierungsart = forms.ChoiceField(label="Finanzierungsart", choices=Finanzierungsart.choices)
    foerderquote = DezimalFeld(label="Förderanteil (%)", max_digits=5, decimal_places=2, min_value=Decimal("0.01"),
                               max_value=Decimal("100"), required=False, help_text="nur bei Anteilfinanzierung")
    festbetrag = _betrag("Festbetrag (€)", required=False,
                         help_text="nur bei Festbetragsfinanzierung; leer: der bewilligte Betrag")
    beginn = datum("Bewilligungszeitraum von")
    ende = datum("Bewilligungszeitraum bis")


class VorzeitigerBeginnForm(Formular):
    erlaubt_am = datum("zugelassen am")
    bemerkung = forms.CharField(label="Bemerkung", max_length=250, required=False)


class TextbausteinForm(Formular):
    art = forms.ChoiceField(label="Art", choices=Textbaustein.Art.choices)
    programm = forms.ModelChoiceField(label="Förderprogramm", queryset=Foerderprogramm.objects.select_related("stadt"),
                                      required=False, help_text="für Nebenbestimmungen und Auszahlungsregeln")
    stadt = forms.ModelChoiceField(label="Stadt", queryset=Gebiet.objects.staedte().order_by("name"), required=False,
                                   help_text="für die Rechtsbehelfsbelehrung")
    text = forms.CharField(label="Text", widget=forms.Textarea(attrs={"rows": 8}),
                           help_text="Platzhalter in geschweiften Klammern, z. B. {traeger}, {betrag}, {beginn}")

    def clean_text(self):
        text = self.cleaned_data["text"]
        if unbekannte_platzhalter(text):
            # The model's message names the unknown and the allowed placeholders.
            try:
                Textbaustein(text=text).clean()
            except forms.ValidationError as exc:
                raise forms.ValidationError(exc.message_dict["text"]) from None
        return text

    def clean(self):
        daten = super().clean()
        art = daten.get("art")
        if art == Textbaustein.Art.RECHTSBEHELF:
            if not daten.get("stadt"):
                self.add_error("stadt", "Die Rechtsbehelfsbelehrung gilt je Stadt: bitte die Stadt wählen.")
            daten["programm"] = None
        elif art:
            if not daten.get("programm"):
                self.add_error("programm", "Dieser Textbaustein gilt je Förderprogramm: bitte das Programm wählen.")
            daten["stadt"] = None
        return daten
