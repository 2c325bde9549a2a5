"""Every change that moves money or a project's status.

Each function runs in one transaction, locks the rows it counts against
(`select_for_update`, effective on PostgreSQL) and either changes everything or nothing.
A refusal raises `Regelverstoss` with a German message that says why.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction

from kern.fehler import Regelverstoss
from kern.format import datum as datum_text, euro_text, messwert
from kern.speichern import speichern
from kern.zeit import heute
from quartiere.models import Gebiet
from quartiere.permissions import kann_im_gebiet_arbeiten

from .models import (
    NULL_EURO,
    Auszahlung,
    Bewilligung,
    Foerderprogramm,
    Jahresbudget,
    Programmgebiet,
    Projekt,
    Verwendungsnachweis,
)
from . import statusmaschine as sm
from .statusmaschine import ANTRAG_ERLAUBT_IN
from . import fristen_services, nachweis_regeln, zuwendung_regeln
from .permissions import (
    kann_auszahlen,
    kann_bewilligen,
    kann_budget_festlegen,
    kann_nachweise_pruefen,
    kann_projekt_bearbeiten,
    kann_status_setzen,
)


# The refusal texts, defined once so views show them and tests assert them.
NUR_VERWALTUNG = "Nur die Verwaltung darf {aktion}."
NICHT_EIGENES_GEBIET = "Das Projekt liegt nicht in einem Ihrer Gebiete."
BETRAG_NICHT_POSITIV = "Der Betrag muss größer als 0 € sein."
KEIN_BUDGET = "Für {programm} ist im Jahr {jahr} kein Budget festgelegt."
GEBIETSBUDGET_UEBERSCHRITTEN = (
    "Das Budget {programm} {jahr} für {gebiet} reicht nicht: frei sind noch {frei}, bewilligt werden sollen {betrag}."
)
PROGRAMMBUDGET_UEBERSCHRITTEN = (
    "Das Gesamtbudget {programm} {jahr} reicht nicht: frei sind noch {frei}, bewilligt werden sollen {betrag}."
)
GEBIETSBUDGETS_UEBER_PROGRAMMBUDGET = (
    "Die Gebietsbudgets {programm} {jahr} ergäben zusammen {summe} und damit mehr als das Gesamtbudget von {gesamt}."
)
BUDGET_UNTER_BEWILLIGT = "Das Budget kann nicht unter die bereits bewilligten {bewilligt} gesenkt werden."
BUDGET_NEGATIV = "Ein Budget darf nicht negativ sein."
UEBER_ANTRAG = "Es kann höchstens der beantragte Betrag von {beantragt} bewilligt werden."
AUSZAHLUNG_UEBER_BEWILLIGUNG = (
    "Die Auszahlung übersteigt die Bewilligung: bewilligt {bewilligt}, schon ausgezahlt {ausgezahlt}, "
    "möglich sind noch {frei}."
)
AUSZAHLUNG_OHNE_BEWILLIGUNG = "Ausgezahlt werden kann nur eine bewilligte Förderung."
FOERDERQUOTE_UEBERSCHRITTEN = (
    "{programm} fördert höchstens {quote} % der Gesamtkosten ({hoechstens}); "
    "mit diesem Betrag wären es {summe}."
)
UNTER_MINDESTBETRAG = "{programm} bewilligt je Projekt mindestens {betrag}."
UEBER_HOECHSTBETRAG = "{programm} bewilligt je Projekt höchstens {betrag}."
LAUFZEIT_ZU_LANG = "{programm} fördert Projekte höchstens {monate} Monate lang; dieses Projekt läuft {laufzeit} Monate."
JAHR_AUSSERHALB_PROJEKT = "Das Projekt läuft im Jahr {jahr} nicht (Laufzeit {beginn} bis {ende})."
GEBIET_NICHT_IM_PROGRAMM = "{gebiet} gehört im Jahr {jahr} nicht zum Programm {programm}."
ANTRAG_NICHT_OFFEN = "Über diesen Antrag ist bereits entschieden (Status „{status}“)."
NACHWEIS_SCHON_EINGEREICHT = "Der Verwendungsnachweis ist bereits eingereicht."
NACHWEIS_NICHT_EINGEREICHT = "Der Verwendungsnachweis ist noch nicht eingereicht."
NACHWEIS_SCHON_GEPRUEFT = "Der Verwendungsnachweis ist bereits geprüft."
RUECKFORDERUNG_ZU_HOCH = "Zurückgefordert werden kann höchstens, was ausgezahlt wurde ({ausgezahlt})."
AUSZAHLUNG_NACH_PRUEFUNG = "Der Verwendungsnachweis dieser Förderung ist geprüft; danach wird nichts mehr ausgezahlt."
ANTRAEGE_OFFEN = ("Das Projekt hat noch {anzahl} offene(n) Antrag/Anträge; sie müssen erst entschieden oder "
                  "zurückgezogen sein.")
BEWILLIGUNG_VORHANDEN = "Ein Projekt mit bewilligter Förderung kann nicht in den Entwurf zurück."
ZURUECKGEZOGEN_IM_ENTWURF = "Zurückgezogen am {datum}: das Projekt ging in den Entwurf zurück."
RUECKZAHLUNG_ZU_HOCH = "Zurückgezahlt werden kann höchstens die offene Rückforderung von {offen}."
JAHR_AUSSERHALB_FOERDERPERIODE = "{programm} fördert im Jahr {jahr} nicht (Förderperiode {beginn} bis {ende})."
NACHWEIS_OHNE_ANGABEN = "Der Verwendungsnachweis braucht einen Sachbericht und Belege (oder Summen je Kategorie)."
NACHWEIS_OHNE_SACHBERICHT = "Der Verwendungsnachweis braucht einen Sachbericht."
NACHWEIS_OHNE_BELEGE = "Der Verwendungsnachweis braucht mindestens einen Beleg."
NACHWEIS_OHNE_AUSGABEN_EINFACH = "Der einfache Verwendungsnachweis braucht die Ausgaben je Kategorie."
NACHWEIS_SUMME_WEICHT_AB = "Die Belege ergeben {summe}, nicht {verwendet}."
RUECKFORDERUNG_FEHLT = "Bitte die Rückforderung angeben (0 €, wenn nichts zurückgefordert wird)."
RUECKFORDERUNG_WEICHT_AB = (
    "Die Neuberechnung ergibt eine Rückforderung von {berechnet}, bestätigt wurden {bestaetigt}. Bitte die "
    "Berechnung ansehen und erneut bestätigen."
)
NICHT_ZUWENDUNGSFAEHIG_UNGUELTIG = "Nicht zuwendungsfähig können 0 € bis {ausgaben} (die Ausgaben) sein."
GEBIETSBUDGET_OHNE_GESAMTBUDGET = (
    "{programm} verteilt sein Gesamtbudget auf die Gebiete; für {jahr} ist noch kein Gesamtbudget festgelegt."
)

S = Projekt.Status



def erlaubnis_pruefen(erlaubt: bool, aktion: str) -> None:
    """Refuse a staff-only step with the German reason; `erlaubt` is a programme.permissions answer."""
    if not erlaubt:
        raise Regelverstoss(NUR_VERWALTUNG.format(aktion=aktion))


def _projekt_bearbeitbar_pruefen(projekt: Projekt, user: User) -> None:
    if not kann_projekt_bearbeiten(user, projekt):
        raise Regelverstoss(NICHT_EIGENES_GEBIET)


def _status_wechseln(projekt: Projekt, nach: str, durch: User, weg: str) -> None:
    """Move the project along the table in programme.statusmaschine, by the way that table allows."""
    sm.uebergang_pruefen(projekt, nach, weg)
    if weg == sm.HAND:
        erlaubnis_pruefen(kann_status_setzen(durch, projekt, nach), f"den Status „{S(nach).label}“ setzen")
    projekt.status = nach
    speichern(projekt, durch)


def laufzeit_monate(beginn: dt.date, ende: dt.date) -> int:
    """Months a project runs, counting begun months (1.1.-31.12. = 12)."""
    return (ende.year - beginn.year) * 12 + ende.month - beginn.month + 1


def budgetgebiet(*, projekt: Projekt, programm: Foerderprogramm, jahr: int) -> Gebiet:
    """The area whose budget a grant counts against: the project's area or the nearest area above
    it that belongs to the programme in that year."""
    kette = projekt.gebiet.vorfahren()
    zuordnungen = {
        pg.gebiet_id
        for pg in Programmgebiet.objects.filter(programm=programm, gebiet__in=kette, beginn__year__lte=jahr)
        if pg.ende is None or pg.ende.year >= jahr
    }
    for gebiet in kette:
        if gebiet.id in zuordnungen:
            return gebiet
    raise Regelverstoss(GEBIET_NICHT_IM_PROGRAMM.format(gebiet=projekt.gebiet, jahr=jahr, programm=programm))


def _foerderregeln_pruefen(*, projekt: Projekt, programm: Foerderprogramm, jahr: int, betrag: Decimal,
                           ausser: Bewilligung | None = None) -> None:
    if betrag <= 0:
        raise Regelverstoss(BETRAG_NICHT_POSITIV)
    if not projekt.beginn.year <= jahr <= projekt.ende.year:
        raise Regelverstoss(JAHR_AUSSERHALB_PROJEKT.format(
            jahr=jahr, beginn=datum_text(projekt.beginn), ende=datum_text(projekt.ende)))
    if programm.min_betrag is not None and betrag < programm.min_betrag:
        raise Regelverstoss(UNTER_MINDESTBETRAG.format(programm=programm, betrag=euro_text(programm.min_betrag)))
    if programm.max_betrag is not None and betrag > programm.max_betrag:
        raise Regelverstoss(UEBER_HOECHSTBETRAG.format(programm=programm, betrag=euro_text(programm.max_betrag)))
    if programm.max_laufzeit_monate is not None:
        monate = laufzeit_monate(projekt.beginn, projekt.ende)
        if monate > programm.max_laufzeit_monate:
            raise Regelverstoss(LAUFZEIT_ZU_LANG.format(
                programm=programm, monate=programm.max_laufzeit_monate, laufzeit=monate))
    if programm.max_foerderquote is not None:
        andere = Bewilligung.objects.filter(projekt=projekt, programm=programm).exclude(
            status__in=[Bewilligung.Status.ABGELEHNT, Bewilligung.Status.ZURUECKGEZOGEN])
        if ausser is not None:
            andere = andere.exclude(pk=ausser.pk)
        bisher = sum(((b.betrag_bewilligt if b.betrag_bewilligt is not None else b.betrag_beantragt)
                      for b in andere), NULL_EURO)
        hoechstens = (projekt.gesamtkosten * programm.max_foerderquote / 100).quantize(Decimal("0.01"))
        if bisher + betrag > hoechstens:
            raise Regelverstoss(FOERDERQUOTE_UEBERSCHRITTEN.format(
                programm=programm, quote=messwert(programm.max_foerderquote),
                hoechstens=euro_text(hoechstens), summe=euro_text(bisher + betrag)))


@transaction.atomic
def bewilligung_beantragen(*, projekt: Projekt, programm: Foerderprogramm, jahr: int, betrag: Decimal,
                           durch: User, begruendung: str = "", datum: dt.date | None = None) -> Bewilligung:
    """A manager (for their own area) or staff requests funding; the project becomes 'Beantragt'."""
    projekt = Projekt.objects.select_for_update().get(pk=projekt.pk)
    _projekt_bearbeitbar_pruefen(projekt, durch)
    sm.vorgang_pruefen(projekt, ANTRAG_ERLAUBT_IN, "keine Förderung beantragt werden")
    # Grant law: the operator applies, the amount comes from the financing plan.
    betrag = zuwendung_regeln.antragsbetrag(projekt=projekt, programm=programm, jahr=jahr, betrag=betrag)
    gebiet = budgetgebiet(projekt=projekt, programm=programm, jahr=jahr)
    _foerderregeln_pruefen(projekt=projekt, programm=programm, jahr=jahr, betrag=betrag)
    bewilligung = Bewilligung(
        projekt=projekt, programm=programm, jahr=jahr, gebiet=gebiet, betrag_beantragt=betrag,
        beantragt_am=datum or heute(), beantragt_von=durch, begruendung=begruendung,
    )
    speichern(bewilligung, durch)
    speichern(zuwendung_regeln.zuwendung_vorbelegen(bewilligung), durch)  # grant law: type of financing, period
    if projekt.status == S.ENTWURF:
        _status_wechseln(projekt, S.BEANTRAGT, durch, sm.ANTRAG)
    return bewilligung


def _budgets_gesperrt(programm: Foerderprogramm, jahr: int):
    # Ordered by pk alone: the default ordering joins the area table, which FOR UPDATE refuses.
    return Jahresbudget.objects.select_for_update(of=("self",)).filter(programm=programm, jahr=jahr).order_by("pk")


def _budgets_sperren(programm: Foerderprogramm, jahr: int, gebiet: Gebiet) -> tuple[Jahresbudget | None,
                                                                                     Jahresbudget | None]:
    # Always lock the programme row before the area row, so concurrent grants cannot deadlock.
    gesperrt = _budgets_gesperrt(programm, jahr)
    return gesperrt.filter(gebiet__isnull=True).first(), gesperrt.filter(gebiet=gebiet).first()


def _rueckfluss(programm: Foerderprogramm, jahr: int) -> bool:
    """Whether the year's reclaims free their budget again (the programme's rule)."""
    return programm.rueckfluss(
        mit_gebietsbudgets=Jahresbudget.objects.filter(programm=programm, jahr=jahr, gebiet__isnull=False).exists())


def _budget_pruefen(*, programm: Foerderprogramm, jahr: int, gebiet: Gebiet, betrag: Decimal) -> None:
    gesamt, lokal = _budgets_sperren(programm, jahr, gebiet)
    if gesamt is None and lokal is None:
        raise Regelverstoss(KEIN_BUDGET.format(programm=programm, jahr=jahr))
    bewilligt = Bewilligung.objects.bewilligt().filter(programm=programm, jahr=jahr)
    rueckfluss = _rueckfluss(programm, jahr)
    if lokal is not None:
        frei = lokal.betrag - bewilligt.filter(gebiet=gebiet).belastung(rueckfluss=rueckfluss)
        if betrag > frei:
            raise Regelverstoss(GEBIETSBUDGET_UEBERSCHRITTEN.format(
                programm=programm, jahr=jahr, gebiet=gebiet, frei=euro_text(frei), betrag=euro_text(betrag)))
    elif Jahresbudget.objects.filter(programm=programm, jahr=jahr, gebiet__isnull=False).exists():
        # The programme splits its money into area budgets and this area has none.
        raise Regelverstoss(KEIN_BUDGET.format(programm=f"{programm} in {gebiet}", jahr=jahr))
    if gesamt is not None:
        frei = gesamt.betrag - bewilligt.belastung(rueckfluss=rueckfluss)
        if betrag > frei:
            raise Regelverstoss(PROGRAMMBUDGET_UEBERSCHRITTEN.format(
                programm=programm, jahr=jahr, frei=euro_text(frei), betrag=euro_text(betrag)))


@transaction.atomic
def projekt_bewilligen(*, bewilligung: Bewilligung, betrag: Decimal, durch: User,
                       datum: dt.date | None = None) -> Bewilligung:
    """Staff grant a request, within the budget of the programme, year and area."""
    erlaubnis_pruefen(kann_bewilligen(durch, bewilligung), "Förderungen bewilligen")
    bewilligung = Bewilligung.objects.select_for_update(of=("self",)).select_related("projekt", "programm", "gebiet").get(
        pk=bewilligung.pk)
    if bewilligung.status != Bewilligung.Status.BEANTRAGT:
        raise Regelverstoss(ANTRAG_NICHT_OFFEN.format(status=bewilligung.get_status_display()))
    if betrag > bewilligung.betrag_beantragt:
        raise Regelverstoss(UEBER_ANTRAG.format(beantragt=euro_text(bewilligung.betrag_beantragt)))
    projekt = Projekt.objects.select_for_update().get(pk=bewilligung.projekt_id)
    sm.vorgang_pruefen(projekt, sm.BEWILLIGUNG_ERLAUBT_IN, "keine Förderung bewilligt werden")
    _foerderregeln_pruefen(projekt=projekt, programm=bewilligung.programm, jahr=bewilligung.jahr, betrag=betrag,
                           ausser=bewilligung)
    # Grant law: early start, funding period, de-minimis, type of financing against the plan.
    zuwendung = zuwendung_regeln.bewilligung_pruefen(bewilligung=bewilligung, projekt=projekt, betrag=betrag,
                                                     datum=datum or heute())
    _budget_pruefen(programm=bewilligung.programm, jahr=bewilligung.jahr, gebiet=bewilligung.gebiet, betrag=betrag)
    bewilligung.status = Bewilligung.Status.BEWILLIGT
    bewilligung.betrag_bewilligt = betrag
    bewilligung.entschieden_am = datum or heute()
    bewilligung.entschieden_von = durch
    speichern(bewilligung, durch)
    speichern(zuwendung, durch)
    # The proof of use (due months after the funding period) and the interim proofs of later years.
    fristen_services.fristen_anlegen(bewilligung=bewilligung, zuwendung=zuwendung, durch=durch)
    if projekt.status == S.BEANTRAGT:
        _status_wechseln(projekt, S.BEWILLIGT, durch, sm.BEWILLIGUNG)
    return bewilligung


@transaction.atomic
def bewilligung_ablehnen(*, bewilligung: Bewilligung, durch: User, begruendung: str,
                         datum: dt.date | None = None) -> Bewilligung:
    erlaubnis_pruefen(kann_bewilligen(durch, bewilligung), "Anträge ablehnen")
    bewilligung = Bewilligung.objects.select_for_update().get(pk=bewilligung.pk)
    if bewilligung.status != Bewilligung.Status.BEANTRAGT:
        raise Regelverstoss(ANTRAG_NICHT_OFFEN.format(status=bewilligung.get_status_display()))
    bewilligung.status = Bewilligung.Status.ABGELEHNT
    bewilligung.entschieden_am = datum or heute()
    bewilligung.entschieden_von = durch
    bewilligung.begruendung = begruendung
    speichern(bewilligung, durch)
    projekt = Projekt.objects.select_for_update().get(pk=bewilligung.projekt_id)
    noch_offen = projekt.bewilligungen.filter(
        status__in=[Bewilligung.Status.BEANTRAGT, Bewilligung.Status.BEWILLIGT]).exists()
    if projekt.status == S.BEANTRAGT and not noch_offen:
        _status_wechseln(projekt, S.ABGELEHNT, durch, sm.ABLEHNUNG)
    return bewilligung


@transaction.atomic
def auszahlung_anweisen(*, bewilligung: Bewilligung, betrag: Decimal, durch: User,
                        datum: dt.date | None = None, bemerkung: str = "", schlussrate: bool = False) -> Auszahlung:
    """Staff pay out part of a grant; the payouts never exceed the grant.

    `schlussrate`: the final instalment of a fund call (programme.mittelabruf_services), held back until the
    proof of use was checked; it is paid after a check that reclaimed nothing, also once the project is
    'Nachweis geprüft'."""
    erlaubnis_pruefen(kann_auszahlen(durch, bewilligung), "Auszahlungen anweisen")
    if betrag <= 0:
        raise Regelverstoss(BETRAG_NICHT_POSITIV)
    bewilligung = Bewilligung.objects.select_for_update().get(pk=bewilligung.pk)
    if bewilligung.status != Bewilligung.Status.BEWILLIGT:
        raise Regelverstoss(AUSZAHLUNG_OHNE_BEWILLIGUNG)
    projekt = Projekt.objects.select_for_update().get(pk=bewilligung.projekt_id)
    erlaubt_in = sm.AUSZAHLUNG_ERLAUBT_IN | {S.NACHWEIS_GEPRUEFT} if schlussrate else sm.AUSZAHLUNG_ERLAUBT_IN
    sm.vorgang_pruefen(projekt, erlaubt_in, "nichts ausgezahlt werden")
    # The proof's row is locked too, so a payout and the check of the proof never overlap.
    nachweis = Verwendungsnachweis.objects.select_for_update().filter(bewilligung=bewilligung).first()
    if nachweis is not None and nachweis.geprueft_am is not None and not (
            schlussrate and nachweis.rueckforderung == 0 and bewilligung.betrag_zurueckgefordert == 0):
        raise Regelverstoss(AUSZAHLUNG_NACH_PRUEFUNG)
    ausgezahlt = bewilligung.auszahlungen.summe()
    frei = bewilligung.betrag_bewilligt - ausgezahlt
    if betrag > frei:
        raise Regelverstoss(AUSZAHLUNG_UEBER_BEWILLIGUNG.format(
            bewilligt=euro_text(bewilligung.betrag_bewilligt), ausgezahlt=euro_text(ausgezahlt), frei=euro_text(frei)))
    auszahlung = Auszahlung(bewilligung=bewilligung, betrag=betrag, datum=datum or heute(), angewiesen_von=durch,
                            bemerkung=bemerkung)
    speichern(auszahlung, durch)
    if projekt.status == S.BEWILLIGT:
        _status_wechseln(projekt, S.LAUFEND, durch, sm.AUSZAHLUNG)
    return auszahlung


@transaction.atomic
def verwendungsnachweis_einreichen(*, nachweis: Verwendungsnachweis, durch: User, verwendet: Decimal | None = None,
                                   datum: dt.date | None = None) -> Verwendungsnachweis:
    """Submit a proof of use. With its detailed figures (programme.nachweis: narrative, receipts or totals per
    category) `verwendet` is their total; a proof without them states `verwendet` as one sum."""
    nachweis = Verwendungsnachweis.objects.select_for_update(of=("self",)).select_related("bewilligung__projekt").get(
        pk=nachweis.pk)
    _projekt_bearbeitbar_pruefen(nachweis.bewilligung.projekt, durch)
    if nachweis.eingereicht_am is not None:
        raise Regelverstoss(NACHWEIS_SCHON_EINGEREICHT)
    angaben = nachweis_regeln.angaben(nachweis)
    if angaben is not None:
        summe_ist = sum(nachweis_regeln.ist_je_kategorie(nachweis, einfach=angaben.einfach).values(), NULL_EURO)
        if not angaben.sachbericht.strip():
            raise Regelverstoss(NACHWEIS_OHNE_SACHBERICHT)
        if summe_ist <= 0:
            raise Regelverstoss(NACHWEIS_OHNE_AUSGABEN_EINFACH if angaben.einfach else NACHWEIS_OHNE_BELEGE)
        if verwendet is not None and verwendet != summe_ist:
            raise Regelverstoss(NACHWEIS_SUMME_WEICHT_AB.format(summe=euro_text(summe_ist),
                                                                verwendet=euro_text(verwendet)))
        verwendet = summe_ist
    elif verwendet is None:
        raise Regelverstoss(NACHWEIS_OHNE_ANGABEN)
    if verwendet < 0:
        raise Regelverstoss(BETRAG_NICHT_POSITIV)
    nachweis.eingereicht_am = datum or heute()
    nachweis.verwendet = verwendet
    speichern(nachweis, durch)
    return nachweis


def _rueckforderung_festlegen(nachweis: Verwendungsnachweis, ausgezahlt: Decimal, rueckforderung: Decimal | None,
                              nicht_zuwendungsfaehig: Decimal | None) -> Decimal:
    """The reclaim of the check; sets the grant due (`zuwendung_festgesetzt`) on the proof.

    A detailed proof is recalculated by its grant's type of financing (programme.nachweis_regeln) and a
    confirmed `rueckforderung` must be the computed one; a proof of one sum takes staff's figure."""
    if not nachweis_regeln.hat_einzelangaben(nachweis):
        if rueckforderung is None:
            raise Regelverstoss(RUECKFORDERUNG_FEHLT)
        if rueckforderung < 0:
            raise Regelverstoss(BETRAG_NICHT_POSITIV)
        if rueckforderung > ausgezahlt:
            raise Regelverstoss(RUECKFORDERUNG_ZU_HOCH.format(ausgezahlt=euro_text(ausgezahlt)))
        nachweis.zuwendung_festgesetzt = ausgezahlt - rueckforderung
        return rueckforderung
    if nicht_zuwendungsfaehig is not None and not NULL_EURO <= nicht_zuwendungsfaehig <= (nachweis.verwendet or 0):
        raise Regelverstoss(NICHT_ZUWENDUNGSFAEHIG_UNGUELTIG.format(ausgaben=euro_text(nachweis.verwendet)))
    pruefung = nachweis_regeln.pruefung(nachweis, ausgezahlt=ausgezahlt, nicht_zuwendungsfaehig=nicht_zuwendungsfaehig)
    neu = pruefung.neuberechnung
    if rueckforderung is not None and rueckforderung != neu.rueckforderung:
        raise Regelverstoss(RUECKFORDERUNG_WEICHT_AB.format(berechnet=euro_text(neu.rueckforderung),
                                                            bestaetigt=euro_text(rueckforderung)))
    nachweis.zuwendung_festgesetzt = neu.festgesetzt
    return neu.rueckforderung


