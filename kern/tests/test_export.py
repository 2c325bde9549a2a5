import datetime as dt
from decimal import Decimal

from kern.export import Spalte, csv_antwort

SPALTEN = [Spalte("Titel", lambda z: z[0]), Spalte("Betrag (€)", lambda z: z[1], "geld"),
           Spalte("Anzahl", lambda z: z[2], "zahl"), Spalte("Beginn", lambda z: z[3], "datum")]


def test_csv_has_german_numbers_without_grouping_and_neutralised_formulas():
    antwort = csv_antwort("Projekte", SPALTEN, [("=SUMME(A1)", Decimal("1234567.8"), 1500, dt.date(2026, 11, 21)),
                                                ("Sprachcafé", None, Decimal("2.5"), None)])
    text = antwort.getvalue().decode("utf-8")
    assert text.startswith("\ufeffTitel;Betrag (€);Anzahl;Beginn\r\n")
    assert "'=SUMME(A1);1234567,80;1500;21.11.2026\r\n" in text
    assert "Sprachcafé;;2,5;\r\n" in text
    assert antwort["Content-Disposition"] == "attachment; filename=\"Projekte.csv\"; filename*=UTF-8''Projekte.csv"


def test_csv_streams_its_first_rows_before_the_last_row_is_read():
    gelesen = []

    def zeilen():
        for i in range(5000):
            gelesen.append(i)
            yield (f"Projekt {i}", Decimal("1"), i, None)

    antwort = csv_antwort("Projekte", SPALTEN, zeilen())
    assert antwort.streaming
    stuecke = iter(antwort.streaming_content)
    assert next(stuecke).decode("utf-8").startswith("\ufeffTitel;")
    assert "Projekt 0;1,00;0;" in next(stuecke).decode("utf-8")
    assert len(gelesen) < 5000  # only the first block was read
    assert b"Projekt 4999;" in b"".join(stuecke)


def test_xlsx_is_written_in_write_only_mode_with_formats_and_frozen_header():
    import io

    from openpyxl import load_workbook

    from kern.export import xlsx_antwort

    antwort = xlsx_antwort("Projekte", SPALTEN, [("=1+1", Decimal("1234.5"), 3, dt.date(2026, 11, 21))])
    assert antwort.streaming
    blatt = load_workbook(io.BytesIO(antwort.getvalue())).active
    assert [c.value for c in blatt[1]] == ["Titel", "Betrag (€)", "Anzahl", "Beginn"]
    assert blatt["A1"].font.bold and blatt.freeze_panes == "A2"
    assert blatt["A2"].value == "'=1+1" and blatt["B2"].value == 1234.5
    assert blatt["B2"].number_format == '#,##0.00 "€"' and blatt["D2"].number_format == "DD.MM.YYYY"
