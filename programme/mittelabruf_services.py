"""Calling funds: request, approve (the payout through programme.services.auszahlung_anweisen), refuse, report
spent. Each function runs in one transaction and locks the grant's row first, in the order the payout and the
check of the proof of use lock it, so two calls or approvals of one grant are decided one after the other."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction

from kern.fehler import Regelverstoss
from kern.format import datum as datum_text, euro_text, messwert
from kern.speichern import speichern
from kern.zeit import heute

from . import services, statusmaschine as sm
from .mittelabruf import Mittelabruf
from .mittelabruf_regeln import (
    Abrufstand,
    abrufstand,
    fristtext,
    fruehester_abruf,
    kann_mittel_abrufen,
    kann_mittelabrufe_entscheiden,
    spaetestens_verwenden,
)
from .models import Bewilligung, Projekt, Verwendungsnachweis
from .zuwendung import Zuwendung
from .zuwendung_regeln import vorgaben as programmvorgaben

NICHT_BEWILLIGT = "Mittel abrufen lässt sich nur bei einer bewilligten Förderung."
NICHT_EIGENES_GEBIET = "Das Projekt liegt nicht in einem Ihrer Gebiete."
FRIST_UEBERSCHRITTEN = ("Mittel dürfen erst abgerufen werden, wenn sie binnen {frist} verwendet werden; diesen Abruf "
                        "können Sie ab dem {ab} stellen.")
VERWENDUNG_VOR_ABRUF = "Das Datum der Verwendung kann nicht vor dem Abruf ({datum}) liegen."
AUSSERHALB_ZEITRAUM = "Die Mittel müssen im Bewilligungszeitraum verwendet werden, also bis zum {ende}."
UEBER_ABRUFBAR = ("Abgerufen werden können noch {abrufbar}: bewilligt {bewilligt}, schon ausgezahlt {ausgezahlt}, "
                  "offen abgerufen {offen}.")
SCHLUSSRATE_EINBEHALTEN = ("Die Schlussrate von {einbehalt} ({prozent} % der Zuwendung) wird erst nach Prüfung des "
                           "Verwendungsnachweises ausgezahlt; abgerufen werden können jetzt noch {abrufbar}.")
RUECKFORDERUNG_GESETZT = "Auf diese Förderung ist eine Rückforderung festgesetzt; abgerufen wird nichts mehr."
NUR_EIN_ABRUF = ("{programm} zahlt die Zuwendung in einem einzigen Abruf aus; für diese Förderung gibt es schon den "
                 "Abruf vom {datum}.")
GANZER_BETRAG = ("{programm} zahlt nicht in Teilbeträgen aus: Bitte den ganzen abrufbaren Betrag von {abrufbar} "
                 "abrufen.")
ZWECK_FEHLT = "Bitte angeben, wofür die Mittel verwendet werden."
ABRUF_NICHT_OFFEN = "Über diesen Mittelabruf ist bereits entschieden (Status „{status}“)."
ENTSCHEIDUNG_VOR_ABRUF = "Die Entscheidung kann nicht vor dem Abruf vom {datum} liegen."
GRUND_FEHLT = "Bitte den Grund der Ablehnung angeben."
VERWENDUNG_NUR_GENEHMIGT = "Als verwendet melden lässt sich nur ein genehmigter und ausgezahlter Mittelabruf."
SCHON_VERWENDET = "Die Verwendung ist bereits zum {datum} gemeldet."
VERWENDUNG_IN_ZUKUNFT = "Die Verwendung kann nicht für einen künftigen Tag gemeldet werden."
VERWENDUNG_VOR_AUSZAHLUNG = "Die Mittel können nicht vor ihrer Auszahlung am {datum} verwendet sein."

# A final instalment is paid after the check, when a closed project may already be 'Nachweis geprüft'.
SCHLUSSRATE_ERLAUBT_IN = sm.AUSZAHLUNG_ERLAUBT_IN | {Projekt.Status.NACHWEIS_GEPRUEFT}


def _gesperrt(bewilligung: Bewilligung) -> Bewilligung:
    # Locks the grant row alone; the programme and its defaults are read after the lock.
    gesperrt = Bewilligung.objects.select_for_update(of=("self",)).get(pk=bewilligung.pk)
    return Bewilligung.objects.select_related("programm", "projekt").get(pk=gesperrt.pk)


def stand_lesen(bewilligung: Bewilligung, *, ausser: Mittelabruf | None = None,
                offene_zaehlen: bool = True) -> Abrufstand:
    """The grant's callable amount from the database (four queries). A new call counts the open calls against
    it; an approval does not (each open call is checked when it is approved); `ausser`: a call not to count."""
    offen = bewilligung.mittelabrufe.offen() if offene_zaehlen else Mittelabruf.objects.none()
    if ausser is not None:
        offen = offen.exclude(pk=ausser.pk)
    nachweis = Verwendungsnachweis.objects.filter(bewilligung=bewilligung).first()
    return abrufstand(bewilligt=bewilligung.betrag_bewilligt, zurueckgefordert=bewilligung.betrag_zurueckgefordert,
                      ausgezahlt=bewilligung.auszahlungen.summe(), offen=offen.summe(),
                      vorgaben=programmvorgaben(bewilligung.programm),
                      geprueft=nachweis is not None and nachweis.geprueft_am is not None,
                      verwendet=nachweis.verwendet if nachweis is not None else None)


def _betrag_pruefen(stand: Abrufstand, betrag: Decimal) -> None:
    if betrag <= 0:
        raise Regelverstoss(services.BETRAG_NICHT_POSITIV)
    if stand.gesperrt:
        raise Regelverstoss(RUECKFORDERUNG_GESETZT)
    if betrag <= stand.abrufbar:
        return
    if stand.einbehalt and betrag <= stand.abrufbar + stand.einbehalt:
        raise Regelverstoss(SCHLUSSRATE_EINBEHALTEN.format(
            einbehalt=euro_text(stand.einbehalt), prozent=messwert(stand.schlussrate_prozent),
            abrufbar=euro_text(stand.abrufbar)))
    raise Regelverstoss(UEBER_ABRUFBAR.format(abrufbar=euro_text(stand.abrufbar), bewilligt=euro_text(stand.bewilligt),
                                              ausgezahlt=euro_text(stand.ausgezahlt), offen=euro_text(stand.offen)))


def _frist_pruefen(bewilligung: Bewilligung, stand: Abrufstand, tag: dt.date, verwenden_bis: dt.date) -> None:
    if verwenden_bis < tag:
        raise Regelverstoss(VERWENDUNG_VOR_ABRUF.format(datum=datum_text(tag)))
    vorgaben = programmvorgaben(bewilligung.programm)
    if verwenden_bis > spaetestens_verwenden(vorgaben, tag):
        raise Regelverstoss(FRIST_UEBERSCHRITTEN.format(frist=fristtext(vorgaben),
                                                        ab=datum_text(fruehester_abruf(vorgaben, verwenden_bis))))
    zuwendung = Zuwendung.objects.filter(bewilligung=bewilligung).first()
    # The final instalment pays for what was spent and proven; the funding period bounds only the rest.
    if zuwendung is not None and not stand.nach_pruefung and verwenden_bis > zuwendung.ende:
        raise Regelverstoss(AUSSERHALB_ZEITRAUM.format(ende=datum_text(zuwendung.ende)))


def _teilbetraege_pruefen(bewilligung: Bewilligung, stand: Abrufstand, betrag: Decimal) -> None:
    """A programme without instalments pays a grant in one call (and its final instalment after the check)."""
    if programmvorgaben(bewilligung.programm).abruf_teilbetraege or stand.nach_pruefung:
        return
    frueher = bewilligung.mittelabrufe.exclude(status=Mittelabruf.Status.ABGELEHNT).order_by("beantragt_am").first()
    if frueher is not None:
        raise Regelverstoss(NUR_EIN_ABRUF.format(programm=bewilligung.programm,
                                                 datum=datum_text(frueher.beantragt_am)))
    if 0 < betrag < stand.abrufbar:  # more than callable is refused with the amounts by _betrag_pruefen
        raise Regelverstoss(GANZER_BETRAG.format(programm=bewilligung.programm, abrufbar=euro_text(stand.abrufbar)))


@transaction.atomic
def mittel_abrufen(*, bewilligung: Bewilligung, betrag: Decimal, verwenden_bis: dt.date, zweck: str, durch: User,
                   datum: dt.date | None = None) -> Mittelabruf:
    """The area's manager or staff call part of a granted grant, to be spent by `verwenden_bis`."""
    bewilligung = _gesperrt(bewilligung)
    if not kann_mittel_abrufen(durch, bewilligung.projekt):
        raise Regelverstoss(NICHT_EIGENES_GEBIET)
    if bewilligung.status != Bewilligung.Status.BEWILLIGT:
        raise Regelverstoss(NICHT_BEWILLIGT)
    if not zweck.strip():
        raise Regelverstoss(ZWECK_FEHLT)
    tag = datum or heute()
    stand = stand_lesen(bewilligung)
    sm.vorgang_pruefen(bewilligung.projekt, SCHLUSSRATE_ERLAUBT_IN if stand.nach_pruefung else sm.AUSZAHLUNG_ERLAUBT_IN,
                       "keine Mittel abgerufen werden")
    if stand.gesperrt:
        raise Regelverstoss(RUECKFORDERUNG_GESETZT)
    _teilbetraege_pruefen(bewilligung, stand, betrag)
    _betrag_pruefen(stand, betrag)
    _frist_pruefen(bewilligung, stand, tag, verwenden_bis)
    abruf = Mittelabruf(bewilligung=bewilligung, betrag=betrag, zweck=zweck.strip(), verwenden_bis=verwenden_bis,
                        schlussrate=stand.nach_pruefung, beantragt_am=tag, beantragt_von=durch)
    speichern(abruf, durch)
    return abruf


