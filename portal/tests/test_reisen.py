"""Whole journeys through the portal in Debian's Chromium, by keyboard only, as a person would go them.

Every step is a key press (Tab, Shift+Tab, Enter, Space, arrow keys) or typing (`page.keyboard`); nothing
is clicked and no field is filled behind the user's back. On the demo data:

1. A quartier manager logs in, logs a project with its financing plan, requests funding, documents a
   meeting with participants, topics with dots and a decision, and adds a work-log entry.
2. Staff open that request from their start page, see the grant refused while the area budget is
   short, grant what the budget allows, and publish a programme year report (through its confirmation
   page; the queue runs at once in tests).
3. The council finds that report and downloads it: the bytes are a PDF whose SHA-256 is the one the
   page shows and the archive stored.
4. The public downloads a public report and is refused a non-public one.

Every request leaving the live server is aborted and counted (zero at the end). The last page of each
journey is saved as a screenshot under var/testartefakte/ and checked with axe (WCAG 2.0/2.1 A and AA):
zero violations.
"""

import datetime as dt
import hashlib
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from berichte.models import Bericht, Berichtsart
from beteiligung.models import Beschluss, Sitzung, Taetigkeit, Teilnahme, Themenbewertung
from demo.daten.gemeinsam import PASSWORT
from berichte import services as berichte_services
from programme import services as programme_services
from programme import zuwendung_services
from programme.models import Bewilligung, Foerderprogramm, Jahresbudget, Projekt
from programme.zuwendung import Finanzierungsplan, Traegerdaten
from programme.zuwendung_services import Zeile
from quartiere.models import Gebiet, Organisation
from testhilfen.konten import totp_code

from .test_barrierefreiheit import AXE, axe_pruefen

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("chromium"), reason="Chromium ist nicht installiert"),
]

ARTEFAKTE = Path(settings.BASE_DIR) / "var" / "testartefakte"
JAHR = dt.date.today().year + 1  # the project runs next year, so the grant is no early start
PROGRAMM = "WiN 2023–2029"
GEBIET = "Blockdiek"
GEBIETSBUDGET = Decimal("3000.00")
PROJEKT = "Reparaturcafé Blockdiek"


# --- the keyboard ---------------------------------------------------------------------------------

GEWAEHLT = "() => { const e = document.activeElement; return e.options[e.selectedIndex]?.text || ''; }"


def waehlen(t, text: str, hoechstens: int = 200) -> None:
    """In a focused select: Home, then the arrow key down until the option starting with this text is
    chosen (the list stays closed, as with the keyboard in any browser)."""
    t.seite.keyboard.press("Home")
    for _ in range(hoechstens):
        if t.seite.evaluate(GEWAEHLT).strip().startswith(text):
            return
        t.seite.keyboard.press("ArrowDown")
    raise AssertionError(f"Keine Auswahl „{text}“ auf {t.seite.url}")


def datum_tippen(t, tag: dt.date) -> None:
    """In a focused date field (typed TT.MM.JJJJ): the whole date, replacing what the field held."""
    t.tippen(tag.strftime("%d.%m.%Y"))
    assert t.seite.evaluate("document.activeElement.value") == tag.strftime("%d.%m.%Y")


BESCHRIFTUNG = "() => { const e = document.activeElement; return e && e.labels && e.labels.length ? e.labels[0].innerText : ''; }"


def tab_bis_beschriftung(t, text: str, hoechstens: int = 60) -> None:
    """Tabs forward until the focused field's label starts with this text (checkboxes, radio buttons)."""
    for _ in range(hoechstens):
        t.tab()
        if t.seite.evaluate(BESCHRIFTUNG).strip().startswith(text):
            return
    raise AssertionError(f"Mit Tab kein Feld „{text}“ erreicht auf {t.seite.url}")


