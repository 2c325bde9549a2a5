"""Notices on grants (Zuwendungs-, Änderungs-, Ablehnungsbescheid) as documents: rendered by the report
machinery (berichte.pdf, WeasyPrint, A4, the shipped fonts) as a DIN 5008 letter and filed like published
reports: a number per year drawn under a row lock, the PDF stored with its SHA-256 and never changed.
A change to a grant is an amending notice, a new version of the same number; the first file stays as it was.
Notices are never public (programme.zuwendung.BescheidQuerySet).
"""

from __future__ import annotations

import datetime as dt
from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from kern.fehler import Regelverstoss
from kern.format import datum as datum_text, euro
from kern.rollen import ist_quartiersmanagement, ist_verwaltung
from kern.speichern import speichern
from kern.zahlwort import euro_in_worten
from kern.zeit import heute
from programme import zuwendung_regeln
from programme.models import Bewilligung, Projekt
from programme.zuwendung import (
    Bescheid,
    Bescheidnummernkreis,
    Planposition,
    Textbaustein,
    Traegerdaten,
    Zuwendung,
    platzhalter_fuellen,
)

from . import ablage, pdf

TEMPLATE = "berichte/bescheid.html"
STANDARD_BEHOERDE = "Sozialplanung"

NUR_VERWALTUNG = "Nur die Verwaltung erlässt Bescheide."
NICHT_ENTSCHIEDEN = "Ein Bescheid ergeht erst, wenn über den Antrag entschieden ist (Status „{status}“)."
SCHON_ERLASSEN = "Zu diesem Antrag gibt es schon den Bescheid Nr. {nummer}; eine Änderung ergeht als Änderungsbescheid."
KEINE_ANSCHRIFT = "Für den Träger {traeger} fehlen die Trägerangaben (Anschrift, Bankverbindung); bitte zuerst erfassen."
KEIN_TRAEGER = "Das Projekt hat keinen Träger; ein Bescheid braucht einen Empfänger."
KEINE_RECHTSBEHELFSBELEHRUNG = "Für {stadt} ist noch keine Rechtsbehelfsbelehrung hinterlegt (Textbausteine)."
AENDERUNG_NUR_ZUWENDUNG = "Ein Änderungsbescheid ändert nur einen Zuwendungsbescheid."
AENDERUNG_NICHT_NEUESTE = ("Version {version} von Nr. {nummer} ist schon durch Version {neu} ersetzt; geändert wird "
                           "immer die neueste Fassung.")
AENDERUNG_OHNE_ANLASS = "Ein Änderungsbescheid nennt, was sich ändert."
SCHON_VERSANDT = "Der Bescheid wurde bereits am {datum} versandt."
NOCH_NICHT_VERSANDT = "Auf Rechtsbehelfe kann erst nach dem Versand des Bescheids verzichtet werden."
VERZICHT_VOR_VERSAND = "Der Verzicht kann nicht vor dem Versand ({datum}) liegen."
VERSAND_VOR_DATUM = "Der Bescheid kann nicht vor seinem Datum ({datum}) versandt werden."
SCHON_BESTANDSKRAEFTIG = "Der Bescheid ist seit dem {datum} bestandskräftig."

ANBEST_P = ("Die Allgemeinen Nebenbestimmungen für Zuwendungen zur Projektförderung (ANBest-P) in der geltenden "
            "Fassung sind Bestandteil dieses Bescheids.")
ANBEST_K = ("Die Allgemeinen Nebenbestimmungen für Zuwendungen zur Projektförderung an Gemeinden (GV) (ANBest-K) in "
            "der geltenden Fassung sind Bestandteil dieses Bescheids.")
STANDARD_AUSZAHLUNG = (
    "Die Zuwendung wird auf Anforderung ausgezahlt, soweit sie innerhalb von zwei Monaten nach der Auszahlung für "
    "fällige Zahlungen benötigt wird. Der Anforderung ist eine kurze Übersicht der bisherigen Ausgaben beizufügen."
)


def kann_bescheide_sehen(user) -> bool:
    """Staff, and managers for their areas' projects (BescheidQuerySet.sichtbar_fuer); never council."""
    return ist_verwaltung(user) or ist_quartiersmanagement(user)


def kann_bescheide_erlassen(user) -> bool:
    return ist_verwaltung(user)


# --- content -------------------------------------------------------------------------------------

def _bewilligung(pk: int) -> Bewilligung:
    return Bewilligung.objects.select_related(
        "projekt__gebiet__stadt", "projekt__traeger__traegerdaten", "programm__zustaendig", "programm__stadt",
        "verwendungsnachweis", "entschieden_von").get(pk=pk)


