"""The login journey with the second factor in Chromium: a staff account sets up its app by the QR
page's secret, keeps its recovery codes, and signs in again with the app's code."""

import shutil
from base64 import b32decode

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from testhilfen.konten import totp_code

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("chromium"), reason="Chromium ist nicht installiert"),
]

AXE = "portal/tests/axe/axe.min.js"


def _passwort(seite, basis):
    seite.goto(basis + reverse("login"))
    seite.get_by_label("Benutzername").fill("verwaltung")
    seite.get_by_label("Passwort").fill("geheim-und-lang-genug")
    seite.get_by_role("button", name="Anmelden").click()


def test_staff_set_up_the_app_and_sign_in_with_its_code(fenster, verwaltung, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    verwaltung.set_password("geheim-und-lang-genug")
    verwaltung.save()
    seite = fenster.seite(skripte=[AXE])
    basis = fenster.basis

    _passwort(seite, basis)
    seite.wait_for_url(basis + reverse("zweiter_faktor_einrichten"))
    assert seite.get_by_role("img", name="QR-Code mit dem Schlüssel für die Authenticator-App").is_visible()
    assert seite.evaluate("axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
                          ".then(r => r.violations.length)") == 0
    # Without the code no page opens.
    seite.goto(basis + reverse("programme:projekte"))
    assert seite.url.startswith(basis + reverse("login"))
    _passwort(seite, basis)
    seite.wait_for_url(basis + reverse("zweiter_faktor_einrichten"))

    schluessel = seite.locator("code.schluessel").inner_text().replace(" ", "")
    app = TOTPDevice(key=b32decode(schluessel + "=" * (-len(schluessel) % 8)).hex())
    seite.get_by_label("Bestätigungscode").fill(totp_code(app))
    seite.get_by_role("button", name="Einrichten").click()
    seite.get_by_text("Der zweite Faktor ist eingerichtet.").wait_for()
    assert seite.locator("ul.codes li").count() == 10
    seite.get_by_role("link", name="Weiter", exact=True).click()
    seite.wait_for_url(basis + "/")
    seite.get_by_role("button", name="Abmelden").click()

    _passwort(seite, basis)
    seite.wait_for_url(basis + reverse("anmeldung_code"))
    seite.get_by_label("Bestätigungscode").fill("000000" if totp_code(app) != "000000" else "111111")
    seite.get_by_role("button", name="Bestätigen").click()
    assert seite.get_by_text("Der Code stimmt nicht").first.is_visible()
    seite.get_by_label("Bestätigungscode").fill(totp_code(app, verschiebung=1))
    seite.get_by_role("button", name="Bestätigen").click()
    seite.wait_for_url(basis + "/")
    seite.get_by_role("link", name="Zweiter Faktor").click()
    assert "noch 10 Wiederherstellungscodes" in seite.locator("main").inner_text()
