"""Races on the real server: row locks must keep budgets and grants whole."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection

from testhilfen.nebenlaeufigkeit import gleichzeitig
from programme import services
from programme.models import Auszahlung, Bewilligung, Verwendungsnachweis
from testhilfen.programme import (
    BewilligungFactory,
    FoerderprogrammFactory,
    JahresbudgetFactory,
    ProgrammgebietFactory,
    ProjektFactory,
    VerwendungsnachweisFactory,
)

JAHR = dt.date.today().year

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="Zeilensperren wirken nur auf PostgreSQL"),
]


def test_twenty_concurrent_grants_never_overspend(gebiet_a, verwaltung):
    programm = FoerderprogrammFactory(stadt=gebiet_a.stadt, beginn=dt.date(JAHR, 1, 1))
    ProgrammgebietFactory(programm=programm, gebiet=gebiet_a, beginn=dt.date(JAHR, 1, 1))
    JahresbudgetFactory(programm=programm, jahr=JAHR, betrag=Decimal("50000"))
    JahresbudgetFactory(programm=programm, jahr=JAHR, gebiet=gebiet_a, betrag=Decimal("10000"))
    antraege = [
        BewilligungFactory(projekt=ProjektFactory(gebiet=gebiet_a, beantragt=True), programm=programm, jahr=JAHR,
                           gebiet=gebiet_a, betrag_beantragt=Decimal("1000"))
        for _ in range(20)
    ]
    erfolge, ablehnungen = gleichzeitig([
        lambda b=b: services.projekt_bewilligen(bewilligung=b, betrag=Decimal("1000"), durch=verwaltung)
        for b in antraege
    ])
    assert len(erfolge) == 10
    assert len(ablehnungen) == 10
    assert all(m.startswith("Das Budget ") for m in ablehnungen)
    assert Bewilligung.objects.bewilligt().filter(programm=programm, jahr=JAHR).summe() == Decimal("10000.00")


def test_twenty_concurrent_payouts_never_exceed_the_grant(gebiet_a, verwaltung):
    bewilligung = BewilligungFactory(bewilligt=True, projekt=ProjektFactory(gebiet=gebiet_a, bewilligt=True),
                                     gebiet=gebiet_a, betrag_beantragt=Decimal("10000"))
    erfolge, ablehnungen = gleichzeitig([
        lambda: services.auszahlung_anweisen(bewilligung=bewilligung, betrag=Decimal("1000"), durch=verwaltung)
        for _ in range(20)
    ])
    assert len(erfolge) == 10
    assert len(ablehnungen) == 10
    assert Auszahlung.objects.filter(bewilligung=bewilligung).summe() == Decimal("10000.00")


def _voll_bewilligt_und_zurueckgefordert(programm, gebiet, verwaltung, rueckforderung):
    """An area budget of 10,000 € fully granted and paid, then a reclaim on the checked proof of use."""
    bewilligung = BewilligungFactory(bewilligt=True, projekt=ProjektFactory(gebiet=gebiet, laufend=True),
                                     programm=programm, jahr=JAHR, gebiet=gebiet, betrag_beantragt=Decimal("10000"))
    services.auszahlung_anweisen(bewilligung=bewilligung, betrag=Decimal("10000"), durch=verwaltung)
    nachweis = VerwendungsnachweisFactory(bewilligung=bewilligung, eingereicht_am=dt.date.today(),
                                         verwendet=Decimal("6000"))
    services.verwendungsnachweis_pruefen(nachweis=nachweis, rueckforderung=rueckforderung, durch=verwaltung)


def test_sixteen_concurrent_grants_share_exactly_the_reclaimed_money(gebiet_a, verwaltung):
    programm = FoerderprogrammFactory(stadt=gebiet_a.stadt, beginn=dt.date(JAHR, 1, 1))
    ProgrammgebietFactory(programm=programm, gebiet=gebiet_a, beginn=dt.date(JAHR, 1, 1))
    JahresbudgetFactory(programm=programm, jahr=JAHR, betrag=Decimal("50000"))
    JahresbudgetFactory(programm=programm, jahr=JAHR, gebiet=gebiet_a, betrag=Decimal("10000"))
    _voll_bewilligt_und_zurueckgefordert(programm, gebiet_a, verwaltung, Decimal("4000"))
    antraege = [
        BewilligungFactory(projekt=ProjektFactory(gebiet=gebiet_a, beantragt=True), programm=programm, jahr=JAHR,
                           gebiet=gebiet_a, betrag_beantragt=Decimal("1000"))
        for _ in range(16)
    ]
    erfolge, ablehnungen = gleichzeitig([
        lambda b=b: services.projekt_bewilligen(bewilligung=b, betrag=Decimal("1000"), durch=verwaltung)
        for b in antraege
    ])
    assert (len(erfolge), len(ablehnungen)) == (4, 12)
    assert all(m.startswith("Das Budget ") for m in ablehnungen)
    bewilligt = Bewilligung.objects.bewilligt().filter(programm=programm, jahr=JAHR)
    assert (bewilligt.summe(), bewilligt.zurueckgefordert()) == (Decimal("14000.00"), Decimal("4000.00"))


def test_payouts_racing_the_check_of_the_proof_never_land_after_it(gebiet_a, verwaltung):
    bewilligung = BewilligungFactory(bewilligt=True, projekt=ProjektFactory(gebiet=gebiet_a, laufend=True),
                                     gebiet=gebiet_a, betrag_beantragt=Decimal("10000"))
    services.auszahlung_anweisen(bewilligung=bewilligung, betrag=Decimal("1000"), durch=verwaltung)
    nachweis = VerwendungsnachweisFactory(bewilligung=bewilligung, eingereicht_am=dt.date.today(),
                                         verwendet=Decimal("1000"))
    aufgaben = [lambda: services.auszahlung_anweisen(bewilligung=bewilligung, betrag=Decimal("500"), durch=verwaltung)
                for _ in range(10)]
    aufgaben.insert(5, lambda: services.verwendungsnachweis_pruefen(nachweis=nachweis, rueckforderung=Decimal("1000"),
                                                                    durch=verwaltung))
    erfolge, ablehnungen = gleichzeitig(aufgaben)
    assert set(ablehnungen) <= {services.AUSZAHLUNG_NACH_PRUEFUNG}
    assert len(erfolge) + len(ablehnungen) == 11
    geprueft = Verwendungsnachweis.history.filter(id=nachweis.pk, geprueft_am__isnull=False).earliest("history_date")
    spaeter = Auszahlung.history.filter(bewilligung_id=bewilligung.pk, history_date__gt=geprueft.history_date)
    assert not spaeter.exists()
    bewilligung.refresh_from_db()
    assert bewilligung.betrag_zurueckgefordert == Decimal("1000.00")
