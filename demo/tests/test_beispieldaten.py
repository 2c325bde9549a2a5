"""The sample CSV in the repository imports cleanly into the demo data."""

from pathlib import Path

import pytest
from django.contrib.auth.models import User

import quartiere
from quartiere import services
from quartiere.models import Indikatorimport

BEISPIEL = Path(quartiere.__file__).resolve().parent / "beispieldaten" / "indikatoren_beispiel.csv"


@pytest.mark.django_db
def test_the_sample_csv_imports_cleanly_into_the_demo_data(demodaten):
    inhalt = BEISPIEL.read_bytes()

    plan = services.indikatorimport_pruefen(inhalt=inhalt)

    assert plan.fehler == [] and plan.datei.hinweise == []
    assert (plan.datei.format, plan.datei.kodierung, plan.datei.dezimal) == ("breit", "UTF-8 mit BOM", "komma")
    assert plan.zeilen == 66 and len(plan.geaendert) + len(plan.neu) > 0
    verwaltung = User.objects.get(username="verwaltung")
    protokoll = services.indikatorimport_ausfuehren(inhalt=inhalt, dateiname=BEISPIEL.name, durch=verwaltung)
    assert Indikatorimport.objects.get() == protokoll
