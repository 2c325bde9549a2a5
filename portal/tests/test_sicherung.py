"""Backup and restore: a round trip gives the same rows, files, report and figures; a damaged archive
or a database with data is refused and nothing changes."""

import hashlib
import re
import shutil
import tarfile
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from berichte.models import Bericht
from portal.sicherung import leer, leeren, zeilen
from programme.models import Bewilligung, Jahresbudget
from quartiere.models import Gebiet, Person
from testhilfen.quartiere import PersonFactory, StadtFactory


def _leeren(settings):
    leeren()
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def _bericht_html(tmp_path, name) -> str:
    ziel = tmp_path / name
    call_command("bericht", "programmjahresbericht", "--programm", "WiN", "--jahr", "2017", "-o", str(ziel),
                 stdout=StringIO())
    return ziel.read_text(encoding="utf-8")


def _zahlen():
    return (Bewilligung.objects.bewilligt().summe(), Jahresbudget.objects.programmbudgets().summe(),
            sorted(Jahresbudget.objects.values_list("pk", "betrag")))


def test_a_restored_instance_holds_the_same_rows_files_report_and_figures(demodaten, settings, tmp_path):
    vorher, zahlen, html = zeilen(), _zahlen(), _bericht_html(tmp_path, "vorher.html")
    pdfs = {b.datei.name: b.sha256 for b in Bericht.objects.all()}
    assert pdfs and re.search(r"\d{1,3}(\.\d{3})+,\d{2}", html)
    erstes = next(iter(pdfs))
    bytes_vorher = default_storage.open(erstes).read()
    archiv = tmp_path / "sicherung.tar.gz"
    call_command("sicherung", "-o", str(archiv), "--datenbank", "json", stdout=StringIO())
    assert (tmp_path / "sicherung.tar.gz.sha256").read_text().split()[0] == hashlib.sha256(archiv.read_bytes()).hexdigest()

    _leeren(settings)
    assert leer() and Bericht.objects.count() == 0
    ausgabe = StringIO()
    call_command("wiederherstellung", str(archiv), stdout=ausgabe)
    assert "alle Prüfsummen und Zeilenzahlen stimmen" in ausgabe.getvalue()

    assert zeilen() == vorher
    assert _zahlen() == zahlen
    assert default_storage.open(erstes).read() == bytes_vorher
    for bericht in Bericht.objects.all():
        assert hashlib.sha256(default_storage.open(bericht.datei.name).read()).hexdigest() == bericht.sha256
    assert {b.datei.name: b.sha256 for b in Bericht.objects.all()} == pdfs
    assert _bericht_html(tmp_path, "nachher.html") == html


@pytest.mark.django_db(transaction=True)
def test_round_trip_in_this_database_with_its_own_dump_tool(settings, tmp_path):
    # pg_dump/pg_restore on PostgreSQL (DATABASE_URL), dumpdata/loaddata on SQLite.
    StadtFactory(name="Sicherstadt")
    PersonFactory(vorname="Rosa", nachname="Rückholt")
    default_storage.save("sicherung-test/akte.bin", ContentFile(bytes(range(256)) * 40))
    vorher = zeilen()
    archiv = tmp_path / "s.tar.gz"
    call_command("sicherung", "-o", str(archiv), stdout=StringIO())
    with tarfile.open(archiv) as inhalt:
        namen = inhalt.getnames()
    assert ("datenbank.pgdump" if connection.vendor == "postgresql" else "datenbank.json") in namen

    _leeren(settings)
    call_command("wiederherstellung", str(archiv), stdout=StringIO())
    assert zeilen() == vorher
    assert Person.objects.get().nachname == "Rückholt" and Gebiet.objects.filter(name="Sicherstadt").exists()
    assert default_storage.open("sicherung-test/akte.bin").read() == bytes(range(256)) * 40


@pytest.mark.django_db
def test_a_database_with_data_is_refused_unless_forced(settings, tmp_path):
    PersonFactory(nachname="Bleibt")
    archiv = tmp_path / "s.tar.gz"
    call_command("sicherung", "-o", str(archiv), "--datenbank", "json", stdout=StringIO())
    PersonFactory(nachname="Neuer")
    with pytest.raises(CommandError, match="enthält schon Daten"):
        call_command("wiederherstellung", str(archiv))
    assert Person.objects.count() == 2
    call_command("wiederherstellung", str(archiv), "--erzwingen", stdout=StringIO())
    assert list(Person.objects.values_list("nachname", flat=True)) == ["Bleibt"]


@pytest.mark.django_db
def test_a_damaged_archive_or_a_missing_checksum_changes_nothing(settings, tmp_path):
    PersonFactory(nachname="Original")
    archiv = tmp_path / "s.tar.gz"
    call_command("sicherung", "-o", str(archiv), "--datenbank", "json", stdout=StringIO())
    _leeren(settings)
    daten = bytearray(archiv.read_bytes())
    daten[len(daten) // 2] ^= 0xFF
    kaputt = tmp_path / "kaputt.tar.gz"
    kaputt.write_bytes(bytes(daten))
    shutil.copy(f"{archiv}.sha256", f"{kaputt}.sha256")
    with pytest.raises(CommandError, match="SHA-256 des Archivs stimmt nicht"):
        call_command("wiederherstellung", str(kaputt))
    (tmp_path / "ohne.tar.gz").write_bytes(archiv.read_bytes())
    with pytest.raises(CommandError, match="Prüfsummendatei ohne.tar.gz.sha256 fehlt"):
        call_command("wiederherstellung", str(tmp_path / "ohne.tar.gz"))
    assert Person.objects.count() == 0
