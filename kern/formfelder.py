"""Form fields for German input."""

from django import forms

from .format import zahl_lesen
from .parameter import id_wert


class DezimalFeld(forms.DecimalField):
    """A decimal field that reads German amounts with or without thousands separators (and plain 1234.56)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("localize", True)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, str):
            try:
                value = str(zahl_lesen(value.replace("€", "")))
            except ValueError:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        return super().to_python(value)


class IdMehrfachauswahl(forms.ModelMultipleChoiceField):
    """A multiple choice of rows that refuses ids no primary key can hold before asking the database
    (SQLite cannot even bind them, PostgreSQL refuses them as out of range)."""

    def _check_values(self, value):
        if self.to_field_name is None:
            for wert in value:
                if id_wert(str(wert)) is None:
                    raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                                params={"value": wert})
        return super()._check_values(value)
