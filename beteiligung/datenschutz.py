"""Anonymisation that reaches every copy of a name in the database: the admin log ("Recent actions"),
the history rows of django-simple-history, the login protection's records, and free text.

Stored PDFs are not in the database and never change; the documents that name a person are listed for
staff by berichte (`berichte.selectors.dokumente_mit_person`), who publish a new version.
"""

from __future__ import annotations

import re
from functools import reduce
from operator import or_

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

from kern import datenstand
from quartiere.models import Person

# Shorter strings would hit ordinary words in other rows.
MINDESTLAENGE = 5
# Rows anonymised field by field by the service itself, or holding no text a person wrote.
EIGENE_BEHANDLUNG = {"quartiere.Person", "auth.User", "sessions.Session", "contenttypes.ContentType",
                     "auth.Permission"}


def namensformen(person: Person) -> list[str]:
    """The ways the portal writes a person's name and contact (longest first)."""
    formen = {person.name, f"{person.vorname} {person.nachname}", f"{person.nachname}, {person.vorname}",
              f"{person.nachname} {person.vorname}", person.email, person.telefon}
    if person.user_id:
        konto = person.user
        formen |= {konto.get_full_name(), konto.email}
    return sorted((f for f in formen if f and len(f.strip()) >= MINDESTLAENGE), key=len, reverse=True)


def _textfelder(modell) -> list[models.Field]:
    return [f for f in modell._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField)) and not f.primary_key and not f.choices]


def _ersetzen(text, formen: list[str], ersatz: str):
    if not isinstance(text, str):
        return text
    for form in formen:
        text = re.sub(re.escape(form), ersatz, text, flags=re.IGNORECASE)
    return text


def texte_ersetzen(formen: list[str], ersatz: str) -> dict[str, int]:
    """Replaces each form in every text column of every table; returns the changed rows per model.
    One query per model with text columns, plus one update per changed row."""
    geaendert = {}
    for modell in apps.get_models(include_auto_created=True):
        if not modell._meta.managed or modell._meta.proxy or modell._meta.label in EIGENE_BEHANDLUNG:
            continue
        felder = _textfelder(modell)
        if not felder or not formen:
            continue
        bedingung = reduce(or_, (Q(**{f"{f.name}__icontains": form}) for f in felder for form in formen))
        anzahl = 0
        for zeile in modell._base_manager.filter(bedingung).only(modell._meta.pk.name, *(f.name for f in felder)):
            neu = {f.attname: _ersetzen(getattr(zeile, f.attname), formen, ersatz) for f in felder}
            neu = {k: v for k, v in neu.items() if v != getattr(zeile, k)}
            if neu:
                modell._base_manager.filter(pk=zeile.pk).update(**neu)
                anzahl += 1
        if anzahl:
            geaendert[modell._meta.label] = anzahl
    if geaendert:
        datenstand.geaendert()  # row updates send no signals
    return geaendert


def protokoll_anonymisieren(person: Person, konto: User | None, ersatz: str) -> None:
    """The admin log's entries of the person's and the account's own rows show the new name."""
    LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Person),
                            object_id=str(person.pk)).update(object_repr=ersatz[:200])
    if konto is not None:
        LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(User),
                                object_id=str(konto.pk)).update(object_repr=konto.username)


def anmeldeversuche_loeschen(username: str) -> None:
    """The login protection's records of the old username (failed attempts) go with it."""
    for label in ("axes.AccessAttempt", "axes.AccessFailureLog", "axes.AccessLog"):
        try:
            modell = apps.get_model(label)
        except LookupError:
            continue
        modell.objects.filter(username=username).delete()
