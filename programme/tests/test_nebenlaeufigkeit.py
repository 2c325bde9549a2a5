"""Races on the real server: row locks must keep budgets and grants whole."""

import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from kern.fehler import Regelverstoss
from programme import services
from programme.models import Auszahlung, Bewilligung
from testhilfen.programme import (
    BewilligungFactory,
    FoerderprogrammFactory,
    JahresbudgetFactory,
    ProgrammgebietFactory,
    ProjektFactory,
)

JAHR = dt.date.today().year

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="Zeilensperren wirken nur auf PostgreSQL"),
]


def gleichzeitig(aufgaben):
    """Run the callables in threads released at the same moment; return (successes, refusals)."""
    start = threading.Barrier(len(aufgaben))
    erfolge, ablehnungen, fehler = [], [], []

    def lauf(aufgabe):
        try:
            start.wait()
            erfolge.append(aufgabe())
        except Regelverstoss as exc:
            ablehnungen.append(exc.meldung)
        except Exception as exc:  # noqa: BLE001 - any other error fails the test below
            fehler.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=lauf, args=(a,)) for a in aufgaben]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert fehler == []
    return erfolge, ablehnungen


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
