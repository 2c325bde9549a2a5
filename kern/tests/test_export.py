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
