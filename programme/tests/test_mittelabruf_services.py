"""Calling funds: the spending window at its boundary, the held-back final instalment, single calls where
instalments are not allowed, approval through the payout service, refusal, reporting the money spent."""

import datetime as dt
from decimal import Decimal

import pytest

from kern.fehler import Regelverstoss
from kern.format import datum as datum_text
from programme import mittelabruf_services as ma, selectors, services
from programme.mittelabruf import Mittelabruf
from programme.mittelabruf_selectors import nicht_fristgerecht_verwendet, offene_mittelabrufe, zinszeitraeume
from programme.models import Auszahlung, Projekt
from testhilfen.mittelabruf import abruf, abrufbare_bewilligung
from testhilfen.programme import (
    BewilligungFactory,
    JahresbudgetFactory,
    ProjektFactory,
    VerwendungsnachweisFactory,
    dieses_jahr,
)
from testhilfen.zuwendung import ProgrammvorgabenFactory, ZuwendungFactory

pytestmark = pytest.mark.django_db
D = Decimal
JAHR = dieses_jahr()
TAG = dt.date(JAHR, 2, 1)


@pytest.fixture
def bewilligung(gebiet_a):
    return abrufbare_bewilligung(gebiet_a)


def _abrufen(bewilligung, durch, betrag, verwenden_bis, am=TAG):
    return ma.mittel_abrufen(bewilligung=bewilligung, betrag=D(betrag), verwenden_bis=verwenden_bis,
                             zweck="Miete und Honorare", durch=durch, datum=am)


def test_call_inside_the_six_weeks_passes_and_one_day_later_is_refused(bewilligung, qm_a):
    grenze = TAG + dt.timedelta(weeks=6)
    with pytest.raises(Regelverstoss) as fehler:
        _abrufen(bewilligung, qm_a, "1000", grenze + dt.timedelta(days=1))
    assert fehler.value.meldung == (
        "Mittel dürfen erst abgerufen werden, wenn sie binnen 6 Wochen verwendet werden; diesen Abruf können Sie ab "
        f"dem {datum_text(TAG + dt.timedelta(days=1))} stellen.")
    assert not Mittelabruf.objects.exists()
    abgerufen = _abrufen(bewilligung, qm_a, "1000", grenze)
    assert (abgerufen.status, abgerufen.beantragt_von, abgerufen.verwenden_bis) == ("beantragt", qm_a, grenze)


def test_months_window_names_the_first_day_a_call_may_be_made(gebiet_a, qm_a):
    bewilligung = abrufbare_bewilligung(gebiet_a)
    ProgrammvorgabenFactory(programm=bewilligung.programm, abruf_frist=1, abruf_frist_einheit="monate")
    with pytest.raises(Regelverstoss) as fehler:
        _abrufen(bewilligung, qm_a, "1000", dt.date(JAHR, 3, 31), am=dt.date(JAHR, 2, 27))
    # 31 March less a month is the end of February, whose month ends before 31 March: the first day is 1 March.
    assert fehler.value.meldung.endswith(f"binnen einem Monat verwendet werden; diesen Abruf können Sie ab dem "
                                         f"01.03.{JAHR} stellen.")
    assert _abrufen(bewilligung, qm_a, "1000", dt.date(JAHR, 4, 1), am=dt.date(JAHR, 3, 1)).pk


def test_days_window(gebiet_a, qm_a):
    bewilligung = abrufbare_bewilligung(gebiet_a)
    ProgrammvorgabenFactory(programm=bewilligung.programm, abruf_frist=30, abruf_frist_einheit="tage")
    with pytest.raises(Regelverstoss, match=f"binnen 30 Tagen verwendet werden; diesen Abruf können Sie ab dem "
                                            f"{datum_text(TAG + dt.timedelta(days=1))} stellen"):
        _abrufen(bewilligung, qm_a, "1000", TAG + dt.timedelta(days=31))
    assert _abrufen(bewilligung, qm_a, "1000", TAG + dt.timedelta(days=30)).pk


def test_spend_by_before_the_call_and_outside_the_funding_period_are_refused(bewilligung, qm_a):
    with pytest.raises(Regelverstoss, match="nicht vor dem Abruf"):
        _abrufen(bewilligung, qm_a, "1000", TAG - dt.timedelta(days=1))
    ZuwendungFactory(bewilligung=bewilligung, beginn=dt.date(JAHR, 1, 1), ende=dt.date(JAHR, 2, 10))
    with pytest.raises(Regelverstoss) as fehler:
        _abrufen(bewilligung, qm_a, "1000", dt.date(JAHR, 2, 11))
    assert fehler.value.meldung == f"Die Mittel müssen im Bewilligungszeitraum verwendet werden, also bis zum 10.02.{JAHR}."


