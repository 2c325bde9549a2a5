"""What council systems read besides the required fields: licence, body keys, places, protocols, decisions,
the meeting a consultation row was dealt in, and the time filters at the second the interface publishes."""

import datetime as dt
import hashlib

import pytest

from berichte.models import Berichtsart
from beteiligung.models import Beschluss, Gremium, Sitzung
from quartiere.models import Gebiet
from testhilfen.berichte import KLEINES_PDF, BerichtFactory
from testhilfen.beteiligung import BeschlussFactory, SitzungFactory, TagesordnungspunktFactory
from testhilfen.quartiere import EinrichtungFactory

from .hilfen import BASIS, holen, ids, ort_url, ratsvorlage, url

pytestmark = pytest.mark.django_db

CC_BY = "https://creativecommons.org/licenses/by/4.0/"


def test_system_and_body_carry_the_licence_of_the_portal_or_the_city(client, welt, stadt, settings):
    assert holen(client, BASIS)["license"] == CC_BY
    assert holen(client, url("body", stadt.pk))["license"] == CC_BY
    settings.OPARL_LICENSE = "https://www.govdata.de/dl-de/by-2-0"
    assert holen(client, BASIS)["license"] == "https://www.govdata.de/dl-de/by-2-0"
    Gebiet.objects.filter(pk=stadt.pk).update(lizenz="https://www.govdata.de/dl-de/zero-2-0")
    assert holen(client, url("body", stadt.pk))["license"] == "https://www.govdata.de/dl-de/zero-2-0"


def test_body_has_short_name_website_and_municipality_key(client, welt, stadt):
    Gebiet.objects.filter(pk=stadt.pk).update(kennziffer="05316000", webseite="https://www.musterstadt.de/")
    body = holen(client, url("body", stadt.pk))
    assert body["name"] == "Stadt Musterstadt" and body["shortName"] == "Musterstadt"
    assert body["ags"] == "05316000" and body["website"] == "https://www.musterstadt.de/"
    Gebiet.objects.filter(pk=stadt.pk).update(kennziffer="7", webseite="")
    body = holen(client, url("body", stadt.pk))
    assert "ags" not in body and "website" not in body


@pytest.mark.parametrize("feld", ["created", "modified"])
def test_the_object_at_the_boundary_second_is_inside_both_filters(client, welt, stadt, feld):
    genau = dt.datetime(2026, 3, 1, 12, 0, 0, 700_000, tzinfo=dt.timezone.utc)
    Gremium.objects.filter(pk=welt["gremium"].pk).update(**{feld: genau})
    Gremium.objects.filter(pk=welt["rat"].pk).update(**{feld: genau + dt.timedelta(seconds=1)})
    if feld == "modified":
        Gremium.objects.filter(pk=welt["gremium"].pk).update(created=genau - dt.timedelta(days=1))
    veroeffentlicht = holen(client, url("organization", welt["gremium"].pk))[feld]
    assert veroeffentlicht == "2026-03-01T13:00:00+01:00"
    basis = url("body_organization", stadt.pk)
    quoted = veroeffentlicht.replace("+", "%2B")
    gremium, rat = url("organization", welt["gremium"].pk), url("organization", welt["rat"].pk)
    assert ids(holen(client, f"{basis}?{feld}_until={quoted}")) == [gremium]
    assert ids(holen(client, f"{basis}?{feld}_since={quoted}")) == [gremium, rat]
    assert ids(holen(client, f"{basis}?{feld}_since={quoted}&{feld}_until={quoted}")) == [gremium]
    assert ids(holen(client, f"{basis}?{feld}_until=2026-03-01T12:59:59%2B01:00")) == []


def test_omit_internal_leaves_out_agenda_items_and_legislative_terms(client, welt, stadt):
    sitzung = holen(client, url("meeting", welt["sitzung"].pk) + "?omit_internal=true")
    assert "agendaItem" not in sitzung and sitzung["name"] == "Quartiersforum im Sommer"
    assert "legislativeTerm" not in holen(client, url("body", stadt.pk) + "?omit_internal=true")
    liste = holen(client, url("body_meeting", stadt.pk) + "?omit_internal=true")
    assert "agendaItem" not in liste["data"][0] and "omit_internal=true" in liste["links"]["self"]
    assert len(holen(client, url("meeting", welt["sitzung"].pk))["agendaItem"]) == 2


