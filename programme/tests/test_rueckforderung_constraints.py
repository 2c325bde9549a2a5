"""Database rules of the reclaim models: each refuses a bad row with its German message."""

import datetime as dt
from decimal import Decimal as D

import pytest

from testhilfen.constraints import assert_accepted, assert_refused, changed
from testhilfen.rueckforderung import BasiszinssatzFactory, RueckforderungFactory, RueckzahlungFactory

pytestmark = pytest.mark.django_db

RUECKFORDERUNG_VERLETZUNGEN = [
    pytest.param("basiszins_plausibel", changed(BasiszinssatzFactory, satz=D("20.00")),
                 "Ein Basiszinssatz liegt zwischen −20 und 20 %.", id="basiszins-unplausibel"),
    pytest.param("rueckforderung_positiv", changed(RueckforderungFactory, betrag=D("0")),
                 "Eine Rückforderung muss größer als 0 € sein.", id="rueckforderung-null"),
    pytest.param("rueckforderung_abs4_mit_verwendung", changed(RueckforderungFactory, art="zinsen"),
                 "Zinsen nach § 49a Abs. 4 brauchen den Tag der Verwendung nach der Auszahlung; andere "
                 "Rückforderungen keinen.", id="abs4-ohne-verwendung"),
    pytest.param("rueckzahlung_positiv", changed(RueckzahlungFactory, betrag=D("0"), auf_hauptforderung=D("0")),
                 "Eine Rückzahlung muss größer als 0 € sein.", id="rueckzahlung-null"),
    pytest.param("rueckzahlung_aufgeteilt", changed(RueckzahlungFactory, auf_zinsen=D("0.01")),
                 "Zinsanteil und Anteil am Erstattungsbetrag ergeben zusammen die Zahlung.", id="aufteilung"),
]


@pytest.mark.parametrize("name, build, meldung", RUECKFORDERUNG_VERLETZUNGEN)
def test_ungueltige_zeile_wird_abgelehnt(name, build, meldung):
    assert_refused(build(), name, meldung)


@pytest.mark.parametrize("build", [
    lambda: RueckforderungFactory(art="zinsen", verwendet_am=dt.date(2026, 3, 1)),
    lambda: RueckzahlungFactory(betrag=D("100"), auf_zinsen=D("40"), auf_hauptforderung=D("60")),
    lambda: BasiszinssatzFactory(satz=D("-0.88")),
])
def test_gueltige_zeile_wird_angenommen(build):
    assert_accepted(build())
