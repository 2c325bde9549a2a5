import datetime
from decimal import Decimal

import pytest

from beteiligung.models import Beschluss, Strukturmodell
from testhilfen.quartiere import StadtFactory
from testhilfen.beteiligung import (
    AufgabeFactory,
    BeschlussFactory,
    GremiumFactory,
    MitgliedschaftFactory,
    SitzungFactory,
    TaetigkeitFactory,
    TagesordnungspunktFactory,
    TeilnahmeFactory,
    ThemaFactory,
    ThemenbewertungFactory,
)
from testhilfen.constraints import (
    assert_accepted,
    assert_refused,
    changed,
    constraint_names,
    duplicate,
)

pytestmark = pytest.mark.django_db

ENDE_VOR_BEGINN = "Das Ende darf nicht vor dem Beginn liegen."
DAUER = "Die Dauer muss größer als 0 sein."

UTC = datetime.timezone.utc
RUECKZUG = "Zurückgezogen wird nur eine öffentliche Sitzung, und nur mit Grund."

VERLETZUNGEN = [
    pytest.param("gremium_soll_min_nicht_ueber_max",
                 changed(GremiumFactory, sitzungen_soll_min=4, sitzungen_soll_max=3),
                 "Die Mindestzahl der Sitzungen darf nicht über der Höchstzahl liegen.",
                 id="gremium-soll-min-ueber-max"),
    pytest.param("mitgliedschaft_zeitraum",
                 changed(MitgliedschaftFactory, beginn=datetime.date(2025, 1, 1), ende=datetime.date(2024, 12, 31)),
                 ENDE_VOR_BEGINN, id="mitgliedschaft-ende-vor-beginn"),
    pytest.param("sitzung_uhrzeit", changed(SitzungFactory, beginn=datetime.time(18, 0), ende=datetime.time(17, 59)),
                 ENDE_VOR_BEGINN, id="sitzung-ende-vor-beginn"),
    pytest.param("sitzung_dokumentiert_nach_datum",
                 changed(SitzungFactory, datum=datetime.date(2026, 3, 10), dokumentiert_am=datetime.date(2026, 3, 9)),
                 "Eine Sitzung kann erst nach ihrem Datum dokumentiert werden.", id="sitzung-dokumentiert-vorher"),
    pytest.param("sitzung_rueckzug_oeffentlich_mit_grund",
                 changed(SitzungFactory, oeffentlich=True, zurueckgezogen_am=datetime.datetime(2026, 3, 1, tzinfo=UTC)),
                 RUECKZUG, id="sitzung-rueckzug-ohne-grund"),
    pytest.param("sitzung_rueckzug_oeffentlich_mit_grund",
                 changed(SitzungFactory, oeffentlich=False, rueckzugsgrund="Falsches Datum",
                         zurueckgezogen_am=datetime.datetime(2026, 3, 1, tzinfo=UTC)),
                 RUECKZUG, id="sitzung-rueckzug-nichtoeffentlich"),
    pytest.param("teilnahme_eindeutig", duplicate(TeilnahmeFactory, "sitzung", "person"),
                 "Diese Person ist schon als Teilnehmende eingetragen.", id="teilnahme-doppelt"),
    pytest.param("top_nummer_eindeutig", duplicate(TagesordnungspunktFactory, "sitzung", "nummer"),
                 "Diese Nummer ist in der Sitzung schon vergeben.", id="top-nummer-doppelt"),
    pytest.param("themenbewertung_eindeutig", duplicate(ThemenbewertungFactory, "thema", "sitzung"),
                 "Das Thema ist in dieser Sitzung schon bewertet.", id="themenbewertung-doppelt"),
    pytest.param("beschluss_konsens_ohne_gegenstimmen",
                 changed(BeschlussFactory, art=Beschluss.Art.KONSENS, stimmen_ja=9, stimmen_nein=1),
                 "Ein Konsens hat keine Gegenstimmen.", id="konsens-mit-gegenstimme"),
    pytest.param("strukturmodell_stadt_oder_programm",
                 lambda: Strukturmodell(name="M", beteiligung_arten=["rat"], steuerung_arten=["rat"]),
                 "Ein Strukturmodell gilt für eine Stadt oder für ein Förderprogramm.", id="strukturmodell-ohne-geltung"),
    pytest.param("strukturmodell_soll_min_nicht_ueber_max",
                 lambda: Strukturmodell(name="M", stadt=StadtFactory(), beteiligung_arten=["rat"],
                                        steuerung_arten=["rat"], beteiligung_soll_min=5, beteiligung_soll_max=4),
                 "Die Mindestzahl der Sitzungen darf nicht über der Höchstzahl liegen.",
                 id="strukturmodell-soll-min-ueber-max"),
    pytest.param("taetigkeit_dauer_positiv", changed(TaetigkeitFactory, dauer_stunden=Decimal("0")),
                 DAUER, id="taetigkeit-dauer-0"),
    pytest.param("taetigkeit_dauer_positiv", changed(TaetigkeitFactory, dauer_stunden=Decimal("-1.5")),
                 DAUER, id="taetigkeit-dauer-negativ"),
]