@transaction.atomic
def verwendungsnachweis_pruefen(*, nachweis: Verwendungsnachweis, durch: User, rueckforderung: Decimal | None = None,
                                nicht_zuwendungsfaehig: Decimal | None = None, bemerkung: str = "",
                                datum: dt.date | None = None) -> Verwendungsnachweis:
    """Staff check a submitted proof: the grant due is recalculated (detailed proofs) and paid out minus due
    becomes the reclaim, on the proof and on the grant (`betrag_zurueckgefordert`)."""
    erlaubnis_pruefen(kann_nachweise_pruefen(durch, nachweis), "Verwendungsnachweise prüfen")
    # The grant before its proof, in the order of auszahlung_anweisen: payouts wait for the check.
    bewilligung = Bewilligung.objects.select_for_update().get(pk=nachweis.bewilligung_id)
    nachweis = Verwendungsnachweis.objects.select_for_update().get(pk=nachweis.pk)
    if nachweis.eingereicht_am is None:
        raise Regelverstoss(NACHWEIS_NICHT_EINGEREICHT)
    if nachweis.geprueft_am is not None:
        raise Regelverstoss(NACHWEIS_SCHON_GEPRUEFT)
    rueckforderung = _rueckforderung_festlegen(nachweis, bewilligung.auszahlungen.summe(), rueckforderung,
                                               nicht_zuwendungsfaehig)
    nachweis.geprueft_am = datum or heute()
    nachweis.geprueft_von = durch
    nachweis.rueckforderung = rueckforderung
    nachweis.bemerkung = bemerkung
    speichern(nachweis, durch)
    # The grant carries the reclaim: every sum of the programme year counts it from here.
    bewilligung.betrag_zurueckgefordert = rueckforderung
    speichern(bewilligung, durch)
    projekt = Projekt.objects.select_for_update().get(pk=bewilligung.projekt_id)
    _nachweis_geprueft_setzen(projekt, durch)
    return nachweis