def link(t, text: str, hoechstens: int = 200) -> None:
    """Tabs to the link that starts with this text and follows it."""
    for _ in range(hoechstens):
        fokus = t.tab()
        if fokus and fokus["tag"] == "a" and fokus["text"].startswith(text):
            t.druecken("Enter", warten=True)
            return
    raise AssertionError(f"Mit Tab keinen Link „{text}“ erreicht auf {t.seite.url}")


def feld(t, id: str, text: str, hoechstens: int = 120) -> None:
    t.tab_bis(id=id, hoechstens=hoechstens)
    t.tippen(text)


def senden(t, knopf: str = "Speichern", taste: str = "Enter") -> None:
    t.tab_bis(text=knopf)
    t.druecken(taste, warten=True)


def anmelden(t, seite, basis: str, benutzer: str) -> None:
    """The login by keyboard; for accounts with a second factor the code of the account's app."""
    seite.goto(basis + reverse("login"))
    assert t.fokus()["id"] == "id_username"
    t.tippen(benutzer)
    t.tab()
    t.tippen(PASSWORT)
    t.druecken("Enter", warten=True)
    if seite.url == basis + reverse("anmeldung_code"):
        assert t.fokus()["id"] == "id_code"
        t.tippen(totp_code(TOTPDevice.objects.get(user__username=benutzer, confirmed=True)))
        t.druecken("Enter", warten=True)
    assert seite.url == basis + "/", seite.url


def meldung(seite) -> str:
    return " ".join(seite.locator("[role=status], [role=alert], .alert").all_inner_texts())


def abschliessen(seite, t, fenster, name: str) -> None:
    """The end of a journey: screenshot as a test artefact, axe on the last page, no focus fault, no
    request to a third party."""
    ARTEFAKTE.mkdir(parents=True, exist_ok=True)
    seite.screenshot(path=ARTEFAKTE / f"reise-{name}.png", full_page=True)
    assert axe_pruefen(seite) == [], seite.url
    assert t.maengel == [], "\n".join(t.maengel)
    assert fenster.fremde_anfragen == [], fenster.fremde_anfragen


# --- 1. the quartier manager ------------------------------------------------------------------------

def projekt_erfassen(t, seite, traeger: str) -> None:
    """From the start page: the project form, filled and saved."""
    t.tab_bis(text="Projekt erfassen")
    t.druecken("Enter", warten=True)
    feld(t, "id_titel", PROJEKT)
    t.tab_bis(id="id_gebiet")
    waehlen(t, GEBIET)
    feld(t, "id_traeger", traeger)
    t.tab_bis(id="id_beginn")
    datum_tippen(t, dt.date(JAHR, 2, 1))
    t.tab_bis(id="id_ende")
    datum_tippen(t, dt.date(JAHR, 11, 30))
    tab_bis_beschriftung(t, "Wohnen und Wohnumfeld")
    t.druecken("Space")
    tab_bis_beschriftung(t, "Seniorinnen und Senioren")
    t.druecken("Space")
    feld(t, "id_beschreibung", "Nachbarinnen und Nachbarn reparieren gemeinsam Fahrräder, Lampen und Kleidung.")
    feld(t, "id_ziele", "Ein offener Treffpunkt an jedem zweiten Samstag.")
    feld(t, "id_gesamtkosten", "8.000,00")
    feld(t, "id_eigenmittel", "4.000,00")
    feld(t, "id_teilnehmende_geplant", "120")
    senden(t)
    assert "Das Projekt ist gespeichert." in meldung(seite), meldung(seite)


