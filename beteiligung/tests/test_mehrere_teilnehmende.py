"""Several participants at once: ticked in a search over the persons the user may see, and/or a pasted
list of names matched line by line; all are added or none, with a German report of every line that
names nobody or several persons."""

import datetime as dt

import pytest
from django.urls import reverse

from beteiligung import namensliste
from beteiligung.models import Sitzung, Teilnahme
from quartiere.models import Person
from testhilfen.beteiligung import MitgliedschaftFactory, TeilnahmeFactory
from testhilfen.quartiere import OrganisationFactory, PersonFactory

from .conftest import HEUTE

EINGEWILLIGT = HEUTE - dt.timedelta(days=10)


@pytest.fixture
def personen(amt):
    awo = OrganisationFactory(name="AWO Kreisverband", kurzname="AWO", stadt=amt.stadt)
    return {
        "schulz": PersonFactory(vorname="Anna", nachname="Schulz", organisation=awo, einwilligung_am=EINGEWILLIGT),
        "schulz2": PersonFactory(vorname="Anna", nachname="Schulz", organisation=amt, einwilligung_am=EINGEWILLIGT),
        "yilmaz": PersonFactory(vorname="Deniz", nachname="Yılmaz", organisation=awo, einwilligung_am=EINGEWILLIGT),
        "becker": PersonFactory(vorname="Jonas", nachname="Becker", titel="Dr.", einwilligung_am=EINGEWILLIGT),
        "ohne": PersonFactory(vorname="Bernd", nachname="Freimuth", organisation=amt, einwilligung_am=None),
    }


def _url(sitzung, suche=""):
    return reverse("beteiligung:teilnehmende_mehrere", args=[sitzung.pk]) + (f"?q={suche}" if suche else "")


def _namen(sitzung):
    return sorted(sitzung.teilnahmen.values_list("person__nachname", flat=True))


def test_lines_are_matched_in_the_usual_spellings(db, personen):
    text = "Deniz Yılmaz\n\n  schulz, anna  \nDr. Jonas Becker (Schulleitung)\nBecker"
    ergebnis = namensliste.zuordnen(text, Person.objects.exclude(pk=personen["schulz2"].pk))
    assert ergebnis.fehler == ["Zeile 5 „Becker“: dieselbe Person wie in Zeile 4."]
    assert [p.nachname for p in ergebnis.personen] == ["Yılmaz", "Schulz", "Becker"]


def test_unknown_and_ambiguous_lines_are_reported_by_number(db, personen):
    ergebnis = namensliste.zuordnen("Anna Schulz\nMax Mustermann\nDeniz Yılmaz", Person.objects.all())
    assert ergebnis.fehler == [
        "Zeile 1 „Anna Schulz“: 2 Personen dieses Namens (Anna Schulz, AWO; Anna Schulz, Amt für Jugend, Familie "
        "und Frauen) – bitte in der Suche wählen.",
        "Zeile 2 „Max Mustermann“: keine erfasste Person dieses Namens – bitte erst erfassen oder in der Suche "
        "wählen.",
    ]


def test_ticked_and_pasted_persons_are_added_at_once(client_als, verwaltung, sitzung_a, personen):
    antwort = client_als(verwaltung).post(_url(sitzung_a, "Schulz"), {
        "personen": [personen["schulz"].pk, personen["schulz2"].pk],
        "namensliste": "Deniz Yılmaz\nJonas Becker", "rolle": Teilnahme.Rolle.TEILNEHMEND})
    assert antwort.status_code == 302
    assert antwort.url == reverse("beteiligung:teilnehmende", args=[sitzung_a.pk])
    assert _namen(sitzung_a) == ["Becker", "Schulz", "Schulz", "Yılmaz"]
    assert set(sitzung_a.teilnahmen.values_list("organisation__kurzname", flat=True)) >= {"AWO"}


def test_one_unknown_line_adds_nobody_and_says_which(client_als, verwaltung, sitzung_a, personen):
    antwort = client_als(verwaltung).post(_url(sitzung_a), {
        "personen": [personen["schulz"].pk], "namensliste": "Deniz Yılmaz\nMax Mustermann", "rolle": "teilnehmend"})
    assert antwort.status_code == 200
    html = antwort.content.decode()
    assert "Zeile 2 „Max Mustermann“: keine erfasste Person dieses Namens" in html
    assert "<title>Fehler: " in html
    assert _namen(sitzung_a) == []
    # The ticked person stays ticked for the next try.
    assert f'value="{personen["schulz"].pk}" id="id_personen_0" checked' in client_als(verwaltung).post(
        _url(sitzung_a, "Schulz"), {"personen": [personen["schulz"].pk], "namensliste": "Nobody Here",
                                    "rolle": "teilnehmend"}).content.decode()


