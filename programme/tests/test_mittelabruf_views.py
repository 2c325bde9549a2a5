"""Pages of fund calls: status per role (council sees nothing, managers only their areas), the form with German
amounts and dates and its error summary, staff's list of open calls (filters, paging, fixed queries)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from programme.mittelabruf import Mittelabruf
from programme.models import Auszahlung
from testhilfen.mittelabruf import abruf, abrufbare_bewilligung
from testhilfen.programme import FoerderprogrammFactory
from testhilfen.quartiere import GebietFactory, StadtFactory

pytestmark = pytest.mark.django_db
D = Decimal
HEUTE = dt.date.today()


@pytest.fixture
def bewilligung(gebiet_a):
    return abrufbare_bewilligung(gebiet_a)


@pytest.fixture
def offen(bewilligung, qm_a):
    return abruf(bewilligung, qm_a, "1500", am=HEUTE)


def _status(client_als, request, persona, url, methode="get", daten=None):
    client = client_als(request.getfixturevalue(persona))
    return getattr(client, methode)(url, daten or {}).status_code


@pytest.mark.parametrize(("persona", "erwartet"), [
    ("verwaltung", 200), ("qm_a", 200), ("qm_b", 404), ("rat", 403), ("ohne_rolle", 403)])
def test_call_form_per_role(bewilligung, persona, erwartet, request, client_als):
    url = reverse("mittelabruf:abrufen", args=[bewilligung.pk])
    assert _status(client_als, request, persona, url) == erwartet


@pytest.mark.parametrize(("persona", "erwartet"), [
    ("verwaltung", 200), ("qm_a", 403), ("qm_b", 403), ("rat", 403)])
def test_staff_pages_per_role(offen, persona, erwartet, request, client_als):
    for url in (reverse("mittelabruf:offen"), reverse("mittelabruf:genehmigen", args=[offen.pk]),
                reverse("mittelabruf:ablehnen", args=[offen.pk])):
        assert _status(client_als, request, persona, url) == erwartet


@pytest.mark.parametrize(("persona", "erwartet"), [("qm_a", 302), ("qm_b", 404), ("rat", 403)])
def test_reporting_spent_per_role(offen, verwaltung, persona, erwartet, request, client_als):
    client_als(verwaltung).post(reverse("mittelabruf:genehmigen", args=[offen.pk]), {"datum": HEUTE.strftime("%d.%m.%Y")})
    url = reverse("mittelabruf:verwendet", args=[offen.pk])
    assert _status(client_als, request, persona, url, "post", {"verwendet_am": HEUTE.strftime("%d.%m.%Y")}) == erwartet
    assert (Mittelabruf.objects.get(pk=offen.pk).verwendet_am == HEUTE) == (erwartet == 302)


def test_anonymous_goes_to_the_login(offen, client_als, anonym):
    antwort = client_als(anonym).get(reverse("mittelabruf:offen"))
    assert antwort.status_code == 302
    assert antwort["Location"].startswith(reverse("login"))


def test_manager_calls_with_german_amount_and_date(bewilligung, qm_a, client_als):
    url = reverse("mittelabruf:abrufen", args=[bewilligung.pk])
    bis = HEUTE + dt.timedelta(days=20)
    antwort = client_als(qm_a).post(url, {"betrag": "1.234,56", "verwenden_bis": bis.strftime("%d.%m.%Y"),
                                          "zweck": "Honorare Sommerfest"})
    assert antwort.status_code == 302
    gespeichert = Mittelabruf.objects.get()
    assert (gespeichert.betrag, gespeichert.verwenden_bis, gespeichert.beantragt_von) == (D("1234.56"), bis, qm_a)


def test_refused_call_shows_the_reason_in_the_error_summary_and_saves_nothing(bewilligung, qm_a, client_als):
    url = reverse("mittelabruf:abrufen", args=[bewilligung.pk])
    bis = HEUTE + dt.timedelta(weeks=6, days=1)
    antwort = client_als(qm_a).post(url, {"betrag": "1.000", "verwenden_bis": bis.strftime("%d.%m.%Y"),
                                          "zweck": "Miete"})
    seite = antwort.content.decode()
    assert antwort.status_code == 200
    assert 'id="formularfehler"' in seite
    erster_tag = (HEUTE + dt.timedelta(days=1)).strftime("%d.%m.%Y")
    assert (f"Mittel dürfen erst abgerufen werden, wenn sie binnen 6 Wochen verwendet werden; diesen Abruf können Sie "
            f"ab dem {erster_tag} stellen.") in seite
    antwort = client_als(qm_a).post(url, {"betrag": "zehn", "verwenden_bis": "31.02.2027", "zweck": ""})
    assert antwort.content.decode().count('class="alert-link"') == 3
    assert not Mittelabruf.objects.exists()


def test_staff_approve_from_the_list_and_the_payout_appears_on_the_project_page(offen, verwaltung, client_als):
    client = client_als(verwaltung)
    liste = client.get(reverse("mittelabruf:offen")).content.decode()
    assert offen.bewilligung.projekt.titel in liste and "1.500,00" in liste
    antwort = client.post(reverse("mittelabruf:genehmigen", args=[offen.pk]) + "?von=liste",
                          {"datum": HEUTE.strftime("%d.%m.%Y")})
    assert antwort.status_code == 302 and antwort["Location"] == reverse("mittelabruf:offen")
    assert Auszahlung.objects.get().betrag == D("1500.00")
    assert "Keine offenen Mittelabrufe." in client.get(reverse("mittelabruf:offen")).content.decode()
    seite = client.get(reverse("programme:projekt", args=[offen.bewilligung.projekt_id])).content.decode()
    assert "genehmigt und ausgezahlt am" in seite
    assert f'id="abrufbar-{offen.bewilligung.pk}">7.500,00' in seite
    assert "Mittelabruf" in seite.split('id="historie-titel"')[1]  # the staff's change history


def test_staff_refuse_with_a_reason(offen, verwaltung, client_als):
    url = reverse("mittelabruf:ablehnen", args=[offen.pk])
    antwort = client_als(verwaltung).post(url, {"grund": "", "datum": HEUTE.strftime("%d.%m.%Y")})
    assert antwort.status_code == 200 and Mittelabruf.objects.get().status == "beantragt"
    antwort = client_als(verwaltung).post(url, {"grund": "Kostenübersicht fehlt", "datum": HEUTE.strftime("%d.%m.%Y")})
    assert antwort.status_code == 302
    assert Mittelabruf.objects.get().status == "abgelehnt" and not Auszahlung.objects.exists()


@pytest.mark.parametrize(("persona", "sieht", "darf_abrufen"), [
    ("verwaltung", True, True), ("qm_a", True, True), ("rat", False, False)])
def test_project_page_shows_calls_to_staff_and_managers_only(offen, persona, sieht, darf_abrufen, request,
                                                             client_als):
    seite = client_als(request.getfixturevalue(persona)).get(
        reverse("programme:projekt", args=[offen.bewilligung.projekt_id])).content.decode()
    assert ('id="mittelabrufe-titel"' in seite) == sieht
    assert ("Honorare der nächsten Wochen" in seite) == sieht
    assert (reverse("mittelabruf:abrufen", args=[offen.bewilligung.pk]) in seite) == darf_abrufen
    assert (reverse("mittelabruf:genehmigen", args=[offen.pk]) in seite) == (persona == "verwaltung")


def _abrufe_in_staedten(anzahl, verwaltung, praefix):
    """One open call in each of `anzahl` new cities, each of its own programme and project."""
    for i in range(anzahl):
        stadt = StadtFactory(name=f"{praefix} {i}")
        gebiet = GebietFactory(parent=stadt)
        bewilligung = abrufbare_bewilligung(gebiet, programm=FoerderprogrammFactory(stadt=stadt))
        abruf(bewilligung, verwaltung, "100", am=HEUTE)


def test_open_calls_filter_by_city_and_programme(offen, gebiet_b, verwaltung, client_als):
    anderer = abruf(abrufbare_bewilligung(GebietFactory(parent=StadtFactory(name="Anderswo"))), verwaltung, "700",
                    am=HEUTE)
    client = client_als(verwaltung)
    url = reverse("mittelabruf:offen")
    seite = client.get(url, {"stadt": offen.bewilligung.programm.stadt_id}).content.decode()
    assert offen.bewilligung.projekt.titel in seite and anderer.bewilligung.projekt.titel not in seite
    seite = client.get(url, {"programm": anderer.bewilligung.programm_id}).content.decode()
    assert anderer.bewilligung.projekt.titel in seite and offen.bewilligung.projekt.titel not in seite
    assert client.get(url, {"stadt": "999999"}).status_code == 200
    export = b"".join(client.get(url, {"format": "csv"}).streaming_content).decode("utf-8-sig")
    assert anderer.bewilligung.projekt.titel in export and offen.bewilligung.projekt.titel in export


def test_open_calls_page_runs_fixed_queries(verwaltung, client_als, django_assert_max_num_queries):
    client = client_als(verwaltung)
    _abrufe_in_staedten(2, verwaltung, "Klein")
    with django_assert_max_num_queries(8) as wenige:
        assert client.get(reverse("mittelabruf:offen")).status_code == 200
    _abrufe_in_staedten(20, verwaltung, "Groß")
    with django_assert_max_num_queries(8) as viele:
        seite = client.get(reverse("mittelabruf:offen")).content.decode()
    assert seite.count("mittelabrufe/") >= 2 * 22
    assert len(viele.captured_queries) == len(wenige.captured_queries)
