"""Reclaims with interest through the services: what may be reclaimed, how repayments split into interest and
principal (§ 367 Abs. 1 BGB) and how they reach the grant's figures."""

import datetime as dt
from decimal import Decimal as D

import pytest

from kern.fehler import Regelverstoss
from programme import rueckforderung_selectors, rueckforderung_services as rs, services
from programme.rueckforderung import Basiszinssatz, Rueckforderung, Rueckzahlung
from testhilfen.rueckforderung import ausgezahlt_und_geprueft, programm_2024

pytestmark = pytest.mark.django_db
A = Rueckforderung.Art


@pytest.fixture
def geprueft(gebiet_a, verwaltung):
    """10.000 € paid out on 01.02.2024; the proof of use, checked on 15.05.2024, reclaims 4.000 €."""
    return ausgezahlt_und_geprueft(programm_2024(gebiet_a.stadt, [gebiet_a]), gebiet_a, verwaltung)


def _festsetzen(bewilligung, durch, betrag="4000", art=A.NACHWEIS, **kwargs):
    return rs.rueckforderung_festsetzen(bewilligung=bewilligung, art=art, betrag=D(betrag), durch=durch,
                                        grund="Ausgaben unter dem Finanzierungsplan.", datum=dt.date(2024, 5, 20),
                                        **kwargs)


def test_the_base_rates_ship_from_2002_with_their_source():
    saetze = {s.gueltig_ab: s.satz for s in Basiszinssatz.objects.all()}
    assert len(saetze) == 50 and min(saetze) == dt.date(2002, 1, 1)
    assert saetze[dt.date(2023, 1, 1)] == D("1.62") and saetze[dt.date(2025, 7, 1)] == D("1.27")
    assert saetze[dt.date(2016, 7, 1)] == D("-0.88")
    assert set(Basiszinssatz.objects.values_list("quelle", flat=True)) == {"Deutsche Bundesbank"}


def test_more_than_the_checked_proof_reclaimed_is_refused(geprueft, verwaltung):
    with pytest.raises(Regelverstoss) as fehler:
        _festsetzen(geprueft, verwaltung, "4000.01")
    assert fehler.value.meldung == ("Zurückgefordert werden können nach der Prüfung des Verwendungsnachweises "
                                    "höchstens 4.000,00 € (festgestellt 4.000,00 €, schon in Rückforderungen oder "
                                    "ohne sie zurückgezahlt 0,00 €).")
    _festsetzen(geprueft, verwaltung, "3000")
    with pytest.raises(Regelverstoss, match="höchstens 1.000,00 €"):
        _festsetzen(geprueft, verwaltung, "1000.01")
    assert Rueckforderung.objects.count() == 1
    geprueft.refresh_from_db()
    assert geprueft.betrag_zurueckgefordert == D("4000")


def test_a_repayment_settles_interest_first_and_only_its_principal_counts_as_repaid(geprueft, verwaltung):
    rueckforderung = _festsetzen(geprueft, verwaltung)
    assert rueckforderung.wirksam_ab == dt.date(2024, 5, 15)
    # Interest on 4.000 € up to 30.09.2024:
    #   16.05.-30.06.: 46 days at 8,62 %: 4000 * 0.0862 * 46 / 365 = 43.4542... -> 43,45 €
    #   01.07.-30.09.: 92 days at 8,37 %: 4000 * 0.0837 * 92 / 365 = 84.3879... -> 84,39 €; together 127,84 €.
    # The operator transfers exactly 4.000 €: 127,84 € settle the interest, 3.872,16 € the principal.
    services.rueckzahlung_verbuchen(bewilligung=geprueft, rueckforderung=rueckforderung, betrag=D("4000"),
                                    datum=dt.date(2024, 9, 30), durch=verwaltung)
    zahlung = Rueckzahlung.objects.get()
    assert (zahlung.auf_zinsen, zahlung.auf_hauptforderung, zahlung.verbucht_von) == (D("127.84"), D("3872.16"),
                                                                                      verwaltung)
    geprueft.refresh_from_db()
    assert (geprueft.betrag_zurueckgezahlt, geprueft.rueckzahlung_offen) == (D("3872.16"), D("127.84"))
    # The rest of 127,84 € bears interest from 01.10.2024: 31 days to 31.10.2024 at 8,37 %:
    #   127.84 * 0.0837 * 31 / 365 = 0.9087... -> 0,91 €
    stand = rueckforderung_selectors.staende([rueckforderung], stichtag=dt.date(2024, 10, 31))[0]
    assert (stand.kapital_offen, stand.zinsen, stand.zinsen_offen) == (D("127.84"), D("128.75"), D("0.91"))
    with pytest.raises(Regelverstoss) as fehler:
        services.rueckzahlung_verbuchen(bewilligung=geprueft, rueckforderung=rueckforderung, betrag=D("128.76"),
                                        datum=dt.date(2024, 10, 31), durch=verwaltung)
    assert fehler.value.meldung == ("Offen sind am 31.10.2024 höchstens 128,75 € (Erstattungsbetrag 127,84 €, "
                                    "Zinsen 0,91 €); mehr kann nicht verbucht werden.")
    services.rueckzahlung_verbuchen(bewilligung=geprueft, rueckforderung=rueckforderung, betrag=D("128.75"),
                                    datum=dt.date(2024, 10, 31), durch=verwaltung)
    rueckforderung.refresh_from_db()
    geprueft.refresh_from_db()
    assert rueckforderung.erledigt_am == dt.date(2024, 10, 31)
    assert (geprueft.betrag_zurueckgezahlt, geprueft.rueckzahlung_offen) == (D("4000"), D("0"))
    assert not rueckforderung_selectors.offene_rueckforderungen(verwaltung).exists()
    assert rueckforderung.history.first().history_user == verwaltung


