"""Objects of area A for the access matrix in portal/tests/test_zugriffsmatrix.py."""

import datetime as dt

from beteiligung.models import Gremium, Sitzung
from beteiligung.tests.factories import (
    AufgabeFactory,
    BeschlussFactory,
    GremiumFactory,
    SitzungFactory,
    TeilnahmeFactory,
    ThemenbewertungFactory,
)
from quartiere.tests.factories import PersonFactory


def beteiligung_welt(gebiet_a) -> dict:
    heute = dt.date.today()
    gremium = GremiumFactory(gebiet=gebiet_a, art=Gremium.Art.GEBIETSFORUM)
    sitzung = SitzungFactory(gremium=gremium, datum=heute - dt.timedelta(days=7), status=Sitzung.Status.DURCHGEFUEHRT)
    person = PersonFactory(einwilligung_am=heute)
    bewertung = ThemenbewertungFactory(thema__gremium=gremium, thema__eingebracht_in=sitzung, sitzung=sitzung)
    return {
        "gremium": gremium, "sitzung": sitzung, "person": person, "bewertung": bewertung, "thema": bewertung.thema,
        "teilnahme": TeilnahmeFactory(sitzung=sitzung, person=person),
        "beschluss": BeschlussFactory(sitzung=sitzung),
        "aufgabe": AufgabeFactory(sitzung=sitzung, verantwortlich=person),
    }
