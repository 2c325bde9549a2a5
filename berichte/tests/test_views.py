"""Archive, downloads, previews, publishing and council papers in the browser."""

import datetime as dt
import hashlib
import logging
import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from berichte.models import Beratung, Bericht, Ratsvorlage
from testhilfen.programme import BewilligungFactory, FoerderprogrammFactory, JahresbudgetFactory, ProjektFactory

from testhilfen.berichte import KLEINES_PDF, BerichtFactory, RatsvorlageFactory
from testhilfen.pdftext import text_aus_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def berichte():
    return {
        "oeffentlich": BerichtFactory(titel="Programmjahresbericht WiN 2016", oeffentlich=True),
        "intern": BerichtFactory(titel="Quartiersprofil Tenever 2026", art="quartiersprofil", oeffentlich=False,
                                 dateiname="Quartiersprofil_Tenever_2026_2026-0002.pdf"),
    }


def test_public_archive_lists_only_public_reports(client_als, anonym, berichte):
    antwort = client_als(anonym).get(reverse("berichte:archiv"))
    inhalt = antwort.content.decode()
    assert antwort.status_code == 200
    assert "Programmjahresbericht WiN 2016" in inhalt and "Quartiersprofil Tenever" not in inhalt
    assert "nichtöffentlich" not in inhalt and 'name="oeffentlich"' not in inhalt


@pytest.mark.parametrize("persona", ["rat", "qm_a", "verwaltung"])
def test_council_staff_and_managers_see_every_published_report(persona, request, client_als, berichte):
    inhalt = client_als(request.getfixturevalue(persona)).get(reverse("berichte:archiv")).content.decode()
    assert "Programmjahresbericht WiN 2016" in inhalt and "Quartiersprofil Tenever" in inhalt


def test_archive_filters_and_a_fixed_number_of_queries(client_als, rat, berichte):
    client = client_als(rat)
    url = reverse("berichte:archiv")
    assert "Quartiersprofil Tenever" not in client.get(url, {"art": "programmjahresbericht"}).content.decode()
    assert "Programmjahresbericht WiN" not in client.get(url, {"oeffentlich": "nein"}).content.decode()
    assert "Programmjahresbericht WiN" in client.get(url, {"oeffentlich": "ja"}).content.decode()
    cache.clear()  # both counts without cached choice lists and row counts (kern.datenstand)
    with CaptureQueriesContext(connection) as wenige:
        client.get(url)
    for _ in range(15):
        BerichtFactory()
    cache.clear()
    with CaptureQueriesContext(connection) as viele:
        client.get(url)
    assert len(viele) == len(wenige)


def test_public_download_has_type_german_name_and_is_checked(client_als, anonym, berichte):
    antwort = client_als(anonym).get(reverse("berichte:pdf", args=[berichte["oeffentlich"].pk]))
    assert antwort.status_code == 200
    assert antwort["Content-Type"] == "application/pdf"
    name = berichte["oeffentlich"].dateiname
    assert antwort["Content-Disposition"] == f"attachment; filename=\"{name}\"; filename*=UTF-8''{name}"
    assert antwort.content == KLEINES_PDF


def test_german_umlauts_in_file_names_get_an_ascii_fallback(client_als, rat):
    bericht = BerichtFactory(art="sozialbericht", dateiname="Sozialbericht-Übersicht_Mönchengladbach_2024_2026-0001.pdf")
    kopf = client_als(rat).get(reverse("berichte:pdf", args=[bericht.pk]))["Content-Disposition"]
    assert kopf == ("attachment; filename=\"Sozialbericht-Uebersicht_Moenchengladbach_2024_2026-0001.pdf\"; "
                    "filename*=UTF-8''Sozialbericht-%C3%9Cbersicht_M%C3%B6nchengladbach_2024_2026-0001.pdf")


def test_the_public_cannot_get_a_non_public_pdf(client_als, anonym, berichte):
    intern = berichte["intern"]
    assert client_als(anonym).get(reverse("berichte:pdf", args=[intern.pk])).status_code == 404
    assert client_als(anonym).get(reverse("berichte:bericht", args=[intern.pk])).status_code == 404


