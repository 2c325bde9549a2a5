import pytest
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from kern.rollen import hat_rolle
from kern.zugriff import KEINE_ROLLE, RolleErforderlichMiddleware, rolle_nicht_erforderlich, verlangen

pytestmark = pytest.mark.django_db


def test_verlangen_refuses_with_the_reason():
    verlangen(True, "nie")
    with pytest.raises(PermissionDenied, match="Nur so."):
        verlangen(False, "Nur so.")


def _seite(request):
    return None


@pytest.mark.parametrize(("persona", "rolle"), [("verwaltung", True), ("qm_a", True), ("rat", True),
                                                 ("ohne_rolle", False), ("anonym", False)])
def test_hat_rolle(request, persona, rolle):
    assert hat_rolle(request.getfixturevalue(persona)) is rolle


@pytest.mark.parametrize(("view", "verweigert"), [(_seite, True), (login_not_required(lambda r: None), False),
                                                  (rolle_nicht_erforderlich(lambda r: None), False)])
def test_middleware_keeps_a_login_without_a_role_out(ohne_rolle, rat, view, verweigert):
    middleware = RolleErforderlichMiddleware(lambda request: None)
    anfrage = RequestFactory().get("/")
    anfrage.user = ohne_rolle
    if verweigert:
        with pytest.raises(PermissionDenied, match=KEINE_ROLLE):
            middleware.process_view(anfrage, view, (), {})
    else:
        assert middleware.process_view(anfrage, view, (), {}) is None
    anfrage.user = rat
    assert middleware.process_view(anfrage, view, (), {}) is None
