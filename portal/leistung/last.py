"""Throughput under a bounded load: gunicorn on 127.0.0.1, a fixed number of connections for a fixed
time per URL, each request on a new connection (gunicorn's sync workers close them). Only the
loopback address is ever contacted, and every loop ends by itself."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from portal.leistung import anmelden

HOST = "127.0.0.1"


@dataclass(frozen=True)
class Lastmessung:
    seite: str
    url: str
    anfragen_je_s: float
    fehler: int


def _freier_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _sitzungscookie(username: str) -> str:
    client = Client()
    anmelden(client, username)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def _warten(server: subprocess.Popen, port: int, frist: float = 60) -> None:
    """Until a worker answers (the master listens before its workers have booted)."""
    ende = time.monotonic() + frist
    while time.monotonic() < ende and server.poll() is None:
        try:
            verbindung = http.client.HTTPConnection(HOST, port, timeout=5)
            verbindung.request("GET", "/gesundheit/", headers={"Host": HOST})
            verbindung.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn hat nicht rechtzeitig gestartet.")


def _last(port: int, url: str, cookie: str, verbindungen: int, sekunden: float) -> tuple[int, int]:
    ende = time.monotonic() + sekunden
    zaehler = {"ok": 0, "fehler": 0}
    sperre = threading.Lock()

    def schleife():
        while time.monotonic() < ende:
            verbindung = http.client.HTTPConnection(HOST, port, timeout=30)
            try:
                verbindung.request("GET", url, headers={"Cookie": cookie, "Host": HOST})
                antwort = verbindung.getresponse()
                antwort.read()
                art = "ok" if antwort.status == 200 else "fehler"
            except OSError:
                art = "fehler"
            finally:
                verbindung.close()
            with sperre:
                zaehler[art] += 1

    faeden = [threading.Thread(target=schleife) for _ in range(verbindungen)]
    for faden in faeden:
        faden.start()
    for faden in faeden:
        faden.join()
    return zaehler["ok"], zaehler["fehler"]


def messen(urls: list[tuple[str, str]], *, username: str, verbindungen: int = 10,
           sekunden: float = 10) -> list[Lastmessung]:
    port = _freier_port()
    cookie = _sitzungscookie(username)
    umgebung = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.leistung.einstellungen",
                "GUNICORN_BIND": f"{HOST}:{port}", "GUNICORN_ACCESSLOG": "", "LOG_LEVEL": "WARNING",
                "ALLOWED_HOSTS": f"{HOST},localhost,testserver"}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen([str(gunicorn), "-c", str(Path(settings.BASE_DIR) / "gunicorn.conf.py")],
                              cwd=settings.BASE_DIR, env=umgebung)
    try:
        _warten(server, port)
        ergebnisse = []
        for name, url in urls:
            _last(port, url, cookie, verbindungen, 1)  # every worker has loaded its code and templates
            ok, fehler = _last(port, url, cookie, verbindungen, sekunden)
            ergebnisse.append(Lastmessung(name, url, ok / sekunden, fehler))
        return ergebnisse
    finally:
        server.terminate()
        server.wait(timeout=60)