@pytest.mark.parametrize("persona", ["rat", "qm_b", "verwaltung"])
def test_council_managers_and_staff_download_non_public_pdfs(persona, request, client_als, berichte):
    antwort = client_als(request.getfixturevalue(persona)).get(reverse("berichte:pdf", args=[berichte["intern"].pk]))
    assert antwort.status_code == 200 and antwort["Cache-Control"] == "private, no-store"


def test_a_logged_in_user_without_role_is_treated_as_public(client_als, berichte):
    from testhilfen.konten import UserFactory

    ohne_rolle = UserFactory()
    assert client_als(ohne_rolle).get(reverse("berichte:pdf", args=[berichte["intern"].pk])).status_code == 404


def test_a_tampered_file_is_refused_and_logged(client_als, rat, berichte, caplog):
    bericht = berichte["oeffentlich"]
    with open(bericht.datei.path, "r+b") as datei:
        datei.seek(10)
        datei.write(b"X")
    with caplog.at_level(logging.ERROR, logger="berichte.ablage"):
        antwort = client_als(rat).get(reverse("berichte:pdf", args=[bericht.pk]))
    assert antwort.status_code == 409
    assert antwort["Content-Type"].startswith("text/html")
    assert "stimmt nicht mehr mit der veröffentlichten Fassung überein" in antwort.content.decode()
    assert any("Prüfsumme" in r.getMessage() and bericht.sha256 in r.getMessage() for r in caplog.records)


def test_a_missing_file_is_refused_and_logged(client_als, anonym, berichte, caplog):
    bericht = berichte["oeffentlich"]
    bericht.datei.storage.delete(bericht.datei.name)
    with caplog.at_level(logging.ERROR, logger="berichte.ablage"):
        antwort = client_als(anonym).get(reverse("berichte:pdf", args=[bericht.pk]))
    assert antwort.status_code == 409
    assert any("nicht lesbar" in r.getMessage() for r in caplog.records)


@pytest.fixture
def win(gebiet_a):
    programm = FoerderprogrammFactory(kurzname="WiN", stadt=gebiet_a.stadt)
    JahresbudgetFactory(programm=programm, jahr=2016, betrag=Decimal("250000"))
    BewilligungFactory(bewilligt=True, projekt=ProjektFactory(gebiet=gebiet_a, bewilligt=True, titel="Lesepaten"),
                       programm=programm, jahr=2016, gebiet=gebiet_a, betrag_beantragt=Decimal("4321"))
    return programm


def test_staff_preview_in_the_browser_and_as_draft_pdf(client_als, verwaltung, win):
    client = client_als(verwaltung)
    url = reverse("berichte:vorschau", args=["programmjahresbericht"])
    assert "Förderprogramm" in client.get(url).content.decode()
    vorschau = client.get(url, {"programm": win.pk, "jahr": 2016})
    html = vorschau.content.decode()
    assert vorschau.status_code == 200
    assert "Programmjahresbericht WiN 2016" in html and "4.321,00\u00a0€" in html and "Lesepaten" in html
    assert 'class="werkzeugleiste"' in html and "Veröffentlichen" in html and "<svg" in html
    entwurf = client.get(url, {"programm": win.pk, "jahr": 2016, "format": "pdf"})
    assert entwurf["Content-Type"] == "application/pdf"
    text = text_aus_pdf(entwurf.content)
    assert "Entwurf – nicht veröffentlicht" in text and "4.321,00 €" in text
    assert "Veröffentlichen" not in text
    assert not Bericht.objects.exists()


def test_preview_with_bad_parameters_shows_the_form_with_errors(client_als, verwaltung):
    antwort = client_als(verwaltung).get(reverse("berichte:vorschau", args=["programmjahresbericht"]),
                                         {"programm": 999, "jahr": "zwanzig"})
    assert antwort.status_code == 200 and "is-invalid" in antwort.content.decode()
    assert client_als(verwaltung).get(reverse("berichte:vorschau", args=["unbekannt"])).status_code == 404


@pytest.mark.parametrize("persona", ["rat", "qm_a"])
def test_only_staff_preview_and_publish(persona, request, client_als, win):
    client = client_als(request.getfixturevalue(persona))
    assert client.get(reverse("berichte:vorschau", args=["programmjahresbericht"]),
                      {"programm": win.pk, "jahr": 2016}).status_code == 403
    antwort = client.post(reverse("berichte:veroeffentlichen", args=["programmjahresbericht"]),
                          {"programm": win.pk, "jahr": 2016})
    assert antwort.status_code == 403 and not Bericht.objects.exists()


