"""Pages of the proof of use: status per role, the receipt upload (a faulty row writes nothing), submission,
and staff's list of proofs waiting for a check (scoped, filtered, a fixed number of queries)."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programme import nachweis_services
from programme.nachweis import Beleg
from testhilfen.nachweis import belegliste, foerderung
from testhilfen.programme import VerwendungsnachweisFactory
from testhilfen.quartiere import StadtFactory

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def nachweis(gebiet_a, verwaltung, qm_a):
    nachweis = foerderung(gebiet=gebiet_a, verwaltung=verwaltung, qm=qm_a).verwendungsnachweis
    nachweis_services.angaben_speichern(nachweis=nachweis, durch=qm_a, sachbericht="Lesepaten lasen vor.",
                                        eigenmittel=D("7500"), drittmittel=D("0"))
    return nachweis


@pytest.mark.parametrize("persona, seite, angaben", [
    ("verwaltung", 200, 200), ("qm_a", 200, 200), ("qm_b", 404, 404), ("rat", 404, 404)])
def test_nachweisseite_je_rolle(nachweis, client_als, request, persona, seite, angaben):
    client = client_als(request.getfixturevalue(persona))
    assert client.get(reverse("nachweis:seite", args=[nachweis.pk])).status_code == seite
    assert client.get(reverse("nachweis:angaben", args=[nachweis.pk])).status_code == angaben
    antwort = client.post(reverse("nachweis:beleg_neu", args=[nachweis.pk]), {
        "datum": "01.04.2026", "empfaenger": "Druckerei", "zweck": "Flyer", "betrag": "99,50",
        "kategorie": "sachkosten"})
    assert antwort.status_code == (302 if seite == 200 else 404)
    assert Beleg.objects.count() == (1 if seite == 200 else 0)


def test_hochladen_mit_fehlerhafter_zeile_schreibt_nichts_und_zeigt_die_zeile(nachweis, client_als, qm_a):
    datei = SimpleUploadedFile("belege.csv", belegliste("15.03.2026;Buchhandlung;Bücher;1.234,56;Sachausgaben",
                                                        "16.03.2026;Buchhandlung;Bücher;;Sachausgaben"))
    antwort = client_als(qm_a).post(reverse("nachweis:belege_import", args=[nachweis.pk]), {"datei": datei})
    seite = antwort.content.decode()
    assert antwort.status_code == 400
    assert "1 Zeile(n) der Datei sind fehlerhaft; es wurde nichts importiert." in seite
    assert "Zeile 3: Spalte „Betrag“: leer" in seite
    assert not Beleg.objects.exists()
    gut = SimpleUploadedFile("belege.csv", belegliste("15.03.2026;Buchhandlung;Bücher;1.234,56;Sachausgaben"))
    assert client_als(qm_a).post(reverse("nachweis:belege_import", args=[nachweis.pk]),
                                 {"datei": gut}).status_code == 302
    assert Beleg.objects.get().betrag == D("1234.56")


def test_einreichen_ueber_die_seite_dann_nur_noch_verwaltung(nachweis, client_als, qm_a):
    nachweis_services.beleg_hinzufuegen(nachweis=nachweis, durch=qm_a, datum=dt.date(2026, 4, 1), empfaenger="X",
                                        zweck="Y", betrag=D("321.09"), kategorie="personal")
    assert client_als(qm_a).get(reverse("nachweis:abgeben", args=[nachweis.pk])).status_code == 405
    assert client_als(qm_a).post(reverse("nachweis:abgeben", args=[nachweis.pk])).status_code == 302
    nachweis.refresh_from_db()
    assert (nachweis.eingereicht_am is not None, nachweis.verwendet) == (True, D("321.09"))
    assert client_als(qm_a).get(reverse("nachweis:beleg_neu", args=[nachweis.pk])).status_code == 403


def _eingereichte(anzahl: int, gebiet) -> None:
    for _ in range(anzahl):
        VerwendungsnachweisFactory(eingereicht=True, verwendet=D("100"), bewilligung__gebiet=gebiet,
                                   bewilligung__projekt__gebiet=gebiet,
                                   bewilligung__programm__stadt=gebiet.stadt)


def test_liste_zu_pruefen_nur_verwaltung_gefiltert_und_mit_fester_abfragezahl(client_als, verwaltung, qm_a, rat,
                                                                              gebiet_a):
    url = reverse("nachweis:zu_pruefen")
    assert client_als(qm_a).get(url).status_code == 403
    assert client_als(rat).get(url).status_code == 403
    staff = client_als(verwaltung)
    _eingereichte(2, gebiet_a)
    with CaptureQueriesContext(connection) as wenige:
        assert staff.get(url).status_code == 200
    _eingereichte(12, gebiet_a)
    with CaptureQueriesContext(connection) as viele:
        seite = staff.get(url).content.decode()
    assert len(viele) == len(wenige)
    assert "die ältesten zuerst: 14." in seite and len(re.findall(r'href="/verwendungsnachweise/\d+/"', seite)) == 14
    andere = StadtFactory(name="Anderstadt")
    assert "Keine Verwendungsnachweise warten" in staff.get(url, {"stadt": andere.pk}).content.decode()
    assert staff.get(url, {"stadt": "999999999999999999999"}).status_code == 200
    assert staff.get(url, {"format": "csv"}).status_code == 200
