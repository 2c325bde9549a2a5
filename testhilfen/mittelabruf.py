"""Helpers for fund-call tests: a granted grant ready to be called on, and a call made through the service."""

import datetime
from decimal import Decimal

from programme import mittelabruf_services
from programme.mittelabruf import Mittelabruf
from testhilfen.programme import BewilligungFactory, ProjektFactory, dieses_jahr


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