def finanzierungsplan_anlegen(t, seite) -> None:
    """On the project page: the financing plan, one row each for expenses, own funds and the grant."""
    t.tab_bis(text="Anlegen")
    t.druecken("Enter", warten=True)
    zeilen = [("Sachausgaben", "Werkzeug und Material", "5.000,00", None),
              ("Honorare", "Anleitung durch Fachleute", "3.000,00", None),
              ("Eigenmittel", "Spenden und Mitgliedsbeiträge", "4.000,00", None),
              ("beantragte Zuwendung", "", "4.000,00", PROGRAMM)]
    for nummer, (kategorie, bezeichnung, betrag, programm) in enumerate(zeilen):
        t.tab_bis(id=f"id_plan-{nummer}-kategorie")
        waehlen(t, kategorie)
        if bezeichnung:
            feld(t, f"id_plan-{nummer}-bezeichnung", bezeichnung)
        feld(t, f"id_plan-{nummer}-jahr", str(JAHR))
        feld(t, f"id_plan-{nummer}-betrag", betrag)
        if programm:
            t.tab_bis(id=f"id_plan-{nummer}-programm")
            waehlen(t, programm)
    senden(t)
    assert seite.url.endswith(reverse("programme:projekt", args=[_projekt().pk])), seite.url


def foerderung_beantragen(t, seite) -> None:
    t.tab_bis(text="Förderung beantragen")
    t.druecken("Enter", warten=True)
    t.tab_bis(id="id_programm")
    waehlen(t, PROGRAMM)
    feld(t, "id_jahr", str(JAHR))
    feld(t, "id_betrag", "4.000,00")
    feld(t, "id_begruendung", "Der Treffpunkt fehlt im Quartier; Material und Werkzeug kosten 8.000 €.")
    senden(t, "Speichern", "Space")
    assert "Der Antrag ist gestellt." in meldung(seite), meldung(seite)


def _projekt() -> Projekt:
    return Projekt.objects.get(titel=PROJEKT)


SITZUNG = "Forum Reparaturcafé"


def sitzung_planen(t, seite) -> None:
    """Through the navigation to the bodies, the area's forum, and a meeting of it."""
    t.tab_bis(text="Beteiligung")
    t.druecken("Enter")
    t.tab_bis(text="Gremien")
    t.druecken("Enter", warten=True)
    t.tab_bis(text="WiN-Forum Blockdiek")
    t.druecken("Enter", warten=True)
    t.tab_bis(text="Sitzung planen")
    t.druecken("Enter", warten=True)
    feld(t, "id_titel", SITZUNG)
    feld(t, "id_datum", (dt.date.today() - dt.timedelta(days=2)).strftime("%d.%m.%Y"))
    feld(t, "id_beginn", "18:00")
    feld(t, "id_ende", "20:00")
    feld(t, "id_ort", "Stadtteilhaus Blockdiek, Saal")
    t.tab_bis(id="id_format")
    waehlen(t, "Lean Coffee")
    feld(t, "id_punkte_je_person", "3")
    feld(t, "id_hintergrund", "Wie soll das Reparaturcafé arbeiten?")
    senden(t)
    assert SITZUNG in seite.get_by_role("heading", level=1).inner_text(), seite.url


def zur_sitzungsseite(t, seite, link: str) -> None:
    t.tab_bis(text=link)
    t.druecken("Enter", warten=True)


def teilnehmende_erfassen(t, seite) -> None:
    """A resident new to the portal, with the day of her consent, and an official already known."""
    zur_sitzungsseite(t, seite, "Teilnehmende")
    feld(t, "id_vorname", "Lea")
    feld(t, "id_nachname", "Sommerfeld")
    feld(t, "id_einwilligung_am", dt.date.today().strftime("%d.%m.%Y"))
    senden(t, "Hinzufügen")
    assert "Sommerfeld" in seite.locator("main").inner_text(), meldung(seite)
    t.tab_bis(id="id_person")
    waehlen(t, "Albers")
    t.tab_bis(id="id_rolle")
    waehlen(t, "Gesprächsleitung")
    senden(t, "Hinzufügen")
    assert "Albers" in seite.locator("main").inner_text(), meldung(seite)
    t.tab_bis(text="← " + SITZUNG)
    t.druecken("Enter", warten=True)


