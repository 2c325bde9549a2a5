import datetime

import pytest

from testhilfen.berichte import BeratungFactory, BerichtFactory, MitzeichnungFactory, RatsvorlageFactory
from testhilfen.programme import FoerderprogrammFactory
from testhilfen.constraints import assert_accepted, assert_refused, changed, constraint_names
from testhilfen.quartiere import StadtFactory

pytestmark = pytest.mark.django_db


def _neuer_bericht(**werte):
    """An unsaved report: published reports may not be changed in place, so bad rows are new ones."""
    return lambda: BerichtFactory.build(**werte)


def _doppelte_nummer():
    erster = BerichtFactory()
    return BerichtFactory.build(jahr=erster.jahr, laufnummer=erster.laufnummer, version=erster.version)


def _ersetzt_sich_selbst():
    bericht = BerichtFactory()
    bericht.ersetzt_id = bericht.pk
    return bericht


def _amt_doppelt_genannt():
    erste = MitzeichnungFactory()
    return MitzeichnungFactory.build(vorlage=erste.vorlage, organisation=erste.organisation)


def _vorlage_mit_programm_ohne_jahr():
    vorlage = RatsvorlageFactory()
    vorlage.programm = FoerderprogrammFactory(stadt=vorlage.stadt)
    return vorlage


VERLETZUNGEN = [
    pytest.param("ratsvorlage_programm_mit_jahr", _vorlage_mit_programm_ohne_jahr,
                 "Förderprogramm und Haushaltsjahr gehören zusammen: beide oder keines angeben.",
                 id="vorlage-programm-ohne-jahr"),
    pytest.param("ratsvorlage_programm_mit_jahr", changed(RatsvorlageFactory, haushaltsjahr=2019),
                 "Förderprogramm und Haushaltsjahr gehören zusammen: beide oder keines angeben.",
                 id="vorlage-jahr-ohne-programm"),
    pytest.param("beratung_mit_gremium", changed(BeratungFactory, gremium=None, gremium_name=""),
                 "Jede Zeile der Beratungsfolge braucht ein Gremium.", id="beratung-ohne-gremium"),
    pytest.param("mitzeichnung_eindeutig", _amt_doppelt_genannt, "Dieses Amt ist auf der Vorlage schon genannt.",
                 id="amt-doppelt"),
    pytest.param("mitzeichnung_mit_name_und_datum",
                 changed(MitzeichnungFactory, gezeichnet_am=datetime.date(2026, 1, 2)),
                 "Eine Mitzeichnung braucht Namen und Datum.", id="mitzeichnung-ohne-name"),
    pytest.param("bericht_nummer_version_eindeutig", _doppelte_nummer,
                 "Diese Berichtsnummer und Version gibt es schon.", id="bericht-nummer-doppelt"),
    pytest.param("bericht_zaehler_positiv", _neuer_bericht(seiten=0),
                 "Laufnummer, Version und Seitenzahl beginnen bei 1.", id="bericht-ohne-seiten"),
    pytest.param("bericht_neue_version_ersetzt_alte", _neuer_bericht(version=2),
                 "Nur eine neue Version ersetzt eine frühere, und sie muss es tun.", id="version-2-ersetzt-nichts"),
    pytest.param("bericht_jahr_plausibel", _neuer_bericht(jahr=1989),
                 "Das Jahr muss zwischen 1990 und 2100 liegen.", id="bericht-jahr-1989"),
    pytest.param("bericht_ersetzt_nicht_sich_selbst", _ersetzt_sich_selbst,
                 "Ein Bericht kann sich nicht selbst ersetzen.", id="bericht-ersetzt-sich-selbst"),
    pytest.param("bericht_rueckzug_mit_grund",
                 _neuer_bericht(zurueckgezogen_am=datetime.datetime(2026, 3, 1, tzinfo=datetime.timezone.utc)),
                 "Ein Bericht wird nur mit Grund zurückgezogen.", id="rueckzug-ohne-grund"),
]


@pytest.mark.parametrize("name, bauen, meldung", VERLETZUNGEN)
def test_ungueltige_zeile_wird_abgelehnt(name, bauen, meldung):
    assert_refused(bauen(), name, meldung)


@pytest.mark.parametrize("bauen", [
    pytest.param(lambda: RatsvorlageFactory.build(stadt=StadtFactory()), id="vorlage"),
    pytest.param(lambda: BeratungFactory.build(vorlage=RatsvorlageFactory()), id="beratung"),
    pytest.param(BerichtFactory.build, id="bericht"),
    pytest.param(lambda: MitzeichnungFactory.build(vorlage=RatsvorlageFactory(), gezeichnet_name="Heike Lindemann",
                                                   gezeichnet_am=datetime.date(2026, 1, 2),
                                                   organisation=MitzeichnungFactory().organisation), id="mitzeichnung"),
    pytest.param(lambda: BerichtFactory.build(version=2, ersetzt=BerichtFactory(),
                                              datum=datetime.date(2026, 1, 2)), id="bericht-version-2"),
])
def test_gueltige_zeile_wird_angenommen(bauen):
    assert_accepted(bauen())


def test_jede_constraint_hat_einen_test():
    assert constraint_names("berichte") == {param.values[0] for param in VERLETZUNGEN}
