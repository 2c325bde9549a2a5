"""Every document kind, reports and grant notices alike, is a PDF/UA-1 file (ISO 14289-1), read back from the bytes as a checker would:
identifier and title in the XMP metadata, tagged, German, one H1, tables with header cells, figures
with alternative text, every piece of content either in the structure tree or a pagination artefact,
and the running header and footer ("Seite X von Y") artefacts rather than content."""

import pytest

from berichte import arten, pdf
from berichte.models import Ratsvorlage
from beteiligung.models import Sitzung
from testhilfen.pdfua import pruefen
from testhilfen.pdftext import text_aus_pdf

PARAMETER = {
    "programmjahresbericht": {"programm": "WiN", "jahr": "2017"},
    "quartiersprofil": {"gebiet": "Blockdiek"},
    "sitzungsdokumentation": {"sitzung": None},
    "sozialbericht": {"stadt": "Leverkusen", "jahr": "2024"},
    "ratsvorlage": {"vorlage": None},
}


def _parameter(art: str) -> dict:
    werte = dict(PARAMETER[art])
    if art == "sitzungsdokumentation":
        werte["sitzung"] = str(Sitzung.objects.filter(status=Sitzung.Status.DOKUMENTIERT).order_by("pk").first().pk)
    if art == "ratsvorlage":
        werte["vorlage"] = str(Ratsvorlage.objects.order_by("pk").first().pk)
    return werte


def _rendern(art: str, **kwargs):
    inhalt = arten.inhalt_fuer(art, arten.kommandozeile_aufloesen(art, _parameter(art)))
    return inhalt, pdf.pdf_rendern(pdf.html_rendern(inhalt, **kwargs))


@pytest.mark.parametrize("art", list(arten.ARTEN))
def test_every_document_kind_is_pdf_ua_1(art, demodaten):
    assert set(PARAMETER) == set(arten.ARTEN)
    inhalt, ergebnis = _rendern(art, nummer="2026/0042")
    befund = pruefen(ergebnis.daten)

    assert befund.pdfua_teil == "1", befund.xmp
    assert ergebnis.daten.startswith(b"%PDF-1.7")
    assert befund.marked and befund.tags["Document"] == 1
    assert befund.lang == "de-DE"
    assert befund.titel.startswith(inhalt.titel) and befund.titel_anzeigen
    assert befund.xmp_titel and befund.xmp_titel.startswith(inhalt.titel[:20])
    assert befund.tags["H1"] == 1, befund.tags
    assert befund.tags["Table"] >= 1 and befund.tabellen_ohne_kopf == 0
    assert befund.bilder_ohne_alt == 0
    assert befund.mcids_ohne_element == []
    # Every page: the footer is a pagination artefact; from page 2 on the running header as well.
    for nummer, artefakte in enumerate(befund.artefakte, start=1):
        texte = dict(artefakte)
        assert f"Seite {nummer} von {ergebnis.seiten}" in texte.get("/Footer", ""), artefakte
        assert "Nr. 2026/0042" in texte["/Footer"]
        if nummer > 1:
            assert inhalt.stadt.name in texte.get("/Header", ""), artefakte


def test_the_council_paper_reads_its_subject_as_heading_and_labels_before_values(demodaten):
    inhalt, ergebnis = _rendern("ratsvorlage")
    text = text_aus_pdf(ergebnis.daten)
    vorlage = Ratsvorlage.objects.order_by("pk").first()
    assert f"Betreff:\n{vorlage.betreff}" in text
    assert text.index("Dezernat/Fachbereich/AZ") < text.index(vorlage.zeichen)
    assert text.index("Datum\n") < text.index(vorlage.datum.strftime("%d.%m.%Y"))


def _bescheid_rendern(art: str):
    """A notice of each kind from the demo data, rendered as the filing would, without storing it."""
    from berichte import bescheide
    from programme.zuwendung import Bescheid

    status = Bescheid.Art.ABLEHNUNG if art == Bescheid.Art.ABLEHNUNG else Bescheid.Art.ZUWENDUNG
    erster = Bescheid.objects.filter(art=status).select_related("bewilligung").order_by("pk").first()
    assert erster is not None, f"Die Demodaten haben keinen Bescheid der Art {status}."
    daten = bescheide.kontext(bewilligung=erster.bewilligung, art=art, aktenzeichen=erster.aktenzeichen,
                              datum=erster.datum, nummer=erster.nummer, version=2 if art == Bescheid.Art.AENDERUNG else 1,
                              anlass="Die Ansprechperson des Trägers hat gewechselt.",
                              erster=erster if art == Bescheid.Art.AENDERUNG else None)
    return daten, pdf.pdf_rendern(bescheide.html_rendern(daten)), erster


def test_the_demo_has_a_notice_of_every_kind_but_amendments(demodaten):
    from programme.zuwendung import Bescheid

    arten_da = set(Bescheid.objects.values_list("art", flat=True))
    assert {Bescheid.Art.ZUWENDUNG, Bescheid.Art.ABLEHNUNG} <= arten_da


@pytest.mark.parametrize("art", ["zuwendungsbescheid", "aenderungsbescheid", "ablehnungsbescheid"])
def test_every_kind_of_notice_is_pdf_ua_1(art, demodaten):
    from programme.zuwendung import Bescheid

    assert art in Bescheid.Art.values
    daten, ergebnis, erster = _bescheid_rendern(art)
    befund = pruefen(ergebnis.daten)

    assert befund.pdfua_teil == "1", befund.xmp
    assert ergebnis.daten.startswith(b"%PDF-1.7")
    assert befund.marked and befund.tags["Document"] == 1
    assert befund.lang == "de-DE"
    assert befund.titel == daten["titel"] and befund.titel_anzeigen
    assert befund.xmp_titel == daten["titel"]
    assert befund.tags["H1"] == 1, befund.tags
    assert befund.tabellen_ohne_kopf == 0 and befund.bilder_ohne_alt == 0
    if art != Bescheid.Art.ABLEHNUNG:
        assert befund.tags["Table"] >= 2, befund.tags  # the financing plan: expenses and income
    assert befund.mcids_ohne_element == []
    for nummer, artefakte in enumerate(befund.artefakte, start=1):
        fuss = dict(artefakte).get("/Footer", "")
        assert f"Seite {nummer} von {ergebnis.seiten}" in fuss and erster.aktenzeichen in fuss, artefakte


def test_a_stored_notice_is_pdf_ua_1_as_filed(demodaten):
    from django.core.files.storage import default_storage

    from programme.zuwendung import Bescheid

    bescheid = Bescheid.objects.order_by("pk").first()
    befund = pruefen(default_storage.open(bescheid.datei.name).read())
    assert befund.pdfua_teil == "1" and befund.lang == "de-DE" and befund.tags["H1"] == 1
    assert befund.titel.startswith(bescheid.get_art_display()) and befund.mcids_ohne_element == []