def _nachweis_geprueft_setzen(projekt: Projekt, durch: User) -> None:
    """A closed project whose proofs of use are all checked moves on to 'Nachweis geprüft'."""
    nachweise = Verwendungsnachweis.objects.filter(bewilligung__projekt=projekt)
    if projekt.status == S.ABGESCHLOSSEN and nachweise.exists() and not nachweise.filter(
            geprueft_am__isnull=True).exists():
        _status_wechseln(projekt, S.NACHWEIS_GEPRUEFT, durch, sm.PRUEFUNG)


def _offene_antraege_zurueckziehen(projekt: Projekt, durch: User) -> None:
    if projekt.bewilligungen.filter(status=Bewilligung.Status.BEWILLIGT).exists():
        raise Regelverstoss(BEWILLIGUNG_VORHANDEN)
    tag = heute()
    for antrag in projekt.bewilligungen.select_for_update().filter(status=Bewilligung.Status.BEANTRAGT):
        antrag.status = Bewilligung.Status.ZURUECKGEZOGEN
        antrag.entschieden_am, antrag.entschieden_von = tag, durch
        vermerk = ZURUECKGEZOGEN_IM_ENTWURF.format(datum=datum_text(tag))
        antrag.begruendung = f"{antrag.begruendung}\n{vermerk}".strip()
        speichern(antrag, durch)


