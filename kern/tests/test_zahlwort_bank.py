"""Amounts in words for the notices, and the IBAN check digits."""

from decimal import Decimal

import pytest

from kern.bankverbindung import bic_fehler, iban_fehler, iban_maskiert, iban_mit_pruefziffern
from kern.zahlwort import euro_in_worten, zahl_in_worten


@pytest.mark.parametrize(("betrag", "worte"), [
    ("7500", "siebentausendfünfhundert Euro"),
    ("1", "ein Euro"),
    ("0", "null Euro"),
    ("16", "sechzehn Euro"),
    ("17", "siebzehn Euro"),
    ("21", "einundzwanzig Euro"),
    ("101", "einhunderteins Euro"),
    ("1000", "eintausend Euro"),
    ("71000", "einundsiebzigtausend Euro"),
    ("300000", "dreihunderttausend Euro"),
    ("1234.50", "eintausendzweihundertvierunddreißig Euro und fünfzig Cent"),
    ("0.01", "null Euro und ein Cent"),
    ("1000000", "eine Million Euro"),
    ("2500000.99", "zwei Millionen fünfhunderttausend Euro und neunundneunzig Cent"),
])
def test_euro_in_worten(betrag, worte):
    assert euro_in_worten(Decimal(betrag)) == worte


def test_zahl_in_worten_bis_zur_milliarde():
    assert zahl_in_worten(999_999) == "neunhundertneunundneunzigtausendneunhundertneunundneunzig"
    assert zahl_in_worten(1_000_001_001) == "eine Milliarde eintausendeins"
    with pytest.raises(ValueError):
        euro_in_worten(Decimal("-1"))


def test_iban_pruefziffern():
    assert iban_fehler("DE89 3704 0044 0532 0130 00") is None
    assert "Prüfziffern" in iban_fehler("DE89 3704 0044 0532 0130 01")
    assert "22 Stellen" in iban_fehler("DE89 3704 0044 0532 0130")
    assert "Länderkürzel" in iban_fehler("XX89 3704 0044 0532 0130 00")
    assert iban_mit_pruefziffern("DE", "370400440532013000") == "DE89370400440532013000"
    assert iban_maskiert("DE89370400440532013000") == "DE89 •••• •••• •••• ••30 00"
    assert bic_fehler("SBREDE22XXX") is None and bic_fehler("SBREDE22") is None
    assert bic_fehler("SBRE") is not None
