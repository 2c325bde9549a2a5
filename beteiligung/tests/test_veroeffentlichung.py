"""Only staff make a meeting public, after a confirmation page; managers propose it; staff withdraw it."""

import datetime as dt

import pytest
from django.urls import reverse

from beteiligung import veroeffentlichung
from beteiligung.models import Sitzung
from beteiligung.services import NUR_VERWALTUNG_VEROEFFENTLICHT, sitzung_anlegen
from kern.fehler import Regelverstoss
from testhilfen.beteiligung import TagesordnungspunktFactory

pytestmark = pytest.mark.django_db


def _oeffentlich(sitzung) -> bool:
    return Sitzung.objects.oeffentlich().filter(pk=sitzung.pk).exists()


@pytest.mark.parametrize("persona, darf", [("verwaltung", True), ("qm_a", False), ("qm_b", False), ("rat", False)])
def test_only_staff_publish_a_meeting(persona, darf, request, sitzung_a):
    user = request.getfixturevalue(persona)
    if darf:
        veroeffentlichung.sitzung_veroeffentlichen(sitzung=sitzung_a, durch=user)
    else:
        with pytest.raises(Regelverstoss, match=NUR_VERWALTUNG_VEROEFFENTLICHT):
            veroeffentlichung.sitzung_veroeffentlichen(sitzung=sitzung_a, durch=user)
    assert _oeffentlich(sitzung_a) is darf


@pytest.mark.parametrize("persona, status", [("verwaltung", 200), ("qm_a", 403), ("qm_b", 404), ("rat", 403)])
def test_the_confirmation_page_per_role(persona, status, request, client_als, sitzung_a):
    TagesordnungspunktFactory(sitzung=sitzung_a, nummer=1, titel="Spielplatz am Markt")
    client = client_als(request.getfixturevalue(persona))
    adresse = reverse("beteiligung:sitzung_veroeffentlichen", args=[sitzung_a.pk])
    antwort = client.get(adresse)
    assert antwort.status_code == status
    if status == 200:
        seite = antwort.content.decode()
        assert "<strong>öffentlich</strong>" in seite and "1. Spielplatz am Markt" in seite
        assert "Teilnehmende, Themen, Beschlüsse" in seite and "OParl" in seite
    assert client.post(adresse, {"bestaetigt": "True"}).status_code == (302 if status == 200 else status)
    assert _oeffentlich(sitzung_a) is (status == 200)


def test_without_the_confirmation_nothing_becomes_public(client_als, verwaltung, sitzung_a):
    antwort = client_als(verwaltung).post(reverse("beteiligung:sitzung_veroeffentlichen", args=[sitzung_a.pk]), {})
    assert antwort.status_code == 200 and "Bitte bestätigen Sie die Veröffentlichung." in antwort.content.decode()
    assert not _oeffentlich(sitzung_a)


def test_a_manager_proposes_and_staff_confirm(client_als, qm_a, verwaltung, sitzung_a):
    manager = client_als(qm_a)
    seite = manager.get(reverse("beteiligung:sitzung", args=[sitzung_a.pk])).content.decode()
    assert "Veröffentlichung vorschlagen" in seite and "Veröffentlichen …" not in seite
    assert manager.post(reverse("beteiligung:sitzung_vorschlagen", args=[sitzung_a.pk])).status_code == 302
    sitzung_a.refresh_from_db()
    assert sitzung_a.veroeffentlichung_vorgeschlagen and not _oeffentlich(sitzung_a)

    seite = client_als(verwaltung).get(reverse("beteiligung:sitzung", args=[sitzung_a.pk])).content.decode()
    assert "zur Veröffentlichung vorgeschlagen" in seite and "Veröffentlichen …" in seite
    start = client_als(verwaltung).get(reverse("start")).content.decode()
    assert "Zur Veröffentlichung vorgeschlagene Sitzungen" in start and sitzung_a.titel in start
    veroeffentlichung.sitzung_veroeffentlichen(sitzung=sitzung_a, durch=verwaltung)
    sitzung_a.refresh_from_db()
    assert _oeffentlich(sitzung_a) and not sitzung_a.veroeffentlichung_vorgeschlagen
    assert sitzung_a.history.first().history_user == verwaltung


def test_a_manager_cannot_plan_a_public_meeting(qm_a, forum_a):
    with pytest.raises(Regelverstoss, match=NUR_VERWALTUNG_VEROEFFENTLICHT):
        sitzung_anlegen(gremium=forum_a, durch=qm_a, titel="Versammlung", datum=dt.date(2027, 3, 1),
                        oeffentlich=True)
    assert not Sitzung.objects.filter(titel="Versammlung").exists()


@pytest.mark.parametrize("persona", ["qm_a", "rat"])
def test_only_staff_withdraw_a_meeting(persona, request, client_als, sitzung_a, verwaltung):
    veroeffentlichung.sitzung_veroeffentlichen(sitzung=sitzung_a, durch=verwaltung)
    user = request.getfixturevalue(persona)
    antwort = client_als(user).post(reverse("beteiligung:sitzung_zurueckziehen", args=[sitzung_a.pk]),
                                    {"grund": "Falscher Termin"})
    assert antwort.status_code == 403
    with pytest.raises(Regelverstoss, match="Eine öffentliche Sitzung zieht nur die Verwaltung zurück."):
        veroeffentlichung.sitzung_zurueckziehen(sitzung=sitzung_a, grund="Falscher Termin", durch=user)
    assert _oeffentlich(sitzung_a)


def test_staff_withdraw_a_public_meeting_with_a_reason(client_als, verwaltung, sitzung_a):
    veroeffentlichung.sitzung_veroeffentlichen(sitzung=sitzung_a, durch=verwaltung)
    client = client_als(verwaltung)
    adresse = reverse("beteiligung:sitzung_zurueckziehen", args=[sitzung_a.pk])
    assert client.post(adresse, {"grund": ""}).status_code == 200 and _oeffentlich(sitzung_a)
    assert client.post(adresse, {"grund": "Falscher Termin"}).status_code == 302
    sitzung_a.refresh_from_db()
    assert not _oeffentlich(sitzung_a) and sitzung_a.rueckzugsgrund == "Falscher Termin"
    seite = client.get(reverse("beteiligung:sitzung", args=[sitzung_a.pk])).content.decode()
    assert "Zurückgezogen am" in seite and "Falscher Termin" in seite
    with pytest.raises(Regelverstoss, match="wird nicht erneut veröffentlicht"):
        veroeffentlichung.sitzung_veroeffentlichen(sitzung=sitzung_a, durch=verwaltung)
