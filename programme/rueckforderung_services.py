"""Changes of reclaims: base rates, setting a reclaim, booking a repayment. Each function runs in one transaction,
locks the grant it changes and refuses with a German Regelverstoss.

What a reclaim after a checked proof of use may itemise is what the check put into
`Bewilligung.betrag_zurueckgefordert`, less what other reclaims itemise and what was repaid without a reclaim.
A revocation raises `betrag_zurueckgefordert` by its amount, up to what was paid out and not yet reclaimed.
Interest under § 49a Abs. 4 changes no amount of the grant. A repayment on a reclaim settles interest first,
then the principal (§ 367 Abs. 1 BGB, kern.zinsen); only its principal part counts as repaid on the grant.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction

from kern import zinsen
from kern.fehler import Regelverstoss
from kern.format import datum as datum_text, euro_text
from kern.rollen import ist_verwaltung
from kern.speichern import speichern
from kern.zeit import heute

from .models import NULL_EURO, Bewilligung, Verwendungsnachweis
from .rueckforderung import Basiszinssatz, Rueckforderung, Rueckzahlung, nicht_aufgeschluesselt
from .services import BETRAG_NICHT_POSITIV, RUECKZAHLUNG_ZU_HOCH, erlaubnis_pruefen

A = Rueckforderung.Art

NICHT_BEWILLIGT = "Zurückgefordert werden kann nur bei einer bewilligten Förderung."
NACHWEIS_UNGEPRUEFT = ("Der Verwendungsnachweis ist noch nicht geprüft; erst seine Prüfung legt fest, was "
                       "zurückzufordern ist.")
MEHR_ALS_RUECKFORDERBAR = (
    "Zurückgefordert werden können nach der Prüfung des Verwendungsnachweises höchstens {frei} "
    "(festgestellt {festgestellt}, schon in Rückforderungen oder ohne sie zurückgezahlt {erfasst})."
)
WIDERRUF_ZU_HOCH = ("Mit einem Widerruf können höchstens {frei} zurückgefordert werden: ausgezahlt {ausgezahlt}, "
                    "schon zurückgefordert {zurueckgefordert}.")
ZINSEN_UEBER_AUSZAHLUNG = "Zinsen nach § 49a Abs. 4 laufen höchstens auf die ausgezahlten {ausgezahlt}."
VERWENDUNG_FEHLT = "Für Zinsen nach § 49a Abs. 4 fehlt der Tag, an dem die Mittel verwendet wurden."
VERWENDUNG_VOR_AUSZAHLUNG = "Der Tag der Verwendung muss nach dem Tag der Auszahlung ({datum}) liegen."
GRUND_FEHLT = "Eine Rückforderung nennt ihren Grund."
KEIN_BASISZINS = "Für den {datum} ist kein Basiszinssatz erfasst; bitte zuerst unter „Basiszinssätze“ nachtragen."
ZAHLUNG_IN_ZUKUNFT = "Eine Rückzahlung kann nicht für ein künftiges Datum verbucht werden."
ZAHLUNG_VOR_LETZTER = ("Auf diese Rückforderung ist schon eine Zahlung vom {datum} verbucht; eine frühere kann nicht "
                       "mehr dazwischen verbucht werden.")
ZAHLUNG_UEBER_OFFEN = ("Offen sind am {datum} höchstens {offen} (Erstattungsbetrag {kapital}, Zinsen {zinsen}); "
                       "mehr kann nicht verbucht werden.")
SCHON_ERLEDIGT = "Diese Rückforderung ist seit dem {datum} beglichen."
AUFGESCHLUESSELT = ("Ohne Angabe der Rückforderung können höchstens {frei} verbucht werden; der Rest ist in "
                    "Rückforderungen festgesetzt. Bitte die Zahlung bei ihrer Rückforderung verbuchen.")
SATZ_DOPPELT = "Für den {datum} ist schon ein Basiszinssatz erfasst ({satz} %)."


@transaction.atomic
def basiszinssatz_erfassen(*, gueltig_ab: dt.date, satz: Decimal, durch: User,
                           quelle: str = "Deutsche Bundesbank") -> Basiszinssatz:
    """Staff record the base rate the Deutsche Bundesbank published for a half-year."""
    erlaubnis_pruefen(ist_verwaltung(durch), "Basiszinssätze erfassen")
    vorhanden = Basiszinssatz.objects.select_for_update().filter(gueltig_ab=gueltig_ab).first()
    if vorhanden is not None:
        raise Regelverstoss(SATZ_DOPPELT.format(datum=datum_text(gueltig_ab), satz=vorhanden.satz))
    eintrag = Basiszinssatz(gueltig_ab=gueltig_ab, satz=satz, quelle=quelle.strip() or "Deutsche Bundesbank")
    speichern(eintrag, durch)
    return eintrag


def _betrag_pruefen(bewilligung: Bewilligung, art: str, betrag: Decimal) -> None:
    ausgezahlt = bewilligung.auszahlungen.summe()
    if art == A.NACHWEIS:
        nachweis = Verwendungsnachweis.objects.filter(bewilligung=bewilligung).first()
        if nachweis is None or nachweis.geprueft_am is None:
            raise Regelverstoss(NACHWEIS_UNGEPRUEFT)
        frei = nicht_aufgeschluesselt(bewilligung)
        if betrag > frei:
            raise Regelverstoss(MEHR_ALS_RUECKFORDERBAR.format(
                frei=euro_text(max(frei, NULL_EURO)), festgestellt=euro_text(bewilligung.betrag_zurueckgefordert),
                erfasst=euro_text(bewilligung.betrag_zurueckgefordert - frei)))
    elif art == A.WIDERRUF:
        frei = ausgezahlt - bewilligung.betrag_zurueckgefordert
        if betrag > frei:
            raise Regelverstoss(WIDERRUF_ZU_HOCH.format(frei=euro_text(max(frei, NULL_EURO)),
                                                        ausgezahlt=euro_text(ausgezahlt),
                                                        zurueckgefordert=euro_text(bewilligung.betrag_zurueckgefordert)))
    elif betrag > ausgezahlt:
        raise Regelverstoss(ZINSEN_UEBER_AUSZAHLUNG.format(ausgezahlt=euro_text(ausgezahlt)))


def _zinsbeginn(bewilligung: Bewilligung, art: str, wirksam_ab: dt.date | None, tag: dt.date) -> dt.date:
    if wirksam_ab is not None:
        return wirksam_ab
    if art == A.NACHWEIS:
        return bewilligung.verwendungsnachweis.geprueft_am
    if art == A.ZINSEN:
        erste = bewilligung.auszahlungen.order_by("datum").first()
        return erste.datum if erste else tag
    return tag


@transaction.atomic
def rueckforderung_festsetzen(*, bewilligung: Bewilligung, art: str, betrag: Decimal, grund: str, durch: User,
                              wirksam_ab: dt.date | None = None, verwendet_am: dt.date | None = None,
                              datum: dt.date | None = None) -> Rueckforderung:
    """Staff set a reclaim on a grant; a revocation raises the grant's reclaimed amount."""
    erlaubnis_pruefen(ist_verwaltung(durch), "Rückforderungen festsetzen")
    if betrag <= 0:
        raise Regelverstoss(BETRAG_NICHT_POSITIV)
    if not grund.strip():
        raise Regelverstoss(GRUND_FEHLT)
    bewilligung = Bewilligung.objects.select_for_update().get(pk=bewilligung.pk)
    if bewilligung.status != Bewilligung.Status.BEWILLIGT:
        raise Regelverstoss(NICHT_BEWILLIGT)
    _betrag_pruefen(bewilligung, art, betrag)
    tag = datum or heute()
    beginn = _zinsbeginn(bewilligung, art, wirksam_ab, tag)
    if art == A.ZINSEN:
        if verwendet_am is None:
            raise Regelverstoss(VERWENDUNG_FEHLT)
        if verwendet_am <= beginn:
            raise Regelverstoss(VERWENDUNG_VOR_AUSZAHLUNG.format(datum=datum_text(beginn)))
    rueckforderung = Rueckforderung(
        bewilligung=bewilligung, art=art, betrag=betrag, grund=grund.strip(), wirksam_ab=beginn,
        verwendet_am=verwendet_am if art == A.ZINSEN else None, festgesetzt_am=tag, festgesetzt_von=durch)
    speichern(rueckforderung, durch)
    if art == A.WIDERRUF:
        bewilligung.betrag_zurueckgefordert += betrag
        speichern(bewilligung, durch)
    return rueckforderung


