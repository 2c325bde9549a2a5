from django import forms
from django.forms import inlineformset_factory

from beteiligung.models import Gremium
from quartiere.models import Gebiet, Organisation

from .models import Beratung, Ratsvorlage


class VeroeffentlichenForm(forms.Form):
    oeffentlich = forms.BooleanField(label="öffentlich (auch ohne Anmeldung abrufbar)", required=False)


class AmtFeld(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.stadt.name})" if obj.stadt_id else obj.name


AMT_ANDERER_STADT = "Mitzeichnen können nur Ämter und Dezernate der Stadt der Vorlage: {aemter}."


class RatsvorlageForm(forms.ModelForm):
    # Selects, not a checkbox: a form sent without them keeps the paper's kind and visibility.
    oeffentlich = forms.TypedChoiceField(label="Behandlung", required=False, coerce=lambda wert: wert == "ja",
                                         choices=[("ja", "öffentlich"), ("nein", "nichtöffentlich")],
                                         help_text="Eine nichtöffentliche Vorlage wird nur nichtöffentlich "
                                                   "veröffentlicht.")
    mitzeichnende = AmtFeld(
        label="Mitzeichnung durch", required=False, queryset=Organisation.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text="Ämter und Dezernate, die die Vorlage vor der Veröffentlichung im Portal mitzeichnen. Ändert sich "
                  "danach der Text, wird neu mitgezeichnet.")

    class Meta:
        model = Ratsvorlage
        fields = ["stadt", "vorlagenart", "oeffentlich", "absender", "zeichen", "datum", "betreff",
                  "beschlussentwurf", "begruendung", "finanzielle_auswirkungen", "programm", "haushaltsjahr",
                  "anlagen"]
        localized_fields = ["datum"]
        widgets = {
            "datum": forms.DateInput(attrs={"placeholder": "TT.MM.JJJJ"}),
            "beschlussentwurf": forms.Textarea(attrs={"rows": 5}),
            "begruendung": forms.Textarea(attrs={"rows": 12}),
            "finanzielle_auswirkungen": forms.Textarea(attrs={"rows": 4}),
            "anlagen": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "begruendung": "Absätze durch eine Leerzeile trennen; Zeilen, die mit „- “ beginnen, werden zur "
                           "Aufzählung.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stadt"].queryset = Gebiet.objects.staedte()
        self.fields["programm"].queryset = self.fields["programm"].queryset.select_related("stadt")
        self.fields["vorlagenart"].required = False
        self.initial["oeffentlich"] = "ja" if self.instance.oeffentlich else "nein"
        self.fields["mitzeichnende"].queryset = (Organisation.objects.filter(
            art__in=[Organisation.Art.RESSORT, Organisation.Art.AMT]).select_related("stadt")
            .order_by("stadt__name", "name"))
        if self.instance.pk:
            self.fields["mitzeichnende"].initial = [m.organisation_id for m in self.instance.mitzeichnungen.all()]

    def clean(self):
        daten = super().clean()
        stadt, aemter = daten.get("stadt"), daten.get("mitzeichnende") or []
        fremde = [a.name for a in aemter if stadt is not None and a.stadt_id not in (None, stadt.pk)]
        if fremde:
            self.add_error("mitzeichnende", AMT_ANDERER_STADT.format(aemter=", ".join(fremde)))
        return daten


class BeratungForm(forms.ModelForm):
    class Meta:
        model = Beratung
        fields = ["reihenfolge", "gremium", "gremium_name", "datum", "zustaendigkeit", "oeffentlich"]
        localized_fields = ["datum"]
        widgets = {"datum": forms.DateInput(attrs={"placeholder": "TT.MM.JJJJ"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gremium"].queryset = Gremium.objects.select_related("gebiet").order_by("name")
        # The rows stand in a table with one header: plain Bootstrap widgets instead of crispy fields.
        for name, feld in self.fields.items():
            klasse = {"gremium": "form-select", "zustaendigkeit": "form-select", "oeffentlich": "form-check-input",
                      "DELETE": "form-check-input"}.get(name, "form-control")
            feld.widget.attrs["class"] = klasse + (" is-invalid" if self.is_bound and name in self.errors else "")


BeratungFormSet = inlineformset_factory(Ratsvorlage, Beratung, form=BeratungForm, extra=3, can_delete=True)
