"""The check note (Prüfvermerk) on a proof of use as a document: staff's check is recorded through
programme.services.verwendungsnachweis_pruefen (the recalculation and the reclaim) and, in the same
transaction, rendered by the report machinery (WeasyPrint, PDF/UA-1, the shipped fonts) and stored with its
SHA-256. Like the notices it is never public: staff and the managers of the project's area read it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from kern.fehler import Regelverstoss
from kern.rollen import ist_quartiersmanagement, ist_verwaltung
from kern.speichern import speichern
from kern.zeit import heute
from programme import nachweis_regeln, services
from programme.models import Verwendungsnachweis
from programme.nachweis import Beleg, Pruefvermerk
from programme.zuwendung import Bescheid, Zuwendung

from . import ablage, pdf

TEMPLATE = "berichte/pruefvermerk.html"
STANDARD_BEHOERDE = "Sozialplanung"
VERMERK_FEHLT = "Bitte den Prüfvermerk schreiben: was geprüft wurde und mit welchem Ergebnis."


def kann_pruefvermerke_sehen(user) -> bool:
    return ist_verwaltung(user) or ist_quartiersmanagement(user)


def _nachweis(pk: int) -> Verwendungsnachweis:
    return Verwendungsnachweis.objects.select_related(
        "bewilligung__projekt__gebiet", "bewilligung__projekt__traeger", "bewilligung__programm__stadt",
        "bewilligung__programm__zustaendig", "geprueft_von").get(pk=pk)


def kontext(*, nachweis: Verwendungsnachweis, text: str, datum: dt.date, ausgezahlt: Decimal,
            pruefung: nachweis_regeln.Pruefung | None, durch: User | None) -> dict:
    """Everything the check note shows."""
    bewilligung = nachweis.bewilligung
    programm = bewilligung.programm
    bescheid = Bescheid.objects.filter(bewilligung=bewilligung).order_by("version").first()
    behoerde = programm.zustaendig.name if programm.zustaendig else STANDARD_BEHOERDE
    return {
        "titel": f"Prüfvermerk zum Verwendungsnachweis: {bewilligung.projekt.titel}",
        "stadt": programm.stadt, "behoerde": behoerde, "programm": programm, "bewilligung": bewilligung,
        "projekt": bewilligung.projekt, "nachweis": nachweis, "text": text, "datum": datum,
        "ausgezahlt": ausgezahlt, "pruefung": pruefung,
        "nachzahlung": max((nachweis.zuwendung_festgesetzt or 0) - ausgezahlt, 0) if not nachweis.rueckforderung else 0,
        "zuwendung": Zuwendung.objects.filter(bewilligung=bewilligung).first(),
        "aktenzeichen": bescheid.aktenzeichen if bescheid else "",
        "belege": Beleg.objects.filter(nachweis=nachweis).count(),
        "pruefer": (durch.get_full_name() or durch.username) if durch else behoerde,
    }


def html_rendern(daten: dict) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(TEMPLATE, daten)


def _ablegen(*, nachweis: Verwendungsnachweis, text: str, datum: dt.date, durch: User | None,
             nicht_zuwendungsfaehig: Decimal | None) -> Pruefvermerk:
    nachweis = _nachweis(nachweis.pk)
    ausgezahlt = nachweis.bewilligung.auszahlungen.summe()
    # The same figures the check decided (programme.services computed them with the same arguments).
    pruefung = nachweis_regeln.pruefung(nachweis, ausgezahlt=ausgezahlt, nicht_zuwendungsfaehig=nicht_zuwendungsfaehig)
    ergebnis = pdf.pdf_rendern(html_rendern(kontext(nachweis=nachweis, text=text, datum=datum, ausgezahlt=ausgezahlt,
                                                    pruefung=pruefung, durch=durch)))
    festgesetzt = nachweis.zuwendung_festgesetzt
    projekt = ablage._teil(nachweis.bewilligung.projekt.titel)[:80]
    vermerk = Pruefvermerk(
        nachweis=nachweis, datum=datum, text=text, ausgaben=nachweis.verwendet or 0,
        nicht_zuwendungsfaehig=pruefung.neuberechnung.nicht_zuwendungsfaehig if pruefung else 0,
        zuwendung_festgesetzt=festgesetzt, ausgezahlt=ausgezahlt, rueckforderung=nachweis.rueckforderung,
        nachzahlung=max(festgesetzt - ausgezahlt, 0) if not nachweis.rueckforderung else 0,
        sha256=ergebnis.sha256, seiten=ergebnis.seiten, erstellt_von=durch,
        dateiname=f"Pruefvermerk_{projekt}_{nachweis.bewilligung.jahr}.pdf",
    )
    ablage.mit_datei_speichern(vermerk, "pruefvermerk.pdf", ergebnis.daten, lambda: speichern(vermerk, durch))
    return vermerk


def pruefung_abschliessen(*, nachweis: Verwendungsnachweis, durch: User, text: str,
                          rueckforderung: Decimal | None = None, nicht_zuwendungsfaehig: Decimal | None = None,
                          datum: dt.date | None = None) -> Pruefvermerk:
    """Staff check the proof (recalculation, reclaim on the grant) and file the check note as a PDF; all or
    nothing."""
    if not text.strip():
        raise Regelverstoss(VERMERK_FEHLT)
    datum = datum or heute()
    with transaction.atomic():
        geprueft = services.verwendungsnachweis_pruefen(
            nachweis=nachweis, durch=durch, rueckforderung=rueckforderung,
            nicht_zuwendungsfaehig=nicht_zuwendungsfaehig, bemerkung=text.strip(), datum=datum)
        return _ablegen(nachweis=geprueft, text=text.strip(), datum=datum, durch=durch,
                        nicht_zuwendungsfaehig=nicht_zuwendungsfaehig)


def geprueft_lesen(vermerk: Pruefvermerk) -> bytes:
    """The stored PDF, only while its SHA-256 is the one recorded at the check."""
    return ablage.geprueft_lesen(vermerk)