def _teilnahme_an_zweiter_sitzung():
    erste = TeilnahmeFactory()
    return TeilnahmeFactory.build(person=erste.person, sitzung=SitzungFactory(gremium=erste.sitzung.gremium))


def _gleiche_top_nummer_in_zweiter_sitzung():
    erster = TagesordnungspunktFactory(nummer=1)
    return TagesordnungspunktFactory.build(nummer=1, sitzung=SitzungFactory(gremium=erster.sitzung.gremium))


def _thema_in_zweiter_sitzung_bewertet():
    erste = ThemenbewertungFactory()
    return ThemenbewertungFactory.build(thema=erste.thema, sitzung=SitzungFactory(gremium=erste.thema.gremium))


GUELTIG = [
    pytest.param(GremiumFactory, id="gremium"),
    pytest.param(lambda: GremiumFactory(sitzungen_soll_min=3, sitzungen_soll_max=3), id="gremium-soll-min-gleich-max"),
    pytest.param(lambda: GremiumFactory(sitzungen_soll_min=None, sitzungen_soll_max=None), id="gremium-ohne-soll"),
    pytest.param(MitgliedschaftFactory, id="mitgliedschaft"),
    pytest.param(lambda: MitgliedschaftFactory(beginn=datetime.date(2025, 1, 1), ende=datetime.date(2025, 1, 1)),
                 id="mitgliedschaft-ein-tag"),
    pytest.param(SitzungFactory, id="sitzung"),
    pytest.param(lambda: SitzungFactory(beginn=datetime.time(18, 0), ende=datetime.time(18, 0)),
                 id="sitzung-ende-gleich-beginn"),
    pytest.param(lambda: SitzungFactory(beginn=None, ende=datetime.time(18, 0)), id="sitzung-ohne-beginn"),
    pytest.param(lambda: SitzungFactory(dokumentiert=True), id="sitzung-dokumentiert"),
    pytest.param(lambda: SitzungFactory(datum=datetime.date(2026, 3, 10), dokumentiert_am=datetime.date(2026, 3, 10)),
                 id="sitzung-am-selben-tag-dokumentiert"),
    pytest.param(TeilnahmeFactory, id="teilnahme"),
    pytest.param(_teilnahme_an_zweiter_sitzung, id="teilnahme-zweite-sitzung"),
    pytest.param(TagesordnungspunktFactory, id="top"),
    pytest.param(_gleiche_top_nummer_in_zweiter_sitzung, id="top-nummer-in-zweiter-sitzung"),
    pytest.param(ThemaFactory, id="thema"),
    pytest.param(ThemenbewertungFactory, id="themenbewertung"),
    pytest.param(_thema_in_zweiter_sitzung_bewertet, id="themenbewertung-zweite-sitzung"),
    pytest.param(BeschlussFactory, id="beschluss"),
    pytest.param(lambda: BeschlussFactory(stimmen_ja=7, stimmen_nein=2, stimmen_enthaltung=1),
                 id="beschluss-mit-gegenstimmen"),
    pytest.param(lambda: BeschlussFactory(art=Beschluss.Art.KONSENS, stimmen_nein=0), id="konsens-0-gegenstimmen"),
    pytest.param(lambda: BeschlussFactory(art=Beschluss.Art.KONSENS), id="konsens-ohne-zaehlung"),
    pytest.param(AufgabeFactory, id="aufgabe"),
    pytest.param(TaetigkeitFactory, id="taetigkeit"),
    pytest.param(lambda: TaetigkeitFactory(dauer_stunden=Decimal("0.25")), id="taetigkeit-viertelstunde"),
]


@pytest.mark.parametrize(("name", "build", "meldung"), VERLETZUNGEN)
def test_ungueltige_zeile_wird_abgelehnt(name, build, meldung):
    assert_refused(build(), name, meldung)


@pytest.mark.parametrize("build", GUELTIG)
def test_gueltige_zeile_wird_angenommen(build):
    assert_accepted(build())


def test_jede_constraint_hat_einen_test():
    assert constraint_names("beteiligung") == {param.values[0] for param in VERLETZUNGEN}
