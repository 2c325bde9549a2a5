"""Text of a rendered report, as a reader of the PDF would copy it."""

import io
import re

import pypdf

from berichte import arten, pdf


def text_aus_pdf(daten: bytes) -> str:
    seiten = pypdf.PdfReader(io.BytesIO(daten)).pages
    text = "\n".join(seite.extract_text() for seite in seiten)
    # One line per table row; non-breaking spaces (between amount and €) as plain ones.
    return "\n".join(re.sub(r"\s+", " ", zeile).strip() for zeile in text.replace("\u00a0", " ").splitlines())


def rendern(art: str, parameter: dict, *, nummer: str = "2026/0001") -> tuple[str, int]:
    inhalt = arten.inhalt_fuer(art, parameter)
    ergebnis = pdf.pdf_rendern(pdf.html_rendern(inhalt, nummer=nummer))
    return text_aus_pdf(ergebnis.daten), ergebnis.seiten
