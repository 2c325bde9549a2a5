"""The OParl lists: per body, paged, filtered by time, read-only, with a fixed number of queries."""

import datetime as dt
from urllib.parse import parse_qs, urlparse

import pytest

from testhilfen.berichte import BerichtFactory
from beteiligung.models import Gremium
from testhilfen.beteiligung import GremiumFactory, SitzungFactory, TagesordnungspunktFactory
from oparl import views
from oparl.darstellung import BODY_LISTEN
from testhilfen.programme import FoerderprogrammFactory
from testhilfen.quartiere import StadtFactory

from .hilfen import BASIS, holen, ids, ort_url, ratsvorlage, url

pytestmark = pytest.mark.django_db


def test_each_body_lists_its_organizations_meetings_and_papers(client, welt, stadt):
    andere_stadt = StadtFactory(name="Anderstadt")
    GremiumFactory(gebiet=andere_stadt, name="Beirat Anderstadt")
    programmbericht = BerichtFactory(programm=FoerderprogrammFactory(stadt=stadt), oeffentlich=True)
    body = holen(client, url("body", stadt.pk))

    assert ids(holen(client, body["organization"])) == [url("organization", welt["gremium"].pk),
                                                        url("organization", welt["rat"].pk)]
    assert ids(holen(client, body["meeting"])) == [url("meeting", welt["sitzung"].pk)]
    assert ids(holen(client, body["paper"])) == [url("paper", welt["bericht"].pk), url("paper", programmbericht.pk)]
    assert ids(holen(client, body["file"])) == [url("file", welt["bericht"].pk), url("file", programmbericht.pk)]
    assert ids(holen(client, body["locationList"])) == [ort_url(stadt, "Bürgerhaus, Saal 1")]
    assert len(ids(holen(client, body["agendaItem"]))) == 2
    for leer in ("person", "membership", "legislativeTermList"):
        assert holen(client, body[leer])["data"] == []
    assert len(ids(holen(client, url("bodies")))) == 2


def test_pagination_totals_and_links_across_two_pages(client, welt, stadt, gebiet_b, settings):
    settings.OPARL_PAGE_SIZE = 2
    dritte = GremiumFactory(gebiet=gebiet_b)
    erste_seite_url = url("body_organization", stadt.pk)
    erste = holen(client, erste_seite_url)
    assert erste["pagination"] == {"totalElements": 3, "elementsPerPage": 2, "currentPage": 1, "totalPages": 2}
    assert erste["links"] == {"first": erste_seite_url, "self": erste_seite_url, "next": erste_seite_url + "?page=2",
                              "last": erste_seite_url + "?page=2"}
    zweite = holen(client, erste["links"]["next"])
    assert zweite["pagination"]["currentPage"] == 2 and zweite["links"]["prev"] == erste_seite_url
    assert "next" not in zweite["links"] and zweite["links"]["self"] == erste["links"]["last"]
    assert ids(erste) + ids(zweite) == [url("organization", g.pk) for g in (welt["gremium"], welt["rat"], dritte)]
    assert holen(client, erste_seite_url + "?page=3", 404)["message"] == views.SEITE_FEHLT


def test_the_real_page_size_is_100(client, welt):
    sitzung = welt["sitzung"]
    for nummer in range(3, 102):
        TagesordnungspunktFactory(sitzung=sitzung, nummer=nummer)
    erste = holen(client, url("body_agendaitem", welt["stadt"].pk))
    assert len(erste["data"]) == 100 and erste["pagination"]["totalElements"] == 101
    assert erste["pagination"]["totalPages"] == 2 and len(holen(client, erste["links"]["next"])["data"]) == 1
    assert len(holen(client, url("meeting", sitzung.pk))["agendaItem"]) == 101


def test_filters_by_creation_time_and_keep_them_in_the_links(client, welt, stadt, settings):
    settings.OPARL_PAGE_SIZE = 1
    Gremium.objects.filter(pk=welt["gremium"].pk).update(created=dt.datetime(2025, 12, 31, 22, tzinfo=dt.timezone.utc))
    Gremium.objects.filter(pk=welt["rat"].pk).update(created=dt.datetime(2026, 3, 1, 12, tzinfo=dt.timezone.utc))
    neu = GremiumFactory(gebiet=stadt)
    basis = url("body_organization", stadt.pk)
    liste = holen(client, basis + "?created_since=2026-01-01T00:00:00%2B01:00")
    assert liste["pagination"]["totalElements"] == 2 and ids(liste) == [url("organization", welt["rat"].pk)]
    naechste = urlparse(liste["links"]["next"])
    assert parse_qs(naechste.query) == {"created_since": ["2026-01-01T00:00:00+01:00"], "page": ["2"]}
    assert ids(holen(client, liste["links"]["next"])) == [url("organization", neu.pk)]
    # An unencoded "+" arrives as a space and still counts as the offset.
    bis = holen(client, basis + "?created_until=2026-01-01T00:00:00+01:00")
    assert ids(bis) == [url("organization", welt["gremium"].pk)]
    zeitraum = holen(client, basis + "?created_since=2026-02-01T00:00:00Z&created_until=2026-04-01T00:00:00")
    assert ids(zeitraum) == [url("organization", welt["rat"].pk)]


