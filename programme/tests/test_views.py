import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programme.models import Bewilligung, Projekt
from testhilfen.programme import (
    AuszahlungFactory,
    BewilligungFactory,
    FoerderprogrammFactory,
    HandlungsfeldFactory,
    JahresbudgetFactory,
    ProgrammgebietFactory,
    ProjektFactory,
)
from testhilfen.quartiere import OrganisationFactory

JAHR = dt.date.today().year
D = Decimal


@pytest.fixture
def win(gebiet_a, gebiet_b):
    programm = FoerderprogrammFactory(kurzname="WiN", name="Wohnen in Nachbarschaften", stadt=gebiet_a.stadt,
                                      max_foerderquote=D("50"), beginn=dt.date(JAHR - 3, 1, 1))
    for gebiet in (gebiet_a, gebiet_b):
        ProgrammgebietFactory(programm=programm, gebiet=gebiet, beginn=dt.date(JAHR - 3, 1, 1))
    JahresbudgetFactory(programm=programm, jahr=JAHR, betrag=D("1750000"))
    JahresbudgetFactory(programm=programm, jahr=JAHR, gebiet=gebiet_a, betrag=D("60000"))
    JahresbudgetFactory(programm=programm, jahr=JAHR, gebiet=gebiet_b, betrag=D("40000"))
    JahresbudgetFactory(programm=programm, jahr=JAHR - 1, betrag=D("1500000"))
    return programm


def bewilligte_projekte(programm, gebiet, anzahl, betrag="1000", jahr=JAHR, handlungsfeld=None):
    traeger = OrganisationFactory(stadt=gebiet.stadt)
    ergebnis = []
    for _ in range(anzahl):
        projekt = ProjektFactory(gebiet=gebiet, traeger=traeger, bewilligt=True, gesamtkosten=D("100000"),
                                 beginn=dt.date(jahr, 1, 1), handlungsfelder=[handlungsfeld] if handlungsfeld else [])
        ergebnis.append(BewilligungFactory(bewilligt=True, projekt=projekt, programm=programm, jahr=jahr,
                                           gebiet=gebiet, betrag_beantragt=D(betrag)))
    return ergebnis


def test_programme_list_for_every_role(client_als, win, verwaltung, qm_a, rat):
    for user in (verwaltung, qm_a, rat):
        response = client_als(user).get(reverse("programme:programme"))
        assert response.status_code == 200
        assert "Wohnen in Nachbarschaften" in response.content.decode()
        assert "höchstens 50\u00a0% der Kosten" in response.content.decode()


def test_programme_page_figures_equal_independent_sums(client_als, win, gebiet_a, gebiet_b, verwaltung):
    gesundheit = HandlungsfeldFactory(name="Gesundheit")
    a = bewilligte_projekte(win, gebiet_a, 3, "12500.50", handlungsfeld=gesundheit)
    b = bewilligte_projekte(win, gebiet_b, 2, "7000")
    AuszahlungFactory(bewilligung=a[0], betrag=D("5000"))
    AuszahlungFactory(bewilligung=b[1], betrag=D("2500.25"))
    bewilligt_a = sum(x.betrag_bewilligt for x in a)
    bewilligt = bewilligt_a + sum(x.betrag_bewilligt for x in b)
    assert bewilligt == D("51501.50")
    response = client_als(verwaltung).get(reverse("programme:programm", args=[win.pk]))
    text = response.content.decode()
    assert response.status_code == 200
    assert f"<title>WiN {JAHR} – Quartiersportal</title>" in text
    assert 'id="kennzahl-budget">1.750.000,00\u00a0€' in text
    assert 'id="kennzahl-bewilligt">51.501,50\u00a0€' in text
    assert 'id="kennzahl-ausgezahlt">7.500,25\u00a0€' in text
    assert 'id="kennzahl-verbleibend">1.698.498,50\u00a0€' in text
    zeilen = {z.bezeichnung: z for z in response.context["je_gebiet"]}
    assert zeilen["Quartier A"].bewilligt == bewilligt_a
    assert zeilen["Quartier A"].verbleibend == D("60000") - bewilligt_a
    assert zeilen["Quartier B"].ausgezahlt == D("2500.25")
    assert "<svg" in text and "<title" in text
    felder = {z.bezeichnung: z.bewilligt for z in response.context["je_handlungsfeld"]}
    assert felder["Gesundheit"] == bewilligt_a


