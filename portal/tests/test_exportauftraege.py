"""Exports beyond a row threshold are written by a worker: the request files an order and shows its page,
the file is offered when stored, only the requester and the administration see it, a failure leaves no file."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from kern import exportauftraege
from kern.exportauftraege import ABGEBROCHEN, UNERWARTETER_FEHLER
from kern.models import Exportauftrag
from programme.models import Projekt
from testhilfen.berichte import worker_laufen
from testhilfen.programme import ProjektFactory

URL = reverse("programme:projekte")


@pytest.fixture
def projekte(gebiet_a, gebiet_b):
    return ([ProjektFactory(gebiet=gebiet_a, titel=f"Laufend A{i}", laufend=True) for i in range(3)]
            + [ProjektFactory(gebiet=gebiet_a, titel="Entwurf A")]
            + [ProjektFactory(gebiet=gebiet_b, titel=f"Laufend B{i}", laufend=True) for i in range(2)])


@pytest.fixture
def schwellen(settings):
    settings.EXPORT_SCHWELLE_CSV = 4
    settings.EXPORT_SCHWELLE_XLSX = 2
    return settings


def _dateien(settings) -> list:
    wurzel = settings.MEDIA_ROOT / "exporte"
    return sorted(p for p in wurzel.rglob("*") if p.is_file()) if wurzel.exists() else []


def _csv_zeilen(inhalt: bytes) -> list[str]:
    return inhalt.decode("utf-8-sig").strip().split("\r\n")


def test_up_to_the_threshold_the_export_streams_in_the_request(client_als, verwaltung, projekte, schwellen):
    schwellen.EXPORT_SCHWELLE_CSV = 5
    antwort = client_als(verwaltung).get(URL, {"status": "laufend", "format": "csv"})
    assert antwort.status_code == 200 and antwort.streaming
    assert len(_csv_zeilen(b"".join(antwort.streaming_content))) == 1 + 5
    assert not Exportauftrag.objects.exists()


def test_beyond_the_threshold_the_export_becomes_an_order_with_exactly_the_filtered_rows(
        client_als, verwaltung, projekte, schwellen):
    client = client_als(verwaltung)
    # 5 running projects: one more than the CSV threshold of 4.
    antwort = client.get(URL, {"status": "laufend", "format": "csv", "seite": "2"})

    auftrag = Exportauftrag.objects.get()
    assert antwort.status_code == 302 and antwort.url == reverse("exporte:auftrag", args=[auftrag.pk])
    assert auftrag.beauftragt_von == verwaltung and auftrag.parameter == {"status": ["laufend"]}
    assert auftrag.status == Exportauftrag.Status.FERTIG and auftrag.zeilen_gesamt == 5
    seite = client.get(antwort.url).content.decode()
    assert "Der Export ist fertig (5 Zeilen)" in seite and reverse("exporte:datei", args=[auftrag.pk]) in seite

    datei = client.get(reverse("exporte:datei", args=[auftrag.pk]))
    assert datei.status_code == 200 and datei["Cache-Control"] == "private, no-store"
    assert datei["Content-Type"] == "text/csv; charset=utf-8" and auftrag.dateiname in datei["Content-Disposition"]
    zeilen = _csv_zeilen(b"".join(datei.streaming_content))
    assert zeilen[0].startswith("Titel;Stadt;Gebiet")
    assert sorted(z.split(";")[0] for z in zeilen[1:]) == ["Laufend A0", "Laufend A1", "Laufend A2",
                                                           "Laufend B0", "Laufend B1"]
    assert len(_dateien(schwellen)) == 1


def test_the_xlsx_threshold_is_its_own_and_the_workbook_has_the_rows_the_requester_may_see(
        client_als, qm_a, projekte, schwellen):
    from openpyxl import load_workbook

    client = client_als(qm_a)
    # The manager of area A sees its 4 projects, not those of B: beyond the XLSX threshold of 2, below CSV's 4.
    assert client.get(URL, {"format": "csv"}).streaming
    antwort = client.get(URL, {"format": "xlsx"})
    auftrag = Exportauftrag.objects.get(format="xlsx")
    assert antwort.status_code == 302 and auftrag.zeilen_gesamt == 4

    datei = client.get(reverse("exporte:datei", args=[auftrag.pk]))
    blatt = load_workbook(io.BytesIO(b"".join(datei.streaming_content))).active
    titel = sorted(zeile[0] for zeile in blatt.iter_rows(min_row=2, values_only=True))
    assert titel == ["Entwurf A", "Laufend A0", "Laufend A1", "Laufend A2"]


@pytest.mark.parametrize("wer, erwartet", [("verwaltung", 200), ("qm_b", 404), ("rat", 404), ("anonym", 302)])
def test_only_the_requester_and_the_administration_see_an_order(client_als, qm_a, projekte, schwellen, wer,
                                                                erwartet, request):
    client_als(qm_a).get(URL, {"format": "xlsx"})
    auftrag = Exportauftrag.objects.get()
    andere = client_als(request.getfixturevalue(wer))
    for name in ("exporte:auftrag", "exporte:auftrag_stand", "exporte:datei"):
        assert andere.get(reverse(name, args=[auftrag.pk])).status_code == erwartet
    assert client_als(qm_a).get(reverse("exporte:auftrag", args=[auftrag.pk])).status_code == 200


def test_a_failing_writer_leaves_the_order_failed_with_a_german_message_and_no_file(
        client_als, verwaltung, projekte, schwellen, monkeypatch):
    echt = exportauftraege.csv_schreiben

    def bricht_ab(ziel, spalten, zeilen, fortschritt=None):
        def erst_zwei():
            for i, zeile in enumerate(zeilen):
                if i == 2:
                    raise OSError("Datenträger voll")
                yield zeile
        return echt(ziel, spalten, erst_zwei(), fortschritt)

    monkeypatch.setattr(exportauftraege, "csv_schreiben", bricht_ab)
    client = client_als(verwaltung)
    antwort = client.get(URL, {"format": "csv"})

    auftrag = Exportauftrag.objects.get()
    assert auftrag.status == Exportauftrag.Status.FEHLGESCHLAGEN and auftrag.meldung == UNERWARTETER_FEHLER
    assert not auftrag.datei and _dateien(schwellen) == []
    assert f"Export fehlgeschlagen: {UNERWARTETER_FEHLER}" in client.get(antwort.url).content.decode()
    assert client.get(reverse("exporte:datei", args=[auftrag.pk])).status_code == 404


def test_with_the_queue_the_page_shows_the_wait_and_the_worker_writes_the_file(
        warteschlange, client_als, verwaltung, projekte, schwellen):
    client = client_als(verwaltung)
    antwort = client.get(URL, {"format": "csv"})
    auftrag = Exportauftrag.objects.get()
    seite = client.get(antwort.url).content.decode()
    assert auftrag.status == Exportauftrag.Status.WARTEND and "wartet auf die Erstellung (Platz 1" in seite
    assert 'src="/static/js/auftrag.js"' in seite and "<script>" not in seite
    assert client.get(reverse("exporte:datei", args=[auftrag.pk])).status_code == 404

    assert worker_laufen() == 1
    auftrag.refresh_from_db()
    assert auftrag.status == Exportauftrag.Status.FERTIG and auftrag.zeilen_fertig == Projekt.objects.count() == 6
    stand = client.get(reverse("exporte:auftrag_stand", args=[auftrag.pk])).json()
    assert stand["abgeschlossen"] and "herunterladen" in stand["html"]


def test_an_order_its_worker_left_running_is_marked_failed(client_als, verwaltung, schwellen):
    alt = Exportauftrag.objects.create(beauftragt_von=verwaltung, art="projekte", titel="Projekte", format="csv",
                                       status=Exportauftrag.Status.LAEUFT,
                                       gestartet_am=timezone.now() - dt.timedelta(minutes=61))
    frisch = Exportauftrag.objects.create(beauftragt_von=verwaltung, art="projekte", titel="Projekte", format="csv",
                                          status=Exportauftrag.Status.LAEUFT, gestartet_am=timezone.now())
    seite = client_als(verwaltung).get(reverse("exporte:auftrag", args=[alt.pk])).content.decode()
    alt.refresh_from_db()
    frisch.refresh_from_db()
    assert alt.status == Exportauftrag.Status.FEHLGESCHLAGEN and ABGEBROCHEN.format(minuten=60) in seite
    assert frisch.status == Exportauftrag.Status.LAEUFT


def test_files_are_removed_after_the_retention_period(client_als, verwaltung, projekte, schwellen):
    client = client_als(verwaltung)
    client.get(URL, {"format": "csv"})
    client.get(URL, {"format": "xlsx"})
    alt, neu = Exportauftrag.objects.order_by("pk")
    Exportauftrag.objects.filter(pk=alt.pk).update(beendet_am=timezone.now() - dt.timedelta(hours=25))
    assert len(_dateien(schwellen)) == 2

    ausgabe = io.StringIO()
    call_command("auftraege_aufraeumen", stdout=ausgabe)

    assert list(Exportauftrag.objects.all()) == [neu] and _dateien(schwellen) == [schwellen.MEDIA_ROOT / neu.datei.name]
    assert "entfernt: 1 Export(e) älter als 24 Stunden" in ausgabe.getvalue()
    assert client.get(reverse("exporte:auftrag", args=[alt.pk])).status_code == 404
