import datetime as dt
from decimal import Decimal

import pytest

from kern.fehler import Regelverstoss
from programme import services
from programme.models import Auszahlung, Bewilligung, Jahresbudget, Projekt, Verwendungsnachweis
from testhilfen.programme import (
    BewilligungFactory,
    FoerderprogrammFactory,
    JahresbudgetFactory,
    ProgrammgebietFactory,
    ProjektFactory,
)

JAHR = dt.date.today().year
D = Decimal


@pytest.fixture
def win(gebiet_a, gebiet_b):
    """A WiN-like programme: at most 50 % of a project's cost; 20,000 € in the year, 10,000 € for area A."""
    programm = FoerderprogrammFactory(kurzname="WiN", stadt=gebiet_a.stadt, max_foerderquote=D("50"),
                                      beginn=dt.date(JAHR - 2, 1, 1))
    ProgrammgebietFactory(programm=programm, gebiet=gebiet_a, beginn=dt.date(JAHR - 2, 1, 1))
    ProgrammgebietFactory(programm=programm, gebiet=gebiet_b, beginn=dt.date(JAHR - 2, 1, 1))
    JahresbudgetFactory(programm=programm, jahr=JAHR, betrag=D("20000.00"))
    JahresbudgetFactory(programm=programm, jahr=JAHR, gebiet=gebiet_a, betrag=D("10000.00"))
    return programm


@pytest.fixture
def projekt(gebiet_a):
    return ProjektFactory(gebiet=gebiet_a, titel="Sprachcafé", gesamtkosten=D("40000.00"), eigenmittel=D("20000.00"),
                          beginn=dt.date(JAHR, 1, 1), ende=dt.date(JAHR, 12, 31))


def antrag(projekt, programm, betrag, user, jahr=JAHR):
    return services.bewilligung_beantragen(projekt=projekt, programm=programm, jahr=jahr, betrag=D(betrag),
                                           durch=user)


def stand():
    """Everything a refused change must leave untouched."""
    return (
        list(Bewilligung.objects.order_by("pk").values_list("status", "betrag_bewilligt")),
        list(Projekt.objects.order_by("pk").values_list("status", flat=True)),
        list(Jahresbudget.objects.order_by("pk").values_list("betrag", flat=True)),
        Auszahlung.objects.count(),
        list(Verwendungsnachweis.objects.order_by("pk").values_list("eingereicht_am", "geprueft_am", "rueckforderung")),
    )


def abgelehnt(meldung, funktion, **kwargs):
    vorher = stand()
    with pytest.raises(Regelverstoss) as info:
        funktion(**kwargs)
    assert info.value.meldung == meldung
    assert stand() == vorher


def test_manager_requests_for_own_area_and_project_becomes_requested(win, projekt, qm_a):
    bewilligung = antrag(projekt, win, "8000", qm_a)
    assert bewilligung.status == Bewilligung.Status.BEANTRAGT
    assert bewilligung.gebiet == projekt.gebiet
    projekt.refresh_from_db()
    assert projekt.status == Projekt.Status.BEANTRAGT


def test_manager_of_another_area_cannot_request(win, projekt, qm_b):
    abgelehnt(services.NICHT_EIGENES_GEBIET, services.bewilligung_beantragen, projekt=projekt, programm=win,
              jahr=JAHR, betrag=D("1000"), durch=qm_b)


def test_manager_cannot_grant(win, projekt, qm_a):
    bewilligung = antrag(projekt, win, "8000", qm_a)
    abgelehnt(services.NUR_VERWALTUNG.format(aktion="Förderungen bewilligen"), services.projekt_bewilligen,
              bewilligung=bewilligung, betrag=D("8000"), durch=qm_a)


def test_staff_grant_within_budget_creates_proof_of_use_and_history(win, projekt, qm_a, verwaltung):
    bewilligung = antrag(projekt, win, "8000", qm_a)
    services.projekt_bewilligen(bewilligung=bewilligung, betrag=D("7500.00"), durch=verwaltung)
    bewilligung.refresh_from_db()
    projekt.refresh_from_db()
    assert bewilligung.status == Bewilligung.Status.BEWILLIGT
    assert bewilligung.betrag_bewilligt == D("7500.00")
    assert bewilligung.entschieden_von == verwaltung
    assert projekt.status == Projekt.Status.BEWILLIGT
    assert bewilligung.verwendungsnachweis.faellig_am == dt.date(JAHR + 1, 6, 30)
    letzte, erste = bewilligung.history.all()[:2]
    assert (erste.history_user, erste.status) == (qm_a, "beantragt")
    assert (letzte.history_user, letzte.status, letzte.betrag_bewilligt) == (verwaltung, "bewilligt", D("7500.00"))


