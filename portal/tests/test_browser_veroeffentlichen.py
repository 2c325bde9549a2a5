"""In Debian's Chromium: the publishing page shows by itself when the worker has stored the report."""

import shutil

import pytest
from django.urls import reverse

from berichte import auftraege, pdf
from testhilfen.berichte import worker_laufen
from testhilfen.programme import FoerderprogrammFactory

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("chromium"), reason="Chromium ist nicht installiert"),
]


def test_the_publishing_page_updates_itself_until_the_report_is_in_the_archive(live_server, fenster, warteschlange,
                                                                               verwaltung, gebiet_a, monkeypatch):
    monkeypatch.setattr(pdf, "pdf_rendern", lambda html: pdf.Pdf(daten=b"%PDF-1.4 " + html.encode()[:500], seiten=1))
    programm = FoerderprogrammFactory(kurzname="WiN", stadt=gebiet_a.stadt)
    auftrag = auftraege.veroeffentlichung_beauftragen(art="programmjahresbericht",
                                                      parameter={"programm": programm.pk, "jahr": 2016},
                                                      oeffentlich=False, durch=verwaltung)
    verwaltung.set_password("geheim-und-lang-genug")
    verwaltung.save()
    seite = fenster.seite()
    seite.goto(live_server.url + reverse("login"))
    seite.get_by_label("Benutzername").fill(verwaltung.username)
    seite.get_by_label("Passwort").fill("geheim-und-lang-genug")
    seite.get_by_role("button", name="Anmelden").click()
    seite.wait_for_url(live_server.url + "/")

    seite.goto(live_server.url + reverse("berichte:auftrag", args=[auftrag.pk]))
    stand = seite.locator("#auftrag-stand")
    assert "Platz 1 in der Warteschlange" in stand.inner_text()

    worker_laufen()
    stand.get_by_role("link", name="Nr. ").wait_for(timeout=10000)
    assert "veröffentlicht und steht im Archiv" in stand.inner_text()
    stand.get_by_role("link", name="Nr. ").click()
    seite.wait_for_url("**/berichte/*/")
    assert "Programmjahresbericht WiN 2016" in seite.locator("h1").inner_text()
