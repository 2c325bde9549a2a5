"""Two reminder runs at the same moment on the real server: each reminder still goes out once."""

import datetime as dt
import threading

import pytest
from django.db import connection, connections

from programme.erinnerungen import erinnerungen_senden
from programme.models import Erinnerung
from testhilfen.fristen import bewilligen, programm_mit_budget, projekt_mit_traeger, smtp_server
from testhilfen.quartiere import PersonFactory, QuartiersmanagementFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="gleichzeitige Läufe prüft nur PostgreSQL"),
]


def test_concurrent_runs_send_each_reminder_once(settings, gebiet_a, verwaltung):
    QuartiersmanagementFactory(gebiet=gebiet_a, personen=[PersonFactory(email="qm.a@quartier.example")])
    for i in range(3):
        bewilligen(projekt_mit_traeger(gebiet_a, titel=f"Projekt {i}"), programm_mit_budget(gebiet_a, kurzname=f"P{i}"),
                   verwaltung=verwaltung)
    fach, server = smtp_server(settings)
    start, fehler = threading.Barrier(3), []

    def lauf():
        try:
            start.wait()
            erinnerungen_senden(dt.date(2027, 4, 20))
        except Exception as exc:  # noqa: BLE001 - any error fails the test below
            fehler.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=lauf) for _ in range(3)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        server.stop()
    assert fehler == []
    assert len(fach.mails) == 3 == Erinnerung.objects.count()
    assert len({m["Subject"] for _, m in fach.mails}) == 3