def _traegerdaten(projekt: Projekt) -> Traegerdaten:
    if projekt.traeger is None:
        raise Regelverstoss(KEIN_TRAEGER)
    try:
        return projekt.traeger.traegerdaten
    except Traegerdaten.DoesNotExist:
        raise Regelverstoss(KEINE_ANSCHRIFT.format(traeger=projekt.traeger)) from None


def _textbausteine(bewilligung: Bewilligung) -> dict[str, str]:
    stadt = bewilligung.programm.stadt
    texte = {b.art: b.text for b in Textbaustein.objects.filter(programm=bewilligung.programm)}
    rechtsbehelf = Textbaustein.objects.filter(art=Textbaustein.Art.RECHTSBEHELF, stadt=stadt).first()
    if rechtsbehelf is None:
        raise Regelverstoss(KEINE_RECHTSBEHELFSBELEHRUNG.format(stadt=stadt.name))
    texte[Textbaustein.Art.RECHTSBEHELF] = rechtsbehelf.text
    return texte


def platzhalterwerte(*, bewilligung: Bewilligung, zuwendung: Zuwendung | None, aktenzeichen: str,
                     datum: dt.date) -> dict[str, str]:
    """What the placeholders of the text blocks stand for in one notice."""
    projekt, programm = bewilligung.projekt, bewilligung.programm
    betrag = bewilligung.betrag_bewilligt
    nachweis = getattr(bewilligung, "verwendungsnachweis", None)
    return {
        "traeger": projekt.traeger.name if projekt.traeger else "",
        "projekt": projekt.titel,
        "programm": programm.name,
        "betrag": euro(betrag, leerzeichen=" ") if betrag is not None else "",
        "betrag_in_worten": euro_in_worten(betrag) if betrag is not None else "",
        "beginn": datum_text(zuwendung.beginn) if zuwendung else "",
        "ende": datum_text(zuwendung.ende) if zuwendung else "",
        "nachweis_bis": datum_text(nachweis.faellig_am) if nachweis else "",
        "aktenzeichen": aktenzeichen,
        "datum": datum_text(datum),
        "stadt": programm.stadt.name,
        "behoerde": programm.zustaendig.name if programm.zustaendig else STANDARD_BEHOERDE,
    }


def _planjahre(projekt: Projekt) -> tuple[object, list[dict]]:
    plan = zuwendung_regeln.aktueller_plan(projekt)
    if plan is None:
        return None, []
    positionen = list(plan.positionen.select_related("programm").order_by("jahr", "kategorie", "id"))
    summen = zuwendung_regeln.plansummen(positionen)
    return plan, [{"jahr": jahr, "summe": s,
                   "ausgaben": [p for p in positionen if p.jahr == jahr and p.ist_ausgabe],
                   "einnahmen": [p for p in positionen if p.jahr == jahr and not p.ist_ausgabe]}
                  for jahr, s in summen.items()]


def kontext(*, bewilligung: Bewilligung, art: str, aktenzeichen: str, datum: dt.date, nummer: str | None,
            version: int, anlass: str = "", erster: Bescheid | None = None, durch: User | None = None) -> dict:
    """Everything the notice template shows."""
    projekt, programm = bewilligung.projekt, bewilligung.programm
    traeger = _traegerdaten(projekt)
    texte = _textbausteine(bewilligung)
    zuwendung = Zuwendung.objects.filter(bewilligung=bewilligung).first()
    werte = platzhalterwerte(bewilligung=bewilligung, zuwendung=zuwendung, aktenzeichen=aktenzeichen, datum=datum)
    plan, planjahre = _planjahre(projekt)
    betrag = bewilligung.betrag_bewilligt
    unterzeichner = (durch.get_full_name() or durch.username) if durch else ""
    return {
        "art": art, "ist_ablehnung": art == Bescheid.Art.ABLEHNUNG, "ist_aenderung": art == Bescheid.Art.AENDERUNG,
        "titel": f"{Bescheid.Art(art).label} {aktenzeichen}", "art_titel": Bescheid.Art(art).label,
        "bewilligung": bewilligung, "projekt": projekt, "programm": programm, "stadt": programm.stadt,
        "behoerde": werte["behoerde"], "behoerde_adresse": programm.zustaendig.adresse if programm.zustaendig else "",
        "traeger": traeger, "aktenzeichen": aktenzeichen, "datum": datum, "nummer": nummer, "version": version,
        "betrag": betrag, "betrag_in_worten": euro_in_worten(betrag) if betrag is not None else "",
        "zuwendung": zuwendung,
        "finanzierung_satz": zuwendung_regeln.erklaerung(zuwendung, betrag) if zuwendung else "",
        "nachweis": getattr(bewilligung, "verwendungsnachweis", None),
        "anbest": ANBEST_K if traeger.ist_kommune else ANBEST_P,
        "anbest_kurz": "ANBest-K" if traeger.ist_kommune else "ANBest-P",
        "nebenbestimmungen": platzhalter_fuellen(texte.get(Textbaustein.Art.NEBENBESTIMMUNGEN, ""), werte),
        "auszahlung": platzhalter_fuellen(texte.get(Textbaustein.Art.AUSZAHLUNG, STANDARD_AUSZAHLUNG), werte),
        "rechtsbehelf": platzhalter_fuellen(texte[Textbaustein.Art.RECHTSBEHELF], werte),
        "plan": plan, "planjahre": planjahre, "kategorien": Planposition.Kategorie,
        "anlass": anlass, "erster": erster, "unterzeichner": unterzeichner,
    }


