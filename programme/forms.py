from decimal import Decimal

from django import forms

from kern.formfelder import DezimalFeld, IdMehrfachauswahl
from kern.zeit import heute

from .models import Foerderprogramm, Projekt


def geld(label: str, **kwargs) -> forms.DecimalField:
    # localize: staff type German amounts such as 1.234,56
    return DezimalFeld(label=label, max_digits=12, decimal_places=2, min_value=Decimal("0.01"),
                              localize=True, **kwargs)


def datum(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, localize=True, initial=heute,
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


class RueckzahlungForm(forms.Form):
    betrag = geld("zurückgezahlter Betrag (€)")


class NachweisEinreichenForm(forms.Form):
    verwendet = DezimalFeld(label="nachgewiesene Ausgaben (€)", max_digits=12, decimal_places=2,
                                   min_value=Decimal("0"), localize=True)
    datum = datum("eingereicht am")


class NachweisPruefenForm(forms.Form):
    rueckforderung = DezimalFeld(label="Rückforderung (€)", max_digits=12, decimal_places=2,
                                        min_value=Decimal("0"), localize=True, initial=Decimal("0"))
    bemerkung = forms.CharField(label="Prüfvermerk", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    datum = datum("geprüft am")


class BudgetForm(forms.Form):
    jahr = forms.IntegerField(label="Jahr", min_value=2000, max_value=2100)
    gebiet = forms.ModelChoiceField(label="Gebiet", queryset=None, required=False,
                                    empty_label="– Gesamtbudget des Programms –")
    betrag = DezimalFeld(label="Betrag (€)", max_digits=12, decimal_places=2, min_value=Decimal("0"),
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


class OrganisationsfeldNachName(forms.CharField):
    """Type-ahead operator field: a text input with a datalist; the name must match an organisation."""

    def __init__(self, *args, queryset, **kwargs):
        self.queryset = queryset
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        treffer = [o for o in self.queryset if value.strip().lower() in (o.name.lower(), (o.kurzname or "").lower())]
        if len(treffer) != 1:
            raise forms.ValidationError("Bitte einen Träger aus der Liste wählen.")
        return treffer[0]


DATUM_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProjektForm(forms.ModelForm):
    traeger = OrganisationsfeldNachName(label="Träger", required=False, queryset=(),
                                        widget=forms.TextInput(attrs={"list": "traeger-liste", "autocomplete": "off"}))
    gesamtkosten = DezimalFeld(label="Gesamtkosten (€)", max_digits=12, decimal_places=2, localize=True,
                                      min_value=Decimal("0"))
    eigenmittel = DezimalFeld(label="Eigenmittel (€)", max_digits=12, decimal_places=2, localize=True,
                                     min_value=Decimal("0"), initial=Decimal("0"))
    drittmittel = DezimalFeld(label="Drittmittel (€)", max_digits=12, decimal_places=2, localize=True,
                                     min_value=Decimal("0"), initial=Decimal("0"))

    class Meta:
        model = Projekt
        fields = ["titel", "gebiet", "traeger", "handlungsfelder", "zielgruppen", "beginn", "ende", "gesamtkosten",
                  "eigenmittel", "drittmittel", "teilnehmende_geplant", "teilnehmende_erreicht", "beschreibung", "ziele"]
        widgets = {
            "beginn": DATUM_WIDGET,
            "ende": DATUM_WIDGET,
            "handlungsfelder": forms.CheckboxSelectMultiple,
            "zielgruppen": forms.CheckboxSelectMultiple,
            "beschreibung": forms.Textarea(attrs={"rows": 4}),
            "ziele": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"handlungsfelder": IdMehrfachauswahl, "zielgruppen": IdMehrfachauswahl}

    def __init__(self, *args, gebiete, organisationen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebiet"].queryset = gebiete
        if not self.instance.pk and len(gebiete) == 1:
            self.initial.setdefault("gebiet", gebiete[0].pk)
        self.fields["traeger"].queryset = organisationen
        if self.instance.pk and self.instance.traeger_id:
            self.initial["traeger"] = self.instance.traeger.name
        for name in ("beginn", "ende"):
            self.fields[name].input_formats = ["%Y-%m-%d", "%d.%m.%Y"]

    def clean(self):
        daten = super().clean()
        beginn, ende = daten.get("beginn"), daten.get("ende")
        if beginn and ende and ende < beginn:
            self.add_error("ende", "Das Ende darf nicht vor dem Beginn liegen.")
        kosten = daten.get("gesamtkosten")
        eigen, dritt = daten.get("eigenmittel") or 0, daten.get("drittmittel") or 0
        if kosten is not None and eigen + dritt > kosten:
            self.add_error("eigenmittel", "Eigen- und Drittmittel zusammen dürfen die Gesamtkosten nicht übersteigen.")
        return daten
