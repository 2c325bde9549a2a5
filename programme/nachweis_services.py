"""Changes to a proof of use before its check: the narrative and actual income, receipts one by one or
imported from a file (all rows or none), and the totals of a simple proof.

Managers change the proofs of their areas' projects until they submit them; staff may complete a submitted
proof until it is checked (receipts handed in later). Each change of the figures of a submitted proof
updates its `verwendet`. Submitting and checking are programme.services' (`verwendungsnachweis_einreichen`,
`verwendungsnachweis_pruefen`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction

from kern.fehler import Regelverstoss
from kern.format import datum as datum_text
from kern.rollen import ist_verwaltung
from kern.speichern import speichern
from quartiere.einlesen import Dateifehler, Fehler

from . import nachweis_einlesen, nachweis_regeln, zuwendung_regeln
from .models import NULL_EURO, Verwendungsnachweis
from .nachweis import Beleg, Nachweisangaben, Nachweissumme
from .permissions import kann_projekt_bearbeiten
from .zuwendung import Planposition, Zuwendung

NICHT_EIGENES_GEBIET = "Das Projekt liegt nicht in einem Ihrer Gebiete."
SCHON_EINGEREICHT = ("Der Verwendungsnachweis ist eingereicht; ändern kann ihn nur noch die Verwaltung, bis er "
                     "geprüft ist.")
SCHON_GEPRUEFT = "Der Verwendungsnachweis ist geprüft und wird nicht mehr geändert."
EINFACH_NICHT_ERLAUBT = "{programm} verlangt einen Verwendungsnachweis mit Belegliste."
ERST_ANGABEN = "Bitte zuerst den Sachbericht erfassen."
NUR_MIT_BELEGEN = "Dieser Verwendungsnachweis ist ein einfacher Nachweis mit Summen je Kategorie, ohne Belege."
NUR_EINFACH = "Summen je Kategorie gibt es nur im einfachen Verwendungsnachweis."
BELEGE_VORHANDEN = "Der Nachweis hat schon {anzahl} Beleg(e); für den einfachen Nachweis bitte erst entfernen."
SUMMEN_VORHANDEN = "Der Nachweis hat schon Summen je Kategorie; für die Belegliste bitte erst auf 0 € setzen."
DATUM_AUSSERHALB = "Datum {datum} außerhalb des Bewilligungszeitraums ({beginn} bis {ende})"
KEINE_AUSGABENKATEGORIE = "„{kategorie}“ ist keine Ausgabenkategorie des Finanzierungsplans."
IMPORT_MIT_FEHLERN = "{anzahl} Zeile(n) der Datei sind fehlerhaft; es wurde nichts importiert."


class Importfehler(Regelverstoss):
    """A refused receipt import, with the rows at fault."""

    def __init__(self, meldung: str, fehler: list[Fehler] | None = None):
        super().__init__(meldung)
        self.fehler = fehler or []


def _gesperrt(nachweis: Verwendungsnachweis, durch: User) -> Verwendungsnachweis:
    """The proof, locked, if `durch` may still change it."""
    nachweis = Verwendungsnachweis.objects.select_for_update(of=("self",)).select_related(
        "bewilligung__projekt", "bewilligung__programm").get(pk=nachweis.pk)
    if not kann_projekt_bearbeiten(durch, nachweis.bewilligung.projekt):
        raise Regelverstoss(NICHT_EIGENES_GEBIET)
    if nachweis.geprueft_am is not None:
        raise Regelverstoss(SCHON_GEPRUEFT)
    if nachweis.eingereicht_am is not None and not ist_verwaltung(durch):
        raise Regelverstoss(SCHON_EINGEREICHT)
    return nachweis


def _angaben(nachweis: Verwendungsnachweis) -> Nachweisangaben:
    daten = nachweis_regeln.angaben(nachweis)
    if daten is None:
        raise Regelverstoss(ERST_ANGABEN)
    return daten


def _verwendet_nachfuehren(nachweis: Verwendungsnachweis, daten: Nachweisangaben, durch: User) -> None:
    if nachweis.eingereicht_am is not None:
        nachweis.verwendet = sum(nachweis_regeln.ist_je_kategorie(nachweis, einfach=daten.einfach).values(),
                                 NULL_EURO)
        speichern(nachweis, durch)


def einfacher_nachweis_erlaubt(nachweis: Verwendungsnachweis) -> bool:
    return zuwendung_regeln.vorgaben(nachweis.bewilligung.programm).einfacher_nachweis


@transaction.atomic
def angaben_speichern(*, nachweis: Verwendungsnachweis, durch: User, sachbericht: str, eigenmittel: Decimal,
                      drittmittel: Decimal, teilnehmende: int | None = None, ergebnisse: str = "",
                      einfach: bool = False) -> Nachweisangaben:
    """The narrative report and the actual own and third-party funds; `einfach` where the programme allows it."""
    nachweis = _gesperrt(nachweis, durch)
    if einfach and not einfacher_nachweis_erlaubt(nachweis):
        raise Regelverstoss(EINFACH_NICHT_ERLAUBT.format(programm=nachweis.bewilligung.programm))
    daten = nachweis_regeln.angaben(nachweis) or Nachweisangaben(nachweis=nachweis)
    if einfach and (anzahl := nachweis.belege.count()):
        raise Regelverstoss(BELEGE_VORHANDEN.format(anzahl=anzahl))
    if not einfach and nachweis.summen.filter(betrag__gt=0).exists():
        raise Regelverstoss(SUMMEN_VORHANDEN)
    daten.sachbericht, daten.ergebnisse, daten.teilnehmende = sachbericht.strip(), ergebnisse.strip(), teilnehmende
    daten.eigenmittel, daten.drittmittel, daten.einfach = eigenmittel, drittmittel, einfach
    speichern(daten, durch)
    _verwendet_nachfuehren(nachweis, daten, durch)
    return daten


def _zeitraum(nachweis: Verwendungsnachweis) -> tuple[dt.date, dt.date]:
    zuwendung = Zuwendung.objects.filter(bewilligung=nachweis.bewilligung).first()
    if zuwendung is not None:
        return zuwendung.beginn, zuwendung.ende
    return zuwendung_regeln.standardzeitraum(nachweis.bewilligung.projekt, nachweis.bewilligung.jahr)


def _datum_grund(datum: dt.date, zeitraum: tuple[dt.date, dt.date]) -> str | None:
    if zeitraum[0] <= datum <= zeitraum[1]:
        return None
    return DATUM_AUSSERHALB.format(datum=datum_text(datum), beginn=datum_text(zeitraum[0]),
                                   ende=datum_text(zeitraum[1]))


def _fuer_belege(nachweis: Verwendungsnachweis, durch: User) -> tuple[Verwendungsnachweis, Nachweisangaben]:
    nachweis = _gesperrt(nachweis, durch)
    daten = _angaben(nachweis)
    if daten.einfach:
        raise Regelverstoss(NUR_MIT_BELEGEN)
    return nachweis, daten


@transaction.atomic
def beleg_hinzufuegen(*, nachweis: Verwendungsnachweis, durch: User, datum: dt.date, empfaenger: str, zweck: str,
                      betrag: Decimal, kategorie: str) -> Beleg:
    nachweis, daten = _fuer_belege(nachweis, durch)
    if kategorie not in Planposition.AUSGABEN:
        raise Regelverstoss(KEINE_AUSGABENKATEGORIE.format(kategorie=kategorie))
    if grund := _datum_grund(datum, _zeitraum(nachweis)):
        raise Regelverstoss(f"{grund}.")
    beleg = Beleg(nachweis=nachweis, datum=datum, empfaenger=empfaenger.strip(), zweck=zweck.strip(), betrag=betrag,
                  kategorie=kategorie)
    speichern(beleg, durch)
    _verwendet_nachfuehren(nachweis, daten, durch)
    return beleg


@transaction.atomic
def beleg_entfernen(*, beleg: Beleg, durch: User) -> None:
    nachweis, daten = _fuer_belege(beleg.nachweis, durch)
    beleg._history_user = durch
    beleg.delete()
    _verwendet_nachfuehren(nachweis, daten, durch)


def belegdatei_pruefen(nachweis: Verwendungsnachweis, inhalt: bytes) -> nachweis_einlesen.Belegdatei:
    """The file read and checked against the proof's funding period; writes nothing."""
    try:
        datei = nachweis_einlesen.lesen(inhalt)
    except Dateifehler as exc:
        raise Importfehler(exc.meldung) from exc
    zeitraum = _zeitraum(nachweis)
    gueltig = []
    for z in datei.zeilen:
        if grund := _datum_grund(z.datum, zeitraum):
            datei.fehler.append(Fehler(z.zeile, f"Spalte „Datum“: {grund}"))
        else:
            gueltig.append(z)
    datei.zeilen = gueltig
    datei.fehler.sort(key=lambda f: f.zeile)
    return datei


