from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory

from kern.formulare import Formular, Modellformular
from beteiligung.models import Gremium
from quartiere.models import Gebiet, Organisation

from .models import Beratung, Ratsvorlage


class VeroeffentlichenForm(Formular):
    oeffentlich = forms.BooleanField(label="öffentlich (auch ohne Anmeldung abrufbar)", required=False)
    # Set only by the confirmation page: without it the request shows that page and publishes nothing.
    bestaetigt = forms.BooleanField(required=False, widget=forms.HiddenInput)


class RueckzugForm(Formular):
    grund = forms.CharField(label="Grund des Rückzugs", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
                            help_text="Steht im Archiv bei dem Bericht; nur die Verwaltung sieht ihn.")


class AmtFeld(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.stadt.name})" if obj.stadt_id else obj.name


AMT_ANDERER_STADT = "Mitzeichnen können nur Ämter und Dezernate der Stadt der Vorlage: {aemter}."


class RatsvorlageForm(Modellformular):
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


GREMIUM_BEKANNT = "„{name}“ ist im Portal erfasst: bitte wählen Sie es in der Spalte Gremium."
GREMIUM_DOPPELT = "Bitte wählen Sie ein Gremium oder geben Sie einen Namen ein, nicht beides."
NUMMER_DOPPELT = "Die Nummer {nummer} ist in der Beratungsfolge mehrfach vergeben."


class BeratungForm(Modellformular):
    class Meta:
        model = Beratung
        fields = ["reihenfolge", "gremium", "gremium_name", "datum", "zustaendigkeit", "oeffentlich"]
        localized_fields = ["datum"]
        widgets = {"datum": forms.DateInput(attrs={"placeholder": "TT.MM.JJJJ"})}

    def __init__(self, *args, stadt: Gebiet | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.stadt = stadt
        # The paper's city: its own bodies (council, committees, Deputation) and those of its areas.
        gremien = Gremium.objects.select_related("gebiet__stadt").order_by("name")
        self.fields["gremium"].queryset = gremien.in_stadt(stadt.pk) if stadt else gremien
        if stadt is None:
            self.fields["gremium"].label_from_instance = lambda g: f"{g.name} ({g.gebiet.stadt_oder_selbst})"
        # The rows stand in a table with one header: plain Bootstrap widgets instead of crispy fields.
        for name, feld in self.fields.items():
            klasse = {"gremium": "form-select", "zustaendigkeit": "form-select", "oeffentlich": "form-check-input",
                      "DELETE": "form-check-input"}.get(name, "form-control")
            feld.widget.attrs["class"] = klasse + (" is-invalid" if self.is_bound and name in self.errors else "")

    def clean(self):
        daten = super().clean()
        name = (daten.get("gremium_name") or "").strip()
        if name and daten.get("gremium"):
            self.add_error("gremium_name", GREMIUM_DOPPELT)
        elif name and self.fields["gremium"].queryset.filter(name__iexact=name).exists():
            self.add_error("gremium_name", GREMIUM_BEKANNT.format(name=name))
        return daten


class BaseBeratungFormSet(BaseInlineFormSet):
    """The rows of a paper's consultation sequence; new rows are numbered on from the last one."""

    def __init__(self, *args, stadt: Gebiet | None = None, **kwargs):
        self.stadt = stadt
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "stadt": self.stadt}

    def _construct_form(self, i, **kwargs):
        if i >= self.initial_form_count() and "initial" not in kwargs:
            bisher = [b.reihenfolge for b in self.get_queryset()] if self.instance.pk else []
            kwargs["initial"] = {"reihenfolge": max(bisher, default=0) + 1 + i - self.initial_form_count()}
        return super()._construct_form(i, **kwargs)

    def clean(self):
        super().clean()
        gesehen = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or not form.has_changed() or self._should_delete_form(form):
                continue
            nummer = form.cleaned_data.get("reihenfolge")
            if nummer in gesehen:
                form.add_error("reihenfolge", NUMMER_DOPPELT.format(nummer=nummer))
            gesehen.add(nummer)


BeratungFormSet = inlineformset_factory(Ratsvorlage, Beratung, form=BeratungForm, formset=BaseBeratungFormSet,
                                        extra=3, can_delete=True)