def test_staff_publish_then_correct(client_als, verwaltung, win):
    client = client_als(verwaltung)
    url = reverse("berichte:veroeffentlichen", args=["programmjahresbericht"])
    assert client.get(url).status_code == 405
    antwort = client.post(url, {"programm": win.pk, "jahr": 2016, "oeffentlich": "on", "bestaetigt": "1"})
    bericht = Bericht.objects.get()
    assert antwort.status_code == 302 and antwort.url == reverse("berichte:bericht", args=[bericht.pk])
    assert bericht.oeffentlich and bericht.verfasst_von == verwaltung
    assert hashlib.sha256(bericht.datei.read()).hexdigest() == bericht.sha256
    seite = client.get(antwort.url).content.decode()
    assert f"Nr. {bericht.nummer}" in seite and "Neue Version veröffentlichen" in seite

    antwort = client.post(reverse("berichte:korrigieren", args=[bericht.pk]), {"bestaetigt": "1"})
    neu = Bericht.objects.get(version=2)
    assert antwort.url == reverse("berichte:bericht", args=[neu.pk])
    assert neu.ersetzt == bericht and neu.nummer == bericht.nummer and neu.oeffentlich is False
    antwort = client.post(reverse("berichte:korrigieren", args=[bericht.pk]), {"bestaetigt": "1"}, follow=True)
    assert "schon durch Version 2 ersetzt" in antwort.content.decode()
    assert Bericht.objects.count() == 2


def test_publishing_with_bad_parameters_shows_a_german_message(client_als, verwaltung):
    antwort = client_als(verwaltung).post(reverse("berichte:veroeffentlichen", args=["programmjahresbericht"]),
                                          {"jahr": 2016}, follow=True)
    assert "Die Angaben zum Bericht sind nicht vollständig oder nicht gültig" in antwort.content.decode()
    assert not Bericht.objects.exists()


def test_staff_write_a_council_paper_with_its_consultation_sequence(client_als, verwaltung, stadt):
    client = client_als(verwaltung)
    assert client.get(reverse("berichte:vorlage_neu")).status_code == 200
    daten = {
        "stadt": stadt.pk, "absender": "Der Oberbürgermeister", "zeichen": "III-zi/neu", "datum": "20.11.2019",
        "betreff": "Sozialbericht 2019 - Gerechte Teilhabe", "beschlussentwurf": "Der Rat nimmt Kenntnis.",
        "begruendung": "", "finanzielle_auswirkungen": "", "anlagen": "", "programm": "", "haushaltsjahr": "",
        "beratung-TOTAL_FORMS": "3", "beratung-INITIAL_FORMS": "0", "beratung-MIN_NUM_FORMS": "0",
        "beratung-MAX_NUM_FORMS": "1000",
        "beratung-0-reihenfolge": "1", "beratung-0-gremium_name": "Ausschuss für Soziales, Gesundheit und Senioren",
        "beratung-0-datum": "18.11.2019", "beratung-0-zustaendigkeit": "beratung", "beratung-0-oeffentlich": "on",
        "beratung-1-reihenfolge": "2", "beratung-1-gremium_name": "Rat der Stadt Leverkusen",
        "beratung-1-datum": "16.12.2019", "beratung-1-zustaendigkeit": "entscheidung",
        # an untouched empty row, as the browser sends it
        "beratung-2-reihenfolge": "3", "beratung-2-zustaendigkeit": "beratung", "beratung-2-oeffentlich": "on",
    }
    antwort = client.post(reverse("berichte:vorlage_neu"), daten)
    vorlage = Ratsvorlage.objects.get()
    assert antwort.status_code == 302
    assert antwort.url == f"{reverse('berichte:vorschau', args=['ratsvorlage'])}?vorlage={vorlage.pk}"
    assert vorlage.verfasst_von == verwaltung and vorlage.datum == dt.date(2019, 11, 20)
    zeilen = list(vorlage.beratungen.values_list("gremium_name", "datum", "zustaendigkeit", "oeffentlich"))
    assert zeilen == [("Ausschuss für Soziales, Gesundheit und Senioren", dt.date(2019, 11, 18), "beratung", True),
                      ("Rat der Stadt Leverkusen", dt.date(2019, 12, 16), "entscheidung", False)]
    html = client.get(antwort.url).content.decode()
    assert "Rat der Stadt Leverkusen" in html and "16.12.2019" in html and "nichtöffentlich" in html


