"""Races for PostgreSQL tests: callables run in threads released at the same moment."""

import threading

from django.db import connections

from kern.fehler import Regelverstoss


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
