"""German amounts in words, as a notice writes them beside the figures: 7500 -> "siebentausendfünfhundert Euro".

Spelled as German cheques and notices do: one word up to 999.999 ("einhunderteins"), "eine Million",
"zwei Millionen" as separate words, the cents after "und" ("sieben Euro und fünfzig Cent").
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_EINER = ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
          "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"]
_ZEHNER = ["", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]
_GROSS = [(10**9, "Milliarde", "Milliarden"), (10**6, "Million", "Millionen")]


def _unter_hundert(n: int) -> str:
    if n < 20:
        return _EINER[n]
    zehner, einer = divmod(n, 10)
    if einer == 0:
        return _ZEHNER[zehner]
    return ("ein" if einer == 1 else _EINER[einer]) + "und" + _ZEHNER[zehner]


def _unter_tausend(n: int) -> str:
    hunderter, rest = divmod(n, 100)
    text = (("ein" if hunderter == 1 else _EINER[hunderter]) + "hundert") if hunderter else ""
    return text + (_unter_hundert(rest) if rest else "")


def _unter_million(n: int) -> str:
    tausender, rest = divmod(n, 1000)
    text = (("ein" if tausender == 1 else _unter_tausend(tausender)) + "tausend") if tausender else ""
    return text + (_unter_tausend(rest) if rest else "")


def zahl_in_worten(n: int) -> str:
    """A whole number >= 0 in German words; a final one is "eins" (einhunderteins)."""
    if n < 0:
        raise ValueError("Nur Zahlen ab 0 lassen sich in Worten schreiben.")
    if n == 0:
        return "null"
    teile = []
    for wert, einzahl, mehrzahl in _GROSS:
        anzahl, n = divmod(n, wert)
        if anzahl:
            teile.append(f"eine {einzahl}" if anzahl == 1 else f"{zahl_in_worten(anzahl)} {mehrzahl}")
    if n:
        teile.append(_unter_million(n))
    return " ".join(teile)


def _vor_einheit(n: int) -> str:
    # Before a noun a lone one is "ein" (ein Euro, ein Cent), otherwise the number as written.
    return "ein" if n == 1 else zahl_in_worten(n)


def euro_in_worten(betrag: Decimal | int | str) -> str:
    """7500 -> "siebentausendfünfhundert Euro"; 1234.5 -> "eintausendzweihundertvierunddreißig Euro und
    fünfzig Cent"; 0.99 -> "null Euro und neunundneunzig Cent"."""
    betrag = Decimal(str(betrag)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if betrag < 0:
        raise ValueError("Nur Beträge ab 0 € lassen sich in Worten schreiben.")
    euro, cent = divmod(int(betrag * 100), 100)
    text = f"{_vor_einheit(euro)} Euro"
    if cent:
        text += f" und {_vor_einheit(cent)} Cent"
    return text