def themen_erfassen(t, seite) -> None:
    """Two topic cards with their dots: one discussed with a result, one kept for later."""
    zur_sitzungsseite(t, seite, "Themen und Punkte")
    for titel, punkte, ergebnis in (("Öffnungszeiten am Samstag", "2", "Jeden zweiten Samstag von 10 bis 14 Uhr."),
                                    ("Werkzeugspenden sammeln", "1", "")):
        feld(t, "id_titel", titel)
        t.tab_bis(id="id_handlungsfeld")
        waehlen(t, "Wohnen und Wohnumfeld")
        feld(t, "id_punkte", punkte)
        t.tab_bis(id="id_besprochen")
        if seite.evaluate("document.activeElement.checked") != bool(ergebnis):
            t.druecken("Space")
        if ergebnis:
            feld(t, "id_ergebnis", ergebnis)
        senden(t, "Aufnehmen")
        assert titel in seite.locator("main").inner_text(), meldung(seite)
    t.tab_bis(text="← " + SITZUNG)
    t.druecken("Enter", warten=True)


def beschluss_erfassen(t, seite) -> None:
    zur_sitzungsseite(t, seite, "Beschluss erfassen")
    feld(t, "id_text", "Das Forum empfiehlt, das Reparaturcafé aus WiN zu fördern.")
    t.tab_bis(id="id_art")
    waehlen(t, "Konsens")
    senden(t)
    assert "Reparaturcafé aus WiN zu fördern" in seite.locator("main").inner_text(), meldung(seite)


def sitzung_dokumentieren(t, seite) -> None:
    """Held, then documented (with its author)."""
    for status in ("durchgeführt", "dokumentiert"):
        zur_sitzungsseite(t, seite, "Status ändern")
        t.tab_bis(id="id_status")
        waehlen(t, status)
        if status == "dokumentiert":
            feld(t, "id_datum", dt.date.today().strftime("%d.%m.%Y"))
            t.tab_bis(id="id_verfasst_von")
            waehlen(t, "Kaminski")
        senden(t)
        assert SITZUNG in seite.get_by_role("heading", level=1).inner_text(), meldung(seite)


TAETIGKEIT = "Beratung zum Reparaturcafé im Stadtteilhaus"


def taetigkeit_erfassen(t, seite, basis: str) -> None:
    """Back to the start page through the navigation; the work log form is on it."""
    t.tab_bis(text="Start")
    t.druecken("Enter", warten=True)
    assert seite.url == basis + "/"
    t.tab_bis(text="Tätigkeit erfassen", hoechstens=300)  # the summary that opens the form
    t.druecken("Enter")
    feld(t, "id_titel", TAETIGKEIT)
    t.tab_bis(id="id_handlungsfeld")
    waehlen(t, "Wohnen und Wohnumfeld")
    feld(t, "id_erreichte_personen", "14")
    feld(t, "id_beschreibung", "Sprechstunde mit Nachbarinnen und Nachbarn, die mitmachen wollen.")
    senden(t, "Tätigkeit erfassen", "Space")
    assert f"Die Tätigkeit „{TAETIGKEIT}“ ist erfasst." in meldung(seite), meldung(seite)


# --- 2. staff ---------------------------------------------------------------------------------------

def antrag_oeffnen(t, seite, projekt: str) -> None:
    """From the staff start page to the grant form of the project's open request: the work basket's row of
    requests to decide, and there the request's "Entscheiden"."""
    link(t, "Anträge zu entscheiden")
    assert "zeile=antraege" in seite.url, seite.url
    for _ in range(600):
        fokus = t.tab()
        if fokus and fokus["tag"] == "a" and fokus["text"].startswith("Entscheiden") and projekt in fokus["text"]:
            t.druecken("Enter", warten=True)
            break
    else:
        raise AssertionError(f"Im Arbeitskorb kein Antrag „{projekt}“ erreicht")
    assert seite.get_by_role("heading", level=1).inner_text().startswith("Bewilligen"), seite.url


def bewilligen(t, seite, betrag: str) -> None:
    feld(t, "id_betrag", betrag)
    senden(t)


