"""Withdrawing a published report: staff only, with a reason; it stays for staff, marked, and leaves everyone else."""

import pytest
from django.urls import reverse
from django.utils import timezone

from berichte import services
from berichte.fehler import VeroeffentlichungAbgelehnt
from berichte.models import Bericht
from testhilfen.berichte import BerichtFactory

pytestmark = pytest.mark.django_db
GRUND = "Nennt eine Teilnehmerin ohne Einwilligung."


@pytest.fixture
def bericht(gebiet_a):
    return BerichtFactory(oeffentlich=True, gebiet=gebiet_a, titel="Quartiersprofil A 2026")


def test_staff_withdraw_with_a_reason_and_every_version_goes(bericht, verwaltung, client_als):
    neu = BerichtFactory(oeffentlich=True, jahr=bericht.jahr, laufnummer=bericht.laufnummer, version=2,
                         ersetzt=bericht, titel=bericht.titel)
    client = client_als(verwaltung)
    formular = client.get(reverse("berichte:zurueckziehen", args=[neu.pk])).content.decode()
    assert "Version 1, Version 2" in formular and "deleted: true" in formular
    antwort = client.post(reverse("berichte:zurueckziehen", args=[neu.pk]), {"grund": GRUND})
    assert antwort.status_code == 302
    for version in Bericht.objects.all():
        assert version.zurueckgezogen_am is not None and version.rueckzugsgrund == GRUND
    eintrag = Bericht.history.filter(id=neu.pk).first()
    assert eintrag.history_user == verwaltung and eintrag.zurueckgezogen_am is not None


@pytest.mark.parametrize("persona", ["anonym", "ohne_rolle", "rat", "qm_a"])
def test_after_withdrawal_nobody_but_staff_sees_the_report_or_its_pdf(persona, request, client_als, bericht,
                                                                      verwaltung):
    client = client_als(request.getfixturevalue(persona))
    assert client.get(reverse("berichte:pdf", args=[bericht.pk])).status_code == 200
    services.bericht_zurueckziehen(bericht=bericht, grund=GRUND, durch=verwaltung)
    assert client.get(reverse("berichte:bericht", args=[bericht.pk])).status_code == 404
    assert client.get(reverse("berichte:pdf", args=[bericht.pk])).status_code == 404
    assert "Quartiersprofil A 2026" not in client.get(reverse("berichte:archiv")).content.decode()


def test_staff_still_find_it_in_the_archive_marked_with_date_and_reason(client_als, bericht, verwaltung):
    services.bericht_zurueckziehen(bericht=bericht, grund=GRUND, durch=verwaltung)
    client = client_als(verwaltung)
    heute = timezone.localdate().strftime("%d.%m.%Y")
    archiv = client.get(reverse("berichte:archiv")).content.decode()
    assert "Quartiersprofil A 2026" in archiv and f"zurückgezogen am {heute}" in archiv and GRUND in archiv
    seite = client.get(reverse("berichte:bericht", args=[bericht.pk])).content.decode()
    assert f"Zurückgezogen am {heute}." in seite and GRUND in seite
    assert "Neue Version veröffentlichen" not in seite and "Bericht zurückziehen" not in seite
    assert client.get(reverse("berichte:pdf", args=[bericht.pk])).status_code == 200


@pytest.mark.parametrize("persona", ["rat", "qm_a"])
def test_only_staff_withdraw(persona, request, client_als, bericht):
    user = request.getfixturevalue(persona)
    antwort = client_als(user).post(reverse("berichte:zurueckziehen", args=[bericht.pk]), {"grund": GRUND})
    assert antwort.status_code == 403
    with pytest.raises(VeroeffentlichungAbgelehnt, match="Berichte zieht nur die Verwaltung zurück."):
        services.bericht_zurueckziehen(bericht=bericht, grund=GRUND, durch=user)
    bericht.refresh_from_db()
    assert bericht.zurueckgezogen_am is None


def test_a_withdrawal_needs_a_reason_and_happens_once(client_als, bericht, verwaltung):
    antwort = client_als(verwaltung).post(reverse("berichte:zurueckziehen", args=[bericht.pk]), {"grund": "  "})
    assert antwort.status_code == 200 and "Dieses Feld ist zwingend erforderlich." in antwort.content.decode()
    bericht.refresh_from_db()
    assert bericht.zurueckgezogen_am is None
    services.bericht_zurueckziehen(bericht=bericht, grund=GRUND, durch=verwaltung)
    with pytest.raises(VeroeffentlichungAbgelehnt, match="ist schon am .* zurückgezogen worden"):
        services.bericht_zurueckziehen(bericht=bericht, grund=GRUND, durch=verwaltung)
    with pytest.raises(VeroeffentlichungAbgelehnt, match="wird nicht korrigiert"):
        services.bericht_korrigieren(bericht=bericht, durch=verwaltung)
