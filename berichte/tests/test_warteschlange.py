"""Publishing runs in the task queue: the request answers at once, the worker renders, and only then, in a short
transaction, the report takes its number; a failed rendering leaves no number used and no file behind."""

import datetime as dt
import io
import time
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from berichte import pdf
from berichte.auftraege import UNERWARTETER_FEHLER
from berichte.fehler import RenderFehler
from berichte.models import Bericht, Nummernkreis, Veroeffentlichungsauftrag
from testhilfen.berichte import worker_laufen
from testhilfen.pdftext import text_aus_pdf
from testhilfen.programme import BewilligungFactory, FoerderprogrammFactory, JahresbudgetFactory, ProjektFactory

JAHR = dt.date.today().year
URL = reverse("berichte:veroeffentlichen", args=["programmjahresbericht"])


@pytest.fixture
def win(gebiet_a):
    programm = FoerderprogrammFactory(kurzname="WiN", stadt=gebiet_a.stadt)
    JahresbudgetFactory(programm=programm, jahr=2016, betrag=Decimal("250000"))
    BewilligungFactory(bewilligt=True, projekt=ProjektFactory(gebiet=gebiet_a, bewilligt=True, titel="Lesepaten"),
                       programm=programm, jahr=2016, gebiet=gebiet_a, betrag_beantragt=Decimal("4321"))
    return programm


def _beauftragen(client, win):
    return client.post(URL, {"programm": win.pk, "jahr": 2016, "oeffentlich": "on", "bestaetigt": "1"})


def _dateien(settings) -> list:
    wurzel = settings.MEDIA_ROOT / "berichte"
    return sorted(p for p in wurzel.rglob("*") if p.is_file()) if wurzel.exists() else []


@pytest.mark.django_db(transaction=True)
def test_the_request_answers_at_once_and_the_worker_publishes(warteschlange, client_als, verwaltung, win,
                                                              monkeypatch):
    gerendert = []
    echt = pdf.pdf_rendern

    def beobachtet(html):
        # What holds while WeasyPrint runs: no transaction open, no number taken yet.
        gerendert.append((connection.in_atomic_block, Nummernkreis.objects.filter(letzte_laufnummer__gt=0).exists()))
        return echt(html)

    monkeypatch.setattr(pdf, "pdf_rendern", beobachtet)
    client = client_als(verwaltung)
    antwort = _beauftragen(client, win)

    auftrag = Veroeffentlichungsauftrag.objects.get()
    assert antwort.status_code == 302 and antwort.url == reverse("berichte:auftrag", args=[auftrag.pk])
    assert gerendert == [] and not Bericht.objects.exists() and DBTaskResult.objects.ready().count() == 1
    seite = client.get(antwort.url).content.decode()
    assert "wartet auf die Erstellung (Platz 1 in der Warteschlange)" in seite and 'data-stand-url="' in seite
    archiv = client.get(reverse("berichte:archiv")).content.decode()
    assert "In Arbeit" in archiv and "Programmjahresbericht: WiN" in archiv

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--worker-id", "test", verbosity=0)

    bericht = Bericht.objects.get()
    assert gerendert == [(False, False)]
    assert bericht.nummer == f"{JAHR}/0001" and f"Nr. {JAHR}/0001" in text_aus_pdf(bericht.datei.read())
    auftrag.refresh_from_db()
    assert auftrag.status == Veroeffentlichungsauftrag.Status.FERTIG and auftrag.bericht == bericht
    stand = client.get(reverse("berichte:auftrag_stand", args=[auftrag.pk])).json()
    assert stand["abgeschlossen"] and f"Nr. {bericht.nummer}</a> veröffentlicht" in stand["html"]
    archiv = client.get(reverse("berichte:archiv")).content.decode()
    assert "In Arbeit" not in archiv and "Programmjahresbericht WiN 2016" in archiv


