"""Dot votes per meeting and the lock of a documented meeting (the participant count: berichte/tests)."""

import datetime as dt

import pytest
from django.urls import reverse

from beteiligung import services
from beteiligung.models import Beschluss, Sitzung, Teilnahme, Themenbewertung
from kern.fehler import Regelverstoss
from testhilfen.beteiligung import SitzungFactory, TeilnahmeFactory, ThemenbewertungFactory
from testhilfen.quartiere import PersonFactory

HEUTE = dt.date.today()


@pytest.fixture
def lean_coffee(forum_a):
    """Five named participants with 2 dots each: at most 10 dots."""
    sitzung = SitzungFactory(gremium=forum_a, datum=HEUTE - dt.timedelta(days=3), format=Sitzung.Format.LEAN_COFFEE,
                             status=Sitzung.Status.DURCHGEFUEHRT, punkte_je_person=2)
    for _ in range(5):
        TeilnahmeFactory(sitzung=sitzung, person=PersonFactory(einwilligung_am=HEUTE))
    return sitzung


def test_dots_up_to_participants_times_dots_are_accepted(lean_coffee, verwaltung):
    services.thema_einbringen(sitzung=lean_coffee, durch=verwaltung, titel="Spielplatz", punkte=6)
    services.thema_einbringen(sitzung=lean_coffee, durch=verwaltung, titel="Lärm", punkte=4)
    assert sum(b.punkte for b in lean_coffee.themenbewertungen.all()) == 10


def test_more_dots_than_participants_times_dots_are_refused(lean_coffee, verwaltung):
    services.thema_einbringen(sitzung=lean_coffee, durch=verwaltung, titel="Spielplatz", punkte=6)
    with pytest.raises(Regelverstoss) as fehler:
        services.thema_einbringen(sitzung=lean_coffee, durch=verwaltung, titel="Lärm", punkte=5)
    assert fehler.value.meldung == "Insgesamt 11 Bewertungspunkte sind mehr als 5 Teilnehmende × 2 Punkte = 10."
    assert lean_coffee.themenbewertungen.count() == 1
    bewertung = lean_coffee.themenbewertungen.get()
    with pytest.raises(Regelverstoss):
        services.themenbewertung_aendern(bewertung=bewertung, durch=verwaltung, punkte=11, besprochen=True)
    with pytest.raises(Regelverstoss):
        services.sitzung_aendern(sitzung=lean_coffee, durch=verwaltung, punkte_je_person=1)
    bewertung.refresh_from_db()
    lean_coffee.refresh_from_db()
    assert (bewertung.punkte, lean_coffee.punkte_je_person) == (6, 2)


def test_the_dots_form_shows_the_refusal(lean_coffee, verwaltung, client_als):
    bewertung = ThemenbewertungFactory(sitzung=lean_coffee, thema__gremium=lean_coffee.gremium, punkte=3)
    antwort = client_als(verwaltung).post(reverse("beteiligung:bewertung", args=[bewertung.pk]),
                                          {"punkte": "11", "besprochen": "on", "ergebnis": ""})
    assert antwort.status_code == 200
    assert "Insgesamt 11 Bewertungspunkte sind mehr als 5 Teilnehmende × 2 Punkte = 10." in antwort.content.decode()
    bewertung.refresh_from_db()
    assert bewertung.punkte == 3


@pytest.fixture
def dokumentiert(forum_a, verwaltung):
    sitzung = SitzungFactory(gremium=forum_a, datum=HEUTE - dt.timedelta(days=3), status=Sitzung.Status.DURCHGEFUEHRT,
                             zusammenfassung="Ergebnisse.")
    teilnahme = TeilnahmeFactory(sitzung=sitzung, person=PersonFactory(einwilligung_am=HEUTE))
    bewertung = services.thema_einbringen(sitzung=sitzung, durch=verwaltung, titel="Spielplatz", punkte=3)
    services.sitzung_status_setzen(sitzung=sitzung, status=Sitzung.Status.DOKUMENTIERT, durch=verwaltung)
    return sitzung, teilnahme, bewertung


def test_a_documented_meeting_locks_topics_votes_decisions_and_participants(dokumentiert, verwaltung):
    sitzung, teilnahme, bewertung = dokumentiert
    versuche = [
        lambda: services.thema_einbringen(sitzung=sitzung, durch=verwaltung, titel="Neu", punkte=1),
        lambda: services.themenbewertung_aendern(bewertung=bewertung, durch=verwaltung, punkte=9, besprochen=True),
        lambda: services.beschluss_fassen(sitzung=sitzung, durch=verwaltung, text="Nachträglich"),
        lambda: services.teilnahme_erfassen(sitzung=sitzung, durch=verwaltung,
                                            person=PersonFactory(einwilligung_am=HEUTE)),
        lambda: services.teilnahme_entfernen(teilnahme=teilnahme, durch=verwaltung),
        lambda: services.sitzung_aendern(sitzung=sitzung, durch=verwaltung, teilnehmendenzahl=40),
    ]
    for versuch in versuche:
        with pytest.raises(Regelverstoss) as fehler:
            versuch()
        assert fehler.value.meldung == services.DOKUMENTATION_GESPERRT
    bewertung.refresh_from_db()
    sitzung.refresh_from_db()
    assert bewertung.punkte == 3 and sitzung.teilnehmendenzahl is None
    assert Themenbewertung.objects.filter(sitzung=sitzung).count() == 1
    assert Teilnahme.objects.filter(sitzung=sitzung).count() == 1 and not Beschluss.objects.exists()
    # Texts stay open for a correction, which the archive publishes as a new version.
    services.sitzung_aendern(sitzung=sitzung, durch=verwaltung, ausblick="Nächstes Treffen im Frühjahr.")
