import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from programme.models import (
    Auszahlung,
    Bewilligung,
    Foerderprogramm,
    Handlungsfeld,
    Jahresbudget,
    Programmgebiet,
    Projekt,
    Verwendungsnachweis,
    Zielgruppe,
)
from testhilfen.quartiere import GebietFactory, OrganisationFactory, StadtFactory


def dieses_jahr() -> int:
    return datetime.date.today().year


class FoerderprogrammFactory(DjangoModelFactory):
    class Meta:
        model = Foerderprogramm

    name = factory.Sequence(lambda n: f"Förderprogramm {n}")
    kurzname = factory.Sequence(lambda n: f"FP{n}")
    stadt = factory.SubFactory(StadtFactory)
    geldgeber = Foerderprogramm.Geldgeber.STADT
    beginn = datetime.date(2020, 1, 1)


class ProgrammgebietFactory(DjangoModelFactory):
    class Meta:
        model = Programmgebiet

    programm = factory.SubFactory(FoerderprogrammFactory)
    gebiet = factory.SubFactory(GebietFactory, parent=factory.SelfAttribute("..programm.stadt"))
    rolle = Programmgebiet.Rolle.FOERDERGEBIET
    beginn = datetime.date(2020, 1, 1)


class JahresbudgetFactory(DjangoModelFactory):
    """Without gebiet: the programme's budget of the year; with gebiet: that area's budget."""

    class Meta:
        model = Jahresbudget

    class Params:
        fuer_gebiet = factory.Trait(
            gebiet=factory.SubFactory(GebietFactory, parent=factory.SelfAttribute("..programm.stadt")),
        )

    programm = factory.SubFactory(FoerderprogrammFactory)
    jahr = factory.LazyFunction(dieses_jahr)
    gebiet = None
    betrag = Decimal("100000.00")


class HandlungsfeldFactory(DjangoModelFactory):
    class Meta:
        model = Handlungsfeld

    name = factory.Sequence(lambda n: f"Handlungsfeld {n}")


class ZielgruppeFactory(DjangoModelFactory):
    class Meta:
        model = Zielgruppe

    name = factory.Sequence(lambda n: f"Zielgruppe {n}")


class ProjektFactory(DjangoModelFactory):
    class Meta:
        model = Projekt
        skip_postgeneration_save = True

    class Params:
        beantragt = factory.Trait(status=Projekt.Status.BEANTRAGT)
        bewilligt = factory.Trait(status=Projekt.Status.BEWILLIGT)
        abgelehnt = factory.Trait(status=Projekt.Status.ABGELEHNT)
        laufend = factory.Trait(status=Projekt.Status.LAUFEND)
        abgeschlossen = factory.Trait(status=Projekt.Status.ABGESCHLOSSEN)

    titel = factory.Sequence(lambda n: f"Projekt {n}")
    gebiet = factory.SubFactory(GebietFactory)
    traeger = factory.SubFactory(
        OrganisationFactory,
        stadt=factory.LazyAttribute(lambda o: o.factory_parent.gebiet.stadt_oder_selbst),
    )
    beginn = factory.LazyFunction(lambda: datetime.date(dieses_jahr(), 1, 1))
    ende = factory.LazyAttribute(lambda o: datetime.date(o.beginn.year, 12, 31))
    gesamtkosten = Decimal("10000.00")
    eigenmittel = Decimal("5000.00")
    drittmittel = Decimal("0.00")
    status = Projekt.Status.ENTWURF

    @factory.post_generation
    def handlungsfelder(self, create, extracted, **kwargs):
        if create and extracted:
            self.handlungsfelder.set(extracted)

    @factory.post_generation
    def zielgruppen(self, create, extracted, **kwargs):
        if create and extracted:
            self.zielgruppen.set(extracted)


class BewilligungFactory(DjangoModelFactory):
    """A request of a project to a programme of the project's city, from the project's area budget."""

    class Meta:
        model = Bewilligung

    class Params:
        bewilligt = factory.Trait(
            status=Bewilligung.Status.BEWILLIGT,
            betrag_bewilligt=factory.SelfAttribute("betrag_beantragt"),
            entschieden_am=factory.LazyFunction(datetime.date.today),
            projekt=factory.SubFactory(ProjektFactory, bewilligt=True),
        )

    projekt = factory.SubFactory(ProjektFactory, beantragt=True)
    programm = factory.SubFactory(
        FoerderprogrammFactory,
        stadt=factory.LazyAttribute(lambda o: o.factory_parent.projekt.gebiet.stadt_oder_selbst),
    )
    jahr = factory.LazyAttribute(lambda o: o.projekt.beginn.year)
    gebiet = factory.SelfAttribute("projekt.gebiet")
    status = Bewilligung.Status.BEANTRAGT
    betrag_beantragt = Decimal("5000.00")
    beantragt_am = factory.LazyAttribute(lambda o: o.projekt.beginn - datetime.timedelta(days=30))


class AuszahlungFactory(DjangoModelFactory):
    class Meta:
        model = Auszahlung

    bewilligung = factory.SubFactory(BewilligungFactory, bewilligt=True)
    betrag = Decimal("1000.00")
    datum = factory.LazyFunction(datetime.date.today)


class VerwendungsnachweisFactory(DjangoModelFactory):
    class Meta:
        model = Verwendungsnachweis

    class Params:
        eingereicht = factory.Trait(eingereicht_am=factory.LazyAttribute(lambda o: o.faellig_am))
        geprueft = factory.Trait(
            eingereicht=True,
            verwendet=factory.SelfAttribute("bewilligung.betrag_bewilligt"),
            geprueft_am=factory.LazyAttribute(lambda o: o.faellig_am + datetime.timedelta(days=14)),
        )

    bewilligung = factory.SubFactory(BewilligungFactory, bewilligt=True)
    faellig_am = factory.LazyAttribute(lambda o: o.bewilligung.projekt.ende + datetime.timedelta(days=90))
