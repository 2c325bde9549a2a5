"""Action items: who, until when, done; overdue ones on the start pages of staff and of the
responsible manager; the Strukturcheck matrix on the staff start page."""

import datetime as dt

import pytest
from django.urls import reverse

from beteiligung import services
from beteiligung.models import Aufgabe, Gremium, Sitzung
from testhilfen.beteiligung import AufgabeFactory, GremiumFactory, SitzungFactory
from kern.fehler import Regelverstoss
from quartiere.models import Person
from testhilfen.quartiere import GebietFactory, PersonFactory, QuartiersmanagementFactory

from .conftest import HEUTE

GESTERN = HEUTE - dt.timedelta(days=1)


def test_action_item_with_who_and_until_when(client_als, qm_a, sitzung_a, buergerin):
    response = client_als(qm_a).post(reverse("beteiligung:aufgabe_neu", args=[sitzung_a.pk]), {
        "text": "Einladungen für die Bürgerversammlung verschicken", "verantwortlich": buergerin.pk,
        "faellig_am": (HEUTE + dt.timedelta(days=14)).strftime("%d.%m.%Y")})
    assert response.status_code == 302
    aufgabe = Aufgabe.objects.get()
    assert (aufgabe.verantwortlich, aufgabe.faellig_am, aufgabe.erledigt) == (
        buergerin, HEUTE + dt.timedelta(days=14), False)


def test_due_date_before_the_meeting_is_refused(verwaltung, sitzung_a):
    with pytest.raises(Regelverstoss) as fehler:
        services.aufgabe_anlegen(sitzung=sitzung_a, text="x", faellig_am=sitzung_a.datum - dt.timedelta(days=1),
                                 durch=verwaltung)
    assert fehler.value.meldung == f"Die Frist darf nicht vor dem Sitzungstag ({sitzung_a.datum:%d.%m.%Y}) liegen."
    assert not Aufgabe.objects.exists()


def test_marking_done(client_als, qm_a, sitzung_a):
    aufgabe = AufgabeFactory(sitzung=sitzung_a, faellig_am=GESTERN)
    response = client_als(qm_a).post(reverse("beteiligung:aufgabe_erledigt", args=[aufgabe.pk]))
    assert response.status_code == 302
    aufgabe.refresh_from_db()
    assert aufgabe.erledigt_am == HEUTE
    with pytest.raises(Regelverstoss) as fehler:
        services.aufgabe_erledigen(aufgabe=aufgabe, durch=qm_a)
    assert fehler.value.meldung == "Die Aufgabe ist bereits erledigt."


@pytest.mark.parametrize(("persona", "status"), [("rat", 403), ("qm_b", 404), ("anonym", 302)])
def test_others_cannot_mark_done(request, client_als, sitzung_a, persona, status):
    aufgabe = AufgabeFactory(sitzung=sitzung_a, faellig_am=GESTERN)
    response = client_als(request.getfixturevalue(persona)).post(
        reverse("beteiligung:aufgabe_erledigt", args=[aufgabe.pk]))
    assert response.status_code == status
    aufgabe.refresh_from_db()
    assert aufgabe.erledigt_am is None


def test_the_responsible_manager_ticks_an_item_of_another_area(client_als, qm_b, sitzung_a):
    person_b = Person.objects.get(user=qm_b)
    aufgabe = AufgabeFactory(sitzung=sitzung_a, faellig_am=GESTERN, verantwortlich=person_b)
    assert client_als(qm_b).post(reverse("beteiligung:aufgabe_erledigt", args=[aufgabe.pk])).status_code == 302
    aufgabe.refresh_from_db()
    assert aufgabe.erledigt_am == HEUTE


@pytest.fixture
def ueberfaellig(sitzung_a, buergerin):
    return AufgabeFactory(sitzung=sitzung_a, text="Raum für das Hoffest buchen", verantwortlich=buergerin,
                          faellig_am=GESTERN)


def test_overdue_items_on_the_staff_start_page(client_als, verwaltung, ueberfaellig, sitzung_a):
    AufgabeFactory(sitzung=sitzung_a, text="Noch Zeit", faellig_am=HEUTE + dt.timedelta(days=3))
    AufgabeFactory(sitzung=sitzung_a, text="Schon erledigt", faellig_am=GESTERN, erledigt_am=GESTERN)
    response = client_als(verwaltung).get(reverse("start"))
    assert response.context["ueberfaellige_aufgaben"] == [ueberfaellig]
    bereich = response.content.decode().split('id="aufgaben-ueberfaellig"')[1].split("</ul>")[0]
    assert f"fällig seit {GESTERN:%d.%m.%Y}: Raum für das Hoffest buchen" in bereich
    assert "Ebru Aydinoglu" in bereich
    assert "Noch Zeit" not in bereich and "Schon erledigt" not in bereich


