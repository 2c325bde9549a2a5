"""Deadlines: due dates from the programme's settings, the deadline list on the project page, the overview,
the interim proof steps, and who sees them."""

import datetime as dt

import pytest
from django.urls import reverse

from kern.fehler import Regelverstoss
from programme import fristen_services
from programme.models import Verwendungsnachweis, Zwischennachweis
from testhilfen.fristen import JAHR, bewilligen, heute_setzen, programm_mit_budget, projekt_mit_traeger

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("vorgaben, zwischen, nachweis", [
    ({}, dt.date(JAHR + 1, 4, 30), dt.date(JAHR + 1, 6, 30)),
    ({"zwischennachweis_monat": 5, "zwischennachweis_tag": 31, "nachweis_frist_monate": 3},
     dt.date(JAHR + 1, 5, 31), dt.date(JAHR + 1, 3, 31)),
])
def test_grant_sets_interim_proof_and_proof_of_use_by_the_programme_settings(gebiet_a, verwaltung, vorgaben,
                                                                            zwischen, nachweis):
    programm = programm_mit_budget(gebiet_a, **vorgaben)
    bewilligung = bewilligen(projekt_mit_traeger(gebiet_a), programm, verwaltung=verwaltung)
    # The funding period is the project's part of 2026 (1.3.-31.12.); the project runs on into 2027.
    assert [(z.jahr, z.faellig_am) for z in Zwischennachweis.objects.filter(bewilligung=bewilligung)] == [
        (JAHR, zwischen)]
    assert Verwendungsnachweis.objects.get(bewilligung=bewilligung).faellig_am == nachweis


def test_project_within_one_year_has_no_interim_proof_and_proof_six_months_after(gebiet_a, verwaltung):
    programm = programm_mit_budget(gebiet_a)
    projekt = projekt_mit_traeger(gebiet_a, beginn=dt.date(JAHR, 3, 1), ende=dt.date(JAHR, 9, 15))
    bewilligung = bewilligen(projekt, programm, verwaltung=verwaltung)
    assert not Zwischennachweis.objects.filter(bewilligung=bewilligung).exists()
    assert bewilligung.verwendungsnachweis.faellig_am == dt.date(JAHR + 1, 3, 15)


@pytest.fixture
def bewilligung(gebiet_a, verwaltung):
    return bewilligen(projekt_mit_traeger(gebiet_a, titel="Stadtteilmütter A"), programm_mit_budget(gebiet_a),
                      verwaltung=verwaltung)


def test_project_page_lists_each_grants_deadlines_with_state_and_days(client_als, verwaltung, bewilligung,
                                                                      monkeypatch):
    heute_setzen(monkeypatch, dt.date(JAHR + 1, 4, 20))
    seite = client_als(verwaltung).get(reverse("programme:projekt", args=[bewilligung.projekt_id])).content.decode()
    fristen = seite[seite.index('id="fristen-titel"'):]
    assert "Zwischennachweis 2026" in fristen and "30.04.2027" in fristen and "noch 10 Tage" in fristen
    assert "Verwendungsnachweis" in fristen and "30.06.2027" in fristen and "noch 71 Tage" in fristen
    assert "Zwischennachweis 2026 einreichen" in fristen

    heute_setzen(monkeypatch, dt.date(JAHR + 1, 5, 2))
    seite = client_als(verwaltung).get(reverse("programme:projekt", args=[bewilligung.projekt_id])).content.decode()
    assert "seit 2 Tagen überfällig" in seite and "überfällig</span>" in seite


def test_council_sees_the_project_but_no_deadlines(client_als, rat, bewilligung):
    seite = client_als(rat).get(reverse("programme:projekt", args=[bewilligung.projekt_id]))
    assert seite.status_code == 200
    assert 'id="fristen-titel"' not in seite.content.decode()


@pytest.mark.parametrize("persona, status", [("verwaltung", 200), ("qm_a", 200), ("qm_b", 200), ("rat", 403),
                                             ("ohne_rolle", 403), ("anonym", 302)])
@pytest.mark.parametrize("url", ["fristen:uebersicht", "fristen:erinnerungen", "arbeitskorb"])
def test_deadline_pages_per_role(request, client_als, bewilligung, persona, status, url):
    assert client_als(request.getfixturevalue(persona)).get(reverse(url)).status_code == status