def _aufteilen(rueckforderung: Rueckforderung, betrag: Decimal, tag: dt.date) -> tuple[Decimal, Decimal, bool]:
    """(on interest, on principal, settled) of a payment of `betrag` on `tag` (§ 367 Abs. 1 BGB)."""
    if rueckforderung.erledigt_am is not None:
        raise Regelverstoss(SCHON_ERLEDIGT.format(datum=datum_text(rueckforderung.erledigt_am)))
    zahlungen = list(rueckforderung.rueckzahlungen.order_by("datum", "pk"))
    if zahlungen and tag < zahlungen[-1].datum:
        raise Regelverstoss(ZAHLUNG_VOR_LETZTER.format(datum=datum_text(zahlungen[-1].datum)))
    saetze = Basiszinssatz.objects.als_saetze()
    try:
        vorher = rueckforderung.verlauf(saetze=saetze, zahlungen=zahlungen, stichtag=tag)
    except zinsen.KeinBasiszins as exc:
        raise Regelverstoss(KEIN_BASISZINS.format(datum=datum_text(exc.tag))) from None
    if betrag > vorher.offen:
        raise Regelverstoss(ZAHLUNG_UEBER_OFFEN.format(datum=datum_text(tag), offen=euro_text(vorher.offen),
                                                       kapital=euro_text(vorher.kapital_offen),
                                                       zinsen=euro_text(vorher.zinsen_offen)))
    neu = Rueckzahlung(datum=tag, betrag=betrag)
    nachher = rueckforderung.verlauf(saetze=saetze, zahlungen=zahlungen + [neu], stichtag=tag)
    letzte = nachher.verrechnungen[-1]
    return letzte.auf_zinsen, letzte.auf_kapital, nachher.offen == 0