def programmjahresbericht_veroeffentlichen(t, seite) -> None:
    """Reports in the navigation, a new one, the programme year: preview, publish, confirm."""
    link(t, "Berichte")
    link(t, "Bericht erstellen")
    t.tab_bis(id="id_programmjahresbericht_programm")
    waehlen(t, PROGRAMM)
    feld(t, "id_programmjahresbericht_jahr", str(JAHR))
    t.druecken("Enter", warten=True)
    assert seite.title().startswith(f"Programmjahresbericht {PROGRAMM} {JAHR}"), seite.title()
    # Not ticked "öffentlich": the council and the managers see it, the public does not.
    t.tab_bis(text="Veröffentlichen")
    t.druecken("Enter", warten=True)
    assert seite.get_by_role("heading", level=1).inner_text() == "Veröffentlichung bestätigen"
    assert "nichtöffentlich" in seite.locator("#bestaetigung").inner_text()
    t.tab_bis(text="Verbindlich veröffentlichen")
    t.druecken("Space", warten=True)


# --- 3. the council and 4. the public ----------------------------------------------------------------

def herunterladen(t, seite, linktext: str) -> bytes:
    """Tabs to the download link and presses Enter; the bytes the browser saved."""
    for _ in range(200):
        fokus = t.tab()
        if fokus and fokus["tag"] == "a" and fokus["text"].startswith(linktext):
            break
    else:
        raise AssertionError(f"Kein Link „{linktext}“ auf {seite.url}")
    with seite.expect_download() as laden:
        t.druecken("Enter")
    return Path(laden.value.path()).read_bytes()


def bericht_finden(t, seite, titel: str) -> None:
    """The council: reports in the navigation, filtered by kind and programme, the report's page."""
    link(t, "Berichte")
    t.tab_bis(id="id_art")
    waehlen(t, "Programmjahresbericht")
    t.tab_bis(id="id_programm")
    waehlen(t, PROGRAMM)
    senden(t, "Filtern")
    assert "art=programmjahresbericht" in seite.url
    link(t, titel)
    assert seite.get_by_role("heading", level=1).inner_text() == titel


def pdf_pruefen(daten: bytes, bericht: Bericht, angezeigt: str) -> None:
    pruefsumme = hashlib.sha256(daten).hexdigest()
    assert daten.startswith(b"%PDF-") and daten.rstrip().endswith(b"%%EOF")
    assert pruefsumme == angezeigt == bericht.sha256
    assert len(daten) == bericht.dateigroesse



# --- the journeys -----------------------------------------------------------------------------------

class Welt:
    """The demo data and what the journeys add to them: next year's budgets of the programme (the area's
    shorter than the request) and an operator of the area's city with the details a grant needs."""

    def __init__(self):
        self.programm = Foerderprogramm.objects.get(kurzname=PROGRAMM)
        self.gebiet = Gebiet.objects.get(name=GEBIET)
        Jahresbudget.objects.get_or_create(programm=self.programm, jahr=JAHR, gebiet=None,
                                           defaults={"betrag": Decimal("100000.00")})
        Jahresbudget.objects.update_or_create(programm=self.programm, jahr=JAHR, gebiet=self.gebiet,
                                              defaults={"betrag": GEBIETSBUDGET})
        self.traeger = (Traegerdaten.objects.filter(organisation__stadt=self.gebiet.stadt)
                        .exclude(organisation__art=Organisation.Art.AMT).select_related("organisation")
                        .order_by("organisation__name").first().organisation)

    def antrag(self) -> Bewilligung:
        """The manager's request as the first journey leaves it, made through the services."""
        qm = User.objects.get(username="qm-blockdiek")
        projekt = programme_services.projekt_speichern(durch=qm, projekt=None, daten={
            "titel": PROJEKT, "gebiet": self.gebiet, "traeger": self.traeger, "beginn": dt.date(JAHR, 2, 1),
            "ende": dt.date(JAHR, 11, 30), "gesamtkosten": Decimal("8000"), "eigenmittel": Decimal("4000"),
            "drittmittel": Decimal("0"), "handlungsfelder": [], "zielgruppen": [], "beschreibung": "", "ziele": "",
            "teilnehmende_geplant": 120, "teilnehmende_erreicht": None})
        zuwendung_services.finanzierungsplan_speichern(projekt=projekt, durch=qm, zeilen=[
            Zeile("sachkosten", JAHR, Decimal("5000"), "Werkzeug und Material"),
            Zeile("honorare", JAHR, Decimal("3000"), "Anleitung durch Fachleute"),
            Zeile("eigenmittel", JAHR, Decimal("4000")),
            Zeile("zuwendung", JAHR, Decimal("4000"), programm=self.programm)])
        return programme_services.bewilligung_beantragen(projekt=projekt, programm=self.programm, jahr=JAHR,
                                                         betrag=Decimal("4000"), durch=qm)

    def bericht(self, *, oeffentlich: bool) -> Bericht:
        return berichte_services.bericht_veroeffentlichen(
            art=Berichtsart.PROGRAMMJAHRESBERICHT, parameter={"programm": self.programm.pk, "jahr": JAHR},
            oeffentlich=oeffentlich, durch=User.objects.get(username="verwaltung"))