def html_rendern(daten: dict, *, vorschau: bool = False) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(TEMPLATE, {**daten, "vorschau": vorschau})


def aktenzeichen_fuer(bewilligung: Bewilligung, jahr: int, laufnummer: int) -> str:
    return f"ZW-{bewilligung.programm.kurzname}-{jahr}/{laufnummer:04d}"


# --- filing ------------------------------------------------------------------------------------

def _naechste_laufnummer(jahr: int) -> int:
    Bescheidnummernkreis.objects.bulk_create([Bescheidnummernkreis(jahr=jahr)], ignore_conflicts=True)
    kreis = Bescheidnummernkreis.objects.select_for_update().get(jahr=jahr)
    kreis.letzte_laufnummer += 1
    kreis.save(update_fields=["letzte_laufnummer", "modified"])
    return kreis.letzte_laufnummer


def _ablegen(*, bewilligung: Bewilligung, art: str, jahr: int, laufnummer: int, version: int, aktenzeichen: str,
             ersetzt: Bescheid | None, datum: dt.date, durch: User | None, anlass: str = "") -> Bescheid:
    nummer = f"{jahr}/{laufnummer:04d}"
    erster = ersetzt
    while erster is not None and erster.ersetzt_id is not None:
        erster = erster.ersetzt
    daten = kontext(bewilligung=bewilligung, art=art, aktenzeichen=aktenzeichen, datum=datum, nummer=nummer,
                    version=version, anlass=anlass, erster=erster, durch=durch)
    ergebnis = pdf.pdf_rendern(html_rendern(daten))
    name = f"{Bescheid.Art(art).label}_{aktenzeichen.replace('/', '-')}" + (f"_v{version}" if version > 1 else "")
    bescheid = Bescheid(
        bewilligung=bewilligung, art=art, jahr=jahr, laufnummer=laufnummer, version=version, ersetzt=ersetzt,
        aktenzeichen=aktenzeichen, datum=datum, begruendung=anlass, sha256=ergebnis.sha256, seiten=ergebnis.seiten,
        dateigroesse=len(ergebnis.daten), erstellt_von=durch, dateiname=f"{ablage._teil(name)}.pdf",
    )
    ablage.mit_datei_speichern(bescheid, "bescheid.pdf", ergebnis.daten, lambda: speichern(bescheid, durch))
    return bescheid


def bescheid_erlassen(*, bewilligung: Bewilligung, durch: User | None, datum: dt.date | None = None,
                      pruefen: bool = True) -> Bescheid:
    """The notice on a decided request: a Zuwendungsbescheid for a grant, an Ablehnungsbescheid with the
    reasons for a refusal; it takes the next number of its year."""
    if pruefen and not ist_verwaltung(durch):
        raise Regelverstoss(NUR_VERWALTUNG)
    datum = datum or heute()
    with transaction.atomic():
        bewilligung = Bewilligung.objects.select_for_update().get(pk=bewilligung.pk)
        bewilligung = _bewilligung(bewilligung.pk)
        if bewilligung.status == Bewilligung.Status.BEWILLIGT:
            art = Bescheid.Art.ZUWENDUNG
        elif bewilligung.status == Bewilligung.Status.ABGELEHNT:
            art = Bescheid.Art.ABLEHNUNG
        else:
            raise Regelverstoss(NICHT_ENTSCHIEDEN.format(status=bewilligung.get_status_display()))
        vorhanden = Bescheid.objects.filter(bewilligung=bewilligung, ersetzt__isnull=True).exclude(
            art=Bescheid.Art.RUECKFORDERUNG).first()
        if vorhanden is not None:
            raise Regelverstoss(SCHON_ERLASSEN.format(nummer=vorhanden.nummer))
        _traegerdaten(bewilligung.projekt)
        laufnummer = _naechste_laufnummer(datum.year)
        return _ablegen(bewilligung=bewilligung, art=art, jahr=datum.year, laufnummer=laufnummer, version=1,
                        aktenzeichen=aktenzeichen_fuer(bewilligung, datum.year, laufnummer), ersetzt=None,
                        datum=datum, durch=durch)


