"""The OParl 1.1 objects: required fields, embedded objects, versions and files."""

import datetime as dt
import hashlib

import pytest
from django.urls import reverse

from testhilfen.berichte import KLEINES_PDF, BerichtFactory
from beteiligung.models import Gremium
from testhilfen.beteiligung import SitzungFactory

from .hilfen import BASIS, holen, ids, ratsvorlage, url

pytestmark = pytest.mark.django_db


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
    assert body["name"] == "Stadt Musterstadt" and body["shortName"] == "Musterstadt"
    assert body["system"] == BASIS and body["deleted"] is False
    assert body["legislativeTerm"] == []
    for eigenschaft in ("organization", "person", "meeting", "paper", "agendaItem", "consultation", "file",
                        "locationList", "legislativeTermList", "membership"):
        assert body[eigenschaft].startswith(body["id"]), eigenschaft
    assert body["created"].endswith(("+01:00", "+02:00"))


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


def test_a_replaced_version_is_a_deleted_paper_and_file_the_new_one_is_valid(client, welt):
    erste = welt["bericht"]
    zweite = BerichtFactory(gebiet=erste.gebiet, art=erste.art, titel=erste.titel, jahr=erste.jahr,
                            laufnummer=erste.laufnummer, version=2, ersetzt=erste, oeffentlich=True)
    alt, neu = holen(client, url("paper", erste.pk)), holen(client, url("paper", zweite.pk))
    assert neu["reference"] == erste.nummer and neu["deleted"] is False
    assert neu["name"] == "Quartiersprofil A 2026 (Version 2)" and neu["quartiersportal:version"] == 2
    assert "relatedPaper" not in neu
    assert alt["deleted"] is True and "reference" not in alt and "mainFile" not in alt
    assert dt.datetime.fromisoformat(alt["modified"]) >= zweite.created.replace(microsecond=0)
    datei = holen(client, url("file", erste.pk))
    assert datei["deleted"] is True and "downloadUrl" not in datei
    antwort = client.get(url("file_access", erste.pk))
    assert antwort.status_code == 410 and "durch eine neuere Version ersetzt" in antwort.content.decode()
    assert client.get(url("file_access", zweite.pk)).status_code == 200


def test_file_metadata_and_downloads_for_the_public(client, welt):
    bericht = welt["bericht"]
    datei = holen(client, url("paper", bericht.pk))["mainFile"]
    einzeln = holen(client, datei["id"])
    assert einzeln.pop("paper") == [url("paper", bericht.pk)] and einzeln == datei
    assert datei["mimeType"] == "application/pdf" and datei["size"] == len(KLEINES_PDF)
    assert datei["fileName"] == bericht.dateiname and datei["name"] == "Quartiersprofil A 2026"
    assert datei["quartiersportal:sha256Checksum"] == hashlib.sha256(KLEINES_PDF).hexdigest()
    assert datei["sha512Checksum"] == hashlib.sha512(KLEINES_PDF).hexdigest() and "sha1Checksum" not in datei

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
