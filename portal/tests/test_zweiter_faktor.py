"""The second factor: no page with the password alone where a device is set up or required, a code
from the app (computed here from the device key) completes the login once, recovery codes work once,
wrong codes count toward the lockout, and the administration resets a lost device."""

import re

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.anmeldeschutz import GESPERRT_MELDUNG
from portal.anmeldung import FALSCHER_CODE
from portal.zweiter_faktor import ERNEUT_ANMELDEN
from testhilfen.konten import app_einrichten, totp_code

PASSWORT = "richtig-und-lang-genug"


@pytest.fixture(autouse=True)
def _ohne_wartezeit(settings):
    # django-otp's wait after a wrong code (1 s, 2 s ...) has its own test; here the codes follow at once.
    settings.OTP_TOTP_THROTTLE_FACTOR = settings.OTP_STATIC_THROTTLE_FACTOR = 0
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5


def _passwort(user):
    user.set_password(PASSWORT)
    user.save()
    return user


def _passwort_senden(client, username="verwaltung", ziel="login"):
    return client.post(reverse(ziel), {"username": username, "password": PASSWORT}, REMOTE_ADDR="192.0.2.10")


def _code_senden(client, code):
    return client.post(reverse("anmeldung_code"), {"code": code}, REMOTE_ADDR="192.0.2.10")


