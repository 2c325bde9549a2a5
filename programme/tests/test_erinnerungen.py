"""Reminder e-mails reach a real SMTP server on this machine exactly once per deadline and stage."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from programme.models import Erinnerung
from testhilfen.fristen import bewilligen, freier_port, programm_mit_budget, projekt_mit_traeger, smtp_server
from testhilfen.quartiere import PersonFactory, QuartiersmanagementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def postfach(settings):
    fach, server = smtp_server(settings)
    yield fach
    server.stop()


@pytest.fixture
def bewilligung(gebiet_a, verwaltung):
    QuartiersmanagementFactory(gebiet=gebiet_a, personen=[PersonFactory(email="qm.a@quartier.example")])
    return bewilligen(projekt_mit_traeger(gebiet_a, titel="Stadtteilmütter A", email="foerderung@traeger.example"),
                      programm_mit_budget(gebiet_a), verwaltung=verwaltung)


def _laufen(tag: dt.date) -> None:
    call_command("erinnerungen_senden", "--datum", tag.isoformat(), stdout=open("/dev/null", "w"))


def test_reminder_arrives_once_before_and_once_after_the_deadline(postfach, bewilligung):
    # The interim proof of 2026 is due on 30.04.2027: 14 days before, the reminder goes out.
    _laufen(dt.date(2027, 4, 15))
    assert postfach.mails == []
    _laufen(dt.date(2027, 4, 16))
    assert len(postfach.mails) == 1
    empfaenger, mail = postfach.mails[0]
    assert empfaenger == ["foerderung@traeger.example", "qm.a@quartier.example"]
    assert mail["Subject"].strip() == "Erinnerung: Zwischennachweis 2026 für „Stadtteilmütter A“ fällig am 30.04.2027"
    assert mail["From"] == "sozialplanung@stadt.example"
    text = mail.get_content()
    assert "Guten Tag" in text and "in 14 Tagen" in text and f"/projekte/{bewilligung.projekt_id}/" in text

    _laufen(dt.date(2027, 4, 16))
    _laufen(dt.date(2027, 4, 20))
    assert len(postfach.mails) == 1

    _laufen(dt.date(2027, 5, 1))
    assert len(postfach.mails) == 2
    assert postfach.mails[1][1]["Subject"].strip() == (
        "Frist abgelaufen: Zwischennachweis 2026 für „Stadtteilmütter A“ war am 30.04.2027 fällig")
    _laufen(dt.date(2027, 5, 2))
    assert len(postfach.mails) == 2
    assert sorted(Erinnerung.objects.values_list("art", "stufe")) == [
        ("zwischennachweis", "danach"), ("zwischennachweis", "vorher")]


def test_met_deadline_gets_no_reminder(postfach, bewilligung, qm_a):
    from programme import fristen_services

    fristen_services.zwischennachweis_einreichen(zwischennachweis=bewilligung.zwischennachweise.get(),
                                                 sachbericht="Bericht", durch=qm_a, datum=dt.date(2027, 4, 2))
    _laufen(dt.date(2027, 4, 20))
    _laufen(dt.date(2027, 5, 3))
    assert postfach.mails == [] and not Erinnerung.objects.exists()


def test_failed_delivery_records_nothing_so_the_next_run_tries_again(settings, bewilligung):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", freier_port(), False
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        _laufen(dt.date(2027, 4, 20))
    assert not Erinnerung.objects.exists()


@pytest.mark.parametrize("persona, sieht", [("verwaltung", True), ("qm_a", True), ("qm_b", False)])
def test_staff_see_what_was_sent(request, client_als, postfach, bewilligung, persona, sieht):
    _laufen(dt.date(2027, 4, 20))
    seite = client_als(request.getfixturevalue(persona)).get(reverse("fristen:erinnerungen")).content.decode()
    assert ("Erinnerung: Zwischennachweis 2026 für „Stadtteilmütter A“" in seite) is sieht
    if persona == "verwaltung":
        projekt = client_als(request.getfixturevalue(persona)).get(
            reverse("programme:projekt", args=[bewilligung.projekt_id])).content.decode()
        assert "Versandte Erinnerungen" in projekt and "foerderung@traeger.example" in projekt