@transaction.atomic
def rueckzahlung_buchen(*, bewilligung: Bewilligung, betrag: Decimal, durch: User, datum: dt.date | None = None,
                        rueckforderung: Rueckforderung | None = None, bemerkung: str = "") -> Rueckzahlung:
    """Staff record money an operator paid back, on a reclaim or on the part no reclaim itemises."""
    from .permissions import kann_auszahlen

    erlaubnis_pruefen(kann_auszahlen(durch, bewilligung), "Rückzahlungen verbuchen")
    if betrag <= 0:
        raise Regelverstoss(BETRAG_NICHT_POSITIV)
    tag = datum or heute()
    if tag > heute():
        raise Regelverstoss(ZAHLUNG_IN_ZUKUNFT)
    bewilligung = Bewilligung.objects.select_for_update().get(pk=bewilligung.pk)
    if rueckforderung is None:
        if betrag > bewilligung.rueckzahlung_offen:
            raise Regelverstoss(RUECKZAHLUNG_ZU_HOCH.format(offen=euro_text(bewilligung.rueckzahlung_offen)))
        frei = nicht_aufgeschluesselt(bewilligung)
        if betrag > frei:
            raise Regelverstoss(AUFGESCHLUESSELT.format(frei=euro_text(max(frei, NULL_EURO))))
        auf_zinsen, auf_kapital, erledigt = NULL_EURO, betrag, False
    else:
        rueckforderung = Rueckforderung.objects.select_for_update().get(pk=rueckforderung.pk,
                                                                        bewilligung=bewilligung)
        auf_zinsen, auf_kapital, erledigt = _aufteilen(rueckforderung, betrag, tag)
    zahlung = Rueckzahlung(bewilligung=bewilligung, rueckforderung=rueckforderung, datum=tag, betrag=betrag,
                           auf_zinsen=auf_zinsen, auf_hauptforderung=auf_kapital, verbucht_von=durch,
                           bemerkung=bemerkung)
    speichern(zahlung, durch)
    if auf_kapital:
        bewilligung.betrag_zurueckgezahlt += auf_kapital
        speichern(bewilligung, durch)
    if erledigt:
        rueckforderung.erledigt_am = tag
        speichern(rueckforderung, durch)
    return zahlung
