"""Requests that once answered HTTP 500: each gets a German message or 400/404 and changes nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from programme.models import Projekt
from testhilfen.programme import FoerderprogrammFactory, JahresbudgetFactory, ProjektFactory


@pytest.fixture
def programm(gebiet_a):
    programm = FoerderprogrammFactory(stadt=gebiet_a.stadt)
    JahresbudgetFactory(programm=programm, jahr=dt.date.today().year)
    return programm


@pytest.mark.parametrize("parameter", ["²", "١٢", "99999999999999999999999", "-1", "2026.0", "\x00"])
def test_the_year_of_the_programme_page_strukturcheck_and_social_index_is_parsed(
        parameter, programm, client_als, verwaltung):
    client = client_als(verwaltung)
    for url in (reverse("programme:programm", args=[programm.pk]), reverse("beteiligung:strukturcheck"),
                reverse("quartiere:sozialindex")):
        response = client.get(url, {"jahr": parameter})
        assert response.status_code in (200, 404), (url, parameter, response.status_code)


@pytest.mark.parametrize("parameter", ["²", "١", "99999999999999999999999", "\x00"])
def test_the_city_of_the_social_index_and_the_map_is_parsed(parameter, stadt, client_als, verwaltung):
    client = client_als(verwaltung)
    for url in (reverse("quartiere:sozialindex"), reverse("gebiete:karte")):
        response = client.get(url, {"stadt": parameter})
        assert response.status_code in (200, 404), (url, parameter, response.status_code)


def test_the_year_on_the_strukturcheck_is_refused_in_german(client_als, verwaltung):
    response = client_als(verwaltung).get(reverse("beteiligung:strukturcheck"), {"jahr": "²"})
    assert response.status_code == 404
    assert "Für dieses Jahr gibt es keinen Strukturcheck." in response.content.decode()


@pytest.mark.parametrize("zeitpunkt", ["0001-01-01T00:00", "9999-12-31T23:59:59", "0001-01-01T00:00:00-14:00",
                                       "2026-13-01T00:00"])
def test_an_oparl_timestamp_at_the_edge_of_time_is_a_400(zeitpunkt, stadt, client_als, anonym):
    response = client_als(anonym).get(reverse("oparl:body_meeting", args=[stadt.pk]),
                                      {"modified_since": zeitpunkt})
    assert response.status_code in (200, 400), response.status_code
    if response.status_code == 400:
        assert response.json()["type"] == "https://schema.oparl.org/1.1/Error"


@pytest.mark.parametrize("liste", ["body_person", "body_membership", "body_legislativeterm"])
def test_the_empty_oparl_lists_take_their_filters(liste, stadt, client_als, anonym):
    response = client_als(anonym).get(reverse(f"oparl:{liste}", args=[stadt.pk]),
                                      {"modified_since": "2020-01-01T00:00:00+01:00"})
    assert response.status_code == 200
    assert response.json()["data"] == [] and response.json()["pagination"]["totalElements"] == 0


@pytest.mark.parametrize("feld", ["handlungsfelder", "zielgruppen"])
def test_a_project_form_with_a_huge_id_is_refused(feld, gebiet_a, client_als, verwaltung):
    projekt = ProjektFactory(gebiet=gebiet_a, titel="Alt")
    response = client_als(verwaltung).post(reverse("programme:projekt_bearbeiten", args=[projekt.pk]), {
        "titel": "Neu", "gebiet": gebiet_a.pk, feld: ["99999999999999999999999"], "gesamtkosten": "100",
        "eigenmittel": "0", "drittmittel": "0"})
    assert response.status_code == 200
    assert "99999999999999999999999 ist keine gültige Auswahl." in response.content.decode()
    projekt.refresh_from_db()
    assert projekt.titel == "Alt"


def test_a_csv_with_a_huge_field_is_refused_in_the_preview(client_als, verwaltung):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from quartiere.models import Importentwurf, Indikatorwert

    inhalt = ("Gebiet;Indikator;Jahr;Wert\n" + "x" * 140_000 + ";sgb2_quote;2025;1\n").encode()
    client = client_als(verwaltung)
    response = client.post(reverse("quartiere:import"), {"datei": SimpleUploadedFile("werte.csv", inhalt)},
                           follow=True)
    assert response.status_code == 200
    assert Indikatorwert.objects.count() == 0
    entwurf = Importentwurf.objects.first()
    if entwurf is not None:
        response = client.get(reverse("quartiere:import_vorschau", args=[entwurf.pk]))
        assert response.status_code == 200
    assert "zu lang" in response.content.decode()
