"""Backup and restore: the database and every stored file in one archive, each part with its SHA-256.

The archive (tar.gz) holds `manifest.json` (what it holds, the row count of every table, the SHA-256
of every part), the database (PostgreSQL: `pg_dump --format=custom`; otherwise Django's dumpdata as
JSON) and the media files under `medien/`. Beside it `<archive>.sha256` carries the archive's own
checksum in the format of `sha256sum`. A restore checks both checksums before it changes anything,
goes only into an empty database (unless forced), and compares the row counts afterwards.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from kern import datenstand

FORMAT = 1
MANIFEST = "manifest.json"
MEDIEN = "medien/"
# Rows that `migrate` itself creates; a database holding only these counts as empty.
VON_MIGRATE = {"contenttypes.ContentType", "auth.Permission", "auth.Group", "auth.Group_permissions",
               "sessions.Session", "axes.AccessAttempt", "axes.AccessLog", "axes.AccessFailureLog"}


class SicherungFehler(Exception):
    """A backup or restore that cannot go on; the message says why, in German."""


def _sha256(daten: bytes) -> str:
    return hashlib.sha256(daten).hexdigest()


def _datei_sha256(pfad: Path) -> str:
    summe = hashlib.sha256()
    with open(pfad, "rb") as datei:
        for block in iter(lambda: datei.read(1 << 20), b""):
            summe.update(block)
    return summe.hexdigest()


# Not data but the cache's bookkeeping, set anew by every restore (kern.datenstand.neu_beginnen).
NICHT_GEZAEHLT = {"kern.Datenstand"}


def zeilen() -> dict[str, int]:
    """The row count of every table, by model label (m2m tables included)."""
    tabellen = set(connection.introspection.table_names())
    return {m._meta.label: m._base_manager.count() for m in apps.get_models(include_auto_created=True)
            if m._meta.db_table in tabellen and m._meta.managed and m._meta.label not in NICHT_GEZAEHLT}


def medien_namen(ordner: str = "") -> list[str]:
    """Every file in the media storage (file system or S3), as storage names."""
    try:
        unterordner, dateien = default_storage.listdir(ordner)
    except FileNotFoundError:
        return []
    namen = [f"{ordner}{d}" for d in dateien]
    for u in unterordner:
        namen += medien_namen(f"{ordner}{u}/")
    return sorted(namen)


def _pg_verbindung() -> tuple[list[str], dict]:
    einstellungen = connection.settings_dict
    argumente = ["--dbname", einstellungen["NAME"]]
    for schalter, schluessel in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if einstellungen.get(schluessel):
            argumente += [schalter, str(einstellungen[schluessel])]
    umgebung = {**os.environ, "PGPASSWORD": einstellungen.get("PASSWORD") or ""}
    return argumente, umgebung


def _werkzeug(name: str) -> str:
    pfad = shutil.which(name)
    if pfad is None:
        raise SicherungFehler(f"{name} ist nicht installiert (Debian: postgresql-client); oder --datenbank json.")
    return pfad


def _datenbank_schreiben(art: str, ziel: Path) -> None:
    if art == "pg_dump":
        argumente, umgebung = _pg_verbindung()
        befehl = [_werkzeug("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", "--file", str(ziel)]
        ergebnis = subprocess.run(befehl + argumente, env=umgebung, capture_output=True, text=True)
        if ergebnis.returncode != 0:
            raise SicherungFehler(f"pg_dump ist gescheitert: {ergebnis.stderr.strip()}")
        return
    with open(ziel, "w", encoding="utf-8") as datei:
        call_command("dumpdata", all=True, indent=None, stdout=datei, verbosity=0)


def standard_art() -> str:
    return "pg_dump" if connection.vendor == "postgresql" else "json"


def sichern(ziel: Path, *, art: str | None = None) -> dict:
    """Writes the archive `ziel` and `ziel.sha256`; returns the manifest."""
    art = art or standard_art()
    if art == "pg_dump" and connection.vendor != "postgresql":
        raise SicherungFehler("pg_dump sichert nur PostgreSQL-Datenbanken; für diese Datenbank --datenbank json.")
    ziel.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / ("datenbank.pgdump" if art == "pg_dump" else "datenbank.json")
        _datenbank_schreiben(art, dump)
        manifest = {
            "format": FORMAT, "erstellt": timezone.now().isoformat(), "datenbank": {
                "art": art, "datei": dump.name, "sha256": _datei_sha256(dump), "herkunft": connection.vendor},
            "zeilen": zeilen(),
            "migrationen": sorted(MigrationRecorder(connection).applied_migrations()),
            "medien": [],
        }
        with tarfile.open(ziel, "w:gz") as archiv:
            archiv.add(dump, arcname=dump.name)
            for name in medien_namen():
                with default_storage.open(name, "rb") as datei:
                    daten = datei.read()
                manifest["medien"].append({"name": name, "sha256": _sha256(daten), "groesse": len(daten)})
                _hinzufuegen(archiv, MEDIEN + name, daten)
            _hinzufuegen(archiv, MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False).encode())
    Path(f"{ziel}.sha256").write_text(f"{_datei_sha256(ziel)}  {ziel.name}\n", encoding="utf-8")
    return manifest


def _hinzufuegen(archiv: tarfile.TarFile, name: str, daten: bytes) -> None:
    eintrag = tarfile.TarInfo(name)
    eintrag.size = len(daten)
    eintrag.mtime = int(timezone.now().timestamp())
    archiv.addfile(eintrag, io.BytesIO(daten))


def pruefsumme_pruefen(archiv: Path, erwartet: str | None = None) -> None:
    """The archive against its `.sha256` file (or the value given)."""
    if erwartet is None:
        beileger = Path(f"{archiv}.sha256")
        if not beileger.exists():
            raise SicherungFehler(f"Die Prüfsummendatei {beileger.name} fehlt; ohne sie wird nichts wiederhergestellt.")
        erwartet = beileger.read_text(encoding="utf-8").split()[0]
    if _datei_sha256(archiv) != erwartet.strip().lower():
        raise SicherungFehler("Die SHA-256 des Archivs stimmt nicht mit der Prüfsumme überein: "
                              "Die Sicherung ist beschädigt oder verändert.")


def leer() -> bool:
    """No rows beyond those `migrate` creates, and no stored file."""
    belegt = {label: anzahl for label, anzahl in zeilen().items() if anzahl and label not in VON_MIGRATE}
    return not belegt and not medien_namen()


def _lesen(archiv: tarfile.TarFile, name: str) -> bytes:
    try:
        return archiv.extractfile(name).read()
    except (KeyError, AttributeError):
        raise SicherungFehler(f"Im Archiv fehlt {name}.") from None


def _teile_pruefen(archiv: tarfile.TarFile) -> tuple[dict, bytes, dict[str, bytes]]:
    """The manifest, the database dump and the files, each checked against its SHA-256."""
    try:
        manifest = json.loads(_lesen(archiv, MANIFEST))
    except ValueError:
        raise SicherungFehler("Das Manifest des Archivs ist kein gültiges JSON.") from None
    if manifest.get("format") != FORMAT:
        raise SicherungFehler(f"Unbekanntes Sicherungsformat {manifest.get('format')!r}.")
    dump = _lesen(archiv, manifest["datenbank"]["datei"])
    if _sha256(dump) != manifest["datenbank"]["sha256"]:
        raise SicherungFehler("Die Datenbanksicherung im Archiv stimmt nicht mit ihrer SHA-256 überein.")
    dateien = {}
    for eintrag in manifest["medien"]:
        daten = _lesen(archiv, MEDIEN + eintrag["name"])
        if _sha256(daten) != eintrag["sha256"]:
            raise SicherungFehler(f"Die Datei {eintrag['name']} stimmt nicht mit ihrer SHA-256 überein.")
        dateien[eintrag["name"]] = daten
    return manifest, dump, dateien


def _datenbank_einspielen(art: str, dump: bytes, tmp: Path) -> None:
    if art == "pg_dump":
        if connection.vendor != "postgresql":
            raise SicherungFehler("Eine pg_dump-Sicherung lässt sich nur in PostgreSQL wiederherstellen.")
        datei = tmp / "datenbank.pgdump"
        datei.write_bytes(dump)
        argumente, umgebung = _pg_verbindung()
        connection.close()
        befehl = [_werkzeug("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
                  "--single-transaction", "--exit-on-error", str(datei)]
        ergebnis = subprocess.run(befehl + argumente, env=umgebung, capture_output=True, text=True)
        if ergebnis.returncode != 0:
            raise SicherungFehler(f"pg_restore ist gescheitert: {ergebnis.stderr.strip()}")
        return
    datei = tmp / "datenbank.json"
    datei.write_bytes(dump)
    call_command("migrate", interactive=False, verbosity=0)
    # Content types, permissions and groups come back with their ids from the backup.
    leeren()
    call_command("loaddata", str(datei), verbosity=0)


def leeren() -> None:
    """Empties every table (flush), also inside a transaction that has pending foreign-key checks."""
    postgres = connection.vendor == "postgresql"
    if postgres:
        # PostgreSQL refuses to truncate tables with deferred checks pending; run them first.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    if postgres:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _medien_einspielen(dateien: dict[str, bytes]) -> None:
    for name, daten in dateien.items():
        if default_storage.exists(name):
            default_storage.delete(name)
        gespeichert = default_storage.save(name, ContentFile(daten))
        if gespeichert != name:
            raise SicherungFehler(f"Die Datei {name} wurde als {gespeichert} abgelegt.")


def wiederherstellen(quelle: Path, *, erzwingen: bool = False, pruefsumme: str | None = None) -> dict:
    """Restores the archive `quelle` into this (empty) database and media storage; returns the manifest.
    Refuses a damaged archive and, unless `erzwingen`, a database or storage that holds data."""
    pruefsumme_pruefen(quelle, pruefsumme)
    with tarfile.open(quelle, "r:gz") as archiv:
        manifest, dump, dateien = _teile_pruefen(archiv)
    if not erzwingen and connection.introspection.table_names() and not leer():
        raise SicherungFehler("Die Datenbank oder die Dateiablage enthält schon Daten; wiederhergestellt wird nur "
                              "in eine leere. Mit --erzwingen werden die vorhandenen Daten ersetzt.")
    with tempfile.TemporaryDirectory() as tmp:
        _datenbank_einspielen(manifest["datenbank"]["art"], dump, Path(tmp))
    _medien_einspielen(dateien)
    jetzt = zeilen()
    abweichend = {label: (anzahl, jetzt.get(label)) for label, anzahl in manifest["zeilen"].items()
                  if jetzt.get(label) != anzahl}
    if abweichend:
        raise SicherungFehler(f"Nach der Wiederherstellung weichen Zeilenzahlen ab (erwartet, vorhanden): {abweichend}")
    # The restored data state is an older number that running processes may have cached figures under.
    datenstand.neu_beginnen()
    return manifest