@pytest.mark.django_db
def test_a_failed_render_leaves_no_number_used_and_no_file(warteschlange, client_als, verwaltung, win,
                                                           monkeypatch, settings):
    def kaputt(html):
        raise RenderFehler("Der Bericht bindet eine Datei außerhalb des Portals ein.")

    monkeypatch.setattr(pdf, "pdf_rendern", kaputt)
    client = client_als(verwaltung)
    auftrag_url = _beauftragen(client, win).url
    assert worker_laufen() == 1

    auftrag = Veroeffentlichungsauftrag.objects.get()
    assert auftrag.status == Veroeffentlichungsauftrag.Status.FEHLGESCHLAGEN
    assert not Bericht.objects.exists() and _dateien(settings) == []
    assert not Nummernkreis.objects.filter(letzte_laufnummer__gt=0).exists()
    assert "Nicht veröffentlicht: Der Bericht bindet eine Datei außerhalb des Portals ein." in client.get(
        auftrag_url).content.decode()

    monkeypatch.undo()
    _beauftragen(client, win)
    worker_laufen()
    assert Bericht.objects.get().nummer == f"{JAHR}/0001"


@pytest.mark.django_db
def test_an_unexpected_error_fails_the_task_and_says_so_in_german(warteschlange, client_als, verwaltung, win,
                                                                  monkeypatch, settings):
    def absturz(html):
        raise MemoryError

    monkeypatch.setattr(pdf, "pdf_rendern", absturz)
    _beauftragen(client_als(verwaltung), win)
    worker_laufen()
    auftrag = Veroeffentlichungsauftrag.objects.get()
    assert auftrag.status == Veroeffentlichungsauftrag.Status.FEHLGESCHLAGEN and auftrag.meldung == UNERWARTETER_FEHLER
    assert DBTaskResult.objects.failed().count() == 1
    assert not Bericht.objects.exists() and _dateien(settings) == []


@pytest.mark.django_db
def test_a_number_taken_while_rendering_makes_the_report_render_again_with_the_next(verwaltung, win, monkeypatch):
    from berichte import services

    echt, nummern = pdf.pdf_rendern, []

    def mit_zwischenfall(html):
        nummern.append(Nummernkreis.objects.filter(jahr=JAHR).values_list("letzte_laufnummer", flat=True).first())
        if len(nummern) == 1:
            # Another publication takes the expected number while this report renders.
            Nummernkreis.objects.create(jahr=JAHR, letzte_laufnummer=1)
        return echt(html)

    monkeypatch.setattr(pdf, "pdf_rendern", mit_zwischenfall)
    bericht = services.bericht_veroeffentlichen(art="programmjahresbericht",
                                                parameter={"programm": win.pk, "jahr": 2016}, oeffentlich=True,
                                                durch=verwaltung)
    assert nummern == [None, 1]
    assert bericht.nummer == f"{JAHR}/0002" and f"Nr. {JAHR}/0002" in text_aus_pdf(bericht.datei.read())
    assert Nummernkreis.objects.get(jahr=JAHR).letzte_laufnummer == 2


@pytest.mark.django_db
def test_the_publishing_page_is_for_staff(client_als, rat, qm_a, verwaltung):
    auftrag = Veroeffentlichungsauftrag.objects.create(art="programmjahresbericht", titel="Programmjahresbericht: X")
    for user, status in ((rat, 403), (qm_a, 403), (verwaltung, 200)):
        assert client_als(user).get(reverse("berichte:auftrag", args=[auftrag.pk])).status_code == status
        assert client_als(user).get(reverse("berichte:auftrag_stand", args=[auftrag.pk])).status_code == status


@pytest.mark.django_db
def test_a_second_click_on_the_confirmation_files_no_second_order(warteschlange, client_als, verwaltung, win):
    client = client_als(verwaltung)
    _beauftragen(client, win)
    antwort = client.post(URL, {"programm": win.pk, "jahr": 2016, "bestaetigt": "1"}, follow=True)
    assert "Dieser Bericht wird schon veröffentlicht" in antwort.content.decode()
    assert Veroeffentlichungsauftrag.objects.count() == 1 and DBTaskResult.objects.count() == 1
    worker_laufen()
    assert Bericht.objects.count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="Mehrere Worker nebeneinander nur auf PostgreSQL")
