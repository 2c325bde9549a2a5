import datetime
from decimal import Decimal

import pytest

from quartiere.models import Gebiet
from testhilfen.constraints import (
    assert_accepted,
    assert_refused,
    changed,
    constraint_names,
    duplicate,
)
from testhilfen.quartiere import (
    EinrichtungFactory,
    GebietFactory,
    IndikatorFactory,
    IndikatorwertFactory,
    OrganisationFactory,
    QuartiersmanagementFactory,
    SozialindexFactory,
    SozialindexIndikatorFactory,
    SozialindexrangFactory,
    StadtFactory,
)

pytestmark = pytest.mark.django_db

ENDE_VOR_BEGINN = "Das Ende darf nicht vor dem Beginn liegen."
STELLENANTEIL = "Der Stellenanteil muss größer als 0 und höchstens 100 % sein."


def _stadt_mit_parent():
    return StadtFactory.build(parent=StadtFactory())


def _quartier_ohne_parent():
    return GebietFactory.build(parent=None)


VERLETZUNGEN = [
    pytest.param("gebiet_name_eindeutig_je_parent", duplicate(GebietFactory, "parent", "name"),
                 "Ein Gebiet dieses Namens gibt es hier schon.", id="gebiet-name-doppelt"),
    pytest.param("stadt_name_eindeutig", duplicate(StadtFactory, "name"),
                 "Eine Stadt dieses Namens gibt es schon.", id="stadt-name-doppelt"),
    pytest.param("gebiet_nur_stadt_ohne_parent", _stadt_mit_parent,
                 "Nur eine Stadt steht ohne übergeordnetes Gebiet.", id="stadt-mit-parent"),
    pytest.param("gebiet_nur_stadt_ohne_parent", _quartier_ohne_parent,
                 "Nur eine Stadt steht ohne übergeordnetes Gebiet.", id="quartier-ohne-parent"),
    pytest.param("indikatorwert_eindeutig", duplicate(IndikatorwertFactory, "indikator", "gebiet", "jahr"),
                 "Für diesen Indikator, dieses Gebiet und Jahr gibt es schon einen Wert.",
                 id="indikatorwert-doppelt"),
    pytest.param("indikatorwert_jahr_plausibel", changed(IndikatorwertFactory, jahr=1899),
                 "Das Jahr muss zwischen 1900 und 2100 liegen.", id="indikatorwert-jahr-1899"),
    pytest.param("indikatorwert_jahr_plausibel", changed(IndikatorwertFactory, jahr=2101),
                 "Das Jahr muss zwischen 1900 und 2100 liegen.", id="indikatorwert-jahr-2101"),
    pytest.param("indikator_grenzen_geordnet",
                 changed(IndikatorFactory, untergrenze=Decimal("10"), obergrenze=Decimal("5")),
                 "Der kleinste erlaubte Wert darf nicht über dem größten liegen.", id="indikator-grenzen-vertauscht"),
    pytest.param("organisation_eindeutig_je_stadt", duplicate(OrganisationFactory, "name", "stadt"),
                 "Diese Organisation gibt es in der Stadt schon.", id="organisation-doppelt"),
    pytest.param("einrichtung_zeitraum",
                 changed(EinrichtungFactory, eroeffnet_am=datetime.date(2024, 5, 2),
                         geschlossen_am=datetime.date(2024, 5, 1)),
                 ENDE_VOR_BEGINN, id="einrichtung-geschlossen-vor-eroeffnet"),
    pytest.param("qm_stellenanteil_0_bis_100", changed(QuartiersmanagementFactory, stellenanteil=Decimal("0")),
                 STELLENANTEIL, id="qm-stellenanteil-0"),
    pytest.param("qm_stellenanteil_0_bis_100", changed(QuartiersmanagementFactory, stellenanteil=Decimal("-10")),
                 STELLENANTEIL, id="qm-stellenanteil-negativ"),
    pytest.param("qm_stellenanteil_0_bis_100",
                 changed(QuartiersmanagementFactory, stellenanteil=Decimal("100.01")),
                 STELLENANTEIL, id="qm-stellenanteil-ueber-100"),
    pytest.param("qm_befristung_nach_beginn",
                 changed(QuartiersmanagementFactory, beginn=datetime.date(2025, 1, 1),
                         befristet_bis=datetime.date(2024, 12, 31)),
                 ENDE_VOR_BEGINN, id="qm-befristet-vor-beginn"),
    pytest.param("sozialindex_ebene_unter_stadt", changed(SozialindexFactory, ebene="stadt"),
                 "Der Sozialindex vergleicht Gebiete unterhalb der Stadt.", id="sozialindex-ebene-stadt"),
    pytest.param("sozialindex_indikator_eindeutig",
                 duplicate(SozialindexIndikatorFactory, "sozialindex", "indikator"),
                 "Der Indikator ist schon Teil des Sozialindex.", id="sozialindex-indikator-doppelt"),
    pytest.param("sozialindex_gewicht_positiv", changed(SozialindexIndikatorFactory, gewicht=Decimal("0")),
                 "Das Gewicht muss größer als 0 sein.", id="sozialindex-gewicht-0"),
    pytest.param("sozialindexrang_eindeutig", duplicate(SozialindexrangFactory, "sozialindex", "gebiet", "jahr"),
                 "Für dieses Gebiet und Jahr gibt es schon einen Rang.", id="sozialindexrang-doppelt"),
    pytest.param("sozialindexrang_im_feld", changed(SozialindexrangFactory, rang=11),
                 "Der Rang muss zwischen 1 und der Zahl der Gebiete liegen.", id="sozialindexrang-ueber-anzahl"),
    pytest.param("sozialindexrang_im_feld", changed(SozialindexrangFactory, rang=0),
                 "Der Rang muss zwischen 1 und der Zahl der Gebiete liegen.", id="sozialindexrang-0"),
]


