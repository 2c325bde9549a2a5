"""Every change to bodies, meetings, topics, decisions, action items and personal data.

Each function is keyword-only, runs in one transaction and either changes everything or
nothing. A refusal raises programme's `Regelverstoss` with a German message defined below,
so views show it and tests assert it. A decision of an area forum that grants funding goes
through programme's money services, with their rules and their refusal messages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone

from kern.fehler import Regelverstoss
from kern.format import datum as datum_text, euro
from kern.speichern import speichern
from kern.zeit import heute
from programme import services as geld
from programme.models import Bewilligung, Foerderprogramm, Handlungsfeld, Projekt
from programme.permissions import kann_bewilligen
from quartiere.models import Gebiet, Organisation, Person
from quartiere.permissions import kann_im_gebiet_arbeiten

from . import datenschutz
from .models import (
    Aufgabe,
    Beschluss,
    Gremium,
    Mitgliedschaft,
    Sitzung,
    Taetigkeit,
    Tagesordnungspunkt,
    Teilnahme,
    Thema,
    Themenbewertung,
)
from .permissions import (
    kann_aufgabe_erledigen,
    kann_gremium_bearbeiten,
    kann_personendaten_verwalten,
    kann_sitzung_veroeffentlichen,
)

NICHT_EIGENES_GEBIET = "Das Gremium gehört nicht zu einem Ihrer Gebiete."
NUR_VERWALTUNG_VEROEFFENTLICHT = ("Öffentlich macht eine Sitzung nur die Verwaltung; das Quartiersmanagement "
                                  "schlägt die Veröffentlichung vor.")
KEINE_EINWILLIGUNG = (
    "Für {name} liegt keine Einwilligung zur Datenverarbeitung vor. Erfassen Sie das Datum der Einwilligung "
    "oder zählen Sie die Person nur in der Zahl der Teilnehmenden."
)
PERSON_ANONYMISIERT = "Diese Person ist anonymisiert und kann nicht mehr namentlich erfasst werden."
PERSON_SCHON_ANONYMISIERT = "Diese Person ist bereits anonymisiert."
NAME_FEHLT = "Bitte geben Sie Vor- und Nachnamen an oder wählen Sie eine erfasste Person."
EINWILLIGUNG_IN_ZUKUNFT = "Das Datum der Einwilligung darf nicht in der Zukunft liegen."
SCHON_TEILNEHMEND = "{name} ist schon als Teilnehmende:r eingetragen."
SCHON_TEILNEHMEND_MEHRERE = "Schon eingetragen: {namen}. Es wurde niemand hinzugefügt."
OHNE_EINWILLIGUNG_MEHRERE = ("Ohne erfasste Einwilligung zur Datenverarbeitung: {namen}. Es wurde niemand hinzugefügt; "
                             "tragen Sie die Einwilligung einzeln nach.")
NIEMAND_GEWAEHLT = "Bitte wählen Sie mindestens eine Person oder fügen Sie eine Namensliste ein."
STATUS_UNZULAESSIG = "Eine Sitzung im Status „{von}“ kann nicht in den Status „{nach}“ wechseln."
NOCH_NICHT_STATTGEFUNDEN = "Die Sitzung ist erst am {datum}; vorher kann sie nicht als durchgeführt gelten."
DOKU_OHNE_TEILNEHMENDE = "Bitte erfassen Sie vor dem Abschluss die Teilnehmenden oder ihre Zahl."
DOKU_OHNE_ERGEBNIS = (
    "Bitte halten Sie vor dem Abschluss Ergebnisse fest: eine Zusammenfassung, ein Ergebnis zu einem Thema "
    "oder einen Tagesordnungspunkt mit Inhalt."
)
DOKU_VOR_SITZUNG = "Die Dokumentation kann nicht vor dem Sitzungstag ({datum}) abgeschlossen sein."
THEMA_ANDERES_GREMIUM = "Das Thema gehört zum Themenspeicher eines anderen Gremiums."
THEMA_NICHT_IM_SPEICHER = "Das Thema „{titel}“ liegt nicht (mehr) im Themenspeicher."
THEMA_SCHON_IN_SITZUNG = "Das Thema „{titel}“ ist in dieser Sitzung schon aufgenommen."
THEMA_SPAETER_EINGEBRACHT = "Das Thema „{titel}“ wurde erst nach dieser Sitzung eingebracht."
BESCHLUSS_VOR_SITZUNG = "Beschlüsse können erst ab dem Sitzungstag ({datum}) erfasst werden."
FOERDERUNG_NUR_GEBIETSFORUM = "Über Förderungen beschließen hier nur Gebietsforen (WiN-Foren)."
FOERDERUNG_NICHT_EMPFEHLUNG = "Eine Empfehlung bewilligt keine Förderung; wählen Sie Beschluss oder Konsens."
FOERDERUNG_PROJEKT_AUSSERHALB = "Das Projekt „{projekt}“ liegt nicht im Gebiet {gebiet} des Forums."
FOERDERUNG_HAT_SCHON_BESCHLUSS = "Diese Förderung ist schon mit einem Beschluss verknüpft."
FOERDERUNG_BETRAG_ABWEICHEND = (
    "Die Förderung ist schon mit {betrag} bewilligt; der Beschluss muss diesen Betrag nennen."
)
FOERDERUNG_UNVOLLSTAENDIG = "Für eine Förderung braucht es ein Projekt, ein Programm, ein Jahr und einen Betrag."
TOP_ANDERE_SITZUNG = "Der Tagesordnungspunkt gehört zu einer anderen Sitzung."
BESCHLUSS_ANDERE_SITZUNG = "Der Beschluss gehört zu einer anderen Sitzung."
UMSETZUNG_UNVERAENDERT = "Der Beschluss hat bereits den Umsetzungsstand „{status}“."
VERWORFEN_OHNE_BEGRUENDUNG = "Bitte begründen Sie im Vermerk, warum der Beschluss nicht umgesetzt wird."
AUFGABE_NICHT_IHRE = "Diese Aufgabe können Sie nicht abhaken."
AUFGABE_SCHON_ERLEDIGT = "Die Aufgabe ist bereits erledigt."
ERLEDIGT_IN_ZUKUNFT = "Eine Aufgabe kann nicht in der Zukunft erledigt werden."
FAELLIG_VOR_SITZUNG = "Die Frist darf nicht vor dem Sitzungstag ({datum}) liegen."
ZU_VIELE_PUNKTE = ("Insgesamt {summe} Bewertungspunkte sind mehr als {personen} Teilnehmende × {je_person} Punkte "
                   "= {hoechstens}.")
DOKUMENTATION_GESPERRT = (
    "Die Dokumentation dieser Sitzung ist abgeschlossen: Themen, Bewertungspunkte, Beschlüsse und Teilnehmende "
    "bleiben, wie sie dokumentiert sind. Eine Korrektur der Texte erscheint als neue Version der veröffentlichten "
    "Sitzungsdokumentation."
)



def _gremium_bearbeitbar_pruefen(gremium: Gremium, durch: User) -> None:
    if not kann_gremium_bearbeiten(durch, gremium):
        raise Regelverstoss(NICHT_EIGENES_GEBIET)


def _sitzung_gesperrt(sitzung: Sitzung, durch: User) -> Sitzung:
    sitzung = Sitzung.objects.select_for_update(of=("self",)).mit_gebiet().get(pk=sitzung.pk)
    _gremium_bearbeitbar_pruefen(sitzung.gremium, durch)
    return sitzung


def _nicht_gesperrt(sitzung: Sitzung) -> None:
    if sitzung.gesperrt:
        raise Regelverstoss(DOKUMENTATION_GESPERRT)


def punkte_pruefen(sitzung: Sitzung, *, ohne: Themenbewertung | None = None, dazu: int = 0,
                   teilnahmen_weniger: int = 0) -> None:
    """No more dots in total than participants × dots each, where the meeting says how many each had."""
    if not sitzung.punkte_je_person:
        return
    namentlich = sitzung.teilnahmen.filter(rolle=Teilnahme.Rolle.TEILNEHMEND).count()
    personen = sitzung.teilnehmende_gesamt(namentlich - teilnahmen_weniger)
    if not personen:
        return
    bewertungen = sitzung.themenbewertungen.exclude(pk=ohne.pk) if ohne is not None else sitzung.themenbewertungen
    summe = (bewertungen.aggregate(s=Sum("punkte"))["s"] or 0) + dazu
    hoechstens = personen * sitzung.punkte_je_person
    if summe > hoechstens:
        raise Regelverstoss(ZU_VIELE_PUNKTE.format(summe=summe, personen=personen, je_person=sitzung.punkte_je_person,
                                                   hoechstens=hoechstens))


def einwilligung_pruefen(person: Person) -> None:
    """Refuse to store the name of a non-staff person without recorded consent."""
    if person.anonymisiert_am is not None:
        raise Regelverstoss(PERSON_ANONYMISIERT)
    if not person.darf_namentlich_genannt_werden:
        raise Regelverstoss(KEINE_EINWILLIGUNG.format(name=person.name))


def _einwilligung_nachtragen(person: Person, einwilligung_am: dt.date | None, durch: User) -> Person:
    if einwilligung_am is None or person.ist_verwaltung or person.einwilligung_am is not None:
        return person
    if einwilligung_am > heute():
        raise Regelverstoss(EINWILLIGUNG_IN_ZUKUNFT)
    if person.anonymisiert_am is not None:
        raise Regelverstoss(PERSON_ANONYMISIERT)
    person.einwilligung_am = einwilligung_am
    speichern(person, durch)
    return person


@dataclass(frozen=True)
class NeuePerson:
    vorname: str
    nachname: str
    organisation: Organisation | None = None
    funktion: str = ""
    email: str = ""


def _person_bestimmen(*, person: Person | None, neue_person: NeuePerson | None, einwilligung_am: dt.date | None,
                      durch: User) -> Person:
    if person is None:
        if neue_person is None or not neue_person.vorname.strip() or not neue_person.nachname.strip():
            raise Regelverstoss(NAME_FEHLT)
        if einwilligung_am is not None and einwilligung_am > heute():
            raise Regelverstoss(EINWILLIGUNG_IN_ZUKUNFT)
        person = Person(vorname=neue_person.vorname.strip(), nachname=neue_person.nachname.strip(),
                        organisation=neue_person.organisation, funktion=neue_person.funktion,
                        email=neue_person.email, einwilligung_am=einwilligung_am)
        einwilligung_pruefen(person)
        speichern(person, durch)
        return person
    person = Person.objects.select_for_update().get(pk=person.pk)
    person = _einwilligung_nachtragen(person, einwilligung_am, durch)
    einwilligung_pruefen(person)
    return person


# --- bodies and meetings ---------------------------------------------------------------------


@transaction.atomic
def mitgliedschaft_anlegen(*, gremium: Gremium, durch: User, person: Person | None = None,
                           neue_person: NeuePerson | None = None, einwilligung_am: dt.date | None = None,
                           organisation: Organisation | None = None, rolle: str = Mitgliedschaft.Rolle.MITGLIED,
                           beginn: dt.date | None = None, ende: dt.date | None = None) -> Mitgliedschaft:
    _gremium_bearbeitbar_pruefen(gremium, durch)
    person = _person_bestimmen(person=person, neue_person=neue_person, einwilligung_am=einwilligung_am, durch=durch)
    mitgliedschaft = Mitgliedschaft(gremium=gremium, person=person, organisation=organisation or person.organisation,
                                    rolle=rolle, beginn=beginn, ende=ende)
    speichern(mitgliedschaft, durch)
    return mitgliedschaft


@transaction.atomic
def sitzung_anlegen(*, gremium: Gremium, durch: User, titel: str, datum: dt.date, beginn: dt.time | None = None,
                    ende: dt.time | None = None, ort: str = "", format: str = Sitzung.Format.SITZUNG,
                    oeffentlich: bool = False, hintergrund: str = "", teilnehmendenzahl: int | None = None,
                    punkte_je_person: int | None = None, **texte) -> Sitzung:
    """A meeting is planned; it is held and documented later (see sitzung_status_setzen)."""
    _gremium_bearbeitbar_pruefen(gremium, durch)
    unbekannt = set(texte) - {"zusammenfassung", "ausblick", "verfasst_von"}
    if unbekannt:
        raise TypeError(f"unknown fields: {sorted(unbekannt)}")
    if oeffentlich and not kann_sitzung_veroeffentlichen(durch):
        raise Regelverstoss(NUR_VERWALTUNG_VEROEFFENTLICHT)
    sitzung = Sitzung(gremium=gremium, titel=titel, datum=datum, beginn=beginn, ende=ende, ort=ort, format=format,
                      oeffentlich=oeffentlich, hintergrund=hintergrund, teilnehmendenzahl=teilnehmendenzahl,
                      punkte_je_person=punkte_je_person, status=Sitzung.Status.GEPLANT, **texte)
    speichern(sitzung, durch)
    return sitzung


# Whether a meeting is public changes only through beteiligung.veroeffentlichung, with its confirmation.
SITZUNG_TEXTFELDER = ("titel", "datum", "beginn", "ende", "ort", "format", "teilnehmendenzahl",
                      "punkte_je_person", "hintergrund", "zusammenfassung", "ausblick")
# What a documented meeting keeps as documented.
SITZUNG_GESPERRTE_FELDER = ("teilnehmendenzahl", "punkte_je_person")


@transaction.atomic
def sitzung_aendern(*, sitzung: Sitzung, durch: User, **daten) -> Sitzung:
    """Change the meeting's data and documentation texts; the status changes only through its service."""
    unbekannt = set(daten) - set(SITZUNG_TEXTFELDER) - {"verfasst_von"}
    if unbekannt:
        raise TypeError(f"unknown fields: {sorted(unbekannt)}")
    sitzung = _sitzung_gesperrt(sitzung, durch)
    if daten.get("verfasst_von") is not None:
        einwilligung_pruefen(daten["verfasst_von"])
    if sitzung.gesperrt and any(daten[f] != getattr(sitzung, f) for f in SITZUNG_GESPERRTE_FELDER if f in daten):
        raise Regelverstoss(DOKUMENTATION_GESPERRT)
    for feld, wert in daten.items():
        setattr(sitzung, feld, wert)
    if sitzung.stattgefunden and sitzung.datum > heute():
        raise Regelverstoss(NOCH_NICHT_STATTGEFUNDEN.format(datum=datum_text(sitzung.datum)))
    punkte_pruefen(sitzung)
    speichern(sitzung, durch)
    return sitzung


