"""Reading indicator CSV files as statistics offices hand them out, before any database lookup.

Accepted: long form (area, indicator, year, value: one value a row) and wide form (area,
indicator, one column per year); `;`, `,` or tab separated; German (1.234,5) or plain (1234.5)
numbers; UTF-8 with or without BOM, UTF-16 with BOM and Windows-1252. The result is a list of raw
values with their line numbers and a list of errors; resolving areas and indicators is the
service's job (quartiere.services).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from kern.fehler import Regelverstoss
from kern.format import KOMMA, PUNKT, lesbar, messwert, zahl_lesen

# Reasons, defined once: the pages and the tests use the same text.
KEINE_ZAHL = "keine Zahl: „{}“"
UNGUELTIGES_JAHR = "ungültiges Jahr: „{}“"
FALSCHE_SPALTENZAHL = ("{} Spalten statt {} wie in der Kopfzeile (Dezimalkomma in einer kommagetrennten Datei? "
                       "Dann Werte in Anführungszeichen setzen oder Semikolon als Trennzeichen verwenden)")
ZAHL_ZU_GROSS = "Zahl zu groß: „{}“"
KEINE_WERTE = ("Die Datei enthält keine Werte: unter der Kopfzeile steht keine Zeile mit einer Zahl. "
               "Es wurde nichts importiert.")
GEBIET_FEHLT = "kein Gebiet angegeben"
INDIKATOR_FEHLT = "kein Indikator angegeben"

# Indikatorwert.wert holds 14 digits, 4 of them after the decimal point.
GROESSTE_ZAHL = Decimal(10) ** 10

# Statistics offices mark missing or secret values with these signs; such cells carry no value.
OHNE_WERT = {"", "-", "–", "—", ".", "x", "X", "/", "*", "...", "…", "k. A.", "k.A.", "n. v.", "NA", "n/a"}

SPALTEN_GEBIET_NUMMER = {"kennziffer", "gebietsnummer", "gebietsnr", "gebietskennziffer", "nummer", "nr",
                         "raumnummer", "schluesselnummer"}
SPALTEN_GEBIET_NAME = {"gebiet", "gebietsname", "name", "quartier", "stadtteil", "ortsteil", "stadtbezirk",
                       "bezirk", "sozialraum", "raum", "planungsraum", "wohnquartier"}
SPALTEN_STADT = {"stadt", "gemeinde", "kommune"}
SPALTEN_INDIKATOR = {"indikator", "indikatorschluessel", "schluessel", "merkmal", "kennzahl", "key"}
SPALTEN_JAHR = {"jahr", "berichtsjahr", "stichjahr"}
SPALTEN_WERT = {"wert", "indikatorwert"}
SPALTEN_PROGNOSE = {"prognose", "istprognose"}
JA = {"1", "ja", "j", "x", "true", "wahr", "prognose", "p"}

JAHRESSPALTE = re.compile(r"^(prognose\s*)?(\d{4})(\s*(?:p|\(p\)|prognose|\(prognose\)))?$", re.IGNORECASE)


class Dateifehler(Regelverstoss):
    """The file as a whole cannot be read (encoding, no header, unknown layout)."""


@dataclass(frozen=True)
class Fehler:
    zeile: int
    grund: str

    def __str__(self) -> str:
        return f"Zeile {self.zeile}: {self.grund}"


@dataclass(frozen=True)
class Rohwert:
    zeile: int
    gebiet_nummer: str
    gebiet_name: str
    stadt: str
    indikator: str
    jahr: int
    wert: Decimal
    prognose: bool | None  # None: not stated in the file
    text: str = ""  # the cell as written


# A number with thousands groups only: "1.234" in a file with decimal commas (1234, or 1,234 meant?),
# "1,234" in one with decimal points.
_NUR_TAUSENDER = {KOMMA: re.compile(r"^-?\d{1,3}(?:\.\d{3})+$"), PUNKT: re.compile(r"^-?\d{1,3}(?:,\d{3})+$")}


@dataclass(frozen=True)
class Mehrdeutig:
    """A value whose reading depends on the file's decimal sign; the staff confirm how it was read."""

    zeile: int
    jahr: int
    text: str
    gelesen: Decimal
    anders: Decimal  # what it would be with the other decimal sign

    @property
    def gelesen_text(self) -> str:
        return messwert(self.gelesen, hoechstens=4)

    @property
    def anders_text(self) -> str:
        return messwert(self.anders, hoechstens=4)


