import datetime
from decimal import Decimal

import pytest

from programme.models import Bewilligung
from testhilfen.programme import (
    AuszahlungFactory,
    BewilligungFactory,
    FoerderprogrammFactory,
    JahresbudgetFactory,
    ProgrammgebietFactory,
    ProjektFactory,
    VerwendungsnachweisFactory,
)
from testhilfen.constraints import (
    assert_accepted,
    assert_refused,
    changed,
    constraint_names,
    duplicate,
)
from testhilfen.quartiere import GebietFactory

from .test_nachweis_constraints import NACHWEIS_VERLETZUNGEN
from .test_rueckforderung_constraints import RUECKFORDERUNG_VERLETZUNGEN
from .test_fristen_constraints import FRISTEN_VERLETZUNGEN
from .test_mittelabruf_constraints import MITTELABRUF_VERLETZUNGEN
from .test_zuwendung_constraints import ZUWENDUNG_VERLETZUNGEN

pytestmark = pytest.mark.django_db

NEGATIV = "Beträge dürfen nicht negativ sein."
ENDE_VOR_BEGINN = "Das Ende darf nicht vor dem Beginn liegen."
FOERDERQUOTE = "Der Förderanteil muss größer als 0 und höchstens 100 % sein."
MINUS_EIN_CENT = Decimal("-0.01")


def _bewilligt_ueber_antrag():
    bewilligung = BewilligungFactory(bewilligt=True, betrag_beantragt=Decimal("5000.00"))
    bewilligung.betrag_bewilligt = Decimal("5000.01")
    return bewilligung


def _bewilligt():
    return BewilligungFactory(bewilligt=True, betrag_beantragt=Decimal("5000.00"))


