"""Every refusal of every app is a kern Regelverstoss carrying its German message."""

import pytest

from berichte.ablage import DateiUngueltig
from berichte.fehler import BerichtFehler, ParameterFehler
from kern.fehler import Regelverstoss
from oparl.views import Ungueltig
from quartiere.einlesen import Dateifehler
from quartiere.services import Ablehnung


@pytest.mark.parametrize("fehler", [
    Ablehnung("Nein."), Dateifehler("Nein."), BerichtFehler("Nein."), ParameterFehler("Nein."), Ungueltig("Nein."),
])
def test_refusals_derive_from_the_kern_class_and_carry_their_message(fehler):
    assert isinstance(fehler, Regelverstoss) and fehler.meldung == "Nein." == str(fehler)


def test_a_changed_report_file_tells_the_user_the_fixed_message():
    fehler = DateiUngueltig("Prüfsumme weicht ab")
    assert isinstance(fehler, Regelverstoss) and fehler.meldung == DateiUngueltig.MELDUNG
    assert fehler.grund == "Prüfsumme weicht ab"

