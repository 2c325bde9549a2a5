import datetime as dt
from decimal import Decimal

import pytest
from django.utils import numberformat
from hypothesis import given
from hypothesis import strategies as st

from kern import format

NBSP = "\u00a0"


@pytest.mark.parametrize("wert, text", [
    (Decimal("1750000"), f"1.750.000,00{NBSP}€"),
    (Decimal("-1234.5"), f"-1.234,50{NBSP}€"),
    (0, f"0,00{NBSP}€"),
    (None, "–"),
    ("", "–"),
    ("kein Betrag", "kein Betrag"),
])
def test_euro(wert, text):
    assert format.euro(wert) == text


def test_euro_in_plain_text_has_a_normal_space():
    assert format.euro_text(Decimal("12345.67")) == "12.345,67 €"


@pytest.mark.parametrize("wert, stellen, text", [
    (12345, None, "12.345"), (Decimal("18.65"), None, "18,7"), (Decimal("2.5"), 0, "3"),
    (Decimal("-1234.567"), 2, "-1.234,57"), (None, None, "–"), ("x", None, "x"),
])
def test_zahl_rounds_commercially(wert, stellen, text):
    assert format.zahl(wert, stellen) == text


@pytest.mark.parametrize("wert, text", [
    (Decimal("12345.0000"), "12.345"), (Decimal("21.5000"), "21,5"), (Decimal("22.2500"), "22,25"), (None, "–"),
])
def test_messwert_shows_the_decimals_it_needs(wert, text):
    assert format.messwert(wert) == text


def test_messwert_with_more_decimals_and_fixed_decimals():
    assert format.messwert(Decimal("12.3456"), hoechstens=4) == "12,3456"
    assert format.messwert(Decimal("19.5"), 0) == "19"


def test_percent_index_year_and_dates():
    assert format.prozent(Decimal("12.5")) == f"12,5{NBSP}%"
    assert format.prozent(Decimal("50.00"), None) == f"50{NBSP}%"
    assert format.prozent(None) == "–"
    assert format.indexwert(Decimal("0.754")) == "+0,75"
    assert format.indexwert(Decimal("-1.2")) == "\u22121,20"
    assert format.indexwert(Decimal("0")) == "\u00b10,00"
    assert format.jahr(2026) == "2026"
    assert format.datum(dt.date(2026, 11, 21)) == "21.11.2026"
    assert format.datum(None) == "–"
    assert format.datum_lang(dt.date(2026, 3, 5)) == "5. März 2026"


def test_numbers_without_grouping():
    assert format.deutsche_zahl(Decimal("1234567.891"), 2) == "1.234.567,89"
    assert format.deutsche_zahl(Decimal("1234567.891"), 2, gruppiert=False) == "1234567,89"


@pytest.mark.parametrize("text, dezimal, erwartet", [
    ("1.234,56", None, Decimal("1234.56")), ("1234.5", None, Decimal("1234.5")), ("1.234", None, Decimal("1234")),
    ("12,5", None, Decimal("12.5")), ("1 234,5 ", None, Decimal("1234.5")), ("\u22122,5", None, Decimal("-2.5")),
    ("1.234,5", "komma", Decimal("1234.5")), ("1234,5", "komma", Decimal("1234.5")),
    ("1.234", "komma", Decimal("1234")), ("-3,25", "komma", Decimal("-3.25")), ("12,5 %", "komma", Decimal("12.5")),
    ("1.234.567", "komma", Decimal("1234567")), ("1234.5", "punkt", Decimal("1234.5")),
    ("1,234.5", "punkt", Decimal("1234.5")), ("\u22122.5", "punkt", Decimal("-2.5")),
])
def test_reading_german_and_plain_numbers(text, dezimal, erwartet):
    assert format.zahl_lesen(text, dezimal) == erwartet


@pytest.mark.parametrize("text, dezimal", [
    ("abc", None), ("1,234.5", None), ("", None), ("12.5", "komma"), ("1,5,5", "komma"), ("abc", "punkt"),
    ("1.2.3", "punkt"),
])
def test_reading_garbage_is_an_error(text, dezimal):
    with pytest.raises(ValueError):
        format.zahl_lesen(text, dezimal)


def test_which_convention_a_cell_can_be_read_in():
    assert format.lesbar("1.234", format.KOMMA) and format.lesbar("1.234", format.PUNKT)
    assert format.lesbar("12,5", format.KOMMA) and not format.lesbar("12,5 x", format.PUNKT)


@given(wert=st.one_of(st.integers(min_value=-10**15, max_value=10**15),
                      st.decimals(min_value=-10**13, max_value=10**13, places=2, allow_nan=False),
                      st.decimals(min_value=-10**6, max_value=10**6, places=4, allow_nan=False)),
       stellen=st.sampled_from([None, 0, 1, 2, 4]), gruppiert=st.booleans())
def test_german_numbers_are_written_as_djangos_number_format_writes_them(wert, stellen, gruppiert):
    assert format.deutsche_zahl(wert, stellen, gruppiert=gruppiert) == str(
        numberformat.format(wert, ",", stellen, 3, ".", force_grouping=gruppiert))