SITZUNG_UEBERGAENGE = {
    Sitzung.Status.GEPLANT: {Sitzung.Status.DURCHGEFUEHRT},
    Sitzung.Status.DURCHGEFUEHRT: {Sitzung.Status.DOKUMENTIERT},
    Sitzung.Status.DOKUMENTIERT: set(),
}


@transaction.atomic
def sitzung_status_setzen(*, sitzung: Sitzung, status: str, durch: User, datum: dt.date | None = None,
                          verfasst_von: Person | None = None) -> Sitzung:
    """planned -> held (not before the meeting's day) -> documented (with participants and results)."""
    sitzung = _sitzung_gesperrt(sitzung, durch)
    von = Sitzung.Status(sitzung.status)
    if status not in SITZUNG_UEBERGAENGE[von]:
        raise Regelverstoss(STATUS_UNZULAESSIG.format(von=von.label, nach=Sitzung.Status(status).label))
    if sitzung.datum > heute():
        raise Regelverstoss(NOCH_NICHT_STATTGEFUNDEN.format(datum=datum_text(sitzung.datum)))
    if status == Sitzung.Status.DOKUMENTIERT:
        if not sitzung.teilnehmendenzahl and not sitzung.teilnahmen.exists():
            raise Regelverstoss(DOKU_OHNE_TEILNEHMENDE)
        hat_ergebnis = (
            sitzung.zusammenfassung.strip()
            or sitzung.themenbewertungen.exclude(ergebnis="").exists()
            or sitzung.tagesordnungspunkte.exclude(text="").exists()
        )
        if not hat_ergebnis:
            raise Regelverstoss(DOKU_OHNE_ERGEBNIS)
        datum = datum or heute()
        if datum < sitzung.datum:
            raise Regelverstoss(DOKU_VOR_SITZUNG.format(datum=datum_text(sitzung.datum)))
        if verfasst_von is None and sitzung.verfasst_von is None:
            # By default the person writing it, where their name may be shown.
            eigene = Person.objects.filter(user=durch).first()
            verfasst_von = eigene if eigene is not None and eigene.darf_namentlich_genannt_werden else None
        verfasst_von = verfasst_von or sitzung.verfasst_von
        if verfasst_von is not None:
            einwilligung_pruefen(verfasst_von)
        sitzung.verfasst_von = verfasst_von
        sitzung.dokumentiert_am = datum
    sitzung.status = status
    speichern(sitzung, durch)
    return sitzung


