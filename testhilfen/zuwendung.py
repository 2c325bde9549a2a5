"""Factories of the grant-law models: operator details, programme defaults, text blocks."""

import datetime
import hashlib
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from kern.bankverbindung import iban_mit_pruefziffern
from programme.zuwendung import (
    Bescheid,
    Finanzierungsart,
    Finanzierungsplan,
    Planposition,
    Programmvorgaben,
    Rechtsform,
    Textbaustein,
    Traegerdaten,
    Zuwendung,
)
from testhilfen.programme import BewilligungFactory, FoerderprogrammFactory, ProjektFactory
from testhilfen.quartiere import OrganisationFactory, StadtFactory

RECHTSBEHELF = ("Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch bei der {behoerde} "
                "der Stadt {stadt} erhoben werden.")


class TraegerdatenFactory(DjangoModelFactory):
    class Meta:
        model = Traegerdaten

    organisation = factory.SubFactory(OrganisationFactory)
    rechtsform = Rechtsform.VEREIN
    strasse = "Musterweg 12"
    plz = "28325"
    ort = "Bremen"
    ansprechperson = "Erika Beispiel"
    email = "kontakt@beispiel-verein.example"
    iban = factory.Sequence(lambda n: iban_mit_pruefziffern("DE", f"29050101{n:010d}"))
    bic = "SBREDE22XXX"
    registernummer = "VR 4711, Amtsgericht Bremen"


class ProgrammvorgabenFactory(DjangoModelFactory):
    class Meta:
        model = Programmvorgaben

    programm = factory.SubFactory(FoerderprogrammFactory)
    finanzierungsart = Finanzierungsart.FEHLBEDARF
    foerderquote = None
    de_minimis = False


class RechtsbehelfFactory(DjangoModelFactory):
    class Meta:
        model = Textbaustein

    art = Textbaustein.Art.RECHTSBEHELF
    stadt = factory.SubFactory(StadtFactory)
    text = RECHTSBEHELF


class NebenbestimmungenFactory(DjangoModelFactory):
    class Meta:
        model = Textbaustein

    art = Textbaustein.Art.NEBENBESTIMMUNGEN
    programm = factory.SubFactory(FoerderprogrammFactory)
    text = "Öffentlichkeitsarbeit weist auf die Förderung durch {programm} hin."


HALBE = Decimal("50.00")


class FinanzierungsplanFactory(DjangoModelFactory):
    class Meta:
        model = Finanzierungsplan

    projekt = factory.SubFactory(ProjektFactory)
    version = 1


class PlanpositionFactory(DjangoModelFactory):
    class Meta:
        model = Planposition

    plan = factory.SubFactory(FinanzierungsplanFactory)
    kategorie = Planposition.Kategorie.PERSONAL
    jahr = 2026
    betrag = Decimal("1000.00")


class ZuwendungFactory(DjangoModelFactory):
    class Meta:
        model = Zuwendung

    bewilligung = factory.SubFactory(BewilligungFactory)
    finanzierungsart = Finanzierungsart.FEHLBEDARF
    beginn = factory.LazyAttribute(lambda o: o.bewilligung.projekt.beginn)
    ende = factory.LazyAttribute(lambda o: o.bewilligung.projekt.ende)


class BescheidFactory(DjangoModelFactory):
    """A stored notice with a stand-in file (the real ones come from berichte.bescheide)."""

    class Meta:
        model = Bescheid

    bewilligung = factory.SubFactory(BewilligungFactory, bewilligt=True)
    art = Bescheid.Art.ZUWENDUNG
    jahr = 2026
    laufnummer = factory.Sequence(lambda n: n + 1)
    version = 1
    aktenzeichen = factory.LazyAttribute(lambda o: f"ZW-T-{o.jahr}/{o.laufnummer:04d}")
    datum = datetime.date(2026, 2, 1)
    datei = factory.django.FileField(filename="bescheid.pdf", data=b"%PDF-1.7 stand-in")
    dateiname = "Zuwendungsbescheid.pdf"
    sha256 = hashlib.sha256(b"%PDF-1.7 stand-in").hexdigest()
    seiten = 1
    dateigroesse = 17
