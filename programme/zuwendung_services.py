"""Changes under grant law: operator details, financing plans, type of financing and funding period, early
start, text blocks. Each function runs in one transaction and refuses with a German Regelverstoss."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction

from kern.fehler import Regelverstoss
from kern.format import datum as datum_text, euro_text, messwert
from kern.rollen import ist_verwaltung
from kern.speichern import speichern
from kern.zeit import heute
from quartiere.models import Organisation

from . import services, zuwendung_regeln
from .models import Bewilligung, Foerderprogramm, Projekt
from .permissions import kann_projekt_bearbeiten
from .zuwendung import (
    Finanzierungsart,
    Finanzierungsplan,
    Planposition,
    Textbaustein,
    Traegerdaten,
    VorzeitigerBeginn,
    Zuwendung,
)

PLAN_LEER = "Ein Finanzierungsplan braucht mindestens eine Ausgabe."
PLAN_JAHR_AUSSERHALB = "Das Projekt läuft im Jahr {jahr} nicht (Laufzeit {beginn} bis {ende})."
PLAN_OHNE_ANTRAG = (
    "Für {programm} {jahr} ist {beantragt} beantragt; der Finanzierungsplan muss diese Zuwendung vorsehen."
)
PLAN_UNTER_BEWILLIGT = (
    "Für {programm} {jahr} sind {bewilligt} bewilligt; der Finanzierungsplan kann nicht weniger vorsehen "
    "(eine Kürzung ergeht durch Änderungsbescheid)."
)
ZUWENDUNG_NICHT_AENDERBAR = "Finanzierungsart und Bewilligungszeitraum sind nur bei offenen Anträgen zu ändern."
QUOTE_FEHLT = "Eine Anteilfinanzierung braucht einen Förderanteil."
QUOTE_UEBER_PROGRAMM = "{programm} fördert höchstens {quote} %."
FESTBETRAG_FEHLT = "Eine Festbetragsfinanzierung braucht einen Festbetrag (oder leer: den bewilligten Betrag)."
ERLAUBNIS_IN_ZUKUNFT = "Ein vorzeitiger Maßnahmebeginn kann nicht für ein künftiges Datum erfasst werden."
NICHT_IM_GEBIET = "Das Projekt liegt nicht in einem Ihrer Gebiete."


def _nur_verwaltung(user: User, aktion: str) -> None:
    services.erlaubnis_pruefen(ist_verwaltung(user), aktion)


@transaction.atomic
def traegerdaten_speichern(*, organisation: Organisation, daten: dict, durch: User) -> Traegerdaten:
    """Staff record or change an operator's address, legal form, contact and bank account."""
    _nur_verwaltung(durch, "Trägerangaben ändern")
    angaben = Traegerdaten.objects.select_for_update(of=("self",)).filter(organisation=organisation).first() \
        or Traegerdaten(organisation=organisation)
    for feld in ("rechtsform", "strasse", "plz", "ort", "ansprechperson", "email", "iban", "bic", "registernummer"):
        if feld in daten:
            setattr(angaben, feld, daten[feld])
    speichern(angaben, durch)
    return angaben


@dataclass(frozen=True)
class Zeile:
    """One line of a financing plan as the form or the demo gives it."""

    kategorie: str
    jahr: int
    betrag: Decimal
    bezeichnung: str = ""
    quelle: str = ""
    programm: Foerderprogramm | None = None

    @property
    def programm_id(self) -> int | None:
        return self.programm.pk if self.programm else None


def _zeilen_pruefen(projekt: Projekt, zeilen: list[Zeile]) -> dict[int, zuwendung_regeln.Jahressumme]:
    if not any(z.kategorie in Planposition.AUSGABEN for z in zeilen):
        raise Regelverstoss(PLAN_LEER)
    for z in zeilen:
        if not projekt.beginn.year <= z.jahr <= projekt.ende.year:
            raise Regelverstoss(PLAN_JAHR_AUSSERHALB.format(jahr=z.jahr, beginn=datum_text(projekt.beginn),
                                                            ende=datum_text(projekt.ende)))
    summen = zuwendung_regeln.plansummen(zeilen)
    zuwendung_regeln.ausgleich_pruefen(summen)
    return summen


def _antraege_anpassen(projekt: Projekt, summen: dict, durch: User) -> None:
    """Open requests take the plan's amounts (checked against the programme rules); granted ones stay."""
    for b in projekt.bewilligungen.select_related("programm").select_for_update(of=("self",)).exclude(
            status__in=[Bewilligung.Status.ABGELEHNT, Bewilligung.Status.ZURUECKGEZOGEN]):
        plan = summen[b.jahr].zuwendungen.get(b.programm_id) if b.jahr in summen else None
        if b.status == Bewilligung.Status.BEWILLIGT:
            if plan is None or plan < b.betrag_bewilligt:
                raise Regelverstoss(PLAN_UNTER_BEWILLIGT.format(programm=b.programm, jahr=b.jahr,
                                                                bewilligt=euro_text(b.betrag_bewilligt)))
            continue
        if plan is None:
            raise Regelverstoss(PLAN_OHNE_ANTRAG.format(programm=b.programm, jahr=b.jahr,
                                                        beantragt=euro_text(b.betrag_beantragt)))
        if plan != b.betrag_beantragt:
            services._foerderregeln_pruefen(projekt=projekt, programm=b.programm, jahr=b.jahr, betrag=plan, ausser=b)
            b.betrag_beantragt = plan
            speichern(b, durch)