@transaction.atomic
def teilnahme_erfassen(*, sitzung: Sitzung, durch: User, person: Person | None = None,
                       neue_person: NeuePerson | None = None, einwilligung_am: dt.date | None = None,
                       organisation: Organisation | None = None,
                       rolle: str = Teilnahme.Rolle.TEILNEHMEND) -> Teilnahme:
    """Add a named participant: an existing person or a new one, in each case only with consent."""
    sitzung = _sitzung_gesperrt(sitzung, durch)
    _nicht_gesperrt(sitzung)
    person = _person_bestimmen(person=person, neue_person=neue_person, einwilligung_am=einwilligung_am, durch=durch)
    if sitzung.teilnahmen.filter(person=person).exists():
        raise Regelverstoss(SCHON_TEILNEHMEND.format(name=person.name))
    teilnahme = Teilnahme(sitzung=sitzung, person=person, organisation=organisation or person.organisation,
                          rolle=rolle)
    speichern(teilnahme, durch)
    return teilnahme


@transaction.atomic
def teilnahmen_erfassen(*, sitzung: Sitzung, durch: User, personen: list[Person],
                        rolle: str = Teilnahme.Rolle.TEILNEHMEND) -> list[Teilnahme]:
    """Add several recorded persons at once, all or none: each needs consent and must not be listed yet."""
    sitzung = _sitzung_gesperrt(sitzung, durch)
    _nicht_gesperrt(sitzung)
    if not personen:
        raise Regelverstoss(NIEMAND_GEWAEHLT)
    gesperrt = list(Person.objects.select_for_update(of=("self",)).filter(pk__in=[p.pk for p in personen])
                    .select_related("organisation").order_by("nachname", "vorname"))
    vorhanden = set(sitzung.teilnahmen.values_list("person_id", flat=True))
    schon = [p.name for p in gesperrt if p.pk in vorhanden]
    if schon:
        raise Regelverstoss(SCHON_TEILNEHMEND_MEHRERE.format(namen=", ".join(schon)))
    ohne = [p.name if p.anonymisiert_am is None else "anonymisierte Person" for p in gesperrt
            if p.anonymisiert_am is not None or not p.darf_namentlich_genannt_werden]
    if ohne:
        raise Regelverstoss(OHNE_EINWILLIGUNG_MEHRERE.format(namen=", ".join(ohne)))
    teilnahmen = []
    for person in gesperrt:
        teilnahme = Teilnahme(sitzung=sitzung, person=person, organisation=person.organisation, rolle=rolle)
        speichern(teilnahme, durch)
        teilnahmen.append(teilnahme)
    return teilnahmen