def test_grant_over_area_budget_is_refused(win, gebiet_a, qm_a, verwaltung):
    erstes = ProjektFactory(gebiet=gebiet_a, gesamtkosten=D("40000"))
    services.projekt_bewilligen(bewilligung=antrag(erstes, win, "6000", qm_a), betrag=D("6000"), durch=verwaltung)
    zweites = ProjektFactory(gebiet=gebiet_a, gesamtkosten=D("40000"))
    bewilligung = antrag(zweites, win, "5000", qm_a)
    meldung = ("Das Budget WiN %d für Quartier A reicht nicht: frei sind noch 4.000,00 €, "
               "bewilligt werden sollen 5.000,00 €." % JAHR)
    abgelehnt(meldung, services.projekt_bewilligen, bewilligung=bewilligung, betrag=D("5000"), durch=verwaltung)
    # The exact remainder still goes through.
    services.projekt_bewilligen(bewilligung=bewilligung, betrag=D("4000"), durch=verwaltung)
    assert Bewilligung.objects.bewilligt().filter(gebiet=gebiet_a, jahr=JAHR).summe() == D("10000.00")


def test_grant_over_programme_budget_is_refused(gebiet_a, qm_a, verwaltung):
    programm = FoerderprogrammFactory(kurzname="LOS", stadt=gebiet_a.stadt, beginn=dt.date(JAHR, 1, 1))
    ProgrammgebietFactory(programm=programm, gebiet=gebiet_a, beginn=dt.date(JAHR, 1, 1))
    JahresbudgetFactory(programm=programm, jahr=JAHR, betrag=D("3000"))
    bewilligung = antrag(ProjektFactory(gebiet=gebiet_a), programm, "3500", qm_a)
    meldung = ("Das Gesamtbudget LOS %d reicht nicht: frei sind noch 3.000,00 €, bewilligt werden sollen 3.500,00 €."
               % JAHR)
    abgelehnt(meldung, services.projekt_bewilligen, bewilligung=bewilligung, betrag=D("3500"), durch=verwaltung)


def test_grant_for_area_without_budget_is_refused(win, gebiet_b, qm_b, verwaltung):
    bewilligung = antrag(ProjektFactory(gebiet=gebiet_b), win, "1000", qm_b)
    abgelehnt(services.KEIN_BUDGET.format(programm="WiN in Quartier B", jahr=JAHR), services.projekt_bewilligen,
              bewilligung=bewilligung, betrag=D("1000"), durch=verwaltung)


def test_grant_above_request_is_refused(win, projekt, qm_a, verwaltung):
    bewilligung = antrag(projekt, win, "2000", qm_a)
    abgelehnt("Es kann höchstens der beantragte Betrag von 2.000,00 € bewilligt werden.",
              services.projekt_bewilligen, bewilligung=bewilligung, betrag=D("2000.01"), durch=verwaltung)


def test_funding_share_rule(win, projekt, qm_a):
    abgelehnt("WiN fördert höchstens 50 % der Gesamtkosten (20.000,00 €); mit diesem Betrag wären es 20.000,01 €.",
              services.bewilligung_beantragen, projekt=projekt, programm=win, jahr=JAHR, betrag=D("20000.01"),
              durch=qm_a)


def test_smallest_and_largest_grant_and_duration(gebiet_a, qm_a):
    fonds = FoerderprogrammFactory(kurzname="Aktionsfonds", stadt=gebiet_a.stadt, min_betrag=D("100"),
                                   max_betrag=D("1500"), max_laufzeit_monate=12, beginn=dt.date(JAHR - 1, 1, 1))
    ProgrammgebietFactory(programm=fonds, gebiet=gebiet_a, beginn=dt.date(JAHR - 1, 1, 1))
    aktion = ProjektFactory(gebiet=gebiet_a)
    kwargs = dict(projekt=aktion, programm=fonds, jahr=JAHR, durch=qm_a)
    abgelehnt("Aktionsfonds bewilligt je Projekt mindestens 100,00 €.", services.bewilligung_beantragen,
              betrag=D("99.99"), **kwargs)
    abgelehnt("Aktionsfonds bewilligt je Projekt höchstens 1.500,00 €.", services.bewilligung_beantragen,
              betrag=D("1500.01"), **kwargs)
    lang = ProjektFactory(gebiet=gebiet_a, beginn=dt.date(JAHR - 1, 1, 1), ende=dt.date(JAHR, 1, 31))
    abgelehnt("Aktionsfonds fördert Projekte höchstens 12 Monate lang; dieses Projekt läuft 13 Monate.",
              services.bewilligung_beantragen, projekt=lang, programm=fonds, jahr=JAHR, betrag=D("500"), durch=qm_a)