@pytest.fixture
def welt(demowelt):
    return Welt()


def test_a_manager_logs_a_project_with_its_plan_requests_funding_documents_a_meeting_and_logs_work(
        welt, fenster, tastatur):
    seite = fenster.seite(skripte=[AXE])
    t = tastatur(seite)
    anmelden(t, seite, fenster.basis, "qm-blockdiek")

    projekt_erfassen(t, seite, welt.traeger.name)
    finanzierungsplan_anlegen(t, seite)
    foerderung_beantragen(t, seite)
    projekt = _projekt()
    assert (projekt.gebiet, projekt.traeger, projekt.status) == (welt.gebiet, welt.traeger, Projekt.Status.BEANTRAGT)
    assert (projekt.beginn, projekt.ende) == (dt.date(JAHR, 2, 1), dt.date(JAHR, 11, 30))
    assert [h.name for h in projekt.handlungsfelder.all()] == ["Wohnen und Wohnumfeld"]
    plan = Finanzierungsplan.objects.get(projekt=projekt)
    assert sorted((p.kategorie, p.betrag) for p in plan.positionen.all()) == [
        ("eigenmittel", Decimal("4000.00")), ("honorare", Decimal("3000.00")), ("sachkosten", Decimal("5000.00")),
        ("zuwendung", Decimal("4000.00"))]
    antrag = projekt.bewilligungen.get()
    assert (antrag.programm, antrag.jahr, antrag.betrag_beantragt, antrag.status) == (
        welt.programm, JAHR, Decimal("4000.00"), Bewilligung.Status.BEANTRAGT)

    sitzung_planen(t, seite)
    teilnehmende_erfassen(t, seite)
    themen_erfassen(t, seite)
    beschluss_erfassen(t, seite)
    sitzung_dokumentieren(t, seite)
    sitzung = Sitzung.objects.get(titel=SITZUNG)
    assert sitzung.status == Sitzung.Status.DOKUMENTIERT and sitzung.gremium.name == "WiN-Forum Blockdiek"
    assert sorted(Teilnahme.objects.filter(sitzung=sitzung).values_list("person__nachname", flat=True)) == [
        "Albers", "Sommerfeld"]
    assert [(b.thema.titel, b.punkte, b.besprochen) for b in Themenbewertung.objects.filter(sitzung=sitzung)] == [
        ("Öffnungszeiten am Samstag", 2, True), ("Werkzeugspenden sammeln", 1, False)]
    assert Beschluss.objects.get(sitzung=sitzung).art == Beschluss.Art.KONSENS

    taetigkeit_erfassen(t, seite, fenster.basis)
    taetigkeit = Taetigkeit.objects.get(titel=TAETIGKEIT)
    assert (taetigkeit.gebiet, taetigkeit.erreichte_personen, taetigkeit.datum) == (welt.gebiet, 14, dt.date.today())
    abschliessen(seite, t, fenster, "quartiersmanagement")