@transaction.atomic
def teilnahme_entfernen(*, teilnahme: Teilnahme, durch: User) -> None:
    sitzung = _sitzung_gesperrt(teilnahme.sitzung, durch)
    _nicht_gesperrt(sitzung)
    punkte_pruefen(sitzung, teilnahmen_weniger=int(teilnahme.rolle == Teilnahme.Rolle.TEILNEHMEND))
    teilnahme.delete()


@transaction.atomic
def tagesordnungspunkt_anlegen(*, sitzung: Sitzung, durch: User, titel: str, text: str = "",
                               nummer: int | None = None) -> Tagesordnungspunkt:
    sitzung = _sitzung_gesperrt(sitzung, durch)
    if nummer is None:
        nummer = (sitzung.tagesordnungspunkte.aggregate(n=Max("nummer"))["n"] or 0) + 1
    top = Tagesordnungspunkt(sitzung=sitzung, nummer=nummer, titel=titel, text=text)
    speichern(top, durch)
    return top


# --- topics and the backlog ------------------------------------------------------------------


def _themenstatus_aktualisieren(thema: Thema, durch: User) -> None:
    # Once discussed at any meeting a topic leaves the backlog; "erledigt" is kept as set by hand.
    if thema.status == Thema.Status.ERLEDIGT:
        return
    besprochen = thema.bewertungen.filter(besprochen=True).exists()
    neu = Thema.Status.BESPROCHEN if besprochen else Thema.Status.THEMENSPEICHER
    if neu != thema.status:
        thema.status = neu
        speichern(thema, durch)


