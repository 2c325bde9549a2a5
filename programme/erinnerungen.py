"""Reminder e-mails about deadlines: some days before a deadline (stage "vorher") and once it has passed
(stage "danach"), to the operator's contact (Traegerdaten.email) and the persons of the area's quartier
management. Each reminder is recorded as an `Erinnerung`; its unique constraint (kind, object, stage) makes
sure it is sent once, however often and however many processes run the command `erinnerungen_senden`.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from kern import zeit
from kern.format import datum as datum_text
from quartiere.models import Gebiet, Quartiersmanagement

from . import fristen
from .fristen_models import Erinnerung

logger = logging.getLogger("programme.erinnerungen")
Stufe = Erinnerung.Stufe

BETREFF = {
    Stufe.VORHER: "Erinnerung: {titel} für „{projekt}“ fällig am {datum}",
    Stufe.DANACH: "Frist abgelaufen: {titel} für „{projekt}“ war am {datum} fällig",
}
EINLEITUNG = {
    Stufe.VORHER: "für das Projekt „{projekt}“ ist am {datum} die Frist „{titel}“ fällig, in {tage} Tagen.",
    Stufe.DANACH: "für das Projekt „{projekt}“ ist die Frist „{titel}“ am {datum} abgelaufen; der Nachweis "
                  "liegt uns noch nicht vor.",
}
BITTE = {
    Stufe.VORHER: "Bitte reichen Sie ihn rechtzeitig im Quartiersportal ein.",
    Stufe.DANACH: "Bitte reichen Sie ihn umgehend ein, oder teilen Sie uns mit, warum er sich verzögert.",
}
TEXT = """Guten Tag,

{einleitung}

Förderprogramm: {programm} {jahr}
Träger: {traeger}
Gebiet: {gebiet}

{bitte}

Im Quartiersportal: {url}

Mit freundlichen Grüßen
{absender}

Diese E-Mail wurde automatisch erstellt; jede Erinnerung geht nur einmal hinaus.
"""


@dataclass
class Ergebnis:
    gesendet: int = 0
    ohne_empfaenger: int = 0
    fehlgeschlagen: int = 0


def faellig(art: fristen.Fristart, stufe: str, stichtag: dt.date):
    """The open deadlines of a kind due a reminder at `stufe` on `stichtag` that did not get it yet."""
    if stufe == Stufe.VORHER:
        bereich = {f"{art.faellig}__gte": stichtag,
                   f"{art.faellig}__lte": stichtag + dt.timedelta(days=settings.ERINNERUNG_TAGE_VORHER)}
    else:
        bereich = {f"{art.faellig}__lt": stichtag,
                   f"{art.faellig}__gte": stichtag - dt.timedelta(days=settings.ERINNERUNG_RUECKBLICK_TAGE)}
    schon = Erinnerung.objects.filter(art=art.schluessel, objekt_id=OuterRef("pk"), stufe=stufe)
    return (art.offene().filter(**bereich).exclude(Exists(schon))
            .select_related("bewilligung__programm", "bewilligung__projekt__gebiet",
                            "bewilligung__projekt__traeger__traegerdaten")
            .defer("bewilligung__projekt__gebiet__grenze").order_by(art.faellig, "pk"))


class Empfaenger:
    """The addresses of a project: its operator's contact and its area's quartier management (the positions
    of the area and the areas above it that run on the day); areas are looked up once per run."""

    def __init__(self, stichtag: dt.date):
        self.stichtag = stichtag
        self._je_gebiet: dict[int, list[str]] = {}

    def _qm(self, gebiet: Gebiet) -> list[str]:
        if gebiet.pk not in self._je_gebiet:
            kette = [g.pk for g in gebiet.vorfahren()]
            stellen = (Quartiersmanagement.objects.aktiv_am(self.stichtag).filter(gebiet_id__in=kette)
                       .prefetch_related("personen"))
            self._je_gebiet[gebiet.pk] = [p.email for s in stellen for p in s.personen.all()
                                          if p.email and p.anonymisiert_am is None]
        return self._je_gebiet[gebiet.pk]

    def fuer(self, projekt) -> list[str]:
        adressen = []
        daten = getattr(projekt.traeger, "traegerdaten", None) if projekt.traeger_id else None
        if daten is not None and daten.email:
            adressen.append(daten.email)
        adressen += self._qm(projekt.gebiet)
        return list(dict.fromkeys(a.strip().lower() for a in adressen))


def nachricht(art: fristen.Fristart, obj, stufe: str, stichtag: dt.date, an: list[str]) -> EmailMessage:
    b, faellig_am = obj.bewilligung, getattr(obj, art.faellig)
    jahr = getattr(obj, "jahr", None)
    werte = {"titel": f"{art.titel} {jahr}" if jahr else art.titel, "projekt": b.projekt.titel,
             "datum": datum_text(faellig_am), "tage": (faellig_am - stichtag).days}
    text = TEXT.format(
        einleitung=EINLEITUNG[stufe].format(**werte), bitte=BITTE[stufe], programm=b.programm.name, jahr=b.jahr,
        traeger=b.projekt.traeger or "–", gebiet=b.projekt.gebiet.name, absender=settings.ERINNERUNG_ABSENDER,
        url=settings.PORTAL_URL.rstrip("/") + reverse("programme:projekt", args=[b.projekt_id]))
    return EmailMessage(subject=BETREFF[stufe].format(**werte)[:250], body=text,
                        from_email=settings.DEFAULT_FROM_EMAIL, to=an)


def _senden(art: fristen.Fristart, obj, stufe: str, stichtag: dt.date, an: list[str], verbindung) -> bool:
    """Record and send one reminder in one transaction: a failed send records nothing, a second process
    that tries the same reminder waits for the first and then finds it recorded."""
    mail = nachricht(art, obj, stufe, stichtag, an)
    try:
        with transaction.atomic():
            Erinnerung.objects.create(art=art.schluessel, objekt_id=obj.pk, bewilligung_id=obj.bewilligung_id,
                                      stufe=stufe, faellig_am=getattr(obj, art.faellig), gesendet_am=timezone.now(),
                                      empfaenger=", ".join(an), betreff=mail.subject)
            verbindung.send_messages([mail])
    except IntegrityError:
        return False
    return True


def erinnerungen_senden(stichtag: dt.date | None = None) -> Ergebnis:
    """Every reminder due on `stichtag` (default today), each at most once."""
    stichtag = stichtag or zeit.heute()
    ergebnis, empfaenger = Ergebnis(), Empfaenger(stichtag)
    # Each send opens the connection itself, so a server that is down fails each mail, not the run.
    verbindung = get_connection(fail_silently=False)
    for art in fristen.FRISTARTEN.values():
        for stufe in (Stufe.DANACH, Stufe.VORHER):
            for obj in faellig(art, stufe, stichtag):
                an = empfaenger.fuer(obj.bewilligung.projekt)
                if not an:
                    ergebnis.ohne_empfaenger += 1
                    continue
                try:
                    ergebnis.gesendet += _senden(art, obj, stufe, stichtag, an, verbindung)
                except OSError:
                    logger.exception("Erinnerung %s %s (%s) nicht versandt", art.schluessel, obj.pk, stufe)
                    ergebnis.fehlgeschlagen += 1
    return ergebnis


@task()
def erinnerungen_senden_aufgabe() -> dict:
    """The same as the command, for a scheduler that enqueues tasks (django-tasks) instead of running cron."""
    return vars(erinnerungen_senden())
