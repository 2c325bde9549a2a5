"""The report tables read programme's one money selector: reclaims counted, rows that add up."""

import datetime as dt
import re
from decimal import Decimal

import pytest

from programme import services
from testhilfen.berichte import RatsvorlageFactory
from testhilfen.pdftext import rendern
from testhilfen.programme import FoerderprogrammFactory, JahresbudgetFactory, ProgrammgebietFactory, ProjektFactory

JAHR = dt.date.today().year
D = Decimal
pytestmark = pytest.mark.django_db


def _programm(stadt, gebiete, gesamt, lokal):
    programm = FoerderprogrammFactory(kurzname="WiN", stadt=stadt, beginn=dt.date(JAHR - 2, 1, 1))
    for gebiet in gebiete:
        ProgrammgebietFactory(programm=programm, gebiet=gebiet, beginn=dt.date(JAHR - 2, 1, 1))
    JahresbudgetFactory(programm=programm, jahr=JAHR, betrag=D(gesamt))
    for gebiet, betrag in zip(gebiete, lokal):
        JahresbudgetFactory(programm=programm, jahr=JAHR, gebiet=gebiet, betrag=D(betrag))
    return programm


def _ausgezahlt(programm, gebiet, betrag, durch, rueckforderung=None):
    projekt = ProjektFactory(gebiet=gebiet, gesamtkosten=D("100000"), eigenmittel=D("0"),
                             beginn=dt.date(JAHR, 1, 1), ende=dt.date(JAHR, 12, 31))
    antrag = services.bewilligung_beantragen(projekt=projekt, programm=programm, jahr=JAHR, betrag=D(betrag),
                                             durch=durch)
    bewilligung = services.projekt_bewilligen(bewilligung=antrag, betrag=D(betrag), durch=durch)
    services.auszahlung_anweisen(bewilligung=bewilligung, betrag=D(betrag), durch=durch)
    if rueckforderung is not None:
        nachweis = services.verwendungsnachweis_einreichen(nachweis=bewilligung.verwendungsnachweis,
                                                            verwendet=D(betrag) - D(rueckforderung), durch=durch)
        services.verwendungsnachweis_pruefen(nachweis=nachweis, rueckforderung=D(rueckforderung), durch=durch)


def test_programmjahresbericht_counts_a_reclaim_in_the_overview_and_the_area_rows(gebiet_a, verwaltung):
    programm = _programm(gebiet_a.stadt, [gebiet_a], "20000", ["10000"])
    _ausgezahlt(programm, gebiet_a, "10000", verwaltung, rueckforderung="4000")
    text, _ = rendern("programmjahresbericht", {"programm": programm.pk, "jahr": JAHR})
    assert re.search(r"20\.000,00 € 10\.000,00 € 4\.000,00 € 6\.000,00 € 10\.000,00 € 0,00 € 14\.000,00 €", text)
    assert re.search(r"Quartier A 10\.000,00 € 10\.000,00 € 4\.000,00 € 6\.000,00 € 10\.000,00 € 4\.000,00 €", text)
    assert re.search(r"Summe 10\.000,00 € 4\.000,00 € 10\.000,00 €", text)
    assert "wieder zur Bewilligung bereit (Voreinstellung für lokale Budgets)" in " ".join(text.split())


def test_council_paper_shows_the_undistributed_remainder_and_the_reclaims(gebiet_a, gebiet_b, verwaltung):
    programm = _programm(gebiet_a.stadt, [gebiet_a, gebiet_b], "100000", ["30000", "20000"])
    _ausgezahlt(programm, gebiet_a, "12000", verwaltung, rueckforderung="4000")
    vorlage = RatsvorlageFactory(stadt=gebiet_a.stadt, programm=programm, haushaltsjahr=JAHR)
    text, _ = rendern("ratsvorlage", {"vorlage": vorlage.pk})
    assert re.search(r"Quartier A 30\.000,00 € 12\.000,00 € 4\.000,00 € 8\.000,00 € 12\.000,00 € 22\.000,00 € 1", text)
    assert re.search(r"Quartier B 20\.000,00 € 0,00 € 0,00 € 0,00 € 0,00 € 20\.000,00 € 0", text)
    assert re.search(r"nicht\s+auf\s+Gebiete\s+verteilt\s+50\.000,00 € – – – – 50\.000,00 €", text), text
    assert re.search(r"Programm\s+gesamt\s+100\.000,00 € 12\.000,00 € 4\.000,00 € 8\.000,00 € 12\.000,00 € "
                     r"92\.000,00 €", text)
