"""Sessions: inactivity timeout, absolute lifetime, password change and deactivation end sessions."""

import time

import pytest
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from portal.sitzungen import ANGEMELDET_SEIT, ZULETZT_AKTIV, abgelaufen_meldung, inaktiv_meldung, sitzungen_beenden
from testhilfen.konten import app_einrichten, im_formular_anmelden

pytestmark = pytest.mark.django_db


def _angemeldeter_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _zurueckdatieren(client, schluessel: str, sekunden: int):
    sitzung = client.session
    sitzung[schluessel] = int(time.time()) - sekunden
    sitzung.save()


def _auf_der_startseite(client) -> bool:
    """Whether the client, still signed in, gets its role's start page (signed out it gets the public one)."""
    antwort = client.get(reverse("start"))
    return antwort.status_code == 200 and antwort.wsgi_request.user.is_authenticated


def test_the_default_timeouts(settings):
    assert settings.SESSION_INAKTIV_MINUTEN == 30 and settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert inaktiv_meldung() == "Sie wurden nach 30 Minuten ohne Aktivität abgemeldet. Bitte melden Sie sich erneut an."
    assert abgelaufen_meldung() == "Ihre Sitzung ist nach 8 Stunden abgelaufen. Bitte melden Sie sich erneut an."


def test_a_login_starts_the_clocks_of_its_session(verwaltung):
    client = _angemeldeter_client(verwaltung)
    assert _auf_der_startseite(client)
    assert abs(client.session[ZULETZT_AKTIV] - time.time()) < 5
    assert abs(client.session[ANGEMELDET_SEIT] - time.time()) < 5


def test_a_login_through_the_form_records_its_time(verwaltung):
    verwaltung.set_password("richtig-und-lang-genug")
    verwaltung.save()
    client = Client()
    antwort = im_formular_anmelden(client, "verwaltung", "richtig-und-lang-genug", app_einrichten(verwaltung))
    assert antwort.status_code == 302
    assert abs(client.session[ANGEMELDET_SEIT] - time.time()) < 5


def test_29_minutes_without_activity_keep_the_session_and_renew_it(verwaltung):
    client = _angemeldeter_client(verwaltung)
    _auf_der_startseite(client)
    _zurueckdatieren(client, ZULETZT_AKTIV, 29 * 60)
    assert _auf_der_startseite(client)
    assert abs(client.session[ZULETZT_AKTIV] - time.time()) < 5


def test_31_minutes_without_activity_log_out_with_a_german_message(verwaltung):
    client = _angemeldeter_client(verwaltung)
    _auf_der_startseite(client)
    _zurueckdatieren(client, ZULETZT_AKTIV, 31 * 60)
    antwort = client.get(reverse("programme:projekte"))
    assert antwort.status_code == 302 and antwort.url.startswith(reverse("login"))
    assert "_auth_user_id" not in client.session
    anmeldeseite = client.get(antwort.url)
    assert inaktiv_meldung() in anmeldeseite.content.decode()
    assert not _auf_der_startseite(client)


def test_the_inactivity_limit_comes_from_the_setting(settings, verwaltung):
    settings.SESSION_INAKTIV_MINUTEN = 5
    client = _angemeldeter_client(verwaltung)
    _auf_der_startseite(client)
    _zurueckdatieren(client, ZULETZT_AKTIV, 6 * 60)
    assert not _auf_der_startseite(client)


def test_an_active_session_still_ends_after_its_absolute_lifetime(verwaltung):
    client = _angemeldeter_client(verwaltung)
    _auf_der_startseite(client)
    _zurueckdatieren(client, ANGEMELDET_SEIT, 8 * 60 * 60 + 60)
    # The start page is the public one for a signed-out visitor: it says why, beside the way to log in.
    antwort = client.get(reverse("start"))
    assert antwort.status_code == 200 and "_auth_user_id" not in client.session
    assert abgelaufen_meldung() in antwort.content.decode()
    assert f'href="{reverse("login")}"' in antwort.content.decode()


def test_a_password_change_in_the_admin_ends_the_other_sessions_only(verwaltung):
    verwaltung.is_staff = verwaltung.is_superuser = True
    verwaltung.set_password("altes-passwort-lang-genug")
    verwaltung.save()
    hier, dort = _angemeldeter_client(verwaltung), _angemeldeter_client(verwaltung)
    assert _auf_der_startseite(hier) and _auf_der_startseite(dort)
    antwort = hier.post(reverse("admin:password_change"), {
        "old_password": "altes-passwort-lang-genug",
        "new_password1": "neues-passwort-lang-genug-7", "new_password2": "neues-passwort-lang-genug-7"})
    assert antwort.status_code == 302
    assert _auf_der_startseite(hier)
    assert not _auf_der_startseite(dort)


def test_a_password_set_elsewhere_ends_every_session(verwaltung):
    client = _angemeldeter_client(verwaltung)
    assert _auf_der_startseite(client)
    verwaltung.set_password("vom-admin-gesetzt-lang-genug")
    verwaltung.save()
    assert not _auf_der_startseite(client)


def test_deactivating_a_user_deletes_their_sessions_and_no_one_elses(verwaltung, rat):
    eins, zwei, andere = _angemeldeter_client(verwaltung), _angemeldeter_client(verwaltung), _angemeldeter_client(rat)
    assert Session.objects.count() == 3
    verwaltung.is_active = False
    verwaltung.save()
    assert Session.objects.count() == 1
    assert _auf_der_startseite(andere)
    verwaltung.is_active = True
    verwaltung.save()
    assert not _auf_der_startseite(eins) and not _auf_der_startseite(zwei)


def test_deactivating_in_the_admin_ends_the_sessions(verwaltung, rat):
    verwaltung.is_staff = verwaltung.is_superuser = True
    verwaltung.save()
    admin = _angemeldeter_client(verwaltung)
    betroffen = _angemeldeter_client(rat)
    seite = admin.get(reverse("admin:auth_user_change", args=[rat.pk]))
    formular = {k: v for k, v in seite.context["adminform"].form.initial.items() if v is not None}
    formular.update({"username": "rat", "is_active": "", "groups": [g.pk for g in rat.groups.all()],
                     "last_login_0": "", "last_login_1": "", "date_joined_0": "01.01.2026", "date_joined_1": "00:00:00"})
    formular.pop("is_active")
    formular.pop("user_permissions", None)
    antwort = admin.post(reverse("admin:auth_user_change", args=[rat.pk]), formular)
    assert antwort.status_code == 302, antwort.context["adminform"].form.errors if antwort.context else antwort
    assert not User.objects.get(pk=rat.pk).is_active
    assert not _auf_der_startseite(betroffen)
    assert sitzungen_beenden(rat.pk) == 0


def test_saving_other_fields_keeps_the_sessions(verwaltung):
    client = _angemeldeter_client(verwaltung)
    verwaltung.first_name = "Vera"
    verwaltung.save()
    verwaltung.save(update_fields=["last_login"])
    assert _auf_der_startseite(client)
