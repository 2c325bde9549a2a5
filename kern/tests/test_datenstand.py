"""The data state grows once per committed change, never for a rolled-back one (kern.datenstand)."""

import pytest
from django.db import transaction

from kern import datenstand
from kern.models import Datenstand
from testhilfen.konten import UserFactory


def _geteilt() -> int:
    return Datenstand.objects.filter(pk=1).values_list("stand", flat=True).first() or 0


@pytest.mark.django_db(transaction=True)
def test_a_committed_transaction_advances_the_shared_number_once_however_many_rows_it_saves():
    vorher = _geteilt()
    with transaction.atomic():
        for i in range(3):
            UserFactory(username=f"person-{i}")
        assert _geteilt() == vorher  # the others learn of it only after the commit
    assert _geteilt() == vorher + 1


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_leaves_the_shared_number_and_a_save_outside_one_advances_it():
    vorher = _geteilt()
    with pytest.raises(RuntimeError), transaction.atomic():
        UserFactory(username="weg")
        raise RuntimeError
    assert _geteilt() == vorher
    UserFactory(username="bleibt")
    assert _geteilt() == vorher + 1


@pytest.mark.django_db
def test_this_process_sees_its_own_change_before_the_commit():
    vorher = datenstand.stand()
    UserFactory(username="neu")
    assert datenstand.stand() != vorher


@pytest.mark.django_db
def test_a_figure_is_computed_once_per_data_state():
    aufrufe = []

    def berechnen():
        aufrufe.append(1)
        return len(aufrufe)

    assert datenstand.zwischengespeichert("probe", berechnen, 7) == 1
    assert datenstand.zwischengespeichert("probe", berechnen, 7) == 1
    assert datenstand.zwischengespeichert("probe", berechnen, 8) == 2  # another key part
    UserFactory(username="aenderung")
    assert datenstand.zwischengespeichert("probe", berechnen, 7) == 3


@pytest.mark.django_db
def test_after_a_restore_the_shared_number_is_one_no_earlier_state_had():
    Datenstand.objects.update_or_create(pk=1, defaults={"stand": 41})
    datenstand.neu_beginnen()
    assert _geteilt() > 10**12  # milliseconds since 1970, above any count of transactions
