from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from quartiere.models import Indikatorimport, Indikatorwert
from testhilfen.quartiere import GebietFactory, IndikatorFactory, StadtFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def datei(tmp_path):
    stadt = StadtFactory(name="Musterstadt")
    GebietFactory(parent=stadt, name="Südstadt", kennziffer="01")
    IndikatorFactory(schluessel="sgb2_quote", name="SGB-II-Quote", einheit="")
    pfad = tmp_path / "werte.csv"
    pfad.write_bytes("Gebiet;Indikator;2023;2024\nSüdstadt;sgb2_quote;21,5;12.345,5\n".encode("cp1252"))
    return pfad


def test_dry_run_shows_what_would_be_added_and_writes_nothing(datei, capsys):
    call_command("indikatoren_import", str(datei), "--dry-run")
    ausgabe = capsys.readouterr().out
    assert "Breitform, Windows-1252, Trennzeichen Semikolon, Dezimalzeichen Komma" in ausgabe
    assert "neu: Zeile 2: Südstadt (01) · SGB-II-Quote · 2024: 12.345,5" in ausgabe
    assert "Probelauf: 2 neu, 0 geändert, 0 unverändert. Es wurde nichts gespeichert." in ausgabe
    assert not Indikatorwert.objects.exists() and not Indikatorimport.objects.exists()


def test_import_writes_and_records_then_shows_changes(datei, capsys, verwaltung):
    call_command("indikatoren_import", str(datei), "--benutzer", "verwaltung")
    assert "Gespeichert: 2 neu, 0 geändert, 0 unverändert." in capsys.readouterr().out
    protokoll = Indikatorimport.objects.get()
    assert (protokoll.durch, protokoll.quelle, protokoll.dateiname) == (verwaltung, "befehl", "werte.csv")
    assert sorted(Indikatorwert.objects.values_list("wert", flat=True)) == [Decimal("21.5"), Decimal("12345.5")]

    datei.write_bytes("Gebiet;Indikator;2023;2024\nSüdstadt;sgb2_quote;21,7;12.345,5\n".encode("cp1252"))
    call_command("indikatoren_import", str(datei), "--dry-run")
    assert "geändert: Zeile 2: Südstadt (01) · SGB-II-Quote · 2023: 21,5 → 21,7" in capsys.readouterr().out


def test_bad_rows_are_listed_with_their_line_and_nothing_is_written(datei, capsys):
    datei.write_text("Gebiet;Indikator;Jahr;Wert\nSüdstadt;sgb2_quote;2023;1\nOststadt;sgb2_quote;2023;2\n",
                     encoding="utf-8")
    with pytest.raises(CommandError, match="Die Datei enthält 1 Fehler; es wurde nichts gespeichert."):
        call_command("indikatoren_import", str(datei))
    assert "Zeile 3: unbekanntes Gebiet: „Oststadt“" in capsys.readouterr().err
    assert not Indikatorwert.objects.exists()


def test_missing_file_and_unknown_user_are_refused(datei):
    with pytest.raises(CommandError, match="Datei nicht gefunden"):
        call_command("indikatoren_import", "/nirgends/werte.csv")
    with pytest.raises(CommandError, match="Unbekannter Benutzer: niemand"):
        call_command("indikatoren_import", str(datei), "--benutzer", "niemand")
