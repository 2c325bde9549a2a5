"""Money and projects: vocabularies, programmes with their areas and budgets, the hand-written projects and
the generated everyday ones. Budgets, requests, grants, payouts, closing and proofs of use go through
programme.services, so the demo data keeps every funding rule and carries a history."""

from __future__ import annotations

from contextlib import contextmanager
from decimal import Decimal

from django.contrib.auth.models import User

from demo import planer
from demo.daten import gemeinsam
from demo.daten.typen import ABGESCHLOSSEN, GEPRUEFT, Antragsvorlage, Projektvorlage
from programme import services
from programme.models import (
    Auszahlung,
    Bewilligung,
    Foerderprogramm,
    Handlungsfeld,
    Jahresbudget,
    Programmgebiet,
    Projekt,
    Zielgruppe,
)
from kern.fehler import Regelverstoss
from kern.zeit import heute

from .basis import Kontext, datum, je_stadt, sichern

S = Projekt.Status


def vokabular_laden(k: Kontext) -> None:
    for name, text in gemeinsam.HANDLUNGSFELDER:
        k.handlungsfelder[name] = sichern(Handlungsfeld, defaults={"beschreibung": text}, name=name)
    for name in gemeinsam.ZIELGRUPPEN:
        k.zielgruppen[name] = sichern(Zielgruppe, name=name)
    # Action fields a city set for itself are offered only there; the others in every city.
    for name, stadt in gemeinsam.HANDLUNGSFELDER_NUR_IN.items():
        k.handlungsfelder[name].staedte.set([k.staedte[stadt]])


def budgets() -> list[tuple[str, int, str | None, int, str]]:
    """(programme key, year, area or None, amount, remark) of every city; programme budgets before area budgets."""
    return [(key, jahr, gebiet, betrag, bemerkung)
            for _, (key, von, bis, zeilen) in je_stadt("BUDGETS")
            for jahr in range(von, bis + 1) for gebiet, betrag, bemerkung in zeilen]


def programme_laden(k: Kontext) -> None:
    for stadt, (key, kurz, name, geldgeber, zustaendig, beginn, ende, optionen, text) in je_stadt("PROGRAMME"):
        werte = {"name": name, "geldgeber": geldgeber, "zustaendig": k.org(stadt, zustaendig), "beginn": beginn,
                 "ende": ende, "beschreibung": text, "ist_verfuegungsfonds": False, "max_foerderquote": None,
                 "min_betrag": None, "max_betrag": None, "max_laufzeit_monate": None, **optionen}
        k.programme[key] = sichern(Foerderprogramm, defaults=werte, stadt=k.staedte[stadt], kurzname=kurz)
    for _, (key, gebiet, rolle, beginn, ende) in je_stadt("PROGRAMMGEBIETE"):
        sichern(Programmgebiet, defaults={"rolle": rolle, "ende": ende}, programm=k.programme[key],
                gebiet=k.gebiete[gebiet], beginn=beginn)
    vorhanden = {(b.programm_id, b.jahr, b.gebiet_id): b for b in Jahresbudget.objects.all()}
    for key, jahr, gebiet, betrag, bemerkung in budgets():
        programm = k.programme[key]
        gebiet = k.gebiete[gebiet] if gebiet else None
        budget = vorhanden.get((programm.pk, jahr, gebiet.pk if gebiet else None))
        if budget is not None and budget.betrag == betrag and budget.bemerkung == bemerkung:
            continue
        services.jahresbudget_festlegen(programm=programm, jahr=jahr, betrag=Decimal(betrag), gebiet=gebiet,
                                        bemerkung=bemerkung, durch=k.verwaltung)


# --- Hand-written projects ---------------------------------------------------------------------

def projektdaten(k: Kontext, *, titel: str, gebiet, traeger, person, beginn, ende, text: str, ziele: str,
                 kosten: tuple[int, int, int], geplant: int | None, hf: list[str], zg: list[str]) -> dict:
    """The data of projekt_speichern, from the keys of demo.daten."""
    gesamt, eigen, dritt = kosten
    return {
        "titel": titel, "gebiet": gebiet, "traeger": traeger, "ansprechperson": person, "beginn": beginn,
        "ende": ende, "beschreibung": text, "ziele": ziele, "gesamtkosten": Decimal(gesamt),
        "eigenmittel": Decimal(eigen), "drittmittel": Decimal(dritt), "teilnehmende_geplant": geplant,
        "handlungsfelder": [k.handlungsfelder[gemeinsam.HF[h]] for h in hf],
        "zielgruppen": [k.zielgruppen[gemeinsam.ZG[z]] for z in zg],
    }


