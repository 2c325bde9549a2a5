"""The grant-law rules that programme.services asks at a request and at a grant, and the one
function that computes a grant from its type of financing (the recalculation at the proof of use uses it too).

A programme comes under the early-start and de-minimis rules once staff have recorded its grant-law
defaults (Programmvorgaben); until then its grants are decided as before, so programmes already running
when these rules arrived keep working. The financing plan's rules apply wherever a project has a plan.

Nothing here imports programme.services; services calls in here at clearly marked places.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Min

from kern.fehler import Regelverstoss
from kern.format import datum as datum_text, euro_text, messwert

from quartiere.models import Organisation

from .models import NULL_EURO, Bewilligung, Foerderprogramm, Projekt
from .zuwendung import Finanzierungsart, Finanzierungsplan, Planposition, Programmvorgaben, VorzeitigerBeginn, Zuwendung

CENT = Decimal("0.01")

ANTRAG_OHNE_TRAEGER = "Gefördert wird ein Träger: Bitte zuerst den Träger des Projekts angeben."
ANTRAG_WEICHT_VOM_PLAN_AB = (
    "Laut Finanzierungsplan werden bei {programm} für {jahr} {plan} beantragt, nicht {betrag}. "
    "Bitte den Finanzierungsplan ändern oder den Betrag aus dem Plan übernehmen."
)
ANTRAG_NICHT_IM_PLAN = "Der Finanzierungsplan sieht für {jahr} keine Zuwendung von {programm} vor."
PLAN_UNAUSGEGLICHEN = (
    "Der Finanzierungsplan ist für {jahr} nicht ausgeglichen: Ausgaben {ausgaben}, Einnahmen {einnahmen}."
)
VORZEITIGER_BEGINN_FEHLT = (
    "Das Projekt hat am {beginn} begonnen, vor dem Antrag vom {antrag}. Ohne vorher zugelassenen vorzeitigen "
    "Maßnahmebeginn kann es nicht gefördert werden."
)
VORZEITIGER_BEGINN_ZU_SPAET = (
    "Das Projekt hat am {beginn} begonnen, vor dem Antrag vom {antrag}; der vorzeitige Maßnahmebeginn wurde erst am "
    "{erlaubt} zugelassen, also nach dem Beginn. So kann es nicht gefördert werden."
)
ZEITRAUM_AUSSERHALB = (
    "Der Bewilligungszeitraum ({beginn} bis {ende}) muss innerhalb der Projektlaufzeit ({p_beginn} bis {p_ende}) liegen."
)
DE_MINIMIS_UEBERSCHRITTEN = (
    "De-minimis-Höchstbetrag überschritten: {traeger} hat in den letzten drei Jahren De-minimis-Beihilfen von "
    "{summe} erhalten; mit {betrag} wären es {neu}, erlaubt sind höchstens {grenze}."
)
UEBER_FINANZIERUNGSART = (
    "Bei {art} ergibt der Finanzierungsplan für {jahr} höchstens {hoechstens}; bewilligt werden sollen {betrag}."
)


# --- the type of financing ----------------------------------------------------------------------

def zuwendung_berechnen(*, art: str, ausgaben: Decimal, eigenmittel: Decimal = NULL_EURO,
                        drittmittel: Decimal = NULL_EURO, foerderquote: Decimal | None = None,
                        festbetrag: Decimal | None = None, hoechstbetrag: Decimal | None = None) -> Decimal:
    """The grant that a type of financing yields from eligible expenses and the other funds.

    Anteilfinanzierung: the share `foerderquote` % of the expenses. Fehlbedarfsfinanzierung: the gap the
    own and third-party funds leave. Festbetragsfinanzierung: the fixed sum, but never more than the
    expenses. Vollfinanzierung: all expenses. `hoechstbetrag` (the granted amount, at the recalculation)
    caps every type; the result is never negative and rounded to the cent.
    """
    if art == Finanzierungsart.ANTEIL:
        if foerderquote is None:
            raise ValueError("Eine Anteilfinanzierung braucht einen Förderanteil.")
        betrag = ausgaben * foerderquote / 100
    elif art == Finanzierungsart.FEHLBEDARF:
        betrag = ausgaben - eigenmittel - drittmittel
    elif art == Finanzierungsart.FESTBETRAG:
        if festbetrag is None:
            raise ValueError("Eine Festbetragsfinanzierung braucht einen Festbetrag.")
        betrag = min(festbetrag, ausgaben)
    elif art == Finanzierungsart.VOLL:
        betrag = ausgaben
    else:
        raise ValueError(f"Unbekannte Finanzierungsart: {art}")
    if hoechstbetrag is not None:
        betrag = min(betrag, hoechstbetrag)
    return max(betrag, NULL_EURO).quantize(CENT, rounding=ROUND_HALF_UP)


def erklaerung(zuwendung: Zuwendung, betrag: Decimal | None) -> str:
    """The sentence a notice says about its type of financing."""
    art = zuwendung.finanzierungsart
    hoechst = euro_text(betrag) if betrag is not None else "den bewilligten Betrag"
    if art == Finanzierungsart.ANTEIL:
        return (f"Die Zuwendung wird als Anteilfinanzierung gewährt: Sie deckt {messwert(zuwendung.foerderquote)} % "
                f"der zuwendungsfähigen Ausgaben, höchstens {hoechst}.")
    if art == Finanzierungsart.FEHLBEDARF:
        return ("Die Zuwendung wird als Fehlbedarfsfinanzierung gewährt: Sie deckt die Ausgaben, die nach Einsatz "
                f"der Eigen- und Drittmittel ungedeckt bleiben, höchstens {hoechst}.")
    if art == Finanzierungsart.FESTBETRAG:
        fest = euro_text(zuwendung.festbetrag if zuwendung.festbetrag is not None else betrag)
        return (f"Die Zuwendung wird als Festbetragsfinanzierung in Höhe von {fest} gewährt; sie ändert sich nicht, "
                "solange die zuwendungsfähigen Ausgaben diesen Betrag nicht unterschreiten.")
    return ("Die Zuwendung wird als Vollfinanzierung gewährt: Sie deckt die zuwendungsfähigen Ausgaben vollständig, "
            f"höchstens {hoechst}.")


# --- the financing plan -------------------------------------------------------------------------

@dataclass
class Jahressumme:
    jahr: int
    ausgaben: Decimal = NULL_EURO
    eigenmittel: Decimal = NULL_EURO
    drittmittel: Decimal = NULL_EURO
    zuwendungen: dict[int, Decimal] = field(default_factory=dict)

    @property
    def einnahmen(self) -> Decimal:
        return self.eigenmittel + self.drittmittel + sum(self.zuwendungen.values(), NULL_EURO)

    @property
    def ausgeglichen(self) -> bool:
        return self.ausgaben == self.einnahmen


def plansummen(positionen) -> dict[int, Jahressumme]:
    """Expenses and income per year of the plan's lines (Planposition or objects with the same fields)."""
    jahre: dict[int, Jahressumme] = {}
    for p in positionen:
        s = jahre.setdefault(p.jahr, Jahressumme(jahr=p.jahr))
        if p.kategorie in Planposition.AUSGABEN:
            s.ausgaben += p.betrag
        elif p.kategorie == Planposition.Kategorie.EIGENMITTEL:
            s.eigenmittel += p.betrag
        elif p.kategorie == Planposition.Kategorie.DRITTMITTEL:
            s.drittmittel += p.betrag
        else:
            s.zuwendungen[p.programm_id] = s.zuwendungen.get(p.programm_id, NULL_EURO) + p.betrag
    return dict(sorted(jahre.items()))


