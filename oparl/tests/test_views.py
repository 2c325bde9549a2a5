"""The OParl 1.1 interface: public objects only, spec-shaped lists, no personal data."""

import datetime as dt
import hashlib
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse

from berichte.models import Beratung, Berichtsart
from berichte.tests.factories import KLEINES_PDF, BeratungFactory, BerichtFactory, RatsvorlageFactory
from beteiligung.models import Gremium, Sitzung
from beteiligung.tests.factories import (
    AufgabeFactory,
    BeschlussFactory,
    GremiumFactory,
    MitgliedschaftFactory,
    SitzungFactory,
    TagesordnungspunktFactory,
    TeilnahmeFactory,
)
from oparl import views as oparl
from programme.tests.factories import FoerderprogrammFactory
from quartiere.tests.factories import PersonFactory, StadtFactory

pytestmark = pytest.mark.django_db

BASIS = "http://testserver/oparl/v1/"


def url(name, *args):
    return "http://testserver" + reverse(f"oparl:{name}", args=args)


def holen(client, adresse, status=200):
    antwort = client.get(adresse)
    assert antwort.status_code == status, f"{adresse}: {antwort.status_code}"
    assert antwort["Content-Type"] == "application/json; charset=utf-8"
    return antwort.json()


def ids(liste):
    return [objekt["id"] for objekt in liste["data"]]


@pytest.fixture
def client(client_als, anonym):
    return client_als(anonym)


@pytest.fixture
def welt(stadt, gebiet_a, gebiet_b):
    gremium = GremiumFactory(gebiet=gebiet_a, name="Steuerungskreis Quartier A", art=Gremium.Art.STEUERUNGSKREIS)
    rat = GremiumFactory(gebiet=stadt, name="Rat der Stadt", art=Gremium.Art.RAT)
    sitzung = SitzungFactory(gremium=gremium, oeffentlich=True, titel="Quartiersforum im Sommer",
                             datum=dt.date(2026, 7, 1), beginn=dt.time(18, 0), ende=dt.time(20, 30),
                             ort="Bürgerhaus, Saal 1", status=Sitzung.Status.DOKUMENTIERT,
                             dokumentiert_am=dt.date(2026, 7, 8))
    TagesordnungspunktFactory(sitzung=sitzung, nummer=1, titel="Begrüßung")
    TagesordnungspunktFactory(sitzung=sitzung, nummer=2, titel="Spielplatz am Markt")
    intern = SitzungFactory(gremium=gremium, oeffentlich=False, titel="Vertrauliche Runde")
    interner_top = TagesordnungspunktFactory(sitzung=intern, nummer=1, titel="Personalfragen")
    bericht = BerichtFactory(gebiet=gebiet_a, oeffentlich=True, titel="Quartiersprofil A 2026",
                             art=Berichtsart.QUARTIERSPROFIL)
    interner_bericht = BerichtFactory(gebiet=gebiet_a, oeffentlich=False, titel="Interner Entwurf")
    return {"stadt": stadt, "gremium": gremium, "rat": rat, "sitzung": sitzung, "intern": intern,
            "interner_top": interner_top, "bericht": bericht, "interner_bericht": interner_bericht}


def ratsvorlage(stadt, gremium, **bericht):
    vorlage = RatsvorlageFactory(stadt=stadt, betreff="Sozialbericht 2026")
    BeratungFactory(vorlage=vorlage, reihenfolge=1, gremium=gremium, gremium_name="",
                    zustaendigkeit=Beratung.Zustaendigkeit.BERATUNG, datum=dt.date(2026, 9, 1))
    BeratungFactory(vorlage=vorlage, reihenfolge=2, gremium_name="Ausschuss für Soziales",
                    zustaendigkeit=Beratung.Zustaendigkeit.KENNTNISNAHME, datum=None, oeffentlich=False)
    BeratungFactory(vorlage=vorlage, reihenfolge=3, gremium=None, gremium_name="Rat",
                    zustaendigkeit=Beratung.Zustaendigkeit.ENTSCHEIDUNG, datum=dt.date(2026, 9, 30))
    return BerichtFactory(art=Berichtsart.RATSVORLAGE, titel=vorlage.betreff, vorlage=vorlage, gebiet=stadt,
                          **bericht)


def test_system_links_to_the_body_list(client, welt):
    antwort = client.get(BASIS)
    system = antwort.json()
    assert antwort["Content-Type"] == "application/json; charset=utf-8"
    assert antwort["Access-Control-Allow-Origin"] == "*"
    assert system["id"] == BASIS and system["type"] == "https://schema.oparl.org/1.1/System"
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    assert system["name"] == "Quartiersportal" and system["website"] == "http://testserver/"
    assert "vendor" not in system and "product" not in system
    koerperschaften = holen(client, system["body"])
    assert ids(koerperschaften) == [url("body", welt["stadt"].pk)]