@transaction.atomic
def projekt_status_setzen(*, projekt: Projekt, status: str, durch: User) -> Projekt:
    """A status change by hand, limited to what the money cannot contradict (programme.statusmaschine)."""
    projekt = Projekt.objects.select_for_update().get(pk=projekt.pk)
    _projekt_bearbeitbar_pruefen(projekt, durch)
    sm.uebergang_pruefen(projekt, status, sm.HAND)
    if status == S.ENTWURF:
        _offene_antraege_zurueckziehen(projekt, durch)
    if status == S.ABGESCHLOSSEN:
        offen = projekt.bewilligungen.filter(status=Bewilligung.Status.BEANTRAGT).count()
        if offen:
            raise Regelverstoss(ANTRAEGE_OFFEN.format(anzahl=offen))
    _status_wechseln(projekt, status, durch, sm.HAND)
    return projekt


def projekt_abschliessen(*, projekt: Projekt, durch: User, teilnehmende_erreicht: int | None = None) -> Projekt:
    with transaction.atomic():
        projekt = projekt_status_setzen(projekt=projekt, status=S.ABGESCHLOSSEN, durch=durch)
        if teilnehmende_erreicht is not None:
            projekt.teilnehmende_erreicht = teilnehmende_erreicht
            speichern(projekt, durch)
        _nachweis_geprueft_setzen(projekt, durch)
    return projekt


