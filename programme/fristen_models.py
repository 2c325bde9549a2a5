"""The deadline records of grant law: interim proofs (Zwischennachweis, ANBest-P 6.1) and the reminders sent
before and after a deadline (Erinnerung). The deadlines themselves are computed in programme.fristen.

Imported at the end of programme.models, so Django registers these models with the app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from kern.rollen import ist_quartiersmanagement, ist_verwaltung
from quartiere.models import Zeitstempel
from quartiere.zugriff import GebietsbezogenQuerySet, eigene_gebiet_ids

from .models import Bewilligung, jahr_plausibel


class FristbezogenQuerySet(GebietsbezogenQuerySet):
    """Deadline records belong to the grant's project area: staff see all, the area's managers theirs,
    council and everyone else none."""

    gebiet_pfad = "bewilligung__projekt__gebiet"

    def sichtbar_fuer(self, user):
        if ist_verwaltung(user):
            return self.all()
        if ist_quartiersmanagement(user):
            return self.filter(bewilligung__projekt__gebiet_id__in=eigene_gebiet_ids(user))
        return self.none()

    def bearbeitbar_fuer(self, user):
        return self.sichtbar_fuer(user)


class Zwischennachweis(Zeitstempel):
    """The interim proof of a grant for one year of a project that runs into the following year."""

    bewilligung = models.ForeignKey(Bewilligung, verbose_name="Bewilligung", on_delete=models.PROTECT,
                                    related_name="zwischennachweise")
    jahr = models.PositiveSmallIntegerField("Jahr", help_text="das Jahr, über das berichtet wird")
    faellig_am = models.DateField("fällig am")
    eingereicht_am = models.DateField("eingereicht am", null=True, blank=True)
    eingereicht_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="eingereicht von", null=True,
                                        blank=True, on_delete=models.SET_NULL, related_name="+")
    sachbericht = models.TextField("kurzer Sachbericht", blank=True, max_length=5000)
    geprueft_am = models.DateField("geprüft am", null=True, blank=True)
    geprueft_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="geprüft von", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    history = HistoricalRecords()

    objects = FristbezogenQuerySet.as_manager()

    class Meta:
        verbose_name = "Zwischennachweis"
        verbose_name_plural = "Zwischennachweise"
        ordering = ["faellig_am", "id"]
        constraints = [
            jahr_plausibel("zwischennachweis_jahr_plausibel"),
            models.UniqueConstraint(fields=["bewilligung", "jahr"], name="zwischennachweis_eindeutig_je_jahr",
                                    violation_error_message="Für dieses Jahr gibt es schon einen Zwischennachweis."),
            models.CheckConstraint(
                condition=Q(geprueft_am__isnull=True) | Q(eingereicht_am__isnull=False),
                name="zwischennachweis_erst_eingereicht_dann_geprueft",
                violation_error_message="Ein Zwischennachweis kann erst nach dem Einreichen geprüft werden."),
            models.CheckConstraint(
                condition=Q(geprueft_am__isnull=True) | Q(eingereicht_am__isnull=True)
                | Q(geprueft_am__gte=F("eingereicht_am")),
                name="zwischennachweis_geprueft_nicht_vor_eingereicht",
                violation_error_message="Ein Zwischennachweis kann nicht vor seinem Eingang geprüft sein."),
        ]

    def __str__(self) -> str:
        return f"Zwischennachweis {self.jahr} {self.bewilligung}"


class Erinnerung(Zeitstempel):
    """One reminder e-mail about one deadline at one stage; the constraint makes sure it goes out once."""

    class Stufe(models.TextChoices):
        VORHER = "vorher", "vor Ablauf der Frist"
        DANACH = "danach", "nach Ablauf der Frist"

    art = models.CharField("Art der Frist", max_length=40)
    objekt_id = models.PositiveBigIntegerField("Objekt")
    bewilligung = models.ForeignKey(Bewilligung, verbose_name="Bewilligung", on_delete=models.CASCADE,
                                    related_name="erinnerungen")
    stufe = models.CharField("Stufe", max_length=10, choices=Stufe.choices)
    faellig_am = models.DateField("Frist")
    gesendet_am = models.DateTimeField("gesendet am")
    empfaenger = models.TextField("Empfänger", help_text="E-Mail-Adressen, durch Komma getrennt")
    betreff = models.CharField("Betreff", max_length=250)
    history = HistoricalRecords()

    objects = FristbezogenQuerySet.as_manager()

    class Meta:
        verbose_name = "Erinnerung"
        verbose_name_plural = "Erinnerungen"
        ordering = ["-gesendet_am", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["art", "objekt_id", "stufe"], name="erinnerung_einmal_je_frist_und_stufe",
                                    violation_error_message="Diese Erinnerung ist schon versandt."),
        ]
        indexes = [models.Index(fields=["bewilligung", "art"], name="erinnerung_je_bewilligung")]

    def __str__(self) -> str:
        return f"Erinnerung {self.betreff} ({self.get_stufe_display()})"
