from decimal import Decimal

from django import forms
from django.utils import timezone

from .models import Foerderprogramm, Projekt


def geld(label: str, **kwargs) -> forms.DecimalField:
    # localize: staff type German amounts such as 1.234,56
    return forms.DecimalField(label=label, max_digits=12, decimal_places=2, min_value=Decimal("0.01"),
                              localize=True, **kwargs)


def datum(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, localize=True, initial=timezone.localdate,
                           widget=forms.DateInput(attrs={"placeholder": "TT.MM.JJJJ"}), **kwargs)


class AntragForm(forms.Form):
    programm = forms.ModelChoiceField(label="Förderprogramm", queryset=Foerderprogramm.objects.none())
    jahr = forms.IntegerField(label="Haushaltsjahr", min_value=2000, max_value=2100)
    betrag = geld("beantragter Betrag (€)")
    begruendung = forms.CharField(label="Begründung", widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programm"].queryset = programme


class BewilligenForm(forms.Form):
    betrag = geld("bewilligter Betrag (€)")
    datum = datum("entschieden am")


class AblehnenForm(forms.Form):
    begruendung = forms.CharField(label="Begründung der Ablehnung", widget=forms.Textarea(attrs={"rows": 3}))
    datum = datum("entschieden am")


class AuszahlungForm(forms.Form):
    betrag = geld("Auszahlungsbetrag (€)")
    datum = datum("ausgezahlt am")
    bemerkung = forms.CharField(label="Bemerkung", max_length=250, required=False)


class NachweisEinreichenForm(forms.Form):
    verwendet = forms.DecimalField(label="nachgewiesene Ausgaben (€)", max_digits=12, decimal_places=2,
                                   min_value=Decimal("0"), localize=True)
    datum = datum("eingereicht am")


class NachweisPruefenForm(forms.Form):
    rueckforderung = forms.DecimalField(label="Rückforderung (€)", max_digits=12, decimal_places=2,
                                        min_value=Decimal("0"), localize=True, initial=Decimal("0"))
    bemerkung = forms.CharField(label="Prüfvermerk", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    datum = datum("geprüft am")


class BudgetForm(forms.Form):
    jahr = forms.IntegerField(label="Jahr", min_value=2000, max_value=2100)
    gebiet = forms.ModelChoiceField(label="Gebiet", queryset=None, required=False,
                                    empty_label="– Gesamtbudget des Programms –")
    betrag = forms.DecimalField(label="Betrag (€)", max_digits=12, decimal_places=2, min_value=Decimal("0"),
                                localize=True)
    bemerkung = forms.CharField(label="Bemerkung", max_length=250, required=False)

    def __init__(self, *args, gebiete, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebiet"].queryset = gebiete


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="neuer Status")

    def __init__(self, *args, erlaubt: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s, Projekt.Status(s).label) for s in erlaubt]