def _offener_abruf(abruf: Mittelabruf, durch: User, tag: dt.date) -> tuple[Bewilligung, Mittelabruf]:
    services.erlaubnis_pruefen(kann_mittelabrufe_entscheiden(durch), "über Mittelabrufe entscheiden")
    bewilligung = _gesperrt(abruf.bewilligung)
    abruf = Mittelabruf.objects.select_for_update().get(pk=abruf.pk)
    if not abruf.ist_offen:
        raise Regelverstoss(ABRUF_NICHT_OFFEN.format(status=abruf.get_status_display()))
    if tag < abruf.beantragt_am:
        raise Regelverstoss(ENTSCHEIDUNG_VOR_ABRUF.format(datum=datum_text(abruf.beantragt_am)))
    return bewilligung, abruf


@transaction.atomic
def mittelabruf_genehmigen(*, abruf: Mittelabruf, durch: User, datum: dt.date | None = None) -> Mittelabruf:
    """Staff approve a call: the payout is made through auszahlung_anweisen and linked to the call."""
    tag = datum or heute()
    bewilligung, abruf = _offener_abruf(abruf, durch, tag)
    # Payouts made since the call (or another call approved first) count: the amount is checked again.
    stand = stand_lesen(bewilligung, offene_zaehlen=False)
    _betrag_pruefen(stand, abruf.betrag)
    abruf.auszahlung = services.auszahlung_anweisen(
        bewilligung=bewilligung, betrag=abruf.betrag, durch=durch, datum=tag, schlussrate=stand.nach_pruefung,
        bemerkung=f"Mittelabruf vom {datum_text(abruf.beantragt_am)}")
    abruf.status, abruf.entschieden_am, abruf.entschieden_von = Mittelabruf.Status.GENEHMIGT, tag, durch
    speichern(abruf, durch)
    return abruf


