"""Publishing: numbers per year without gaps or duplicates, stored PDFs that never change."""

import datetime as dt
import hashlib
import threading
import time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from berichte import pdf, services
from berichte.fehler import ParameterFehler, RenderFehler, VeroeffentlichungAbgelehnt
from berichte.models import Bericht, Nummernkreis
from testhilfen.programme import BewilligungFactory, FoerderprogrammFactory, JahresbudgetFactory, ProjektFactory

from testhilfen.pdftext import text_aus_pdf

JAHR = dt.date.today().year


@pytest.fixture
def win(gebiet_a):
    programm = FoerderprogrammFactory(kurzname="WiN", name="Wohnen in Nachbarschaften", stadt=gebiet_a.stadt)
    JahresbudgetFactory(programm=programm, jahr=2016, betrag=Decimal("100000"))
    BewilligungFactory(bewilligt=True, projekt=ProjektFactory(gebiet=gebiet_a, bewilligt=True), programm=programm,
                       jahr=2016, gebiet=gebiet_a, betrag_beantragt=Decimal("12345.67"))
    return programm


def veroeffentlichen(programm, durch, **kwargs):
    return services.bericht_veroeffentlichen(art="programmjahresbericht",
                                             parameter={"programm": programm.pk, "jahr": 2016},
                                             oeffentlich=kwargs.pop("oeffentlich", True), durch=durch, **kwargs)


def gespeicherte_dateien(settings) -> list:
    wurzel = settings.MEDIA_ROOT
    return sorted(p for p in wurzel.rglob("*") if p.is_file()) if wurzel.exists() else []


@pytest.mark.django_db
def test_publishing_stores_the_pdf_with_number_hash_pages_and_filters(win, verwaltung):
    bericht = veroeffentlichen(win, verwaltung)

    assert bericht.nummer == f"{JAHR}/0001"
    assert (bericht.jahr, bericht.laufnummer, bericht.version, bericht.ersetzt) == (JAHR, 1, 1, None)
    daten = bericht.datei.read()
    assert daten.startswith(b"%PDF")
    assert hashlib.sha256(daten).hexdigest() == bericht.sha256
    assert bericht.dateigroesse == len(daten) and bericht.seiten >= 1
    assert bericht.parameter == {"programm": win.pk, "jahr": 2016}
    assert bericht.programm == win and bericht.verfasst_von == verwaltung and bericht.oeffentlich
    assert bericht.dateiname == f"Programmjahresbericht_WiN_2016_{JAHR}-0001.pdf"
    text = text_aus_pdf(daten)
    assert f"Nr. {JAHR}/0001 · " in text and "12.345,67 €" in text


@pytest.mark.django_db
def test_numbers_follow_each_other_and_start_again_each_year(win, verwaltung):
    nummern = [veroeffentlichen(win, verwaltung, datum=dt.date(2025, 12, 31)).nummer for _ in range(3)]
    nummern.append(veroeffentlichen(win, verwaltung, datum=dt.date(2026, 1, 2)).nummer)
    assert nummern == ["2025/0001", "2025/0002", "2025/0003", "2026/0001"]


@pytest.mark.django_db
def test_a_city_can_continue_its_own_numbering(win, verwaltung):
    Nummernkreis.objects.create(jahr=2019, letzte_laufnummer=3029)
    assert veroeffentlichen(win, verwaltung, datum=dt.date(2019, 11, 20)).nummer == "2019/3030"


@pytest.mark.django_db
def test_a_failed_rendering_takes_no_number_and_leaves_no_file(win, verwaltung, monkeypatch, settings):
    def kaputt(html):
        raise RenderFehler("Der Bericht wurde nicht erzeugt.")

    monkeypatch.setattr(pdf, "pdf_rendern", kaputt)
    with pytest.raises(RenderFehler):
        veroeffentlichen(win, verwaltung)
    monkeypatch.undo()
    assert not Bericht.objects.exists()
    assert veroeffentlichen(win, verwaltung).laufnummer == 1


@pytest.mark.django_db
def test_a_refused_row_removes_the_file_it_had_stored(win, verwaltung, monkeypatch, settings):
    def ungueltig(self, *args, **kwargs):
        raise ValidationError("kaputt")

    monkeypatch.setattr(Bericht, "full_clean", ungueltig)
    with pytest.raises(ValidationError):
        veroeffentlichen(win, verwaltung)
    assert gespeicherte_dateien(settings) == []
    assert not Nummernkreis.objects.filter(letzte_laufnummer__gt=0).exists()