def _angemeldet(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def mit_app(verwaltung):
    _passwort(verwaltung)
    return app_einrichten(verwaltung)


def test_the_password_alone_reaches_no_page(mit_app):
    client = Client()
    antwort = _passwort_senden(client)
    assert antwort.status_code == 302 and antwort.url == reverse("anmeldung_code")
    assert not _angemeldet(client)
    for url in (reverse("start"), reverse("programme:projekte"), reverse("admin:index")):
        assert client.get(url).status_code == 302, url
    seite = client.get(reverse("anmeldung_code"))
    assert seite.status_code == 200 and "Anmeldung bestätigen" in seite.content.decode()


def test_the_code_of_the_app_completes_the_login(mit_app):
    client = Client()
    _passwort_senden(client)
    antwort = _code_senden(client, totp_code(mit_app))
    assert antwort.status_code == 302 and antwort.url == reverse("start")
    assert _angemeldet(client) and client.session[DEVICE_ID_SESSION_KEY] == mit_app.persistent_id
    assert client.get(reverse("start")).status_code == 200


def test_a_wrong_code_is_refused_in_german(mit_app):
    client = Client()
    _passwort_senden(client)
    antwort = _code_senden(client, "000000" if totp_code(mit_app) != "000000" else "111111")
    assert antwort.status_code == 200 and FALSCHER_CODE in antwort.content.decode()
    assert not _angemeldet(client)


def test_a_replayed_code_is_refused(mit_app):
    code = totp_code(mit_app)
    erste = Client()
    _passwort_senden(erste)
    assert _code_senden(erste, code).status_code == 302 and _angemeldet(erste)
    zweite = Client()
    _passwort_senden(zweite)
    antwort = _code_senden(zweite, code)
    assert antwort.status_code == 200 and FALSCHER_CODE in antwort.content.decode()
    assert not _angemeldet(zweite) and zweite.get(reverse("start")).status_code == 302


def test_a_recovery_code_works_once(verwaltung):
    _passwort(verwaltung)
    client = Client()
    _passwort_senden(client)
    client.get(reverse("zweiter_faktor_einrichten"))
    geraet = TOTPDevice.objects.get(user=verwaltung, confirmed=False)  # made by the setup page
    seite = client.post(reverse("zweiter_faktor_einrichten"), {"code": totp_code(geraet)}).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", seite)
    assert len(codes) == 10 and set(codes) == set(StaticToken.objects.values_list("token", flat=True))
    client.post(reverse("logout"))

    client = Client()
    _passwort_senden(client)
    antwort = _code_senden(client, codes[3].upper())
    assert antwort.status_code == 302 and _angemeldet(client)
    assert "es bleiben 9" in client.get(reverse("start")).content.decode()
    client.post(reverse("logout"))

    client = Client()
    _passwort_senden(client)
    assert FALSCHER_CODE in _code_senden(client, codes[3]).content.decode()
    assert not _angemeldet(client)


def test_staff_without_a_device_are_sent_to_set_one_up(verwaltung):
    _passwort(verwaltung)
    client = Client()
    antwort = _passwort_senden(client)
    assert antwort.status_code == 302 and antwort.url == reverse("zweiter_faktor_einrichten")
    assert client.get(reverse("start")).status_code == 302
    seite = client.get(reverse("zweiter_faktor_einrichten")).content.decode()
    geraet = TOTPDevice.objects.get(user=verwaltung)
    assert '<svg' in seite and "qr-code" in seite and "style=" not in seite
    schluessel = re.search(r'<code class="schluessel">([A-Z2-7 ]+)</code>', seite).group(1)
    assert len(schluessel.replace(" ", "")) == 32
    # The code of another key does not confirm it.
    fremd = TOTPDevice(key="00" * 20)
    assert FALSCHER_CODE in client.post(reverse("zweiter_faktor_einrichten"),
                                        {"code": totp_code(fremd)}).content.decode()
    antwort = client.post(reverse("zweiter_faktor_einrichten"), {"code": totp_code(geraet)})
    assert antwort.status_code == 200 and "Der zweite Faktor ist eingerichtet." in antwort.content.decode()
    assert _angemeldet(client) and client.get(reverse("start")).status_code == 200
    geraet.refresh_from_db()
    assert geraet.confirmed
    # Once confirmed, the secret is never shown again: the setup page makes a new one.
    assert schluessel not in client.get(reverse("zweiter_faktor_einrichten")).content.decode()


def test_a_manager_without_a_device_signs_in_with_the_password_and_with_one_needs_the_code(qm_a):
    _passwort(qm_a)
    client = Client()
    assert _passwort_senden(client, "qm_a").status_code == 302 and _angemeldet(client)
    assert client.get(reverse("start")).status_code == 200
    geraet = app_einrichten(qm_a)
    client = Client()
    assert _passwort_senden(client, "qm_a").url == reverse("anmeldung_code") and not _angemeldet(client)
    assert _code_senden(client, totp_code(geraet)).status_code == 302 and _angemeldet(client)


def test_wrong_codes_count_toward_the_lockout(mit_app):
    client = Client()
    _passwort_senden(client)
    falsch = "000000" if totp_code(mit_app) != "000000" else "111111"
    for _ in range(4):
        assert _code_senden(client, falsch).status_code == 200
    antwort = _code_senden(client, falsch)
    assert antwort.status_code == 429 and GESPERRT_MELDUNG in antwort.content.decode()
    # Neither the right password nor then the right code gets past the lockout.
    client = Client()
    assert _passwort_senden(client).status_code == 429
    assert not _angemeldet(client)


def test_the_password_does_not_reset_the_count_of_wrong_codes(mit_app):
    falsch = "000000" if totp_code(mit_app) != "000000" else "111111"
    for _ in range(5):
        client = Client()
        assert _passwort_senden(client).status_code == 302
        _code_senden(client, falsch)
    client = Client()
    assert _passwort_senden(client).status_code == 429


def test_django_otp_makes_the_next_try_wait_after_a_wrong_code(settings, mit_app):
    settings.OTP_TOTP_THROTTLE_FACTOR = 30
    client = Client()
    _passwort_senden(client)
    _code_senden(client, "000000" if totp_code(mit_app) != "000000" else "111111")
    antwort = _code_senden(client, totp_code(mit_app))
    assert "erst ab" in antwort.content.decode() and not _angemeldet(client)


def test_the_admin_login_asks_for_the_code_too(mit_app):
    mit_app.user.is_staff = True
    mit_app.user.save()
    client = Client()
    antwort = _passwort_senden(client, ziel="admin:login")
    assert antwort.status_code == 302 and antwort.url == reverse("anmeldung_code")
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_signed_in_session_without_the_factor_is_ended(verwaltung, client):
    client.force_login(verwaltung)
    sitzung = client.session
    del sitzung[DEVICE_ID_SESSION_KEY]
    sitzung.save()
    antwort = client.get(reverse("start"), follow=True)
    assert antwort.redirect_chain[-1][0].startswith(reverse("login"))
    assert ERNEUT_ANMELDEN in antwort.content.decode() and not _angemeldet(client)


def test_the_administration_resets_a_lost_device(verwaltung, client):
    admin = User.objects.create_superuser("it", "it@example.org", PASSWORT)
    betroffen = Client()
    betroffen.force_login(verwaltung)
    assert betroffen.get(reverse("start")).status_code == 200
    client.force_login(admin)
    liste = client.get(reverse("admin:auth_user_changelist"))
    assert liste.status_code == 200 and "Zweiter Faktor" in liste.content.decode()
    antwort = client.post(reverse("admin:auth_user_changelist"), {
        "action": "zweiten_faktor_zuruecksetzen", "_selected_action": [verwaltung.pk]}, follow=True)
    assert "Zweiter Faktor von 1 Konto/Konten zurückgesetzt" in antwort.content.decode()
    assert not TOTPDevice.objects.filter(user=verwaltung).exists()
    assert betroffen.get(reverse("start")).status_code == 302
    assert LogEntry.objects.filter(object_id=str(verwaltung.pk), change_message="Zweiten Faktor zurückgesetzt").exists()
    # The next login sets up a new device.
    _passwort(verwaltung)
    assert _passwort_senden(Client()).url == reverse("zweiter_faktor_einrichten")


def test_new_recovery_codes_replace_the_old_ones(verwaltung, client):
    client.force_login(verwaltung)
    seite = client.post(reverse("wiederherstellungscodes")).content.decode()
    erste = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", seite)
    seite = client.post(reverse("wiederherstellungscodes")).content.decode()
    zweite = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", seite)
    assert len(zweite) == 10 and not set(erste) & set(StaticToken.objects.values_list("token", flat=True))
    uebersicht = client.get(reverse("zweiter_faktor")).content.decode()
    assert "noch <strong>10</strong> Wiederherstellungscodes" in uebersicht
