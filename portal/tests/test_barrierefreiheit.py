"""WCAG 2.1 AA in Debian's Chromium, measured by axe-core with the WCAG 2.0/2.1 A and AA rules.

On the demo data each persona (staff, a quartier manager, the council, the public) starts on the
start page (for the public the public start page, with the accessibility statement, the feedback form
and the page in Leichte Sprache behind it) and follows every link to the portal, breadth first; axe checks each page reached:
zero violations. Not followed: logout (a POST), Django's admin, the OParl JSON and every download
(PDF, CSV, XLSX, person export, media); forms are only opened, never sent. Links of one shape
(the same path once numbers are ignored, the same query keys apart from paging and sorting) are
followed at most JE_MUSTER times,
so every kind of page is checked without visiting each of the hundreds of projects. Further: the
main forms in their error state, the open navigation menu on a phone, and a visible focus on
every element the keyboard reaches. Every request leaving the live server is aborted and fails
the test.

Each persona's list of checked pages is printed and written to <tmp_path>/axe-<persona>.txt
(`pytest -rP -m browser` shows it); a failure names per page the rule and the elements.
axe-core lives in portal/tests/axe/ (see its README), never among the static files.
"""

import re
import shutil
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.urls import reverse

from beteiligung.models import Gremium
from demo.daten.gemeinsam import PASSWORT
from testhilfen.konten import im_browser_anmelden

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("chromium"), reason="Chromium ist nicht installiert"),
]

AXE = Path(__file__).parent / "axe" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# persona -> demo login (None: not logged in), and how many pages its crawl reaches at least, so
# that a broken login or start page cannot pass as "no violations".
PERSONEN = {
    "verwaltung": ("verwaltung", 60),
    "quartiersmanagement": ("qm-blockdiek", 50),
    "rat": ("rat", 35),
    "oeffentlichkeit": (None, 7),
}
NICHT_FOLGEN = re.compile(r"/abmelden/|/admin/|/oparl/|/media/|/pdf/|/export/|[?&]format=")
JE_MUSTER = 2

AXE_LAUF = """async (tags) => {
  const ergebnis = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return ergebnis.violations.map(v => ({
    regel: v.id, hilfe: v.help,
    knoten: v.nodes.map(n => ({ziel: n.target.join(" "), grund: (n.failureSummary || "").split("\\n").slice(1, 3).join(" ").trim()})),
  }));
}"""


def axe_pruefen(seite) -> list[dict]:
    return seite.evaluate(AXE_LAUF, WCAG_TAGS)


def verstoesse_beschreiben(verstoesse: dict[str, list[dict]], seiten: int = 25) -> str:
    """Per rule how many pages and elements, then per page (the first `seiten`) rule and elements."""
    je_regel = Counter()
    knoten = Counter()
    for liste in verstoesse.values():
        for v in liste:
            je_regel[v["regel"]] += 1
            knoten[v["regel"]] += len(v["knoten"])
    zeilen = [f"{regel}: {anzahl} Seite(n), {knoten[regel]} Element(e)" for regel, anzahl in je_regel.most_common()]
    for adresse, liste in list(verstoesse.items())[:seiten]:
        zeilen.append(adresse)
        for v in liste:
            zeilen.append(f"  {v['regel']} ({v['hilfe']}): {len(v['knoten'])} Element(e)")
            zeilen.extend(f"    {k['ziel']} – {k['grund']}" for k in v["knoten"][:5])
    if len(verstoesse) > seiten:
        zeilen.append(f"... und {len(verstoesse) - seiten} weitere Seiten")
    return "\n".join(zeilen)


def anmelden(seite, basis: str, benutzer: str) -> None:
    # The demo's staff logins answer the second factor with the published demo key.
    im_browser_anmelden(seite, basis, benutzer, PASSWORT)


# Paging and sorting change the rows of a list, not what its page is made of.
GLEICHE_SEITE = {"seite", "sortierung"}


