"""Production settings: the secret key, the health URL, and gunicorn with WhiteNoise under DEBUG=0."""

import datetime as dt
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from portal.gesundheit import ABLAGE_FEHLT, DATENBANK_FEHLT, WARTESCHLANGE_STEHT
from portal.settings import ENTWICKLUNGSSCHLUESSEL, schluessel_pruefen

WURZEL = Path(settings.BASE_DIR)


@task()
def _leere_aufgabe() -> None:
    """A task for the health check's queue test."""
# Fixed, so pytest-xdist's workers collect the same test ids; used by no real server.
GUTER_SCHLUESSEL = "nur-fuer-tests-7Rk2vQ9mXw4LpZ8sTd3hJf6yNc1bGa5eUo0iK-Vq"


@pytest.mark.parametrize(("schluessel", "grund"), [
    ("", "must be set"),
    ("x", "at least 50 characters"),
    ("a-b-c-d-e-" * 4, "at least 50 characters"),
    ("changeme", "well-known"),
    (ENTWICKLUNGSSCHLUESSEL, "well-known"),
    ("django-insecure-" + "k3&x9!p0z@m2w7r4q8t1y6u5i0o9p8a7s6d5f4g3h2", "well-known"),
    ("ab" * 40, "too few different characters"),
    (GUTER_SCHLUESSEL, ""),
])
def test_schluessel_pruefen(schluessel, grund):
    ergebnis = schluessel_pruefen(schluessel)
    assert (grund in ergebnis) if grund else ergebnis == ""


def _umgebung(**werte) -> dict:
    umgebung = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}}
    return {**umgebung, "PYTHONDONTWRITEBYTECODE": "1", **werte}


@pytest.mark.parametrize(("schluessel", "grund"), [
    (None, "SECRET_KEY must be set"),
    ("x", "SECRET_KEY must be at least 50 characters long, not 1"),
    ("changeme", "SECRET_KEY is a well-known or example key"),
])
def test_the_server_refuses_to_start_with_a_weak_key(tmp_path, schluessel, grund):
    werte = {"DEBUG": "0", "ALLOWED_HOSTS": "example.org"}
    if schluessel is not None:
        werte["SECRET_KEY"] = schluessel
    ergebnis = subprocess.run([sys.executable, "manage.py", "check"], cwd=WURZEL, env=_umgebung(**werte),
                              capture_output=True, text=True, timeout=60)
    assert ergebnis.returncode != 0
    assert "ImproperlyConfigured" in ergebnis.stderr and grund in ergebnis.stderr


def test_debug_mode_starts_without_a_key(tmp_path):
    ergebnis = subprocess.run([sys.executable, "manage.py", "check"], cwd=WURZEL, env=_umgebung(DEBUG="1"),
                              capture_output=True, text=True, timeout=60)
    assert ergebnis.returncode == 0, ergebnis.stderr


# The health URL.

@pytest.mark.django_db
def test_health_is_public_json_and_uncached(client):
    antwort = client.get(reverse("gesundheit"))
    assert antwort.status_code == 200 and antwort["Content-Type"] == "application/json"
    assert antwort.json() == {"status": "ok", "pruefungen": {"datenbank": "ok", "ablage": "ok",
                                                                "warteschlange": "ok"}}
    assert "no-store" in antwort["Cache-Control"]


@pytest.mark.django_db
def test_health_leaves_no_file_behind(client, settings):
    assert client.get(reverse("gesundheit")).status_code == 200
    ablage = Path(settings.MEDIA_ROOT)
    assert not ablage.exists() or not any(p.is_file() for p in ablage.rglob("*"))


@pytest.mark.django_db
def test_health_answers_only_get(client):
    assert client.post(reverse("gesundheit")).status_code == 405


@pytest.mark.django_db
def test_health_without_database_is_503_with_a_german_reason_and_no_detail(client, monkeypatch):
    def keine_verbindung(*args, **kwargs):
        raise OperationalError('could not connect to "db.intern.example" as user "portal" password "geheim"')

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", keine_verbindung)
    antwort = client.get(reverse("gesundheit"))
    assert antwort.status_code == 503
    assert antwort.json() == {"status": "fehler", "pruefungen": {"datenbank": DATENBANK_FEHLT, "ablage": "ok",
                                                                       "warteschlange": "ok"}}
    assert "db.intern" not in antwort.content.decode() and "geheim" not in antwort.content.decode()


@pytest.mark.django_db
def test_health_with_an_unwritable_media_storage_is_503(client, settings, tmp_path):
    blockiert = tmp_path / "keine-ablage"
    blockiert.write_text("a file where the media directory should be")
    settings.MEDIA_ROOT = blockiert
    antwort = client.get(reverse("gesundheit"))
    assert antwort.status_code == 503
    assert antwort.json()["pruefungen"] == {"datenbank": "ok", "ablage": ABLAGE_FEHLT, "warteschlange": "ok"}
    assert "Die Dateiablage ist nicht beschreibbar." in antwort.content.decode()


@pytest.mark.django_db
def test_health_reports_the_queue_and_a_stuck_one_is_503(client, settings, warteschlange):
    from django_tasks_db.models import DBTaskResult

    from testhilfen.berichte import worker_laufen

    antwort = client.get(reverse("gesundheit")).json()
    assert antwort["pruefungen"]["warteschlange"] == "ok"
    assert antwort["warteschlange"] == {"wartend": 0, "aelteste_wartet_sekunden": 0, "worker_zuletzt_gesehen": None}

    _leere_aufgabe.enqueue()
    DBTaskResult.objects.update(enqueued_at=timezone.now() - dt.timedelta(minutes=11))
    antwort = client.get(reverse("gesundheit"))
    assert antwort.status_code == 503 and antwort.json()["pruefungen"]["warteschlange"] == WARTESCHLANGE_STEHT
    assert antwort.json()["warteschlange"]["wartend"] == 1
    assert antwort.json()["warteschlange"]["aelteste_wartet_sekunden"] >= 660

    worker_laufen()
    antwort = client.get(reverse("gesundheit"))
    assert antwort.status_code == 200 and antwort.json()["warteschlange"]["wartend"] == 0
    assert antwort.json()["warteschlange"]["worker_zuletzt_gesehen"] is not None