@transaction.atomic
def thema_einbringen(*, sitzung: Sitzung, durch: User, titel: str, punkte: int = 0, beschreibung: str = "",
                     handlungsfeld=None, besprochen: bool = False, ergebnis: str = "") -> Themenbewertung:
    """A new topic card at a meeting: the topic is first raised here, with its dot votes."""
    sitzung = _sitzung_gesperrt(sitzung, durch)
    _nicht_gesperrt(sitzung)
    punkte_pruefen(sitzung, dazu=punkte)
    thema = Thema(gremium=sitzung.gremium, titel=titel, beschreibung=beschreibung, handlungsfeld=handlungsfeld,
                  eingebracht_in=sitzung, status=Thema.Status.THEMENSPEICHER)
    speichern(thema, durch)
    bewertung = Themenbewertung(thema=thema, sitzung=sitzung, punkte=punkte, besprochen=besprochen,
                                ergebnis=ergebnis)
    speichern(bewertung, durch)
    _themenstatus_aktualisieren(thema, durch)
    return bewertung


@transaction.atomic
def thema_uebernehmen(*, sitzung: Sitzung, thema: Thema, durch: User, punkte: int = 0) -> Themenbewertung:
    """Carry a backlog topic over to a later meeting of its body: a new rating, the old ones stay."""
    sitzung = _sitzung_gesperrt(sitzung, durch)
    _nicht_gesperrt(sitzung)
    punkte_pruefen(sitzung, dazu=punkte)
    thema = Thema.objects.select_for_update(of=("self",)).select_related("eingebracht_in").get(pk=thema.pk)
    if thema.gremium_id != sitzung.gremium_id:
        raise Regelverstoss(THEMA_ANDERES_GREMIUM)
    if thema.status != Thema.Status.THEMENSPEICHER:
        raise Regelverstoss(THEMA_NICHT_IM_SPEICHER.format(titel=thema.titel))
    if thema.bewertungen.filter(sitzung=sitzung).exists():
        raise Regelverstoss(THEMA_SCHON_IN_SITZUNG.format(titel=thema.titel))
    if thema.eingebracht_in is not None and thema.eingebracht_in.datum > sitzung.datum:
        raise Regelverstoss(THEMA_SPAETER_EINGEBRACHT.format(titel=thema.titel))
    bewertung = Themenbewertung(thema=thema, sitzung=sitzung, punkte=punkte)
    speichern(bewertung, durch)
    return bewertung


