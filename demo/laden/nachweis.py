"""Proofs of use in detail for the demo: every second of the submitted, unchecked proofs gets a narrative
report, its actual income and a receipt list, so staff can try the check (comparison with the plan, the
20 % rule, the recalculation and the check note). Written by staff through programme.nachweis_services, as
when the operator hands in the receipts after submitting; loading twice changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from demo.daten import zuwendung as daten
from programme import nachweis_regeln, nachweis_services
from programme.models import NULL_EURO, Bewilligung, Verwendungsnachweis
from programme.nachweis import Nachweisangaben
from programme.zuwendung import Zuwendung

from .basis import Kontext

CENT = Decimal("0.01")
SACHBERICHT = ("Das Projekt „{titel}“ lief im Haushaltsjahr {jahr} wie geplant: regelmäßige Angebote im Quartier, "
               "Absprachen mit den Partnern vor Ort und eine Abschlussveranstaltung mit den Teilnehmenden.")
ERGEBNISSE = "Die Angebote wurden gut angenommen; zwei Formate werden im Folgejahr aus Eigenmitteln fortgeführt."
EMPFAENGER = {"personal": ("Lohnbuchhaltung des Trägers", "Personalkosten {monat}"),
              "sachkosten": ("Bürobedarf Nord GmbH", "Material und Raumkosten"),
              "honorare": ("Honorarkraft (Kursleitung)", "Honorar Kursreihe"),
              "investitionen": ("Ausstattung Schmidt KG", "Ausstattung"),
              "sonstige": ("Druckerei am Markt", "Flyer und Plakate")}


def _gewicht(bewilligung: Bewilligung) -> Decimal:
    """The grant's share of all the project's grants: the part of its figures that falls into this year."""
    alle = sum((b.betrag_bewilligt for b in bewilligung.projekt.bewilligungen.bewilligt()), NULL_EURO)
    return bewilligung.betrag_bewilligt / alle if alle else Decimal(1)


def _soll(nachweis: Verwendungsnachweis) -> tuple[dict[str, Decimal], Decimal, Decimal]:
    """Planned expenses per category and income of the grant's year; without a plan from the project's figures."""
    plan = nachweis_regeln.plan_je_kategorie(nachweis)
    if plan:
        return plan, *nachweis_regeln.plan_einnahmen(nachweis)
    projekt, gewicht = nachweis.bewilligung.projekt, _gewicht(nachweis.bewilligung)
    gesamt = projekt.gesamtkosten * gewicht
    anteile = {k: Decimal(p) / 100 for k, _, p in daten.AUFTEILUNG}
    return ({k: (gesamt * a).quantize(CENT) for k, a in anteile.items()},
            (projekt.eigenmittel * gewicht).quantize(CENT), (projekt.drittmittel * gewicht).quantize(CENT))


def _ist(soll: dict[str, Decimal], nachweis: Verwendungsnachweis, nr: int) -> dict[str, Decimal]:
    """Actual expenses: the plan scaled by how much of the grant was used (every fourth proof spent 15 % less,
    so its check reclaims money); every third moves money from the second line to the first beyond the 20 %
    (offset by the saving, so not flagged)."""
    bewilligt = nachweis.bewilligung.betrag_bewilligt
    faktor = (nachweis.verwendet / bewilligt) if bewilligt and nachweis.verwendet else Decimal(1)
    faktor *= Decimal("0.85") if nr % 4 == 2 else Decimal(1)
    ist = {k: (v * faktor).quantize(CENT) for k, v in soll.items() if v > 0}
    schluessel = list(ist)
    if nr % 3 == 0 and len(schluessel) >= 2:
        mehr = (soll[schluessel[1]] * Decimal("0.30")).quantize(CENT)
        ist[schluessel[0]] += mehr
        ist[schluessel[1]] -= mehr
    return ist


def _belege(nachweis: Verwendungsnachweis, ist: dict[str, Decimal], zeitraum: tuple[dt.date, dt.date]):
    beginn, ende = zeitraum
    tage = max((ende - beginn).days, 1)
    for i, (kategorie, betrag) in enumerate(ist.items()):
        teile = [(betrag * Decimal("0.6")).quantize(CENT)]
        teile.append(betrag - teile[0])
        for j, teil in enumerate(t for t in teile if t > 0):
            datum = beginn + dt.timedelta(days=(tage * (2 * i + j + 1)) // (2 * len(ist) + 1))
            empfaenger, zweck = EMPFAENGER[kategorie]
            yield {"datum": datum, "empfaenger": empfaenger, "zweck": zweck.format(monat=f"{datum:%m/%Y}"),
                   "betrag": teil, "kategorie": kategorie}


def nachweise_laden(k: Kontext) -> None:
    mit_angaben = set(Nachweisangaben.objects.values_list("nachweis_id", flat=True))
    offen = (Verwendungsnachweis.objects.filter(eingereicht_am__isnull=False, geprueft_am__isnull=True)
             .select_related("bewilligung__projekt", "bewilligung__programm").order_by("pk"))
    for nr, nachweis in enumerate(offen):
        if nr % 2 or nachweis.pk in mit_angaben:
            continue
        soll, eigen, dritt = _soll(nachweis)
        ist = _ist(soll, nachweis, nr)
        if not ist:
            continue
        projekt = nachweis.bewilligung.projekt
        nachweis_services.angaben_speichern(
            nachweis=nachweis, durch=k.verwaltung, eigenmittel=eigen, drittmittel=dritt,
            sachbericht=SACHBERICHT.format(titel=projekt.titel, jahr=nachweis.bewilligung.jahr),
            teilnehmende=projekt.teilnehmende_erreicht, ergebnisse=ERGEBNISSE)
        zuwendung = Zuwendung.objects.filter(bewilligung=nachweis.bewilligung).first()
        zeitraum = (zuwendung.beginn, zuwendung.ende) if zuwendung else (
            max(projekt.beginn, dt.date(nachweis.bewilligung.jahr, 1, 1)),
            min(projekt.ende, dt.date(nachweis.bewilligung.jahr, 12, 31)))
        for beleg in _belege(nachweis, ist, zeitraum):
            nachweis_services.beleg_hinzufuegen(nachweis=nachweis, durch=k.verwaltung, **beleg)