@pytest.mark.django_db
def test_health_is_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get(reverse("gesundheit")).status_code == 200
    assert client.get(reverse("login")).status_code == 301


# gunicorn with the project's config file, DEBUG=0, WhiteNoise and hashed static names.

def _freier_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _holen(url: str):
    try:
        with urllib.request.urlopen(url, timeout=10) as antwort:
            return antwort.status, dict(antwort.headers), antwort.read()
    except urllib.error.HTTPError as fehler:
        return fehler.code, dict(fehler.headers), fehler.read()


@pytest.fixture(scope="module")
def produktion(tmp_path_factory):
    verzeichnis = tmp_path_factory.mktemp("produktion")
    port = _freier_port()
    umgebung = _umgebung(
        DEBUG="0", SECRET_KEY=GUTER_SCHLUESSEL, ALLOWED_HOSTS="127.0.0.1", SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0", DATABASE_URL=f"sqlite:///{verzeichnis / 'portal.sqlite3'}",
        STATIC_ROOT=str(verzeichnis / "static"), MEDIA_ROOT=str(verzeichnis / "media"),
        GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS="1",
    )
    for befehl in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *befehl], cwd=WURZEL, env=umgebung, check=True, timeout=300,
                       capture_output=True)
    protokoll = verzeichnis / "gunicorn.log"
    with protokoll.open("wb") as ausgabe:
        server = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py"],
                                  cwd=WURZEL, env=umgebung, stdout=ausgabe, stderr=subprocess.STDOUT)
        try:
            basis = f"http://127.0.0.1:{port}"
            for _ in range(150):
                try:
                    _holen(basis + "/gesundheit/")
                    break
                except OSError:
                    if server.poll() is not None:
                        raise AssertionError(protokoll.read_text()) from None
                    time.sleep(0.2)
            yield {"basis": basis, "protokoll": protokoll, "static": verzeichnis / "static"}
        finally:
            server.terminate()
            server.wait(timeout=30)


@pytest.mark.django_db
def test_gunicorn_answers_health_under_production_settings(produktion):
    status, koepfe, inhalt = _holen(produktion["basis"] + "/gesundheit/")
    assert status == 200 and json.loads(inhalt)["status"] == "ok"


@pytest.mark.django_db
def test_static_files_are_served_under_hashed_names(produktion):
    status, _, inhalt = _holen(produktion["basis"] + "/anmelden/")
    assert status == 200
    treffer = re.search(r'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', inhalt.decode())
    assert treffer, "the page links the hashed name of the stylesheet"
    status, koepfe, css = _holen(produktion["basis"] + treffer.group(1))
    assert status == 200 and b".bg-portal" in css
    assert "immutable" in koepfe["Cache-Control"] and "max-age=315360000" in koepfe["Cache-Control"]
    assert (produktion["static"] / "staticfiles.json").exists()
    assert list((produktion["static"] / "css").glob("portal.*.css.gz"))


@pytest.mark.django_db
def test_the_access_log_names_no_query_string(produktion):
    _holen(produktion["basis"] + "/anmelden/?next=/suche/%3Fq%3DMustermann")
    time.sleep(0.5)
    log = produktion["protokoll"].read_text()
    assert '"GET /anmelden/ HTTP/1.1" 200' in log
    assert "Mustermann" not in log and "next=" not in log


@pytest.mark.django_db
def test_german_error_page_from_gunicorn(produktion):
    status, _, inhalt = _holen(produktion["basis"] + "/gibt-es-nicht/")
    assert status == 404 and '<html lang="de">' in inhalt.decode() and "Seite nicht gefunden" in inhalt.decode()


def _speicher_in_neuem_prozess(**werte) -> dict:
    skript = ("import json, django; django.setup(); from django.core.files.storage import storages; "
              "s = storages['default']; print(json.dumps({'klasse': type(s).__name__, "
              "'bucket': getattr(s, 'bucket_name', None), 'endpoint': getattr(s, 'endpoint_url', None), "
              "'ueberschreiben': getattr(s, 'file_overwrite', None), 'praefix': getattr(s, 'location', None)}))")
    ergebnis = subprocess.run([sys.executable, "-c", skript], cwd=WURZEL, capture_output=True, text=True, timeout=60,
                              env=_umgebung(DJANGO_SETTINGS_MODULE="portal.settings", **werte))
    assert ergebnis.returncode == 0, ergebnis.stderr
    return json.loads(ergebnis.stdout.strip().splitlines()[-1])


def test_media_stay_on_the_file_system_by_default():
    assert _speicher_in_neuem_prozess()["klasse"] == "FileSystemStorage"


def test_media_go_to_s3_compatible_storage_when_a_bucket_is_named():
    speicher = _speicher_in_neuem_prozess(S3_BUCKET="quartiersportal", S3_ENDPOINT_URL="https://s3.example.org",
                                          S3_PREFIX="medien", S3_ACCESS_KEY_ID="id", S3_SECRET_ACCESS_KEY="geheim")
    assert speicher == {"klasse": "S3Storage", "bucket": "quartiersportal", "endpoint": "https://s3.example.org",
                        "ueberschreiben": False, "praefix": "medien"}
