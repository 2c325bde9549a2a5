"""The work log: services.taetigkeit_erfassen records an entry only in an area the user works in."""

import datetime as dt

import pytest

from beteiligung import services
from beteiligung.models import Taetigkeit
from kern.fehler import Regelverstoss
from testhilfen.programme import HandlungsfeldFactory


def test_entry_in_own_area_is_saved_with_who_recorded_it(qm_a, gebiet_a):
    handlungsfeld = HandlungsfeldFactory()
    taetigkeit = services.taetigkeit_erfassen(
        gebiet=gebiet_a, datum=dt.date(2026, 11, 20), titel="Sprechstunde im Quartierstreff",
        beschreibung="offene Sprechstunde", handlungsfeld=handlungsfeld, erreichte_personen=12, durch=qm_a)
    assert taetigkeit._history_user == qm_a
    gespeichert = Taetigkeit.objects.get()
    assert (gespeichert.pk, gespeichert.gebiet, gespeichert.datum, gespeichert.titel, gespeichert.beschreibung,
            gespeichert.handlungsfeld, gespeichert.erreichte_personen, gespeichert.erfasst_von) == (
        taetigkeit.pk, gebiet_a, dt.date(2026, 11, 20), "Sprechstunde im Quartierstreff", "offene Sprechstunde",
        handlungsfeld, 12, qm_a)


def test_staff_record_in_every_area(verwaltung, gebiet_b):
    services.taetigkeit_erfassen(gebiet=gebiet_b, datum=dt.date(2026, 11, 20), titel="Begehung", durch=verwaltung)
    assert Taetigkeit.objects.get().erfasst_von == verwaltung


@pytest.mark.parametrize("persona", ["qm_a", "rat"])
def test_entry_outside_own_areas_is_refused_and_nothing_saved(request, gebiet_b, persona):
    with pytest.raises(Regelverstoss) as fehler:
        services.taetigkeit_erfassen(gebiet=gebiet_b, datum=dt.date(2026, 11, 20), titel="Fremd",
                                     durch=request.getfixturevalue(persona))
    assert fehler.value.meldung == "Tätigkeiten können Sie nur in Ihren eigenen Gebieten erfassen."
    assert not Taetigkeit.objects.exists()
