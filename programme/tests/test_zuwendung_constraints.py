"""Database rules of the grant-law models: each refuses a bad row with its German message."""

import datetime
from decimal import Decimal

import pytest

from testhilfen.constraints import assert_accepted, assert_refused, changed, duplicate
from testhilfen.programme import BewilligungFactory, FoerderprogrammFactory
from testhilfen.zuwendung import (
    BescheidFactory,
    FinanzierungsplanFactory,
    NebenbestimmungenFactory,
    PlanpositionFactory,
    ProgrammvorgabenFactory,
    RechtsbehelfFactory,
    TraegerdatenFactory,
    ZuwendungFactory,
)

pytestmark = pytest.mark.django_db

QUOTE = "Der Förderanteil muss größer als 0 und höchstens 100 % sein."
BEZUG = "Die Rechtsbehelfsbelehrung gilt je Stadt, die anderen Textbausteine je Förderprogramm."


def _zweite_fassung_ohne_vorgaenger():
    return BescheidFactory.build(bewilligung=BewilligungFactory(bewilligt=True), version=2, ersetzt=None)


ZUWENDUNG_VERLETZUNGEN = [
    pytest.param("traeger_plz_fuenfstellig", changed(TraegerdatenFactory, plz="2832"),
                 "Die Postleitzahl hat fünf Ziffern.", id="plz-vierstellig"),
    pytest.param("vorgaben_quote_0_bis_100", changed(ProgrammvorgabenFactory, foerderquote=Decimal("100.01")), QUOTE,
                 id="vorgaben-quote"),
    pytest.param("finanzierungsplan_version_eindeutig", duplicate(FinanzierungsplanFactory, "projekt", "version"),
                 "Diese Version des Finanzierungsplans gibt es schon.", id="plan-version-doppelt"),
    pytest.param("planposition_nicht_negativ", changed(PlanpositionFactory, betrag=Decimal("-0.01")),
                 "Beträge dürfen nicht negativ sein.", id="position-negativ"),
    pytest.param("planposition_jahr_plausibel", changed(PlanpositionFactory, jahr=1999),
                 "Das Jahr muss zwischen 2000 und 2100 liegen.", id="position-jahr"),
    pytest.param("planposition_zuwendung_mit_programm", changed(PlanpositionFactory, kategorie="zuwendung"),
                 "Eine beantragte Zuwendung nennt ihr Förderprogramm, andere Positionen keines.",
                 id="zuwendung-ohne-programm"),
    pytest.param("planposition_drittmittel_mit_quelle", changed(PlanpositionFactory, kategorie="drittmittel"),
                 "Drittmittel nennen ihren Geldgeber.", id="drittmittel-ohne-quelle"),
    pytest.param("zuwendung_zeitraum", changed(ZuwendungFactory, ende=datetime.date(2000, 1, 1)),
                 "Das Ende darf nicht vor dem Beginn liegen.", id="zeitraum"),
    pytest.param("zuwendung_anteil_mit_quote", changed(ZuwendungFactory, finanzierungsart="anteil"),
                 "Eine Anteilfinanzierung braucht einen Förderanteil.", id="anteil-ohne-quote"),
    pytest.param("zuwendung_quote_0_bis_100", changed(ZuwendungFactory, foerderquote=Decimal("0")), QUOTE,
                 id="zuwendung-quote-0"),
    pytest.param("zuwendung_festbetrag_nicht_negativ", changed(ZuwendungFactory, festbetrag=Decimal("-1")),
                 "Beträge dürfen nicht negativ sein.", id="festbetrag-negativ"),
    pytest.param("textbaustein_bezug", changed(RechtsbehelfFactory, programm=None, stadt=None), BEZUG,
                 id="rechtsbehelf-ohne-stadt"),
    pytest.param("textbaustein_eindeutig_je_programm", duplicate(NebenbestimmungenFactory, "art", "programm"),
                 "Diesen Textbaustein gibt es für das Programm schon.", id="baustein-programm-doppelt"),
    pytest.param("textbaustein_eindeutig_je_stadt", duplicate(RechtsbehelfFactory, "art", "stadt"),
                 "Diesen Textbaustein gibt es für die Stadt schon.", id="baustein-stadt-doppelt"),
    pytest.param("bescheid_nummer_version_eindeutig", duplicate(BescheidFactory, "jahr", "laufnummer", "version",
                                                                "bewilligung"),
                 "Diese Bescheidnummer und Version gibt es schon.", id="bescheid-doppelt"),
    pytest.param("bescheid_neue_version_ersetzt_alte", _zweite_fassung_ohne_vorgaenger,
                 "Nur ein Änderungsbescheid ersetzt einen früheren, und er muss es tun.", id="fassung-ohne-vorgaenger"),
    pytest.param("bescheid_versand_nicht_vor_datum", changed(BescheidFactory, versandt_am=datetime.date(2026, 1, 31)),
                 "Ein Bescheid kann nicht vor seinem Datum versandt sein.", id="versand-vor-datum"),
    pytest.param("bescheid_verzicht_nach_versand", changed(BescheidFactory, verzicht_am=datetime.date(2026, 2, 5)),
                 "Auf Rechtsbehelfe verzichtet man erst nach dem Versand.", id="verzicht-ohne-versand"),
]


@pytest.mark.parametrize(("name", "build", "meldung"), ZUWENDUNG_VERLETZUNGEN)
def test_ungueltige_zeile_wird_abgelehnt(name, build, meldung):
    assert_refused(build(), name, meldung)


@pytest.mark.parametrize("build", [
    TraegerdatenFactory, ProgrammvorgabenFactory, PlanpositionFactory, ZuwendungFactory, RechtsbehelfFactory,
    NebenbestimmungenFactory, BescheidFactory,
    lambda: PlanpositionFactory(kategorie="zuwendung", programm=FoerderprogrammFactory()),
    lambda: ZuwendungFactory(finanzierungsart="anteil", foerderquote=Decimal("50")),
])
def test_gueltige_zeile_wird_angenommen(build):
    assert_accepted(build())


def test_iban_mit_falscher_pruefziffer_wird_abgelehnt():
    from django.core.exceptions import ValidationError

    angaben = TraegerdatenFactory.build(organisation=TraegerdatenFactory().organisation, iban="DE89370400440532013001")
    with pytest.raises(ValidationError) as fehler:
        angaben.full_clean()
    assert fehler.value.message_dict["iban"] == ["Die IBAN ist ungültig: Die Prüfziffern stimmen nicht (Tippfehler?)."]
