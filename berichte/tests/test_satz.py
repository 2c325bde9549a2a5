"""Typesetting of the documents: long German words wrap inside every table instead of pushing columns off
the page, no heading stands alone at the foot of a page, and no placeholder text or doubled bracket."""

import datetime as dt

import pytest
import weasyprint

from berichte import arten, pdf
from beteiligung.models import Gremium
from programme.models import Foerderprogramm
from testhilfen.berichte import BeratungFactory, RatsvorlageFactory
from testhilfen.beteiligung import GremiumFactory, SitzungFactory
from testhilfen.pdftext import rendern
from testhilfen.programme import FoerderprogrammFactory, JahresbudgetFactory, ProjektFactory

pytestmark = pytest.mark.django_db

WORT = "Quartiersentwicklungsbeiratsgeschäftsordnungsausschussvorsitzendenstellvertretungskonferenz"


def _seiten(inhalt: arten.Inhalt):
    html = pdf.html_rendern(inhalt, nummer="2026/0001")
    return weasyprint.HTML(string=html, base_url=pdf.BASIS_URL, url_fetcher=pdf.NurStatischeDateien()).render().pages


def _ueberstand(seiten, nur: str = "") -> float:
    """How far any text (containing `nur`) reaches beyond the right edge of the page's content area, in points."""
    ueber = 0.0
    for seite in seiten:
        kasten = seite._page_box
        rechts = kasten.content_box_x() + kasten.width
        for box in kasten.descendants():
            if type(box).__name__ == "TextBox" and nur in box.text:
                ueber = max(ueber, box.position_x + box.width - rechts)
    return ueber


def test_long_words_wrap_in_the_tables_of_a_council_paper(stadt):
    vorlage = RatsvorlageFactory(stadt=stadt)
    BeratungFactory(vorlage=vorlage, reihenfolge=1, gremium_name=f"{WORT}{WORT}", datum=dt.date(2026, 3, 1))
    assert _ueberstand(_seiten(arten.inhalt_fuer("ratsvorlage", {"vorlage": vorlage.pk}))) <= 0.5


def test_long_words_wrap_in_the_project_list_of_a_programme_report(gebiet_a):
    programm = FoerderprogrammFactory(kurzname="WiN", stadt=gebiet_a.stadt)
    JahresbudgetFactory(programm=programm, jahr=2026, betrag=100000)
    ProjektFactory(gebiet=gebiet_a, titel=WORT * 2, beginn=dt.date(2026, 1, 1), bewilligt=True)
    inhalt = arten.inhalt_fuer("programmjahresbericht", {"programm": programm.pk, "jahr": 2026})
    assert _ueberstand(_seiten(inhalt), nur="beirats") <= 0.5


def test_the_city_funds_a_programme_by_name_not_by_placeholder(gebiet_a):
    programm = FoerderprogrammFactory(kurzname="WiN", stadt=gebiet_a.stadt, geldgeber=Foerderprogramm.Geldgeber.STADT)
    JahresbudgetFactory(programm=programm, jahr=2026, betrag=100000)
    text, _ = rendern("programmjahresbericht", {"programm": programm.pk, "jahr": 2026})
    assert "Stadt / Kommune" not in text and f"Mittel der Stadt {gebiet_a.stadt.name}" in text


def test_a_forum_is_named_without_a_doubled_bracket(gebiet_a):
    forum = GremiumFactory(gebiet=gebiet_a, name="WiN-Forum Blumenthal", art=Gremium.Art.GEBIETSFORUM)
    sitzung = SitzungFactory(gremium=forum, oeffentlich=True)
    text, _ = rendern("sitzungsdokumentation", {"sitzung": sitzung.pk})
    assert "))" not in text and "WiN-Forum Blumenthal · Gebietsforum (WiN-Forum)" in text


def test_no_heading_stands_alone_at_the_foot_of_a_page(stadt):
    vorlage = RatsvorlageFactory(stadt=stadt)
    inhalt_tags = {"p", "table", "tr", "li", "ul", "ol", "figure", "img", "dl"}
    for absaetze in range(20, 30):
        vorlage.begruendung = "\n\n".join(f"Absatz {n} der Begründung." for n in range(absaetze))
        vorlage.finanzielle_auswirkungen = "Keine."
        vorlage.save()
        seiten = _seiten(arten.inhalt_fuer("ratsvorlage", {"vorlage": vorlage.pk}))
        for seite in seiten[:-1]:
            tags = [getattr(b, "element_tag", None) for b in seite._page_box.descendants()]
            haupt = [t for t in tags if t in inhalt_tags | {"h2", "h3"}]
            assert haupt and haupt[-1] not in ("h2", "h3"), f"{absaetze} Absätze: Überschrift am Seitenende"
