"""The reclaim notice (Rückforderungsbescheid) as a document, rendered and filed like the grant notices
(berichte.bescheide): a number of the same series (Bescheidnummernkreis) drawn under a row lock, a DIN 5008
letter as PDF/UA-1, stored with its SHA-256 and never changed. It states the amount, the reason, the legal
basis, the interest rule with its periods up to the day of the notice and the day-count method, the payment
deadline with the city's account, and the legal remedies.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from kern import zinsen
from kern.fehler import Regelverstoss
from kern.rollen import ist_verwaltung
from kern.speichern import speichern
from kern.zahlwort import euro_in_worten
from kern.zeit import heute
from programme import rueckforderung_selectors, zuwendung_regeln
from programme.rueckforderung import Kassenverbindung, Rueckforderung
from programme.zuwendung import Bescheid, Textbaustein, platzhalter_fuellen

from . import ablage, bescheide, pdf

TEMPLATE = "berichte/rueckforderungsbescheid.html"
ZAHLUNGSFRIST_MONATE = 1

SCHON_ERLASSEN = "Zu dieser Rückforderung ist schon der Bescheid Nr. {nummer} ergangen."
KEINE_KASSE = ("Für {stadt} ist noch keine Bankverbindung der Stadtkasse hinterlegt; sie gehört in jeden "
               "Rückforderungsbescheid.")
KEIN_BASISZINS = "Für den {datum} ist kein Basiszinssatz erfasst; bitte zuerst unter „Basiszinssätze“ nachtragen."

A = Rueckforderung.Art
RECHTSGRUNDLAGE = {
    A.NACHWEIS: ("Nach der Prüfung des Verwendungsnachweises hat sich die Zuwendung ermäßigt (Nr. 2 {anbest}); "
                 "insoweit ist der Zuwendungsbescheid unwirksam geworden. Der zu viel gezahlte Betrag ist nach "
                 "§ 49a Abs. 1 VwVfG zu erstatten; die Erstattung wird mit diesem Bescheid festgesetzt."),
    A.WIDERRUF: ("Der Zuwendungsbescheid wird insoweit nach § 49 Abs. 3 VwVfG widerrufen bzw. nach § 48 VwVfG "
                 "zurückgenommen. Die bereits gezahlte Zuwendung ist in dieser Höhe nach § 49a Abs. 1 VwVfG zu "
                 "erstatten; die Erstattung wird mit diesem Bescheid festgesetzt."),
    A.ZINSEN: ("Die ausgezahlten Mittel wurden nicht alsbald nach der Auszahlung für den Zweck der Zuwendung "
               "verwendet. Für die Zeit bis zur zweckentsprechenden Verwendung werden nach § 49a Abs. 4 VwVfG "
               "Zinsen verlangt."),
}
ZINSREGEL = {
    False: ("Der Erstattungsbetrag ist nach § 49a Abs. 3 Satz 1 VwVfG vom Eintritt der Unwirksamkeit an mit fünf "
            "Prozentpunkten über dem jeweiligen Basiszinssatz (§ 247 BGB) jährlich zu verzinsen, bis zum Tag "
            "der Zahlung."),
    True: ("Zu verzinsen ist der nicht alsbald verwendete Betrag nach § 49a Abs. 4 in Verbindung mit Abs. 3 "
           "Satz 1 VwVfG mit fünf Prozentpunkten über dem jeweiligen Basiszinssatz (§ 247 BGB) jährlich, von der "
           "Auszahlung bis zur Verwendung."),
}


def kann_erlassen(user) -> bool:
    return ist_verwaltung(user)


def _kasse(rueckforderung: Rueckforderung) -> Kassenverbindung:
    stadt = rueckforderung.bewilligung.programm.stadt
    kasse = Kassenverbindung.objects.filter(stadt=stadt).first()
    if kasse is None:
        raise Regelverstoss(KEINE_KASSE.format(stadt=stadt.name))
    return kasse


def _stand(rueckforderung: Rueckforderung, datum: dt.date) -> rueckforderung_selectors.Stand:
    stand = rueckforderung_selectors.staende([rueckforderung], stichtag=datum)[0]
    if stand.verlauf is None:
        erster = rueckforderung.wirksam_ab + dt.timedelta(days=1)
        raise Regelverstoss(KEIN_BASISZINS.format(datum=erster.strftime("%d.%m.%Y")))
    return stand


def kontext(*, rueckforderung: Rueckforderung, aktenzeichen: str, datum: dt.date, nummer: str | None,
            durch: User | None = None) -> dict:
    """Everything the reclaim notice shows; the interest periods run up to the day of the notice."""
    bewilligung = bescheide._bewilligung(rueckforderung.bewilligung_id)
    projekt, programm = bewilligung.projekt, bewilligung.programm
    traeger = bescheide._traegerdaten(projekt)
    texte = bescheide._textbausteine(bewilligung)
    werte = bescheide.platzhalterwerte(bewilligung=bewilligung, zuwendung=None, aktenzeichen=aktenzeichen,
                                       datum=datum)
    stand = _stand(rueckforderung, datum)
    letzter = stand.verlauf.abschnitte[-1] if stand.verlauf.abschnitte else None
    tageszins = (zinsen.runden(stand.kapital_offen * letzter.zinssatz / 100 / zinsen.TAGE_IM_JAHR)
                 if letzter and not rueckforderung.nur_zinsen else None)
    erster = bewilligung.bescheide.filter(art=Bescheid.Art.ZUWENDUNG, ersetzt__isnull=True).order_by("pk").first()
    anbest = "ANBest-K" if traeger.ist_kommune else "ANBest-P"
    return {
        "titel": f"Rückforderungsbescheid {aktenzeichen}", "art_titel": "Rückforderungsbescheid",
        "rueckforderung": rueckforderung, "bewilligung": bewilligung, "projekt": projekt, "programm": programm,
        "stadt": programm.stadt, "behoerde": werte["behoerde"],
        "behoerde_adresse": programm.zustaendig.adresse if programm.zustaendig else "",
        "traeger": traeger, "aktenzeichen": aktenzeichen, "datum": datum, "nummer": nummer,
        "betrag_in_worten": euro_in_worten(rueckforderung.betrag), "zuwendungsbescheid": erster,
        "rechtsgrundlage": RECHTSGRUNDLAGE[rueckforderung.art].format(anbest=anbest),
        "zinsregel": ZINSREGEL[rueckforderung.nur_zinsen], "zaehlweise": zinsen.ZAEHLWEISE,
        "verrechnung": zinsen.VERRECHNUNG, "stand": stand, "tageszins": tageszins,
        "zahlungsfrist": zuwendung_regeln.monate_spaeter(datum, ZAHLUNGSFRIST_MONATE),
        "kasse": _kasse(rueckforderung),
        "rechtsbehelf": platzhalter_fuellen(texte[Textbaustein.Art.RECHTSBEHELF], werte),
        "unterzeichner": (durch.get_full_name() or durch.username) if durch else "",
    }


def html_rendern(daten: dict, *, vorschau: bool = False) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(TEMPLATE, {**daten, "vorschau": vorschau})


def aktenzeichen_fuer(rueckforderung: Rueckforderung, jahr: int, laufnummer: int) -> str:
    return f"RF-{rueckforderung.bewilligung.programm.kurzname}-{jahr}/{laufnummer:04d}"


def _ablegen(*, rueckforderung: Rueckforderung, jahr: int, laufnummer: int, datum: dt.date,
             durch: User | None) -> Bescheid:
    aktenzeichen = aktenzeichen_fuer(rueckforderung, jahr, laufnummer)
    daten = kontext(rueckforderung=rueckforderung, aktenzeichen=aktenzeichen, datum=datum,
                    nummer=f"{jahr}/{laufnummer:04d}", durch=durch)
    ergebnis = pdf.pdf_rendern(html_rendern(daten))
    bescheid = Bescheid(
        bewilligung_id=rueckforderung.bewilligung_id, art=Bescheid.Art.RUECKFORDERUNG, jahr=jahr,
        laufnummer=laufnummer, version=1, aktenzeichen=aktenzeichen, datum=datum,
        begruendung=rueckforderung.grund, sha256=ergebnis.sha256, seiten=ergebnis.seiten,
        dateigroesse=len(ergebnis.daten), erstellt_von=durch,
        dateiname=f"{ablage._teil('Rückforderungsbescheid_' + aktenzeichen.replace('/', '-'))}.pdf")
    ablage.mit_datei_speichern(bescheid, "bescheid.pdf", ergebnis.daten, lambda: speichern(bescheid, durch))
    rueckforderung.bescheid = bescheid
    rueckforderung.zahlungsfrist = daten["zahlungsfrist"]
    speichern(rueckforderung, durch)
    return bescheid


def rueckforderungsbescheid_erlassen(*, rueckforderung: Rueckforderung, durch: User | None,
                                     datum: dt.date | None = None, pruefen: bool = True) -> Bescheid:
    """The notice on a reclaim, with the next number of its year; payable within a month of its date."""
    if pruefen and not kann_erlassen(durch):
        raise Regelverstoss(bescheide.NUR_VERWALTUNG)
    datum = datum or heute()
    with transaction.atomic():
        rueckforderung = Rueckforderung.objects.select_for_update().get(pk=rueckforderung.pk)
        if rueckforderung.bescheid_id is not None:
            raise Regelverstoss(SCHON_ERLASSEN.format(nummer=rueckforderung.bescheid.nummer))
        bewilligung = bescheide._bewilligung(rueckforderung.bewilligung_id)
        bescheide._traegerdaten(bewilligung.projekt)
        bescheide._textbausteine(bewilligung)
        _kasse(rueckforderung)
        _stand(rueckforderung, datum)
        laufnummer = bescheide._naechste_laufnummer(datum.year)
        return _ablegen(rueckforderung=rueckforderung, jahr=datum.year, laufnummer=laufnummer, datum=datum,
                        durch=durch)
