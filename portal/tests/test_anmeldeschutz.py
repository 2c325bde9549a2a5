"""Login protection: lockout per username and client address, on the portal and the admin login."""

import pytest
from django.test import Client
from django.urls import reverse

from portal.anmeldeschutz import GESPERRT_MELDUNG, client_adresse
from portal.zweiter_faktor import ANMELDUNG_OFFEN

PASSWORT = "richtig-und-lang-genug"


@pytest.fixture(autouse=True)
def _grenze(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5


@pytest.fixture
def konto(verwaltung):
    verwaltung.set_password(PASSWORT)
    verwaltung.is_staff = True
    verwaltung.save()
    return verwaltung


def _anmelden(client, passwort, adresse="192.0.2.10", ziel="login", **extra):
    return client.post(reverse(ziel), {"username": "verwaltung", "password": passwort},
                       REMOTE_ADDR=adresse, **extra)


def _angemeldet(client) -> bool:
    """The password was accepted: signed in, or (staff) on to the second factor."""
    return "_auth_user_id" in client.session or ANMELDUNG_OFFEN in client.session


def test_locked_at_the_limit_and_not_before(konto):
    client = Client()
    for _ in range(4):
        antwort = _anmelden(client, "falsch")
        assert antwort.status_code == 200 and "Benutzername" in antwort.content.decode()
    antwort = _anmelden(client, "falsch")
    assert antwort.status_code == 429
    text = antwort.content.decode()
    assert GESPERRT_MELDUNG in text and "15 Minuten" in text and '<html lang="de">' in text


def test_four_failures_then_the_right_password_signs_in(konto):
    client = Client()
    for _ in range(4):
        _anmelden(client, "falsch")
    assert _anmelden(client, PASSWORT).status_code == 302 and _angemeldet(client)


def test_the_right_password_after_the_lockout_is_refused(konto):
    client = Client()
    for _ in range(5):
        _anmelden(client, "falsch")
    antwort = _anmelden(client, PASSWORT)
    assert antwort.status_code == 429 and GESPERRT_MELDUNG in antwort.content.decode()
    assert not _angemeldet(client)


def test_another_address_for_the_same_user_is_not_locked(konto):
    for _ in range(5):
        _anmelden(Client(), "falsch", adresse="192.0.2.10")
    client = Client()
    assert _anmelden(client, PASSWORT, adresse="198.51.100.7").status_code == 302 and _angemeldet(client)


def test_another_user_at_the_same_address_is_not_locked(konto, rat):
    rat.set_password(PASSWORT)
    rat.save()
    for _ in range(5):
        _anmelden(Client(), "falsch")
    client = Client()
    antwort = client.post(reverse("login"), {"username": "rat", "password": PASSWORT}, REMOTE_ADDR="192.0.2.10")
    assert antwort.status_code == 302 and _angemeldet(client)


def test_the_admin_login_is_locked_too(konto):
    client = Client()
    for _ in range(4):
        assert _anmelden(client, "falsch", ziel="admin:login").status_code == 200
    assert _anmelden(client, "falsch", ziel="admin:login").status_code == 429
    antwort = _anmelden(client, PASSWORT, ziel="admin:login")
    assert antwort.status_code == 429 and not _angemeldet(client)


def test_failures_at_the_admin_count_for_the_portal_login(konto):
    client = Client()
    for _ in range(5):
        _anmelden(client, "falsch", ziel="admin:login")
    assert _anmelden(client, PASSWORT).status_code == 429


def test_forwarded_addresses_count_only_behind_the_proxy(settings, konto):
    settings.BEHIND_PROXY = False
    for nummer in range(5):
        _anmelden(Client(), "falsch", HTTP_X_FORWARDED_FOR=f"203.0.113.{nummer}")
    assert _anmelden(Client(), PASSWORT, HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 429


def test_behind_the_proxy_the_forwarded_client_is_counted(settings, konto):
    settings.BEHIND_PROXY = True
    for _ in range(5):
        _anmelden(Client(), "falsch", adresse="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert _anmelden(Client(), PASSWORT, adresse="10.0.0.1",
                     HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 429
    client = Client()
    assert _anmelden(client, PASSWORT, adresse="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.6").status_code == 302


class _Anfrage:
    def __init__(self, **meta):
        self.META = meta


@pytest.mark.parametrize(("hinter_proxy", "anzahl", "meta", "erwartet"), [
    (False, 1, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.5"}, "10.0.0.1"),
    (True, 1, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.5"}, "203.0.113.5"),
    # A forged entry left of what our proxy appended is ignored.
    (True, 1, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.5"}, "203.0.113.5"),
    (True, 2, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.5, 10.0.0.2"}, "203.0.113.5"),
    (True, 1, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "kein-ip"}, "10.0.0.1"),
    (True, 1, {"REMOTE_ADDR": "10.0.0.1"}, "10.0.0.1"),
])
def test_client_adresse(settings, hinter_proxy, anzahl, meta, erwartet):
    settings.BEHIND_PROXY = hinter_proxy
    settings.PROXY_ANZAHL = anzahl
    assert client_adresse(_Anfrage(**meta)) == erwartet