@dataclass
class Datei:
    format: str  # "lang" | "breit"
    kodierung: str
    trennzeichen: str
    dezimal: str  # "komma" | "punkt"
    werte: list[Rohwert] = field(default_factory=list)
    fehler: list[Fehler] = field(default_factory=list)
    hinweise: list[str] = field(default_factory=list)
    mehrdeutig: list[Mehrdeutig] = field(default_factory=list)
    ohne_wert: int = 0

    @property
    def trennzeichen_name(self) -> str:
        return {";": "Semikolon", ",": "Komma", "\t": "Tabulator"}[self.trennzeichen]


def dekodieren(inhalt: bytes) -> tuple[str, str]:
    if inhalt.startswith(b"PK\x03\x04"):
        raise Dateifehler("Das ist eine Excel- oder ZIP-Datei, keine CSV-Datei. Bitte in Excel „Speichern unter“ "
                          "→ „CSV (Trennzeichen-getrennt)“ wählen.")
    if inhalt.startswith(codecs.BOM_UTF8):
        try:
            return inhalt[len(codecs.BOM_UTF8):].decode("utf-8"), "UTF-8 mit BOM"
        except UnicodeDecodeError as exc:
            raise Dateifehler("Die Datei beginnt wie UTF-8, enthält aber ungültige Zeichen.") from exc
    if inhalt.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return inhalt.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as exc:
            raise Dateifehler("Die Datei beginnt wie UTF-16, enthält aber ungültige Zeichen.") from exc
    if b"\x00" in inhalt:
        raise Dateifehler("Die Datei enthält Binärdaten und ist keine CSV-Datei.")
    try:
        return inhalt.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return inhalt.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as exc:
        raise Dateifehler("Die Zeichenkodierung ist weder UTF-8 noch Windows-1252.") from exc


def _normalisiert(kopf: str) -> str:
    text = kopf.strip().strip('"').lower()
    for alt, neu in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(alt, neu)
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]", "", text)


def _trennzeichen(text: str) -> str:
    erste = next((z for z in text.splitlines() if z.strip()), "")
    if not erste:
        raise Dateifehler("Die Datei ist leer.")
    # Count separators outside quotes only.
    ohne_zitate = re.sub(r'"[^"]*"', "", erste)
    zaehlung = {z: ohne_zitate.count(z) for z in (";", ",", "\t")}
    bestes = max(zaehlung, key=lambda z: zaehlung[z])
    if zaehlung[bestes] == 0:
        raise Dateifehler("Die Kopfzeile hat nur eine Spalte: Spalten müssen durch Semikolon oder Komma "
                          "getrennt sein.")
    return bestes


def dezimal_erkennen(zellen: list[str], trennzeichen: str) -> str:
    """'komma' or 'punkt': the convention most cells can only be read in; ties follow the separator."""
    nur_komma = nur_punkt = 0
    for zelle in zellen:
        komma, punkt = lesbar(zelle, KOMMA), lesbar(zelle, PUNKT)
        nur_komma += komma and not punkt
        nur_punkt += punkt and not komma
    if nur_komma != nur_punkt:
        return KOMMA if nur_komma > nur_punkt else PUNKT
    return KOMMA if trennzeichen == ";" else PUNKT


def _spalte(koepfe: list[str], namen: set[str]) -> int | None:
    for i, kopf in enumerate(koepfe):
        if kopf in namen:
            return i
    return None


@dataclass(frozen=True)
class _Spalten:
    """Where the header puts each column (None: not in the file) and the layout it implies."""

    nummer: int | None
    name: int | None
    stadt: int | None
    indikator: int | None
    jahr: int | None
    wert: int | None
    prognose: int | None
    jahresspalten: dict[int, tuple[int, bool]]  # index -> (year, forecast)
    format: str  # "lang" | "breit"

    def wertspalten(self) -> list[int]:
        return [self.wert] if self.format == "lang" else list(self.jahresspalten)