def test_without_a_reclaim_only_the_part_no_reclaim_itemises_can_be_repaid(geprueft, verwaltung):
    _festsetzen(geprueft, verwaltung, "3000")
    with pytest.raises(Regelverstoss, match="höchstens 1.000,00 € verbucht werden"):
        services.rueckzahlung_verbuchen(bewilligung=geprueft, betrag=D("1000.01"), durch=verwaltung)
    services.rueckzahlung_verbuchen(bewilligung=geprueft, betrag=D("1000"), durch=verwaltung)
    geprueft.refresh_from_db()
    assert geprueft.betrag_zurueckgezahlt == D("1000")
    with pytest.raises(Regelverstoss, match="höchstens 0,00 €"):
        _festsetzen(geprueft, verwaltung, "0.01")


def test_a_revocation_raises_the_reclaimed_amount_up_to_what_was_paid(geprueft, verwaltung, qm_a):
    with pytest.raises(Regelverstoss, match="Nur die Verwaltung"):
        _festsetzen(geprueft, qm_a, "1000", art=A.WIDERRUF)
    with pytest.raises(Regelverstoss) as fehler:
        _festsetzen(geprueft, verwaltung, "6000.01", art=A.WIDERRUF)
    assert fehler.value.meldung == ("Mit einem Widerruf können höchstens 6.000,00 € zurückgefordert werden: "
                                    "ausgezahlt 10.000,00 €, schon zurückgefordert 4.000,00 €.")
    widerruf = _festsetzen(geprueft, verwaltung, "2000", art=A.WIDERRUF, wirksam_ab=dt.date(2024, 2, 1))
    geprueft.refresh_from_db()
    assert geprueft.betrag_zurueckgefordert == D("6000")
    assert geprueft.history.first().history_user == verwaltung
    assert widerruf.wirksam_ab == dt.date(2024, 2, 1)


def test_abs_4_interest_changes_no_amount_of_the_grant_and_payments_settle_interest_only(geprueft, verwaltung):
    # 5.000 € paid on 01.02.2024, spent on 15.03.2024: 43 days at 8,62 %:
    #   5000 * 0.0862 * 43 / 365 = 50.7753... -> 50,78 €
    zinsen = _festsetzen(geprueft, verwaltung, "5000", art=A.ZINSEN, verwendet_am=dt.date(2024, 3, 15))
    assert zinsen.wirksam_ab == dt.date(2024, 2, 1)
    stand = rueckforderung_selectors.staende([zinsen], stichtag=dt.date(2024, 12, 1))[0]
    assert (stand.zinsen, stand.kapital_offen, stand.offen) == (D("50.78"), D("0"), D("50.78"))
    services.rueckzahlung_verbuchen(bewilligung=geprueft, rueckforderung=zinsen, betrag=D("50.78"),
                                    datum=dt.date(2024, 12, 1), durch=verwaltung)
    geprueft.refresh_from_db()
    zinsen.refresh_from_db()
    assert (geprueft.betrag_zurueckgefordert, geprueft.betrag_zurueckgezahlt) == (D("4000"), D("0"))
    assert zinsen.erledigt_am == dt.date(2024, 12, 1)
    with pytest.raises(Regelverstoss, match="fehlt der Tag"):
        _festsetzen(geprueft, verwaltung, "100", art=A.ZINSEN)


def test_a_repayment_before_the_last_one_or_in_the_future_is_refused(geprueft, verwaltung):
    rueckforderung = _festsetzen(geprueft, verwaltung)
    services.rueckzahlung_verbuchen(bewilligung=geprueft, rueckforderung=rueckforderung, betrag=D("100"),
                                    datum=dt.date(2024, 9, 30), durch=verwaltung)
    with pytest.raises(Regelverstoss, match="schon eine Zahlung vom 30.09.2024"):
        services.rueckzahlung_verbuchen(bewilligung=geprueft, rueckforderung=rueckforderung, betrag=D("100"),
                                        datum=dt.date(2024, 9, 1), durch=verwaltung)
    with pytest.raises(Regelverstoss, match="künftiges Datum"):
        services.rueckzahlung_verbuchen(bewilligung=geprueft, rueckforderung=rueckforderung, betrag=D("100"),
                                        datum=dt.date.today() + dt.timedelta(days=1), durch=verwaltung)
    assert Rueckzahlung.objects.count() == 1


def test_staff_record_a_new_base_rate_once_and_only_on_a_half_year(verwaltung, qm_a):
    with pytest.raises(Regelverstoss, match="Nur die Verwaltung"):
        rs.basiszinssatz_erfassen(gueltig_ab=dt.date(2027, 1, 1), satz=D("1.52"), durch=qm_a)
    with pytest.raises(Regelverstoss, match="1. Januar und zum 1. Juli"):
        rs.basiszinssatz_erfassen(gueltig_ab=dt.date(2027, 2, 1), satz=D("1.52"), durch=verwaltung)
    with pytest.raises(Regelverstoss, match="schon ein Basiszinssatz erfasst"):
        rs.basiszinssatz_erfassen(gueltig_ab=dt.date(2026, 7, 1), satz=D("1.52"), durch=verwaltung)
    neu = rs.basiszinssatz_erfassen(gueltig_ab=dt.date(2027, 1, 1), satz=D("-0.25"), durch=verwaltung)
    assert (neu.satz, neu.quelle, neu.history.first().history_user) == (D("-0.25"), "Deutsche Bundesbank", verwaltung)