@transaction.atomic
def mittelabruf_ablehnen(*, abruf: Mittelabruf, grund: str, durch: User, datum: dt.date | None = None) -> Mittelabruf:
    tag = datum or heute()
    _, abruf = _offener_abruf(abruf, durch, tag)
    if not grund.strip():
        raise Regelverstoss(GRUND_FEHLT)
    abruf.status, abruf.entschieden_am, abruf.entschieden_von = Mittelabruf.Status.ABGELEHNT, tag, durch
    abruf.ablehnungsgrund = grund.strip()
    speichern(abruf, durch)
    return abruf


@transaction.atomic
def verwendung_melden(*, abruf: Mittelabruf, verwendet_am: dt.date, durch: User) -> Mittelabruf:
    """The area's manager or staff report the day the called money was spent."""
    abruf = Mittelabruf.objects.select_for_update(of=("self",)).select_related(
        "bewilligung__projekt", "auszahlung").get(pk=abruf.pk)
    if not kann_mittel_abrufen(durch, abruf.bewilligung.projekt):
        raise Regelverstoss(NICHT_EIGENES_GEBIET)
    if abruf.status != Mittelabruf.Status.GENEHMIGT:
        raise Regelverstoss(VERWENDUNG_NUR_GENEHMIGT)
    if abruf.verwendet_am is not None:
        raise Regelverstoss(SCHON_VERWENDET.format(datum=datum_text(abruf.verwendet_am)))
    if verwendet_am > heute():
        raise Regelverstoss(VERWENDUNG_IN_ZUKUNFT)
    if verwendet_am < abruf.auszahlung.datum:
        raise Regelverstoss(VERWENDUNG_VOR_AUSZAHLUNG.format(datum=datum_text(abruf.auszahlung.datum)))
    abruf.verwendet_am = verwendet_am
    speichern(abruf, durch)
    return abruf
