"""Races of fund calls on the real server: calls and approvals of one grant are decided one after the other, so
neither the callable amount nor the held-back final instalment is ever paid out twice."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection

from testhilfen.nebenlaeufigkeit import gleichzeitig
from programme import mittelabruf_services as ma, services
from programme.mittelabruf import Mittelabruf
from testhilfen.mittelabruf import abrufbare_bewilligung

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="Zeilensperren wirken nur auf PostgreSQL"),
]
D = Decimal
HEUTE = dt.date.today()


def _abrufen(bewilligung, durch, betrag):
    return ma.mittel_abrufen(bewilligung=bewilligung, betrag=D(betrag), verwenden_bis=HEUTE + dt.timedelta(days=10),
                             zweck="Honorare", durch=durch, datum=HEUTE)


def test_twelve_concurrent_calls_never_call_more_than_the_grant_less_the_final_instalment(gebiet_a, qm_a):
    bewilligung = abrufbare_bewilligung(gebiet_a, D("10000"))
    erfolge, ablehnungen = gleichzeitig([lambda: _abrufen(bewilligung, qm_a, "1000") for _ in range(12)])
    assert (len(erfolge), len(ablehnungen)) == (9, 3)
    assert all(m.startswith("Die Schlussrate von 1.000,00 €") for m in ablehnungen)
    assert Mittelabruf.objects.filter(bewilligung=bewilligung).summe() == D("9000.00")


def test_concurrent_approvals_never_pay_into_the_held_back_final_instalment(gebiet_a, qm_a, verwaltung):
    bewilligung = abrufbare_bewilligung(gebiet_a, D("10000"))
    erster, zweiter = _abrufen(bewilligung, qm_a, "4500"), _abrufen(bewilligung, qm_a, "4500")
    # A payout outside the calls: now only one of the two calls fits below the final instalment of 1,000 €.
    services.auszahlung_anweisen(bewilligung=bewilligung, betrag=D("1000"), durch=verwaltung, datum=HEUTE)
    erfolge, ablehnungen = gleichzeitig([
        lambda a=a: ma.mittelabruf_genehmigen(abruf=a, durch=verwaltung, datum=HEUTE) for a in (erster, zweiter)])
    assert (len(erfolge), len(ablehnungen)) == (1, 1)
    assert ablehnungen[0].startswith("Die Schlussrate von 1.000,00 €")
    assert bewilligung.auszahlungen.summe() == D("5500.00")
    assert sorted(Mittelabruf.objects.values_list("status", flat=True)) == ["beantragt", "genehmigt"]


def test_the_same_call_approved_twice_at_once_pays_once(gebiet_a, qm_a, verwaltung):
    bewilligung = abrufbare_bewilligung(gebiet_a, D("10000"))
    offen = _abrufen(bewilligung, qm_a, "2000")
    erfolge, ablehnungen = gleichzeitig([
        lambda: ma.mittelabruf_genehmigen(abruf=offen, durch=verwaltung, datum=HEUTE) for _ in range(4)])
    assert (len(erfolge), len(ablehnungen)) == (1, 3)
    assert bewilligung.auszahlungen.count() == 1 and bewilligung.auszahlungen.summe() == D("2000.00")