def test_grant_only_in_project_years_and_programme_areas(win, projekt, gebiet_a, qm_a):
    abgelehnt(f"Das Projekt läuft im Jahr {JAHR + 1} nicht (Laufzeit 01.01.{JAHR} bis 31.12.{JAHR}).",
              services.bewilligung_beantragen, projekt=projekt, programm=win, jahr=JAHR + 1, betrag=D("100"),
              durch=qm_a)
    anderes = FoerderprogrammFactory(kurzname="ZWK", stadt=gebiet_a.stadt)
    abgelehnt(f"Quartier A gehört im Jahr {JAHR} nicht zum Programm ZWK.", services.bewilligung_beantragen,
              projekt=projekt, programm=anderes, jahr=JAHR, betrag=D("100"), durch=qm_a)


def test_grant_counts_against_budget_of_the_programme_area_above_the_project(win, gebiet_a, qm_a):
    from testhilfen.quartiere import GebietFactory

    unterquartier = GebietFactory(parent=gebiet_a, name="Altes Zentrum")
    bewilligung = antrag(ProjektFactory(gebiet=unterquartier, gesamtkosten=D("4000"), eigenmittel=D("2000")), win, "1000", qm_a)
    assert bewilligung.gebiet == gebiet_a


def test_payouts_never_exceed_the_grant(win, projekt, qm_a, verwaltung):
    bewilligung = services.projekt_bewilligen(bewilligung=antrag(projekt, win, "5000", qm_a), betrag=D("5000"),
                                              durch=verwaltung)
    services.auszahlung_anweisen(bewilligung=bewilligung, betrag=D("3000"), durch=verwaltung)
    projekt.refresh_from_db()
    assert projekt.status == Projekt.Status.LAUFEND
    abgelehnt("Die Auszahlung übersteigt die Bewilligung: bewilligt 5.000,00 €, schon ausgezahlt 3.000,00 €, "
              "möglich sind noch 2.000,00 €.", services.auszahlung_anweisen, bewilligung=bewilligung,
              betrag=D("2000.01"), durch=verwaltung)
    abgelehnt(services.BETRAG_NICHT_POSITIV, services.auszahlung_anweisen, bewilligung=bewilligung,
              betrag=D("-5"), durch=verwaltung)
    services.auszahlung_anweisen(bewilligung=bewilligung, betrag=D("2000"), durch=verwaltung)
    assert bewilligung.auszahlungen.summe() == D("5000.00")
    assert bewilligung.auszahlungen.first().history.first().history_user == verwaltung


def test_payout_of_a_mere_request_is_refused(win, projekt, qm_a, verwaltung):
    abgelehnt(services.AUSZAHLUNG_OHNE_BEWILLIGUNG, services.auszahlung_anweisen,
              bewilligung=antrag(projekt, win, "1000", qm_a), betrag=D("100"), durch=verwaltung)


def test_refusal_of_a_request(win, projekt, qm_a, verwaltung):
    bewilligung = antrag(projekt, win, "1000", qm_a)
    services.bewilligung_ablehnen(bewilligung=bewilligung, durch=verwaltung, begruendung="Kein Quartiersbezug.")
    projekt.refresh_from_db()
    assert projekt.status == Projekt.Status.ABGELEHNT
    abgelehnt(services.ANTRAG_NICHT_OFFEN.format(status="abgelehnt"), services.projekt_bewilligen,
              bewilligung=bewilligung, betrag=D("1000"), durch=verwaltung)


