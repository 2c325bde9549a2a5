"""Database rules of the proof-of-use details: each refuses a bad row with its German message."""

from decimal import Decimal

import pytest

from testhilfen.constraints import assert_accepted, assert_refused, changed, duplicate
from testhilfen.nachweis import BelegFactory, NachweisangabenFactory, NachweissummeFactory, PruefvermerkFactory

pytestmark = pytest.mark.django_db
NEGATIV = "Beträge dürfen nicht negativ sein."

NACHWEIS_VERLETZUNGEN = [
    pytest.param("nachweisangaben_eigenmittel_nicht_negativ", changed(NachweisangabenFactory, eigenmittel=Decimal("-1")),
                 NEGATIV, id="eigenmittel-negativ"),
    pytest.param("nachweisangaben_drittmittel_nicht_negativ", changed(NachweisangabenFactory, drittmittel=Decimal("-1")),
                 NEGATIV, id="drittmittel-negativ"),
    pytest.param("beleg_betrag_positiv", changed(BelegFactory, betrag=Decimal("0")),
                 "Ein Beleg muss einen Betrag über 0 € haben.", id="beleg-0"),
    pytest.param("nachweissumme_nicht_negativ", changed(NachweissummeFactory, betrag=Decimal("-0.01")), NEGATIV,
                 id="summe-negativ"),
    pytest.param("nachweissumme_eindeutig", duplicate(NachweissummeFactory, "nachweis", "kategorie"),
                 "Für diese Kategorie gibt es schon eine Summe.", id="summe-doppelt"),
    pytest.param("pruefvermerk_nicht_zf_nicht_negativ",
                 changed(PruefvermerkFactory, nicht_zuwendungsfaehig=Decimal("-1")), NEGATIV, id="nicht-zf-negativ"),
    pytest.param("pruefvermerk_festgesetzt_nicht_negativ",
                 changed(PruefvermerkFactory, zuwendung_festgesetzt=Decimal("-1")), NEGATIV, id="festgesetzt-negativ"),
    pytest.param("pruefvermerk_rueckforderung_nicht_negativ",
                 changed(PruefvermerkFactory, rueckforderung=Decimal("-1")), NEGATIV, id="rueckforderung-negativ"),
    pytest.param("pruefvermerk_nachzahlung_nicht_negativ", changed(PruefvermerkFactory, nachzahlung=Decimal("-1")),
                 NEGATIV, id="nachzahlung-negativ"),
    pytest.param("pruefvermerk_rueckforderung_oder_nachzahlung",
                 changed(PruefvermerkFactory, rueckforderung=Decimal("1"), nachzahlung=Decimal("1")),
                 "Es gibt entweder eine Rückforderung oder eine Nachzahlung, nicht beides.", id="beides"),
]


@pytest.mark.parametrize(("name", "build", "meldung"), NACHWEIS_VERLETZUNGEN)
def test_ungueltige_zeile_wird_abgelehnt(name, build, meldung):
    assert_refused(build(), name, meldung)


@pytest.mark.parametrize("build", [NachweisangabenFactory, BelegFactory, NachweissummeFactory, PruefvermerkFactory,
                                   lambda: BelegFactory(betrag=Decimal("0.01"), kategorie="investitionen")])
def test_gueltige_zeile_wird_angenommen(build):
    assert_accepted(build())
