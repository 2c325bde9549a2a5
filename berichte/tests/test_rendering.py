"""Rendering reaches nothing but the portal's static files: no network, no other file."""

import io
import socket

import pypdf
import pytest

from berichte import arten, pdf
from berichte.fehler import RenderFehler
from testhilfen.quartiere import StadtFactory

SEITE = ('<html><head><link rel="stylesheet" href="/static/css/bericht.css"></head>'
         '<body><h1>Größe</h1>{}</body></html>')


@pytest.fixture
def kein_netz(monkeypatch):
    """Fails the test if anything opens a network connection."""
    versuche = []

    def verboten(*args, **kwargs):
        versuche.append(args)
        raise AssertionError("Netzwerkzugriff beim Rendern")

    monkeypatch.setattr(socket.socket, "connect", verboten)
    monkeypatch.setattr(socket, "create_connection", verboten)
    return versuche


@pytest.mark.parametrize("einbindung", [
    '<img src="https://example.com/wappen.png" alt="Wappen">',
    '<img src="http://127.0.0.1:8000/static/wappen.png" alt="">',
    '<style>@import url("https://fonts.example.com/css?family=Roboto");</style>',
    '<style>@font-face { font-family: X; src: url(https://example.com/x.woff2); } h1 { font-family: X; }</style>',
    '<img src="file:///etc/passwd" alt="">',
    '<img src="/static/../portal/settings.py" alt="">',
])
def test_anything_outside_the_static_files_stops_the_rendering(einbindung, kein_netz):
    with pytest.raises(RenderFehler) as fehler:
        pdf.pdf_rendern(SEITE.format(einbindung))
    assert fehler.value.meldung.startswith("Der Bericht wurde nicht erzeugt: Er bindet „")
    assert "Berichte dürfen nur Dateien des Portals einbinden" in fehler.value.meldung
    assert kein_netz == []


def test_static_stylesheet_and_shipped_fonts_are_used(kein_netz, monkeypatch):
    geholt = []
    original = pdf.NurStatischeDateien.fetch

    def mitschreiben(self, url, headers=None):
        geholt.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(pdf.NurStatischeDateien, "fetch", mitschreiben)
    ergebnis = pdf.pdf_rendern(SEITE.format("<p>Straße, Übersicht, 1.750.000,00\u00a0€</p>"))
    seite = pypdf.PdfReader(io.BytesIO(ergebnis.daten)).pages[0]
    schriften = {str(f.get_object()["/BaseFont"]) for f in seite["/Resources"]["/Font"].values()}
    assert any("DejaVu-Sans" in s and "Condensed" in s for s in schriften), schriften
    assert "file:///static/css/bericht.css" in geholt
    assert "file:///static/fonts/DejaVuSansCondensed.ttf" in geholt
    assert "Straße, Übersicht, 1.750.000,00 €" in seite.extract_text().replace("\u00a0", " ")
    assert kein_netz == []


def test_static_file_lookup():
    assert pdf.statische_datei("file:///static/css/bericht.css").name == "bericht.css"
    assert pdf.statische_datei("file:///static/fonts/DejaVuSans.ttf").name == "DejaVuSans.ttf"
    assert pdf.statische_datei("file:///static/../manage.py") is None
    assert pdf.statische_datei("https://example.com/static/css/bericht.css") is None
    assert pdf.statische_datei("data:text/css,body{}") is None


@pytest.mark.django_db
def test_a_report_template_with_a_remote_url_fails(settings, tmp_path, kein_netz):
    vorlage = tmp_path / "berichte" / "sozialbericht.html"
    vorlage.parent.mkdir()
    vorlage.write_text('{% extends "berichte/_dokument.html" %}{% block inhalt %}'
                       '<img src="https://www.example.org/logo.svg" alt="Logo">{% endblock %}', encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    stadt = StadtFactory(name="Leverkusen")
    inhalt = arten.inhalt_fuer("sozialbericht", {"stadt": stadt.pk, "jahr": 2024})
    html = pdf.html_rendern(inhalt, nummer="2026/0001")
    assert "https://www.example.org/logo.svg" in html
    with pytest.raises(RenderFehler, match="https://www.example.org/logo.svg"):
        pdf.pdf_rendern(html)
    assert kein_netz == []