def test_budget_rules(win, projekt, gebiet_a, gebiet_b, qm_a, verwaltung):
    services.projekt_bewilligen(bewilligung=antrag(projekt, win, "6000", qm_a), betrag=D("6000"), durch=verwaltung)
    abgelehnt("Das Budget kann nicht unter die bereits bewilligten 6.000,00 € gesenkt werden.",
              services.jahresbudget_festlegen, programm=win, jahr=JAHR, gebiet=gebiet_a, betrag=D("5999.99"),
              durch=verwaltung)
    abgelehnt(f"Die Gebietsbudgets WiN {JAHR} ergäben zusammen 20.000,01 € und damit mehr als das Gesamtbudget "
              "von 20.000,00 €.", services.jahresbudget_festlegen, programm=win, jahr=JAHR, gebiet=gebiet_b,
              betrag=D("10000.01"), durch=verwaltung)
    abgelehnt(f"Die Gebietsbudgets WiN {JAHR} ergäben zusammen 10.000,00 € und damit mehr als das Gesamtbudget "
              "von 9.999,00 €.", services.jahresbudget_festlegen, programm=win, jahr=JAHR, betrag=D("9999"),
              durch=verwaltung)
    abgelehnt(services.NUR_VERWALTUNG.format(aktion="Budgets festlegen"), services.jahresbudget_festlegen,
              programm=win, jahr=JAHR, betrag=D("1"), durch=qm_a)
    budget = services.jahresbudget_festlegen(programm=win, jahr=JAHR, gebiet=gebiet_b, betrag=D("10000"),
                                             durch=verwaltung)
    assert budget.history.first().history_user == verwaltung
    assert Jahresbudget.objects.gebietsbudgets().filter(programm=win, jahr=JAHR).summe() == D("20000.00")


def test_status_transitions_follow_the_design(projekt, qm_a, verwaltung):
    abgelehnt("Ein Projekt im Status „Entwurf“ kann nicht in den Status „Abgeschlossen“ wechseln.",
              services.projekt_status_setzen, projekt=projekt, status=Projekt.Status.ABGESCHLOSSEN, durch=qm_a)
    projekt.status = Projekt.Status.BEANTRAGT
    projekt.save()
    abgelehnt("Den Status „Bewilligt“ bekommt ein Projekt nur, wenn die Verwaltung einen Antrag bewilligt; von Hand "
              "lässt er sich nicht setzen.", services.projekt_status_setzen,
              projekt=projekt, status=Projekt.Status.BEWILLIGT, durch=qm_a)


def test_proof_of_use_life_cycle(win, projekt, qm_a, qm_b, verwaltung):
    bewilligung = services.projekt_bewilligen(bewilligung=antrag(projekt, win, "5000", qm_a), betrag=D("5000"),
                                              durch=verwaltung)
    services.auszahlung_anweisen(bewilligung=bewilligung, betrag=D("5000"), durch=verwaltung)
    nachweis = bewilligung.verwendungsnachweis
    abgelehnt(services.NACHWEIS_NICHT_EINGEREICHT, services.verwendungsnachweis_pruefen, nachweis=nachweis,
              rueckforderung=D("0"), durch=verwaltung)
    abgelehnt(services.NICHT_EIGENES_GEBIET, services.verwendungsnachweis_einreichen, nachweis=nachweis,
              verwendet=D("4500"), durch=qm_b)
    services.verwendungsnachweis_einreichen(nachweis=nachweis, verwendet=D("4500"), durch=qm_a)
    services.projekt_abschliessen(projekt=projekt, durch=qm_a, teilnehmende_erreicht=38)
    abgelehnt("Zurückgefordert werden kann höchstens, was ausgezahlt wurde (5.000,00 €).",
              services.verwendungsnachweis_pruefen, nachweis=nachweis, rueckforderung=D("5000.01"), durch=verwaltung)
    services.verwendungsnachweis_pruefen(nachweis=nachweis, rueckforderung=D("500"), durch=verwaltung)
    projekt.refresh_from_db()
    nachweis.refresh_from_db()
    assert projekt.status == Projekt.Status.NACHWEIS_GEPRUEFT
    assert projekt.teilnehmende_erreicht == 38
    assert (nachweis.rueckforderung, nachweis.geprueft_von) == (D("500.00"), verwaltung)


def test_duplicate_request_is_refused_in_german(win, projekt, qm_a):
    antrag(projekt, win, "1000", qm_a)
    with pytest.raises(Regelverstoss) as info:
        antrag(projekt, win, "1000", qm_a)
    assert "Für dieses Projekt, Programm und Jahr gibt es schon einen Antrag." in info.value.meldung


def test_factory_grant_is_consistent(db):
    bewilligung = BewilligungFactory(bewilligt=True)
    assert bewilligung.betrag_bewilligt == bewilligung.betrag_beantragt
