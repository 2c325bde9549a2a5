"""Bank details: IBAN with its ISO 13616 check digits (mod 97), BIC by its form, and the masked IBAN
that everyone but staff sees."""

from __future__ import annotations

import re

# Length of the IBAN per country for the SEPA countries a German city's operators bank in.
IBAN_LAENGE = {"DE": 22, "AT": 20, "CH": 21, "LU": 20, "NL": 18, "BE": 16, "FR": 27, "DK": 18, "PL": 28, "IT": 27,
               "ES": 24, "LI": 21, "CZ": 24}
IBAN_UNGUELTIG = "Die IBAN ist ungültig: {grund}"
BIC_UNGUELTIG = "Die BIC ist ungültig: Sie hat 8 oder 11 Stellen (z. B. BRLADE22XXX)."
_BIC = re.compile(r"^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$")


def normalisiert(text: str) -> str:
    return re.sub(r"\s+", "", text or "").upper()


def _pruefrest(iban: str) -> int:
    umgestellt = iban[4:] + iban[:4]
    return int("".join(str(int(z, 36)) for z in umgestellt)) % 97


def iban_fehler(text: str) -> str | None:
    """None if the IBAN is valid, else the German reason."""
    iban = normalisiert(text)
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]+", iban):
        return IBAN_UNGUELTIG.format(grund="Sie beginnt mit dem Länderkürzel und zwei Prüfziffern "
                                           "und enthält nur Buchstaben und Ziffern.")
    laenge = IBAN_LAENGE.get(iban[:2])
    if laenge is None:
        return IBAN_UNGUELTIG.format(grund=f"Das Länderkürzel „{iban[:2]}“ wird nicht unterstützt.")
    if len(iban) != laenge:
        return IBAN_UNGUELTIG.format(grund=f"Eine IBAN aus {iban[:2]} hat {laenge} Stellen, diese hat {len(iban)}.")
    if _pruefrest(iban) != 1:
        return IBAN_UNGUELTIG.format(grund="Die Prüfziffern stimmen nicht (Tippfehler?).")
    return None


def iban_mit_pruefziffern(land: str, bban: str) -> str:
    """The valid IBAN of a country and account number (BBAN), e.g. for invented demo accounts."""
    rest = _pruefrest(f"{land}00{bban}")
    return f"{land}{98 - rest:02d}{bban}"


def bic_fehler(text: str) -> str | None:
    return None if _BIC.match(normalisiert(text)) else BIC_UNGUELTIG


def iban_lesbar(iban: str) -> str:
    """In groups of four, as printed on a notice: DE89 3704 0044 0532 0130 00."""
    iban = normalisiert(iban)
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))


def iban_maskiert(iban: str) -> str:
    """Country, check digits and the last four characters; the rest hidden: DE89 •••• •••• •••• ••30 00."""
    iban = normalisiert(iban)
    if len(iban) < 8:
        return "•" * len(iban)
    verdeckt = iban[:4] + "•" * (len(iban) - 8) + iban[-4:]
    return iban_lesbar(verdeckt)


def bankverbindung_pruefen(objekt) -> None:
    """Normalises `objekt.iban` and `objekt.bic` in place and raises a ValidationError naming each wrong one:
    the `clean()` of every model that holds bank details."""
    from django.core.exceptions import ValidationError

    objekt.iban, objekt.bic = normalisiert(objekt.iban), normalisiert(objekt.bic)
    fehler = {}
    if (grund := iban_fehler(objekt.iban)) is not None:
        fehler["iban"] = grund
    if (grund := bic_fehler(objekt.bic)) is not None:
        fehler["bic"] = grund
    if fehler:
        raise ValidationError(fehler)
