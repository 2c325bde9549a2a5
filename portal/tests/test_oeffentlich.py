"""The public part: the start page for visitors, the accessibility statement, the feedback form for
barriers and the page in Leichte Sprache."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.models import Barrieremeldung
from portal.oeffentlich import MELDUNGEN_JE_ADRESSE_UND_STUNDE
from testhilfen.berichte import BerichtFactory, RatsvorlageFactory
from testhilfen.beteiligung import GremiumFactory, SitzungFactory, TeilnahmeFactory
from testhilfen.quartiere import GebietFactory, PersonFactory, StadtFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def berichte(stadt, gebiet_a):
    andere = StadtFactory(name="Andersheim")
    return {
        "alt": BerichtFactory(titel="Sozialbericht Musterstadt 2019", art="sozialbericht", gebiet=stadt, jahr=2019,
                              datum=dt.date(2019, 11, 20), oeffentlich=True),
        "neu": BerichtFactory(titel="Programmjahresbericht WiN 2025", gebiet=gebiet_a, jahr=2026,
                              datum=dt.date(2026, 3, 1), oeffentlich=True),
        "anderswo": BerichtFactory(titel="Quartiersprofil Andersdorf", art="quartiersprofil", jahr=2026,
                                   datum=dt.date(2026, 2, 1), gebiet=GebietFactory(parent=andere, name="Andersdorf"),
                                   oeffentlich=True),
        "vorlage": BerichtFactory(titel="Ratsvorlage Verfügungsfonds", art="ratsvorlage", jahr=2026,
                                  datum=dt.date(2026, 1, 15), vorlage=RatsvorlageFactory(stadt=stadt),
                                  oeffentlich=True),
        "intern": BerichtFactory(titel="Quartiersprofil Tenever intern", art="quartiersprofil", jahr=2026,
                                 oeffentlich=False),
    }


def _titel(antwort) -> list[str]:
    """The report titles of the list on the public start page, in their order."""
    html = antwort.content.decode()
    liste = html.split('id="oeffentliche-berichte"', 1)[1].split("</ul>", 1)[0]
    return [teil.split("</a>", 1)[0].rsplit(">", 1)[1] for teil in liste.split('class="fw-semibold"')[1:]]


def test_the_public_start_page_lists_public_reports_newest_first_to_an_anonymous_client(client, berichte):
    antwort = client.get(reverse("start"))
    assert antwort.status_code == 200
    assert _titel(antwort) == ["Programmjahresbericht WiN 2025", "Quartiersprofil Andersdorf",
                               "Ratsvorlage Verfügungsfonds", "Sozialbericht Musterstadt 2019"]
    html = antwort.content.decode()
    assert "Tenever intern" not in html
    assert reverse("berichte:pdf", args=[berichte["neu"].pk]) in html
    assert reverse("berichte:pdf", args=[berichte["intern"].pk]) not in html
    # What the portal is and the ways in: statement, OParl, login.
    assert "Quartiersportal der Sozialplanung" in html
    for ziel in ("barrierefreiheit", "barrierefreiheit_melden", "leichte_sprache", "login", "oparl:system"):
        assert f'href="{reverse(ziel)}"' in html, ziel


def test_a_withdrawn_report_and_meeting_leave_the_public_start_page(client, berichte, stadt, verwaltung):
    from berichte.services import bericht_zurueckziehen
    from beteiligung.veroeffentlichung import sitzung_zurueckziehen
    sitzung = SitzungFactory(gremium=GremiumFactory(gebiet=stadt), titel="Forum zum Zurückziehen",
                             datum=dt.date(2026, 1, 10), oeffentlich=True)
    assert "Forum zum Zurückziehen" in client.get(reverse("start")).content.decode()
    bericht_zurueckziehen(bericht=berichte["neu"], grund="Zahlen fehlerhaft", durch=verwaltung)
    sitzung_zurueckziehen(sitzung=sitzung, grund="Falsch angekündigt", durch=verwaltung)
    html = client.get(reverse("start")).content.decode()
    assert "Programmjahresbericht WiN 2025" not in html and "Forum zum Zurückziehen" not in html
    assert "Sozialbericht Musterstadt 2019" in html


@pytest.mark.parametrize(("abfrage", "erwartet"), [
    ({"q": "win"}, ["Programmjahresbericht WiN 2025"]),
    ({"stadt": "andersheim"}, ["Quartiersprofil Andersdorf"]),
    ({"stadt": "musterstadt"}, ["Programmjahresbericht WiN 2025", "Ratsvorlage Verfügungsfonds",
                                "Sozialbericht Musterstadt 2019"]),
    ({"art": "quartiersprofil"}, ["Quartiersprofil Andersdorf"]),
    ({"jahr": "2019"}, ["Sozialbericht Musterstadt 2019"]),
    ({"q": "bericht", "jahr": "2026", "stadt": "musterstadt"}, ["Programmjahresbericht WiN 2025"]),
])
def test_the_public_reports_are_searched_by_title_city_kind_and_year(client, berichte, abfrage, erwartet):
    staedte = {"musterstadt": berichte["alt"].gebiet.pk, "andersheim": berichte["anderswo"].gebiet.parent.pk}
    if "stadt" in abfrage:
        abfrage = {**abfrage, "stadt": staedte[abfrage["stadt"]]}
    antwort = client.get(reverse("start"), abfrage)
    assert antwort.status_code == 200
    assert _titel(antwort) == erwartet


@pytest.mark.parametrize("abfrage", [
    {"jahr": "zweitausend"}, {"jahr": "1800"}, {"stadt": "999999"}, {"stadt": "x"}, {"art": "bescheid"},
    {"q": "x" * 500}, {"seite": "-3"}, {"seite": "viele"},
])
def test_bad_search_values_get_a_german_message_and_never_an_error_page(client, berichte, abfrage):
    antwort = client.get(reverse("start"), abfrage)
    assert antwort.status_code == 200
    html = antwort.content.decode()
    if "seite" not in abfrage:
        assert 'id="formularfehler"' in html
        assert "<title>Fehler: " in html
        assert any(text in html for text in ("keine gültige Auswahl", "höchstens 200 Zeichen")), html
    # The list stays as without the wrong value, public reports only.
    assert "Tenever intern" not in html
    assert "Programmjahresbericht WiN 2025" in html


def test_the_valid_values_of_a_search_still_filter_beside_a_wrong_one(client, berichte):
    antwort = client.get(reverse("start"), {"q": "WiN", "jahr": "zweitausend"})
    assert 'id="formularfehler"' in antwort.content.decode()
    assert _titel(antwort) == ["Programmjahresbericht WiN 2025"]


def test_the_public_start_page_shows_public_meetings_without_names(client, stadt):
    gremium = GremiumFactory(gebiet=stadt, name="Bürgerforum Musterstadt")
    oeffentlich = SitzungFactory(gremium=gremium, titel="Bürgerversammlung im Frühjahr", oeffentlich=True,
                                 datum=dt.date.today() + dt.timedelta(days=10), ort="Stadtteilhaus")
    SitzungFactory(gremium=gremium, titel="Vorbereitung im Steuerungskreis", oeffentlich=False,
                   datum=dt.date.today() + dt.timedelta(days=5))
    TeilnahmeFactory(sitzung=oeffentlich, person=PersonFactory(vorname="Erika", nachname="Mustermann"))
    html = client.get(reverse("start")).content.decode()
    assert "Bürgerversammlung im Frühjahr" in html and "Stadtteilhaus" in html and "Bürgerforum Musterstadt" in html
    assert "Vorbereitung im Steuerungskreis" not in html
    assert "Mustermann" not in html


def test_logged_in_roles_keep_their_own_start_page(client_als, verwaltung, rat, berichte):
    assert "Übersicht der Sozialplanung" in client_als(verwaltung).get(reverse("start")).content.decode()
    assert "Übersicht für Rat und Ausschüsse" in client_als(rat).get(reverse("start")).content.decode()


def test_the_login_page_links_to_the_public_start_page(client, db):
    html = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("start")}">öffentliche Startseite' in html


def test_the_oparl_system_website_is_the_public_start_page(client, berichte):
    website = client.get(reverse("oparl:system")).json()["website"]
    antwort = client.get(website.removeprefix("http://testserver"))
    assert antwort.status_code == 200
    assert "Öffentliche Berichte" in antwort.content.decode()


@pytest.mark.parametrize("name", ["start", "login", "barrierefreiheit", "leichte_sprache", "berichte:archiv"])
def test_every_page_links_statement_feedback_and_easy_language_in_its_footer(client, db, name):
    html = client.get(reverse(name)).content.decode()
    fuss = html.split("<footer", 1)[1]
    for ziel in ("barrierefreiheit", "barrierefreiheit_melden", "leichte_sprache"):
        assert f'href="{reverse(ziel)}"' in fuss, ziel


def test_a_german_error_page_links_the_statement_too(client, db):
    antwort = client.get("/gibt-es-nicht/")
    assert antwort.status_code == 404
    assert f'href="{reverse("barrierefreiheit")}"' in antwort.content.decode().split("<footer", 1)[1]


def test_the_accessibility_statement_names_state_gaps_feedback_and_arbitration(client, db):
    antwort = client.get(reverse("barrierefreiheit"))
    assert antwort.status_code == 200
    html = antwort.content.decode()
    for abschnitt in ("Stand der Vereinbarkeit", "Nicht barrierefreie Inhalte", "Erstellung dieser Erklärung",
                      "Feedback und Kontakt", "Schlichtungsverfahren", "BITV 2.0",
                      "https://www.schlichtungsstelle-bgg.de/", reverse("barrierefreiheit_melden")):
        assert abschnitt in html, abschnitt


def test_the_page_in_easy_language_explains_the_public_part(client, db):
    antwort = client.get(reverse("leichte_sprache"))
    assert antwort.status_code == 200
    html = antwort.content.decode()
    assert "Leichter Sprache" in html and "Sie brauchen keine Anmeldung." in html
    assert f'href="{reverse("barrierefreiheit_melden")}"' in html


MELDUNG = {"seite": "/berichte/", "beschreibung": "Der Knopf „Filtern“ ist mit dem Bildschirmleser nicht zu finden.",
           "name": "Erika Mustermann", "email": "erika@example.org"}


def test_anyone_reports_a_barrier_and_staff_see_it_with_its_deadline(client, client_als, verwaltung):
    antwort = client.post(reverse("barrierefreiheit_melden"), MELDUNG, follow=True)
    assert antwort.status_code == 200
    assert "Vielen Dank für Ihre Meldung" in antwort.content.decode()
    meldung = Barrieremeldung.objects.get()
    assert meldung.beschreibung == MELDUNG["beschreibung"] and meldung.email == "erika@example.org"
    assert meldung.absender_schluessel and "127.0.0.1" not in meldung.absender_schluessel

    liste = client_als(verwaltung).get(reverse("barrierefreiheit_meldungen")).content.decode()
    assert "Bildschirmleser nicht zu finden" in liste and "erika@example.org" in liste
    assert (meldung.created.date() + dt.timedelta(days=30)).strftime("%d.%m.%Y") in liste
    start = client_als(verwaltung).get(reverse("start")).content.decode()
    assert 'data-zeile="barrieremeldungen"' in start
    korb = client_als(verwaltung).get(reverse("arbeitskorb")).content.decode()
    assert "Meldungen zur Barrierefreiheit zu beantworten" in korb and "Bildschirmleser nicht zu finden" in korb


@pytest.mark.parametrize("persona", ["rat", "qm_a", "anonym"])
def test_only_staff_read_the_feedback(persona, request, client_als):
    Barrieremeldung.objects.create(beschreibung="Kontrast zu schwach", absender_schluessel="x")
    antwort = client_als(request.getfixturevalue(persona)).get(reverse("barrierefreiheit_meldungen"))
    assert antwort.status_code in (302, 403)
    assert "Kontrast zu schwach" not in antwort.content.decode()


@pytest.mark.parametrize("daten", [
    {},
    {"beschreibung": "   "},
    {"beschreibung": "Zu klein", "email": "keine-adresse"},
    {"beschreibung": "x" * 5001},
    {"beschreibung": "Text", "seite": "s" * 501},
])
def test_bad_feedback_gets_german_messages_and_stores_nothing(client, db, daten):
    antwort = client.post(reverse("barrierefreiheit_melden"), daten)
    assert antwort.status_code == 200
    html = antwort.content.decode()
    assert 'id="formularfehler"' in html and "<title>Fehler: " in html
    assert Barrieremeldung.objects.count() == 0


def test_a_filled_honeypot_looks_like_success_but_stores_nothing(client, db):
    antwort = client.post(reverse("barrierefreiheit_melden"), {**MELDUNG, "homepage": "http://spam.example"},
                          follow=True)
    assert "Vielen Dank für Ihre Meldung" in antwort.content.decode()
    assert Barrieremeldung.objects.count() == 0


def test_one_address_may_send_only_a_few_messages_an_hour(client, db):
    for _ in range(MELDUNGEN_JE_ADRESSE_UND_STUNDE):
        assert client.post(reverse("barrierefreiheit_melden"), MELDUNG).status_code == 302
    antwort = client.post(reverse("barrierefreiheit_melden"), MELDUNG)
    assert antwort.status_code == 429
    assert "später noch einmal" in antwort.content.decode()
    assert Barrieremeldung.objects.count() == MELDUNGEN_JE_ADRESSE_UND_STUNDE
    # Another address is not held up by it.
    assert client.post(reverse("barrierefreiheit_melden"), MELDUNG, REMOTE_ADDR="10.1.2.3").status_code == 302


def test_the_public_start_page_runs_a_fixed_number_of_queries(client, stadt):
    def zaehlen() -> int:
        with CaptureQueriesContext(connection) as abfragen:
            assert client.get(reverse("start")).status_code == 200
        return len(abfragen)

    gremium = GremiumFactory(gebiet=stadt)
    BerichtFactory(gebiet=stadt)
    SitzungFactory(gremium=gremium, oeffentlich=True)
    wenige = zaehlen()
    for _ in range(6):
        BerichtFactory(gebiet=GebietFactory(parent=StadtFactory()))
        SitzungFactory(gremium=GremiumFactory(gebiet=GebietFactory(parent=stadt)), oeffentlich=True)
    assert zaehlen() == wenige