def test_held_back_final_instalment_is_refused_until_the_proof_is_checked(bewilligung, qm_a, verwaltung):
    erster = _abrufen(bewilligung, qm_a, "9000", TAG + dt.timedelta(days=14))
    ma.mittelabruf_genehmigen(abruf=erster, durch=verwaltung, datum=TAG)
    with pytest.raises(Regelverstoss) as fehler:
        _abrufen(bewilligung, qm_a, "500", TAG + dt.timedelta(days=14))
    assert fehler.value.meldung == (
        "Die Schlussrate von 1.000,00 € (10 % der Zuwendung) wird erst nach Prüfung des Verwendungsnachweises "
        "ausgezahlt; abgerufen werden können jetzt noch 0,00 €.")
    nachweis = VerwendungsnachweisFactory(bewilligung=bewilligung)
    services.verwendungsnachweis_einreichen(nachweis=nachweis, verwendet=D("10000"), durch=qm_a,
                                            datum=dt.date(JAHR, 3, 1))
    services.verwendungsnachweis_pruefen(nachweis=nachweis, rueckforderung=D("0"), durch=verwaltung,
                                         datum=dt.date(JAHR, 3, 10))
    services.projekt_abschliessen(projekt=bewilligung.projekt, durch=verwaltung)
    assert Projekt.objects.get(pk=bewilligung.projekt_id).status == Projekt.Status.NACHWEIS_GEPRUEFT
    with pytest.raises(Regelverstoss, match="Abgerufen werden können noch 1.000,00 €"):
        _abrufen(bewilligung, qm_a, "1000.01", dt.date(JAHR, 3, 20), am=dt.date(JAHR, 3, 12))
    schluss = _abrufen(bewilligung, qm_a, "1000", dt.date(JAHR, 3, 20), am=dt.date(JAHR, 3, 12))
    assert schluss.schlussrate
    ma.mittelabruf_genehmigen(abruf=schluss, durch=verwaltung, datum=dt.date(JAHR, 3, 13))
    assert bewilligung.auszahlungen.summe() == D("10000.00")


def test_after_a_reclaim_nothing_more_is_called(bewilligung, qm_a, verwaltung):
    erster = _abrufen(bewilligung, qm_a, "9000", TAG + dt.timedelta(days=14))
    ma.mittelabruf_genehmigen(abruf=erster, durch=verwaltung, datum=TAG)
    nachweis = VerwendungsnachweisFactory(bewilligung=bewilligung, eingereicht_am=dt.date(JAHR, 3, 1),
                                          verwendet=D("8000"))
    services.verwendungsnachweis_pruefen(nachweis=nachweis, rueckforderung=D("1000"), durch=verwaltung,
                                         datum=dt.date(JAHR, 3, 10))
    with pytest.raises(Regelverstoss, match="Rückforderung festgesetzt"):
        _abrufen(bewilligung, qm_a, "100", dt.date(JAHR, 3, 20), am=dt.date(JAHR, 3, 12))


def test_without_instalments_one_call_for_the_whole_grant(gebiet_a, qm_a, verwaltung):
    bewilligung = abrufbare_bewilligung(gebiet_a)
    ProgrammvorgabenFactory(programm=bewilligung.programm, abruf_teilbetraege=False, abruf_schlussrate=D("0"))
    with pytest.raises(Regelverstoss) as fehler:
        _abrufen(bewilligung, qm_a, "4000", TAG + dt.timedelta(days=14))
    assert fehler.value.meldung == (f"{bewilligung.programm} zahlt nicht in Teilbeträgen aus: Bitte den ganzen "
                                    "abrufbaren Betrag von 10.000,00 € abrufen.")
    ganz = _abrufen(bewilligung, qm_a, "10000", TAG + dt.timedelta(days=14))
    with pytest.raises(Regelverstoss) as fehler:
        _abrufen(bewilligung, qm_a, "1", TAG + dt.timedelta(days=14), am=TAG + dt.timedelta(days=2))
    assert fehler.value.meldung == (f"{bewilligung.programm} zahlt die Zuwendung in einem einzigen Abruf aus; für "
                                    f"diese Förderung gibt es schon den Abruf vom {datum_text(TAG)}.")
    ma.mittelabruf_ablehnen(abruf=ganz, grund="Ausgabenübersicht fehlt", durch=verwaltung, datum=TAG)
    assert _abrufen(bewilligung, qm_a, "10000", TAG + dt.timedelta(days=14)).pk  # a refused call does not count