def _gleicher_name_in_zwei_staedten():
    erstes = GebietFactory(name="Mitte")
    return GebietFactory.build(name=erstes.name, parent=StadtFactory())


def _gleiche_organisation_in_zwei_staedten():
    erste = OrganisationFactory(name="AWO")
    return OrganisationFactory.build(name=erste.name, stadt=StadtFactory())


def _indikatorwert_im_folgejahr():
    erster = IndikatorwertFactory(jahr=2024)
    return IndikatorwertFactory.build(indikator=erster.indikator, gebiet=erster.gebiet, jahr=2025)


GUELTIG = [
    pytest.param(StadtFactory, id="stadt"),
    pytest.param(GebietFactory, id="quartier"),
    pytest.param(lambda: GebietFactory(art=Gebiet.Art.STADTTEIL), id="stadtteil"),
    pytest.param(_gleicher_name_in_zwei_staedten, id="gebiet-gleicher-name-andere-stadt"),
    pytest.param(_gleiche_organisation_in_zwei_staedten, id="organisation-gleicher-name-andere-stadt"),
    pytest.param(_indikatorwert_im_folgejahr, id="indikatorwert-folgejahr"),
    pytest.param(lambda: IndikatorwertFactory(jahr=1900), id="indikatorwert-jahr-1900"),
    pytest.param(lambda: IndikatorwertFactory(jahr=2100), id="indikatorwert-jahr-2100"),
    pytest.param(lambda: EinrichtungFactory(eroeffnet_am=datetime.date(2024, 5, 1),
                                            geschlossen_am=datetime.date(2024, 5, 1)),
                 id="einrichtung-am-selben-tag-geschlossen"),
    pytest.param(lambda: EinrichtungFactory(geschlossen_am=datetime.date(2024, 5, 1)),
                 id="einrichtung-ohne-eroeffnung"),
    pytest.param(lambda: QuartiersmanagementFactory(stellenanteil=Decimal("100")), id="qm-stellenanteil-100"),
    pytest.param(lambda: QuartiersmanagementFactory(stellenanteil=Decimal("0.01")), id="qm-stellenanteil-0-01"),
    pytest.param(lambda: QuartiersmanagementFactory(beginn=datetime.date(2025, 1, 1),
                                                    befristet_bis=datetime.date(2025, 1, 1)),
                 id="qm-befristet-bis-beginn"),
    pytest.param(lambda: QuartiersmanagementFactory(befristet_bis=datetime.date(2025, 1, 1)),
                 id="qm-befristet-ohne-beginn"),
    pytest.param(lambda: SozialindexrangFactory(rang=10, anzahl=10), id="sozialindexrang-letzter-platz"),
    pytest.param(lambda: GebietFactory(grenze={"type": "Polygon", "coordinates": [[[8.8, 53.0], [8.9, 53.0],
                                                                                  [8.9, 53.1], [8.8, 53.0]]]}),
                 id="gebiet-mit-grenze"),
]


@pytest.mark.parametrize(("name", "build", "meldung"), VERLETZUNGEN)
def test_ungueltige_zeile_wird_abgelehnt(name, build, meldung):
    assert_refused(build(), name, meldung)


@pytest.mark.parametrize("build", GUELTIG)
def test_gueltige_zeile_wird_angenommen(build):
    assert_accepted(build())


def test_jede_constraint_hat_einen_test():
    assert constraint_names("quartiere") == {param.values[0] for param in VERLETZUNGEN}


@pytest.mark.parametrize("grenze", [
    {"type": "Point", "coordinates": [8.8, 53.0]},
    {"type": "Polygon", "coordinates": [[[8.8, 53.0], [8.9, 53.0], [8.8, 53.0]]]},
    {"type": "Polygon", "coordinates": [[[530.0, 8.8], [8.9, 53.0], [8.9, 53.1], [530.0, 8.8]]]},
    "kein GeoJSON",
])
def test_ungueltige_grenze_wird_abgelehnt(grenze):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as fehler:
        GebietFactory.build(parent=StadtFactory(), grenze=grenze).full_clean()
    assert "Grenze" in str(fehler.value)