def test_overview_shows_managers_only_their_areas_and_filters_by_programme(client_als, qm_a, verwaltung, gebiet_b,
                                                                           bewilligung):
    anderes = programm_mit_budget(gebiet_b, kurzname="LOS")
    bewilligen(projekt_mit_traeger(gebiet_b, titel="Lernwerkstatt B"), anderes, verwaltung=verwaltung)
    eigene = client_als(qm_a).get(reverse("fristen:uebersicht")).content.decode()
    assert "Stadtteilmütter A" in eigene and "Lernwerkstatt B" not in eigene
    alle = client_als(verwaltung).get(reverse("fristen:uebersicht")).content.decode()
    assert "Stadtteilmütter A" in alle and "Lernwerkstatt B" in alle
    nur_los = client_als(verwaltung).get(reverse("fristen:uebersicht"), {"programm": anderes.pk}).content.decode()
    assert "Stadtteilmütter A" not in nur_los and "Lernwerkstatt B" in nur_los
    assert "2 Einträge" in nur_los
    # A programme the filter does not offer is a form error and lists nothing.
    falsch = client_als(verwaltung).get(reverse("fristen:uebersicht"), {"programm": "999999"}).content.decode()
    assert "Stadtteilmütter A" not in falsch and "Lernwerkstatt B" not in falsch and "0 Einträge" in falsch


def test_manager_submits_the_interim_proof_and_staff_check_it(client_als, qm_a, verwaltung, bewilligung):
    zn = Zwischennachweis.objects.get(bewilligung=bewilligung)
    url = reverse("fristen:zwischennachweis_einreichen", args=[zn.pk])
    antwort = client_als(qm_a).post(url, {"sachbericht": "Zwölf Mütter geschult, 80 Familien erreicht.",
                                          "datum": "20.04.2027"})
    assert antwort.status_code == 302
    zn.refresh_from_db()
    assert (zn.eingereicht_am, zn.eingereicht_von) == (dt.date(JAHR + 1, 4, 20), qm_a)
    assert client_als(qm_a).get(reverse("fristen:zwischennachweis_pruefen", args=[zn.pk])).status_code == 403
    antwort = client_als(verwaltung).post(reverse("fristen:zwischennachweis_pruefen", args=[zn.pk]),
                                          {"datum": "25.04.2027"})
    assert antwort.status_code == 302
    zn.refresh_from_db()
    assert (zn.geprueft_am, zn.geprueft_von) == (dt.date(JAHR + 1, 4, 25), verwaltung)
    assert [h.history_user for h in zn.history.order_by("history_date")] == [verwaltung, qm_a, verwaltung]


def test_interim_proof_of_another_area_is_not_found(client_als, qm_b, bewilligung):
    zn = Zwischennachweis.objects.get(bewilligung=bewilligung)
    antwort = client_als(qm_b).post(reverse("fristen:zwischennachweis_einreichen", args=[zn.pk]),
                                    {"sachbericht": "x", "datum": "20.04.2027"})
    assert antwort.status_code == 404
    zn.refresh_from_db()
    assert zn.eingereicht_am is None


def test_interim_proof_before_the_year_ended_is_refused_in_german(client_als, qm_a, bewilligung):
    zn = Zwischennachweis.objects.get(bewilligung=bewilligung)
    antwort = client_als(qm_a).post(reverse("fristen:zwischennachweis_einreichen", args=[zn.pk]),
                                    {"sachbericht": "Bericht", "datum": "20.12.2026"})
    assert antwort.status_code == 200
    assert fristen_services.ZN_VOR_JAHRESENDE.format(jahr=JAHR) in antwort.content.decode()
    zn.refresh_from_db()
    assert zn.eingereicht_am is None
    with pytest.raises(Regelverstoss):
        fristen_services.zwischennachweis_pruefen(zwischennachweis=zn, durch=qm_a)


def test_programme_page_links_to_its_deadlines_for_staff_not_council(client_als, verwaltung, rat, bewilligung):
    url = reverse("programme:programm", args=[bewilligung.programm_id])
    ziel = f'{reverse("fristen:uebersicht")}?programm={bewilligung.programm_id}'
    assert ziel in client_als(verwaltung).get(url).content.decode()
    assert ziel not in client_als(rat).get(url).content.decode()