def ausgleich_pruefen(summen: dict[int, Jahressumme]) -> None:
    """The plan must balance in every year: expenses = own + third-party funds + grants."""
    for s in summen.values():
        if not s.ausgeglichen:
            raise Regelverstoss(PLAN_UNAUSGEGLICHEN.format(jahr=s.jahr, ausgaben=euro_text(s.ausgaben),
                                                           einnahmen=euro_text(s.einnahmen)))


def aktueller_plan(projekt: Projekt) -> Finanzierungsplan | None:
    return projekt.finanzierungsplaene.order_by("-version").first()


# --- at the request -----------------------------------------------------------------------------

def antragsbetrag(*, projekt: Projekt, programm: Foerderprogramm, jahr: int, betrag: Decimal | None) -> Decimal:
    """The amount requested: the plan's where the project has one (a differing amount is refused)."""
    if projekt.traeger_id is None:
        raise Regelverstoss(ANTRAG_OHNE_TRAEGER)
    plan = aktueller_plan(projekt)
    if plan is None:
        return betrag
    summe = plansummen(plan.positionen.all()).get(jahr)
    plan_betrag = summe.zuwendungen.get(programm.pk) if summe else None
    if plan_betrag is None:
        raise Regelverstoss(ANTRAG_NICHT_IM_PLAN.format(jahr=jahr, programm=programm))
    if betrag is not None and betrag != plan_betrag:
        raise Regelverstoss(ANTRAG_WEICHT_VOM_PLAN_AB.format(programm=programm, jahr=jahr,
                                                             plan=euro_text(plan_betrag), betrag=euro_text(betrag)))
    return plan_betrag


