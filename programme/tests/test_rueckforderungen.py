"""Reclaims in every sum, rows that add up to the programme total, budgets only where they can exist."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from kern.fehler import Regelverstoss
from programme import selectors, services
from programme.models import Bewilligung, Jahresbudget
from testhilfen.programme import FoerderprogrammFactory, JahresbudgetFactory, ProgrammgebietFactory, ProjektFactory

JAHR = dt.date.today().year
D = Decimal
pytestmark = pytest.mark.django_db


def _programm(stadt, gebiete, *, gesamt="20000", lokal=("10000",), **optionen):
    programm = FoerderprogrammFactory(kurzname="WiN", stadt=stadt, beginn=dt.date(JAHR - 2, 1, 1), **optionen)
    for gebiet in gebiete:
        ProgrammgebietFactory(programm=programm, gebiet=gebiet, beginn=dt.date(JAHR - 2, 1, 1))
    if gesamt:
        JahresbudgetFactory(programm=programm, jahr=JAHR, betrag=D(gesamt))
    for gebiet, betrag in zip(gebiete, lokal):
        JahresbudgetFactory(programm=programm, jahr=JAHR, gebiet=gebiet, betrag=D(betrag))
    return programm


def _ausgezahlt(programm, gebiet, betrag, durch):
    """A project granted and paid `betrag` in full, its proof of use submitted."""
    projekt = ProjektFactory(gebiet=gebiet, gesamtkosten=D("100000"), eigenmittel=D("0"),
                             beginn=dt.date(JAHR, 1, 1), ende=dt.date(JAHR, 12, 31))
    antrag = services.bewilligung_beantragen(projekt=projekt, programm=programm, jahr=JAHR, betrag=D(betrag),
                                             durch=durch)
    bewilligung = services.projekt_bewilligen(bewilligung=antrag, betrag=D(betrag), durch=durch)
    services.auszahlung_anweisen(bewilligung=bewilligung, betrag=D(betrag), durch=durch)
    return services.verwendungsnachweis_einreichen(nachweis=bewilligung.verwendungsnachweis,
                                                   verwendet=D(betrag) - 4000, durch=durch)


def _neuer_antrag(programm, gebiet, betrag, durch):
    projekt = ProjektFactory(gebiet=gebiet, gesamtkosten=D("100000"), eigenmittel=D("0"),
                             beginn=dt.date(JAHR, 1, 1), ende=dt.date(JAHR, 12, 31))
    return services.bewilligung_beantragen(projekt=projekt, programm=programm, jahr=JAHR, betrag=D(betrag),
                                           durch=durch)


def _kennzahl(text, name):
    return re.search(rf'id="kennzahl-{name}">([^<]*)<', text).group(1)


def test_a_reclaim_frees_the_area_budget_and_every_figure_counts_it(client_als, gebiet_a, verwaltung):
    """A 4,000 € reclaim on a fully granted area budget: the grant service may grant it again, and
    the programme page shows gross, reclaimed, net and the remaining 4,000 €."""
    programm = _programm(gebiet_a.stadt, [gebiet_a])
    nachweis = _ausgezahlt(programm, gebiet_a, "10000", verwaltung)
    antrag = _neuer_antrag(programm, gebiet_a, "5000", verwaltung)
    with pytest.raises(Regelverstoss, match="frei sind noch 0,00 €"):
        services.projekt_bewilligen(bewilligung=antrag, betrag=D("4000"), durch=verwaltung)
    vorher = selectors.auslastung_je_gebiet(programm=programm, jahr=JAHR)[0].verbleibend

    services.verwendungsnachweis_pruefen(nachweis=nachweis, rueckforderung=D("4000"), durch=verwaltung)

    zeile = selectors.auslastung_je_gebiet(programm=programm, jahr=JAHR)[0]
    assert (vorher, zeile.bewilligt, zeile.zurueckgefordert, zeile.netto, zeile.verbleibend) == (
        D("0"), D("10000"), D("4000"), D("6000"), D("4000"))
    text = client_als(verwaltung).get(reverse("programme:programm", args=[programm.pk])).content.decode()
    assert _kennzahl(text, "bewilligt") == "10.000,00\u00a0€"
    assert _kennzahl(text, "zurueckgefordert") == "4.000,00\u00a0€"
    assert _kennzahl(text, "netto") == "6.000,00\u00a0€"
    assert _kennzahl(text, "verbleibend") == "14.000,00\u00a0€"
    assert "wieder zur Bewilligung bereit (Voreinstellung für lokale Budgets)" in text
    with pytest.raises(Regelverstoss, match="frei sind noch 4.000,00 €"):
        services.projekt_bewilligen(bewilligung=antrag, betrag=D("4000.01"), durch=verwaltung)
    services.projekt_bewilligen(bewilligung=antrag, betrag=D("4000"), durch=verwaltung)
    assert selectors.auslastung_je_gebiet(programm=programm, jahr=JAHR)[0].verbleibend == D("0")


def test_without_reclaimed_money_granted_again_the_page_says_so_and_the_service_refuses(client_als, gebiet_a,
                                                                                         verwaltung):
    programm = _programm(gebiet_a.stadt, [gebiet_a], gesamt="10000", lokal=())
    assert not programm.rueckfluss(mit_gebietsbudgets=False)
    nachweis = _ausgezahlt(programm, gebiet_a, "10000", verwaltung)
    services.verwendungsnachweis_pruefen(nachweis=nachweis, rueckforderung=D("4000"), durch=verwaltung)
    antrag = _neuer_antrag(programm, gebiet_a, "4000", verwaltung)
    with pytest.raises(Regelverstoss, match="frei sind noch 0,00 €"):
        services.projekt_bewilligen(bewilligung=antrag, betrag=D("4000"), durch=verwaltung)
    text = client_als(verwaltung).get(reverse("programme:programm", args=[programm.pk])).content.decode()
    assert _kennzahl(text, "zurueckgefordert") == "4.000,00\u00a0€"
    assert _kennzahl(text, "netto") == "6.000,00\u00a0€"
    assert _kennzahl(text, "verbleibend") == "0,00\u00a0€"
    assert "werden im Haushaltsjahr nicht erneut bewilligt" in text
    assert "Voreinstellung für Programme ohne lokale Budgets" in text


@pytest.mark.parametrize("optionen, lokal, regel", [
    ({"ist_verfuegungsfonds": True}, False, "wieder zur Bewilligung bereit (Voreinstellung für Verfügungsfonds)"),
    ({}, True, "wieder zur Bewilligung bereit (Voreinstellung für lokale Budgets)"),
    ({"rueckforderungen_wieder_bewilligbar": False}, True, "nicht erneut bewilligt; sie mindern nur die Summe "
                                                          "(Einstellung des Programms)"),
    ({"rueckforderungen_wieder_bewilligbar": True}, False, "wieder zur Bewilligung bereit (Einstellung des Programms)"),
])
def test_the_rule_on_reclaimed_money_is_a_setting_with_defaults(optionen, lokal, regel):
    programm = FoerderprogrammFactory(**optionen)
    assert regel in programm.rueckfluss_regel(mit_gebietsbudgets=lokal)


def test_start_page_and_action_field_rows_count_the_reclaim(client_als, gebiet_a, verwaltung):
    programm = _programm(gebiet_a.stadt, [gebiet_a])
    nachweis = _ausgezahlt(programm, gebiet_a, "10000", verwaltung)
    services.verwendungsnachweis_pruefen(nachweis=nachweis, rueckforderung=D("4000"), durch=verwaltung)
    start = client_als(verwaltung).get(reverse("start")).content.decode()
    zeile = re.search(r">WiN</a></th>(.*?)</tr>", start, re.S).group(1)
    assert re.findall(r">([^<>]*€)<", zeile) == ["20.000,00\u00a0€", "10.000,00\u00a0€", "4.000,00\u00a0€",
                                                   "6.000,00\u00a0€", "10.000,00\u00a0€", "14.000,00\u00a0€"]
    felder = selectors.auslastung_je_handlungsfeld(programm=programm, jahr=JAHR)
    assert [(f.bewilligt, f.zurueckgefordert, f.netto) for f in felder] == [(D("10000"), D("4000"), D("6000"))]


def test_repayments_of_a_reclaim_are_recorded_up_to_the_reclaim(client_als, gebiet_a, verwaltung, qm_a):
    programm = _programm(gebiet_a.stadt, [gebiet_a])
    nachweis = _ausgezahlt(programm, gebiet_a, "10000", verwaltung)
    services.verwendungsnachweis_pruefen(nachweis=nachweis, rueckforderung=D("4000"), durch=verwaltung)
    bewilligung = nachweis.bewilligung
    with pytest.raises(Regelverstoss, match="Nur die Verwaltung"):
        services.rueckzahlung_verbuchen(bewilligung=bewilligung, betrag=D("100"), durch=qm_a)
    url = reverse("programme:rueckzahlung", args=[bewilligung.pk])
    antwort = client_als(verwaltung).post(url, {"betrag": "4.000,01"})
    assert "höchstens die offene Rückforderung von 4.000,00 €" in antwort.content.decode()
    assert client_als(verwaltung).post(url, {"betrag": "1.500,00"}).status_code == 302
    bewilligung.refresh_from_db()
    assert (bewilligung.betrag_zurueckgefordert, bewilligung.betrag_zurueckgezahlt) == (D("4000"), D("1500"))
    assert bewilligung.history.first().history_user == verwaltung
    stand = selectors.budgetstand_je_programm(jahr=JAHR, programme=type(programm).objects.filter(pk=programm.pk))[0]
    assert (stand.zurueckgezahlt, stand.ausgezahlt_netto) == (D("1500"), D("8500"))
    projektseite = client_als(verwaltung).get(reverse("programme:projekt", args=[bewilligung.projekt_id]))
    assert "zurückgezahlt 1.500,00\u00a0€" in projektseite.content.decode()


# --- Rows that add up ------------------------------------------------------------------------------

def test_area_rows_and_the_undistributed_remainder_add_up_to_the_programme_total(client_als, gebiet_a, gebiet_b,
                                                                                 verwaltung):
    programm = _programm(gebiet_a.stadt, [gebiet_a, gebiet_b], gesamt="100000", lokal=("30000", "20000"))
    _ausgezahlt(programm, gebiet_a, "12000", verwaltung)
    response = client_als(verwaltung).get(reverse("programme:programm", args=[programm.pk]))
    zeilen = response.context["je_gebiet"]
    assert [(z.bezeichnung, z.budget, z.verbleibend) for z in zeilen] == [
        ("Quartier A", D("30000"), D("18000")), ("Quartier B", D("20000"), D("20000")),
        ("nicht auf Gebiete verteilt", D("50000"), D("50000"))]
    gesamt = response.context["gesamt"]
    assert sum(z.budget for z in zeilen) == gesamt.budget == D("100000")
    assert sum(z.verbleibend for z in zeilen) == gesamt.verbleibend == D("88000")
    text = response.content.decode()
    assert re.search(r"nicht auf Gebiete verteilt</th><td class=\"zahl\">50\.000,00\u00a0€</td>", text)
    assert "Programm gesamt</th><td class=\"zahl\">100.000,00\u00a0€" in text


def test_a_fully_distributed_year_has_no_remainder_row(gebiet_a, gebiet_b):
    programm = _programm(gebiet_a.stadt, [gebiet_a, gebiet_b], gesamt="50000", lokal=("30000", "20000"))
    assert selectors.programmjahr(programm=programm, jahr=JAHR).nicht_verteilt is None


# --- Budgets only where they can exist -------------------------------------------------------------

def _festlegen(programm, jahr, betrag, durch, gebiet=None):
    return services.jahresbudget_festlegen(programm=programm, jahr=jahr, betrag=D(betrag), gebiet=gebiet, durch=durch)


def test_a_budget_outside_the_funding_period_is_refused(client_als, gebiet_a, verwaltung):
    programm = FoerderprogrammFactory(kurzname="WiN", stadt=gebiet_a.stadt, beginn=dt.date(2016, 1, 1),
                                      ende=dt.date(2022, 12, 31))
    for jahr in (2015, 2023):
        with pytest.raises(Regelverstoss) as info:
            _festlegen(programm, jahr, "1000", verwaltung)
        assert info.value.meldung == (f"WiN fördert im Jahr {jahr} nicht (Förderperiode 01.01.2016 bis 31.12.2022).")
    antwort = client_als(verwaltung).post(reverse("programme:budget", args=[programm.pk]),
                                          {"jahr": "2023", "gebiet": "", "betrag": "1.000,00", "bemerkung": ""})
    assert "WiN fördert im Jahr 2023 nicht" in antwort.content.decode()
    assert not Jahresbudget.objects.filter(programm=programm).exists()
    _festlegen(programm, 2022, "1000", verwaltung)
    offen = FoerderprogrammFactory(stadt=gebiet_a.stadt, beginn=dt.date(2020, 1, 1), ende=None)
    _festlegen(offen, 2090, "1000", verwaltung)


def test_an_area_budget_needs_the_programme_total_of_its_year_where_the_programme_splits_by_area(gebiet_a,
                                                                                                 verwaltung):
    programm = FoerderprogrammFactory(kurzname="WiN", stadt=gebiet_a.stadt, beginn=dt.date(JAHR - 2, 1, 1))
    _festlegen(programm, JAHR - 1, "50000", verwaltung)
    with pytest.raises(Regelverstoss) as info:
        _festlegen(programm, JAHR, "10000", verwaltung, gebiet=gebiet_a)
    assert info.value.meldung == (f"WiN verteilt sein Gesamtbudget auf die Gebiete; für {JAHR} ist noch kein "
                                  "Gesamtbudget festgelegt.")
    assert not Jahresbudget.objects.filter(programm=programm, jahr=JAHR).exists()
    _festlegen(programm, JAHR, "50000", verwaltung)
    _festlegen(programm, JAHR, "10000", verwaltung, gebiet=gebiet_a)
    nur_lokal = FoerderprogrammFactory(stadt=gebiet_a.stadt, beginn=dt.date(JAHR - 2, 1, 1))
    _festlegen(nur_lokal, JAHR, "20000", verwaltung, gebiet=gebiet_a)


def test_lowering_a_budget_counts_reclaims_where_they_free_money(gebiet_a, verwaltung):
    programm = _programm(gebiet_a.stadt, [gebiet_a])
    nachweis = _ausgezahlt(programm, gebiet_a, "10000", verwaltung)
    services.verwendungsnachweis_pruefen(nachweis=nachweis, rueckforderung=D("4000"), durch=verwaltung)
    with pytest.raises(Regelverstoss, match="bereits bewilligten 6.000,00 €"):
        _festlegen(programm, JAHR, "5999.99", verwaltung, gebiet=gebiet_a)
    assert _festlegen(programm, JAHR, "6000", verwaltung, gebiet=gebiet_a).betrag == D("6000")
    assert Bewilligung.objects.get().betrag_netto == D("6000")


# --- On the demo data ------------------------------------------------------------------------------

def test_every_demo_area_year_remains_budget_less_grants_less_reclaims(demodaten):
    budgets = Jahresbudget.objects.gebietsbudgets().select_related("programm", "gebiet")
    mit_rueckforderung = 0
    for budget in budgets:
        zeile = next(z for z in selectors.auslastung_je_gebiet(programm=budget.programm, jahr=budget.jahr)
                     if z.objekt_id == budget.gebiet_id)
        bewilligt = Bewilligung.objects.bewilligt().filter(programm=budget.programm, jahr=budget.jahr,
                                                           gebiet=budget.gebiet)
        assert zeile.netto == bewilligt.summe() - bewilligt.zurueckgefordert(), budget
        assert zeile.verbleibend == budget.betrag - bewilligt.belastung(rueckfluss=zeile.rueckfluss), budget
        mit_rueckforderung += bool(zeile.zurueckgefordert)
    assert mit_rueckforderung >= 30


def test_a_4000_euro_reclaim_on_a_demo_area_year_raises_its_remaining_budget_by_4000(demodaten, client_als):
    from django.db.models import F

    from programme.models import Verwendungsnachweis

    # A proof of one sum, whose reclaim staff state (a detailed proof's reclaim is its recalculation's).
    nachweis = next(
        n for n in Verwendungsnachweis.objects.filter(eingereicht_am__isnull=False, geprueft_am__isnull=True,
                                                      angaben__isnull=True,
                                                      bewilligung__gebiet__jahresbudgets__programm=F(
                                                          "bewilligung__programm"),
                                                      bewilligung__gebiet__jahresbudgets__jahr=F("bewilligung__jahr"))
        .select_related("bewilligung__programm", "bewilligung__gebiet").distinct()
        .order_by("bewilligung__jahr", "bewilligung__gebiet__name", "pk")
        if n.bewilligung.auszahlungen.summe() >= 4000)
    bewilligung = nachweis.bewilligung
    verwaltung = type(bewilligung.entschieden_von).objects.get(username="verwaltung")

    def verbleibend():
        return next(z for z in selectors.auslastung_je_gebiet(programm=bewilligung.programm, jahr=bewilligung.jahr)
                    if z.objekt_id == bewilligung.gebiet_id).verbleibend

    vorher = verbleibend()
    services.verwendungsnachweis_pruefen(nachweis=nachweis, rueckforderung=D("4000"), durch=verwaltung)
    assert verbleibend() == vorher + 4000
    seite = client_als(verwaltung).get(reverse("programme:programm", args=[bewilligung.programm_id]),
                                       {"jahr": bewilligung.jahr}).content.decode()
    zeile = re.search(rf">{re.escape(bewilligung.gebiet.name)}</th>(.*?)</tr>", seite, re.S).group(1)
    assert f"{vorher + 4000:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".") + "\u00a0€" in zeile
