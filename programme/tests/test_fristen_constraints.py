"""Database rules of the deadline records and the deadline settings: each refuses a bad row in German."""

import datetime

import pytest

from testhilfen.constraints import assert_accepted, assert_refused, changed, duplicate
from testhilfen.fristen import ErinnerungFactory, ZwischennachweisFactory
from testhilfen.zuwendung import ProgrammvorgabenFactory

pytestmark = pytest.mark.django_db

TAG = "Tag und Monat des Zwischennachweises ergeben kein Datum (29.02. gibt es nicht in jedem Jahr)."

FRISTEN_VERLETZUNGEN = [
    pytest.param("vorgaben_zwischennachweis_tag_gueltig",
                 changed(ProgrammvorgabenFactory, zwischennachweis_monat=2, zwischennachweis_tag=29), TAG,
                 id="29-februar"),
    pytest.param("vorgaben_nachweisfrist_plausibel", changed(ProgrammvorgabenFactory, nachweis_frist_monate=61),
                 "Die Frist des Verwendungsnachweises ist höchstens 60 Monate lang.", id="nachweisfrist"),
    pytest.param("zwischennachweis_jahr_plausibel", changed(ZwischennachweisFactory, jahr=1999),
                 "Das Jahr muss zwischen 2000 und 2100 liegen.", id="zn-jahr"),
    pytest.param("zwischennachweis_eindeutig_je_jahr", duplicate(ZwischennachweisFactory, "bewilligung", "jahr"),
                 "Für dieses Jahr gibt es schon einen Zwischennachweis.", id="zn-doppelt"),
    pytest.param("zwischennachweis_erst_eingereicht_dann_geprueft",
                 changed(ZwischennachweisFactory, geprueft_am=datetime.date(2027, 5, 1)),
                 "Ein Zwischennachweis kann erst nach dem Einreichen geprüft werden.", id="zn-ungeprueft"),
    pytest.param("zwischennachweis_geprueft_nicht_vor_eingereicht",
                 changed(ZwischennachweisFactory, eingereicht_am=datetime.date(2027, 5, 1),
                         geprueft_am=datetime.date(2027, 4, 1)),
                 "Ein Zwischennachweis kann nicht vor seinem Eingang geprüft sein.", id="zn-pruefung-vor-eingang"),
    pytest.param("erinnerung_einmal_je_frist_und_stufe", duplicate(ErinnerungFactory, "art", "objekt_id", "stufe",
                                                                   "bewilligung"),
                 "Diese Erinnerung ist schon versandt.", id="erinnerung-doppelt"),
]


@pytest.mark.parametrize(("name", "build", "meldung"), FRISTEN_VERLETZUNGEN)
def test_ungueltige_zeile_wird_abgelehnt(name, build, meldung):
    assert_refused(build(), name, meldung)


@pytest.mark.parametrize("build", [ZwischennachweisFactory, ErinnerungFactory,
                                   changed(ProgrammvorgabenFactory, zwischennachweis_monat=2,
                                           zwischennachweis_tag=28)])
def test_gueltige_zeile_wird_angenommen(build):
    assert_accepted(build())
