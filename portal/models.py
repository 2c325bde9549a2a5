"""Feedback on accessibility barriers (§ 12b BGG): sent by anyone, answered by staff within a month."""

import datetime as dt

from django.db import models
from django.utils import timezone

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
