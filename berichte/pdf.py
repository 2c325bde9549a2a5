"""HTML and PDF rendering of the reports; every PDF is PDF/UA-1.

One template per kind serves the browser preview and the PDF. WeasyPrint gets a URL fetcher
that serves the portal's static files (CSS, fonts) and refuses everything else, so rendering
never makes a network request and never reads a file outside the static directories.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname

# WeasyPrint reports each rendering step at INFO (already while importing); only its warnings matter here.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

import weasyprint  # noqa: E402
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from kern.zeit import heute

from . import pdfua
from .arten import ARTEN, Inhalt
from .fehler import RenderFehler

# Root-relative links such as /static/css/bericht.css resolve against this base to file:///static/...,
# which the fetcher maps to the static files; nothing is read from that path on disk.
BASIS_URL = "file:///"
# PDF/UA-1 (ISO 14289-1): PDF 1.7, tagged, language and title from the HTML, the identifier in the XMP
# metadata; running headers and footers become pagination artefacts (pdfua.py). What it needs from
# the templates: <html lang="de-DE">, a <title>, one <h1>, <th> for every table header, alt text for
# every image (the SVG charts carry <title>), and no table used for layout.
PDF_OPTIONEN = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
BILD_DATEN = ("data:image/png;base64,", "data:image/jpeg;base64,", "data:image/svg+xml;base64,")
pdfua.einrichten()


class ExterneRessourceVerweigert(ValueError):
    def __init__(self, url: str):
        super().__init__(f"Nur Dateien des Portals dürfen eingebunden werden, nicht: {url}")
        self.url = url


def _statische_wurzeln() -> list[Path]:
    wurzeln = [Path(d if isinstance(d, (str, Path)) else d[1]) for d in settings.STATICFILES_DIRS]
    if settings.STATIC_ROOT:
        wurzeln.append(Path(settings.STATIC_ROOT))
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            if getattr(storage, "location", None):
                wurzeln.append(Path(storage.location))
    return [w.resolve() for w in wurzeln]


def _innerhalb(pfad: Path, wurzeln: list[Path]) -> bool:
    return any(pfad == w or w in pfad.parents for w in wurzeln)


def statische_datei(url: str) -> Path | None:
    """The file under the static directories that a URL names, else None."""
    wurzeln = _statische_wurzeln()
    for praefix in {urljoin(BASIS_URL, settings.STATIC_URL), settings.STATIC_URL}:
        if praefix.startswith(("file:", "http:", "https:")) and url.startswith(praefix):
            relativ = unquote(urlsplit(url).path[len(urlsplit(praefix).path):])
            try:
                gefunden = finders.find(relativ)
            except SuspiciousFileOperation:
                return None
            if gefunden is None and settings.STATIC_ROOT:
                gefunden = Path(settings.STATIC_ROOT) / relativ
            pfad = Path(gefunden).resolve() if gefunden else None
            return pfad if pfad and pfad.is_file() and _innerhalb(pfad, wurzeln) else None
    teile = urlsplit(url)
    if teile.scheme == "file" and teile.netloc in ("", "localhost"):
        pfad = Path(url2pathname(teile.path)).resolve()
        return pfad if pfad.is_file() and _innerhalb(pfad, wurzeln) else None
    return None


@functools.lru_cache(maxsize=64)
def _inhalt(pfad: Path, geaendert: float) -> bytes:
    return pfad.read_bytes()


class NurStatischeDateien(URLFetcher):
    """Serves static files of the portal; any other URL stops the rendering with an error."""

    def __init__(self):
        super().__init__(fail_on_errors=True)

    def fetch(self, url, headers=None):
        if url.startswith(BILD_DATEN):
            # An embedded image (a city's coat of arms) needs no file and no network.
            return super().fetch(url, headers)
        pfad = statische_datei(url)
        if pfad is None:
            raise ExterneRessourceVerweigert(url)
        typ = mimetypes.guess_type(pfad.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=_inhalt(pfad, pfad.stat().st_mtime), headers={"Content-Type": typ})


@dataclass(frozen=True)
class Pdf:
    daten: bytes
    seiten: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.daten).hexdigest()


def html_rendern(inhalt: Inhalt, *, nummer: str | None = None, datum: dt.date | None = None, version: int = 1,
                 vorschau: bool = False, request=None, extra: dict | None = None) -> str:
    kontext = {
        **inhalt.kontext,
        "art": inhalt.art,
        "titel": inhalt.titel,
        "stadt": inhalt.stadt,
        "absender": inhalt.absender,
        "nummer": nummer,
        "datum": datum or heute(),
        "version": version,
        "vorschau": vorschau,
        "parameter": inhalt.parameter,
        **(extra or {}),
    }
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(ARTEN[inhalt.art].template, kontext, request=request)


def pdf_rendern(html: str) -> Pdf:
    try:
        dokument = weasyprint.HTML(string=html, base_url=BASIS_URL, url_fetcher=NurStatischeDateien()).render(
            **PDF_OPTIONEN)
        daten = dokument.write_pdf(**PDF_OPTIONEN)
    except FatalURLFetchingError as exc:
        ursache = exc.__cause__
        url = getattr(ursache, "url", str(exc))
        raise RenderFehler(
            f"Der Bericht wurde nicht erzeugt: Er bindet „{url}“ ein. Berichte dürfen nur Dateien des Portals "
            "einbinden (Stylesheets, Schriften, Bilder unter static/)."
        ) from exc
    return Pdf(daten=daten, seiten=len(dokument.pages))