def test_a_person_without_consent_or_already_listed_stops_the_whole_list(client_als, verwaltung, sitzung_a, personen):
    client = client_als(verwaltung)
    antwort = client.post(_url(sitzung_a), {"namensliste": "Deniz Yılmaz\nBernd Freimuth", "rolle": "teilnehmend"})
    assert "Ohne erfasste Einwilligung zur Datenverarbeitung: Bernd Freimuth. Es wurde niemand hinzugefügt" \
        in antwort.content.decode()
    TeilnahmeFactory(sitzung=sitzung_a, person=personen["becker"])
    antwort = client.post(_url(sitzung_a), {"namensliste": "Deniz Yılmaz\nJonas Becker", "rolle": "teilnehmend"})
    assert "Schon eingetragen: Dr. Jonas Becker. Es wurde niemand hinzugefügt." in antwort.content.decode()
    assert _namen(sitzung_a) == ["Becker"]


def test_an_empty_submission_is_refused_in_german(client_als, verwaltung, sitzung_a, personen):
    antwort = client_als(verwaltung).post(_url(sitzung_a), {"namensliste": "  \n", "rolle": "teilnehmend"})
    assert "Bitte wählen Sie mindestens eine Person oder fügen Sie eine Namensliste ein." in antwort.content.decode()


def test_the_search_lists_members_first_then_matches_never_those_listed(client_als, verwaltung, sitzung_a, personen):
    MitgliedschaftFactory(gremium=sitzung_a.gremium, person=personen["yilmaz"])
    TeilnahmeFactory(sitzung=sitzung_a, person=personen["becker"])
    client = client_als(verwaltung)
    html = client.get(_url(sitzung_a)).content.decode()
    assert "Mitglieder des Gremiums" in html and "Yılmaz, Deniz (AWO)" in html and "Schulz, Anna" not in html
    html = client.get(_url(sitzung_a, "awo")).content.decode()
    assert "Schulz, Anna (AWO)" in html and "Yılmaz, Deniz (AWO)" in html
    html = client.get(_url(sitzung_a, "Becker")).content.decode()
    assert "Becker, Jonas" not in html and "Niemand gefunden" in html
    assert "Freimuth, Bernd (Amt für Jugend, Familie und Frauen) – keine Einwilligung erfasst" in client.get(
        _url(sitzung_a, "Freimuth")).content.decode()


def test_a_manager_cannot_add_a_person_outside_the_persons_they_may_see(client_als, qm_a, sitzung_a, personen):
    fremd = PersonFactory(vorname="Fremd", nachname="Person", einwilligung_am=EINGEWILLIGT)
    client = client_als(qm_a)
    assert "Person, Fremd" not in client.get(_url(sitzung_a, "Fremd")).content.decode()
    antwort = client.post(_url(sitzung_a), {"personen": [fremd.pk], "rolle": "teilnehmend"})
    assert antwort.status_code == 200 and _namen(sitzung_a) == []
    antwort = client.post(_url(sitzung_a), {"namensliste": "Fremd Person", "rolle": "teilnehmend"})
    assert "Zeile 1 „Fremd Person“: keine erfasste Person dieses Namens" in antwort.content.decode()


def test_a_documented_meeting_takes_no_participants(client_als, verwaltung, sitzung_a, personen):
    Sitzung.objects.filter(pk=sitzung_a.pk).update(status=Sitzung.Status.DOKUMENTIERT, dokumentiert_am=HEUTE)
    antwort = client_als(verwaltung).post(_url(sitzung_a), {"namensliste": "Deniz Yılmaz", "rolle": "teilnehmend"})
    assert antwort.status_code == 200 and _namen(sitzung_a) == []


def test_the_single_add_page_links_to_the_multiple_add(client_als, verwaltung, sitzung_a):
    html = client_als(verwaltung).get(reverse("beteiligung:teilnehmende", args=[sitzung_a.pk])).content.decode()
    assert f'href="{_url(sitzung_a)}"' in html
