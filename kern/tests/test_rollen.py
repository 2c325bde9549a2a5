import pytest

from kern.rollen import Rolle, rolle_von
from testhilfen.konten import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("persona", "rolle"), [
    ("verwaltung", Rolle.VERWALTUNG),
    ("qm_a", Rolle.QUARTIERSMANAGEMENT),
    ("rat", Rolle.RAT),
    ("anonym", None),
])
def test_rolle_von(request, persona, rolle):
    assert rolle_von(request.getfixturevalue(persona)) == rolle


def test_superuser_zaehlt_als_verwaltung(db):
    assert rolle_von(UserFactory(is_superuser=True)) == Rolle.VERWALTUNG