def aenderungsbescheid_erlassen(*, bescheid: Bescheid, anlass: str, durch: User | None,
                                datum: dt.date | None = None) -> Bescheid:
    """An amending notice from today's data: same number and file reference, version + 1; the notice it
    replaces keeps its file byte for byte."""
    if not ist_verwaltung(durch):
        raise Regelverstoss(NUR_VERWALTUNG)
    if not anlass.strip():
        raise Regelverstoss(AENDERUNG_OHNE_ANLASS)
    datum = datum or heute()
    with transaction.atomic():
        alt = Bescheid.objects.select_for_update().get(pk=bescheid.pk)
        if alt.art in (Bescheid.Art.ABLEHNUNG, Bescheid.Art.RUECKFORDERUNG):
            raise Regelverstoss(AENDERUNG_NUR_ZUWENDUNG)
        neuer = Bescheid.objects.filter(ersetzt=alt).first()
        if neuer is not None:
            raise Regelverstoss(AENDERUNG_NICHT_NEUESTE.format(version=alt.version, nummer=alt.nummer,
                                                               neu=neuer.version))
        return _ablegen(bewilligung=_bewilligung(alt.bewilligung_id), art=Bescheid.Art.AENDERUNG, jahr=alt.jahr,
                        laufnummer=alt.laufnummer, version=alt.version + 1, aktenzeichen=alt.aktenzeichen,
                        ersetzt=alt, datum=max(datum, alt.datum), durch=durch, anlass=anlass.strip())


@transaction.atomic
def bescheid_versenden(*, bescheid: Bescheid, durch: User | None, datum: dt.date | None = None) -> Bescheid:
    """Record the day the notice went out; it becomes final one month later unless challenged."""
    if not ist_verwaltung(durch):
        raise Regelverstoss(NUR_VERWALTUNG)
    bescheid = Bescheid.objects.select_for_update().get(pk=bescheid.pk)
    datum = datum or heute()
    if bescheid.versandt_am is not None:
        raise Regelverstoss(SCHON_VERSANDT.format(datum=datum_text(bescheid.versandt_am)))
    if datum < bescheid.datum:
        raise Regelverstoss(VERSAND_VOR_DATUM.format(datum=datum_text(bescheid.datum)))
    bescheid.versandt_am = datum
    bescheid.bestandskraeftig_am = zuwendung_regeln.monate_spaeter(datum, 1)
    speichern(bescheid, durch)
    return bescheid


@transaction.atomic
def rechtsbehelfsverzicht_erfassen(*, bescheid: Bescheid, durch: User | None,
                                   datum: dt.date | None = None) -> Bescheid:
    """The operator waived legal remedies: the notice is final from that day."""
    if not ist_verwaltung(durch):
        raise Regelverstoss(NUR_VERWALTUNG)
    bescheid = Bescheid.objects.select_for_update().get(pk=bescheid.pk)
    datum = datum or heute()
    if bescheid.versandt_am is None:
        raise Regelverstoss(NOCH_NICHT_VERSANDT)
    if datum < bescheid.versandt_am:
        raise Regelverstoss(VERZICHT_VOR_VERSAND.format(datum=datum_text(bescheid.versandt_am)))
    if bescheid.bestandskraeftig_am is not None and bescheid.bestandskraeftig_am <= datum:
        raise Regelverstoss(SCHON_BESTANDSKRAEFTIG.format(datum=datum_text(bescheid.bestandskraeftig_am)))
    bescheid.verzicht_am = datum
    bescheid.bestandskraeftig_am = datum
    speichern(bescheid, durch)
    return bescheid


def geprueft_lesen(bescheid: Bescheid) -> bytes:
    """The stored PDF, only while its SHA-256 is the one recorded when the notice was issued."""
    return ablage.geprueft_lesen(bescheid)
