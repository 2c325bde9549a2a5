import datetime

import factory
from factory.django import DjangoModelFactory

from beteiligung.models import (
    Aufgabe,
    Beschluss,
    Gremium,
    Mitgliedschaft,
    Sitzung,
    Taetigkeit,
    Tagesordnungspunkt,
    Teilnahme,
    Thema,
    Themenbewertung,
)
from testhilfen.quartiere import GebietFactory, PersonFactory


class GremiumFactory(DjangoModelFactory):
    class Meta:
        model = Gremium

    name = factory.Sequence(lambda n: f"Steuerungskreis {n}")
    art = Gremium.Art.STEUERUNGSKREIS
    gebiet = factory.SubFactory(GebietFactory)
    sitzungen_soll_min = 2
    sitzungen_soll_max = 4


class MitgliedschaftFactory(DjangoModelFactory):
    class Meta:
        model = Mitgliedschaft

    gremium = factory.SubFactory(GremiumFactory)
    person = factory.SubFactory(PersonFactory)
    rolle = Mitgliedschaft.Rolle.MITGLIED


class SitzungFactory(DjangoModelFactory):
    class Meta:
        model = Sitzung

    class Params:
        durchgefuehrt = factory.Trait(status=Sitzung.Status.DURCHGEFUEHRT)
        dokumentiert = factory.Trait(
            status=Sitzung.Status.DOKUMENTIERT,
            dokumentiert_am=factory.LazyAttribute(lambda o: o.datum + datetime.timedelta(days=7)),
        )

    gremium = factory.SubFactory(GremiumFactory)
    titel = factory.Sequence(lambda n: f"Sitzung {n}")
    datum = factory.LazyFunction(datetime.date.today)
    beginn = datetime.time(18, 0)
    ende = datetime.time(20, 0)
    ort = "Quartierszentrum"
    status = Sitzung.Status.GEPLANT


class TeilnahmeFactory(DjangoModelFactory):
    class Meta:
        model = Teilnahme

    sitzung = factory.SubFactory(SitzungFactory)
    person = factory.SubFactory(PersonFactory)


class TagesordnungspunktFactory(DjangoModelFactory):
    class Meta:
        model = Tagesordnungspunkt

    sitzung = factory.SubFactory(SitzungFactory)
    nummer = factory.Sequence(lambda n: n + 1)
    titel = factory.Sequence(lambda n: f"Tagesordnungspunkt {n}")


class ThemaFactory(DjangoModelFactory):
    class Meta:
        model = Thema

    gremium = factory.SubFactory(GremiumFactory)
    titel = factory.Sequence(lambda n: f"Thema {n}")


class ThemenbewertungFactory(DjangoModelFactory):
    class Meta:
        model = Themenbewertung

    thema = factory.SubFactory(ThemaFactory)
    sitzung = factory.SubFactory(SitzungFactory, gremium=factory.SelfAttribute("..thema.gremium"))
    punkte = 3


class BeschlussFactory(DjangoModelFactory):
    class Meta:
        model = Beschluss

    sitzung = factory.SubFactory(SitzungFactory)
    text = factory.Sequence(lambda n: f"Beschluss {n}")
    art = Beschluss.Art.BESCHLUSS


class AufgabeFactory(DjangoModelFactory):
    class Meta:
        model = Aufgabe

    sitzung = factory.SubFactory(SitzungFactory)
    text = factory.Sequence(lambda n: f"Aufgabe {n}")
    faellig_am = factory.LazyAttribute(lambda o: o.sitzung.datum + datetime.timedelta(days=30))


class TaetigkeitFactory(DjangoModelFactory):
    class Meta:
        model = Taetigkeit

    gebiet = factory.SubFactory(GebietFactory)
    datum = factory.LazyFunction(datetime.date.today)
    titel = factory.Sequence(lambda n: f"Tätigkeit {n}")
    erreichte_personen = 12
