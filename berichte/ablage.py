"""Stored PDFs: reading them back with their SHA-256 checked, and their German file names."""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Callable
from urllib.parse import quote

from django.core.files.base import ContentFile

from kern.fehler import Regelverstoss

from .models import Bericht, Berichtsart

logger = logging.getLogger("berichte.ablage")

BLOCK = 1024 * 1024


class DateiUngueltig(Regelverstoss):
    """The stored file is missing or no longer the one that was published."""

    MELDUNG = ("Die Datei dieses Berichts stimmt nicht mehr mit der veröffentlichten Fassung überein oder fehlt. "
               "Sie wird deshalb nicht ausgeliefert. Die Verwaltung ist informiert.")

    def __init__(self, grund: str):
        super().__init__(self.MELDUNG)
        self.grund = grund


def geprueft_lesen(bericht: Bericht) -> bytes:
    """The stored PDF, only if its SHA-256 still equals the one recorded when it was published."""
    pruefsumme = hashlib.sha256()
    teile = []
    try:
        with bericht.datei.open("rb") as datei:
            while block := datei.read(BLOCK):
                pruefsumme.update(block)
                teile.append(block)
    except (FileNotFoundError, OSError, ValueError) as exc:
        logger.error("Bericht %s (id %s): Datei %s nicht lesbar: %s", bericht.nummer, bericht.pk, bericht.datei.name,
                     exc)
        raise DateiUngueltig("Datei fehlt") from exc
    if pruefsumme.hexdigest() != bericht.sha256:
        logger.error("Bericht %s (id %s): Prüfsumme der Datei %s weicht ab: gespeichert %s, gefunden %s",
                     bericht.nummer, bericht.pk, bericht.datei.name, bericht.sha256, pruefsumme.hexdigest())
        raise DateiUngueltig("Prüfsumme weicht ab")
    return b"".join(teile)


_UMLAUTE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def mit_datei_speichern(objekt, name: str, daten: bytes, speichern: Callable[[], None]) -> None:
    """Writes `daten` into the row's file field `datei` as `name`, then saves the row with `speichern()`.
    If that fails, the database rolls back and the file written a moment ago goes with it."""
    objekt.datei.save(name, ContentFile(daten), save=False)
    try:
        speichern()
    except BaseException:
        objekt.datei.storage.delete(objekt.datei.name)
        raise


def _teil(text: str) -> str:
    text = re.sub(r"[\\/:*?\"<>|]+", "-", text.strip())
    return re.sub(r"\s+", "-", text)


def dateiname(*, art: str, teile: list[str], nummer: str, version: int) -> str:
    """E.g. Programmjahresbericht_WiN_2016_2026-0003.pdf; versions after the first get _v2 etc."""
    name = {Berichtsart.SOZIALBERICHT: "Sozialbericht-Übersicht"}.get(art, Berichtsart(art).label)
    alle = [name, *(_teil(str(t)) for t in teile), nummer.replace("/", "-")]
    if version > 1:
        alle.append(f"v{version}")
    return "_".join(t for t in alle if t) + ".pdf"


def ascii_name(name: str) -> str:
    name = unicodedata.normalize("NFKD", name.translate(_UMLAUTE)).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name)


def content_disposition(name: str, *, als_anhang: bool = True) -> str:
    """An ASCII file name for old clients and the German one as filename* (RFC 6266 / 5987)."""
    art = "attachment" if als_anhang else "inline"
    return f"{art}; filename=\"{ascii_name(name)}\"; filename*=UTF-8''{quote(name, safe='')}"
