import datetime as dt
from decimal import Decimal

import pytest

from beteiligung.models import Gremium, Sitzung
from testhilfen.beteiligung import GremiumFactory, SitzungFactory
from testhilfen.programme import FoerderprogrammFactory, JahresbudgetFactory, ProgrammgebietFactory
from quartiere.models import Organisation
from testhilfen.quartiere import OrganisationFactory, PersonFactory

HEUTE = dt.date.today()
JAHR = HEUTE.year


@pytest.fixture
def forum_a(gebiet_a):
    return GremiumFactory(gebiet=gebiet_a, name="WiN-Forum A", art=Gremium.Art.GEBIETSFORUM)


@pytest.fixture
def win(gebiet_a):
    """WiN with a budget of 10,000 EUR for area A this year and at most 50 % of a project's cost."""
    programm = FoerderprogrammFactory(kurzname="WiN", name="Wohnen in Nachbarschaften", stadt=gebiet_a.stadt,
                                      max_foerderquote=Decimal("50"), beginn=dt.date(JAHR - 2, 1, 1))
    ProgrammgebietFactory(programm=programm, gebiet=gebiet_a, beginn=dt.date(JAHR - 2, 1, 1))
    JahresbudgetFactory(programm=programm, jahr=JAHR, betrag=Decimal("1750000"))
    JahresbudgetFactory(programm=programm, jahr=JAHR, gebiet=gebiet_a, betrag=Decimal("10000"))
    return programm


@pytest.fixture
def sitzung_a(forum_a):
    """A meeting of area A's forum that took place a week ago."""
    return SitzungFactory(gremium=forum_a, titel="3. Sitzung des WiN-Forums", datum=HEUTE - dt.timedelta(days=7),
                          status=Sitzung.Status.DURCHGEFUEHRT)


@pytest.fixture
def amt(stadt):
    return OrganisationFactory(name="Amt für Jugend, Familie und Frauen", art=Organisation.Art.AMT, stadt=stadt)


@pytest.fixture
def buergerin(amt):
    """A resident who consented to her name being stored."""
    return PersonFactory(vorname="Ebru", nachname="Aydinoglu", organisation=amt,
                         einwilligung_am=HEUTE - dt.timedelta(days=30))


@pytest.fixture
def ohne_einwilligung(amt):
    return PersonFactory(vorname="Bernd", nachname="Freimuth", organisation=amt, einwilligung_am=None)
