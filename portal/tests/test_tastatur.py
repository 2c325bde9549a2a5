"""Journeys by keyboard only in Debian's Chromium (Tab, Shift+Tab, Enter, Space and typing; no mouse,
no clicks): every stop shows a focus ring on screen, the skip link works, no page holds the focus.
The last page of each journey is kept as a screenshot in the test's tmp_path."""

import shutil
from decimal import Decimal

import pytest
from django.urls import reverse

from programme.models import Auszahlung
from testhilfen.berichte import BerichtFactory
from testhilfen.programme import BewilligungFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("chromium"), reason="Chromium ist nicht installiert"),
]

PASSWORT = "geheim-123"


@pytest.fixture
def bewilligung(verwaltung, gebiet_a):
    verwaltung.set_password(PASSWORT)
    verwaltung.save()
    BewilligungFactory(projekt__gebiet=gebiet_a, projekt__titel="Lesepaten im Quartier", bewilligt=True,
                       gebiet=gebiet_a)
    return BewilligungFactory(projekt__gebiet=gebiet_a, projekt__titel="Nachbarschaftsgarten Ost", bewilligt=True,
                              gebiet=gebiet_a, betrag_beantragt=Decimal("5000.00"))


def _anmelden_und_ueberspringen(t, seite, basis: str) -> None:
    seite.goto(basis + reverse("login"))
    # Login: the user name field has the focus; the skip link comes first when tabbing from the top.
    assert t.fokus()["id"] == "id_username"
    t.tippen("verwaltung")
    t.tab()
    t.tippen(PASSWORT)
    t.druecken("Enter", warten=True)
    assert seite.url == basis + "/"

    fokus = t.tab()
    assert fokus["text"] == "Zum Inhalt springen" and fokus["sichtbar"]
    t.druecken("Enter")
    assert seite.evaluate("document.activeElement.id") == "inhalt"
    # After the skip link the next stop lies inside the content, not in the navigation.
    naechster = t.tab()
    assert seite.evaluate("document.activeElement.closest('main') !== null"), naechster


def test_staff_log_in_filter_open_a_project_record_a_payout_and_log_out_by_keyboard(
        fenster, tastatur, bewilligung, tmp_path):
    seite = fenster.seite(breite=1280, hoehe=800)
    t = tastatur(seite)
    _anmelden_und_ueberspringen(t, seite, fenster.basis)

    # To the project list through the navigation: back up to the skip link and tab forward.
    t.tab(rueckwaerts=True)
    while (fokus := t.fokus()) is not None and fokus["text"] != "Zum Inhalt springen":
        t.tab(rueckwaerts=True)
    t.tab_bis(text="Projekte")
    t.druecken("Enter", warten=True)
    assert seite.url.endswith(reverse("programme:projekte"))
    assert t.keine_falle() > 10

    # Filter by the search field; Enter sends the filter form.
    t.tab_bis(id="id_q")
    t.tippen("Nachbarschaftsgarten")
    t.druecken("Enter", warten=True)
    assert "q=Nachbarschaftsgarten" in seite.url
    assert seite.get_by_role("link", name="Lesepaten im Quartier").count() == 0

    t.tab_bis(text="Nachbarschaftsgarten Ost")
    t.druecken("Enter", warten=True)
    assert seite.url.endswith(reverse("programme:projekt", args=[bewilligung.projekt_id]))
    assert t.keine_falle() > 5

    # Record a payout: the form is reached, filled and sent by keyboard; Space presses the button.
    t.tab_bis(text="Auszahlung")
    t.druecken("Enter", warten=True)
    t.tab_bis(id="id_betrag")
    t.tippen("1.250,50")
    t.tab_bis(text="Speichern")
    t.druecken("Space", warten=True)
    assert seite.url.endswith(reverse("programme:projekt", args=[bewilligung.projekt_id]))
    assert seite.get_by_role("status").filter(has_text="Die Auszahlung ist angewiesen.").count() == 1
    assert Auszahlung.objects.get(bewilligung=bewilligung).betrag == Decimal("1250.50")
    assert "1.250,50" in seite.content()

    # Log out: the button is at the top right of the navigation.
    t.tab_bis(text="Abmelden")
    t.druecken("Enter", warten=True)
    seite.screenshot(path=tmp_path / "tastatur-abgemeldet.png", full_page=True)
    seite.goto(fenster.basis + "/")
    assert seite.get_by_role("heading", name="Öffentliche Berichte").is_visible()
    assert t.maengel == [], "\n".join(t.maengel)


def test_the_public_finds_a_report_and_sends_a_barrier_report_by_keyboard(fenster, tastatur, db, tmp_path):
    BerichtFactory(titel="Sozialbericht Musterstadt 2025", oeffentlich=True)
    BerichtFactory(titel="Programmjahresbericht WiN 2025", oeffentlich=True)
    seite = fenster.seite(breite=1280, hoehe=800)
    t = tastatur(seite)
    seite.goto(fenster.basis + "/")
    assert t.keine_falle() > 10

    seite.goto(fenster.basis + "/")
    t.tab_bis(id="id_q")
    t.tippen("Sozialbericht")
    t.druecken("Enter", warten=True)
    assert seite.locator("#oeffentliche-berichte").get_by_role("link", name="Programmjahresbericht WiN 2025").count() == 0
    t.tab_bis(text="Sozialbericht Musterstadt 2025")
    t.druecken("Enter", warten=True)
    assert seite.get_by_role("heading", name="Sozialbericht Musterstadt 2025").is_visible()

    # The footer link to the feedback form, then the form itself; an empty description is refused first.
    t.tab_bis(text="Barriere melden")
    t.druecken("Enter", warten=True)
    t.tab_bis(text="Meldung senden")
    t.druecken("Enter", warten=True)
    assert seite.evaluate("document.activeElement.id") == "formularfehler"
    t.tab_bis(id="id_beschreibung")
    t.tippen("Die Tabelle im Bericht hat keine Spaltenköpfe.")
    t.tab_bis(text="Meldung senden")
    t.druecken("Space", warten=True)
    assert seite.get_by_role("status").filter(has_text="Vielen Dank für Ihre Meldung").count() == 1
    seite.screenshot(path=tmp_path / "tastatur-meldung.png", full_page=True)
    assert t.maengel == [], "\n".join(t.maengel)
