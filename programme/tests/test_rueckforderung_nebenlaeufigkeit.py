"""Races on the real server: the grant's row lock keeps reclaims within what may be reclaimed and repayments
within what is open."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.db import connection

from testhilfen.nebenlaeufigkeit import gleichzeitig
from programme import rueckforderung_services as rs, services
from programme.rueckforderung import Rueckforderung, Rueckzahlung
from testhilfen.rueckforderung import ausgezahlt_und_geprueft, programm_2024

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="Zeilensperren wirken nur auf PostgreSQL"),
]


def test_ten_concurrent_reclaims_never_itemise_more_than_the_check_reclaimed(gebiet_a, verwaltung):
    bewilligung = ausgezahlt_und_geprueft(programm_2024(gebiet_a.stadt, [gebiet_a]), gebiet_a, verwaltung)
    erfolge, ablehnungen = gleichzeitig([
        lambda: rs.rueckforderung_festsetzen(bewilligung=bewilligung, art=Rueckforderung.Art.NACHWEIS,
                                             betrag=D("1000"), grund="Teil", durch=verwaltung,
                                             datum=dt.date(2024, 5, 20))
        for _ in range(10)
    ])
    assert (len(erfolge), len(ablehnungen)) == (4, 6)
    assert all("höchstens 0,00 €" in m for m in ablehnungen)
    assert sum(r.betrag for r in Rueckforderung.objects.all()) == D("4000")


def test_ten_concurrent_repayments_never_exceed_what_is_open(gebiet_a, verwaltung):
    bewilligung = ausgezahlt_und_geprueft(programm_2024(gebiet_a.stadt, [gebiet_a]), gebiet_a, verwaltung)
    rueckforderung = rs.rueckforderung_festsetzen(bewilligung=bewilligung, art=Rueckforderung.Art.NACHWEIS,
                                                  betrag=D("4000"), grund="Ausgaben unter Plan", durch=verwaltung,
                                                  datum=dt.date(2024, 5, 20))
    # Open on 30.09.2024: 4.000 € and interest of 127,84 € (programme/tests/test_rueckforderung_services.py).
    erfolge, ablehnungen = gleichzeitig([
        lambda: services.rueckzahlung_verbuchen(bewilligung=bewilligung, rueckforderung=rueckforderung,
                                                betrag=D("1000"), datum=dt.date(2024, 9, 30), durch=verwaltung)
        for _ in range(10)
    ])
    assert (len(erfolge), len(ablehnungen)) == (4, 6)
    zahlungen = list(Rueckzahlung.objects.order_by("pk"))
    assert [z.auf_zinsen for z in zahlungen] == [D("127.84"), D("0"), D("0"), D("0")]
    bewilligung.refresh_from_db()
    assert bewilligung.betrag_zurueckgezahlt == D("3872.16") == sum(z.auf_hauptforderung for z in zahlungen)
