"""German numbers and dates, written and read: 1.750.000,00 €, 12,5 %, 21.11.2026.

Numbers are written with German separators whatever language is active. `deutsche_zahl` cuts
further decimals off, as Django's number_format does; `zahl` rounds commercially first.
Without a value every function writes "–".
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import numberformat
from django.utils.formats import date_format

NBSP = "\u00a0"
LEER = "–"


def _leer(wert) -> bool:
    return wert is None or wert == ""


_DEUTSCH = str.maketrans(",.", ".,")


def _schnell(wert, stellen: int | None, gruppiert: bool) -> str | None:
    """What numberformat writes, for the common cases, by Python's own formatting (pages show thousands of
    amounts): an amount with exactly the decimals asked for, or a whole number without decimals."""
    komma = "," if gruppiert else ""
    if type(wert) is Decimal and stellen is not None and wert.is_finite():
        teile = wert.as_tuple()
        # numberformat writes -0 and numbers of over 200 digits its own way.
        if teile.exponent != -stellen or len(teile.digits) + stellen > 200 or (teile.sign and not wert):
            return None
        return format(wert, f"{komma}.{stellen}f").translate(_DEUTSCH)
    if type(wert) is int and not stellen:
        return format(wert, komma).translate(_DEUTSCH)
    return None


def deutsche_zahl(wert, stellen: int | None = None, *, gruppiert: bool = True) -> str:
    """1234567.891 -> '1.234.567,89' with stellen=2; without `stellen` all decimals the value has."""
    schnell = _schnell(wert, stellen, gruppiert)
    if schnell is not None:
        return schnell
    return str(numberformat.format(wert, ",", stellen, 3, ".", force_grouping=gruppiert))


def euro(wert, *, leerzeichen: str = NBSP) -> str:
    """1750000 -> '1.750.000,00 €', joined by a non-breaking space unless told otherwise."""
    if _leer(wert):
        return LEER
    try:
        betrag = Decimal(wert)
    except (InvalidOperation, TypeError, ValueError):
        return str(wert)
    return f"{deutsche_zahl(betrag, 2)}{leerzeichen}€"


def euro_text(wert) -> str:
    """An amount inside a plain-text message (refusals, status texts): with a normal space."""
    return euro(wert, leerzeichen=" ")


def zahl(wert, stellen: int | None = None) -> str:
    """A German number rounded commercially (18,65 -> 18,7); without `stellen` whole numbers get
    no decimals and others one."""
    if _leer(wert):
        return LEER
    try:
        d = Decimal(str(wert))
    except InvalidOperation:
        return str(wert)
    if stellen is None or stellen == "":
        stellen = 0 if d == d.to_integral_value() else 1
    stellen = int(stellen)
    return deutsche_zahl(d.quantize(Decimal(1).scaleb(-stellen), rounding=ROUND_HALF_UP), stellen)


def messwert(wert, stellen: int | None = None, *, hoechstens: int = 2) -> str:
    """A measured value with the decimals it has, at most `hoechstens`: 12345.0000 -> '12.345',
    21.5000 -> '21,5', 22.2500 -> '22,25'; with `stellen` exactly that many."""
    if _leer(wert):
        return LEER
    d = Decimal(wert)
    if stellen is None:
        d = d.quantize(Decimal(1).scaleb(-hoechstens)).normalize()
        stellen = max(0, -d.as_tuple().exponent)
    if d.is_finite() and d.as_tuple().exponent >= -stellen:
        # Only zeros are added, exactly as numberformat pads, and the fast path writes it.
        try:
            d = d.quantize(Decimal(1).scaleb(-stellen))
        except InvalidOperation:
            pass
    return deutsche_zahl(d, stellen)


def prozent(wert, stellen: int | None = 1) -> str:
    """12.5 -> '12,5 %'; with stellen=None as many decimals as the value has (50.00 -> '50 %')."""
    if _leer(wert):
        return LEER
    text = messwert(wert) if stellen is None else deutsche_zahl(Decimal(wert), stellen)
    return f"{text}{NBSP}%"


def indexwert(wert) -> str:
    """A score with its sign and two decimals: +0,75 / −1,20 / ±0,00."""
    if wert is None:
        return LEER
    d = Decimal(wert).quantize(Decimal("0.01"))
    vorzeichen = "+" if d > 0 else "\u2212" if d < 0 else "\u00b1"
    return vorzeichen + deutsche_zahl(abs(d), 2, gruppiert=False)


def jahr(wert) -> str:
    """A year without thousands separator (2026, not 2.026)."""
    return LEER if _leer(wert) else str(wert)


def anzahl(wert, einzahl: str, mehrzahl: str) -> str:
    """A count with its noun in the right number: 1 Eintrag, 0 Einträge, 1.250 Einträge."""
    if _leer(wert):
        return f"{LEER} {mehrzahl}"
    return f"{zahl(wert)} {einzahl if wert == 1 else mehrzahl}"


def datum(wert: dt.date | None) -> str:
    """21.11.2026."""
    return LEER if wert is None else wert.strftime("%d.%m.%Y")


def datum_lang(wert: dt.date) -> str:
    """21. November 2026 (month name in the active language)."""
    return date_format(wert, "j. F Y")


# --- reading ----------------------------------------------------------------------------------

KOMMA, PUNKT = "komma", "punkt"
_MUSTER = {
    KOMMA: re.compile(r"^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$"),  # 1.234,5
    PUNKT: re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$"),  # 1,234.5
}


def _bereinigt(text: str) -> str:
    text = text.strip().replace("\u2212", "-").replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if text.startswith("+"):
        text = text[1:]
    return text[:-1] if text.endswith("%") else text


def lesbar(text: str, dezimal: str) -> bool:
    """Can `text` be read as a number written with a decimal comma (KOMMA) or point (PUNKT)?"""
    return bool(_MUSTER[dezimal].match(_bereinigt(text)))


def zahl_lesen(text: str, dezimal: str | None = None) -> Decimal:
    """The number in `text`, written German ('1.234,5', KOMMA) or plain ('1,234.5', PUNKT).

    Without `dezimal` German wins where the text reads as German, so '1.234' is 1234 and '12,5' is
    12.5; plain '1234.5' is read too, mixed '1,234.5' is not. Spaces, a sign and a trailing '%'
    are allowed. Raises ValueError for anything else.
    """
    bereinigt = _bereinigt(text)
    if dezimal is None:
        dezimal = KOMMA if _MUSTER[KOMMA].match(bereinigt) or "," in bereinigt else PUNKT
    if not _MUSTER[dezimal].match(bereinigt):
        raise ValueError(f"keine Zahl: {text!r}")
    if dezimal == KOMMA:
        return Decimal(bereinigt.replace(".", "").replace(",", "."))
    return Decimal(bereinigt.replace(",", ""))
