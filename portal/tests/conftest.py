"""Fixtures of the browser tests: Debian's Chromium, pages that never reach past the live server, and
the demo data for tests that need them committed (live_server tests are transactional)."""

import shutil
import sqlite3
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.test import override_settings

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Fenster:
    """Opens pages in one browser context; every request that leaves the live server is aborted and
    recorded in `fremde_anfragen` (the fixture fails the test if there is any)."""

    def __init__(self, browser, live_server):
        self.browser = browser
        self.basis = live_server.url
        self.fremde_anfragen: list[str] = []
        self._kontexte = []

    def _weiterleiten(self, route):
        url = route.request.url
        if url.startswith(self.basis + "/") or url == self.basis or url.startswith("data:"):
            route.continue_()
        else:
            self.fremde_anfragen.append(url)
            route.abort()

    def seite(self, breite: int = 1280, hoehe: int = 900, skripte=()):
        """A new page in a context of its own; `skripte` (paths) run in every document before its own."""
        context = self.browser.new_context(viewport={"width": breite, "height": hoehe}, locale="de-DE")
        context.route("**/*", self._weiterleiten)
        for skript in skripte:
            context.add_init_script(path=skript)
        self._kontexte.append(context)
        return context.new_page()

    def schliessen(self):
        for context in self._kontexte:
            context.close()


@pytest.fixture
def fenster(browser, live_server):
    fenster = Fenster(browser, live_server)
    yield fenster
    fenster.schliessen()
    assert fenster.fremde_anfragen == [], f"Anfragen an Dritte (abgebrochen): {fenster.fremde_anfragen}"


class _Demoabzug:
    """The demo data as loaded once per test process, put back for each transactional test.

    Loading them through the services takes most of a minute. Afterwards the database is kept: on
    SQLite (an in-memory database per test process) as a copy made with SQLite's backup API, put
    back in milliseconds; elsewhere as Django's serialisation of all rows, the way
    TransactionTestCase.serialized_rollback restores a database.
    """

    def __init__(self, medien):
        self.medien = medien  # the PDFs the demo publishes
        self.abzug = None

    def einspielen(self, media_root):
        if self.abzug is None:
            shutil.rmtree(self.medien, ignore_errors=True)
            with override_settings(MEDIA_ROOT=self.medien):
                call_command("demodaten", stdout=StringIO())
            self.abzug = self._sichern()
        else:
            self._zuruecklegen()
            ContentType.objects.clear_cache()  # the restored rows may carry other ids
        if self.medien.exists():
            shutil.copytree(self.medien, media_root, dirs_exist_ok=True)

    def _sichern(self):
        roh = self._sqlite()
        if roh is None:
            return connection.creation.serialize_db_to_string()
        kopie = sqlite3.connect(":memory:", check_same_thread=False)
        roh.backup(kopie)
        return kopie

    def _zuruecklegen(self):
        if isinstance(self.abzug, sqlite3.Connection):
            self.abzug.backup(self._sqlite())
            return
        # The flush after the last test recreated content types and permissions; the rows come back
        # with their own ids, into empty tables.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(self.abzug)
        sql = connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True))
        with connection.cursor() as cursor:
            for befehl in sql:
                cursor.execute(befehl)

    @staticmethod
    def _sqlite():
        if connection.vendor != "sqlite" or not connection.is_in_memory_db():
            return None
        connection.ensure_connection()
        return connection.connection

    def schliessen(self):
        if isinstance(self.abzug, sqlite3.Connection):
            self.abzug.close()


@pytest.fixture(scope="session")
def _demoabzug(tmp_path_factory):
    abzug = _Demoabzug(tmp_path_factory.mktemp("demoabzug") / "medien")
    yield abzug
    abzug.schliessen()


@pytest.fixture
def demowelt(transactional_db, settings, _demoabzug):
    """The demo data, committed, so that the live server sees them; the flush after the test removes
    them. Logins: demo.daten.gemeinsam.KONTEN, password PASSWORT."""
    _demoabzug.einspielen(settings.MEDIA_ROOT)


# The focused element: how it looks (outline, whether it is on screen) and how to name it.
FOKUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  return {
    tag: e.tagName.toLowerCase(), id: e.id, text: (e.innerText || e.value || e.getAttribute("aria-label") || "").trim(),
    ring: s.outlineStyle === "none" ? 0 : parseFloat(s.outlineWidth),
    sichtbar: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0
      && r.top < window.innerHeight && r.left < window.innerWidth,
    html: e.outerHTML.slice(0, 120),
  };
}"""


class Tastatur:
    """Drives a page with the keyboard only (Tab, Shift+Tab, Enter, Space, typing) and checks at each
    step that the focused element has a visible ring and is on screen; `maengel` collects every step
    where it had not."""

    def __init__(self, seite):
        self.seite = seite
        # Bootstrap scrolls smoothly unless asked not to; the check wants the focused element on screen at once.
        seite.emulate_media(reduced_motion="reduce")
        self.maengel: list[str] = []
        self.schritte = 0

    def fokus(self) -> dict | None:
        return self.seite.evaluate(FOKUS)

    def tab(self, rueckwaerts: bool = False) -> dict | None:
        self.seite.keyboard.press("Shift+Tab" if rueckwaerts else "Tab")
        self.schritte += 1
        fokus = self.fokus()
        if fokus is not None and (fokus["ring"] < 2 or not fokus["sichtbar"]):
            self.maengel.append(f"{self.seite.url}: Fokus {'ohne Ring' if fokus['ring'] < 2 else 'außerhalb'}: "
                                f"{fokus['html']}")
        return fokus

    def tab_bis(self, *, text: str | None = None, id: str | None = None, hoechstens: int = 120) -> dict:
        """Tabs forward until the focused element has this id or starts with this text."""
        for _ in range(hoechstens):
            fokus = self.tab()
            if fokus and ((id and fokus["id"] == id) or (text and fokus["text"].startswith(text))):
                return fokus
        raise AssertionError(f"Mit Tab nicht erreicht: {text or id} auf {self.seite.url}")

    def druecken(self, taste: str, *, warten: bool = False) -> None:
        if warten:
            with self.seite.expect_navigation():
                self.seite.keyboard.press(taste)
        else:
            self.seite.keyboard.press(taste)

    def tippen(self, text: str) -> None:
        self.seite.keyboard.press("Control+A")
        self.seite.keyboard.type(text)

    def keine_falle(self, hoechstens: int = 300) -> int:
        """Tabs through the whole page: the focus must leave the last element (to the browser, then the
        first again) without being held anywhere. Returns the number of stops."""
        gesehen = []
        for _ in range(hoechstens):
            fokus = self.tab()
            if fokus is None:
                return len(gesehen)
            schluessel = fokus["html"]
            if gesehen and schluessel == gesehen[-1]:
                raise AssertionError(f"Fokus bleibt hängen: {schluessel}")
            if schluessel in gesehen[:-1] and gesehen.index(schluessel) == 0:
                return len(gesehen)  # wrapped around to the first element
            gesehen.append(schluessel)
        raise AssertionError(f"Nach {hoechstens} Tabs nicht aus der Seite heraus: {self.seite.url}")


@pytest.fixture
def tastatur():
    """tastatur(seite) -> a Tastatur for that page."""
    return Tastatur