def _spalten(kopf: list[str], indikator_vorgabe: str) -> _Spalten:
    koepfe = [_normalisiert(k) for k in kopf]
    jahresspalten = {}
    for i, roh in enumerate(kopf):
        treffer = JAHRESSPALTE.match(roh.strip().strip('"'))
        if treffer and 1900 <= int(treffer.group(2)) <= 2100:
            jahresspalten[i] = (int(treffer.group(2)), bool(treffer.group(1) or treffer.group(3)))
    nummer, name = _spalte(koepfe, SPALTEN_GEBIET_NUMMER), _spalte(koepfe, SPALTEN_GEBIET_NAME)
    indikator, jahr, wert = (_spalte(koepfe, SPALTEN_INDIKATOR), _spalte(koepfe, SPALTEN_JAHR),
                             _spalte(koepfe, SPALTEN_WERT))
    if nummer is None and name is None:
        raise Dateifehler("Keine Gebietsspalte gefunden: die Kopfzeile braucht eine Spalte „Gebiet“ "
                          "(Name oder Nummer) oder „Kennziffer“.")
    if indikator is None and not indikator_vorgabe:
        raise Dateifehler("Keine Indikatorspalte gefunden: die Kopfzeile braucht eine Spalte „Indikator“ "
                          "(Schlüssel wie sgb2_quote), oder der Indikator wird für die ganze Datei angegeben.")
    if jahr is not None and wert is not None:
        format_ = "lang"
    elif jahresspalten:
        format_ = "breit"
    else:
        raise Dateifehler("Format nicht erkannt: die Kopfzeile braucht entweder die Spalten „Jahr“ und „Wert“ "
                          "(Langform) oder eine Spalte je Jahr wie „2024“ (Breitform).")
    return _Spalten(nummer=nummer, name=name, stadt=_spalte(koepfe, SPALTEN_STADT), indikator=indikator, jahr=jahr,
                    wert=wert, prognose=_spalte(koepfe, SPALTEN_PROGNOSE), jahresspalten=jahresspalten,
                    format=format_)


def _nicht_gelesen(kopf: list[str], sp: _Spalten) -> list[str]:
    bekannt = {i for i in (sp.nummer, sp.name, sp.stadt, sp.indikator, sp.jahr, sp.wert, sp.prognose) if i is not None}
    if sp.format == "breit":
        bekannt |= set(sp.jahresspalten)
    return [f"Die Spalte „{kopf[i].strip()}“ wird nicht gelesen." for i in range(len(kopf))
            if i not in bekannt and kopf[i].strip()]


def _zelle(zellen: list[str], index: int | None) -> str:
    return zellen[index].strip() if index is not None and index < len(zellen) else ""


def _zeile_lesen(datei: Datei, zeilennummer: int, zellen: list[str], *, kopf: list[str], sp: _Spalten,
                 indikator_vorgabe: str) -> None:
    """Add the row's values to `datei`, or the reason the row cannot be read."""
    if len(zellen) > len(kopf) and any(z.strip() for z in zellen[len(kopf):]):
        datei.fehler.append(Fehler(zeilennummer, FALSCHE_SPALTENZAHL.format(len(zellen), len(kopf))))
        return
    gebiet_nummer, gebiet_name = _zelle(zellen, sp.nummer), _zelle(zellen, sp.name)
    if not gebiet_nummer and not gebiet_name:
        datei.fehler.append(Fehler(zeilennummer, GEBIET_FEHLT))
        return
    indikator_text = _zelle(zellen, sp.indikator) or indikator_vorgabe
    if not indikator_text:
        datei.fehler.append(Fehler(zeilennummer, INDIKATOR_FEHLT))
        return
    gemeinsam = {"zeile": zeilennummer, "gebiet_nummer": gebiet_nummer, "gebiet_name": gebiet_name,
                 "stadt": _zelle(zellen, sp.stadt), "indikator": indikator_text}
    if sp.format == "lang":
        jahr_text = _zelle(zellen, sp.jahr)
        if not re.fullmatch(r"\d{4}", jahr_text) or not 1900 <= int(jahr_text) <= 2100:
            datei.fehler.append(Fehler(zeilennummer, UNGUELTIGES_JAHR.format(jahr_text)))
            return
        ist_prognose = None if sp.prognose is None else _zelle(zellen, sp.prognose).lower() in JA
        paare = [(int(jahr_text), _zelle(zellen, sp.wert), ist_prognose)]
    else:
        paare = [(j, _zelle(zellen, i), True if ist_prognose else None)
                 for i, (j, ist_prognose) in sp.jahresspalten.items()]
    probleme = []
    for jahr_wert, wert_text, ist_prognose in paare:
        if wert_text in OHNE_WERT:
            datei.ohne_wert += 1
            continue
        try:
            zahl = zahl_lesen(wert_text, datei.dezimal)
        except ValueError:
            probleme.append((jahr_wert, KEINE_ZAHL.format(wert_text)))
            continue
        if abs(zahl) >= GROESSTE_ZAHL:
            probleme.append((jahr_wert, ZAHL_ZU_GROSS.format(wert_text)))
            continue
        if _NUR_TAUSENDER[datei.dezimal].match(wert_text.replace(" ", "")):
            anders = zahl_lesen(wert_text, PUNKT if datei.dezimal == KOMMA else KOMMA)
            datei.mehrdeutig.append(Mehrdeutig(zeilennummer, jahr_wert, wert_text, zahl, anders))
        datei.werte.append(Rohwert(jahr=jahr_wert, wert=zahl, prognose=ist_prognose, text=wert_text, **gemeinsam))
    if sp.format == "lang" or len(probleme) == 1 and len(paare) == 1:
        datei.fehler.extend(Fehler(zeilennummer, grund) for _, grund in probleme)
    elif probleme:
        # One report per row of a wide file, naming each column at fault.
        datei.fehler.append(Fehler(zeilennummer, "; ".join(f"Spalte {jahr}: {grund}" for jahr, grund in probleme)))


