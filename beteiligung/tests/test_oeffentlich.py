"""What the public may see of meetings: `oeffentlich()` of each model."""

import pytest

from beteiligung.models import Sitzung, Tagesordnungspunkt
from testhilfen.beteiligung import SitzungFactory, TagesordnungspunktFactory

pytestmark = pytest.mark.django_db


def test_only_meetings_marked_public_are_public():
    oeffentlich = SitzungFactory(oeffentlich=True)
    SitzungFactory(oeffentlich=False)
    assert list(Sitzung.objects.oeffentlich()) == [oeffentlich]


def test_agenda_items_are_public_with_their_meeting():
    oeffentlich = TagesordnungspunktFactory(sitzung=SitzungFactory(oeffentlich=True))
    TagesordnungspunktFactory(sitzung=SitzungFactory(oeffentlich=False))
    assert list(Tagesordnungspunkt.objects.oeffentlich()) == [oeffentlich]
