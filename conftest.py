import os
import shutil
import sys
from io import StringIO

# Browser tests drive Playwright's sync API from the test thread, which Django's async guard
# would refuse; this file is loaded only by the test runner.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Queued work runs at once in tests; a test that checks the queue itself sets the database backend.
os.environ.setdefault("TASKS_BACKEND", "immediate")

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

from kern.rollen import Rolle, gruppen_anlegen
from testhilfen.quartiere import GebietFactory, PersonFactory, QuartiersmanagementFactory, StadtFactory
from testhilfen.konten import UserFactory, app_einrichten


def zweiten_faktor_bestaetigen(client, user) -> None:
    """Marks the client's signed-in session as the login does after a correct code: verified by the
    user's app (one is set up when the account must have one), or signed in without needing one."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from portal import zweiter_faktor

    sitzung = client.session
    geraet = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if geraet is None and zweiter_faktor.pflicht(type(user).objects.get(pk=user.pk)):
        geraet = app_einrichten(user)
    if geraet is not None:
        sitzung[DEVICE_ID_SESSION_KEY] = geraet.persistent_id
    else:
        sitzung[zweiter_faktor.OHNE_ZWEITEN_FAKTOR] = True
    sitzung.save()


@pytest.fixture(autouse=True)
def _force_login_mit_zweitem_faktor(monkeypatch):
    # force_login stands for a complete login: with the second factor where the account needs one.
    # Tests of the login itself go through the login pages.
    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        zweiten_faktor_bestaetigen(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(autouse=True)
def _leerer_cache():
    # Each test starts without cached figures of an earlier one (keys hold the data state, but a
    # rolled-back test leaves the shared number where it was).
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _eigene_ablage(settings, tmp_path):
    # Rendered and uploaded files of a test land in its own directory, never in var/media.
    settings.MEDIA_ROOT = tmp_path / "media"


SOFORT = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WARTESCHLANGE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def _aufgaben_sofort(settings):
    # pytest-django reads the settings before this file sets TASKS_BACKEND, so the setting is made here;
    # a test of the queue itself sets settings.TASKS = WARTESCHLANGE (fixture `warteschlange`).
    if os.environ.get("TASKS_BACKEND") == "immediate":
        settings.TASKS = SOFORT


@pytest.fixture
def warteschlange(settings):
    """Tasks wait in the database until a worker takes them (run one with `testhilfen.berichte.worker_laufen`)."""
    settings.TASKS = WARTESCHLANGE


SCHNELLER_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _schnelle_passwoerter(settings):
    # The production hasher costs ~0.3 s per login created; tests make many.
    settings.PASSWORD_HASHERS = SCHNELLER_HASHER


# The demo data, loaded once per test process for the tests that read it.
#
# Loading takes ~15 s, so it is not done per test: the first test that asks for `demodaten` opens a
# transaction, loads the demo data into it and leaves it open; each test then runs in its own
# savepoint inside it, as usual. When the next test does not ask for the demo data, the transaction
# is rolled back, so no demo row reaches a test that expects an empty database. The tests that use
# it are sorted to the front, so the data is loaded once.


class _Demostand:
    def __init__(self, blocker, ablage):
        self.blocker = blocker
        self.ablage = ablage  # the PDFs the demo publishes; each test gets a copy
        self._transaktion = None

    @property
    def offen(self) -> bool:
        return self._transaktion is not None

    def oeffnen(self):
        if self.offen:
            return
        shutil.rmtree(self.ablage, ignore_errors=True)
        with self.blocker.unblock(), override_settings(PASSWORD_HASHERS=SCHNELLER_HASHER, MEDIA_ROOT=self.ablage):
            self._transaktion = transaction.atomic()
            self._transaktion.__enter__()
            try:
                call_command("demodaten", stdout=StringIO())
            except BaseException:
                self._transaktion.__exit__(*sys.exc_info())
                self._transaktion = None
                raise

    def schliessen(self):
        if not self.offen:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self._transaktion.__exit__(None, None, None)
        self._transaktion = None


_DEMOSTAND = pytest.StashKey[_Demostand]()


def _braucht_demodaten(item) -> bool:
    return "demodaten" in getattr(item, "fixturenames", ())


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    # After pytest-django's own ordering; the demo tests are non-transactional, so the front keeps it.
    # xdist (--dist load) hands each worker a first chunk of a quarter of its share, so the demo
    # tests all go to the first worker, which loads the data once while the others start.
    items.sort(key=lambda item: not _braucht_demodaten(item))


@pytest.fixture(scope="session")
def _demostand(request, django_db_setup, django_db_blocker, tmp_path_factory):
    # Session scope: set up before any function fixture, so before the test's own transaction.
    stand = _Demostand(django_db_blocker, tmp_path_factory.mktemp("demoablage"))
    request.config.stash[_DEMOSTAND] = stand
    stand.oeffnen()
    yield stand
    stand.schliessen()
    del request.config.stash[_DEMOSTAND]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Reopens the demo data for a later test that needs it again (only when the order was changed).
    stand = item.config.stash.get(_DEMOSTAND, None)
    if stand is not None and _braucht_demodaten(item):
        stand.oeffnen()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        stand = item.config.stash.get(_DEMOSTAND, None)
        if stand is not None and (nextitem is None or not _braucht_demodaten(nextitem)):
            stand.schliessen()


@pytest.fixture
def demodaten(_demostand, _eigene_ablage, settings, db):
    """The demo data (read them; what a test changes is rolled back after it)."""
    if _demostand.ablage.exists():
        shutil.copytree(_demostand.ablage, settings.MEDIA_ROOT, dirs_exist_ok=True)


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
