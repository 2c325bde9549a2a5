"""Form fields for German input."""

from django import forms

from .format import zahl_lesen


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