def test_one_location_per_place_with_all_its_meetings_and_the_facility_address(client, welt, stadt, gebiet_a):
    zweite = SitzungFactory(gremium=welt["gremium"], oeffentlich=True, ort="Bürgerhaus, Saal 1")
    SitzungFactory(gremium=welt["gremium"], oeffentlich=True, ort="Haus der Zukunft")
    EinrichtungFactory(gebiet=gebiet_a, name="Haus der Zukunft – Mehrgenerationenhaus",
                       adresse="Lüssumer Heide 6, 28777 Bremen")
    orte = holen(client, url("body_location", stadt.pk))["data"]
    assert [o["description"] for o in orte] == ["Bürgerhaus, Saal 1", "Haus der Zukunft"]
    saal, haus = orte
    assert saal["id"] == ort_url(stadt, "Bürgerhaus, Saal 1") and saal["bodies"] == [url("body", stadt.pk)]
    assert saal["meetings"] == [url("meeting", welt["sitzung"].pk), url("meeting", zweite.pk)]
    assert (haus["streetAddress"], haus["postalCode"], haus["locality"]) == ("Lüssumer Heide 6", "28777", "Bremen")
    assert holen(client, haus["id"]) == haus
    eingebettet = holen(client, url("meeting", zweite.pk))["location"]
    assert eingebettet["id"] == saal["id"] and "meetings" not in eingebettet


def test_an_address_in_the_place_text_is_read(client, welt, stadt):
    SitzungFactory(gremium=welt["gremium"], oeffentlich=True, ort="Stadtteilhaus, Amersfoorter Straße 8, 28259 Bremen")
    ort = holen(client, ort_url(stadt, "Stadtteilhaus, Amersfoorter Straße 8, 28259 Bremen"))
    assert (ort["streetAddress"], ort["postalCode"], ort["locality"]) == ("Amersfoorter Straße 8", "28259", "Bremen")


def test_meeting_is_not_cancelled_and_links_its_published_documentation(client, welt):
    sitzung = welt["sitzung"]
    assert holen(client, url("meeting", sitzung.pk))["cancelled"] is False
    assert "resultsProtocol" not in holen(client, url("meeting", sitzung.pk))
    doku = BerichtFactory(art=Berichtsart.SITZUNGSDOKUMENTATION, titel="Dokumentation: Quartiersforum im Sommer",
                          parameter={"sitzung": sitzung.pk}, gebiet=sitzung.gremium.gebiet, oeffentlich=True)
    BerichtFactory(art=Berichtsart.SITZUNGSDOKUMENTATION, parameter={"sitzung": welt["intern"].pk}, oeffentlich=True)
    protokoll = holen(client, url("meeting", sitzung.pk))["resultsProtocol"]
    assert protokoll["id"] == url("file", doku.pk) and protokoll["accessUrl"] == url("file_access", doku.pk)
    assert protokoll["sha512Checksum"] == hashlib.sha512(KLEINES_PDF).hexdigest()


def test_agenda_item_result_and_text_come_from_its_decisions_once_documented(client, welt):
    sitzung = welt["sitzung"]
    top = sitzung.tagesordnungspunkte.get(nummer=2)
    BeschlussFactory(sitzung=sitzung, tagesordnungspunkt=top, text="Der Spielplatz wird erneuert.",
                     art=Beschluss.Art.EMPFEHLUNG, stimmen_ja=9, stimmen_nein=1, stimmen_enthaltung=2)
    assert "resolutionText" not in holen(client, url("agendaitem", top.pk))
    BerichtFactory(art=Berichtsart.SITZUNGSDOKUMENTATION, parameter={"sitzung": sitzung.pk}, oeffentlich=True)
    punkt = holen(client, url("agendaitem", top.pk))
    assert punkt["result"] == "Empfehlung (Ja 9, Nein 1, Enthaltungen 2)"
    assert punkt["resolutionText"] == "Der Spielplatz wird erneuert."
    eingebettet = holen(client, url("meeting", sitzung.pk))["agendaItem"]
    assert "result" not in eingebettet[0] and eingebettet[1]["result"].startswith("Empfehlung")


def test_consultation_points_to_the_meeting_and_agenda_item_it_was_dealt_in(client, welt, stadt):
    beratung = SitzungFactory(gremium=welt["gremium"], oeffentlich=True, datum=dt.date(2026, 9, 1),
                              status=Sitzung.Status.DURCHGEFUEHRT)
    TagesordnungspunktFactory(sitzung=beratung, nummer=1, titel="Begrüßung")
    punkt = TagesordnungspunktFactory(sitzung=beratung, nummer=2, titel="Sozialbericht 2026 – Beratung")
    bericht = ratsvorlage(stadt, welt["gremium"])
    zeilen = holen(client, url("paper", bericht.pk))["consultation"]
    assert zeilen[0]["meeting"] == url("meeting", beratung.pk) and zeilen[0]["agendaItem"] == url("agendaitem", punkt.pk)
    assert "meeting" not in zeilen[1] and "meeting" not in zeilen[2]
    einzeln = holen(client, zeilen[0]["id"])
    assert einzeln["meeting"] == url("meeting", beratung.pk) and einzeln["agendaItem"] == url("agendaitem", punkt.pk)