VERLETZUNGEN = [
    pytest.param("programm_periode",
                 changed(FoerderprogrammFactory, beginn=datetime.date(2025, 1, 1), ende=datetime.date(2024, 12, 31)),
                 ENDE_VOR_BEGINN, id="programm-ende-vor-beginn"),
    pytest.param("programm_foerderquote_0_bis_100", changed(FoerderprogrammFactory, max_foerderquote=Decimal("0")),
                 FOERDERQUOTE, id="programm-foerderquote-0"),
    pytest.param("programm_foerderquote_0_bis_100",
                 changed(FoerderprogrammFactory, max_foerderquote=Decimal("100.01")),
                 FOERDERQUOTE, id="programm-foerderquote-ueber-100"),
    pytest.param("programm_min_betrag_nicht_negativ", changed(FoerderprogrammFactory, min_betrag=MINUS_EIN_CENT),
                 NEGATIV, id="programm-min-betrag-negativ"),
    pytest.param("programm_max_betrag_nicht_negativ", changed(FoerderprogrammFactory, max_betrag=MINUS_EIN_CENT),
                 NEGATIV, id="programm-max-betrag-negativ"),
    pytest.param("programm_min_nicht_ueber_max",
                 changed(FoerderprogrammFactory, min_betrag=Decimal("5000.00"), max_betrag=Decimal("1500.00")),
                 "Die kleinste Bewilligung darf nicht über der größten liegen.", id="programm-min-ueber-max"),
    pytest.param("programm_laufzeit_positiv", changed(FoerderprogrammFactory, max_laufzeit_monate=0),
                 "Die längste Laufzeit muss mindestens einen Monat betragen.", id="programm-laufzeit-0"),
    pytest.param("programmgebiet_zeitraum",
                 changed(ProgrammgebietFactory, beginn=datetime.date(2025, 1, 1), ende=datetime.date(2024, 12, 31)),
                 ENDE_VOR_BEGINN, id="programmgebiet-ende-vor-beginn"),
    pytest.param("programmgebiet_eindeutig", duplicate(ProgrammgebietFactory, "programm", "gebiet", "beginn"),
                 "Das Gebiet ist ab diesem Datum schon im Programm.", id="programmgebiet-doppelt"),
    pytest.param("budget_nicht_negativ", changed(JahresbudgetFactory, betrag=MINUS_EIN_CENT),
                 NEGATIV, id="budget-negativ"),
    pytest.param("budget_eindeutig_je_programm_jahr", duplicate(JahresbudgetFactory, "programm", "jahr"),
                 "Für dieses Programm und Jahr gibt es schon ein Gesamtbudget.", id="programmbudget-doppelt"),
    pytest.param("budget_eindeutig_je_programm_jahr_gebiet",
                 duplicate(JahresbudgetFactory, "programm", "jahr", "gebiet", fuer_gebiet=True),
                 "Für dieses Programm, Jahr und Gebiet gibt es schon ein Budget.", id="gebietsbudget-doppelt"),
    pytest.param("projekt_zeitraum",
                 changed(ProjektFactory, beginn=datetime.date(2025, 1, 1), ende=datetime.date(2024, 12, 31)),
                 ENDE_VOR_BEGINN, id="projekt-ende-vor-beginn"),
    pytest.param("projekt_gesamtkosten_nicht_negativ",
                 changed(ProjektFactory, gesamtkosten=MINUS_EIN_CENT, eigenmittel=Decimal(0), drittmittel=Decimal(0)),
                 NEGATIV, id="projekt-gesamtkosten-negativ"),
    pytest.param("projekt_eigenmittel_nicht_negativ", changed(ProjektFactory, eigenmittel=MINUS_EIN_CENT),
                 NEGATIV, id="projekt-eigenmittel-negativ"),
    pytest.param("projekt_drittmittel_nicht_negativ", changed(ProjektFactory, drittmittel=MINUS_EIN_CENT),
                 NEGATIV, id="projekt-drittmittel-negativ"),
    pytest.param("projekt_finanzierung_nicht_ueber_kosten",
                 changed(ProjektFactory, gesamtkosten=Decimal("10000.00"), eigenmittel=Decimal("6000.00"),
                         drittmittel=Decimal("4000.01")),
                 "Eigen- und Drittmittel zusammen dürfen die Gesamtkosten nicht übersteigen.",
                 id="projekt-finanzierung-ueber-kosten"),
    pytest.param("bewilligung_beantragt_nicht_negativ", changed(BewilligungFactory, betrag_beantragt=MINUS_EIN_CENT),
                 NEGATIV, id="bewilligung-beantragt-negativ"),
    pytest.param("bewilligung_bewilligt_nicht_negativ",
                 changed(BewilligungFactory, bewilligt=True, betrag_bewilligt=MINUS_EIN_CENT),
                 NEGATIV, id="bewilligung-bewilligt-negativ"),
    pytest.param("bewilligung_nicht_ueber_antrag", _bewilligt_ueber_antrag,
                 "Der bewilligte Betrag darf den beantragten nicht übersteigen.", id="bewilligt-ueber-antrag"),
    pytest.param("bewilligung_mit_betrag",
                 changed(BewilligungFactory, status=Bewilligung.Status.BEWILLIGT, betrag_bewilligt=None),
                 "Eine Bewilligung braucht einen bewilligten Betrag.", id="bewilligt-ohne-betrag"),
    pytest.param("bewilligung_rueckforderung_nicht_negativ",
                 changed(_bewilligt, betrag_zurueckgefordert=MINUS_EIN_CENT),
                 NEGATIV, id="bewilligung-rueckforderung-negativ"),
    pytest.param("bewilligung_rueckzahlung_nicht_negativ",
                 changed(_bewilligt, betrag_zurueckgezahlt=MINUS_EIN_CENT),
                 NEGATIV, id="bewilligung-rueckzahlung-negativ"),
    pytest.param("bewilligung_rueckforderung_nicht_ueber_bewilligt",
                 changed(_bewilligt, betrag_zurueckgefordert=Decimal("5000.01")),
                 "Zurückgefordert werden kann höchstens der bewilligte Betrag.", id="rueckforderung-ueber-bewilligt"),
    pytest.param("bewilligung_rueckzahlung_nicht_ueber_rueckforderung",
                 changed(_bewilligt, betrag_zurueckgefordert=Decimal("100.00"),
                         betrag_zurueckgezahlt=Decimal("100.01")),
                 "Zurückgezahlt werden kann höchstens, was zurückgefordert wurde.", id="rueckzahlung-ueber-rueckforderung"),
    pytest.param("bewilligung_eindeutig", duplicate(BewilligungFactory, "projekt", "programm", "jahr"),
                 "Für dieses Projekt, Programm und Jahr gibt es schon einen Antrag.", id="bewilligung-doppelt"),
    pytest.param("auszahlung_positiv", changed(AuszahlungFactory, betrag=Decimal("0.00")),
                 "Eine Auszahlung muss größer als 0 € sein.", id="auszahlung-0"),
    pytest.param("auszahlung_positiv", changed(AuszahlungFactory, betrag=MINUS_EIN_CENT),
                 "Eine Auszahlung muss größer als 0 € sein.", id="auszahlung-negativ"),
    pytest.param("nachweis_rueckforderung_nicht_negativ",
                 changed(VerwendungsnachweisFactory, rueckforderung=MINUS_EIN_CENT),
                 NEGATIV, id="nachweis-rueckforderung-negativ"),
    pytest.param("nachweis_verwendet_nicht_negativ", changed(VerwendungsnachweisFactory, verwendet=MINUS_EIN_CENT),
                 NEGATIV, id="nachweis-verwendet-negativ"),
    pytest.param("nachweis_erst_eingereicht_dann_geprueft",
                 changed(VerwendungsnachweisFactory, geprueft_am=datetime.date(2026, 3, 1)),
                 "Ein Verwendungsnachweis kann erst nach dem Einreichen geprüft werden.",
                 id="nachweis-geprueft-ohne-einreichung"),
    pytest.param("nachweis_geprueft_nicht_vor_eingereicht",
                 changed(VerwendungsnachweisFactory, eingereicht_am=datetime.date(2026, 3, 2),
                         geprueft_am=datetime.date(2026, 3, 1)),
                 "Ein Verwendungsnachweis kann nicht vor seinem Eingang geprüft sein.",
                 id="nachweis-geprueft-vor-eingang"),
    pytest.param("programm_kurzname_eindeutig_je_stadt", duplicate(FoerderprogrammFactory, "stadt", "kurzname"),
                 "Ein Programm mit diesem Kurznamen gibt es in der Stadt schon.", id="programm-kurzname-doppelt"),
    pytest.param("budget_jahr_plausibel", changed(JahresbudgetFactory, jahr=1999),
                 "Das Jahr muss zwischen 2000 und 2100 liegen.", id="budget-jahr-1999"),
    pytest.param("bewilligung_jahr_plausibel", changed(BewilligungFactory, jahr=0),
                 "Das Jahr muss zwischen 2000 und 2100 liegen.", id="bewilligung-jahr-0"),
    pytest.param("bewilligung_entscheidung_mit_datum",
                 changed(BewilligungFactory, status=Bewilligung.Status.ABGELEHNT, entschieden_am=None),
                 "Eine Entscheidung braucht ein Datum.", id="abgelehnt-ohne-datum"),
    pytest.param("bewilligung_betrag_nur_wenn_bewilligt",
                 changed(BewilligungFactory, betrag_bewilligt=Decimal("100.00")),
                 "Einen bewilligten Betrag hat nur eine bewilligte Förderung.", id="beantragt-mit-betrag"),
]


