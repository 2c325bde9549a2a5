"""The Content-Security-Policy breaks no script and no style of the portal, in Debian's Chromium."""

import shutil

import pytest
from django.urls import reverse

from testhilfen.konten import app_einrichten, im_browser_anmelden
from testhilfen.quartiere import GebietFactory

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("chromium"), reason="Chromium ist nicht installiert"),
]

# Init scripts come from the browser's devtools, so the policy does not stop this one.
VERSTOESSE_MITSCHREIBEN = """
window.__cspVerstoesse = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspVerstoesse.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber);
});
"""


@pytest.fixture
def seite():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
        context.add_init_script(VERSTOESSE_MITSCHREIBEN)
        seite = context.new_page()
        meldungen = []
        seite.on("console", lambda m: meldungen.append(m.text) if "Content Security Policy" in m.text else None)
        seite.on("pageerror", lambda fehler: meldungen.append(f"Skriptfehler: {fehler}"))
        yield seite
        context.close()
        browser.close()
        assert meldungen == []


def _verstoesse(seite) -> list[str]:
    return seite.evaluate("window.__cspVerstoesse")


def _anmelden(live_server, seite, user):
    user.set_password("geheim-und-lang-genug")
    user.save()
    app_einrichten(user)
    im_browser_anmelden(seite, live_server.url, user.username, "geheim-und-lang-genug")
    assert _verstoesse(seite) == []


def test_the_map_draws_its_areas_under_the_policy(live_server, seite, verwaltung, stadt):
    for i in range(3):
        x = 8.0 + i * 0.01
        GebietFactory(parent=stadt, name=f"Gebiet {i}", besonders_belastet=i == 1, grenze={
            "type": "Polygon", "coordinates": [[[x, 53.0], [x + 0.009, 53.0], [x + 0.009, 53.009], [x, 53.0]]]})
    _anmelden(live_server, seite, verwaltung)
    seite.goto(live_server.url + reverse("gebiete:karte"))
    seite.wait_for_selector("#karte path.leaflet-interactive")
    assert seite.locator("#karte path.leaflet-interactive").count() == 3
    assert seite.locator("#legende svg.farbfeld rect").first.get_attribute("fill").startswith("#")
    # Leaflet's own stylesheet applies: the map pane is positioned by it.
    assert seite.evaluate("getComputedStyle(document.querySelector('.leaflet-pane')).position") == "absolute"
    seite.locator("#karte path.leaflet-interactive").first.click()
    seite.wait_for_selector(".leaflet-popup-content a")
    assert _verstoesse(seite) == []


def test_navigation_forms_and_admin_work_under_the_policy(live_server, seite, verwaltung):
    verwaltung.is_staff = verwaltung.is_superuser = True
    verwaltung.save()
    _anmelden(live_server, seite, verwaltung)
    programme = seite.get_by_role("button", name="Programme")
    programme.click()
    assert programme.get_attribute("aria-expanded") == "true"  # Bootstrap's script runs

    seite.goto(live_server.url + reverse("berichte:vorlage_neu"))
    assert seite.locator("td.spalte-datum").count() >= 1
    assert seite.evaluate("getComputedStyle(document.querySelector('td.spalte-datum')).width") == "144px"

    seite.goto(live_server.url + reverse("admin:index"))
    assert seite.get_by_role("heading", name="Website-Verwaltung").is_visible()
    seite.goto(live_server.url + reverse("admin:auth_user_add"))
    seite.wait_for_selector("#id_username")
    assert _verstoesse(seite) == []
