"""CSV and XLSX export of exactly the rows a list shows (after scoping and filtering).

A column is (header, getter, kind) with kind one of "text", "geld", "zahl", "datum".
Text cells that a spreadsheet would read as a formula (= + - @, tab, CR) get a leading
apostrophe. Numbers in CSV carry no thousands separator; in XLSX they are real numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import quote

from django.http import HttpResponse

from .format import datum, deutsche_zahl

FORMELZEICHEN = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Spalte:
    titel: str
    wert: Callable[[object], object]
    art: str = "text"


def neutralisieren(text: str) -> str:
    return "'" + text if text.startswith(FORMELZEICHEN) else text


def _csv_zelle(wert, art: str) -> str:
    if wert is None:
        return ""
    if art == "geld" and isinstance(wert, (int, float, Decimal)):
        return deutsche_zahl(Decimal(wert), 2, gruppiert=False)
    if art == "zahl" and isinstance(wert, (int, float, Decimal)):
        return deutsche_zahl(wert, gruppiert=False)
    if isinstance(wert, dt.date):
        return datum(wert)
    return neutralisieren(str(wert))


def _anhang(response: HttpResponse, dateiname: str) -> HttpResponse:
    ascii_name = dateiname.encode("ascii", "replace").decode().replace("?", "_")
    response["Content-Disposition"] = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(dateiname)}"
    return response


def csv_antwort(dateiname: str, spalten: list[Spalte], zeilen: Iterable) -> HttpResponse:
    puffer = io.StringIO()
    schreiber = csv.writer(puffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    schreiber.writerow([s.titel for s in spalten])
    for zeile in zeilen:
        schreiber.writerow([_csv_zelle(s.wert(zeile), s.art) for s in spalten])
    # A BOM lets spreadsheet programs recognise UTF-8 (umlauts).
    response = HttpResponse("\ufeff" + puffer.getvalue(), content_type="text/csv; charset=utf-8")
    return _anhang(response, f"{dateiname}.csv")


def xlsx_antwort(dateiname: str, spalten: list[Spalte], zeilen: Iterable, *, blatt: str = "Export") -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    mappe = Workbook(write_only=False)
    tabelle = mappe.active
    tabelle.title = blatt[:31]
    tabelle.append([s.titel for s in spalten])
    for zelle in tabelle[1]:
        zelle.font = Font(bold=True)
    formate = {"geld": '#,##0.00 "€"', "zahl": "#,##0", "datum": "DD.MM.YYYY"}
    for zeile in zeilen:
        werte = []
        for s in spalten:
            wert = s.wert(zeile)
            if isinstance(wert, str):
                wert = neutralisieren(wert)
            elif isinstance(wert, Decimal):
                wert = float(wert)
            werte.append(wert)
        tabelle.append(werte)
    for index, s in enumerate(spalten, start=1):
        buchstabe = get_column_letter(index)
        tabelle.column_dimensions[buchstabe].width = max(12, min(50, len(s.titel) + 4))
        if s.art in formate:
            for (zelle,) in tabelle.iter_rows(min_row=2, min_col=index, max_col=index):
                zelle.number_format = formate[s.art]
    tabelle.freeze_panes = "A2"
    puffer = io.BytesIO()
    mappe.save(puffer)
    response = HttpResponse(puffer.getvalue(),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return _anhang(response, f"{dateiname}.xlsx")