def _programmgebiet_spaeter_erneut():
    erstes = ProgrammgebietFactory(beginn=datetime.date(2020, 1, 1), ende=datetime.date(2022, 12, 31))
    return ProgrammgebietFactory.build(programm=erstes.programm, gebiet=erstes.gebiet,
                                       beginn=datetime.date(2024, 1, 1))


def _gebietsbudget_neben_programmbudget():
    programmbudget = JahresbudgetFactory()
    return JahresbudgetFactory.build(programm=programmbudget.programm, jahr=programmbudget.jahr,
                                     gebiet=GebietFactory(parent=programmbudget.programm.stadt))


def _zwei_gebietsbudgets_im_jahr():
    erstes = JahresbudgetFactory(fuer_gebiet=True)
    return JahresbudgetFactory.build(programm=erstes.programm, jahr=erstes.jahr,
                                     gebiet=GebietFactory(parent=erstes.programm.stadt))


def _programmbudget_im_folgejahr():
    erstes = JahresbudgetFactory()
    return JahresbudgetFactory.build(programm=erstes.programm, jahr=erstes.jahr + 1)


def _bewilligung_im_folgejahr():
    erste = BewilligungFactory()
    return BewilligungFactory.build(projekt=erste.projekt, programm=erste.programm, jahr=erste.jahr + 1)


def _bewilligung_aus_zweitem_programm():
    erste = BewilligungFactory()
    return BewilligungFactory.build(projekt=erste.projekt, jahr=erste.jahr,
                                    programm=FoerderprogrammFactory(stadt=erste.programm.stadt))