def test_body_has_the_required_fields_and_lists(client, welt):
    body = holen(client, url("body", welt["stadt"].pk))
    assert body["type"] == "https://schema.oparl.org/1.1/Body"
    assert body["name"] == "Musterstadt" and body["system"] == BASIS and body["deleted"] is False
    assert body["legislativeTerm"] == []
    for eigenschaft in ("organization", "person", "meeting", "paper", "agendaItem", "consultation", "file",
                        "locationList", "legislativeTermList", "membership"):
        assert body[eigenschaft].startswith(body["id"]), eigenschaft
    assert body["created"].endswith(("+01:00", "+02:00"))


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
    assert ids(holen(client, body["locationList"])) == [url("location", welt["sitzung"].pk)]
    assert len(ids(holen(client, body["agendaItem"]))) == 2
    for leer in ("person", "membership", "legislativeTermList"):
        assert holen(client, body[leer])["data"] == []
    assert len(ids(holen(client, url("bodies")))) == 2


def test_organization_says_what_kind_of_body_it_is(client, welt):
    gremium = holen(client, url("organization", welt["gremium"].pk))
    assert gremium["body"] == url("body", welt["stadt"].pk)
    assert gremium["organizationType"] == "Gremium" and gremium["classification"] == "Steuerungskreis"
    assert gremium["keyword"] == ["Quartier A"] and "endDate" not in gremium and gremium["deleted"] is False
    assert ids(holen(client, gremium["meeting"])) == [url("meeting", welt["sitzung"].pk)]
    assert holen(client, url("organization", welt["rat"].pk))["classification"] == "Parlament"


def test_an_inactive_body_ends_with_its_last_public_meeting(client, welt):
    Gremium.objects.filter(pk=welt["gremium"].pk).update(aktiv=False)
    gremium = holen(client, url("organization", welt["gremium"].pk))
    assert gremium["endDate"] == "2026-07-01" and gremium["deleted"] is False


def test_meeting_with_times_place_and_agenda(client, welt):
    sitzung = holen(client, url("meeting", welt["sitzung"].pk))
    assert sitzung["name"] == "Quartiersforum im Sommer" and sitzung["meetingState"] == "durchgeführt"
    assert sitzung["start"] == "2026-07-01T18:00:00+02:00" and sitzung["end"] == "2026-07-01T20:30:00+02:00"
    assert sitzung["location"]["description"] == "Bürgerhaus, Saal 1"
    assert sitzung["organization"] == [url("organization", welt["gremium"].pk)]
    assert [(t["number"], t["order"], t["name"], t["public"]) for t in sitzung["agendaItem"]] == [
        ("1", 0, "Begrüßung", True), ("2", 1, "Spielplatz am Markt", True)]
    top = holen(client, sitzung["agendaItem"][1]["id"])
    assert top["meeting"] == sitzung["id"] and top["order"] == 1
    assert holen(client, sitzung["location"]["id"])["meetings"] == [sitzung["id"]]


def test_winter_meeting_without_times_starts_at_midnight_berlin(client, welt):
    winter = SitzungFactory(gremium=welt["gremium"], oeffentlich=True, datum=dt.date(2026, 1, 15), beginn=None,
                            ende=None, ort="")
    sitzung = holen(client, url("meeting", winter.pk))
    assert sitzung["start"] == "2026-01-15T00:00:00+01:00" and sitzung["meetingState"] == "terminiert"
    assert "end" not in sitzung and "location" not in sitzung and "agendaItem" not in sitzung


def test_a_changed_agenda_item_changes_the_meeting(client, welt):
    vorher = holen(client, url("meeting", welt["sitzung"].pk))["modified"]
    spaeter = dt.datetime(2030, 1, 1, 12, tzinfo=dt.timezone.utc)
    welt["sitzung"].tagesordnungspunkte.filter(nummer=2).update(modified=spaeter)
    nachher = holen(client, url("meeting", welt["sitzung"].pk))["modified"]
    assert nachher == "2030-01-01T13:00:00+01:00" != vorher
    liste = holen(client, url("body_meeting", welt["stadt"].pk) + "?modified_since=2029-12-31T00:00:00%2B01:00")
    assert ids(liste) == [url("meeting", welt["sitzung"].pk)]


