"""The benchmark measures a real rendering and leaves no data behind."""

import pytest

from berichte.management.commands.bericht_benchmark import _messen
from programme.models import Projekt

pytestmark = pytest.mark.django_db


def test_one_size_is_measured_and_rolled_back():
    vorher = Projekt.objects.count()
    ergebnis = _messen(12)
    assert ergebnis["projekte"] == 12 and ergebnis["seiten"] >= 2
    assert ergebnis["eigen_s"] > 0 and ergebnis["weasyprint_s"] > 0
    assert ergebnis["abfragen"] <= 15 and ergebnis["rss_spitze_mib"] > 0
    assert Projekt.objects.count() == vorher


def test_the_programme_year_report_reads_in_a_fixed_number_of_queries():
    assert _messen(3)["abfragen"] == _messen(40)["abfragen"]
