"""Grant law in the services: the plan gives the requested amount, early start, funding period, de-minimis."""

import datetime as dt
from decimal import Decimal

import pytest
from django.test import override_settings

from kern.fehler import Regelverstoss
from programme import services, zuwendung_regeln, zuwendung_services
from programme.models import Bewilligung, Projekt
from programme.zuwendung import Finanzierungsart, Zuwendung
from programme.zuwendung_services import Zeile
from testhilfen.programme import FoerderprogrammFactory, JahresbudgetFactory, ProgrammgebietFactory, ProjektFactory
from testhilfen.zuwendung import ProgrammvorgabenFactory, TraegerdatenFactory

pytestmark = pytest.mark.django_db
D = Decimal
JAHR = 2026


@pytest.fixture
def win(gebiet_a):
    programm = FoerderprogrammFactory(kurzname="WiN", stadt=gebiet_a.stadt, max_foerderquote=D("50"))
    ProgrammgebietFactory(programm=programm, gebiet=gebiet_a)
    JahresbudgetFactory(programm=programm, jahr=JAHR, betrag=D("900000"))
    JahresbudgetFactory(programm=programm, jahr=JAHR + 1, betrag=D("900000"))
    ProgrammvorgabenFactory(programm=programm, finanzierungsart=Finanzierungsart.ANTEIL, foerderquote=D("50"))
    return programm


@pytest.fixture
def projekt(gebiet_a):
    traeger = TraegerdatenFactory(organisation__stadt=gebiet_a.stadt).organisation
    return ProjektFactory(gebiet=gebiet_a, traeger=traeger, beginn=dt.date(JAHR, 3, 1), ende=dt.date(JAHR + 1, 6, 30),
                          gesamtkosten=D("20000"), eigenmittel=D("10000"))


def _plan(projekt, win, *, zuwendung_2026=D("5000"), durch):
    return zuwendung_services.finanzierungsplan_speichern(projekt=projekt, durch=durch, zeilen=[
        Zeile("personal", JAHR, D("8000"), "Projektleitung"), Zeile("sachkosten", JAHR, D("2000"), "Material"),
        Zeile("eigenmittel", JAHR, D("3000")), Zeile("drittmittel", JAHR, D("2000"), quelle="Stiftung Beispiel"),
        Zeile("zuwendung", JAHR, zuwendung_2026, programm=win),
        Zeile("honorare", JAHR + 1, D("4000"), "Honorare Kurse"), Zeile("eigenmittel", JAHR + 1, D("2000")),
        Zeile("zuwendung", JAHR + 1, D("2000"), programm=win),
    ])


def _beantragen(projekt, programm, durch, betrag=None, jahr=JAHR, datum=dt.date(JAHR, 2, 1)):
    return services.bewilligung_beantragen(projekt=projekt, programm=programm, jahr=jahr, betrag=betrag, durch=durch,
                                           datum=datum)


def test_plan_setzt_kosten_und_antrag_kommt_aus_dem_plan(projekt, win, qm_a):
    plan = _plan(projekt, win, durch=qm_a)
    projekt.refresh_from_db()
    assert (plan.version, projekt.gesamtkosten, projekt.eigenmittel, projekt.drittmittel) == (
        1, D("14000.00"), D("5000.00"), D("2000.00"))
    antrag = _beantragen(projekt, win, qm_a)
    assert antrag.betrag_beantragt == D("5000.00")
    zuwendung = Zuwendung.objects.get(bewilligung=antrag)
    assert (zuwendung.finanzierungsart, zuwendung.foerderquote) == (Finanzierungsart.ANTEIL, D("50.00"))
    assert (zuwendung.beginn, zuwendung.ende) == (dt.date(JAHR, 3, 1), dt.date(JAHR, 12, 31))
    with pytest.raises(Regelverstoss) as fehler:
        _beantragen(projekt, win, qm_a, betrag=D("6000"), jahr=JAHR + 1)
    assert fehler.value.meldung.startswith("Laut Finanzierungsplan werden bei WiN für 2027 2.000,00 € beantragt")


