"""The action buttons of a project page stay on screen on a tablet (768 px): none lies outside the
window, not even in a table that scrolls sideways, and the page itself does not scroll sideways.
Checked on demo projects with each kind of action (request to decide, payout, proof of use)."""

import shutil

import pytest
from django.urls import reverse

from programme.models import Bewilligung, Verwendungsnachweis

from .test_barrierefreiheit import anmelden

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("chromium"), reason="Chromium ist nicht installiert"),
]

# Every button and button-like link in the page's main part: its text and where it lies.
KNOEPFE = """() => Array.from(document.querySelectorAll("main .btn")).filter(e => e.offsetParent !== null).map(e => {
  const r = e.getBoundingClientRect();
  return {text: e.innerText.trim(), links: r.left, rechts: r.right, breite: r.width};
})"""


def _projekte() -> dict[str, int]:
    beantragt = Bewilligung.objects.filter(status="beantragt").order_by("projekt_id").first()
    bewilligt = Bewilligung.objects.filter(status="bewilligt", verwendungsnachweis__isnull=False,
                                           verwendungsnachweis__eingereicht_am__isnull=True).order_by("pk").first()
    nachweis = Verwendungsnachweis.objects.filter(eingereicht_am__isnull=False, geprueft_am__isnull=True).order_by(
        "pk").first()
    return {"Antrag offen": beantragt.projekt_id, "bewilligt": bewilligt.projekt_id,
            "Nachweis zu prüfen": nachweis.bewilligung.projekt_id}


@pytest.mark.parametrize("breite", [768])
def test_action_buttons_of_a_project_page_are_on_screen_at_768_px(breite, demowelt, fenster):
    seite = fenster.seite(breite=breite, hoehe=1024)
    anmelden(seite, fenster.basis, "verwaltung")
    ausserhalb, gesehen = {}, {}
    for name, pk in _projekte().items():
        seite.goto(fenster.basis + reverse("programme:projekt", args=[pk]))
        knoepfe = seite.evaluate(KNOEPFE)
        gesehen[name] = [k["text"] for k in knoepfe]
        fenster_breite = seite.evaluate("() => window.innerWidth")
        draussen = [f"{k['text']} ({k['links']:.0f}–{k['rechts']:.0f} px)" for k in knoepfe
                    if k["links"] < 0 or k["rechts"] > fenster_breite]
        if draussen:
            ausserhalb[name] = draussen
        assert seite.evaluate("() => document.documentElement.scrollWidth") <= fenster_breite, name
    assert {"Bearbeiten", "Bewilligen", "Ablehnen"} <= set(gesehen["Antrag offen"]), gesehen
    assert "Nachweis prüfen" in gesehen["Nachweis zu prüfen"], gesehen
    assert ausserhalb == {}, ausserhalb