def _projekt_sichern(k: Kontext, spec: Projektvorlage, durch: User) -> Projekt:
    gebiet = k.gebiete[spec.gebiet]
    daten = projektdaten(
        k, titel=spec.titel, gebiet=gebiet, traeger=k.org(gebiet.stadt.name, spec.traeger),
        person=k.personen[spec.person] if spec.person else None, beginn=datum(spec.beginn), ende=datum(spec.ende),
        text=spec.text, ziele=spec.ziele, kosten=spec.kosten, geplant=spec.teilnehmende[0], hf=spec.hf, zg=spec.zg)
    projekt = Projekt.objects.filter(titel=spec.titel, gebiet=gebiet).first()
    if projekt is None:
        return services.projekt_speichern(durch=durch, daten=daten)
    geaendert = any(getattr(projekt, f) != v for f, v in daten.items() if f not in ("handlungsfelder", "zielgruppen"))
    m2m_geaendert = any(set(getattr(projekt, f).values_list("pk", flat=True)) != {o.pk for o in daten[f]}
                        for f in ("handlungsfelder", "zielgruppen"))
    if geaendert or m2m_geaendert:
        return services.projekt_speichern(durch=durch, projekt=projekt, daten=daten)
    return projekt


def _antrag_laden(k: Kontext, projekt: Projekt, a: Antragsvorlage, durch: User) -> Bewilligung:
    """The year's request and what became of it: grant or refusal, and the payouts."""
    programm = k.programme[a.programm]
    bewilligung = Bewilligung.objects.filter(projekt=projekt, programm=programm, jahr=a.jahr).first()
    if bewilligung is None:
        bewilligung = services.bewilligung_beantragen(
            projekt=projekt, programm=programm, jahr=a.jahr, betrag=Decimal(a.beantragt), durch=durch,
            begruendung=a.begruendung, datum=datum(a.am))
    entschieden = datum(a.entschieden) if a.entschieden else None
    if bewilligung.status == Bewilligung.Status.BEANTRAGT:
        if a.bewilligt is not None:
            bewilligung = services.projekt_bewilligen(bewilligung=bewilligung, betrag=Decimal(a.bewilligt),
                                                      durch=k.verwaltung, datum=entschieden)
        elif a.abgelehnt:
            bewilligung = services.bewilligung_ablehnen(bewilligung=bewilligung, durch=k.verwaltung,
                                                        begruendung=a.abgelehnt, datum=entschieden)
    for md, betrag in a.raten:
        tag, betrag = datum(f"{a.jahr}-{md}"), Decimal(betrag)
        if not Auszahlung.objects.filter(bewilligung=bewilligung, datum=tag, betrag=betrag).exists():
            services.auszahlung_anweisen(bewilligung=bewilligung, betrag=betrag, durch=k.verwaltung, datum=tag,
                                         bemerkung="Abschlag" if len(a.raten) > 1 else "")
    return bewilligung


def _nachweis_laden(k: Kontext, bewilligung: Bewilligung, a: Antragsvorlage, durch: User) -> None:
    n = a.nachweis
    if n is None or not hasattr(bewilligung, "verwendungsnachweis"):
        return
    nachweis = bewilligung.verwendungsnachweis
    nachweis.refresh_from_db()
    if nachweis.eingereicht_am is None:
        nachweis = services.verwendungsnachweis_einreichen(nachweis=nachweis, verwendet=Decimal(n.verwendet),
                                                            durch=durch, datum=datum(n.eingereicht))
    if n.geprueft and nachweis.geprueft_am is None:
        services.verwendungsnachweis_pruefen(nachweis=nachweis, rueckforderung=Decimal(n.rueck), durch=k.verwaltung,
                                             bemerkung=n.bemerkung, datum=datum(n.geprueft))
        _zurueckzahlen(k, bewilligung, datum(n.geprueft))


def _zurueckzahlen(k: Kontext, bewilligung: Bewilligung, geprueft) -> None:
    """Operators repay a reclaim of an earlier year in full; this year's reclaims are still open."""
    bewilligung.refresh_from_db()
    if bewilligung.rueckzahlung_offen and geprueft.year < heute().year:
        services.rueckzahlung_verbuchen(bewilligung=bewilligung, betrag=bewilligung.rueckzahlung_offen,
                                        durch=k.verwaltung)