def muster(adresse: str) -> tuple:
    """The shape of a link: its path without numbers and its query keys, paging and sorting aside."""
    teile = urlsplit(adresse)
    schluessel = {k for k, _ in parse_qsl(teile.query, keep_blank_values=True)} - GLEICHE_SEITE
    return re.sub(r"\d+", "N", teile.path), tuple(sorted(schluessel))


@dataclass
class Erkundung:
    basis: str
    geprueft: list[str] = field(default_factory=list)
    verstoesse: dict[str, list[dict]] = field(default_factory=dict)
    fehlerseiten: dict[str, int] = field(default_factory=dict)
    ausgelassen: Counter = field(default_factory=Counter)  # link shape -> links not followed

    def pfad(self, adresse: str) -> str:
        return adresse.removeprefix(self.basis)

    def bericht(self, persona: str) -> str:
        zeilen = [f"axe ({', '.join(WCAG_TAGS)}), {persona}: {len(self.geprueft)} Seiten geprüft, "
                  f"{len(self.verstoesse)} mit Verstößen, {sum(self.ausgelassen.values())} gleichartige Links "
                  f"nicht verfolgt"]
        zeilen += [f"  {self.pfad(a)}" for a in self.geprueft]
        return "\n".join(zeilen)


def erkunden(seite, basis: str) -> Erkundung:
    """Follows the links of the portal from the start page and runs axe on every page reached."""
    erkundung = Erkundung(basis)
    gesehen = {basis + "/"}
    warteschlange = deque([basis + "/"])
    je_muster = Counter()
    while warteschlange:
        adresse = warteschlange.popleft()
        antwort = seite.goto(adresse)
        if antwort is None or antwort.status >= 400:
            erkundung.fehlerseiten[erkundung.pfad(adresse)] = antwort.status if antwort else 0
            continue
        ziel = seite.url  # after redirects, e.g. to the login
        if ziel != adresse and ziel in erkundung.geprueft:
            continue
        gesehen.add(ziel)
        if "text/html" not in antwort.headers.get("content-type", ""):
            continue
        erkundung.geprueft.append(ziel)
        verstoesse = axe_pruefen(seite)
        if verstoesse:
            erkundung.verstoesse[erkundung.pfad(ziel)] = verstoesse
        for link in seite.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            link = link.split("#", 1)[0]
            if not link.startswith(basis + "/") or NICHT_FOLGEN.search(link) or link in gesehen:
                continue
            gesehen.add(link)
            form = muster(link)
            if je_muster[form] >= JE_MUSTER:
                erkundung.ausgelassen[form] += 1
                continue
            je_muster[form] += 1
            warteschlange.append(link)
    return erkundung


@pytest.mark.parametrize("persona", list(PERSONEN))
def test_every_page_a_persona_reaches_by_links_has_no_axe_violation(persona, demowelt, fenster, tmp_path):
    benutzer, mindestens = PERSONEN[persona]
    seite = fenster.seite(skripte=[AXE])
    if benutzer:
        anmelden(seite, fenster.basis, benutzer)
    erkundung = erkunden(seite, fenster.basis)
    bericht = erkundung.bericht(persona)
    (tmp_path / f"axe-{persona}.txt").write_text(bericht + "\n", encoding="utf-8")
    print(bericht)

    assert len(erkundung.geprueft) >= mindestens, bericht
    assert erkundung.fehlerseiten == {}, f"Links auf Fehlerseiten ({persona}): {erkundung.fehlerseiten}"
    assert erkundung.verstoesse == {}, (
        f"axe-Verstöße ({persona}) auf {len(erkundung.verstoesse)} von {len(erkundung.geprueft)} Seiten:\n"
        + verstoesse_beschreiben(erkundung.verstoesse))