@transaction.atomic
def themenbewertung_aendern(*, bewertung: Themenbewertung, durch: User, punkte: int, besprochen: bool,
                            ergebnis: str = "") -> Themenbewertung:
    sitzung = _sitzung_gesperrt(bewertung.sitzung, durch)
    _nicht_gesperrt(sitzung)
    punkte_pruefen(sitzung, ohne=bewertung, dazu=punkte)
    bewertung = Themenbewertung.objects.select_for_update(of=("self",)).select_related("thema").get(pk=bewertung.pk)
    bewertung.punkte = punkte
    bewertung.besprochen = besprochen
    bewertung.ergebnis = ergebnis
    speichern(bewertung, durch)
    _themenstatus_aktualisieren(bewertung.thema, durch)
    return bewertung


# --- decisions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Foerderung:
    """What a funding decision grants: an existing request, or a project, programme and year to request for."""

    betrag: Decimal
    bewilligung: Bewilligung | None = None
    projekt: Projekt | None = None
    programm: Foerderprogramm | None = None
    jahr: int | None = None


def _im_gebiet(projekt_gebiet: Gebiet, gebiet: Gebiet) -> bool:
    return any(g.pk == gebiet.pk for g in projekt_gebiet.vorfahren())


def _foerderung_bewilligen(*, sitzung: Sitzung, foerderung: Foerderung, text: str, durch: User) -> Bewilligung:
    bewilligung = foerderung.bewilligung
    if bewilligung is None:
        if not (foerderung.projekt and foerderung.programm and foerderung.jahr):
            raise Regelverstoss(FOERDERUNG_UNVOLLSTAENDIG)
        projekt = foerderung.projekt
    else:
        bewilligung = Bewilligung.objects.select_related("projekt__gebiet").get(pk=bewilligung.pk)
        projekt = bewilligung.projekt
        if Beschluss.objects.filter(bewilligung=bewilligung).exists():
            raise Regelverstoss(FOERDERUNG_HAT_SCHON_BESCHLUSS)
    if not _im_gebiet(projekt.gebiet, sitzung.gremium.gebiet):
        raise Regelverstoss(FOERDERUNG_PROJEKT_AUSSERHALB.format(projekt=projekt, gebiet=sitzung.gremium.gebiet))
    if bewilligung is not None and bewilligung.status == Bewilligung.Status.BEWILLIGT:
        # The decision is recorded after the staff granted what the forum agreed: it links, and moves no money.
        if bewilligung.betrag_bewilligt != foerderung.betrag:
            raise Regelverstoss(FOERDERUNG_BETRAG_ABWEICHEND.format(betrag=euro(bewilligung.betrag_bewilligt)))
        return bewilligung
    if bewilligung is None:
        bewilligung = geld.bewilligung_beantragen(
            projekt=projekt, programm=foerderung.programm, jahr=foerderung.jahr, betrag=foerderung.betrag,
            durch=durch, begruendung=f"Beschluss {sitzung.gremium} vom {datum_text(sitzung.datum)}: {text}")
    return geld.projekt_bewilligen(bewilligung=bewilligung, betrag=foerderung.betrag, durch=durch,
                                   datum=sitzung.datum)