def test_neue_planfassung_passt_offenen_antrag_an_und_prueft_die_programmregeln(projekt, win, qm_a):
    _plan(projekt, win, durch=qm_a)
    antrag = _beantragen(projekt, win, qm_a)
    # 7,500 € of 14,000 € total cost are more than WiN's 50 %: refused, nothing changes.
    with pytest.raises(Regelverstoss) as fehler:
        zuwendung_services.finanzierungsplan_speichern(projekt=projekt, durch=qm_a, zeilen=[
            Zeile("personal", JAHR, D("10000")), Zeile("zuwendung", JAHR, D("7500"), programm=win),
            Zeile("eigenmittel", JAHR, D("2500")),
            Zeile("honorare", JAHR + 1, D("4000")), Zeile("zuwendung", JAHR + 1, D("2000"), programm=win),
            Zeile("eigenmittel", JAHR + 1, D("2000"))])
    assert "höchstens 50 %" in fehler.value.meldung
    assert projekt.finanzierungsplaene.count() == 1
    zuwendung_services.finanzierungsplan_speichern(projekt=projekt, durch=qm_a, zeilen=[
        Zeile("personal", JAHR, D("10000")), Zeile("zuwendung", JAHR, D("4000"), programm=win),
        Zeile("eigenmittel", JAHR, D("6000"))] + [
        Zeile("honorare", JAHR + 1, D("4000")), Zeile("zuwendung", JAHR + 1, D("2000"), programm=win),
        Zeile("eigenmittel", JAHR + 1, D("2000"))])
    antrag.refresh_from_db()
    assert antrag.betrag_beantragt == D("4000.00")
    assert projekt.finanzierungsplaene.count() == 2


def test_unausgeglichener_plan_wird_abgelehnt(projekt, win, qm_a):
    with pytest.raises(Regelverstoss) as fehler:
        zuwendung_services.finanzierungsplan_speichern(projekt=projekt, durch=qm_a, zeilen=[
            Zeile("personal", JAHR, D("1000")), Zeile("eigenmittel", JAHR, D("999.99"))])
    assert fehler.value.meldung == ("Der Finanzierungsplan ist für 2026 nicht ausgeglichen: Ausgaben 1.000,00 €, "
                                    "Einnahmen 999,99 €.")
    assert not projekt.finanzierungsplaene.exists()


def test_anteilfinanzierung_begrenzt_die_bewilligung_nach_dem_plan(projekt, win, qm_a, verwaltung):
    _plan(projekt, win, durch=qm_a)
    antrag = _beantragen(projekt, win, qm_a)
    zuwendung_services.zuwendung_festlegen(bewilligung=antrag, finanzierungsart=Finanzierungsart.ANTEIL,
                                           foerderquote=D("40"), durch=verwaltung)
    # 40 % of the 10,000 € expenses of 2026 = 4,000 €; 5,000 € are refused
    with pytest.raises(Regelverstoss) as fehler:
        services.projekt_bewilligen(bewilligung=antrag, betrag=D("5000"), durch=verwaltung, datum=dt.date(JAHR, 2, 20))
    assert fehler.value.meldung == ("Bei Anteilfinanzierung ergibt der Finanzierungsplan für 2026 höchstens "
                                    "4.000,00 €; bewilligt werden sollen 5.000,00 €.")
    services.projekt_bewilligen(bewilligung=antrag, betrag=D("4000"), durch=verwaltung, datum=dt.date(JAHR, 2, 20))
    antrag.refresh_from_db()
    assert antrag.status == Bewilligung.Status.BEWILLIGT


def test_vorzeitiger_beginn_ohne_zulassung_wird_abgelehnt(projekt, win, qm_a, verwaltung):
    # The project began on 1 March, the request came on 15 March.
    antrag = _beantragen(projekt, win, qm_a, betrag=D("5000"), datum=dt.date(JAHR, 3, 15))
    with pytest.raises(Regelverstoss) as fehler:
        services.projekt_bewilligen(bewilligung=antrag, betrag=D("5000"), durch=verwaltung, datum=dt.date(JAHR, 4, 1))
    assert fehler.value.meldung == ("Das Projekt hat am 01.03.2026 begonnen, vor dem Antrag vom 15.03.2026. Ohne vorher "
                                    "zugelassenen vorzeitigen Maßnahmebeginn kann es nicht gefördert werden.")
    # A permission recorded after the start does not help either.
    zuwendung_services.vorzeitigen_beginn_zulassen(projekt=projekt, erlaubt_am=dt.date(JAHR, 3, 2), durch=verwaltung)
    with pytest.raises(Regelverstoss) as fehler:
        services.projekt_bewilligen(bewilligung=antrag, betrag=D("5000"), durch=verwaltung, datum=dt.date(JAHR, 4, 1))
    assert "erst am 02.03.2026 zugelassen" in fehler.value.meldung
    assert Bewilligung.objects.get(pk=antrag.pk).status == Bewilligung.Status.BEANTRAGT
    zuwendung_services.vorzeitigen_beginn_zulassen(projekt=projekt, erlaubt_am=dt.date(JAHR, 2, 25), durch=verwaltung)
    services.projekt_bewilligen(bewilligung=antrag, betrag=D("5000"), durch=verwaltung, datum=dt.date(JAHR, 4, 1))
    assert Projekt.objects.get(pk=projekt.pk).status == Projekt.Status.BEWILLIGT


def test_vorzeitigen_beginn_laesst_nur_die_verwaltung_zu(projekt, qm_a):
    with pytest.raises(Regelverstoss) as fehler:
        zuwendung_services.vorzeitigen_beginn_zulassen(projekt=projekt, durch=qm_a)
    assert fehler.value.meldung == "Nur die Verwaltung darf einen vorzeitigen Maßnahmebeginn zulassen."


