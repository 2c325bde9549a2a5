"""A granted and paid grant under grant law with a financing plan, and factories of the proof-of-use details."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

import factory
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory

from programme import services, zuwendung_services
from programme.models import Bewilligung
from programme.nachweis import Beleg, Nachweisangaben, Nachweissumme, Pruefvermerk
from programme.zuwendung import Finanzierungsart
from programme.zuwendung_services import Zeile
from testhilfen.programme import (
    FoerderprogrammFactory,
    JahresbudgetFactory,
    ProgrammgebietFactory,
    ProjektFactory,
    VerwendungsnachweisFactory,
)
from testhilfen.zuwendung import ProgrammvorgabenFactory, TraegerdatenFactory

D = Decimal
JAHR = 2026
# The plan of the grant's year: 12.000 € staff, 3.000 € material; 7.500 € own funds, 7.500 € grant.
PLAN = {"personal": D("12000.00"), "sachkosten": D("3000.00")}


def foerderung(*, gebiet, verwaltung, qm, art: str = Finanzierungsart.ANTEIL, quote: D | None = D("50"),
               festbetrag: D | None = None, einfach: bool = False, ausgezahlt: D = D("7500.00")) -> Bewilligung:
    programm = FoerderprogrammFactory(kurzname="WiN", name="Wohnen in Nachbarschaften", stadt=gebiet.stadt,
                                      max_foerderquote=D("100"))
    ProgrammgebietFactory(programm=programm, gebiet=gebiet)
    JahresbudgetFactory(programm=programm, jahr=JAHR, betrag=D("100000"))
    ProgrammvorgabenFactory(programm=programm, finanzierungsart=art, foerderquote=quote,
                            einfacher_nachweis=einfach)
    traeger = TraegerdatenFactory(organisation__name="Nachbarschaftstreff e. V.",
                                  organisation__stadt=gebiet.stadt).organisation
    projekt = ProjektFactory(titel="Lesepaten im Quartier", gebiet=gebiet, traeger=traeger,
                             beginn=dt.date(JAHR, 3, 1), ende=dt.date(JAHR, 12, 31))
    zuwendung_services.finanzierungsplan_speichern(projekt=projekt, durch=qm, zeilen=[
        Zeile("personal", JAHR, PLAN["personal"], "Koordination"),
        Zeile("sachkosten", JAHR, PLAN["sachkosten"], "Bücher"),
        Zeile("eigenmittel", JAHR, D("7500")), Zeile("zuwendung", JAHR, D("7500"), programm=programm)])
    antrag = services.bewilligung_beantragen(projekt=projekt, programm=programm, jahr=JAHR, betrag=None, durch=qm,
                                             datum=dt.date(JAHR, 1, 20))
    if festbetrag is not None:
        zuwendung_services.zuwendung_festlegen(bewilligung=antrag, finanzierungsart=art, durch=verwaltung,
                                               festbetrag=festbetrag)
    bewilligung = services.projekt_bewilligen(bewilligung=antrag, betrag=D("7500"), durch=verwaltung,
                                              datum=dt.date(JAHR, 2, 10))
    if ausgezahlt:
        services.auszahlung_anweisen(bewilligung=bewilligung, betrag=ausgezahlt, durch=verwaltung,
                                     datum=dt.date(JAHR, 3, 5))
    return bewilligung


CSV_KOPF = "Datum;Empfänger;Zweck;Betrag;Kategorie\n"


def belegliste(*zeilen: str) -> bytes:
    """A receipt list as a spreadsheet exports it: UTF-8 with BOM, semicolons, German amounts."""
    return ("\ufeff" + CSV_KOPF + "".join(z + "\n" for z in zeilen)).encode("utf-8")


def pruefvermerk_ablegen(nachweis, daten: bytes = b"%PDF-1.7 stand-in"):
    """A stored check note with a stand-in file (the real ones come from berichte.pruefvermerk)."""
    vermerk = Pruefvermerk(nachweis=nachweis, datum=dt.date(JAHR, 12, 1), text="Geprüft.", ausgaben=D("0"),
                           zuwendung_festgesetzt=D("0"), ausgezahlt=D("0"), dateiname="Pruefvermerk.pdf",
                           sha256=hashlib.sha256(daten).hexdigest(), seiten=1)
    vermerk.datei.save("pruefvermerk.pdf", ContentFile(daten), save=True)
    return vermerk



class NachweisangabenFactory(DjangoModelFactory):
    class Meta:
        model = Nachweisangaben

    nachweis = factory.SubFactory(VerwendungsnachweisFactory)
    sachbericht = "Das Projekt lief wie geplant."


class BelegFactory(DjangoModelFactory):
    class Meta:
        model = Beleg

    nachweis = factory.SubFactory(VerwendungsnachweisFactory)
    datum = dt.date(JAHR, 4, 1)
    empfaenger = "Druckerei am Markt"
    zweck = "Flyer"
    betrag = D("99.50")
    kategorie = "sachkosten"


class NachweissummeFactory(DjangoModelFactory):
    class Meta:
        model = Nachweissumme

    nachweis = factory.SubFactory(VerwendungsnachweisFactory)
    kategorie = "personal"
    betrag = D("1000.00")


class PruefvermerkFactory(DjangoModelFactory):
    class Meta:
        model = Pruefvermerk

    nachweis = factory.SubFactory(VerwendungsnachweisFactory, geprueft=True)
    datum = dt.date(JAHR, 12, 1)
    text = "Geprüft."
    ausgaben = D("5000.00")
    zuwendung_festgesetzt = D("5000.00")
    ausgezahlt = D("5000.00")
    datei = factory.django.FileField(filename="pruefvermerk.pdf", data=b"%PDF-1.7 stand-in")
    dateiname = "Pruefvermerk.pdf"
    sha256 = "0" * 64
    seiten = 1