def test_open_calls_count_against_the_callable_amount(bewilligung, qm_a):
    _abrufen(bewilligung, qm_a, "5000", TAG + dt.timedelta(days=14))
    with pytest.raises(Regelverstoss) as fehler:
        _abrufen(bewilligung, qm_a, "4000.01", TAG + dt.timedelta(days=14))
    assert fehler.value.meldung == ("Die Schlussrate von 1.000,00 € (10 % der Zuwendung) wird erst nach Prüfung des "
                                    "Verwendungsnachweises ausgezahlt; abgerufen werden können jetzt noch 4.000,00 €.")
    with pytest.raises(Regelverstoss, match="Abgerufen werden können noch 4.000,00 €: bewilligt 10.000,00 €, schon "
                                            "ausgezahlt 0,00 €, offen abgerufen 5.000,00 €"):
        _abrufen(bewilligung, qm_a, "6000", TAG + dt.timedelta(days=14))


def test_approval_makes_exactly_one_payout_and_moves_the_budget_figures(gebiet_a, qm_a, verwaltung):
    bewilligung = abrufbare_bewilligung(gebiet_a)
    JahresbudgetFactory(programm=bewilligung.programm, jahr=bewilligung.jahr, gebiet=gebiet_a, betrag=D("50000"))
    stand = lambda: selectors.programmjahr(programm=bewilligung.programm, jahr=bewilligung.jahr).gesamt  # noqa: E731
    assert stand().ausgezahlt == D("0")
    offen = _abrufen(bewilligung, qm_a, "2500", TAG + dt.timedelta(days=14))
    assert stand().ausgezahlt == D("0")  # a call alone pays nothing
    genehmigt = ma.mittelabruf_genehmigen(abruf=offen, durch=verwaltung, datum=TAG + dt.timedelta(days=1))
    auszahlung = Auszahlung.objects.get(bewilligung=bewilligung)
    assert (genehmigt.status, genehmigt.auszahlung, genehmigt.entschieden_von) == ("genehmigt", auszahlung, verwaltung)
    assert (auszahlung.betrag, auszahlung.datum, auszahlung.angewiesen_von) == (D("2500.00"), TAG + dt.timedelta(days=1),
                                                                                 verwaltung)
    assert stand().ausgezahlt == D("2500.00")
    assert Projekt.objects.get(pk=bewilligung.projekt_id).status == Projekt.Status.LAUFEND
    with pytest.raises(Regelverstoss, match="bereits entschieden"):
        ma.mittelabruf_genehmigen(abruf=offen, durch=verwaltung)
    assert Auszahlung.objects.filter(bewilligung=bewilligung).count() == 1


def test_approval_checks_again_against_payouts_made_since(bewilligung, qm_a, verwaltung):
    offen = _abrufen(bewilligung, qm_a, "5000", TAG + dt.timedelta(days=14))
    services.auszahlung_anweisen(bewilligung=bewilligung, betrag=D("5000"), durch=verwaltung, datum=TAG)
    with pytest.raises(Regelverstoss, match="Schlussrate von 1.000,00 €.*noch 4.000,00 €"):
        ma.mittelabruf_genehmigen(abruf=offen, durch=verwaltung, datum=TAG)
    assert bewilligung.auszahlungen.summe() == D("5000.00")
    assert Mittelabruf.objects.get(pk=offen.pk).status == "beantragt"


def test_only_staff_decide_and_managers_call_only_in_their_areas(bewilligung, qm_a, qm_b, rat, verwaltung):
    for fremd in (qm_b, rat):
        with pytest.raises(Regelverstoss, match="nicht in einem Ihrer Gebiete"):
            _abrufen(bewilligung, fremd, "1000", TAG + dt.timedelta(days=14))
    offen = _abrufen(bewilligung, verwaltung, "1000", TAG + dt.timedelta(days=14))
    for ohne_recht in (qm_a, rat):
        with pytest.raises(Regelverstoss, match="Nur die Verwaltung darf über Mittelabrufe entscheiden"):
            ma.mittelabruf_genehmigen(abruf=offen, durch=ohne_recht)
    with pytest.raises(Regelverstoss, match="Grund der Ablehnung"):
        ma.mittelabruf_ablehnen(abruf=offen, grund="  ", durch=verwaltung)
    abgelehnt = ma.mittelabruf_ablehnen(abruf=offen, grund="Bitte Kostenübersicht beifügen", durch=verwaltung,
                                        datum=TAG)
    assert (abgelehnt.status, abgelehnt.entschieden_von, abgelehnt.auszahlung) == ("abgelehnt", verwaltung, None)
    assert not Auszahlung.objects.exists()


def test_calls_only_on_granted_grants(gebiet_a, qm_a):
    antrag = BewilligungFactory(projekt=ProjektFactory(gebiet=gebiet_a, beantragt=True), gebiet=gebiet_a)
    with pytest.raises(Regelverstoss, match="nur bei einer bewilligten Förderung"):
        _abrufen(antrag, qm_a, "1000", TAG + dt.timedelta(days=14))