def test_overdue_items_on_the_responsible_managers_start_page(client_als, qm_a, qm_b, ueberfaellig, gebiet_b):
    eigene_b = AufgabeFactory(sitzung=SitzungFactory(gremium=GremiumFactory(gebiet=GebietFactory(
        parent=gebiet_b.parent)), datum=GESTERN - dt.timedelta(days=10)),
        text="Protokoll an den Träger", faellig_am=GESTERN, verantwortlich=Person.objects.get(user=qm_b))
    seite_a = client_als(qm_a).get(reverse("start"))
    assert seite_a.context["ueberfaellige_aufgaben"] == [ueberfaellig]
    assert "Raum für das Hoffest buchen" in seite_a.content.decode()
    seite_b = client_als(qm_b).get(reverse("start"))
    # Manager B sees what is assigned to them, even from a body outside their areas, and nothing of area A.
    assert seite_b.context["ueberfaellige_aufgaben"] == [eigene_b]
    assert "Raum für das Hoffest buchen" not in seite_b.content.decode()


def test_strukturcheck_matrix_on_the_staff_start_page(client_als, verwaltung, gebiet_a, qm_a):
    kreis = GremiumFactory(gebiet=gebiet_a, name="Steuerungskreis A", art=Gremium.Art.STEUERUNGSKREIS)
    SitzungFactory(gremium=kreis, datum=HEUTE, status=Sitzung.Status.DURCHGEFUEHRT)
    response = client_als(verwaltung).get(reverse("start"))
    text = response.content.decode()
    assert f"Strukturcheck {HEUTE.year}: Beteiligung, Umsetzung, Steuerung" in text
    matrix = text.split('id="strukturcheck-matrix"')[1].split("</table>")[0]
    assert "Quartier A" in matrix
    assert f"Der Steuerungskreis „Steuerungskreis A“ hat {HEUTE.year} 1-mal getagt" in matrix
    assert "Für Quartier A ist keine Bürgerversammlung als Gremium eingerichtet." in matrix


@pytest.mark.parametrize("anzahl", [2, 25])
def test_staff_start_page_query_count_stays_fixed_with_tasks_and_areas(client_als, verwaltung, stadt, anzahl,
                                                                       django_assert_max_num_queries):
    for i in range(anzahl):
        gebiet = GebietFactory(parent=stadt)
        QuartiersmanagementFactory(gebiet=gebiet, personen=[PersonFactory()])
        kreis = GremiumFactory(gebiet=gebiet, art=Gremium.Art.STEUERUNGSKREIS)
        sitzung = SitzungFactory(gremium=kreis, datum=GESTERN - dt.timedelta(days=3),
                                 status=Sitzung.Status.DURCHGEFUEHRT)
        AufgabeFactory(sitzung=sitzung, faellig_am=GESTERN, verantwortlich=PersonFactory(einwilligung_am=HEUTE))
    client = client_als(verwaltung)
    # Two of them fill the cards of proposed meetings and of reported barriers; the work basket card counts
    # each of its rows (portal.arbeitskorb) in place of the barrier and overdue-proof cards, fund calls and
    # reclaims among them; one more reads the data state of the cache (kern.datenstand).
    with django_assert_max_num_queries(32):
        response = client.get(reverse("start"))
    assert response.context["strukturcheck_gebiete"] == anzahl
    assert len(response.context["ueberfaellige_aufgaben"]) == min(anzahl, 20)


@pytest.mark.parametrize("anzahl", [2, 25])
def test_manager_start_page_query_count_stays_fixed_with_tasks(client_als, qm_a, sitzung_a, anzahl,
                                                               django_assert_max_num_queries):
    for i in range(anzahl):
        AufgabeFactory(sitzung=sitzung_a, faellig_am=GESTERN, verantwortlich=PersonFactory(einwilligung_am=HEUTE))
    client = client_als(qm_a)
    # Two of them fill the cards of proposed meetings and of reported barriers; the work basket card counts
    # each of its rows (portal.arbeitskorb) in place of the barrier and overdue-proof cards, fund calls and
    # reclaims among them; one more reads the data state of the cache (kern.datenstand).
    with django_assert_max_num_queries(32):
        response = client.get(reverse("start"))
    assert len(response.context["ueberfaellige_aufgaben"]) == min(anzahl, 20)


@pytest.mark.parametrize("anzahl", [2, 30])
def test_task_list_query_count_is_fixed(client_als, qm_a, sitzung_a, anzahl, django_assert_max_num_queries):
    for i in range(anzahl):
        AufgabeFactory(sitzung=sitzung_a, verantwortlich=PersonFactory(einwilligung_am=HEUTE), faellig_am=GESTERN)
    client = client_als(qm_a)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("beteiligung:aufgaben"))
    assert len(response.context["seite"].object_list) == min(anzahl, 25)
    assert "überfällig" in response.content.decode()
