"""Feedback on accessibility barriers (§ 12b BGG): sent by anyone, answered by staff within a month."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from kern.rollen import ist_verwaltung
from kern.zeit import heute
from quartiere.models import Zeitstempel

# § 12b (2) No. 2 BGG with the states' rules: the public body answers within one month.
ANTWORTFRIST_TAGE = 30


class BarrieremeldungQuerySet(models.QuerySet):
    def sichtbar_fuer(self, user):
        """Only staff read the feedback: it may carry names and addresses of the senders."""
        return self.all() if ist_verwaltung(user) else self.none()

    def bearbeitbar_fuer(self, user):
        return self.sichtbar_fuer(user)

    def offen(self):
        return self.filter(beantwortet_am__isnull=True)


class Barrieremeldung(Zeitstempel):
    seite = models.CharField("betroffene Seite oder Datei", max_length=500, blank=True)
    beschreibung = models.TextField("Beschreibung der Barriere", max_length=5000)
    name = models.CharField("Name", max_length=200, blank=True)
    email = models.EmailField("E-Mail-Adresse", max_length=254, blank=True)
    # A keyed hash of the sender's address, only to limit how often one address may send.
    absender_schluessel = models.CharField("Absenderkennung", max_length=64, db_index=True, editable=False)
    beantwortet_am = models.DateField("beantwortet am", null=True, blank=True)
    vermerk = models.TextField("Vermerk der Verwaltung", blank=True)

    objects = BarrieremeldungQuerySet.as_manager()

    class Meta:
        verbose_name = "Meldung einer Barriere"
        verbose_name_plural = "Meldungen von Barrieren"
        ordering = ["beantwortet_am", "-created"]

    def __str__(self) -> str:
        return f"Meldung vom {self.created:%d.%m.%Y}: {self.beschreibung[:60]}"

    @property
    def antwort_bis(self) -> dt.date:
        return timezone.localtime(self.created).date() + dt.timedelta(days=ANTWORTFRIST_TAGE)

    @property
    def ueberfaellig(self) -> bool:
        return self.beantwortet_am is None and self.antwort_bis < heute()


class ErklaerungQuerySet(models.QuerySet):
    def bearbeitbar_fuer(self, user):
        """Staff keep the statement; everyone reads it on the public page."""
        return self.all() if ist_verwaltung(user) else self.none()


class Barrierefreiheitserklaerung(Zeitstempel):
    """The parts of the accessibility statement (BITV 2.0 § 7, EU model 2018/1523) that change as the portal
    does: the state of conformity, its explanation, the day it was last checked, and the known gaps. One
    row; staff keep it in the portal, each change kept in its history."""

    class Vereinbarkeit(models.TextChoices):
        VOLLSTAENDIG = "vollstaendig", "vollständig vereinbar"
        TEILWEISE = "teilweise", "teilweise vereinbar"
        NICHT = "nicht", "nicht vereinbar"

    vereinbarkeit = models.CharField("Stand der Vereinbarkeit", max_length=20, choices=Vereinbarkeit.choices,
                                     default=Vereinbarkeit.TEILWEISE)
    erlaeuterung = models.TextField("Erläuterung zum Stand", blank=True)
    geprueft_am = models.DateField("zuletzt geprüft am")
    bearbeitet_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="zuletzt bearbeitet von", null=True,
                                       blank=True, on_delete=models.SET_NULL, related_name="+")

    objects = ErklaerungQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "Erklärung zur Barrierefreiheit"
        verbose_name_plural = "Erklärungen zur Barrierefreiheit"

    def __str__(self) -> str:
        return f"Erklärung zur Barrierefreiheit, geprüft am {self.geprueft_am:%d.%m.%Y}"


class BekannterMangel(Zeitstempel):
    """A content that is not yet accessible: what and why, and the accessible way to the same information."""

    erklaerung = models.ForeignKey(Barrierefreiheitserklaerung, verbose_name="Erklärung", on_delete=models.CASCADE,
                                   related_name="maengel")
    titel = models.CharField("Inhalt", max_length=200)
    beschreibung = models.TextField("Was nicht barrierefrei ist und warum")
    alternative = models.TextField("Barrierefreie Alternative", blank=True)
    reihenfolge = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "bekannter Mangel"
        verbose_name_plural = "bekannte Mängel"
        ordering = ["erklaerung", "reihenfolge", "id"]

    def __str__(self) -> str:
        return self.titel