def test_staff_grant_the_request_within_the_budget_and_publish_the_programme_year_report(welt, fenster, tastatur):
    antrag = welt.antrag()
    seite = fenster.seite(skripte=[AXE])
    t = tastatur(seite)
    anmelden(t, seite, fenster.basis, "verwaltung")

    antrag_oeffnen(t, seite, PROJEKT)
    bewilligen(t, seite, "4.000,00")
    assert seite.evaluate("document.activeElement.id") == "formularfehler"
    assert (f"Das Budget {PROGRAMM} {JAHR} für {GEBIET} reicht nicht: frei sind noch 3.000,00 €, bewilligt "
            "werden sollen 4.000,00 €.") in meldung(seite)
    assert seite.title().startswith("Fehler:")
    antrag.refresh_from_db()
    assert (antrag.status, antrag.betrag_bewilligt) == (Bewilligung.Status.BEANTRAGT, None)
    bewilligen(t, seite, "3.000,00")
    assert "Die Förderung ist bewilligt." in meldung(seite), meldung(seite)
    antrag.refresh_from_db()
    assert (antrag.status, antrag.betrag_bewilligt) == (Bewilligung.Status.BEWILLIGT, Decimal("3000.00"))

    programmjahresbericht_veroeffentlichen(t, seite)
    bericht = Bericht.objects.get(art=Berichtsart.PROGRAMMJAHRESBERICHT, parameter__jahr=JAHR)
    assert seite.url == fenster.basis + reverse("berichte:bericht", args=[bericht.pk])
    assert f"Der Bericht ist als Nr. {bericht.nummer} veröffentlicht." in meldung(seite)
    assert bericht.oeffentlich is False and bericht.titel == f"Programmjahresbericht {PROGRAMM} {JAHR}"
    abschliessen(seite, t, fenster, "verwaltung")


def test_the_council_finds_the_report_and_downloads_the_pdf_it_was_published_as(welt, fenster, tastatur):
    bericht = welt.bericht(oeffentlich=False)
    seite = fenster.seite(skripte=[AXE])
    t = tastatur(seite)
    anmelden(t, seite, fenster.basis, "rat")

    bericht_finden(t, seite, bericht.titel)
    angezeigt = seite.locator("code").filter(has_text=re.compile(r"^[0-9a-f]{64}$")).inner_text()
    daten = herunterladen(t, seite, "PDF herunterladen")
    pdf_pruefen(daten, bericht, angezeigt)
    abschliessen(seite, t, fenster, "rat")


def test_the_public_downloads_a_public_report_and_is_refused_a_non_public_one(welt, fenster, tastatur):
    intern = welt.bericht(oeffentlich=False)
    oeffentlich = Bericht.objects.oeffentlich().aktuell().order_by("pk").first()
    seite = fenster.seite(skripte=[AXE])
    t = tastatur(seite)
    seite.goto(fenster.basis + "/")

    feld(t, "id_q", oeffentlich.titel)
    t.druecken("Enter", warten=True)
    assert seite.locator("#oeffentliche-berichte").get_by_role("link", name=intern.titel).count() == 0
    link(t, oeffentlich.titel)
    angezeigt = seite.locator("code").filter(has_text=re.compile(r"^[0-9a-f]{64}$")).inner_text()
    pdf_pruefen(herunterladen(t, seite, "PDF herunterladen"), oeffentlich, angezeigt)

    # A link to the non-public report, sent on by someone: the page and its PDF are refused in German.
    for adresse in (reverse("berichte:bericht", args=[intern.pk]), reverse("berichte:pdf", args=[intern.pk])):
        antwort = seite.goto(fenster.basis + adresse)
        assert antwort.status == 404
        assert "Diesen Bericht gibt es nicht oder er ist nicht öffentlich." in seite.locator("main").inner_text()
    abschliessen(seite, t, fenster, "oeffentlichkeit")
