"""Reading a receipt list (Belegliste) from CSV or XLSX, before anything is written.

Columns, found by their header: Datum; Empfänger; Zweck; Betrag; Kategorie (the plan category by its name,
e.g. „Sachausgaben“, or its key, e.g. `sachkosten`); other columns (a receipt number) are ignored and named.
CSV as the indicator import reads it (quartiere.einlesen: `;`, `,` or tab, UTF-8 with or without BOM,
UTF-16, Windows-1252); amounts German („1.234,56“, „1.234,56 €“) or plain („1234.56“). XLSX: the first sheet,
dates and numbers as Excel stores them. Every faulty row is reported with its line number and column; the
service writes all rows or none.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from kern.format import zahl_lesen
from quartiere.einlesen import Dateifehler, Fehler, _CsvZeilen, _normalisiert, _trennzeichen, dekodieren

from .nachweis import AUSGABEKATEGORIEN

HOECHSTENS_ZEILEN = 5000
GROESSTER_BETRAG = Decimal(10) ** 10
SPALTEN = {
    "datum": {"datum", "belegdatum", "zahlungsdatum", "rechnungsdatum"},
    "empfaenger": {"empfaenger", "zahlungsempfaenger", "lieferant", "payee"},
    "zweck": {"zweck", "verwendungszweck", "gegenstand", "beschreibung"},
    "betrag": {"betrag", "betrageur", "summe", "ausgabe"},
    "kategorie": {"kategorie", "plankategorie", "position", "ausgabenkategorie"},
}
SPALTENNAMEN = {"datum": "Datum", "empfaenger": "Empfänger", "zweck": "Zweck", "betrag": "Betrag",
                "kategorie": "Kategorie"}
LAENGEN = {"empfaenger": 200, "zweck": 250}

SPALTEN_FEHLEN = ("Die Kopfzeile braucht die Spalten Datum, Empfänger, Zweck, Betrag und Kategorie; es fehlt: {}. "
                  "Es wurde nichts importiert.")
KEINE_ZEILEN = "Unter der Kopfzeile steht kein Beleg. Es wurde nichts importiert."
ZU_VIELE_ZEILEN = "Die Datei hat mehr als {} Belege; bitte aufteilen. Es wurde nichts importiert."
XLSX_UNLESBAR = "Die Excel-Datei lässt sich nicht lesen (beschädigt oder kein XLSX). Es wurde nichts importiert."
LEER = "Spalte „{}“: leer"
KEIN_DATUM = "Spalte „Datum“: kein Datum: „{}“ (erwartet z. B. 21.03.2026)"
KEIN_BETRAG = "Spalte „Betrag“: keine Zahl: „{}“"
BETRAG_NICHT_POSITIV = "Spalte „Betrag“: der Betrag muss größer als 0 € sein: „{}“"
BETRAG_ZU_GROSS = "Spalte „Betrag“: Zahl zu groß: „{}“"
CENT_STELLEN = "Spalte „Betrag“: mehr als zwei Nachkommastellen: „{}“"
ZU_LANG = "Spalte „{}“: höchstens {} Zeichen"
UNBEKANNTE_KATEGORIE = "Spalte „Kategorie“: unbekannte Kategorie „{}“ (möglich: {})"

_KATEGORIEN = {}
for _schluessel, _name in AUSGABEKATEGORIEN:
    _KATEGORIEN[_normalisiert(_schluessel)] = _schluessel
    _KATEGORIEN[_normalisiert(_name)] = _schluessel
_KATEGORIEN.update({_normalisiert("Personal"): "personal", _normalisiert("Sachkosten"): "sachkosten",
                    _normalisiert("Honorar"): "honorare", _normalisiert("Sonstiges"): "sonstige"})


@dataclass(frozen=True)
class Belegzeile:
    zeile: int
    datum: dt.date
    empfaenger: str
    zweck: str
    betrag: Decimal
    kategorie: str


@dataclass
class Belegdatei:
    zeilen: list[Belegzeile] = field(default_factory=list)
    fehler: list[Fehler] = field(default_factory=list)
    hinweise: list[str] = field(default_factory=list)


def _datum(wert) -> dt.date | None:
    if isinstance(wert, dt.datetime):
        return wert.date()
    if isinstance(wert, dt.date):
        return wert
    text = str(wert).strip()
    for muster in ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, muster).date()
        except ValueError:
            continue
    return None


def _betrag(wert) -> tuple[Decimal | None, str | None]:
    text = str(wert).strip()
    if isinstance(wert, bool):
        return None, KEIN_BETRAG.format(text)
    try:
        if isinstance(wert, (int, float)):
            betrag = Decimal(repr(wert)) if isinstance(wert, float) else Decimal(wert)
        else:
            betrag = zahl_lesen(re.sub(r"(?i)\s*(€|eur)\s*$", "", text))
    except (ValueError, InvalidOperation):
        return None, KEIN_BETRAG.format(text)
    if not betrag.is_finite() or abs(betrag) >= GROESSTER_BETRAG:
        return None, BETRAG_ZU_GROSS.format(text)
    if betrag <= 0:
        return None, BETRAG_NICHT_POSITIV.format(text)
    if betrag != betrag.quantize(Decimal("0.01")):
        return None, CENT_STELLEN.format(text)
    return betrag.quantize(Decimal("0.01")), None


def _zeile_lesen(datei: Belegdatei, nummer: int, werte: dict[str, object]) -> None:
    gruende = []
    leer = [s for s, w in werte.items() if w is None or str(w).strip() == ""]
    gruende += [LEER.format(SPALTENNAMEN[s]) for s in leer]
    datum = betrag = kategorie = None
    if "datum" not in leer and (datum := _datum(werte["datum"])) is None:
        gruende.append(KEIN_DATUM.format(str(werte["datum"]).strip()))
    if "betrag" not in leer:
        betrag, grund = _betrag(werte["betrag"])
        gruende += [grund] if grund else []
    if "kategorie" not in leer and (kategorie := _KATEGORIEN.get(_normalisiert(str(werte["kategorie"])))) is None:
        gruende.append(UNBEKANNTE_KATEGORIE.format(str(werte["kategorie"]).strip()[:60],
                                                   ", ".join(name for _, name in AUSGABEKATEGORIEN)))
    for spalte, laenge in LAENGEN.items():
        if spalte not in leer and len(str(werte[spalte]).strip()) > laenge:
            gruende.append(ZU_LANG.format(SPALTENNAMEN[spalte], laenge))
    if gruende:
        datei.fehler.append(Fehler(nummer, "; ".join(gruende)))
        return
    datei.zeilen.append(Belegzeile(zeile=nummer, datum=datum, empfaenger=str(werte["empfaenger"]).strip(),
                                   zweck=str(werte["zweck"]).strip(), betrag=betrag, kategorie=kategorie))


def _kopf(kopf: list) -> tuple[dict[str, int], list[str]]:
    koepfe = [_normalisiert(str(k or "")) for k in kopf]
    spalten = {}
    for name, varianten in SPALTEN.items():
        treffer = next((i for i, k in enumerate(koepfe) if k in varianten), None)
        if treffer is not None:
            spalten[name] = treffer
    fehlen = [SPALTENNAMEN[s] for s in SPALTEN if s not in spalten]
    if fehlen:
        raise Dateifehler(SPALTEN_FEHLEN.format(", ".join(fehlen)))
    hinweise = [f"Die Spalte „{str(kopf[i]).strip()}“ wird nicht gelesen." for i in range(len(kopf))
                if i not in spalten.values() and str(kopf[i] or "").strip()]
    return spalten, hinweise


def _auswerten(zeilen) -> Belegdatei:
    """`zeilen`: (line number, cells) from the header on; the first row with content is the header."""
    kopf = None
    datei = Belegdatei()
    anzahl = 0
    for nummer, zellen in zeilen:
        if not any(z is not None and str(z).strip() for z in zellen):
            continue
        if kopf is None:
            kopf, datei.hinweise = _kopf(list(zellen))
            continue
        anzahl += 1
        if anzahl > HOECHSTENS_ZEILEN:
            raise Dateifehler(ZU_VIELE_ZEILEN.format(HOECHSTENS_ZEILEN))
        werte = {s: (zellen[i] if i < len(zellen) else None) for s, i in kopf.items()}
        _zeile_lesen(datei, nummer, werte)
    if kopf is None:
        raise Dateifehler("Die Datei ist leer.")
    if not datei.zeilen and not datei.fehler:
        raise Dateifehler(KEINE_ZEILEN)
    return datei


def _csv_zeilen(inhalt: bytes):
    text, _ = dekodieren(inhalt)
    leser = _CsvZeilen(csv.reader(io.StringIO(text, newline=""), delimiter=_trennzeichen(text)))
    for zellen in leser:
        yield leser.line_num, zellen


def _xlsx_zeilen(inhalt: bytes):
    from openpyxl import load_workbook

    try:
        mappe = load_workbook(io.BytesIO(inhalt), read_only=True, data_only=True)
        blatt = mappe.worksheets[0]
        for nummer, zellen in enumerate(blatt.iter_rows(values_only=True), start=1):
            yield nummer, list(zellen)
    except Dateifehler:
        raise
    except (zipfile.BadZipFile, KeyError, IndexError, ValueError, TypeError, OSError, EOFError,
            zipfile.LargeZipFile) as exc:
        raise Dateifehler(XLSX_UNLESBAR) from exc
    except Exception as exc:  # openpyxl raises many kinds on hostile files; none may reach the user as a 500
        raise Dateifehler(XLSX_UNLESBAR) from exc


def ist_xlsx(inhalt: bytes) -> bool:
    return inhalt.startswith(b"PK\x03\x04")


def lesen(inhalt: bytes) -> Belegdatei:
    """Parse a receipt list; raises Dateifehler when the file cannot be read at all."""
    return _auswerten(_xlsx_zeilen(inhalt) if ist_xlsx(inhalt) else _csv_zeilen(inhalt))
