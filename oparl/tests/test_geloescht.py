"""A withdrawn report or meeting stays in OParl as a deleted object (status 200) and in the lists."""

import datetime as dt
from urllib.parse import urlencode

import pytest
from django.utils import timezone

from berichte import services as berichte
from berichte.models import Berichtsart
from beteiligung import veroeffentlichung

from testhilfen.berichte import BerichtFactory

from .hilfen import holen, ids, ort_url, url

pytestmark = pytest.mark.django_db
GRUND = "Falscher Termin veröffentlicht."
GELOESCHT = {"id", "type", "created", "modified", "deleted"}


def _seit(zeitpunkt) -> str:
    return urlencode({"modified_since": zeitpunkt.isoformat(timespec="seconds")})


def test_a_withdrawn_report_is_a_deleted_paper_and_file(client, welt, verwaltung):
    bericht, stadt = welt["bericht"], welt["stadt"]
    assert holen(client, url("paper", bericht.pk))["deleted"] is False
    vorher = timezone.now() - dt.timedelta(seconds=1)
    berichte.bericht_zurueckziehen(bericht=bericht, grund=GRUND, durch=verwaltung)

    paper = holen(client, url("paper", bericht.pk))
    assert set(paper) == GELOESCHT and paper["deleted"] is True and paper["id"] == url("paper", bericht.pk)
    assert dt.datetime.fromisoformat(paper["modified"]) >= vorher
    datei = holen(client, url("file", bericht.pk))
    assert datei["deleted"] is True and set(datei) == GELOESCHT | {"accessUrl"}
    assert client.get(url("file_access", bericht.pk)).status_code == 410

    liste = holen(client, url("body_paper", stadt.pk) + "?" + _seit(vorher))
    eintrag = next(p for p in liste["data"] if p["id"] == url("paper", bericht.pk))
    assert eintrag["deleted"] is True
    assert url("file", bericht.pk) in ids(holen(client, url("body_file", stadt.pk) + "?" + _seit(vorher)))


def test_a_withdrawn_meeting_is_deleted_with_its_agenda_and_place(client, welt, verwaltung):
    sitzung, stadt = welt["sitzung"], welt["stadt"]
    vorher = timezone.now() - dt.timedelta(seconds=1)
    veroeffentlichung.sitzung_zurueckziehen(sitzung=sitzung, grund=GRUND, durch=verwaltung)

    meeting = holen(client, url("meeting", sitzung.pk))
    assert set(meeting) == GELOESCHT and meeting["deleted"] is True
    assert holen(client, ort_url(stadt, sitzung.ort))["deleted"] is True
    tops = holen(client, url("body_agendaitem", stadt.pk) + "?" + _seit(vorher))["data"]
    assert len(tops) == 2 and all(t["deleted"] for t in tops)
    liste = holen(client, url("body_meeting", stadt.pk) + "?" + _seit(vorher))
    assert [m["id"] for m in liste["data"]] == [url("meeting", sitzung.pk)] and liste["data"][0]["deleted"]
    assert url("meeting", sitzung.pk) in ids(holen(client, url("organization_meeting", welt["gremium"].pk)))


def test_the_documentation_of_a_withdrawn_meeting_is_a_deleted_file(client, welt, verwaltung):
    sitzung, stadt = welt["sitzung"], welt["stadt"]
    protokoll = BerichtFactory(art=Berichtsart.SITZUNGSDOKUMENTATION, parameter={"sitzung": sitzung.pk},
                               gebiet=sitzung.gremium.gebiet, oeffentlich=True)
    assert holen(client, url("meeting", sitzung.pk))["resultsProtocol"]["id"] == url("file", protokoll.pk)
    vorher = timezone.now() - dt.timedelta(seconds=1)
    veroeffentlichung.sitzung_zurueckziehen(sitzung=sitzung, grund=GRUND, durch=verwaltung)

    datei = holen(client, url("file", protokoll.pk))
    assert datei["deleted"] is True and dt.datetime.fromisoformat(datei["modified"]) >= vorher
    assert holen(client, url("paper", protokoll.pk))["deleted"] is True
    antwort = client.get(url("file_access", protokoll.pk))
    assert antwort.status_code == 410 and "Sitzung dieser Dokumentation ist zurückgezogen" in antwort.content.decode()
    assert url("file", protokoll.pk) in ids(holen(client, url("body_file", stadt.pk) + "?" + _seit(vorher)))
