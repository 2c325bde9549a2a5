"""Factories of the grant-law models: operator details, programme defaults, text blocks."""

from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from kern.bankverbindung import iban_mit_pruefziffern
from programme.zuwendung import Finanzierungsart, Programmvorgaben, Rechtsform, Textbaustein, Traegerdaten
from testhilfen.programme import FoerderprogrammFactory
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