@pytest.mark.django_db
def test_wrong_parameters_are_refused_in_german_and_store_nothing(verwaltung):
    with pytest.raises(ParameterFehler) as fehler:
        services.bericht_veroeffentlichen(art="programmjahresbericht", parameter={"jahr": 2016}, oeffentlich=True,
                                          durch=verwaltung)
    assert fehler.value.meldung.startswith("Die Angaben zum Bericht sind nicht vollständig oder nicht gültig")
    assert "Förderprogramm" in fehler.value.meldung
    with pytest.raises(ParameterFehler, match="Die Berichtsart „jahresrueckblick“ gibt es nicht"):
        services.bericht_veroeffentlichen(art="jahresrueckblick", parameter={}, oeffentlich=True, durch=verwaltung)
    assert not Bericht.objects.exists() and not Nummernkreis.objects.exists()


@pytest.mark.django_db
def test_a_correction_is_a_new_version_and_the_old_pdf_stays(win, verwaltung, gebiet_a):
    alt = veroeffentlichen(win, verwaltung, oeffentlich=False)
    alte_daten = alt.datei.read()
    BewilligungFactory(bewilligt=True, projekt=ProjektFactory(gebiet=gebiet_a, bewilligt=True), programm=win,
                       jahr=2016, gebiet=gebiet_a, betrag_beantragt=Decimal("1000"))

    neu = services.bericht_korrigieren(bericht=alt, durch=verwaltung)

    assert (neu.nummer, neu.version, neu.ersetzt) == (alt.nummer, 2, alt)
    assert neu.oeffentlich is False and neu.dateiname.endswith(f"{JAHR}-0001_v2.pdf")
    neuer_text = text_aus_pdf(neu.datei.read())
    assert "13.345,67 €" in neuer_text and f"Nr. {alt.nummer} (Version 2)" in neuer_text
    alt.refresh_from_db()
    assert alt.datei.read() == alte_daten and hashlib.sha256(alte_daten).hexdigest() == alt.sha256
    assert Nummernkreis.objects.get(jahr=JAHR).letzte_laufnummer == 1
    with pytest.raises(VeroeffentlichungAbgelehnt, match="schon durch Version 2 ersetzt"):
        services.bericht_korrigieren(bericht=alt, durch=verwaltung)
    assert Bericht.objects.count() == 2


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="Zeilensperren wirken nur auf PostgreSQL")
def test_concurrent_publishing_gives_distinct_consecutive_numbers(gebiet_a, verwaltung, monkeypatch):
    programm = FoerderprogrammFactory(kurzname="WiN", stadt=gebiet_a.stadt)
    JahresbudgetFactory(programm=programm, jahr=2016, betrag=Decimal("100000"))

    def langsam(html):
        # Long enough that every thread is waiting for the lock while the first one renders.
        time.sleep(0.05)
        return pdf.Pdf(daten=b"%PDF-1.4 " + html.encode()[:2000], seiten=1)

    monkeypatch.setattr(pdf, "pdf_rendern", langsam)
    anzahl = 8
    start, nummern, fehler = threading.Barrier(anzahl), [], []

    def lauf():
        try:
            start.wait()
            nummern.append(veroeffentlichen(programm, verwaltung).laufnummer)
        except Exception as exc:  # noqa: BLE001 - any error fails the test below
            fehler.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=lauf) for _ in range(anzahl)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert fehler == []
    assert sorted(nummern) == list(range(1, anzahl + 1))
    assert Nummernkreis.objects.get(jahr=JAHR).letzte_laufnummer == anzahl
    assert Bericht.objects.values("laufnummer").distinct().count() == anzahl


@pytest.mark.django_db
def test_a_published_report_cannot_be_changed_in_place(win, verwaltung):
    bericht = veroeffentlichen(win, verwaltung)
    bericht.sha256 = "0" * 64
    with pytest.raises(ValidationError, match="Ein veröffentlichter Bericht wird nicht verändert"):
        bericht.save()
    bericht.refresh_from_db()
    bericht.titel = "Programmjahresbericht WiN 2016 (Titel berichtigt)"
    bericht.save()