def test_non_public_meetings_and_reports_never_appear(client, welt):
    stadt = welt["stadt"].pk
    alles = "".join(client.get(url(f"body_{name}", stadt)).content.decode() for name in oparl.BODY_LISTEN.values())
    alles += client.get(url("organization_meeting", welt["gremium"].pk)).content.decode()
    for geheim in ("Vertrauliche Runde", "Personalfragen", "Interner Entwurf"):
        assert geheim not in alles
    for name, pk in (("meeting", welt["intern"].pk), ("location", welt["intern"].pk),
                     ("agendaitem", welt["interner_top"].pk), ("paper", welt["interner_bericht"].pk),
                     ("file", welt["interner_bericht"].pk), ("file_access", welt["interner_bericht"].pk)):
        assert holen(client, url(name, pk), 404) == {"type": "Error", "message": oparl.NICHT_GEFUNDEN}


@pytest.mark.parametrize("persona", ["rat", "qm_a", "verwaltung"])
def test_non_public_objects_stay_hidden_for_every_role(persona, request, client_als, welt):
    client = client_als(request.getfixturevalue(persona))
    assert holen(client, url("meeting", welt["intern"].pk), 404)["message"] == oparl.NICHT_GEFUNDEN
    assert holen(client, url("paper", welt["interner_bericht"].pk), 404)["message"] == oparl.NICHT_GEFUNDEN


def test_unknown_ids_give_404_in_json(client, welt, gebiet_a):
    for name, pk in (("body", gebiet_a.pk), ("body_paper", gebiet_a.pk), ("organization", 999999),
                     ("organization_meeting", 999999), ("meeting", 999999), ("paper", 999999)):
        assert holen(client, url(name, pk), 404)["message"] == oparl.NICHT_GEFUNDEN
    assert holen(client, url("consultation", welt["bericht"].pk, 999999), 404)["type"] == "Error"


def test_paper_of_a_council_paper_carries_its_consultation_sequence(client, welt, stadt):
    bericht = ratsvorlage(stadt, welt["gremium"])
    papier = holen(client, url("paper", bericht.pk))
    assert papier["paperType"] == "Ratsvorlage" and papier["reference"] == bericht.nummer
    assert papier["body"] == url("body", stadt.pk) and papier["name"] == "Sozialbericht 2026"
    assert papier["web"] == "http://testserver" + reverse("berichte:bericht", args=[bericht.pk])
    beratungen = papier["consultation"]
    assert [(b["role"], b["authoritative"]) for b in beratungen] == [
        ("Beratung", False), ("Kenntnisnahme", False), ("Entscheidung", True)]
    assert beratungen[0]["organization"] == [url("organization", welt["gremium"].pk)]
    assert beratungen[0]["quartiersportal:date"] == "2026-09-01" and beratungen[0]["quartiersportal:public"]
    assert "organization" not in beratungen[1] and beratungen[1]["quartiersportal:public"] is False
    assert beratungen[1]["quartiersportal:organizationName"] == "Ausschuss für Soziales"
    assert "quartiersportal:date" not in beratungen[1]
    einzeln = holen(client, beratungen[2]["id"])
    assert einzeln["paper"] == papier["id"] and einzeln["role"] == "Entscheidung" and einzeln["authoritative"]
    liste = holen(client, url("body_consultation", stadt.pk))
    assert ids(liste) == [b["id"] for b in beratungen]


def test_every_public_version_is_a_paper_pointing_to_the_others(client, welt):
    erste = welt["bericht"]
    zweite = BerichtFactory(gebiet=erste.gebiet, art=erste.art, titel=erste.titel, jahr=erste.jahr,
                            laufnummer=erste.laufnummer, version=2, ersetzt=erste, oeffentlich=True)
    alt, neu = holen(client, url("paper", erste.pk)), holen(client, url("paper", zweite.pk))
    assert alt["reference"] == neu["reference"] == erste.nummer
    assert neu["name"] == "Quartiersprofil A 2026 (Version 2)" and neu["quartiersportal:version"] == 2
    assert alt["relatedPaper"] == [neu["id"]] and neu["relatedPaper"] == [alt["id"]]
    assert alt["deleted"] is False and alt["modified"] == neu["modified"]


