"""The record of processing activities (GDPR Art. 30) as a page for staff.

The table of stored personal data is generated from the data model: every table with a field that
holds personal data (a link to a person or a login, a name, contact, address or log field) is listed
with those fields, who sees them and how long they are kept, so a new model cannot be forgotten. The
purposes, legal bases and retention periods are the portal's defaults; the city's data protection
officer confirms or replaces them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import User
from django.db import models
from django.shortcuts import render

from berichte.datenschutz import dokumente_mit_personen
from kern.rollen import nur_verwaltung
from quartiere.models import Person

PERSONENFELDER = {
    "anrede", "vorname", "nachname", "email", "telefon", "funktion", "first_name", "last_name",
    "username", "password", "einwilligung_am", "ip_address", "user_agent", "object_repr", "change_message",
    "session_data", "key", "token", "history_change_reason", "get_data", "post_data",
}

VERARBEITUNGEN = [
    ("Steuerung der Quartiersprogramme", "Gebiete, Förderprogramme, Projekte, Bewilligungen und Berichte der "
     "Sozialplanung", "Art. 6 Abs. 1 lit. e DSGVO i. V. m. den Förderrichtlinien und § 44 LHO",
     "Beschäftigte der Verwaltung, Quartiersmanagement, Ansprechpersonen der Träger"),
    ("Gremien und Beteiligung", "Mitgliedschaften, Sitzungen, Teilnahmen, Aufgaben und Beschlüsse der Gremien",
     "Art. 6 Abs. 1 lit. a DSGVO (Einwilligung, für Bürgerinnen und Bürger) und lit. e (Amtsträger)",
     "Mitglieder und Teilnehmende der Gremien, Beschäftigte"),
    ("Benutzerkonten und Anmeldeschutz", "Anmeldung, zweiter Faktor, Sitzungen, Sperre nach Fehlversuchen, "
     "Protokoll der Änderungen im Admin", "Art. 6 Abs. 1 lit. c und e DSGVO, Art. 32 DSGVO",
     "Nutzerinnen und Nutzer des Portals"),
]

# app label (or model label) -> (who sees it, how long it is kept)
SICHT_UND_FRIST = {
    "quartiere.Person": ("Verwaltung; Namen von Amtspersonen alle Angemeldeten, von Bürgerinnen und Bürgern nur "
                         "Verwaltung und Quartiersmanagement des Gebiets", "bis zum Widerruf oder zur "
                         "Anonymisierung (Art. 17 DSGVO)"),
    "beteiligung": ("Verwaltung und Quartiersmanagement des Gebiets; Rat ohne Namen von Teilnehmenden",
                    "mit der Sitzung; Namen bis zur Anonymisierung"),
    "programme": ("Verwaltung; Quartiersmanagement des Gebiets; Rat lesend", "10 Jahre nach Abschluss des "
                  "Verwendungsnachweises (Aufbewahrung nach Haushaltsrecht)"),
    "berichte": ("Verwaltung, Rat, Quartiersmanagement; öffentliche Berichte alle",
                 "unbefristet (Archiv); Korrektur als neue Version"),
    "auth": ("Verwaltung (Admin)", "bis zur Löschung oder Anonymisierung des Kontos"),
    "admin": ("Administration", "mit dem Objekt; Namen bis zur Anonymisierung der Person"),
    "sessions": ("niemand (technisch)", "bis zur Abmeldung, höchstens die Sitzungsdauer"),
    "axes": ("Administration", "Sperrdauer; erfolgreiche Anmeldungen werden nicht protokolliert"),
    "otp_totp": ("niemand (Schlüssel werden nie angezeigt)", "bis zum Zurücksetzen oder neuen Telefon"),
    "otp_static": ("die Person selbst, einmal bei der Erzeugung", "bis zur Verwendung oder Erneuerung"),
}
UNBEKANNT = ("Verwaltung", "vom Datenschutzbeauftragten festzulegen")


@dataclass
class Tabelle:
    name: str
    tabelle: str
    felder: list[str]
    historie: bool
    sieht: str
    frist: str


def _personenfelder(modell) -> list[str]:
    felder = []
    for feld in modell._meta.get_fields():
        if not feld.concrete and not feld.many_to_many:
            continue
        bezug = feld.is_relation and feld.related_model in (Person, User)
        if bezug or feld.name in PERSONENFELDER:
            felder.append(str(getattr(feld, "verbose_name", feld.name)))
    return felder


def tabellen() -> list[Tabelle]:
    """Every table that holds personal data, from the models themselves."""
    ergebnis = []
    historisch = {m._meta.label for m in apps.get_models() if m.__name__.startswith("Historical")}
    for modell in apps.get_models():
        meta = modell._meta
        if meta.label in historisch:
            continue
        felder = _personenfelder(modell)
        if not felder:
            continue
        sieht, frist = SICHT_UND_FRIST.get(meta.label) or SICHT_UND_FRIST.get(meta.app_label) or UNBEKANNT
        hist_label = f"{meta.app_label}.Historical{modell.__name__}"
        ergebnis.append(Tabelle(name=str(meta.verbose_name_plural), tabelle=meta.db_table, felder=felder,
                                historie=hist_label in historisch, sieht=sieht, frist=frist))
    return sorted(ergebnis, key=lambda t: t.name.lower())


def verzeichnis(request):
    nur_verwaltung(request.user)
    anonymisiert = list(Person.objects.filter(anonymisiert_am__isnull=False).order_by("-anonymisiert_am")[:200])
    dokumente = dokumente_mit_personen([p.pk for p in anonymisiert])
    # A version published after the anonymisation shows the new name already.
    offen = [(p, [b for b in dokumente[p.pk] if b.created < p.anonymisiert_am]) for p in anonymisiert]
    return render(request, "portal/verarbeitungsverzeichnis.html", {
        "verarbeitungen": VERARBEITUNGEN, "tabellen": tabellen(),
        "anonymisiert": [(p, liste) for p, liste in offen if liste],
    })
