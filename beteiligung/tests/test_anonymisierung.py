"""Anonymisation reaches every copy of the name: admin log, history rows, login records, free text.
Afterwards the name, the contact data and the old username stand in no row of any table."""

import json
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from beteiligung import services
from beteiligung.models import Beschluss, Mitgliedschaft
from quartiere.models import Person
from testhilfen.beteiligung import BeschlussFactory
from testhilfen.konten import UserFactory
from testhilfen.programme import ProjektFactory

SPUREN = ["Aydinoglu", "ebru.aydinoglu", "0471 998877"]


def _alle_zellen() -> str:
    """Every value of every table, as text (what a full database dump holds)."""
    teile = []
    with connection.cursor() as cursor:
        for tabelle in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(tabelle)}")
            teile += [str(wert) for zeile in cursor.fetchall() for wert in zeile if wert is not None]
    return "\n".join(teile)


@pytest.fixture
def spuren(verwaltung, buergerin, sitzung_a):
    konto = UserFactory(username="ebru.aydinoglu", first_name="Ebru", last_name="Aydinoglu",
                        email="ebru.aydinoglu@example.org")
    Person.objects.filter(pk=buergerin.pk).update(user=konto, telefon="0471 998877", email=konto.email)
    buergerin.refresh_from_db()
    services.mitgliedschaft_anlegen(gremium=sitzung_a.gremium, person=buergerin, durch=verwaltung)
    mitgliedschaft = Mitgliedschaft.objects.get(person=buergerin)
    # The admin log of changes made in the admin (shown under "Recent actions").
    for obj in (buergerin, mitgliedschaft, konto):
        LogEntry.objects.create(user=verwaltung, content_type=ContentType.objects.get_for_model(obj),
                                object_id=str(obj.pk), object_repr=str(obj)[:200], action_flag=CHANGE,
                                change_message="Telefon von Ebru Aydinoglu geändert")
    # Free text that names her, and its history rows (django-simple-history).
    beschluss = BeschlussFactory(sitzung=sitzung_a, text="Frau Ebru Aydinoglu übernimmt die Einladung.")
    beschluss.umsetzung_vermerk = "Aydinoglu, Ebru hat eingeladen (ebru.aydinoglu@example.org)."
    beschluss.save()
    ProjektFactory(gebiet=sitzung_a.gremium.gebiet, ansprechperson=buergerin,
                   beschreibung="Kontakt: Ebru Aydinoglu, Telefon 0471 998877")
    # Failed logins of her username.
    AccessAttempt.objects.create(username="ebru.aydinoglu", ip_address="192.0.2.1", user_agent="x",
                                 failures_since_start=1, get_data="", post_data="", http_accept="", path_info="/")
    return buergerin


def test_after_anonymising_the_name_is_in_no_row_of_any_table(verwaltung, spuren):
    alles = _alle_zellen()
    assert all(spur in alles for spur in SPUREN)
    assert Beschluss.history.filter(text__contains="Aydinoglu").exists()

    services.person_anonymisieren(person=spuren, durch=verwaltung)

    alles = _alle_zellen()
    for spur in SPUREN:
        assert spur.lower() not in alles.lower(), spur
    dump = StringIO()
    call_command("dumpdata", stdout=dump)
    assert not any(spur in dump.getvalue() for spur in SPUREN)
    # Links and texts stay, with the new name in place of the old one.
    neu = f"anonymisiert Person #{spuren.pk}"
    assert Beschluss.objects.get().text == f"Frau {neu} übernimmt die Einladung."
    assert Beschluss.history.filter(text__contains=neu).count() == 2
    assert LogEntry.objects.get(content_type__model="person").object_repr == neu


def test_the_admins_recent_actions_show_no_old_name(client_als, verwaltung, spuren):
    verwaltung.is_staff = verwaltung.is_superuser = True
    verwaltung.save()
    services.person_anonymisieren(person=spuren, durch=verwaltung)
    seite = client_als(verwaltung).get(reverse("admin:index")).content.decode()
    assert "anonymisiert Person" in seite and "Aydinoglu" not in seite


def test_the_person_export_before_anonymising_lists_the_admin_log(client_als, verwaltung, spuren):
    antwort = client_als(verwaltung).get(reverse("beteiligung:person_export", args=[spuren.pk]))
    daten = json.loads(b"".join(antwort.streaming_content) if antwort.streaming else antwort.content)
    assert any("Telefon von Ebru Aydinoglu geändert" in e["aenderung"] for e in daten["admin_protokoll"])
