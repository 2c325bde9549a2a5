"""End-to-end in Debian's Chromium: a 768 px tablet, the keyboard, and form errors beside the field."""

import shutil

import pytest
from django.urls import reverse

from testhilfen.konten import app_einrichten, im_browser_anmelden
from testhilfen.programme import ProjektFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("chromium"), reason="Chromium ist nicht installiert"),
]


@pytest.fixture
def tablet(browser):
    context = browser.new_context(viewport={"width": 768, "height": 1024}, locale="de-DE")
    seite = context.new_page()
    fremde_anfragen = []
    seite.on("request", lambda r: fremde_anfragen.append(r.url)
             if not r.url.startswith(("http://localhost", "http://127.0.0.1", "data:")) else None)
    yield seite
    context.close()
    assert fremde_anfragen == [], f"Anfragen an Dritte: {fremde_anfragen}"


def passt_in_die_breite(seite) -> bool:
    return seite.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_manager_logs_in_by_keyboard_and_records_a_project_on_a_tablet(live_server, tablet, qm_a, gebiet_a, tmp_path):
    qm_a.set_password("geheim-123")
    qm_a.save()
    ProjektFactory(gebiet=gebiet_a, titel="Sprachcafé im Quartier")
    tablet.goto(live_server.url + reverse("login"))
    assert passt_in_die_breite(tablet)
    # The user name field has the focus; the rest is reached with the Tab key only.
    assert tablet.evaluate("document.activeElement.id") == "id_username"
    tablet.keyboard.type("qm_a")
    tablet.keyboard.press("Tab")
    tablet.keyboard.type("geheim-123")
    tablet.keyboard.press("Enter")
    tablet.wait_for_url(live_server.url + "/")
    assert tablet.get_by_role("heading", name="Mein Quartier").is_visible()
    assert passt_in_die_breite(tablet)
    tablet.keyboard.press("Tab")
    assert tablet.evaluate("document.activeElement.textContent").strip() == "Zum Inhalt springen"
    tablet.keyboard.press("Enter")
    assert tablet.evaluate("document.activeElement.id") == "inhalt"
    tablet.screenshot(path=tmp_path / "browser-start-qm.png", full_page=True)

    tablet.goto(live_server.url + reverse("programme:projekte"))
    assert tablet.get_by_role("link", name="Sprachcafé im Quartier").is_visible()
    assert passt_in_die_breite(tablet)

    tablet.get_by_role("link", name="Projekt erfassen").first.click()
    tablet.locator("#id_titel").fill("Nachbarschaftsgarten")
    tablet.locator("#id_beginn").fill("2026-05-01")
    tablet.locator("#id_ende").fill("2026-04-01")
    tablet.locator("#id_gesamtkosten").fill("1.234,56")
    tablet.get_by_role("button", name="Speichern").click()
    ende = tablet.locator("#id_ende")
    assert ende.get_attribute("aria-invalid") == "true"
    fehler_id = ende.get_attribute("aria-describedby")
    assert "Das Ende darf nicht vor dem Beginn liegen." in tablet.locator(f"#{fehler_id}").inner_text()
    assert tablet.get_by_role("alert").first.is_visible()
    assert passt_in_die_breite(tablet)
    tablet.screenshot(path=tmp_path / "browser-formularfehler.png", full_page=True)

    tablet.locator("#id_ende").fill("2026-10-31")
    tablet.get_by_role("button", name="Speichern").click()
    tablet.wait_for_selector("#projektstatus")
    assert tablet.locator("#projektstatus").inner_text() == "Entwurf"
    assert "1.234,56" in tablet.content()


def test_navigation_collapses_and_opens_by_keyboard(live_server, tablet, verwaltung, client_als):
    verwaltung.set_password("geheim-123")
    verwaltung.save()
    app_einrichten(verwaltung)
    im_browser_anmelden(tablet, live_server.url, "verwaltung", "geheim-123")
    menue = tablet.get_by_role("button", name="Navigation ein- oder ausblenden")
    assert menue.is_visible()
    menue.focus()
    tablet.keyboard.press("Enter")
    tablet.get_by_role("link", name="Projekte").wait_for(state="visible")
    programme = tablet.get_by_role("button", name="Programme")
    programme.focus()
    tablet.keyboard.press("Enter")
    assert programme.get_attribute("aria-expanded") == "true"
    tablet.keyboard.press("ArrowDown")
    assert tablet.evaluate("document.activeElement.textContent").strip() == "Förderprogramme"
    tablet.keyboard.press("Enter")
    tablet.wait_for_url(live_server.url + reverse("programme:programme"))
    assert tablet.get_by_role("heading", name="Förderprogramme").is_visible()
