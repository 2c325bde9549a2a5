"""Bericht.objects.sichtbar_fuer / bearbeitbar_fuer and the kann_ functions of berichte, persona by persona."""

import pytest

from berichte import permissions
from testhilfen.berichte import BerichtFactory
from testhilfen.zugriff import PERSONAS, antwort

pytestmark = pytest.mark.django_db

ROLLEN = ("verwaltung", "rat", "qm_a", "qm_b")
# persona -> (reports seen, reports changed); "A" is public, "B" is not.
ERWARTET = {p: ({"A", "B"} if p in ROLLEN else {"A"}, {"A", "B"} if p == "verwaltung" else set())
            for p in PERSONAS}


@pytest.mark.parametrize("persona", PERSONAS)
def test_sichtbar_und_bearbeitbar(request, persona):
    zeilen = {"A": BerichtFactory(oeffentlich=True), "B": BerichtFactory(oeffentlich=False)}
    assert antwort(zeilen, request.getfixturevalue(persona)) == ERWARTET[persona]


@pytest.mark.parametrize("persona", PERSONAS)
def test_permissions(request, persona):
    user = request.getfixturevalue(persona)
    assert permissions.kann_nichtoeffentliche_berichte_lesen(user) is (persona in ROLLEN)
    assert permissions.kann_berichte_erstellen(user) is (persona == "verwaltung")
    assert permissions.kann_ratsvorlagen_bearbeiten(user) is (persona == "verwaltung")
