"""The OParl interface shows public objects only, to every role, and no personal data."""

import pytest

from beteiligung.models import Sitzung
from testhilfen.beteiligung import AufgabeFactory, BeschlussFactory, MitgliedschaftFactory, TeilnahmeFactory
from oparl.darstellung import BODY_LISTEN
from oparl.views import NICHT_GEFUNDEN
from testhilfen.quartiere import PersonFactory

from .hilfen import holen, ort_url, url

pytestmark = pytest.mark.django_db


def test_non_public_meetings_and_reports_never_appear(client, welt):
    stadt = welt["stadt"].pk
    alles = "".join(client.get(url(f"body_{name}", stadt)).content.decode() for name in BODY_LISTEN.values())
    alles += client.get(url("organization_meeting", welt["gremium"].pk)).content.decode()
    for geheim in ("Vertrauliche Runde", "Personalfragen", "Interner Entwurf"):
        assert geheim not in alles
    adressen = [url(name, pk) for name, pk in (
        ("meeting", welt["intern"].pk), ("agendaitem", welt["interner_top"].pk), ("paper", welt["interner_bericht"].pk),
        ("file", welt["interner_bericht"].pk), ("file_access", welt["interner_bericht"].pk))]
    for adresse in [*adressen, ort_url(welt["stadt"], welt["intern"].ort)]:
        fehler = holen(client, adresse, 404)
        assert fehler["type"] == "https://schema.oparl.org/1.1/Error" and fehler["message"] == NICHT_GEFUNDEN


@pytest.mark.parametrize("persona", ["rat", "qm_a", "verwaltung"])
def test_non_public_objects_stay_hidden_for_every_role(persona, request, client_als, welt):
    client = client_als(request.getfixturevalue(persona))
    assert holen(client, url("meeting", welt["intern"].pk), 404)["message"] == NICHT_GEFUNDEN
    assert holen(client, url("paper", welt["interner_bericht"].pk), 404)["message"] == NICHT_GEFUNDEN


def test_unknown_ids_give_404_in_json(client, welt, gebiet_a):
    for name, pk in (("body", gebiet_a.pk), ("body_paper", gebiet_a.pk), ("organization", 999999),
                     ("organization_meeting", 999999), ("meeting", 999999), ("paper", 999999)):
        assert holen(client, url(name, pk), 404)["message"] == NICHT_GEFUNDEN
    assert holen(client, url("consultation", welt["bericht"].pk, 999999), 404)["type"].endswith("/Error")
    assert holen(client, url("location", "kein-ort"), 404)["message"] == NICHT_GEFUNDEN


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
                *(url(f"body_{name}", welt["stadt"].pk) for name in BODY_LISTEN.values())]
    for adresse in adressen:
        inhalt = client.get(adresse).content.decode()
        assert "Zwiebelhaupt" not in inhalt and "Hildegard" not in inhalt, adresse
    assert "participant" not in holen(client, url("meeting", sitzung.pk))
