from decimal import Decimal

import pytest
from django import forms

from kern.formfelder import DezimalFeld


class BetragForm(forms.Form):
    betrag = DezimalFeld(max_digits=12, decimal_places=2, required=False)


@pytest.mark.parametrize("eingabe, betrag", [
    ("1.234,56", Decimal("1234.56")), ("1234,5", Decimal("1234.5")), ("1234.56", Decimal("1234.56")),
    ("1.750.000", Decimal("1750000")), ("12.345,00 €", Decimal("12345")), ("", None),
])
def test_german_and_plain_amounts_are_read(eingabe, betrag):
    form = BetragForm({"betrag": eingabe})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["betrag"] == betrag


@pytest.mark.parametrize("eingabe", ["abc", "1,234.56", "1.2.3"])
def test_anything_else_is_refused_with_the_fields_message(eingabe):
    form = BetragForm({"betrag": eingabe})
    assert not form.is_valid() and form.errors["betrag"] == ["Bitte eine Zahl eingeben."]