FELD_ZU_LANG = "Zeile {zeile}: ein Feld ist zu lang (mehr als {grenze} Zeichen); die Datei wird nicht gelesen."
CSV_UNLESBAR = "Zeile {zeile}: die Zeile ist keine gültige CSV-Zeile; die Datei wird nicht gelesen."


class _CsvZeilen:
    """The csv reader, with its errors (a field over the size limit, a stray NUL) as a Dateifehler."""

    def __init__(self, leser):
        self.leser = leser

    @property
    def line_num(self) -> int:
        return self.leser.line_num

    def __iter__(self):
        return self

    def __next__(self) -> list[str]:
        try:
            return next(self.leser)
        except csv.Error as exc:
            zeile = self.leser.line_num
            if "field larger than field limit" in str(exc):
                raise Dateifehler(FELD_ZU_LANG.format(zeile=zeile, grenze=f"{csv.field_size_limit():,}".replace(
                    ",", "."))) from None
            raise Dateifehler(CSV_UNLESBAR.format(zeile=zeile)) from None


def lesen(inhalt: bytes, *, indikator_vorgabe: str = "") -> Datei:
    """Parse the file; raises Dateifehler when it cannot be read at all."""
    text, kodierung = dekodieren(inhalt)
    trennzeichen = _trennzeichen(text)
    roh = csv.reader(io.StringIO(text, newline=""), delimiter=trennzeichen)
    leser = _CsvZeilen(roh)
    kopf = next(leser, None)
    while kopf is not None and not any(z.strip() for z in kopf):
        kopf = next(leser, None)
    if kopf is None:
        raise Dateifehler("Die Datei ist leer.")
    kopfzeile = leser.line_num
    sp = _spalten(kopf, indikator_vorgabe)
    hinweise = _nicht_gelesen(kopf, sp)
    zeilen = [(leser.line_num, zellen) for zellen in leser if any(z.strip() for z in zellen)]
    dezimal = dezimal_erkennen([z[i] for _, z in zeilen for i in sp.wertspalten() if i < len(z)], trennzeichen)
    datei = Datei(format=sp.format, kodierung=kodierung, trennzeichen=trennzeichen, dezimal=dezimal, hinweise=hinweise)
    for zeilennummer, zellen in zeilen:
        _zeile_lesen(datei, zeilennummer, zellen, kopf=kopf, sp=sp, indikator_vorgabe=indikator_vorgabe)
    if not datei.werte and not datei.fehler:
        raise Dateifehler(KEINE_WERTE)
    if kopfzeile > 1:
        datei.hinweise.insert(0, f"Die Kopfzeile steht in Zeile {kopfzeile}.")
    return datei
