"""Making a meeting public and withdrawing it: staff decide, the quartier management proposes.

A public meeting is published at once through OParl and the public pages (title, date, time,
place, body, agenda). So nothing becomes public by a ticked box: a manager proposes it, staff
confirm it on a page that says what becomes visible to whom, and staff can withdraw it again with
a reason. A withdrawn meeting stays in the portal, marked with date and reason; OParl shows it as
deleted. Each change is recorded in the meeting's history with who made it.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from kern.fehler import Regelverstoss
from kern.speichern import speichern

from .models import Sitzung
from .permissions import kann_sitzung_veroeffentlichen, kann_veroeffentlichung_vorschlagen
from .services import NICHT_EIGENES_GEBIET, NUR_VERWALTUNG_VEROEFFENTLICHT

SCHON_OEFFENTLICH = "Die Sitzung ist schon öffentlich."
SCHON_VORGESCHLAGEN = "Die Veröffentlichung dieser Sitzung ist schon vorgeschlagen."
NICHT_ERNEUT = "Die Sitzung wurde am {datum} zurückgezogen und wird nicht erneut veröffentlicht."
NUR_VERWALTUNG_ZIEHT_ZURUECK = "Eine öffentliche Sitzung zieht nur die Verwaltung zurück."
NICHT_OEFFENTLICH = "Die Sitzung ist nicht öffentlich; zurückgezogen wird nur, was veröffentlicht ist."
RUECKZUG_OHNE_GRUND = "Bitte geben Sie an, warum die Sitzung zurückgezogen wird."
SCHON_ZURUECKGEZOGEN = "Die Sitzung ist schon am {datum} zurückgezogen worden."


def _gesperrt(sitzung: Sitzung) -> Sitzung:
    return Sitzung.objects.select_for_update(of=("self",)).select_related("gremium").get(pk=sitzung.pk)


def _datum(zeitpunkt) -> str:
    return timezone.localtime(zeitpunkt).strftime("%d.%m.%Y")


@transaction.atomic
def sitzung_veroeffentlichung_vorschlagen(*, sitzung: Sitzung, durch: User) -> Sitzung:
    sitzung = _gesperrt(sitzung)
    if not kann_veroeffentlichung_vorschlagen(durch, sitzung.gremium):
        raise Regelverstoss(NICHT_EIGENES_GEBIET)
    if sitzung.zurueckgezogen_am:
        raise Regelverstoss(NICHT_ERNEUT.format(datum=_datum(sitzung.zurueckgezogen_am)))
    if sitzung.oeffentlich:
        raise Regelverstoss(SCHON_OEFFENTLICH)
    if sitzung.veroeffentlichung_vorgeschlagen:
        raise Regelverstoss(SCHON_VORGESCHLAGEN)
    sitzung.veroeffentlichung_vorgeschlagen = True
    speichern(sitzung, durch)
    return sitzung


@transaction.atomic
def sitzung_veroeffentlichen(*, sitzung: Sitzung, durch: User) -> Sitzung:
    if not kann_sitzung_veroeffentlichen(durch):
        raise Regelverstoss(NUR_VERWALTUNG_VEROEFFENTLICHT)
    sitzung = _gesperrt(sitzung)
    if sitzung.zurueckgezogen_am:
        raise Regelverstoss(NICHT_ERNEUT.format(datum=_datum(sitzung.zurueckgezogen_am)))
    if sitzung.oeffentlich:
        raise Regelverstoss(SCHON_OEFFENTLICH)
    sitzung.oeffentlich, sitzung.veroeffentlichung_vorgeschlagen = True, False
    speichern(sitzung, durch)
    return sitzung


@transaction.atomic
def sitzung_zurueckziehen(*, sitzung: Sitzung, grund: str, durch: User) -> Sitzung:
    if not kann_sitzung_veroeffentlichen(durch):
        raise Regelverstoss(NUR_VERWALTUNG_ZIEHT_ZURUECK)
    grund = (grund or "").strip()
    if not grund:
        raise Regelverstoss(RUECKZUG_OHNE_GRUND)
    sitzung = _gesperrt(sitzung)
    if sitzung.zurueckgezogen_am:
        raise Regelverstoss(SCHON_ZURUECKGEZOGEN.format(datum=_datum(sitzung.zurueckgezogen_am)))
    if not sitzung.oeffentlich:
        raise Regelverstoss(NICHT_OEFFENTLICH)
    sitzung.zurueckgezogen_am, sitzung.rueckzugsgrund = timezone.now(), grund
    speichern(sitzung, durch)
    return sitzung