def rueckzahlung_verbuchen(*, bewilligung: Bewilligung, betrag: Decimal, durch: User, datum: dt.date | None = None,
                           rueckforderung=None, bemerkung: str = "") -> Bewilligung:
    """Staff record money the operator paid back on a reclaim; programme.rueckforderung_services books it
    (one Rueckzahlung row each, interest first on a reclaim with interest)."""
    from .rueckforderung_services import rueckzahlung_buchen

    zahlung = rueckzahlung_buchen(bewilligung=bewilligung, betrag=betrag, durch=durch, datum=datum,
                                  rueckforderung=rueckforderung, bemerkung=bemerkung)
    return zahlung.bewilligung


@transaction.atomic
def jahresbudget_festlegen(*, programm: Foerderprogramm, jahr: int, betrag: Decimal, durch: User,
                           gebiet: Gebiet | None = None, bemerkung: str | None = None) -> Jahresbudget:
    """Create or change a programme's budget of a year (with an area: that area's budget)."""
    erlaubnis_pruefen(kann_budget_festlegen(durch, programm), "Budgets festlegen")
    if betrag < 0:
        raise Regelverstoss(BUDGET_NEGATIV)
    _foerderperiode_pruefen(programm, jahr)
    gesperrt = _budgets_gesperrt(programm, jahr)
    gesamt = gesperrt.filter(gebiet__isnull=True).first()
    if gebiet is not None and gesamt is None and programm.jahresbudgets.filter(gebiet__isnull=True).exists():
        raise Regelverstoss(GEBIETSBUDGET_OHNE_GESAMTBUDGET.format(programm=programm, jahr=jahr))
    gebietsbudgets = gesperrt.filter(gebiet__isnull=False)
    bewilligt = Bewilligung.objects.bewilligt().filter(programm=programm, jahr=jahr)
    rueckfluss = programm.rueckfluss(mit_gebietsbudgets=gebiet is not None or gebietsbudgets.exists())
    if gebiet is None:
        budget = gesamt or Jahresbudget(programm=programm, jahr=jahr)
        bereits = bewilligt.belastung(rueckfluss=rueckfluss)
        summe_gebiete = gebietsbudgets.summe()
        if summe_gebiete > betrag:
            raise Regelverstoss(GEBIETSBUDGETS_UEBER_PROGRAMMBUDGET.format(
                programm=programm, jahr=jahr, summe=euro_text(summe_gebiete), gesamt=euro_text(betrag)))
    else:
        budget = gebietsbudgets.filter(gebiet=gebiet).first() or Jahresbudget(programm=programm, jahr=jahr,
                                                                              gebiet=gebiet)
        bereits = bewilligt.filter(gebiet=gebiet).belastung(rueckfluss=rueckfluss)
        if gesamt is not None:
            summe_gebiete = gebietsbudgets.exclude(gebiet=gebiet).summe() + betrag
            if summe_gebiete > gesamt.betrag:
                raise Regelverstoss(GEBIETSBUDGETS_UEBER_PROGRAMMBUDGET.format(
                    programm=programm, jahr=jahr, summe=euro_text(summe_gebiete), gesamt=euro_text(gesamt.betrag)))
    if betrag < bereits:
        raise Regelverstoss(BUDGET_UNTER_BEWILLIGT.format(bewilligt=euro_text(bereits)))
    budget.betrag = betrag
    if bemerkung is not None:
        budget.bemerkung = bemerkung
    speichern(budget, durch)
    return budget