def test_file_metadata_and_downloads_for_the_public(client, welt):
    bericht = welt["bericht"]
    datei = holen(client, url("paper", bericht.pk))["mainFile"]
    einzeln = holen(client, datei["id"])
    assert einzeln.pop("paper") == [url("paper", bericht.pk)] and einzeln == datei
    assert datei["mimeType"] == "application/pdf" and datei["size"] == len(KLEINES_PDF)
    assert datei["fileName"] == bericht.dateiname and datei["name"] == "Quartiersprofil A 2026"
    assert datei["quartiersportal:sha256Checksum"] == hashlib.sha256(KLEINES_PDF).hexdigest()
    assert "sha1Checksum" not in datei and "sha512Checksum" not in datei

    download = client.get(datei["downloadUrl"])
    assert datei["downloadUrl"] == "http://testserver" + reverse("berichte:pdf", args=[bericht.pk])
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;") and download.content == KLEINES_PDF
    ansicht = client.get(datei["accessUrl"])
    assert ansicht.status_code == 200 and ansicht["Content-Type"] == "application/pdf"
    assert ansicht["Content-Disposition"].startswith("inline;") and ansicht.content == KLEINES_PDF


def test_a_tampered_file_is_not_sent(client, welt):
    bericht = welt["bericht"]
    with bericht.datei.open("wb") as datei:
        datei.write(b"%PDF-1.4 manipuliert")
    antwort = client.get(url("file_access", bericht.pk))
    assert antwort.status_code == 409 and "stimmt nicht mehr" in antwort.json()["message"]


def test_no_personal_names_anywhere(client, welt):
    person = PersonFactory(vorname="Hildegard", nachname="Zwiebelhaupt")
    sitzung = welt["sitzung"]
    TeilnahmeFactory(sitzung=sitzung, person=person)
    MitgliedschaftFactory(gremium=welt["gremium"], person=person)
    AufgabeFactory(sitzung=sitzung, verantwortlich=person)
    BeschlussFactory(sitzung=sitzung, text="Frau Zwiebelhaupt lädt ein.")
    Sitzung.objects.filter(pk=sitzung.pk).update(verfasst_von=person)
    adressen = [url("meeting", sitzung.pk), url("organization", welt["gremium"].pk),
                url("organization_meeting", welt["gremium"].pk),
                *(url(f"body_{name}", welt["stadt"].pk) for name in oparl.BODY_LISTEN.values())]
    for adresse in adressen:
        inhalt = client.get(adresse).content.decode()
        assert "Zwiebelhaupt" not in inhalt and "Hildegard" not in inhalt, adresse
    assert "participant" not in holen(client, url("meeting", sitzung.pk))


def test_pagination_totals_and_links_across_two_pages(client, welt, stadt, gebiet_b, monkeypatch):
    monkeypatch.setattr(oparl, "SEITENGROESSE", 2)
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
    assert holen(client, erste_seite_url + "?page=3", 404)["message"] == oparl.SEITE_FEHLT


def test_the_real_page_size_is_100(client, welt):
    sitzung = welt["sitzung"]
    for nummer in range(3, 102):
        TagesordnungspunktFactory(sitzung=sitzung, nummer=nummer)
    erste = holen(client, url("body_agendaitem", welt["stadt"].pk))
    assert len(erste["data"]) == 100 and erste["pagination"]["totalElements"] == 101
    assert erste["pagination"]["totalPages"] == 2 and len(holen(client, erste["links"]["next"])["data"]) == 1
    assert len(holen(client, url("meeting", sitzung.pk))["agendaItem"]) == 101


def test_filters_by_creation_time_and_keep_them_in_the_links(client, welt, stadt, monkeypatch):
    monkeypatch.setattr(oparl, "SEITENGROESSE", 1)
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
    assert fehler == {"type": "Error", "message": oparl.ZEITPUNKT_UNGUELTIG.format(name=parameter)}
    assert "Zeitpunkt nach ISO 8601" in fehler["message"]


@pytest.mark.parametrize("seite", ["0", "-1", "zwei", "1.5"])
def test_a_bad_page_gives_400(client, welt, seite):
    assert holen(client, f"{url('bodies')}?page={seite}", 400)["message"] == oparl.SEITE_UNGUELTIG


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
          *((f"body_{name}", "stadt") for name in oparl.BODY_LISTEN.values())]


@pytest.mark.parametrize("name, objekt", LISTEN)
def test_lists_need_a_fixed_number_of_queries(client, welt, stadt, gebiet_a, name, objekt,
                                              django_assert_max_num_queries):
    adresse = url(name, welt[objekt].pk) if objekt else url(name)
    _mehr_daten(stadt, gebiet_a, 2)
    with django_assert_max_num_queries(5) as klein:
        antwort = client.get(adresse)
    assert antwort.status_code == 200
    _mehr_daten(stadt, gebiet_a, 15)
    with django_assert_max_num_queries(5) as gross:
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
