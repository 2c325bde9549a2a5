"""Factories and a ready world for reclaims: a grant of 2024 paid out and checked with a reclaim."""

import datetime as dt
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from kern.bankverbindung import iban_mit_pruefziffern
from programme import services
from programme.basiszinsdaten import basiszinssaetze_sichern
from programme.rueckforderung import Basiszinssatz, Kassenverbindung, Rueckforderung, Rueckzahlung
from testhilfen.programme import BewilligungFactory, FoerderprogrammFactory, JahresbudgetFactory, ProgrammgebietFactory, ProjektFactory
from testhilfen.quartiere import StadtFactory
from testhilfen.zuwendung import RechtsbehelfFactory, TraegerdatenFactory

D = Decimal
JAHR = 2024
RECHTSBEHELF = ("Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage beim Verwaltungsgericht "
                "Musterstadt erhoben werden.")


class KassenverbindungFactory(DjangoModelFactory):
    class Meta:
        model = Kassenverbindung

    stadt = factory.SubFactory(StadtFactory)
    empfaenger = "Stadtkasse Musterstadt"
    kreditinstitut = "Sparkasse Musterstadt"
    iban = iban_mit_pruefziffern("DE", "290501010000123456")
    bic = "SBREDE22XXX"


def programm_2024(stadt, gebiete, *, budget: str = "100000", kurzname: str = "WiN"):
    basiszinssaetze_sichern()
    programm = FoerderprogrammFactory(kurzname=kurzname, name="Wohnen in Nachbarschaften", stadt=stadt,
                                      beginn=dt.date(2020, 1, 1))
    for gebiet in gebiete:
        ProgrammgebietFactory(programm=programm, gebiet=gebiet, beginn=dt.date(2020, 1, 1))
    JahresbudgetFactory(programm=programm, jahr=JAHR, betrag=D(budget))
    return programm


def ausgezahlt_und_geprueft(programm, gebiet, durch, *, betrag: str = "10000", rueckforderung: str = "4000",
                            geprueft: dt.date = dt.date(JAHR, 5, 15), mit_bescheiddaten: bool = True,
                            titel: str = "Lesepaten im Quartier"):
    """A grant of `betrag` paid out on 1 February 2024, its proof checked on `geprueft` with `rueckforderung`."""
    name = "Nachbarschaftstreff Musterstadt e. V." if mit_bescheiddaten else f"Träger von {titel}"
    traeger = TraegerdatenFactory(organisation__name=name,
                                  organisation__stadt=programm.stadt, strasse="Lindenstraße 7", plz="12345",
                                  ort="Musterstadt").organisation
    if mit_bescheiddaten:
        RechtsbehelfFactory(stadt=programm.stadt, text=RECHTSBEHELF)
        KassenverbindungFactory(stadt=programm.stadt)
    projekt = ProjektFactory(titel=titel, gebiet=gebiet, traeger=traeger,
                             gesamtkosten=D("100000"), eigenmittel=D("0"),
                             beginn=dt.date(JAHR, 1, 1), ende=dt.date(JAHR, 3, 31))
    antrag = services.bewilligung_beantragen(projekt=projekt, programm=programm, jahr=JAHR, betrag=D(betrag),
                                             durch=durch, datum=dt.date(JAHR, 1, 5))
    bewilligung = services.projekt_bewilligen(bewilligung=antrag, betrag=D(betrag), durch=durch,
                                              datum=dt.date(JAHR, 1, 20))
    services.auszahlung_anweisen(bewilligung=bewilligung, betrag=D(betrag), durch=durch, datum=dt.date(JAHR, 2, 1))
    nachweis = services.verwendungsnachweis_einreichen(nachweis=bewilligung.verwendungsnachweis,
                                                       verwendet=D(betrag) - D(rueckforderung), durch=durch,
                                                       datum=dt.date(JAHR, 4, 30))
    services.verwendungsnachweis_pruefen(nachweis=nachweis, rueckforderung=D(rueckforderung), durch=durch,
                                         datum=geprueft)
    bewilligung.refresh_from_db()
    return bewilligung


class RueckforderungFactory(DjangoModelFactory):
    """A reclaim row on a granted grant (the real ones come from programme.rueckforderung_services)."""

    class Meta:
        model = Rueckforderung

    bewilligung = factory.SubFactory(BewilligungFactory, bewilligt=True)
    art = Rueckforderung.Art.WIDERRUF
    betrag = D("500.00")
    grund = "Zweck nicht erfüllt."
    wirksam_ab = dt.date(2026, 1, 15)
    festgesetzt_am = dt.date(2026, 1, 15)


class BasiszinssatzFactory(DjangoModelFactory):
    class Meta:
        model = Basiszinssatz

    gueltig_ab = factory.Sequence(lambda n: dt.date(2040 + n // 2, 1 + 6 * (n % 2), 1))
    satz = D("1.00")


class RueckzahlungFactory(DjangoModelFactory):
    class Meta:
        model = Rueckzahlung

    bewilligung = factory.SubFactory(BewilligungFactory, bewilligt=True)
    datum = dt.date(2026, 2, 1)
    betrag = D("100.00")
    auf_hauptforderung = D("100.00")
