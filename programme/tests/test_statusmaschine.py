"""The status machine of a project: one table, money steps only through their services."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from kern.fehler import Regelverstoss
from programme import services, statusmaschine
from programme.models import Auszahlung, Bewilligung, Projekt
from testhilfen.programme import (
    BewilligungFactory,
    FoerderprogrammFactory,
    JahresbudgetFactory,
    ProgrammgebietFactory,
    ProjektFactory,
    VerwendungsnachweisFactory,
)

JAHR = dt.date.today().year
D = Decimal
S = Projekt.Status
pytestmark = pytest.mark.django_db


@pytest.fixture
def win(gebiet_a):
    programm = FoerderprogrammFactory(kurzname="WiN", stadt=gebiet_a.stadt, beginn=dt.date(JAHR - 2, 1, 1))
    ProgrammgebietFactory(programm=programm, gebiet=gebiet_a, beginn=dt.date(JAHR - 2, 1, 1))
    JahresbudgetFactory(programm=programm, jahr=JAHR, betrag=D("50000"))
    return programm


def _projekt(gebiet, status):
    return ProjektFactory(gebiet=gebiet, status=status, beginn=dt.date(JAHR, 1, 1), ende=dt.date(JAHR, 12, 31))


def _offener_antrag(win, gebiet, status):
    return BewilligungFactory(projekt=_projekt(gebiet, status), programm=win, jahr=JAHR, gebiet=gebiet)


def _bewilligt(win, gebiet, status=S.LAUFEND):
    bewilligung = BewilligungFactory(bewilligt=True, projekt=_projekt(gebiet, status), programm=win, jahr=JAHR,
                                     gebiet=gebiet, betrag_beantragt=D("5000"))
    VerwendungsnachweisFactory(bewilligung=bewilligung, faellig_am=dt.date(JAHR + 1, 6, 30))
    return bewilligung


def _abgelehnt(meldung, funktion, **kwargs):
    vorher = (list(Projekt.objects.order_by("pk").values_list("status", flat=True)),
              list(Bewilligung.objects.order_by("pk").values_list("status", "betrag_bewilligt")),
              Auszahlung.objects.count())
    with pytest.raises(Regelverstoss) as info:
        funktion(**kwargs)
    assert info.value.meldung == meldung
    assert (list(Projekt.objects.order_by("pk").values_list("status", flat=True)),
            list(Bewilligung.objects.order_by("pk").values_list("status", "betrag_bewilligt")),
            Auszahlung.objects.count()) == vorher


@pytest.mark.parametrize("status", [S.ENTWURF, S.ABGELEHNT, S.ABGESCHLOSSEN, S.NACHWEIS_GEPRUEFT])
def test_an_open_request_is_not_granted_on_a_project_in_a_state_without_grants(win, gebiet_a, verwaltung, status):
    antrag = _offener_antrag(win, gebiet_a, status)
    _abgelehnt(f"Für ein Projekt im Status „{S(status).label}“ kann keine Förderung bewilligt werden.",
               services.projekt_bewilligen, bewilligung=antrag, betrag=D("5000"), durch=verwaltung)


@pytest.mark.parametrize("status", [S.ENTWURF, S.BEANTRAGT, S.NACHWEIS_GEPRUEFT])
def test_no_payout_on_a_project_in_a_state_without_payouts(win, gebiet_a, verwaltung, status):
    bewilligung = _bewilligt(win, gebiet_a, status)
    _abgelehnt(f"Für ein Projekt im Status „{S(status).label}“ kann nichts ausgezahlt werden.",
               services.auszahlung_anweisen, bewilligung=bewilligung, betrag=D("1000"), durch=verwaltung)


def test_no_payout_once_the_proof_of_use_is_checked(client_als, win, gebiet_a, verwaltung):
    bewilligung = _bewilligt(win, gebiet_a)
    services.auszahlung_anweisen(bewilligung=bewilligung, betrag=D("2000"), durch=verwaltung)
    nachweis = services.verwendungsnachweis_einreichen(nachweis=bewilligung.verwendungsnachweis,
                                                        verwendet=D("2000"), durch=verwaltung)
    services.verwendungsnachweis_pruefen(nachweis=nachweis, rueckforderung=D("0"), durch=verwaltung)
    _abgelehnt(services.AUSZAHLUNG_NACH_PRUEFUNG, services.auszahlung_anweisen, bewilligung=bewilligung,
               betrag=D("1000"), durch=verwaltung)
    seite = client_als(verwaltung).get(reverse("programme:projekt", args=[bewilligung.projekt_id])).content.decode()
    assert reverse("programme:auszahlen", args=[bewilligung.pk]) not in seite


def test_back_to_draft_withdraws_the_open_requests_and_records_it(client_als, win, gebiet_a, qm_a):
    projekt = _projekt(gebiet_a, S.ENTWURF)
    antrag = services.bewilligung_beantragen(projekt=projekt, programm=win, jahr=JAHR, betrag=D("3000"), durch=qm_a)
    antwort = client_als(qm_a).post(reverse("programme:status", args=[projekt.pk]), {"status": S.ENTWURF})
    assert antwort.status_code == 302
    antrag.refresh_from_db()
    projekt.refresh_from_db()
    assert (projekt.status, antrag.status) == (S.ENTWURF, Bewilligung.Status.ZURUECKGEZOGEN)
    assert antrag.history.first().history_user == qm_a
    assert "das Projekt ging in den Entwurf zurück" in antrag.begruendung
    seite = client_als(qm_a).get(reverse("programme:projekt", args=[projekt.pk])).content.decode()
    assert "zurückgezogen" in seite


def test_a_closed_project_with_every_proof_checked_reaches_nachweis_geprueft_only_by_the_check(win, gebiet_a,
                                                                                              verwaltung):
    bewilligung = _bewilligt(win, gebiet_a)
    projekt = bewilligung.projekt
    _abgelehnt("Ein Projekt im Status „Laufend“ kann nicht in den Status „Nachweis geprüft“ wechseln.",
               services.projekt_status_setzen, projekt=projekt, status=S.NACHWEIS_GEPRUEFT, durch=verwaltung)
    services.projekt_abschliessen(projekt=projekt, durch=verwaltung)
    nachweis = services.verwendungsnachweis_einreichen(nachweis=bewilligung.verwendungsnachweis,
                                                        verwendet=D("5000"), durch=verwaltung)
    _abgelehnt("Den Status „Nachweis geprüft“ bekommt ein Projekt nur, wenn alle Verwendungsnachweise des Projekts "
               "geprüft sind; von Hand lässt er sich nicht setzen.",
               services.projekt_status_setzen, projekt=projekt, status=S.NACHWEIS_GEPRUEFT, durch=verwaltung)
    services.verwendungsnachweis_pruefen(nachweis=nachweis, rueckforderung=D("0"), durch=verwaltung)
    projekt.refresh_from_db()
    assert projekt.status == S.NACHWEIS_GEPRUEFT


def test_closing_waits_for_open_requests_and_moves_on_when_every_proof_is_checked(win, gebiet_a, verwaltung):
    bewilligung = _bewilligt(win, gebiet_a)
    projekt = bewilligung.projekt
    offen = BewilligungFactory(projekt=projekt, programm=FoerderprogrammFactory(stadt=gebiet_a.stadt), jahr=JAHR,
                               gebiet=gebiet_a)
    _abgelehnt(services.ANTRAEGE_OFFEN.format(anzahl=1), services.projekt_abschliessen, projekt=projekt,
               durch=verwaltung)
    services.bewilligung_ablehnen(bewilligung=offen, durch=verwaltung, begruendung="kein Budget")
    nachweis = services.verwendungsnachweis_einreichen(nachweis=bewilligung.verwendungsnachweis,
                                                        verwendet=D("5000"), durch=verwaltung)
    services.verwendungsnachweis_pruefen(nachweis=nachweis, rueckforderung=D("0"), durch=verwaltung)
    assert services.projekt_abschliessen(projekt=projekt, durch=verwaltung).status == S.NACHWEIS_GEPRUEFT


ALLE = list(S)


@pytest.mark.parametrize("von", ALLE)
@pytest.mark.parametrize("nach", ALLE)
def test_by_hand_only_the_steps_money_cannot_contradict(gebiet_a, verwaltung, von, nach):
    """Staff may set by hand only what the table marks as such: never Beantragt, Bewilligt, Abgelehnt
    or Nachweis geprüft, which follow from requests, grants, refusals and checked proofs."""
    projekt = _projekt(gebiet_a, von)
    erlaubt = {(S.BEANTRAGT, S.ENTWURF), (S.BEWILLIGT, S.LAUFEND), (S.LAUFEND, S.ABGESCHLOSSEN)}
    assert ((von, nach) in erlaubt) == (nach in statusmaschine.von_hand_erreichbar(von))
    if (von, nach) in erlaubt:
        assert services.projekt_status_setzen(projekt=projekt, status=nach, durch=verwaltung).status == nach
    else:
        with pytest.raises(Regelverstoss):
            services.projekt_status_setzen(projekt=projekt, status=nach, durch=verwaltung)
        projekt.refresh_from_db()
        assert projekt.status == von


def test_the_status_form_offers_only_the_steps_by_hand(client_als, win, gebiet_a, verwaltung):
    projekt = _offener_antrag(win, gebiet_a, S.BEANTRAGT).projekt
    url = reverse("programme:status", args=[projekt.pk])
    antwort = client_als(verwaltung).get(url)
    assert [wert for wert, _ in antwort.context["form"].fields["status"].choices] == [S.ENTWURF]
    antwort = client_als(verwaltung).post(url, {"status": S.BEWILLIGT})
    assert antwort.status_code == 200 and antwort.context["form"].errors["status"]
    projekt.refresh_from_db()
    assert projekt.status == S.BEANTRAGT


def test_every_transition_of_the_table_names_its_ways():
    for schritt in statusmaschine.UEBERGAENGE:
        assert schritt.wege and schritt.bedingung
        assert schritt.wege <= {statusmaschine.ANTRAG, statusmaschine.BEWILLIGUNG, statusmaschine.ABLEHNUNG,
                                statusmaschine.AUSZAHLUNG, statusmaschine.PRUEFUNG, statusmaschine.HAND}