def test_several_workers_side_by_side_give_consecutive_numbers(warteschlange, verwaltung, gebiet_a, monkeypatch):
    import threading

    from django.db import connections
    from django_tasks_db.management.commands.db_worker import Worker

    from berichte import auftraege

    def schnell(html):
        time.sleep(0.05)
        return pdf.Pdf(daten=b"%PDF-1.4 " + html.encode()[:2000], seiten=1)

    monkeypatch.setattr(pdf, "pdf_rendern", schnell)
    for jahr in range(2016, 2022):
        programm = FoerderprogrammFactory(kurzname=f"P{jahr}", stadt=gebiet_a.stadt)
        auftraege.veroeffentlichung_beauftragen(art="programmjahresbericht",
                                                parameter={"programm": programm.pk, "jahr": jahr},
                                                oeffentlich=True, durch=verwaltung)
    fehler = []

    def worker(nummer):
        # The worker of `manage.py db_worker --batch`, without its signal handlers (those need the main thread).
        try:
            Worker(queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
                   max_tasks=None, worker_id=f"w{nummer}", excluded_queue_names=[]).run()
        except Exception as exc:  # noqa: BLE001 - any error fails the test below
            fehler.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert fehler == []
    assert sorted(Bericht.objects.values_list("laufnummer", flat=True)) == [1, 2, 3, 4, 5, 6]
    assert set(Veroeffentlichungsauftrag.objects.values_list("status", flat=True)) == {"fertig"}
    assert len({w for ids in DBTaskResult.objects.values_list("worker_ids", flat=True) for w in ids}) >= 2


@pytest.mark.django_db
def test_an_order_left_rendering_by_a_killed_worker_is_marked_failed_and_the_page_says_so(
        warteschlange, client_als, verwaltung, win, settings):
    from django.utils import timezone

    from berichte.auftraege import ABGEBROCHEN

    client = client_als(verwaltung)
    _beauftragen(client, win)
    auftrag = Veroeffentlichungsauftrag.objects.get()
    # The worker took the order and died while WeasyPrint ran.
    Veroeffentlichungsauftrag.objects.filter(pk=auftrag.pk).update(
        status=Veroeffentlichungsauftrag.Status.LAEUFT, gestartet_am=timezone.now() - dt.timedelta(minutes=59))
    frisch = Veroeffentlichungsauftrag.objects.create(art="programmjahresbericht", titel="Programmjahresbericht: Y",
                                                      status=Veroeffentlichungsauftrag.Status.LAEUFT,
                                                      gestartet_am=timezone.now())
    call_command("auftraege_aufraeumen", stdout=io.StringIO())
    auftrag.refresh_from_db()
    assert auftrag.status == Veroeffentlichungsauftrag.Status.LAEUFT  # within the hour it may still be rendering

    Veroeffentlichungsauftrag.objects.filter(pk=auftrag.pk).update(gestartet_am=timezone.now() - dt.timedelta(minutes=61))
    ausgabe = io.StringIO()
    call_command("auftraege_aufraeumen", stdout=ausgabe)
    auftrag.refresh_from_db()
    frisch.refresh_from_db()
    assert auftrag.status == Veroeffentlichungsauftrag.Status.FEHLGESCHLAGEN and auftrag.beendet_am is not None
    assert frisch.status == Veroeffentlichungsauftrag.Status.LAEUFT
    assert "Abgebrochen: 1 Veröffentlichung(en) (länger als 60 Minuten)" in ausgabe.getvalue()
    seite = client.get(reverse("berichte:auftrag", args=[auftrag.pk])).content.decode()
    assert f"Nicht veröffentlicht: {ABGEBROCHEN.format(minuten=60)}" in seite
    assert Nummernkreis.objects.filter(letzte_laufnummer__gt=0).count() == 0 and not _dateien(settings)
    # The same report may be ordered again at once.
    assert _beauftragen(client, win).status_code == 302 and Veroeffentlichungsauftrag.objects.offen().count() == 2


@pytest.mark.django_db
def test_the_publishing_page_itself_ends_an_order_left_rendering(client_als, verwaltung, settings):
    from django.utils import timezone

    settings.VEROEFFENTLICHUNG_ZEITLIMIT_MINUTEN = 30
    auftrag = Veroeffentlichungsauftrag.objects.create(
        art="programmjahresbericht", titel="Programmjahresbericht: X", status=Veroeffentlichungsauftrag.Status.LAEUFT,
        gestartet_am=timezone.now() - dt.timedelta(minutes=31))
    stand = client_als(verwaltung).get(reverse("berichte:auftrag_stand", args=[auftrag.pk])).json()
    assert stand["abgeschlossen"] and stand["status"] == "fehlgeschlagen"
    assert "das PDF war nach 30 Minuten noch nicht fertig" in stand["html"]