# The error state of a form: its title, the focused summary, links to existing fields, every
# aria-describedby pointing at an element, every error text tied to a field.
FEHLERZUSTAND = """() => {
  const fehlende = [];
  for (const element of document.querySelectorAll("[aria-describedby]")) {
    for (const id of element.getAttribute("aria-describedby").split(/\\s+/)) {
      if (id && !document.getElementById(id)) fehlende.push(`${element.id || element.tagName} -> ${id}`);
    }
  }
  const links = Array.from(document.querySelectorAll("#formularfehler a"), a => a.getAttribute("href"));
  return {
    titel: document.title,
    fokus: document.activeElement.id,
    links: links,
    linkziele_fehlen: links.filter(href => !document.getElementById(href.slice(1))),
    verweise_fehlen: fehlende,
    lose_fehler: Array.from(document.querySelectorAll(".invalid-feedback"))
      .filter(f => f.textContent.trim() && !(f.id && document.querySelector(`[aria-describedby~="${f.id}"]`)))
      .map(f => f.textContent.trim()),
  };
}"""


def _absenden(seite, knopf: str):
    with seite.expect_navigation():
        seite.get_by_role("button", name=knopf).click()


def _projekt(seite):
    seite.locator("#id_titel").fill("")
    seite.locator("#id_beginn").fill("2026-05-01")
    seite.locator("#id_ende").fill("2026-04-01")
    seite.locator("#id_gesamtkosten").fill("zwölf")
    _absenden(seite, "Speichern")


def _sitzung(seite):
    seite.locator("#id_datum").fill("")
    _absenden(seite, "Speichern")


def _ratsvorlage(seite):
    seite.locator("#id_betreff").fill("Sozialbericht")
    seite.locator("#id_beratung-0-gremium_name").fill("Rat")
    seite.locator("#id_beratung-0-datum").fill("bald")
    _absenden(seite, "Speichern und Vorschau")


def _berichtsparameter(seite):
    seite.locator("#id_jahr").fill("1800")
    _absenden(seite, "Vorschau")


def _taetigkeit(seite):
    _absenden(seite, "Tätigkeit erfassen")


def _barriere_melden(seite):
    seite.locator("#id_email").fill("keine Adresse")
    _absenden(seite, "Meldung senden")


def _berichtssuche(seite):
    # The choices offer no wrong value; a hand-edited address does.
    seite.goto(seite.url.split("?", 1)[0] + "?jahr=neunzehnhundert&stadt=0&q=Bericht")


def _anmeldung(seite):
    seite.get_by_label("Benutzername").fill("verwaltung")
    seite.get_by_label("Passwort").fill("falsch")
    _absenden(seite, "Anmelden")


def _formulare():
    # (name, login, address, how to fill and send it)
    gremium = Gremium.objects.order_by("pk").first()
    return [
        ("Projekt", "verwaltung", reverse("programme:projekt_neu"), _projekt),
        ("Sitzung", "verwaltung", reverse("beteiligung:sitzung_neu", args=[gremium.pk]), _sitzung),
        ("Ratsvorlage mit Beratungsfolge", "verwaltung", reverse("berichte:vorlage_neu"), _ratsvorlage),
        ("Programmjahresbericht", "verwaltung", reverse("berichte:vorschau", args=["programmjahresbericht"]),
         _berichtsparameter),
        ("Tätigkeit", "qm-blockdiek", reverse("taetigkeit_neu"), _taetigkeit),
        ("Anmeldung", None, reverse("login"), _anmeldung),
        ("Barriere melden", None, reverse("barrierefreiheit_melden"), _barriere_melden),
        ("Suche auf der öffentlichen Startseite", None, reverse("start"), _berichtssuche),
    ]


