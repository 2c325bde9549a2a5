from django import forms
from django.forms import inlineformset_factory

from beteiligung.models import Gremium
from quartiere.models import Gebiet

from .models import Beratung, Ratsvorlage


class VeroeffentlichenForm(forms.Form):
    oeffentlich = forms.BooleanField(label="öffentlich (auch ohne Anmeldung abrufbar)", required=False)
    # Set only by the confirmation page: without it the request shows that page and publishes nothing.
    bestaetigt = forms.BooleanField(required=False, widget=forms.HiddenInput)


class RueckzugForm(forms.Form):
    grund = forms.CharField(label="Grund des Rückzugs", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
                            help_text="Steht im Archiv bei dem Bericht; nur die Verwaltung sieht ihn.")


class RatsvorlageForm(forms.ModelForm):
    class Meta:
        model = Ratsvorlage
        fields = ["stadt", "absender", "zeichen", "datum", "betreff", "beschlussentwurf", "begruendung",
                  "finanzielle_auswirkungen", "programm", "haushaltsjahr", "anlagen"]
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
