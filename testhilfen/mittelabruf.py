"""Helpers for fund-call tests: a granted grant ready to be called on, a call made through the service, and a
factory for rows written directly (constraint tests)."""

import datetime
from decimal import Decimal

import factory

from programme import mittelabruf_services
from programme.mittelabruf import Mittelabruf
from testhilfen.programme import AuszahlungFactory, BewilligungFactory, ProjektFactory, dieses_jahr


def abrufbare_bewilligung(gebiet, betrag: Decimal = Decimal("10000.00"), **kwargs):
    """A granted grant of `betrag` for a granted project in `gebiet`, nothing paid yet."""
    projekt = kwargs.pop("projekt", None) or ProjektFactory(gebiet=gebiet, bewilligt=True)
    return BewilligungFactory(bewilligt=True, projekt=projekt, gebiet=gebiet, betrag_beantragt=betrag, **kwargs)


def abruf(bewilligung, durch, betrag: Decimal = Decimal("1000.00"), *, am: datetime.date | None = None,
          tage: int = 14, zweck: str = "Honorare der nächsten Wochen") -> Mittelabruf:
    am = am or datetime.date(dieses_jahr(), 2, 1)
    return mittelabruf_services.mittel_abrufen(bewilligung=bewilligung, betrag=Decimal(betrag), zweck=zweck,
                                               verwenden_bis=am + datetime.timedelta(days=tage), durch=durch,
                                               datum=am)


class MittelabrufFactory(factory.django.DjangoModelFactory):
    """An open call on a granted grant; `genehmigt=True`: approved, with its payout."""

    class Meta:
        model = Mittelabruf

    class Params:
        genehmigt = factory.Trait(
            status=Mittelabruf.Status.GENEHMIGT,
            entschieden_am=factory.SelfAttribute("beantragt_am"),
            auszahlung=factory.SubFactory(AuszahlungFactory, bewilligung=factory.SelfAttribute("..bewilligung"),
                                          betrag=factory.SelfAttribute("..betrag")),
        )

    bewilligung = factory.SubFactory(BewilligungFactory, bewilligt=True)
    betrag = Decimal("1000.00")
    zweck = "Honorare"
    beantragt_am = factory.LazyFunction(lambda: datetime.date(dieses_jahr(), 2, 1))
    verwenden_bis = factory.LazyAttribute(lambda o: o.beantragt_am + datetime.timedelta(days=14))