def test_programme_page_year_switch_and_bad_year(client_als, win, gebiet_a, verwaltung):
    bewilligte_projekte(win, gebiet_a, 1, "3000", jahr=JAHR - 1)
    client = client_als(verwaltung)
    response = client.get(reverse("programme:programm", args=[win.pk]), {"jahr": JAHR - 1})
    assert 'id="kennzahl-budget">1.500.000,00\u00a0€' in response.content.decode()
    assert 'id="kennzahl-bewilligt">3.000,00\u00a0€' in response.content.decode()
    assert client.get(reverse("programme:programm", args=[win.pk]), {"jahr": "1999"}).status_code == 404
    assert client.get(reverse("programme:programm", args=[win.pk]), {"jahr": "abc"}).status_code == 404


def test_manager_sees_only_own_areas_on_programme_page(client_als, win, gebiet_a, gebiet_b, qm_a):
    bewilligte_projekte(win, gebiet_b, 1, "4321")
    response = client_als(qm_a).get(reverse("programme:programm", args=[win.pk]))
    assert response.status_code == 200
    assert [z.bezeichnung for z in response.context["je_gebiet"]] == ["Quartier A"]


def _abfragen(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_programme_page_query_count_same_at_10_and_500_projects(client_als, win, gebiet_a, gebiet_b, verwaltung):
    client = client_als(verwaltung)
    url = reverse("programme:programm", args=[win.pk])
    bewilligte_projekte(win, gebiet_a, 10, "10")
    klein = _abfragen(client, url)
    bewilligte_projekte(win, gebiet_b, 490, "10")
    gross = _abfragen(client, url)
    assert klein == gross


@pytest.mark.parametrize("anzahl", [10, 200])
def test_project_page_has_fixed_query_count(client_als, win, gebiet_a, verwaltung, anzahl,
                                            django_assert_max_num_queries):
    bewilligung = bewilligte_projekte(win, gebiet_a, 1, "5000")[0]
    for _ in range(anzahl // 10):
        AuszahlungFactory(bewilligung=bewilligung, betrag=D("1"))
    client = client_als(verwaltung)
    # Deadlines of each kind and the reminders sent (programme.fristen), reclaims with their repayments and base
    # rates, fund calls with their history.
    with django_assert_max_num_queries(32):
        assert client.get(reverse("programme:projekt", args=[bewilligung.projekt_id])).status_code == 200


def test_project_page_scoping(client_als, win, gebiet_a, verwaltung, qm_a, qm_b, rat):
    projekt = ProjektFactory(gebiet=gebiet_a, titel="Mama lernt Deutsch")
    url = reverse("programme:projekt", args=[projekt.pk])
    assert client_als(qm_b).get(url).status_code == 404
    for user in (verwaltung, qm_a, rat):
        assert client_als(user).get(url).status_code == 200
    text = client_als(rat).get(url).content.decode()
    assert "Förderung beantragen" not in text
    assert client_als(rat).get(reverse("programme:antrag", args=[projekt.pk])).status_code == 403
    assert client_als(qm_b).get(reverse("programme:antrag", args=[projekt.pk])).status_code == 404


def test_manager_requests_funding_through_the_form(client_als, win, gebiet_a, qm_a):
    projekt = ProjektFactory(gebiet=gebiet_a, gesamtkosten=D("20000"), eigenmittel=D("10000"))
    response = client_als(qm_a).post(reverse("programme:antrag", args=[projekt.pk]),
                                     {"programm": win.pk, "jahr": JAHR, "betrag": "8.000,00", "begruendung": ""})
    assert response.status_code == 302
    bewilligung = Bewilligung.objects.get(projekt=projekt)
    assert bewilligung.betrag_beantragt == D("8000.00")
    assert Projekt.objects.get(pk=projekt.pk).status == Projekt.Status.BEANTRAGT


def test_staff_grant_through_the_form_shows_remaining_budget_and_refuses_overspend(
        client_als, win, gebiet_b, verwaltung, qm_b):
    bewilligte_projekte(win, gebiet_b, 1, "35000")
    projekt = ProjektFactory(gebiet=gebiet_b, gesamtkosten=D("40000"), beantragt=True)
    antrag = BewilligungFactory(projekt=projekt, programm=win, jahr=JAHR, gebiet=gebiet_b,
                                betrag_beantragt=D("6000"))
    client = client_als(verwaltung)
    url = reverse("programme:bewilligen", args=[antrag.pk])
    seite = client.get(url).content.decode()
    assert 'id="budget-frei">5.000,00\u00a0€' in seite
    response = client.post(url, {"betrag": "6.000,00", "datum": "21.11.2026"})
    assert response.status_code == 200
    assert (f"Das Budget WiN {JAHR} für Quartier B reicht nicht: frei sind noch 5.000,00 €, "
            "bewilligt werden sollen 6.000,00 €.") in response.content.decode()
    antrag.refresh_from_db()
    assert antrag.status == Bewilligung.Status.BEANTRAGT and antrag.betrag_bewilligt is None
    response = client.post(url, {"betrag": "5.000,00", "datum": "21.11.2026"})
    assert response.status_code == 302
    antrag.refresh_from_db()
    assert antrag.betrag_bewilligt == D("5000.00")
    assert client_als(qm_b).get(url).status_code == 403
    seite = client.get(reverse("programme:projekt", args=[projekt.pk])).content.decode()
    assert "Änderungsverlauf" in seite and "verwaltung" in seite


def test_bad_amount_gets_german_message(client_als, win, gebiet_a, verwaltung):
    antrag = BewilligungFactory(projekt=ProjektFactory(gebiet=gebiet_a, beantragt=True), programm=win, jahr=JAHR,
                                gebiet=gebiet_a)
    response = client_als(verwaltung).post(reverse("programme:bewilligen", args=[antrag.pk]),
                                           {"betrag": "viel", "datum": "21.11.2026"})
    assert response.status_code == 200
    assert "Bitte eine Zahl eingeben." in response.content.decode()


def test_payout_and_proof_of_use_through_forms(client_als, win, gebiet_a, verwaltung, qm_a):
    bewilligung = bewilligte_projekte(win, gebiet_a, 1, "5000")[0]
    staff = client_als(verwaltung)
    response = staff.post(reverse("programme:auszahlen", args=[bewilligung.pk]),
                          {"betrag": "5.000,01", "datum": "21.11.2026"})
    assert "möglich sind noch 5.000,00 €" in response.content.decode()
    assert staff.post(reverse("programme:auszahlen", args=[bewilligung.pk]),
                      {"betrag": "5.000,00", "datum": "21.11.2026"}).status_code == 302
    from programme.models import Verwendungsnachweis
    nachweis = Verwendungsnachweis.objects.create(bewilligung=bewilligung, faellig_am=dt.date(JAHR + 1, 6, 30))
    assert client_als(qm_a).post(reverse("programme:nachweis_einreichen", args=[nachweis.pk]),
                                 {"verwendet": "4.800,00", "datum": "21.11.2026"}).status_code == 302
    assert client_als(qm_a).get(reverse("programme:nachweis_pruefen", args=[nachweis.pk])).status_code == 403
    assert staff.post(reverse("programme:nachweis_pruefen", args=[nachweis.pk]),
                      {"rueckforderung": "200,00", "bemerkung": "", "datum": "21.11.2026"}).status_code == 302
    nachweis.refresh_from_db()
    assert nachweis.rueckforderung == D("200.00")


def test_overdue_proofs_listed_for_staff_only(client_als, win, gebiet_a, verwaltung, qm_a):
    from testhilfen.programme import VerwendungsnachweisFactory

    ueberfaellig = VerwendungsnachweisFactory(faellig_am=dt.date.today() - dt.timedelta(days=1),
                                              bewilligung__projekt__titel="Stadtteilfest Vahr")
    VerwendungsnachweisFactory(faellig_am=dt.date.today() + dt.timedelta(days=30),
                               bewilligung__projekt__titel="Sprachcafé Zukunft")
    response = client_als(verwaltung).get(reverse("programme:nachweise_ueberfaellig"))
    text = response.content.decode()
    assert ueberfaellig.bewilligung.projekt.titel in text
    assert "Sprachcafé Zukunft" not in text
    assert client_als(qm_a).get(reverse("programme:nachweise_ueberfaellig")).status_code == 403


def test_budget_form_refuses_lowering_below_granted(client_als, win, gebiet_a, verwaltung):
    bewilligte_projekte(win, gebiet_a, 1, "30000")
    client = client_als(verwaltung)
    response = client.post(reverse("programme:budget", args=[win.pk]),
                           {"jahr": JAHR, "gebiet": gebiet_a.pk, "betrag": "29.999,99"})
    assert "Das Budget kann nicht unter die bereits bewilligten 30.000,00 € gesenkt werden." in \
        response.content.decode()
    response = client.post(reverse("programme:budget", args=[win.pk]),
                           {"jahr": JAHR, "gebiet": gebiet_a.pk, "betrag": "70.000,00"})
    assert response.status_code == 302
    seite = client.get(reverse("programme:programm", args=[win.pk])).content.decode()
    assert "Änderungen der Budgets" in seite
    assert "60.000,00\u00a0€ → 70.000,00\u00a0€" in seite