def _projekt_laden(k: Kontext, spec: Projektvorlage) -> None:
    durch = k.users.get(spec.durch) or k.verwaltung
    projekt = _projekt_sichern(k, spec, durch)
    k.projekte[spec.titel] = projekt
    bewilligungen = []
    for a in spec.antraege:
        bewilligung = _antrag_laden(k, projekt, a, durch)
        bewilligungen.append((bewilligung, a))
        k.bewilligungen[(spec.titel, a.programm, a.jahr)] = bewilligung
    projekt.refresh_from_db()
    if spec.ziel in (ABGESCHLOSSEN, GEPRUEFT) and projekt.status == S.LAUFEND:
        projekt = services.projekt_abschliessen(projekt=projekt, durch=k.verwaltung,
                                                teilnehmende_erreicht=spec.teilnehmende[1])
    for bewilligung, a in bewilligungen:
        _nachweis_laden(k, bewilligung, a, durch)


@contextmanager
def _projekt_genannt(titel: str):
    """A refusal names the project it is about, so a broken demo row is found at once."""
    try:
        yield
    except Regelverstoss as exc:
        raise Regelverstoss(f"{titel}: {exc.meldung}") from exc


def projekte_laden(k: Kontext) -> None:
    for _, spec in je_stadt("PROJEKTE"):
        with _projekt_genannt(spec.titel):
            _projekt_laden(k, spec)


# --- Generated everyday projects ---------------------------------------------------------------

def _vorhaben_anlegen(k: Kontext, v: planer.Vorhaben) -> None:
    """Creates the project and runs its steps through the services, in the order of their dates."""
    projekt = services.projekt_speichern(durch=v.durch, daten=projektdaten(
        k, titel=v.titel, gebiet=v.gebiet, traeger=v.traeger, person=v.person, beginn=v.beginn, ende=v.ende,
        text=v.thema.text, ziele=v.thema.ziele, kosten=v.kosten, geplant=v.teilnehmende[0], hf=v.thema.hf,
        zg=v.thema.zg))
    bewilligungen, nachweise = {}, {}
    for schritt in planer.schritte(v):
        a = v.antraege[schritt.antrag]
        if schritt.art == "antrag":
            bewilligungen[schritt.antrag] = services.bewilligung_beantragen(
                projekt=projekt, programm=v.programm, jahr=a.jahr, betrag=Decimal(a.beantragt), durch=v.durch,
                datum=schritt.datum)
        elif schritt.art == "entscheidung" and a.bewilligt is None:
            services.bewilligung_ablehnen(bewilligung=bewilligungen[schritt.antrag], durch=k.verwaltung,
                                          begruendung=a.ablehnung, datum=schritt.datum)
        elif schritt.art == "entscheidung":
            bewilligungen[schritt.antrag] = services.projekt_bewilligen(
                bewilligung=bewilligungen[schritt.antrag], betrag=Decimal(a.bewilligt), durch=k.verwaltung,
                datum=schritt.datum)
        elif schritt.art == "rate":
            services.auszahlung_anweisen(bewilligung=bewilligungen[schritt.antrag], betrag=Decimal(schritt.betrag),
                                         durch=k.verwaltung, datum=schritt.datum,
                                         bemerkung="Abschlag" if len(a.raten) > 1 else "")
        elif schritt.art == "abschluss":
            services.projekt_abschliessen(projekt=projekt, durch=v.durch, teilnehmende_erreicht=v.teilnehmende[1])
        elif schritt.art == "einreichen":
            nachweise[schritt.antrag] = services.verwendungsnachweis_einreichen(
                nachweis=bewilligungen[schritt.antrag].verwendungsnachweis, verwendet=Decimal(a.nachweis[1]),
                durch=v.durch, datum=schritt.datum)
        else:
            _, _, _, rueck, bemerkung = a.nachweis
            services.verwendungsnachweis_pruefen(nachweis=nachweise[schritt.antrag], rueckforderung=Decimal(rueck),
                                                 durch=k.verwaltung, bemerkung=bemerkung, datum=schritt.datum)
            _zurueckzahlen(k, bewilligungen[schritt.antrag], schritt.datum)


def alltagsprojekte_laden(k: Kontext) -> None:
    """Everyday WiN projects of every area and year up to today, and small actions of the Bremen and
    Leverkusen disposal funds in the last and the current year (demo.planer plans them)."""
    for v in planer.planen(k, budgets()):
        with _projekt_genannt(v.titel):
            _vorhaben_anlegen(k, v)