GUELTIG = [
    pytest.param(FoerderprogrammFactory, id="programm"),
    pytest.param(lambda: FoerderprogrammFactory(beginn=datetime.date(2025, 1, 1), ende=datetime.date(2025, 1, 1)),
                 id="programm-ein-tag"),
    pytest.param(lambda: FoerderprogrammFactory(max_foerderquote=Decimal("100")), id="programm-foerderquote-100"),
    pytest.param(lambda: FoerderprogrammFactory(max_foerderquote=Decimal("50")), id="programm-foerderquote-50"),
    pytest.param(lambda: FoerderprogrammFactory(min_betrag=Decimal("0"), max_betrag=Decimal("0")),
                 id="programm-min-gleich-max-0"),
    pytest.param(lambda: FoerderprogrammFactory(max_betrag=Decimal("1500.00"), max_laufzeit_monate=1),
                 id="programm-aktionsfonds"),
    pytest.param(ProgrammgebietFactory, id="programmgebiet"),
    pytest.param(_programmgebiet_spaeter_erneut, id="programmgebiet-spaeter-erneut"),
    pytest.param(JahresbudgetFactory, id="programmbudget"),
    pytest.param(lambda: JahresbudgetFactory(betrag=Decimal("0.00")), id="budget-0"),
    pytest.param(_gebietsbudget_neben_programmbudget, id="gebietsbudget-neben-programmbudget"),
    pytest.param(_zwei_gebietsbudgets_im_jahr, id="zwei-gebietsbudgets-im-jahr"),
    pytest.param(_programmbudget_im_folgejahr, id="programmbudget-folgejahr"),
    pytest.param(ProjektFactory, id="projekt"),
    pytest.param(lambda: ProjektFactory(beginn=datetime.date(2025, 6, 1), ende=datetime.date(2025, 6, 1)),
                 id="projekt-ein-tag"),
    pytest.param(lambda: ProjektFactory(gesamtkosten=Decimal("10000.00"), eigenmittel=Decimal("6000.00"),
                                        drittmittel=Decimal("4000.00")),
                 id="projekt-voll-finanziert"),
    pytest.param(lambda: ProjektFactory(gesamtkosten=0, eigenmittel=0, drittmittel=0), id="projekt-ohne-kosten"),
    pytest.param(BewilligungFactory, id="bewilligung-beantragt"),
    pytest.param(lambda: BewilligungFactory(bewilligt=True), id="bewilligung-voll-bewilligt"),
    pytest.param(lambda: BewilligungFactory(bewilligt=True, betrag_bewilligt=Decimal("0.00")),
                 id="bewilligung-0"),
    pytest.param(lambda: BewilligungFactory(status=Bewilligung.Status.ABGELEHNT, entschieden_am=datetime.date(2026, 3, 1)),
                 id="bewilligung-abgelehnt"),
    pytest.param(_bewilligung_im_folgejahr, id="bewilligung-folgejahr"),
    pytest.param(_bewilligung_aus_zweitem_programm, id="bewilligung-zweites-programm"),
    pytest.param(AuszahlungFactory, id="auszahlung"),
    pytest.param(lambda: AuszahlungFactory(betrag=Decimal("0.01")), id="auszahlung-ein-cent"),
    pytest.param(VerwendungsnachweisFactory, id="nachweis-offen"),
    pytest.param(lambda: VerwendungsnachweisFactory(geprueft=True), id="nachweis-geprueft"),
]


@pytest.mark.parametrize(("name", "build", "meldung"), VERLETZUNGEN)
def test_ungueltige_zeile_wird_abgelehnt(name, build, meldung):
    assert_refused(build(), name, meldung)


@pytest.mark.parametrize("build", GUELTIG)
def test_gueltige_zeile_wird_angenommen(build):
    assert_accepted(build())


def test_jede_constraint_hat_einen_test():
    assert constraint_names("programme") == {param.values[0] for param in VERLETZUNGEN + ZUWENDUNG_VERLETZUNGEN
                                              + NACHWEIS_VERLETZUNGEN + RUECKFORDERUNG_VERLETZUNGEN
                                              + FRISTEN_VERLETZUNGEN
                                              + MITTELABRUF_VERLETZUNGEN}
