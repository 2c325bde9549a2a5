"""Publishing asks first: kind, the number it will get, visibility and who then sees what; nothing is public
unless chosen."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from berichte.models import Bericht, Nummernkreis, Veroeffentlichungsauftrag
from testhilfen.beteiligung import GremiumFactory, SitzungFactory, TeilnahmeFactory
from testhilfen.programme import BewilligungFactory, FoerderprogrammFactory, JahresbudgetFactory, ProjektFactory

pytestmark = pytest.mark.django_db
JAHR = dt.date.today().year


@pytest.fixture
def win(gebiet_a):
    programm = FoerderprogrammFactory(kurzname="WiN", stadt=gebiet_a.stadt)
    JahresbudgetFactory(programm=programm, jahr=2016, betrag=Decimal("250000"))
    BewilligungFactory(bewilligt=True, projekt=ProjektFactory(gebiet=gebiet_a, bewilligt=True, titel="Lesepaten"),
                       programm=programm, jahr=2016, gebiet=gebiet_a, betrag_beantragt=Decimal("4321"))
    return programm


def _veroeffentlichen(client, win, **daten):
    return client.post(reverse("berichte:veroeffentlichen", args=["programmjahresbericht"]),
                       {"programm": win.pk, "jahr": 2016, **daten})


def test_publishing_first_shows_the_confirmation_and_publishes_nothing(client_als, verwaltung, win):
    Nummernkreis.objects.create(jahr=JAHR, letzte_laufnummer=41)
    antwort = _veroeffentlichen(client_als(verwaltung), win, oeffentlich="on")

    seite = antwort.content.decode()
    assert antwort.status_code == 200 and "Veröffentlichung bestätigen" in seite
    assert "Programmjahresbericht" in seite and f"Nr. {JAHR}/0042" in seite
    assert "<strong>öffentlich</strong>" in seite
    assert "Öffentlichkeit</strong> (ohne Anmeldung)" in seite and "OParl-Schnittstelle" in seite
    assert 'name="bestaetigt" value="1"' in seite and 'name="oeffentlich" value="on"' in seite
    assert not Bericht.objects.exists() and not Veroeffentlichungsauftrag.objects.exists()
    assert Nummernkreis.objects.get(jahr=JAHR).letzte_laufnummer == 41


def test_the_confirmation_of_a_non_public_report_says_who_sees_it(client_als, verwaltung, win):
    seite = _veroeffentlichen(client_als(verwaltung), win).content.decode()
    assert "<strong>nichtöffentlich</strong>" in seite
    assert "Öffentlichkeit und OParl-Schnittstelle</strong>: sehen ihn nicht" in seite
    assert 'name="oeffentlich"' not in seite


def test_only_the_confirmed_request_publishes(client_als, verwaltung, win):
    client = client_als(verwaltung)
    antwort = _veroeffentlichen(client, win, oeffentlich="on", bestaetigt="1")
    bericht = Bericht.objects.get()
    assert antwort.status_code == 302 and antwort.url == reverse("berichte:bericht", args=[bericht.pk])
    assert bericht.oeffentlich and bericht.nummer == f"{JAHR}/0001"


def test_a_correction_is_confirmed_first(client_als, verwaltung, win):
    client = client_als(verwaltung)
    _veroeffentlichen(client, win, bestaetigt="1")
    bericht = Bericht.objects.get()
    seite = client.post(reverse("berichte:korrigieren", args=[bericht.pk]), {}).content.decode()
    assert "Veröffentlichung bestätigen" in seite and f"Nr. {bericht.nummer}, Version 2" in seite
    assert Bericht.objects.count() == 1


def test_the_public_box_is_not_ticked_for_the_documentation_of_a_public_meeting(client_als, verwaltung, gebiet_a):
    sitzung = SitzungFactory(gremium=GremiumFactory(gebiet=gebiet_a), oeffentlich=True, dokumentiert=True,
                             datum=dt.date(2026, 3, 2), zusammenfassung="Spielplatz wird gebaut.")
    TeilnahmeFactory(sitzung=sitzung)
    html = client_als(verwaltung).get(reverse("berichte:vorschau", args=["sitzungsdokumentation"]),
                                      {"sitzung": sitzung.pk}).content.decode()
    assert '<input type="checkbox" name="oeffentlich">' in html
    assert 'name="oeffentlich" checked' not in html and "Die Sitzung ist öffentlich." in html


@pytest.mark.parametrize("persona", ["anonym", "rat", "qm_a"])
def test_no_one_but_staff_reaches_the_confirmation_or_publishes(persona, request, client_als, win):
    client = client_als(request.getfixturevalue(persona))
    for daten in ({}, {"bestaetigt": "1", "oeffentlich": "on"}):
        antwort = _veroeffentlichen(client, win, **daten)
        assert antwort.status_code in (302, 403) and "bestätigen" not in antwort.content.decode()
        if persona != "anonym":
            assert antwort.status_code == 403
    assert not Bericht.objects.exists() and not Veroeffentlichungsauftrag.objects.exists()