@transaction.atomic
def beschluss_fassen(*, sitzung: Sitzung, durch: User, text: str, art: str = Beschluss.Art.BESCHLUSS,
                     stimmen_ja: int | None = None, stimmen_nein: int | None = None,
                     stimmen_enthaltung: int | None = None, tagesordnungspunkt: Tagesordnungspunkt | None = None,
                     foerderung: Foerderung | None = None) -> Beschluss:
    """Record a decision; an area forum's decision may grant funding through the money services.

    The grant and the decision are saved together or not at all: a refusal of the money service
    (budget, funding rules, staff only) rolls back the request it may have created and the decision.
    """
    sitzung = _sitzung_gesperrt(sitzung, durch)
    _nicht_gesperrt(sitzung)
    if sitzung.datum > heute():
        raise Regelverstoss(BESCHLUSS_VOR_SITZUNG.format(datum=datum_text(sitzung.datum)))
    if tagesordnungspunkt is not None and tagesordnungspunkt.sitzung_id != sitzung.pk:
        raise Regelverstoss(TOP_ANDERE_SITZUNG)
    bewilligung = None
    if foerderung is not None:
        if sitzung.gremium.art != Gremium.Art.GEBIETSFORUM:
            raise Regelverstoss(FOERDERUNG_NUR_GEBIETSFORUM)
        if art == Beschluss.Art.EMPFEHLUNG:
            raise Regelverstoss(FOERDERUNG_NICHT_EMPFEHLUNG)
        geld.erlaubnis_pruefen(kann_bewilligen(durch), "Förderungen bewilligen")
        bewilligung = _foerderung_bewilligen(sitzung=sitzung, foerderung=foerderung, text=text, durch=durch)
    beschluss = Beschluss(sitzung=sitzung, text=text, art=art, stimmen_ja=stimmen_ja, stimmen_nein=stimmen_nein,
                          stimmen_enthaltung=stimmen_enthaltung, tagesordnungspunkt=tagesordnungspunkt,
                          bewilligung=bewilligung)
    speichern(beschluss, durch)
    return beschluss


@transaction.atomic
def beschluss_umsetzung_setzen(*, beschluss: Beschluss, durch: User, status: str, vermerk: str = "") -> Beschluss:
    """Beschlusskontrolle: the implementation status, kept with who and when in the decision's history."""
    beschluss = Beschluss.objects.select_for_update(of=("self",)).select_related("sitzung").get(pk=beschluss.pk)
    _sitzung_gesperrt(beschluss.sitzung, durch)
    if status == beschluss.umsetzungsstatus and vermerk.strip() == beschluss.umsetzung_vermerk.strip():
        raise Regelverstoss(UMSETZUNG_UNVERAENDERT.format(status=beschluss.get_umsetzungsstatus_display()))
    if status == Beschluss.Umsetzung.VERWORFEN and not vermerk.strip():
        raise Regelverstoss(VERWORFEN_OHNE_BEGRUENDUNG)
    beschluss.umsetzungsstatus = status
    beschluss.umsetzung_vermerk = vermerk.strip()
    speichern(beschluss, durch)
    return beschluss


# --- action items ----------------------------------------------------------------------------


