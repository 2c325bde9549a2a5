"""German error pages with DEBUG=0: status, German text, the reason our code gave, navigation."""

import pytest
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client, override_settings
from django.urls import reverse

from portal import fehlerseiten

pytestmark = [pytest.mark.django_db, pytest.mark.urls("portal.tests.fehler_urls")]

NAVIGATION = 'aria-label="Hauptnavigation"'


@pytest.fixture(autouse=True)
def _ohne_debug(settings):
    settings.DEBUG = False


def _text(response) -> str:
    return response.content.decode()


def _ist_deutsche_seite(response, status: int) -> str:
    assert response.status_code == status
    text = _text(response)
    assert '<html lang="de">' in text and "Quartiersportal" in text
    assert f'href="{reverse("start")}"' in text and "Zur Startseite" in text
    return text


def test_403_shows_the_reason_our_code_gave_with_navigation(client_als, rat):
    response = client_als(rat).get(reverse("beteiligung:aufgaben"))
    text = _ist_deutsche_seite(response, 403)
    assert "Kein Zugriff (Fehler 403)" in text
    assert "Aufgaben mit verantwortlichen Personen sehen Verwaltung und Quartiersmanagement." in text
    assert NAVIGATION in text and f'href="{reverse("programme:projekte")}"' in text
    assert "Abmelden" in text


def test_403_from_foreign_code_gets_a_generic_german_text(client_als, verwaltung):
    text = _ist_deutsche_seite(client_als(verwaltung).get("/test/fremd-verweigert/"), 403)
    assert "English detail" not in text
    assert "Für diese Seite oder Aktion fehlt Ihnen die Berechtigung." in text


def test_404_shows_the_reason_our_code_gave_with_navigation(client_als, verwaltung):
    response = client_als(verwaltung).get(reverse("berichte:vorschau", args=["gibt-es-nicht"]))
    text = _ist_deutsche_seite(response, 404)
    assert "Seite nicht gefunden (Fehler 404)" in text
    assert "Diese Berichtsart gibt es nicht." in text
    assert NAVIGATION in text and f'href="{reverse("berichte:archiv")}"' in text


@pytest.mark.parametrize("adresse", ["/gibt-es-nicht/", "/test/fremd-fehlt/"])
def test_404_of_django_names_no_model_or_pattern(client_als, verwaltung, adresse):
    text = _ist_deutsche_seite(client_als(verwaltung).get(adresse), 404)
    assert "Diese Seite gibt es nicht oder nicht mehr" in text
    assert "matches" not in text and "User" not in text and "tried" not in text
    assert NAVIGATION in text


def test_404_for_the_public_offers_the_login(client):
    text = _ist_deutsche_seite(client.get("/gibt-es-nicht/"), 404)
    assert NAVIGATION in text and f'href="{reverse("login")}"' in text
    assert "Abmelden" not in text


def test_a_way_back_to_the_referring_page_of_our_own(client_als, verwaltung):
    client = client_als(verwaltung)
    text = _text(client.get("/gibt-es-nicht/", HTTP_REFERER="http://testserver/projekte/"))
    assert 'href="http://testserver/projekte/"' in text and "Zurück zur vorigen Seite" in text
    text = _text(client.get("/gibt-es-nicht/", HTTP_REFERER="https://fremd.example/"))
    assert "fremd.example" not in text and "Zurück zur vorigen Seite" not in text


def test_400_is_german_with_navigation(client_als, verwaltung):
    text = _ist_deutsche_seite(client_als(verwaltung).get("/test/verdaechtig/"), 400)
    assert "Ungültige Anfrage (Fehler 400)" in text and "Suspicious" not in text
    assert NAVIGATION in text


def test_400_for_an_unknown_host_is_german(client):
    text = _ist_deutsche_seite(client.get("/", HTTP_HOST="fremd.example"), 400)
    assert "Ungültige Anfrage (Fehler 400)" in text


def test_500_is_german_and_tells_no_detail(verwaltung):
    client = Client(raise_request_exception=False)
    client.force_login(verwaltung)
    text = _ist_deutsche_seite(client.get("/test/kaputt/"), 500)
    assert "Ein Fehler ist aufgetreten (Fehler 500)" in text
    assert "geheimes Detail" not in text and "Traceback" not in text


def _kaputter_kontext(request):
    raise RuntimeError("context processor down")


def test_500_needs_no_context_processor_and_no_database(settings, verwaltung):
    vorlagen = [{**settings.TEMPLATES[0], "OPTIONS": {"context_processors": [
        *settings.TEMPLATES[0]["OPTIONS"]["context_processors"], f"{__name__}._kaputter_kontext"]}}]
    client = Client(raise_request_exception=False)
    client.force_login(verwaltung)
    def keine_datenbank(*args, **kwargs):
        raise AssertionError("the 500 page asked the database")

    with override_settings(TEMPLATES=vorlagen), pytest.MonkeyPatch.context() as patch:
        response = client.get("/test/kaputt/")
        patch.setattr(BaseDatabaseWrapper, "cursor", keine_datenbank)
        seite = fehlerseiten.serverfehler(None)
    assert response.status_code == 500 and "Ein Fehler ist aufgetreten" in _text(response)
    assert seite.status_code == 500 and "Ein Fehler ist aufgetreten" in seite.content.decode()


def test_a_failing_context_processor_still_gives_the_german_404(settings, verwaltung):
    vorlagen = [{**settings.TEMPLATES[0], "OPTIONS": {"context_processors": [
        *settings.TEMPLATES[0]["OPTIONS"]["context_processors"], f"{__name__}._kaputter_kontext"]}}]
    client = Client()
    client.force_login(verwaltung)
    with override_settings(TEMPLATES=vorlagen):
        response = client.get(reverse("berichte:vorschau", args=["gibt-es-nicht"]))
    text = _ist_deutsche_seite(response, 404)
    assert "Diese Berichtsart gibt es nicht." in text


def test_a_refused_csrf_token_gets_the_german_403(verwaltung):
    client = Client(enforce_csrf_checks=True)
    client.force_login(verwaltung)
    text = _ist_deutsche_seite(client.post(reverse("logout")), 403)
    assert "Das Formular ist abgelaufen" in text and "CSRF verification failed" not in text