@transaction.atomic
def finanzierungsplan_speichern(*, projekt: Projekt, zeilen: list[Zeile], durch: User) -> Finanzierungsplan:
    """A new version of the project's financing plan. It must balance in every year; the project's
    cost, own and third-party funds and its open requests follow it, and the programme rules are checked."""
    projekt = Projekt.objects.select_for_update().get(pk=projekt.pk)
    if not kann_projekt_bearbeiten(durch, projekt):
        raise Regelverstoss(NICHT_IM_GEBIET)
    summen = _zeilen_pruefen(projekt, zeilen)
    projekt.gesamtkosten = sum((s.ausgaben for s in summen.values()), Decimal("0.00"))
    projekt.eigenmittel = sum((s.eigenmittel for s in summen.values()), Decimal("0.00"))
    projekt.drittmittel = sum((s.drittmittel for s in summen.values()), Decimal("0.00"))
    speichern(projekt, durch)
    vorige = zuwendung_regeln.aktueller_plan(projekt)
    plan = Finanzierungsplan(projekt=projekt, version=(vorige.version + 1) if vorige else 1, erstellt_von=durch)
    speichern(plan, durch)
    for z in zeilen:
        speichern(Planposition(plan=plan, kategorie=z.kategorie, jahr=z.jahr, betrag=z.betrag,
                               bezeichnung=z.bezeichnung, quelle=z.quelle, programm=z.programm), durch)
    _antraege_anpassen(projekt, summen, durch)
    services._kofinanzierung_pruefen(projekt)
    return plan


@transaction.atomic
def zuwendung_festlegen(*, bewilligung: Bewilligung, finanzierungsart: str, durch: User,
                        foerderquote: Decimal | None = None, festbetrag: Decimal | None = None,
                        beginn: dt.date | None = None, ende: dt.date | None = None) -> Zuwendung:
    """Staff set an open request's type of financing and funding period (defaults: the programme's)."""
    _nur_verwaltung(durch, "die Finanzierungsart festlegen")
    bewilligung = Bewilligung.objects.select_for_update(of=("self",)).select_related("projekt", "programm").get(
        pk=bewilligung.pk)
    if bewilligung.status != Bewilligung.Status.BEANTRAGT:
        raise Regelverstoss(ZUWENDUNG_NICHT_AENDERBAR)
    zuwendung = Zuwendung.objects.filter(bewilligung=bewilligung).first() \
        or zuwendung_regeln.zuwendung_vorbelegen(bewilligung)
    programm = bewilligung.programm
    if finanzierungsart == Finanzierungsart.ANTEIL:
        if foerderquote is None:
            raise Regelverstoss(QUOTE_FEHLT)
        if programm.max_foerderquote is not None and foerderquote > programm.max_foerderquote:
            raise Regelverstoss(QUOTE_UEBER_PROGRAMM.format(programm=programm,
                                                            quote=messwert(programm.max_foerderquote)))
    zuwendung.finanzierungsart = finanzierungsart
    zuwendung.foerderquote = foerderquote if finanzierungsart == Finanzierungsart.ANTEIL else None
    zuwendung.festbetrag = festbetrag if finanzierungsart == Finanzierungsart.FESTBETRAG else None
    zuwendung.beginn = beginn or zuwendung.beginn
    zuwendung.ende = ende or zuwendung.ende
    zuwendung_regeln.zeitraum_pruefen(bewilligung.projekt, zuwendung.beginn, zuwendung.ende)
    speichern(zuwendung, durch)
    return zuwendung


@transaction.atomic
def vorzeitigen_beginn_zulassen(*, projekt: Projekt, durch: User, erlaubt_am: dt.date | None = None,
                                bemerkung: str = "") -> VorzeitigerBeginn:
    """Staff record the permission for an early start, with the date it was given."""
    _nur_verwaltung(durch, "einen vorzeitigen Maßnahmebeginn zulassen")
    erlaubt_am = erlaubt_am or heute()
    if erlaubt_am > heute():
        raise Regelverstoss(ERLAUBNIS_IN_ZUKUNFT)
    erlaubnis = VorzeitigerBeginn.objects.select_for_update(of=("self",)).filter(projekt=projekt).first() \
        or VorzeitigerBeginn(projekt=projekt)
    erlaubnis.erlaubt_am, erlaubnis.erlaubt_von, erlaubnis.bemerkung = erlaubt_am, durch, bemerkung
    speichern(erlaubnis, durch)
    return erlaubnis


@transaction.atomic
def textbaustein_speichern(*, art: str, text: str, durch: User, programm: Foerderprogramm | None = None,
                           stadt=None) -> Textbaustein:
    """Staff keep a text block; unknown placeholders are refused."""
    _nur_verwaltung(durch, "Textbausteine bearbeiten")
    suche = {"art": art, "programm": programm} if programm is not None else {"art": art, "stadt": stadt}
    baustein = Textbaustein.objects.select_for_update(of=("self",)).filter(**suche).first() or Textbaustein(
        art=art, programm=programm, stadt=stadt)
    baustein.text = text
    speichern(baustein, durch)
    return baustein
