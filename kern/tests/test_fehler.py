"""The refusal base class and the save-and-validate helper."""

import pytest
from django.contrib.auth.models import Group

from kern.fehler import Regelverstoss
from kern.speichern import speichern


def test_a_refusal_carries_its_german_message():
    fehler = Regelverstoss("Das geht nicht.")
    assert fehler.meldung == "Das geht nicht." == str(fehler)


@pytest.mark.django_db
def test_speichern_refuses_invalid_fields_and_broken_constraints_in_german():
    with pytest.raises(Regelverstoss) as zu_lang:
        speichern(Group(name="x" * 200), None)
    assert "höchstens 150 Zeichen" in zu_lang.value.meldung
    speichern(Group(name="Arbeitskreis"), None)
    with pytest.raises(Regelverstoss, match="existiert bereits"):
        speichern(Group(name="Arbeitskreis"), None)
    assert Group.objects.filter(name="Arbeitskreis").count() == 1
