"""What the public may see of published reports: `oeffentlich()` of each model."""

import pytest

from berichte.models import Beratung, Bericht
from testhilfen.berichte import BeratungFactory, BerichtFactory, RatsvorlageFactory

pytestmark = pytest.mark.django_db


def test_only_reports_marked_public_are_public():
    oeffentlich = BerichtFactory(oeffentlich=True)
    BerichtFactory(oeffentlich=False)
    assert list(Bericht.objects.oeffentlich()) == [oeffentlich]


def test_a_replaced_public_version_is_no_longer_public():
    erste = BerichtFactory(oeffentlich=True)
    zweite = BerichtFactory(jahr=erste.jahr, laufnummer=erste.laufnummer, version=2, ersetzt=erste, oeffentlich=True)
    assert list(Bericht.objects.oeffentlich()) == [zweite]


def test_consultation_rows_are_public_with_a_public_report_of_their_council_paper():
    veroeffentlicht, intern = RatsvorlageFactory(), RatsvorlageFactory()
    BerichtFactory(vorlage=veroeffentlicht, oeffentlich=True)
    BerichtFactory(vorlage=intern, oeffentlich=False)
    zeile = BeratungFactory(vorlage=veroeffentlicht)
    BeratungFactory(vorlage=intern)
    assert list(Beratung.objects.oeffentlich()) == [zeile]


def test_a_closed_session_row_of_a_public_paper_is_public_once_per_row():
    vorlage = RatsvorlageFactory()
    erste = BerichtFactory(vorlage=vorlage, oeffentlich=True)
    BerichtFactory(vorlage=vorlage, jahr=erste.jahr, laufnummer=erste.laufnummer, version=2, ersetzt=erste,
                   oeffentlich=True)
    nichtoeffentlich_beraten = BeratungFactory(vorlage=vorlage, oeffentlich=False)
    assert list(Beratung.objects.oeffentlich()) == [nichtoeffentlich_beraten]