def test_bewilligungszeitraum_muss_in_der_projektlaufzeit_liegen(projekt, win, qm_a, verwaltung):
    antrag = _beantragen(projekt, win, qm_a, betrag=D("5000"))
    with pytest.raises(Regelverstoss) as fehler:
        zuwendung_services.zuwendung_festlegen(bewilligung=antrag, finanzierungsart=Finanzierungsart.FEHLBEDARF,
                                               beginn=dt.date(JAHR, 2, 1), ende=dt.date(JAHR, 12, 31), durch=verwaltung)
    assert fehler.value.meldung == ("Der Bewilligungszeitraum (01.02.2026 bis 31.12.2026) muss innerhalb der "
                                    "Projektlaufzeit (01.03.2026 bis 30.06.2027) liegen.")
    assert Zuwendung.objects.get(bewilligung=antrag).finanzierungsart == Finanzierungsart.ANTEIL


@pytest.fixture
def de_minimis(gebiet_a):
    programme = []
    for kurz in ("BIWAQ", "LOS"):
        p = FoerderprogrammFactory(kurzname=kurz, stadt=gebiet_a.stadt)
        ProgrammgebietFactory(programm=p, gebiet=gebiet_a)
        JahresbudgetFactory(programm=p, jahr=JAHR, betrag=D("900000"))
        ProgrammvorgabenFactory(programm=p, de_minimis=True)
        programme.append(p)
    return programme


@override_settings(DE_MINIMIS_HOECHSTBETRAG=300000)
@pytest.mark.parametrize(("zweiter", "erlaubt"), [(D("100000.00"), True), (D("100000.01"), False)])
def test_de_minimis_grenze_genau_erreicht_ja_ein_cent_darueber_nein(projekt, de_minimis, qm_a, verwaltung,
                                                                    zweiter, erlaubt):
    erster_antrag = _beantragen(projekt, de_minimis[0], verwaltung, betrag=D("200000"))
    services.projekt_bewilligen(bewilligung=erster_antrag, betrag=D("200000"), durch=verwaltung,
                                datum=dt.date(JAHR, 2, 10))
    anderes = ProjektFactory(gebiet=projekt.gebiet, traeger=projekt.traeger, beginn=projekt.beginn, ende=projekt.ende,
                             gesamtkosten=D("0"), eigenmittel=D("0"))
    antrag = _beantragen(anderes, de_minimis[1], verwaltung, betrag=zweiter)
    if erlaubt:
        services.projekt_bewilligen(bewilligung=antrag, betrag=zweiter, durch=verwaltung, datum=dt.date(JAHR, 2, 11))
        assert zuwendung_regeln.de_minimis_summe(traeger_id=projekt.traeger_id,
                                                 stichtag=dt.date(JAHR, 2, 11)) == D("300000.00")
        return
    with pytest.raises(Regelverstoss) as fehler:
        services.projekt_bewilligen(bewilligung=antrag, betrag=zweiter, durch=verwaltung, datum=dt.date(JAHR, 2, 11))
    assert fehler.value.meldung == (
        f"De-minimis-Höchstbetrag überschritten: {projekt.traeger} hat in den letzten drei Jahren De-minimis-Beihilfen "
        "von 200.000,00 € erhalten; mit 100.000,01 € wären es 300.000,01 €, erlaubt sind höchstens 300.000,00 €.")
    assert Bewilligung.objects.get(pk=antrag.pk).status == Bewilligung.Status.BEANTRAGT


def test_de_minimis_zaehlt_nur_drei_jahre(projekt, de_minimis, verwaltung):
    antrag = _beantragen(projekt, de_minimis[0], verwaltung, betrag=D("250000"))
    services.projekt_bewilligen(bewilligung=antrag, betrag=D("250000"), durch=verwaltung, datum=dt.date(JAHR, 2, 10))
    assert zuwendung_regeln.de_minimis_summe(traeger_id=projekt.traeger_id,
                                             stichtag=dt.date(JAHR + 3, 2, 9)) == D("250000.00")
    assert zuwendung_regeln.de_minimis_summe(traeger_id=projekt.traeger_id,
                                             stichtag=dt.date(JAHR + 3, 2, 10)) == D("0.00")


def test_antrag_ohne_traeger_wird_abgelehnt(gebiet_a, win, qm_a):
    projekt = ProjektFactory(gebiet=gebiet_a, traeger=None, beginn=dt.date(JAHR, 3, 1), ende=dt.date(JAHR, 12, 31))
    with pytest.raises(Regelverstoss) as fehler:
        _beantragen(projekt, win, qm_a, betrag=D("100"))
    assert fehler.value.meldung == zuwendung_regeln.ANTRAG_OHNE_TRAEGER
