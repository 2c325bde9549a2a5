from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from quartiere.models import (
    Einrichtung,
    Gebiet,
    Indikator,
    Indikatorwert,
    Organisation,
    Person,
    Quartiersmanagement,
    Sozialindex,
    SozialindexIndikator,
    Sozialindexrang,
)


class StadtFactory(DjangoModelFactory):
    class Meta:
        model = Gebiet

    art = Gebiet.Art.STADT
    name = factory.Sequence(lambda n: f"Stadt {n}")
    parent = None


class GebietFactory(DjangoModelFactory):
    class Meta:
        model = Gebiet

    art = Gebiet.Art.QUARTIER
    name = factory.Sequence(lambda n: f"Quartier {n}")
    parent = factory.SubFactory(StadtFactory)
    kennziffer = factory.Sequence(lambda n: f"Q{n:04d}")


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    art = Organisation.Art.VEREIN
    stadt = factory.SubFactory(StadtFactory)


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    vorname = factory.Sequence(lambda n: f"Vorname{n}")
    nachname = factory.Sequence(lambda n: f"Nachname{n}")
    email = factory.LazyAttribute(lambda o: f"{o.vorname}.{o.nachname}@example.org".lower())


class EinrichtungFactory(DjangoModelFactory):
    class Meta:
        model = Einrichtung

    name = factory.Sequence(lambda n: f"Quartierszentrum {n}")
    art = Einrichtung.Art.QUARTIERSZENTRUM
    gebiet = factory.SubFactory(GebietFactory)
    status = Einrichtung.Status.LAUFEND


class QuartiersmanagementFactory(DjangoModelFactory):
    class Meta:
        model = Quartiersmanagement
        skip_postgeneration_save = True

    gebiet = factory.SubFactory(GebietFactory)
    traeger = factory.SubFactory(
        OrganisationFactory,
        art=Organisation.Art.WOHLFAHRTSVERBAND,
        stadt=factory.LazyAttribute(lambda o: o.factory_parent.gebiet.stadt_oder_selbst),
    )
    stellenanteil = Decimal("50.00")

    @factory.post_generation
    def personen(self, create, extracted, **kwargs):
        if create and extracted:
            self.personen.set(extracted)


class IndikatorFactory(DjangoModelFactory):
    class Meta:
        model = Indikator

    schluessel = factory.Sequence(lambda n: f"indikator-{n}")
    name = factory.Sequence(lambda n: f"Indikator {n}")
    einheit = "%"
    quelle = "Kommunalstatistik"


class IndikatorwertFactory(DjangoModelFactory):
    class Meta:
        model = Indikatorwert

    indikator = factory.SubFactory(IndikatorFactory)
    gebiet = factory.SubFactory(GebietFactory)
    jahr = 2025
    wert = Decimal("12.5000")


class SozialindexFactory(DjangoModelFactory):
    class Meta:
        model = Sozialindex

    stadt = factory.SubFactory(StadtFactory)
    ebene = Gebiet.Art.QUARTIER
    anzahl_belastet = 2


class SozialindexIndikatorFactory(DjangoModelFactory):
    class Meta:
        model = SozialindexIndikator

    sozialindex = factory.SubFactory(SozialindexFactory)
    indikator = factory.SubFactory(IndikatorFactory)
    gewicht = Decimal("1.00")


class SozialindexrangFactory(DjangoModelFactory):
    class Meta:
        model = Sozialindexrang

    sozialindex = factory.SubFactory(SozialindexFactory)
    gebiet = factory.SubFactory(GebietFactory, parent=factory.SelfAttribute("..sozialindex.stadt"))
    jahr = 2025
    wert = Decimal("0.5000")
    rang = 1
    anzahl = 10
