import datetime as dt

import pytest

from berichte.models import Berichtsart
from testhilfen.berichte import BerichtFactory
from beteiligung.models import Gremium, Sitzung
from testhilfen.beteiligung import GremiumFactory, SitzungFactory, TagesordnungspunktFactory


@pytest.fixture
def client(client_als, anonym):
    return client_als(anonym)


@pytest.fixture
def welt(stadt, gebiet_a, gebiet_b):
    gremium = GremiumFactory(gebiet=gebiet_a, name="Steuerungskreis Quartier A", art=Gremium.Art.STEUERUNGSKREIS)
    rat = GremiumFactory(gebiet=stadt, name="Rat der Stadt", art=Gremium.Art.RAT)
    sitzung = SitzungFactory(gremium=gremium, oeffentlich=True, titel="Quartiersforum im Sommer",
                             datum=dt.date(2026, 7, 1), beginn=dt.time(18, 0), ende=dt.time(20, 30),
                             ort="Bürgerhaus, Saal 1", status=Sitzung.Status.DOKUMENTIERT,
                             dokumentiert_am=dt.date(2026, 7, 8))
    TagesordnungspunktFactory(sitzung=sitzung, nummer=1, titel="Begrüßung")
    TagesordnungspunktFactory(sitzung=sitzung, nummer=2, titel="Spielplatz am Markt")
    intern = SitzungFactory(gremium=gremium, oeffentlich=False, titel="Vertrauliche Runde", ort="Hinterzimmer")
    interner_top = TagesordnungspunktFactory(sitzung=intern, nummer=1, titel="Personalfragen")
    bericht = BerichtFactory(gebiet=gebiet_a, oeffentlich=True, titel="Quartiersprofil A 2026",
                             art=Berichtsart.QUARTIERSPROFIL)
    interner_bericht = BerichtFactory(gebiet=gebiet_a, oeffentlich=False, titel="Interner Entwurf")
    return {"stadt": stadt, "gremium": gremium, "rat": rat, "sitzung": sitzung, "intern": intern,
            "interner_top": interner_top, "bericht": bericht, "interner_bericht": interner_bericht}