@pytest.mark.parametrize("parameter, wert", [
    ("created_since", "gestern"), ("created_until", "2026-01-01"), ("modified_since", "2026-13-01T00:00:00"),
    ("modified_until", ""),
])
def test_a_bad_time_gives_400_with_a_german_message(client, welt, parameter, wert):
    fehler = holen(client, f"{url('body_paper', welt['stadt'].pk)}?{parameter}={wert}", 400)
    assert fehler["type"] == "https://schema.oparl.org/1.1/Error" and fehler["debug"].startswith("HTTP 400")
    assert fehler["message"] == views.ZEITPUNKT_UNGUELTIG.format(name=parameter)
    assert "Zeitpunkt nach ISO 8601" in fehler["message"]


@pytest.mark.parametrize("seite", ["0", "-1", "zwei", "1.5"])
def test_a_bad_page_gives_400(client, welt, seite):
    assert holen(client, f"{url('bodies')}?page={seite}", 400)["message"] == views.SEITE_UNGUELTIG


def test_the_interface_is_read_only(client, welt):
    assert client.post(url("meeting", welt["sitzung"].pk)).status_code == 405
    assert client.head(url("bodies")).status_code == 200


def _mehr_daten(stadt, gebiet, anzahl):
    for n in range(anzahl):
        gremium = GremiumFactory(gebiet=gebiet)
        sitzung = SitzungFactory(gremium=gremium, oeffentlich=True)
        TagesordnungspunktFactory(sitzung=sitzung, nummer=1)
        TagesordnungspunktFactory(sitzung=sitzung, nummer=2)
        erste = ratsvorlage(stadt, gremium)
        BerichtFactory(gebiet=gebiet, art=erste.art, jahr=erste.jahr, laufnummer=erste.laufnummer, version=2,
                       ersetzt=erste, vorlage=erste.vorlage, oeffentlich=True)
        BerichtFactory(programm=FoerderprogrammFactory(stadt=stadt), oeffentlich=True)


LISTEN = [("bodies", False), ("organization_meeting", "gremium"),
          *((f"body_{name}", "stadt") for name in BODY_LISTEN.values())]


@pytest.mark.parametrize("name, objekt", LISTEN)
def test_lists_need_a_fixed_number_of_queries(client, welt, stadt, gebiet_a, name, objekt,
                                              django_assert_max_num_queries):
    adresse = url(name, welt[objekt].pk) if objekt else url(name)
    _mehr_daten(stadt, gebiet_a, 2)
    with django_assert_max_num_queries(8) as klein:
        antwort = client.get(adresse)
    assert antwort.status_code == 200
    _mehr_daten(stadt, gebiet_a, 15)
    with django_assert_max_num_queries(8) as gross:
        antwort = client.get(adresse)
    assert antwort.status_code == 200
    assert len(gross.captured_queries) == len(klein.captured_queries)


def test_every_url_in_the_interface_resolves_to_its_object(client, welt, stadt):
    ratsvorlage(stadt, welt["gremium"])
    offen, gesehen, objekte = [BASIS], set(), 0

    def urls_in(wert):
        if isinstance(wert, dict):
            for schluessel, inhalt in wert.items():
                yield from urls_in(inhalt) if schluessel != "links" else ()
        elif isinstance(wert, list):
            for inhalt in wert:
                yield from urls_in(inhalt)
        elif isinstance(wert, str) and wert.startswith("http://testserver/"):
            yield wert

    def ids_in(wert):
        if isinstance(wert, dict):
            if "id" in wert and "type" in wert:
                yield wert
            for inhalt in wert.values():
                yield from ids_in(inhalt)
        elif isinstance(wert, list):
            for inhalt in wert:
                yield from ids_in(inhalt)

    while offen:
        adresse = offen.pop()
        if adresse in gesehen:
            continue
        gesehen.add(adresse)
        antwort = client.get(adresse)
        assert antwort.status_code == 200, adresse
        if antwort["Content-Type"] != "application/json; charset=utf-8":
            assert antwort["Content-Type"] == "application/pdf", adresse
            continue
        daten = antwort.json()
        if "data" not in daten:
            assert daten["id"] == adresse
            objekte += 1
        for objekt in ids_in(daten):
            eigen = holen(client, objekt["id"])
            assert eigen["id"] == objekt["id"] and eigen["type"] == objekt["type"]
            assert {"created", "modified", "deleted"} <= eigen.keys() or eigen["type"].endswith("/System")
        offen.extend(u for u in urls_in(daten) if u not in gesehen and (u.startswith(BASIS) or u.endswith("/pdf/")))
    besucht = {urlparse(u).path.split("/")[3] for u in gesehen if u.startswith(BASIS) and u != BASIS}
    assert besucht >= {"body", "organization", "meeting", "agendaitem", "location", "paper", "file"}
    assert objekte > 10