@transaction.atomic
def belege_importieren(*, nachweis: Verwendungsnachweis, durch: User, inhalt: bytes) -> list[Beleg]:
    """Every receipt of the file, or none when a single row is faulty (Importfehler names each)."""
    nachweis, daten = _fuer_belege(nachweis, durch)
    datei = belegdatei_pruefen(nachweis, inhalt)
    if datei.fehler:
        raise Importfehler(IMPORT_MIT_FEHLERN.format(anzahl=len(datei.fehler)), datei.fehler)
    belege = []
    for z in datei.zeilen:
        beleg = Beleg(nachweis=nachweis, datum=z.datum, empfaenger=z.empfaenger, zweck=z.zweck, betrag=z.betrag,
                      kategorie=z.kategorie)
        speichern(beleg, durch)
        belege.append(beleg)
    _verwendet_nachfuehren(nachweis, daten, durch)
    return belege


@transaction.atomic
def summen_speichern(*, nachweis: Verwendungsnachweis, durch: User, summen: dict[str, Decimal]) -> None:
    """The totals per category of a simple proof (a category left out keeps its total)."""
    nachweis = _gesperrt(nachweis, durch)
    daten = _angaben(nachweis)
    if not daten.einfach:
        raise Regelverstoss(NUR_EINFACH)
    vorhanden = {s.kategorie: s for s in nachweis.summen.all()}
    for kategorie, betrag in summen.items():
        if kategorie not in Planposition.AUSGABEN:
            raise Regelverstoss(KEINE_AUSGABENKATEGORIE.format(kategorie=kategorie))
        zeile = vorhanden.get(kategorie) or Nachweissumme(nachweis=nachweis, kategorie=kategorie)
        zeile.betrag = betrag
        speichern(zeile, durch)
    _verwendet_nachfuehren(nachweis, daten, durch)
