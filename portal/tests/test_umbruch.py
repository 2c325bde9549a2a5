"""Reflow (WCAG 1.4.10) in Debian's Chromium on the demo data: the 25 most used pages and the public
pages at 320 px and at 200 % zoom of a 1280 px window (the same CSS width, 640 px) never scroll sideways. Wide tables
scroll in their own box, which is allowed; the page itself must not.
"""

import shutil

import pytest
from django.db.models import Count
from django.urls import reverse

from berichte.models import Bericht
from beteiligung.models import Beschluss, Gremium, Sitzung
from programme.models import Bewilligung, Foerderprogramm
from quartiere.models import Gebiet

from .test_barrierefreiheit import anmelden

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("chromium"), reason="Chromium ist nicht installiert"),
]

# What makes the page wider than the window, outside any box that scrolls on its own: the deepest
# elements that stick out to the right or whose own content (text too) is wider than they are.
UEBERSTEHEND = """() => {
  const fenster = window.innerWidth;
  const inScrollbox = e => {
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(a).overflowX)) return true;
    }
    return false;
  };
  const kandidaten = Array.from(document.body.querySelectorAll("*")).filter(e =>
    (e.getBoundingClientRect().right > fenster + 0.5
     || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === "visible"
         && e.getBoundingClientRect().right + e.scrollWidth - e.clientWidth > fenster + 0.5))
    && !inScrollbox(e));
  const tiefste = kandidaten.filter(e => !kandidaten.some(k => k !== e && e.contains(k)));
  const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")
    + (typeof e.className === "string" && e.className.trim() ? "." + e.className.trim().split(/\\s+/).join(".") : "");
  return {
    breite: document.documentElement.scrollWidth, fenster: fenster,
    raus: tiefste.slice(0, 5).map(e => `${name(e)} (rechts ${Math.round(e.getBoundingClientRect().right)} px)`),
  };
}"""


def _seiten() -> list[tuple[str, str | None, str]]:
    """(name, demo login or None, address) of the 25 pages."""
    projekt = (Bewilligung.objects.filter(status="beantragt").order_by("projekt_id").first().projekt_id)
    gebiet = Gebiet.objects.annotate(n=Count("projekte")).order_by("-n", "pk").first()
    sitzung = Sitzung.objects.filter(status=Sitzung.Status.DOKUMENTIERT).order_by("pk").first()
    gremium = Gremium.objects.annotate(n=Count("sitzungen")).order_by("-n", "pk").first()
    v = "verwaltung"
    return [
        ("Start Verwaltung", v, reverse("start")),
        ("Start Quartiersmanagement", "qm-blockdiek", reverse("start")),
        ("Start Rat", "rat", reverse("start")),
        ("Anmeldung", None, reverse("login")),
        ("Projekte", v, reverse("programme:projekte")),
        ("Projektseite", v, reverse("programme:projekt", args=[projekt])),
        ("Projekt erfassen", v, reverse("programme:projekt_neu")),
        ("Förderprogramme", v, reverse("programme:programme")),
        ("Förderprogramm", v, reverse("programme:programm", args=[Foerderprogramm.objects.order_by("pk").first().pk])),
        ("Überfällige Verwendungsnachweise", v, reverse("programme:nachweise_ueberfaellig")),
        ("Gebiete", v, reverse("gebiete:liste")),
        ("Gebietsseite", v, reverse("gebiete:detail", args=[gebiet.pk])),
        ("Karte", v, reverse("gebiete:karte")),
        ("Sozialindex", v, reverse("quartiere:sozialindex")),
        ("Organisationen", v, reverse("akteure:organisationen")),
        ("Einrichtungen", v, reverse("akteure:einrichtungen")),
        ("Gremien", v, reverse("beteiligung:gremien")),
        ("Gremium", v, reverse("beteiligung:gremium", args=[gremium.pk])),
        ("Sitzung", v, reverse("beteiligung:sitzung", args=[sitzung.pk])),
        ("Aufgaben", v, reverse("beteiligung:aufgaben")),
        ("Offene Beschlüsse", v, reverse("beteiligung:beschluesse_offen")),
        ("Beschluss", v, reverse("beteiligung:beschluss", args=[Beschluss.objects.order_by("pk").first().pk])),
        ("Strukturcheck", v, reverse("beteiligung:strukturcheck")),
        ("Archiv", v, reverse("berichte:archiv")),
        ("Bericht", v, reverse("berichte:bericht", args=[Bericht.objects.order_by("pk").first().pk])),
    ]


def _oeffentliche_seiten() -> list[tuple[str, None, str]]:
    """(name, None, address) of the pages of the public part."""
    return [
        ("Öffentliche Startseite", None, reverse("start")),
        ("Öffentliche Startseite mit Fehlern in der Suche", None, reverse("start") + "?jahr=x&q=" + "x" * 300),
        ("Erklärung zur Barrierefreiheit", None, reverse("barrierefreiheit")),
        ("Barriere melden", None, reverse("barrierefreiheit_melden")),
        ("Leichte Sprache", None, reverse("leichte_sprache")),
        ("Öffentliches Archiv", None, reverse("berichte:archiv")),
        ("Meldungen zur Barrierefreiheit", "verwaltung", reverse("barrierefreiheit_meldungen")),
    ]


@pytest.mark.parametrize("breite", [320, 640], ids=["320px", "1280px-bei-200-prozent"])
def test_the_most_used_pages_do_not_scroll_sideways(breite, demowelt, fenster):
    seiten = {}
    ergebnisse = {}
    liste = _seiten()
    assert len(liste) == 25
    liste += _oeffentliche_seiten()
    for name, benutzer, adresse in liste:
        if benutzer not in seiten:
            seiten[benutzer] = fenster.seite(breite=breite, hoehe=800)
            if benutzer:
                anmelden(seiten[benutzer], fenster.basis, benutzer)
        seite = seiten[benutzer]
        antwort = seite.goto(fenster.basis + adresse)
        assert antwort.status == 200, f"{name} ({adresse}): HTTP {antwort.status}"
        ergebnisse[f"{name} ({adresse})"] = seite.evaluate(UEBERSTEHEND)
    zu_breit = {name: e for name, e in ergebnisse.items() if e["breite"] > e["fenster"]}
    assert zu_breit == {}, "\n".join(
        f"{name}: {e['breite']} px breit bei {e['fenster']} px Fenster; {', '.join(e['raus'])}"
        for name, e in zu_breit.items())
