from decimal import Decimal

from django import forms
from django.db.models import Q

from kern.formulare import Formular, Modellformular
from kern.formfelder import DezimalFeld, IdMehrfachauswahl
from kern.zeit import heute

from .models import Foerderprogramm, Handlungsfeld, Projekt, Zielgruppe


def geld(label: str, **kwargs) -> forms.DecimalField:
    # localize: staff type German amounts such as 1.234,56
    return DezimalFeld(label=label, max_digits=12, decimal_places=2, min_value=Decimal("0.01"),
                              localize=True, **kwargs)


def datum(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, localize=True, initial=heute,
                           widget=forms.DateInput(attrs={"placeholder": "TT.MM.JJJJ"}), **kwargs)


class AntragForm(Formular):
    programm = forms.ModelChoiceField(label="Förderprogramm", queryset=Foerderprogramm.objects.none())
    jahr = forms.IntegerField(label="Haushaltsjahr", min_value=2000, max_value=2100)
    betrag = geld("beantragter Betrag (€)")
    begruendung = forms.CharField(label="Begründung", widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programm"].queryset = programme


class BewilligenForm(Formular):
    betrag = geld("bewilligter Betrag (€)")
    datum = datum("entschieden am")


class AblehnenForm(Formular):
    begruendung = forms.CharField(label="Begründung der Ablehnung", widget=forms.Textarea(attrs={"rows": 3}))
    datum = datum("entschieden am")


class AuszahlungForm(Formular):
    betrag = geld("Auszahlungsbetrag (€)")
    datum = datum("ausgezahlt am")
    bemerkung = forms.CharField(label="Bemerkung", max_length=250, required=False)


class RueckzahlungForm(Formular):
    betrag = geld("zurückgezahlter Betrag (€)")


class NachweisEinreichenForm(Formular):
    verwendet = DezimalFeld(label="nachgewiesene Ausgaben (€)", max_digits=12, decimal_places=2,
                                   min_value=Decimal("0"), localize=True)
    datum = datum("eingereicht am")


class NachweisPruefenForm(Formular):
    rueckforderung = DezimalFeld(label="Rückforderung (€)", max_digits=12, decimal_places=2,
                                        min_value=Decimal("0"), localize=True, initial=Decimal("0"))
    bemerkung = forms.CharField(label="Prüfvermerk", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    datum = datum("geprüft am")


class BudgetForm(Formular):
    jahr = forms.IntegerField(label="Jahr", min_value=2000, max_value=2100)
    gebiet = forms.ModelChoiceField(label="Gebiet", queryset=None, required=False,
                                    empty_label="– Gesamtbudget des Programms –")
    betrag = DezimalFeld(label="Betrag (€)", max_digits=12, decimal_places=2, min_value=Decimal("0"),
                                localize=True)
    bemerkung = forms.CharField(label="Bemerkung", max_length=250, required=False)

    def __init__(self, *args, gebiete, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebiet"].queryset = gebiete


class StatusForm(Formular):
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


class VokabularFeld(IdMehrfachauswahl):
    """Action fields or target groups; where several cities' entries are offered at once, an entry of
    only some cities says which."""

    mehrere_staedte = False

    def label_from_instance(self, obj) -> str:
        staedte = [s.name for s in obj.staedte.all()] if self.mehrere_staedte else []
        return f"{obj.name} (nur {', '.join(staedte)})" if staedte else obj.name


VOKABULAR = {"handlungsfelder": (Handlungsfeld, "Handlungsfeld"), "zielgruppen": (Zielgruppe, "Zielgruppe")}
NICHT_IN_DER_STADT = "„{name}“ ist kein {art} der Stadt {stadt}."


def vokabular_fuer(modell, staedte, bisher=()):
    """The entries offered in `staedte`, plus those already chosen (`bisher`), so old data stay valid."""
    return (modell.objects.filter(Q(pk__in=modell.objects.fuer_staedte(staedte).values("pk")) | Q(pk__in=bisher))
            .prefetch_related("staedte").order_by("name"))


class ProjektForm(Modellformular):
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
            "handlungsfelder": forms.CheckboxSelectMultiple,
            "zielgruppen": forms.CheckboxSelectMultiple,
            "beschreibung": forms.Textarea(attrs={"rows": 4}),
            "ziele": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"handlungsfelder": VokabularFeld, "zielgruppen": VokabularFeld}

    def __init__(self, *args, gebiete, organisationen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebiet"].queryset = gebiete
        if not self.instance.pk and len(gebiete) == 1:
            self.initial.setdefault("gebiet", gebiete[0].pk)
        self.fields["traeger"].queryset = organisationen
        if self.instance.pk and self.instance.traeger_id:
            self.initial["traeger"] = self.instance.traeger.name
        # Action fields and target groups of the project's city, or of the cities the user works in.
        if self.instance.pk:
            staedte = {self.instance.gebiet.stadt_oder_selbst.pk}
        else:
            staedte = {g.stadt_id or g.pk for g in gebiete}
        for name, (modell, _art) in VOKABULAR.items():
            bisher = getattr(self.instance, name).values("pk") if self.instance.pk else ()
            self.fields[name].queryset = vokabular_fuer(modell, staedte, bisher)
            self.fields[name].mehrere_staedte = len(staedte) > 1

    def clean(self):
        daten = super().clean()
        beginn, ende = daten.get("beginn"), daten.get("ende")
        if beginn and ende and ende < beginn:
            self.add_error("ende", "Das Ende darf nicht vor dem Beginn liegen.")
        self._vokabular_pruefen(daten)
        kosten = daten.get("gesamtkosten")
        eigen, dritt = daten.get("eigenmittel") or 0, daten.get("drittmittel") or 0
        if kosten is not None and eigen + dritt > kosten:
            self.add_error("eigenmittel", "Eigen- und Drittmittel zusammen dürfen die Gesamtkosten nicht übersteigen.")
        return daten

    def _vokabular_pruefen(self, daten) -> None:
        """Entries of another city than the chosen area's are refused (those the project had stay)."""
        gebiet = daten.get("gebiet")
        if gebiet is None:
            return
        stadt = gebiet.stadt_oder_selbst
        for name, (modell, art) in VOKABULAR.items():
            erlaubt = set(modell.objects.fuer_staedte([stadt.pk]).values_list("pk", flat=True))
            if self.instance.pk:
                erlaubt |= set(getattr(self.instance, name).values_list("pk", flat=True))
            for eintrag in daten.get(name) or ():
                if eintrag.pk not in erlaubt:
                    self.add_error(name, NICHT_IN_DER_STADT.format(name=eintrag.name, art=art, stadt=stadt.name))
