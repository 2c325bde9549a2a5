"""Reclaims in the demo: each city's account for repayments; for the first proofs of use of this year whose
check reclaimed money, a reclaim with its notice (sent the same day) and, on the first of them, a partial
repayment two weeks later; and for two payouts of this year spent only 75 days later, interest under § 49a
Abs. 4 VwVfG with its notice. Everything goes through the services, as staff would."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from berichte import bescheide, rueckforderungsbescheid
from kern.bankverbindung import iban_mit_pruefziffern
from kern.format import datum as datum_text, euro_text
from programme import rueckforderung_services, services
from programme.basiszinsdaten import basiszinssaetze_sichern
from programme.models import Auszahlung, Bewilligung
from programme.rueckforderung import Kassenverbindung, Rueckforderung, nicht_aufgeschluesselt

from .basis import Kontext, sichern

# City, payee, bank; the accounts are demo numbers (the bank code of no real bank).
KASSEN = {
    "Bremen": ("Landeshauptkasse Bremen", "Sparkasse Bremen", "0000470001"),
    "Bremerhaven": ("Stadtkasse Bremerhaven", "Weser-Elbe Sparkasse", "0000470002"),
    "Leverkusen": ("Stadtkasse Leverkusen", "Sparkasse Leverkusen", "0000470003"),
    "Mönchengladbach": ("Stadtkasse Mönchengladbach", "Stadtsparkasse Mönchengladbach", "0000470004"),
}
BANKLEITZAHL = "99907000"
BIC = "DEMODEB1XXX"
ANZAHL = 4
ABS4_ANZAHL = 2
ABS4_TAGE = 75
ABS4_GRUND = ("Ein Teil der am {ausgezahlt} ausgezahlten Mittel ({betrag}) wurde erst am {verwendet} für den Zweck "
              "der Zuwendung verwendet und damit nicht alsbald nach der Auszahlung.")
GRUND = ("Bei der Prüfung des Verwendungsnachweises vom {eingereicht} wurden zuwendungsfähige Ausgaben von {verwendet} "
         "anerkannt; die Zuwendung ermäßigt sich entsprechend. Zu erstatten ist der zu viel gezahlte Betrag.")


def kassen_laden(k: Kontext) -> None:
    for stadt, (empfaenger, institut, konto) in KASSEN.items():
        if stadt in k.staedte:
            sichern(Kassenverbindung, stadt=k.staedte[stadt], defaults={
                "empfaenger": empfaenger, "kreditinstitut": institut, "bic": BIC,
                "iban": iban_mit_pruefziffern("DE", f"{BANKLEITZAHL}{konto}")})


def _kandidaten(k: Kontext) -> list[Bewilligung]:
    """This year's checked proofs with an open reclaim, of operators a notice can be addressed to."""
    return list(Bewilligung.objects.filter(
        verwendungsnachweis__geprueft_am__year=k.heute.year, betrag_zurueckgefordert__gt=0,
        projekt__traeger__traegerdaten__isnull=False, programm__stadt__kasse__isnull=False)
        .select_related("verwendungsnachweis", "projekt").order_by("verwendungsnachweis__geprueft_am", "pk")[:ANZAHL])


def _festsetzen(k: Kontext, bewilligung: Bewilligung) -> Rueckforderung | None:
    betrag = nicht_aufgeschluesselt(bewilligung)
    if betrag <= 0:
        return None
    nachweis = bewilligung.verwendungsnachweis
    tag = nachweis.geprueft_am
    grund = GRUND.format(eingereicht=datum_text(nachweis.eingereicht_am), verwendet=euro_text(nachweis.verwendet))
    return rueckforderung_services.rueckforderung_festsetzen(
        bewilligung=bewilligung, art=Rueckforderung.Art.NACHWEIS, betrag=betrag, grund=grund, durch=k.verwaltung,
        wirksam_ab=tag, datum=tag)


def _bescheid(k: Kontext, rueckforderung: Rueckforderung, tag: dt.date) -> None:
    bescheid = rueckforderungsbescheid.rueckforderungsbescheid_erlassen(rueckforderung=rueckforderung,
                                                                       durch=k.verwaltung, datum=tag)
    bescheide.bescheid_versenden(bescheid=bescheid, durch=k.verwaltung, datum=tag)


def _spaet_verwendet(k: Kontext, ausser: set[int]) -> list[tuple[Rueckforderung, dt.date]]:
    """Interest under § 49a Abs. 4 on a quarter of two payouts of this year that were spent 75 days late."""
    spaetestens = k.heute - dt.timedelta(days=ABS4_TAGE + 14)
    auszahlungen = (Auszahlung.objects.filter(datum__year=k.heute.year, datum__lte=spaetestens,
                                              bewilligung__projekt__traeger__traegerdaten__isnull=False,
                                              bewilligung__programm__stadt__kasse__isnull=False)
                    .exclude(bewilligung_id__in=ausser).select_related("bewilligung").order_by("datum", "pk"))
    ergebnis = []
    for auszahlung in auszahlungen[:ABS4_ANZAHL]:
        betrag = min(max((auszahlung.betrag / 4).quantize(Decimal("1")), Decimal("1")), auszahlung.betrag)
        verwendet = auszahlung.datum + dt.timedelta(days=ABS4_TAGE)
        rueckforderung = rueckforderung_services.rueckforderung_festsetzen(
            bewilligung=auszahlung.bewilligung, art=Rueckforderung.Art.ZINSEN, betrag=betrag,
            grund=ABS4_GRUND.format(ausgezahlt=datum_text(auszahlung.datum), betrag=euro_text(betrag),
                                    verwendet=datum_text(verwendet)),
            durch=k.verwaltung, wirksam_ab=auszahlung.datum, verwendet_am=verwendet, datum=verwendet)
        ergebnis.append((rueckforderung, verwendet + dt.timedelta(days=14)))
    return ergebnis


def rueckforderungen_laden(k: Kontext) -> None:
    basiszinssaetze_sichern()  # after a transactional test emptied the tables the migration's rows are gone
    kassen_laden(k)
    if Rueckforderung.objects.exists():
        return
    erste, ausser, bescheide_am = None, set(), []
    for bewilligung in _kandidaten(k):
        rueckforderung = _festsetzen(k, bewilligung)
        ausser.add(bewilligung.pk)
        if rueckforderung is not None:
            bescheide_am.append((rueckforderung, rueckforderung.festgesetzt_am))
            erste = erste or rueckforderung
    bescheide_am += _spaet_verwendet(k, ausser)
    # Notices in the order of their dates, so their numbers follow the calendar.
    for rueckforderung, tag in sorted(bescheide_am, key=lambda paar: (paar[1], paar[0].pk)):
        _bescheid(k, rueckforderung, tag)
    if erste is not None:
        tag = min(erste.festgesetzt_am + dt.timedelta(days=14), k.heute)
        teil = (erste.betrag / 2).quantize(Decimal("1"))
        services.rueckzahlung_verbuchen(bewilligung=erste.bewilligung, rueckforderung=erste, betrag=teil, datum=tag,
                                        durch=k.verwaltung, bemerkung="Teilzahlung")