def test_forms_in_their_error_state_are_announced_linked_and_without_axe_violation(demowelt, fenster):
    seiten = {}
    maengel = {}
    for name, benutzer, adresse, absenden in _formulare():
        if benutzer not in seiten:
            seiten[benutzer] = fenster.seite(skripte=[AXE])
            if benutzer:
                anmelden(seiten[benutzer], fenster.basis, benutzer)
        seite = seiten[benutzer]
        seite.goto(fenster.basis + adresse)
        absenden(seite)
        zustand = seite.evaluate(FEHLERZUSTAND)
        fehler = []
        if not zustand["titel"].startswith("Fehler: "):
            fehler.append(f"Titel {zustand['titel']!r}")
        if zustand["fokus"] != "formularfehler":
            fehler.append(f"Fokus auf {zustand['fokus']!r} statt auf der Fehlerübersicht")
        if name != "Anmeldung" and not zustand["links"]:
            fehler.append("keine Links in der Fehlerübersicht")
        for schluessel in ("linkziele_fehlen", "verweise_fehlen", "lose_fehler"):
            if zustand[schluessel]:
                fehler.append(f"{schluessel}: {zustand[schluessel]}")
        if verstoesse := axe_pruefen(seite):
            fehler.append(verstoesse_beschreiben({adresse: verstoesse}))
        if fehler:
            maengel[name] = fehler
    assert maengel == {}, "\n".join(f"{name}: {'; '.join(f)}" for name, f in maengel.items())


def test_a_link_of_the_error_summary_puts_the_focus_into_its_field(demowelt, fenster):
    seite = fenster.seite()
    anmelden(seite, fenster.basis, "verwaltung")
    seite.goto(fenster.basis + reverse("programme:projekt_neu"))
    _projekt(seite)
    zusammenfassung = seite.locator("#formularfehler")
    assert seite.evaluate("document.activeElement.id") == "formularfehler"
    zusammenfassung.get_by_role("link", name=re.compile("^Ende:")).click()
    assert seite.evaluate("document.activeElement.id") == "id_ende"
    zusammenfassung.get_by_role("link", name=re.compile("^Titel:")).focus()
    seite.keyboard.press("Enter")
    assert seite.evaluate("document.activeElement.id") == "id_titel"


def test_the_open_navigation_menu_on_a_phone_has_no_axe_violation(demowelt, fenster):
    seite = fenster.seite(breite=375, hoehe=800, skripte=[AXE])
    anmelden(seite, fenster.basis, "verwaltung")
    seite.get_by_role("button", name="Navigation ein- oder ausblenden").click()
    seite.get_by_role("link", name="Projekte").wait_for(state="visible")
    assert axe_pruefen(seite) == []
    for menue in ("Programme", "Quartiere", "Beteiligung"):
        knopf = seite.get_by_role("button", name=menue)
        knopf.click()
        assert knopf.get_attribute("aria-expanded") == "true"
        verstoesse = axe_pruefen(seite)
        assert verstoesse == [], verstoesse_beschreiben({f"Menü {menue}": verstoesse})


SICHTBARER_FOKUS = """() => {
  const e = document.activeElement;
  if (e === document.body) return null;
  const s = getComputedStyle(e);
  return {element: e.outerHTML.slice(0, 120), breite: s.outlineStyle === "none" ? 0 : parseFloat(s.outlineWidth)};
}"""


@pytest.mark.parametrize("breite", [1280, 375])
def test_every_element_the_keyboard_reaches_shows_a_focus_ring(breite, demowelt, fenster):
    seite = fenster.seite(breite=breite)
    anmelden(seite, fenster.basis, "verwaltung")
    ohne_ring = []
    for adresse in (reverse("start"), reverse("programme:projekte"), reverse("programme:projekt_neu")):
        seite.goto(fenster.basis + adresse)
        if breite < 1200:
            seite.get_by_role("button", name="Navigation ein- oder ausblenden").click()
        for _ in range(40):
            seite.keyboard.press("Tab")
            fokus = seite.evaluate(SICHTBARER_FOKUS)
            if fokus is None:  # past the last element
                break
            if fokus["breite"] < 2:
                ohne_ring.append(f"{adresse}: {fokus['element']}")
    assert ohne_ring == [], "\n".join(ohne_ring)