def test_reporting_the_money_spent_and_the_calls_not_spent_in_time(bewilligung, qm_a, qm_b, verwaltung):
    heute = dt.date.today()
    frueh = abruf(bewilligung, qm_a, "1000", am=heute - dt.timedelta(days=40), tage=20)
    spaet = abruf(bewilligung, qm_a, "1000", am=heute - dt.timedelta(days=40), tage=10)
    neu = abruf(bewilligung, qm_a, "1000", am=heute - dt.timedelta(days=5), tage=30)
    for a in (frueh, spaet, neu):
        ma.mittelabruf_genehmigen(abruf=a, durch=verwaltung, datum=a.beantragt_am)
    with pytest.raises(Regelverstoss, match="nicht in einem Ihrer Gebiete"):
        ma.verwendung_melden(abruf=frueh, verwendet_am=heute - dt.timedelta(days=25), durch=qm_b)
    with pytest.raises(Regelverstoss, match="künftigen Tag"):
        ma.verwendung_melden(abruf=frueh, verwendet_am=heute + dt.timedelta(days=1), durch=qm_a)
    with pytest.raises(Regelverstoss, match="vor ihrer Auszahlung"):
        ma.verwendung_melden(abruf=frueh, verwendet_am=heute - dt.timedelta(days=41), durch=qm_a)
    ma.verwendung_melden(abruf=frueh, verwendet_am=heute - dt.timedelta(days=25), durch=qm_a)
    with pytest.raises(Regelverstoss, match="bereits zum"):
        ma.verwendung_melden(abruf=frueh, verwendet_am=heute, durch=qm_a)
    assert list(nicht_fristgerecht_verwendet(verwaltung, heute)) == [spaet]
    ma.verwendung_melden(abruf=spaet, verwendet_am=heute - dt.timedelta(days=2), durch=qm_a)  # reported late
    assert list(nicht_fristgerecht_verwendet(qm_a, heute)) == [spaet]
    assert list(nicht_fristgerecht_verwendet(qm_a, heute, nur_offene=True)) == []
    assert list(nicht_fristgerecht_verwendet(qm_b, heute)) == []
    assert list(nicht_fristgerecht_verwendet(verwaltung, heute + dt.timedelta(days=26))) == [spaet, neu]


def test_open_calls_are_scoped(bewilligung, gebiet_b, qm_a, qm_b, rat, verwaltung):
    eigener = _abrufen(bewilligung, qm_a, "1000", TAG + dt.timedelta(days=14))
    fremder = _abrufen(abrufbare_bewilligung(gebiet_b), qm_b, "1000", TAG + dt.timedelta(days=14))
    assert set(offene_mittelabrufe(verwaltung)) == {eigener, fremder}
    assert list(offene_mittelabrufe(qm_a)) == [eigener]
    assert list(offene_mittelabrufe(rat)) == []


def test_every_step_is_in_the_history_with_who(bewilligung, qm_a, verwaltung):
    offen = _abrufen(bewilligung, qm_a, "1000", dt.date.today(), am=dt.date.today())
    ma.mittelabruf_genehmigen(abruf=offen, durch=verwaltung, datum=dt.date.today())
    ma.verwendung_melden(abruf=offen, verwendet_am=dt.date.today(), durch=qm_a)
    historie = list(Mittelabruf.history.filter(id=offen.pk).order_by("history_date", "history_id"))
    assert [(h.status, h.history_user, h.verwendet_am is not None) for h in historie] == [
        ("beantragt", qm_a, False), ("genehmigt", verwaltung, False), ("genehmigt", qm_a, True)]
    assert all(h.history_date for h in historie)


def test_interest_periods_of_calls_not_spent_in_time_run_from_payout_to_use(bewilligung, qm_a, verwaltung):
    heute = dt.date.today()
    rechtzeitig = abruf(bewilligung, qm_a, "1000", am=heute - dt.timedelta(days=60), tage=10)
    verspaetet = abruf(bewilligung, qm_a, "2000", am=heute - dt.timedelta(days=60), tage=10)
    liegt = abruf(bewilligung, qm_a, "3000", am=heute - dt.timedelta(days=30), tage=10)
    for a in (rechtzeitig, verspaetet, liegt):
        ma.mittelabruf_genehmigen(abruf=a, durch=verwaltung, datum=a.beantragt_am + dt.timedelta(days=1))
    ma.verwendung_melden(abruf=rechtzeitig, verwendet_am=heute - dt.timedelta(days=52), durch=qm_a)
    ma.verwendung_melden(abruf=verspaetet, verwendet_am=heute - dt.timedelta(days=20), durch=qm_a)
    zeitraeume = zinszeitraeume(bewilligung, heute)
    assert [(z.abruf, z.betrag, z.von, z.bis, z.verwendet) for z in zeitraeume] == [
        (verspaetet, D("2000.00"), heute - dt.timedelta(days=59), heute - dt.timedelta(days=20), True),
        (liegt, D("3000.00"), heute - dt.timedelta(days=29), heute, False)]
