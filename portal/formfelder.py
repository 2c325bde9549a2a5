"""Form fields for German input."""

import re
from decimal import Decimal, InvalidOperation

from django import forms

_GRUPPIERT = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d*)?$")


def deutsche_zahl(text: str) -> Decimal:
    """'1.234,56' / '1234,56' / '1234.56' / '1.234' -> Decimal; raises InvalidOperation."""
    text = text.strip().replace("\u00a0", "").replace(" ", "").replace("€", "")
    if _GRUPPIERT.match(text):
        text = text.replace(".", "")
    elif "," in text and "." in text:
        raise InvalidOperation(text)
    return Decimal(text.replace(",", "."))


class DezimalFeld(forms.DecimalField):
    """A decimal field that reads German amounts with or without thousands separators."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("localize", True)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, str):
            try:
                value = str(deutsche_zahl(value))
            except InvalidOperation:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        return super().to_python(value)
