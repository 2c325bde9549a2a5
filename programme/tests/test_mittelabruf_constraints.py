"""Database rules of fund calls and of the programme's fund-call settings: each refuses a bad row in German."""

import datetime
from decimal import Decimal

import pytest

from testhilfen.constraints import assert_accepted, assert_refused, changed
from testhilfen.mittelabruf import MittelabrufFactory
from testhilfen.zuwendung import ProgrammvorgabenFactory

pytestmark = pytest.mark.django_db

MITTELABRUF_VERLETZUNGEN = [
    pytest.param("mittelabruf_positiv", changed(MittelabrufFactory, betrag=Decimal("0")),
                 "Ein Mittelabruf muss größer als 0 € sein.", id="abruf-0"),
    pytest.param("mittelabruf_verwendung_nicht_vor_abruf",
                 changed(MittelabrufFactory, verwenden_bis=datetime.date(2000, 1, 1)),
                 "Die Mittel können nicht vor dem Abruf verwendet sein.", id="verwendung-vor-abruf"),
    pytest.param("mittelabruf_entscheidung_mit_datum",
                 changed(MittelabrufFactory, status="abgelehnt", ablehnungsgrund="zu früh"),
                 "Eine Entscheidung über einen Mittelabruf braucht ein Datum.", id="entscheidung-ohne-datum"),
    pytest.param("mittelabruf_genehmigt_mit_auszahlung",
                 changed(MittelabrufFactory, status="genehmigt", entschieden_am=datetime.date(2026, 2, 2)),
                 "Ein genehmigter Mittelabruf ist genau eine Auszahlung.", id="genehmigt-ohne-auszahlung"),
    pytest.param("mittelabruf_verwendet_nur_wenn_genehmigt",
                 changed(MittelabrufFactory, verwendet_am=datetime.date(2026, 2, 10)),
                 "Verwendet werden kann nur, was ausgezahlt wurde.", id="verwendet-ohne-auszahlung"),
    pytest.param("mittelabruf_ablehnung_mit_grund",
                 changed(MittelabrufFactory, status="abgelehnt", entschieden_am=datetime.date(2026, 2, 2)),
                 "Eine Ablehnung nennt ihren Grund.", id="ablehnung-ohne-grund"),
    pytest.param("vorgaben_abruf_frist_positiv", changed(ProgrammvorgabenFactory, abruf_frist=0),
                 "Die Verwendungsfrist abgerufener Mittel muss mindestens einen Tag betragen.", id="frist-0"),
    pytest.param("vorgaben_schlussrate_0_bis_100", changed(ProgrammvorgabenFactory, abruf_schlussrate=Decimal("100")),
                 "Die Schlussrate liegt zwischen 0 und unter 100 %.", id="schlussrate-100"),
]


@pytest.mark.parametrize(("name", "build", "meldung"), MITTELABRUF_VERLETZUNGEN)
def test_ungueltige_zeile_wird_abgelehnt(name, build, meldung):
    assert_refused(build(), name, meldung)


@pytest.mark.parametrize("build", [
    MittelabrufFactory,
    lambda: MittelabrufFactory(genehmigt=True, verwendet_am=datetime.date(2026, 2, 10)),
    lambda: MittelabrufFactory(verwenden_bis=datetime.date(2026, 2, 1), beantragt_am=datetime.date(2026, 2, 1)),
    lambda: ProgrammvorgabenFactory(abruf_schlussrate=Decimal("0")),
    lambda: ProgrammvorgabenFactory(abruf_schlussrate=Decimal("99.99"), abruf_frist=1, abruf_frist_einheit="tage"),
])
def test_gueltige_zeile_wird_angenommen(build):
    assert_accepted(build())