@transaction.atomic
def aufgabe_anlegen(*, sitzung: Sitzung, durch: User, text: str, verantwortlich: Person | None = None,
                    faellig_am: dt.date | None = None, beschluss: Beschluss | None = None) -> Aufgabe:
    sitzung = _sitzung_gesperrt(sitzung, durch)
    if verantwortlich is not None:
        einwilligung_pruefen(verantwortlich)
    if beschluss is not None and beschluss.sitzung_id != sitzung.pk:
        raise Regelverstoss(BESCHLUSS_ANDERE_SITZUNG)
    if faellig_am is not None and faellig_am < sitzung.datum:
        raise Regelverstoss(FAELLIG_VOR_SITZUNG.format(datum=datum_text(sitzung.datum)))
    aufgabe = Aufgabe(sitzung=sitzung, text=text, verantwortlich=verantwortlich, faellig_am=faellig_am,
                      beschluss=beschluss)
    speichern(aufgabe, durch)
    return aufgabe


@transaction.atomic
def aufgabe_erledigen(*, aufgabe: Aufgabe, durch: User, datum: dt.date | None = None) -> Aufgabe:
    aufgabe = Aufgabe.objects.select_for_update(of=("self",)).select_related(
        "sitzung__gremium", "verantwortlich").get(pk=aufgabe.pk)
    if not kann_aufgabe_erledigen(durch, aufgabe):
        raise Regelverstoss(AUFGABE_NICHT_IHRE)
    if aufgabe.erledigt_am is not None:
        raise Regelverstoss(AUFGABE_SCHON_ERLEDIGT)
    datum = datum or heute()
    if datum > heute():
        raise Regelverstoss(ERLEDIGT_IN_ZUKUNFT)
    aufgabe.erledigt_am = datum
    speichern(aufgabe, durch)
    return aufgabe


# --- personal data ---------------------------------------------------------------------------


@transaction.atomic
def person_anonymisieren(*, person: Person, durch: User) -> Person:
    """Replace a person's name and contact data everywhere: their row, their login, and every copy of the
    name in the database (admin log, history rows, free text; beteiligung.datenschutz). Links
    (memberships, participations, tasks, projects) and therefore all counts stay. The login loses its
    name, username and access."""
    geld.erlaubnis_pruefen(kann_personendaten_verwalten(durch), "Personen anonymisieren")
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.anonymisiert_am is not None:
        raise Regelverstoss(PERSON_SCHON_ANONYMISIERT)
    formen = datenschutz.namensformen(person)
    konto = None
    if person.user_id is not None:
        konto = User.objects.select_for_update().get(pk=person.user_id)
        datenschutz.anmeldeversuche_loeschen(konto.username)
        konto.username = f"anonymisiert-{konto.pk}"
        konto.first_name = ""
        konto.last_name = ""
        konto.email = ""
        konto.is_active = False
        konto.save(update_fields=["username", "first_name", "last_name", "email", "is_active"])
    person.anrede = ""
    person.titel = ""
    person.vorname = "anonymisiert"
    person.nachname = f"Person #{person.pk}"
    person.funktion = ""
    person.email = ""
    person.telefon = ""
    person.user = None
    person.anonymisiert_am = timezone.now()
    speichern(person, durch)
    datenschutz.texte_ersetzen(formen, person.name)
    datenschutz.protokoll_anonymisieren(person, konto, person.name)
    return person


# --- work log --------------------------------------------------------------------------------

TAETIGKEIT_FREMDES_GEBIET = "Tätigkeiten können Sie nur in Ihren eigenen Gebieten erfassen."


@transaction.atomic
def taetigkeit_erfassen(*, gebiet: Gebiet, datum: dt.date, titel: str, durch: User, beschreibung: str = "",
                        handlungsfeld: Handlungsfeld | None = None,
                        erreichte_personen: int | None = None) -> Taetigkeit:
    """Record one entry of the work log in an area the user works in."""
    if not kann_im_gebiet_arbeiten(durch, gebiet):
        raise Regelverstoss(TAETIGKEIT_FREMDES_GEBIET)
    taetigkeit = Taetigkeit(gebiet=gebiet, datum=datum, titel=titel, beschreibung=beschreibung,
                            handlungsfeld=handlungsfeld, erreichte_personen=erreichte_personen, erfasst_von=durch)
    speichern(taetigkeit, durch)
    return taetigkeit
