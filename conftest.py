import os

# Browser tests drive Playwright's sync API from the test thread, which Django's async guard
# would refuse; this file is loaded only by the test runner.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from kern.rollen import Rolle, gruppen_anlegen
from quartiere.tests.factories import GebietFactory, PersonFactory, QuartiersmanagementFactory, StadtFactory
from testhilfen.factories import UserFactory


@pytest.fixture(autouse=True)
def _eigene_ablage(settings, tmp_path):
    # Rendered and uploaded files of a test land in its own directory, never in var/media.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _schnelle_passwoerter(settings):
    # The production hasher costs ~0.3 s per login created; tests make many.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def gruppen(db):
    # Transactional tests truncate tables, so the groups of the data migration may be gone.
    gruppen_anlegen()


@pytest.fixture
def stadt(db):
    return StadtFactory(name="Musterstadt")


@pytest.fixture
def gebiet_a(stadt):
    return GebietFactory(parent=stadt, name="Quartier A")


@pytest.fixture
def gebiet_b(stadt):
    return GebietFactory(parent=stadt, name="Quartier B")


@pytest.fixture
def verwaltung(gruppen):
    return UserFactory(username="verwaltung", gruppe=Rolle.VERWALTUNG)


def _quartiersmanager(username, gebiet):
    user = UserFactory(username=username, gruppe=Rolle.QUARTIERSMANAGEMENT)
    QuartiersmanagementFactory(gebiet=gebiet, personen=[PersonFactory(user=user)])
    return user


@pytest.fixture
def qm_a(gruppen, gebiet_a):
    return _quartiersmanager("qm_a", gebiet_a)


@pytest.fixture
def qm_b(gruppen, gebiet_b):
    return _quartiersmanager("qm_b", gebiet_b)


@pytest.fixture
def rat(gruppen):
    return UserFactory(username="rat", gruppe=Rolle.RAT)


@pytest.fixture
def ohne_rolle(gruppen):
    """A login that belongs to no group: it may see what the public sees, and no more."""
    return UserFactory(username="ohne_rolle")


@pytest.fixture
def anonym(db):
    return AnonymousUser()


@pytest.fixture
def client_als(db):
    """client_als(user) -> a Client logged in as user, or an anonymous one for AnonymousUser."""

    def _client_als(user):
        client = Client()
        if user.is_authenticated:
            client.force_login(user)
        return client

    return _client_als