def vorgaben(programm: Foerderprogramm) -> Programmvorgaben:
    """The programme's defaults; a programme without its own has the general ones (not stored)."""
    try:
        return programm.vorgaben
    except Programmvorgaben.DoesNotExist:
        return Programmvorgaben(programm=programm)


def standardzeitraum(projekt: Projekt, jahr: int) -> tuple[dt.date, dt.date]:
    """The part of the budget year the project runs in."""
    return max(projekt.beginn, dt.date(jahr, 1, 1)), min(projekt.ende, dt.date(jahr, 12, 31))


def zuwendung_vorbelegen(bewilligung: Bewilligung) -> Zuwendung:
    """A grant's type of financing and funding period as the programme's defaults have them (unsaved)."""
    v = vorgaben(bewilligung.programm)
    quote = v.foerderquote or bewilligung.programm.max_foerderquote
    art = v.finanzierungsart
    if art == Finanzierungsart.ANTEIL and quote is None:
        art = Finanzierungsart.FEHLBEDARF
    beginn, ende = standardzeitraum(bewilligung.projekt, bewilligung.jahr)
    return Zuwendung(bewilligung=bewilligung, finanzierungsart=art, beginn=beginn, ende=ende,
                     foerderquote=quote if art == Finanzierungsart.ANTEIL else None)


# --- at the grant -------------------------------------------------------------------------------

def monate_spaeter(datum: dt.date, monate: int) -> dt.date:
    jahr, monat = divmod(datum.month - 1 + monate, 12)
    jahr, monat = datum.year + jahr, monat + 1
    return dt.date(jahr, monat, min(datum.day, calendar.monthrange(jahr, monat)[1]))


def hat_vorgaben(programm: Foerderprogramm) -> bool:
    return vorgaben(programm).pk is not None


def vorzeitigen_beginn_pruefen(projekt: Projekt, bewilligung: Bewilligung) -> None:
    """A project must not have begun before it was applied for (its first request; the later years'
    requests of a running project continue it), unless staff permitted an early start before it began."""
    if not hat_vorgaben(bewilligung.programm):
        return
    antrag = projekt.bewilligungen.aggregate(erster=Min("beantragt_am"))["erster"]
    if antrag is None or projekt.beginn >= antrag:
        return
    erlaubnis = VorzeitigerBeginn.objects.filter(projekt=projekt).first()
    werte = {"beginn": datum_text(projekt.beginn), "antrag": datum_text(antrag)}
    if erlaubnis is None:
        raise Regelverstoss(VORZEITIGER_BEGINN_FEHLT.format(**werte))
    if erlaubnis.erlaubt_am > projekt.beginn:
        raise Regelverstoss(VORZEITIGER_BEGINN_ZU_SPAET.format(**werte, erlaubt=datum_text(erlaubnis.erlaubt_am)))


