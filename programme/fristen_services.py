"""Changes to the deadline records: setting a grant's deadlines when it is granted, submitting and checking its
interim proofs. Each in one transaction; a refusal raises `Regelverstoss` with a German message."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.db import transaction

from kern import zeit
from kern.fehler import Regelverstoss
from kern.speichern import speichern

from . import fristen
from .fristen_models import Zwischennachweis
from .models import Bewilligung, Verwendungsnachweis
from .permissions import kann_nachweise_pruefen, kann_projekt_bearbeiten

ZN_NICHT_EIGENES_GEBIET = "Das Projekt liegt nicht in einem Ihrer Gebiete."
ZN_SCHON_EINGEREICHT = "Der Zwischennachweis ist bereits eingereicht."
ZN_NICHT_EINGEREICHT = "Der Zwischennachweis ist noch nicht eingereicht."
ZN_SCHON_GEPRUEFT = "Der Zwischennachweis ist bereits geprüft."
ZN_NUR_VERWALTUNG = "Nur die Verwaltung darf Zwischennachweise prüfen."
ZN_SACHBERICHT_FEHLT = "Bitte beschreiben Sie kurz, was im Jahr geschehen ist (Sachbericht)."
ZN_VOR_JAHRESENDE = "Der Zwischennachweis für {jahr} kann erst nach Ablauf des Jahres eingereicht werden."


def fristen_anlegen(*, bewilligung: Bewilligung, zuwendung, durch: User) -> Verwendungsnachweis:
    """At the grant (inside its transaction): the proof of use, due months after the funding period, and an
    interim proof for each year after which the project still runs."""
    nachweis = Verwendungsnachweis(bewilligung=bewilligung,
                                   faellig_am=fristen.nachweis_faellig_am(bewilligung, zuwendung))
    speichern(nachweis, durch)
    for jahr in fristen.zwischennachweis_jahre(bewilligung, zuwendung):
        speichern(Zwischennachweis(bewilligung=bewilligung, jahr=jahr,
                                   faellig_am=fristen.zwischennachweis_faellig_am(bewilligung.programm, jahr)),
                  durch)
    return nachweis


def _gesperrt(zwischennachweis: Zwischennachweis) -> Zwischennachweis:
    return (Zwischennachweis.objects.select_for_update(of=("self",)).select_related("bewilligung__projekt")
            .get(pk=zwischennachweis.pk))


@transaction.atomic
def zwischennachweis_einreichen(*, zwischennachweis: Zwischennachweis, sachbericht: str, durch: User,
                                datum: dt.date | None = None) -> Zwischennachweis:
    """The operator's interim proof, submitted by the area's managers or staff."""
    zn = _gesperrt(zwischennachweis)
    if not kann_projekt_bearbeiten(durch, zn.bewilligung.projekt):
        raise Regelverstoss(ZN_NICHT_EIGENES_GEBIET)
    if zn.eingereicht_am is not None:
        raise Regelverstoss(ZN_SCHON_EINGEREICHT)
    if not sachbericht.strip():
        raise Regelverstoss(ZN_SACHBERICHT_FEHLT)
    datum = datum or zeit.heute()
    if datum.year <= zn.jahr:
        raise Regelverstoss(ZN_VOR_JAHRESENDE.format(jahr=zn.jahr))
    zn.eingereicht_am, zn.eingereicht_von, zn.sachbericht = datum, durch, sachbericht.strip()
    speichern(zn, durch)
    return zn


@transaction.atomic
def zwischennachweis_pruefen(*, zwischennachweis: Zwischennachweis, durch: User,
                             datum: dt.date | None = None) -> Zwischennachweis:
    if not kann_nachweise_pruefen(durch):
        raise Regelverstoss(ZN_NUR_VERWALTUNG)
    zn = _gesperrt(zwischennachweis)
    if zn.eingereicht_am is None:
        raise Regelverstoss(ZN_NICHT_EINGEREICHT)
    if zn.geprueft_am is not None:
        raise Regelverstoss(ZN_SCHON_GEPRUEFT)
    zn.geprueft_am, zn.geprueft_von = datum or zeit.heute(), durch
    speichern(zn, durch)
    return zn
