"""CSV and XLSX export of exactly the rows a list shows (after scoping and filtering).

A column is (header, getter, kind) with kind one of "text", "geld", "zahl", "datum".
Text cells that a spreadsheet would read as a formula (= + - @, tab, CR) get a leading
apostrophe. Numbers in CSV carry no thousands separator; in XLSX they are real numbers. Both
stream: rows are read in chunks, CSV leaves as it is written, XLSX is written in openpyxl's
write-only mode to a temporary file and sent from there, so memory stays flat at any row count.
"""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import IO
from urllib.parse import quote

from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.http.response import HttpResponseBase

from .format import datum, deutsche_zahl

FORMELZEICHEN = ("=", "+", "-", "@", "\t", "\r")
FORMATE = {"geld": '#,##0.00 "€"', "zahl": "#,##0", "datum": "DD.MM.YYYY"}
XLSX_TYP = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BLOCK = 2000  # rows read from the database and written out at a time


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


def _anhang(response: HttpResponseBase, dateiname: str) -> HttpResponseBase:
    ascii_name = dateiname.encode("ascii", "replace").decode().replace("?", "_")
    response["Content-Disposition"] = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(dateiname)}"
    return response


def zeilen_einzeln(zeilen: Iterable) -> Iterator:
    """The rows one by one; a queryset is read in chunks (prefetches included), never all at once."""
    if isinstance(zeilen, QuerySet):
        return zeilen.iterator(chunk_size=BLOCK)
    return iter(zeilen)


class _Puffer:
    """A file-like object whose write() hands the line back, for csv.writer in a generator."""

    def write(self, text: str) -> str:
        return text


def csv_zeilen(spalten: list[Spalte], zeilen: Iterable) -> Iterator[bytes]:
    schreiber = csv.writer(_Puffer(), delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    # A BOM lets spreadsheet programs recognise UTF-8 (umlauts).
    yield ("\ufeff" + schreiber.writerow([s.titel for s in spalten])).encode("utf-8")
    block = []
    for zeile in zeilen_einzeln(zeilen):
        block.append(schreiber.writerow([_csv_zelle(s.wert(zeile), s.art) for s in spalten]))
        if len(block) >= BLOCK:
            yield "".join(block).encode("utf-8")
            block = []
    if block:
        yield "".join(block).encode("utf-8")


def csv_schreiben(ziel: IO[bytes], spalten: list[Spalte], zeilen: Iterable,
                  fortschritt: Callable[[int], None] | None = None) -> int:
    """Writes the CSV into a file, block by block; returns the row count (the header not counted)."""
    anzahl = [0]

    def gezaehlt():
        for zeile in zeilen_einzeln(zeilen):
            anzahl[0] += 1
            if fortschritt and anzahl[0] % BLOCK == 0:
                fortschritt(anzahl[0])
            yield zeile

    for stueck in csv_zeilen(spalten, gezaehlt()):
        ziel.write(stueck)
    return anzahl[0]


def csv_antwort(dateiname: str, spalten: list[Spalte], zeilen: Iterable) -> StreamingHttpResponse:
    """Streams the CSV: the first bytes leave before the last row is read, memory stays flat."""
    response = StreamingHttpResponse(csv_zeilen(spalten, zeilen), content_type="text/csv; charset=utf-8")
    return _anhang(response, f"{dateiname}.csv")


def _xlsx_wert(wert):
    if isinstance(wert, str):
        return neutralisieren(wert)
    if isinstance(wert, Decimal):
        return float(wert)
    return wert


def xlsx_schreiben(ziel: IO[bytes], spalten: list[Spalte], zeilen: Iterable, *, blatt: str = "Export",
                   fortschritt: Callable[[int], None] | None = None) -> int:
    """Writes the workbook in openpyxl's write-only mode (rows go to disk, not into memory); returns the row count."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    mappe = Workbook(write_only=True)
    tabelle = mappe.create_sheet(blatt[:31])
    for index, s in enumerate(spalten, start=1):
        tabelle.column_dimensions[get_column_letter(index)].width = max(12, min(50, len(s.titel) + 4))
    tabelle.freeze_panes = "A2"
    fett = Font(bold=True)
    kopf = []
    for s in spalten:
        zelle = WriteOnlyCell(tabelle, value=s.titel)
        zelle.font = fett
        kopf.append(zelle)
    tabelle.append(kopf)
    formate = [FORMATE.get(s.art) for s in spalten]
    anzahl = 0
    for zeile in zeilen_einzeln(zeilen):
        werte = []
        for s, format_ in zip(spalten, formate):
            wert = _xlsx_wert(s.wert(zeile))
            if format_ and wert is not None:
                zelle = WriteOnlyCell(tabelle, value=wert)
                zelle.number_format = format_
                wert = zelle
            werte.append(wert)
        tabelle.append(werte)
        anzahl += 1
        if fortschritt and anzahl % BLOCK == 0:
            fortschritt(anzahl)
    mappe.save(ziel)
    return anzahl


def _datei_stueckweise(datei: IO[bytes]) -> Iterator[bytes]:
    try:
        datei.seek(0)
        while stueck := datei.read(2**16):
            yield stueck
    finally:
        datei.close()


def xlsx_antwort(dateiname: str, spalten: list[Spalte], zeilen: Iterable, *, blatt: str = "Export") -> StreamingHttpResponse:
    """The workbook is built in a temporary file (write-only mode: flat memory) and streamed from there."""
    datei = tempfile.TemporaryFile()
    xlsx_schreiben(datei, spalten, zeilen, blatt=blatt)
    response = StreamingHttpResponse(_datei_stueckweise(datei), content_type=XLSX_TYP)
    return _anhang(response, f"{dateiname}.xlsx")
