"""Objects of area A for the access matrix (portal/tests/test_zugriffsmatrix.py), one function per app."""

import datetime as dt
from decimal import Decimal

from beteiligung.models import Gremium, Sitzung
from quartiere import services
from quartiere.models import Gebiet, Importentwurf

from .berichte import BerichtFactory, RatsvorlageFactory, VeroeffentlichungsauftragFactory
from .beteiligung import (
    AufgabeFactory,
    BeschlussFactory,
    GremiumFactory,
    SitzungFactory,
    TeilnahmeFactory,
    ThemenbewertungFactory,
)
from .quartiere import IndikatorFactory, IndikatorwertFactory, PersonFactory


def quartiere_welt(gebiet_a: Gebiet, verwaltung) -> dict:
    indikator = IndikatorFactory(schluessel="sgb2_quote")
    for gebiet, wert in ((gebiet_a, 20), *((g, 10) for g in Gebiet.objects.filter(stadt=gebiet_a.stadt)
                                            .exclude(pk=gebiet_a.pk))):
        IndikatorwertFactory(gebiet=gebiet, indikator=indikator, jahr=2024, wert=Decimal(wert))
    services.sozialindex_festlegen(stadt=gebiet_a.stadt, ebene=gebiet_a.art, anzahl_belastet=1,
                                   gewichte=[(indikator, Decimal(1), True)])
    entwurf = Importentwurf.objects.create(durch=verwaltung, dateiname="werte.csv",
                                           inhalt=b"Gebiet;Indikator;Jahr;Wert\nQuartier A;sgb2_quote;2025;21,5\n")
    return {"stadt": gebiet_a.stadt, "importentwurf": entwurf}


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


def berichte_welt(gebiet_a) -> dict:
    return {
        "bericht": BerichtFactory(oeffentlich=True, gebiet=gebiet_a),
        "bericht_intern": BerichtFactory(oeffentlich=False, gebiet=gebiet_a),
        "vorlage": RatsvorlageFactory(stadt=gebiet_a.stadt),
        "auftrag": VeroeffentlichungsauftragFactory(),
    }