def zeitraum_pruefen(projekt: Projekt, beginn: dt.date, ende: dt.date) -> None:
    if beginn < projekt.beginn or ende > projekt.ende or ende < beginn:
        raise Regelverstoss(ZEITRAUM_AUSSERHALB.format(
            beginn=datum_text(beginn), ende=datum_text(ende), p_beginn=datum_text(projekt.beginn),
            p_ende=datum_text(projekt.ende)))


def de_minimis_grenze() -> Decimal:
    return Decimal(settings.DE_MINIMIS_HOECHSTBETRAG).quantize(CENT)


def de_minimis_summe(*, traeger_id: int, stichtag: dt.date, ausser: int | None = None) -> Decimal:
    """The de-minimis grants an operator received in the three years up to `stichtag`, across programmes."""
    bewilligt = Bewilligung.objects.bewilligt().filter(
        programm__vorgaben__de_minimis=True, projekt__traeger_id=traeger_id,
        entschieden_am__gt=monate_spaeter(stichtag, -36), entschieden_am__lte=stichtag)
    if ausser is not None:
        bewilligt = bewilligt.exclude(pk=ausser)
    return bewilligt.summe()


def de_minimis_pruefen(projekt: Projekt, bewilligung: Bewilligung, betrag: Decimal, datum: dt.date) -> None:
    if projekt.traeger_id is None or not vorgaben(bewilligung.programm).de_minimis:
        return
    # The operator's row is the lock: two de-minimis grants to one operator are decided one after the other.
    Organisation.objects.select_for_update(of=("self",)).filter(pk=projekt.traeger_id).first()
    summe = de_minimis_summe(traeger_id=projekt.traeger_id, stichtag=datum, ausser=bewilligung.pk)
    grenze = de_minimis_grenze()
    if summe + betrag > grenze:
        raise Regelverstoss(DE_MINIMIS_UEBERSCHRITTEN.format(
            traeger=projekt.traeger, summe=euro_text(summe), betrag=euro_text(betrag), neu=euro_text(summe + betrag),
            grenze=euro_text(grenze)))


def finanzierungsart_pruefen(projekt: Projekt, zuwendung: Zuwendung, betrag: Decimal) -> None:
    """The grant may not exceed what its type of financing yields from the plan of its year."""
    plan = aktueller_plan(projekt)
    jahr = zuwendung.bewilligung.jahr
    s = plansummen(plan.positionen.all()).get(jahr) if plan is not None else None
    if s is None:
        return
    andere = sum((b for p, b in s.zuwendungen.items() if p != zuwendung.bewilligung.programm_id), NULL_EURO)
    hoechstens = zuwendung_berechnen(
        art=zuwendung.finanzierungsart, ausgaben=s.ausgaben, eigenmittel=s.eigenmittel,
        drittmittel=s.drittmittel + andere, foerderquote=zuwendung.foerderquote,
        festbetrag=zuwendung.festbetrag if zuwendung.festbetrag is not None else betrag)
    if betrag > hoechstens:
        raise Regelverstoss(UEBER_FINANZIERUNGSART.format(
            art=zuwendung.get_finanzierungsart_display(), jahr=jahr, hoechstens=euro_text(hoechstens),
            betrag=euro_text(betrag)))


def bewilligung_pruefen(*, bewilligung: Bewilligung, projekt: Projekt, betrag: Decimal, datum: dt.date) -> Zuwendung:
    """Every grant-law rule of a grant; returns its Zuwendung (saved by the caller after the grant)."""
    zuwendung = Zuwendung.objects.filter(bewilligung=bewilligung).first() or zuwendung_vorbelegen(bewilligung)
    vorzeitigen_beginn_pruefen(projekt, bewilligung)
    zeitraum_pruefen(projekt, zuwendung.beginn, zuwendung.ende)
    de_minimis_pruefen(projekt, bewilligung, betrag, datum)
    finanzierungsart_pruefen(projekt, zuwendung, betrag)
    return zuwendung