def test_a_consultation_row_without_a_body_is_refused(client_als, verwaltung, stadt):
    vorlage = RatsvorlageFactory(stadt=stadt)
    daten = {
        "stadt": stadt.pk, "absender": "Der Oberbürgermeister", "zeichen": "", "datum": "20.11.2019",
        "betreff": vorlage.betreff, "beschlussentwurf": "", "begruendung": "", "finanzielle_auswirkungen": "",
        "anlagen": "", "programm": "", "haushaltsjahr": "",
        "beratung-TOTAL_FORMS": "1", "beratung-INITIAL_FORMS": "0", "beratung-MIN_NUM_FORMS": "0",
        "beratung-MAX_NUM_FORMS": "1000",
        "beratung-0-reihenfolge": "1", "beratung-0-datum": "18.11.2019", "beratung-0-zustaendigkeit": "beratung",
    }
    antwort = client_als(verwaltung).post(reverse("berichte:vorlage_bearbeiten", args=[vorlage.pk]), daten)
    assert antwort.status_code == 200
    assert "Jede Zeile der Beratungsfolge braucht ein Gremium." in antwort.content.decode()
    assert not Beratung.objects.exists()


def test_programme_and_year_of_a_paper_belong_together(client_als, verwaltung, stadt):
    programm = FoerderprogrammFactory(stadt=stadt)
    daten = {"stadt": stadt.pk, "absender": "Der Oberbürgermeister", "datum": "20.11.2019", "betreff": "Mittel",
             "programm": programm.pk, "haushaltsjahr": "",
             "beratung-TOTAL_FORMS": "0", "beratung-INITIAL_FORMS": "0", "beratung-MIN_NUM_FORMS": "0",
             "beratung-MAX_NUM_FORMS": "1000"}
    antwort = client_als(verwaltung).post(reverse("berichte:vorlage_neu"), daten)
    assert antwort.status_code == 200 and "beide oder keines angeben" in antwort.content.decode()
    assert not Ratsvorlage.objects.exists()


def test_errors_of_consultation_rows_are_tied_to_their_fields_and_listed_at_the_top(client_als, verwaltung, stadt):
    daten = {
        "stadt": stadt.pk, "absender": "Der Oberbürgermeister", "datum": "20.11.2019", "betreff": "Mittel",
        "beratung-TOTAL_FORMS": "2", "beratung-INITIAL_FORMS": "0", "beratung-MIN_NUM_FORMS": "0",
        "beratung-MAX_NUM_FORMS": "1000",
        "beratung-0-reihenfolge": "-1", "beratung-0-gremium_name": "Rat", "beratung-0-datum": "kein Datum",
        "beratung-0-zustaendigkeit": "beratung",
        "beratung-1-reihenfolge": "2", "beratung-1-gremium_name": "Ausschuss", "beratung-1-datum": "18.11.2019",
        "beratung-1-zustaendigkeit": "unbekannt",
    }
    html = client_als(verwaltung).post(reverse("berichte:vorlage_neu"), daten).content.decode()
    assert "<title>Fehler: Neue Ratsvorlage" in html
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    verweise = [i for wert in re.findall(r'aria-describedby="([^"]+)"', html) for i in wert.split()]
    assert {"id_beratung-0-reihenfolge_error", "id_beratung-0-datum_error", "id_beratung-1-zustaendigkeit_error"} \
        <= set(verweise)
    assert [i for i in verweise if i not in ids] == []
    for ziel in ("id_beratung-0-reihenfolge", "id_beratung-0-datum", "id_beratung-1-zustaendigkeit"):
        assert f'href="#{ziel}"' in html
    assert "Beratungsfolge, Zeile 1 – Datum: Bitte ein Datum als TT.MM.JJJJ eingeben, zum Beispiel 21.11.2026." in html
    assert not Ratsvorlage.objects.exists()
