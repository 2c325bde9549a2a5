"""Security headers: Content-Security-Policy, Permissions-Policy, Cache-Control for signed-in users."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from portal.settings import _kachelquelle
from testhilfen.quartiere import PersonFactory

pytestmark = pytest.mark.django_db

VORLAGEN = Path(settings.BASE_DIR) / "templates"


def _richtlinie(antwort) -> dict[str, list[str]]:
    teile = [teil.strip().split() for teil in antwort["Content-Security-Policy"].split(";") if teil.strip()]
    return {teil[0]: teil[1:] for teil in teile}


@pytest.mark.parametrize("persona", ["anonym", "verwaltung"])
def test_csp_allows_no_inline_script_or_style_and_no_framing(request, client_als, persona):
    antwort = client_als(request.getfixturevalue(persona)).get(reverse("login" if persona == "anonym" else "start"))
    assert antwort.status_code == 200
    richtlinie = _richtlinie(antwort)
    assert richtlinie["script-src"] == ["'self'"]
    assert richtlinie["style-src"] == ["'self'"]
    assert richtlinie["default-src"] == ["'self'"] and richtlinie["object-src"] == ["'none'"]
    assert richtlinie["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in antwort["Content-Security-Policy"]
    assert "'unsafe-eval'" not in antwort["Content-Security-Policy"]


def test_error_pages_carry_the_csp_too(client_als, verwaltung, settings):
    settings.DEBUG = False
    antwort = client_als(verwaltung).get("/gibt-es-nicht/")
    assert antwort.status_code == 404 and _richtlinie(antwort)["script-src"] == ["'self'"]


@pytest.mark.parametrize(("url", "quelle"), [
    ("", []),
    ("/kacheln/{z}/{x}/{y}.png", []),
    ("https://tiles.example.org/{z}/{x}/{y}.png", ["https://tiles.example.org"]),
    ("https://{s}.tile.example.org/{z}/{x}/{y}.png", ["https://*.tile.example.org"]),
])
def test_the_map_tile_server_is_an_image_source(url, quelle):
    assert _kachelquelle(url) == quelle


def test_templates_have_no_inline_script_style_or_event_handler():
    funde = []
    for datei in VORLAGEN.rglob("*.html"):
        text = datei.read_text(encoding="utf-8")
        for muster in (r"<script(?![^>]*\bsrc=)[^>]*>", r"<style\b", r"\sstyle=", r"\son[a-z]+=", r"javascript:"):
            funde += [f"{datei.relative_to(VORLAGEN)}: {treffer}" for treffer in re.findall(muster, text)]
    assert funde == []


@pytest.mark.parametrize("persona", ["anonym", "verwaltung"])
def test_permissions_policy_turns_off_camera_microphone_and_location(request, client_als, persona):
    antwort = client_als(request.getfixturevalue(persona)).get(reverse("login" if persona == "anonym" else "start"))
    merkmale = dict(eintrag.strip().split("=") for eintrag in antwort["Permissions-Policy"].split(","))
    for merkmal in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert merkmale[merkmal] == "()"


@pytest.mark.parametrize("url_name", ["start", "programme:projekte", "gebiete:liste", "beteiligung:personen"])
def test_pages_for_signed_in_users_are_never_cached(client_als, verwaltung, url_name):
    antwort = client_als(verwaltung).get(reverse(url_name))
    assert antwort.status_code == 200 and antwort["Cache-Control"] == "private, no-store"


def test_the_person_export_is_never_cached(client_als, verwaltung):
    person = PersonFactory()
    antwort = client_als(verwaltung).get(reverse("beteiligung:person_export", args=[person.pk]))
    assert antwort.status_code == 200 and "attachment" in antwort["Content-Disposition"]
    assert antwort["Cache-Control"] == "private, no-store"


def test_list_exports_are_never_cached(client_als, verwaltung):
    antwort = client_als(verwaltung).get(reverse("programme:projekte") + "?format=csv")
    assert antwort.status_code == 200 and antwort["Content-Type"].startswith("text/csv")
    assert antwort["Cache-Control"] == "private, no-store"


def test_refusals_to_signed_in_users_are_never_cached(client_als, rat):
    antwort = client_als(rat).get(reverse("beteiligung:aufgaben"))
    assert antwort.status_code == 403 and antwort["Cache-Control"] == "private, no-store"


def test_public_pages_for_the_public_keep_their_own_caching(client_als, anonym):
    antwort = client_als(anonym).get(reverse("berichte:archiv"))
    assert antwort.status_code == 200 and "no-store" not in antwort.get("Cache-Control", "")
