"""Wording of the interface: proper German everywhere a user reads.

Each demo role (staff, two quartier managements, the council, the public) starts on its start page
and follows the portal's links breadth first, as the axe crawl does (same link shapes, same links
left out); on every page reached the visible text (text, option labels, placeholders, titles,
aria labels) must hold none of:
- Django's and django-filter's own empty choices ("---------", "Unbekannt") or English words
  ("Parent (absteigend)");
- German words spelt in ASCII ("Traeger", "Massnahme", "ae/oe/ue" for umlauts);
- a count in the plural after 1 ("1 Einträge");
- the placeholder "Stadt / Kommune";
- two entries of one choice list with the same label (two "Blumenthal", three "SPD").
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections import Counter, deque
from html.parser import HTMLParser

import django_filters
import pytest
from django import forms
from django.apps import apps
from django.contrib.auth.models import User

from kern.filter import Filterliste
from kern.formulare import DatumEingabe, Formular, Modellformular

from .test_barrierefreiheit import JE_MUSTER, NICHT_FOLGEN, muster

# Letter sequences in proper German words that look like an ASCII umlaut: neue, Steuer, Frauen,
# Quelle, zuerst, Goethestraße (and the authenticator app Aegis).
ECHTE_FOLGEN = ("eue", "aue", "äue", "que", "uell", "uett", "goeth", "zuerst", "aegis", "poesie", "michael", "israel")
ENGLISCH = {"parent", "none", "unknown", "ordering", "ascending", "descending", "search", "submit", "yes",
            "select", "choose", "created", "modified", "date", "page", "previous", "next"}
MEHRZAHL_NACH_EINS = re.compile(
    r"(?<![\d.,])1 (Einträge|Projekte|Sitzungen|Personen|Teilnehmende|Gebiete|Mitglieder|Punkte|Seiten|Berichte|"
    r"Monate|Bausteine|Indikatoren|Werte|Angaben|Bewertungspunkte|Zeilen|Treffer|Jahre|Stimmen)\b")
VERBOTEN = ("---------", "Stadt / Kommune")

PERSONEN = {
    "verwaltung": ("verwaltung", 60),
    "qm-blockdiek": ("qm-blockdiek", 40),
    "qm-rheindorf": ("qm-rheindorf", 40),
    "rat": ("rat", 30),
    "oeffentlichkeit": (None, 5),
}


def ascii_umschrift(wort: str) -> bool:
    """Whether a word spells an umlaut as ae/oe/ue ("Traeger", "Foerderung", "Massnahme")."""
    klein = wort.lower()
    if "massnahm" in klein:
        return True
    for folge in ECHTE_FOLGEN:
        klein = klein.replace(folge, "")
    return re.search(r"ae|oe|ue", klein) is not None


def technisch(wort: str) -> bool:
    # Placeholders of text blocks ({traeger}), addresses, table names, checksums, abbreviations.
    return bool(re.search(r"[\d_@{}/:]|\.\w", wort)) or wort.isupper()


# Not read as wording: scripts, styles, and code (a literal such as OParl's `deleted: true`).
AUSGEBLENDET = ("script", "style", "template", "code")


class Seitentext(HTMLParser):
    """What a user reads on a page, the links it offers and the labels of each choice list."""

    def __init__(self):
        super().__init__()
        self.teile: list[str] = []
        self.links: list[str] = []
        self.auswahlen: list[list[str]] = []
        self._ausgeblendet = 0
        self._option: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        werte = dict(attrs)
        if tag in AUSGEBLENDET:
            self._ausgeblendet += 1
        elif tag == "a" and werte.get("href"):
            self.links.append(werte["href"])
        elif tag == "select":
            self.auswahlen.append([])
        elif tag == "option":
            self._option = []
        for name in ("placeholder", "title", "aria-label", "alt"):
            if werte.get(name):
                self.teile.append(werte[name])
        if tag == "input" and werte.get("type") in ("submit", "button") and werte.get("value"):
            self.teile.append(werte["value"])

    def handle_endtag(self, tag):
        if tag in AUSGEBLENDET:
            self._ausgeblendet -= 1
        elif tag == "option" and self._option is not None:
            if self.auswahlen:
                self.auswahlen[-1].append(" ".join(self._option).strip())
            self._option = None

    def handle_data(self, data):
        if self._ausgeblendet or not data.strip():
            return
        self.teile.append(data.strip())
        if self._option is not None:
            self._option.append(data.strip())


def maengel(seite: Seitentext) -> list[str]:
    text = "\n".join(seite.teile)
    gefunden = [f"„{v}“" for v in VERBOTEN if v in text]
    gefunden += [f"„{m.group(0)}“" for m in MEHRZAHL_NACH_EINS.finditer(text)]
    for wort in {w.strip(".,;:!?()[]„“\"'–-·") for w in text.split()}:
        if not wort or technisch(wort):
            continue
        if ascii_umschrift(wort) or wort.lower() in ENGLISCH:
            gefunden.append(f"„{wort}“")
    for auswahl in seite.auswahlen:
        if "Unbekannt" in auswahl:
            gefunden.append("Auswahl „Unbekannt“")
        doppelt = sorted(name for name, n in Counter(auswahl).items() if n > 1)
        if doppelt:
            gefunden.append(f"gleich lautende Auswahl: {', '.join(doppelt)}")
    return gefunden


def erkunden(client) -> tuple[list[str], dict[str, list[str]]]:
    """Follows the links from the start page; returns the pages read and the faults per page."""
    gesehen, warteschlange, je_muster = {"/"}, deque(["/"]), Counter()
    gelesen, fehler = [], {}
    while warteschlange:
        adresse = warteschlange.popleft()
        antwort = client.get(adresse, follow=True)
        if antwort.status_code != 200 or "text/html" not in antwort.get("Content-Type", ""):
            continue
        seite = Seitentext()
        seite.feed(antwort.content.decode())
        gelesen.append(adresse)
        if befund := maengel(seite):
            fehler[adresse] = befund
        for link in seite.links:
            link = link.split("#", 1)[0]
            if not link.startswith("/") or link.startswith("//") or NICHT_FOLGEN.search(link) or link in gesehen:
                continue
            gesehen.add(link)
            if je_muster[muster(link)] >= JE_MUSTER:
                continue
            je_muster[muster(link)] += 1
            warteschlange.append(link)
    return gelesen, fehler


@pytest.mark.parametrize("persona", list(PERSONEN))
def test_no_page_a_role_reaches_shows_english_ascii_or_placeholder_wording(persona, demodaten, client):
    benutzer, mindestens = PERSONEN[persona]
    if benutzer:
        client.force_login(User.objects.get(username=benutzer))
    gelesen, fehler = erkunden(client)
    assert len(gelesen) >= mindestens, gelesen
    assert fehler == {}, "\n".join(f"{adresse}: {'; '.join(liste)}" for adresse, liste in fehler.items())


@pytest.mark.parametrize("wort, falsch", [
    ("Traeger", True), ("Massnahme", True), ("Foerderprogramme", True), ("Uebersicht", True), ("zurueck", True),
    ("Träger", False), ("Steuerungskreis", False), ("neue", False), ("Quelle", False), ("Frauenfrühstück", False),
    ("zuerst", False), ("Goethestraße", False), ("dauerhafte", False),
])
def test_ascii_spellings_are_told_from_german_words(wort, falsch):
    assert ascii_umschrift(wort) is falsch


def test_the_check_finds_each_kind_of_fault():
    seite = Seitentext()
    seite.feed('<p>1 Einträge</p><select><option value="">---------</option><option>Unbekannt</option></select>'
               '<select><option>SPD</option><option>SPD</option></select><p>Parent (absteigend), Traeger</p>')
    assert sorted(maengel(seite)) == sorted([
        "„---------“", "„1 Einträge“", "Auswahl „Unbekannt“", "gleich lautende Auswahl: SPD", "„Parent“",
        "„Traeger“"])


def _texte_der_modelle():
    for modell in apps.get_models():
        if modell._meta.app_label not in {"quartiere", "programme", "beteiligung", "berichte", "portal"}:
            continue
        yield modell.__name__, str(modell._meta.verbose_name)
        yield modell.__name__, str(modell._meta.verbose_name_plural)
        for feld in modell._meta.get_fields():
            if feld.auto_created and not feld.concrete:
                continue
            yield f"{modell.__name__}.{feld.name}", str(getattr(feld, "verbose_name", ""))
            yield f"{modell.__name__}.{feld.name}", re.sub(r"\{\w+\}", "", str(getattr(feld, "help_text", "")))
            for _wert, titel in getattr(feld, "flatchoices", None) or ():
                yield f"{modell.__name__}.{feld.name}", str(titel)


def test_verbose_names_help_texts_and_choices_of_every_model_are_proper_german():
    falsch = [(wo, text) for wo, text in _texte_der_modelle()
              if any(ascii_umschrift(w) and not technisch(w) for w in re.findall(r"\w+", text))
              or "Stadt / Kommune" in text]
    assert falsch == []


APPS = ("kern", "quartiere", "programme", "beteiligung", "berichte", "oparl", "portal")


def _unterklassen(basis):
    for klasse in basis.__subclasses__():
        yield klasse
        yield from _unterklassen(klasse)


def _eigene(basis) -> list[type]:
    for app in APPS:
        paket = importlib.import_module(app)
        for modul in pkgutil.walk_packages(paket.__path__, f"{app}."):
            if not re.search(r"\.(tests|migrations|management)(\.|$)", modul.name):
                importlib.import_module(modul.name)
    return [k for k in set(_unterklassen(basis)) if k.__module__.split(".")[0] in APPS
            and ".tests" not in k.__module__ and not k.__module__.endswith(".admin")
            and not k.__module__.startswith("kern.")]


def test_every_form_and_filter_of_the_portal_is_built_on_the_shared_base():
    formulare = _eigene(forms.BaseForm)
    filter_ = _eigene(django_filters.FilterSet)
    assert len(formulare) > 40 and len(filter_) >= 6
    assert sorted(k.__qualname__ for k in formulare if not issubclass(k, (Formular, Modellformular))) == []
    assert sorted(k.__qualname__ for k in filter_ if not issubclass(k, Filterliste)) == []


def test_no_form_declares_a_date_input_of_its_own():
    # The base puts DatumEingabe on every date field; a form's own DateInput (type="date") would be replaced.
    eigene = [(k.__qualname__, name) for k in _eigene(forms.BaseForm) for name, feld in k.base_fields.items()
              if isinstance(feld, forms.DateField) and isinstance(feld.widget, forms.DateInput)
              and not isinstance(feld.widget, DatumEingabe) and feld.widget.input_type == "date"]
    assert eigene == []
