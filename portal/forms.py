from django import forms

from beteiligung.models import Taetigkeit


class TaetigkeitForm(forms.ModelForm):
    """A work-log entry of the quartier management, quick enough for the start page."""

    class Meta:
        model = Taetigkeit
        fields = ["datum", "gebiet", "titel", "handlungsfeld", "erreichte_personen", "beschreibung"]
        widgets = {
            "datum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "beschreibung": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, gebiete, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebiet"].queryset = gebiete
        self.fields["datum"].input_formats = ["%Y-%m-%d", "%d.%m.%Y"]
        if gebiete.count() == 1:
            self.fields["gebiet"].initial = gebiete.first()
