"""Objects of area A for the access matrix (portal/tests/test_zugriffsmatrix.py)."""

from decimal import Decimal

from quartiere import services
from quartiere.models import Gebiet, Importentwurf
from quartiere.tests.factories import IndikatorFactory, IndikatorwertFactory


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