def _foerderperiode_pruefen(programm: Foerderprogramm, jahr: int) -> None:
    if jahr < programm.beginn.year or (programm.ende is not None and jahr > programm.ende.year):
        raise Regelverstoss(JAHR_AUSSERHALB_FOERDERPERIODE.format(
            programm=programm, jahr=jahr, beginn=datum_text(programm.beginn),
            ende=datum_text(programm.ende) if programm.ende else "offen"))


KOFINANZIERUNG_ZU_GERING = (
    "Bei Gesamtkosten von {kosten} darf {programm} höchstens {hoechstens} tragen; beantragt oder bewilligt sind "
    "{summe}. Eigen- und Drittmittel müssen den Rest decken."
)
GEBIET_NICHT_ERLAUBT = "Projekte können nur in Ihren eigenen Gebieten erfasst werden."
PROJEKT_FELDER = ("titel", "gebiet", "traeger", "ansprechperson", "beginn", "ende", "beschreibung", "ziele",
                  "gesamtkosten", "eigenmittel", "drittmittel", "teilnehmende_geplant", "teilnehmende_erreicht")


def _kofinanzierung_pruefen(projekt: Projekt) -> None:
    if projekt.pk is None:
        return
    bewilligungen = projekt.bewilligungen.exclude(
        status__in=[Bewilligung.Status.ABGELEHNT, Bewilligung.Status.ZURUECKGEZOGEN]
    ).select_related("programm").filter(programm__max_foerderquote__isnull=False)
    je_programm: dict[Foerderprogramm, Decimal] = {}
    for b in bewilligungen:
        betrag = b.betrag_bewilligt if b.betrag_bewilligt is not None else b.betrag_beantragt
        je_programm[b.programm] = je_programm.get(b.programm, NULL_EURO) + betrag
    for programm, summe_programm in je_programm.items():
        hoechstens = (projekt.gesamtkosten * programm.max_foerderquote / 100).quantize(Decimal("0.01"))
        if summe_programm > hoechstens:
            raise Regelverstoss(KOFINANZIERUNG_ZU_GERING.format(
                kosten=euro_text(projekt.gesamtkosten), programm=programm, hoechstens=euro_text(hoechstens),
                summe=euro_text(summe_programm)))


@transaction.atomic
def projekt_speichern(*, durch: User, daten: dict, projekt: Projekt | None = None) -> Projekt:
    """Create a project (status Entwurf) or change its data; managers only in their own areas."""
    if projekt is None:
        projekt = Projekt(status=S.ENTWURF, erstellt_von=durch)
    else:
        projekt = Projekt.objects.select_for_update().get(pk=projekt.pk)
        _projekt_bearbeitbar_pruefen(projekt, durch)
    gebiet = daten.get("gebiet", projekt.gebiet if projekt.gebiet_id else None)
    if gebiet is None or not kann_im_gebiet_arbeiten(durch, gebiet):
        raise Regelverstoss(GEBIET_NICHT_ERLAUBT)
    for feld in PROJEKT_FELDER:
        if feld in daten:
            setattr(projekt, feld, daten[feld])
    _kofinanzierung_pruefen(projekt)
    speichern(projekt, durch)
    if "handlungsfelder" in daten:
        projekt.handlungsfelder.set(daten["handlungsfelder"])
    if "zielgruppen" in daten:
        projekt.zielgruppen.set(daten["zielgruppen"])
    return projekt
