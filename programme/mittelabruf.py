"""Calling funds (Mittelabruf): a granted grant is paid out only as it is needed. The operator's quartier
management or staff request an amount with the day by which it will be spent; staff approve it, which makes
the payout, or refuse it with a reason; later the day the money was spent is reported.

Imported at the end of programme.models, so Django registers the model with the app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from kern.rollen import ist_quartiersmanagement, ist_verwaltung
from quartiere.models import Zeitstempel
from quartiere.zugriff import GebietsbezogenQuerySet, eigene_gebiet_ids

from .models import Auszahlung, Bewilligung, geldfeld, summe


class MittelabrufQuerySet(GebietsbezogenQuerySet):
    # A call belongs to its project's area (the manager's), not to the area whose budget the grant uses.
    gebiet_pfad = "bewilligung__projekt__gebiet"

    def sichtbar_fuer(self, user):
        """Staff all, managers those of their areas' projects; council and the public none."""
        if ist_verwaltung(user):
            return self.all()
        if ist_quartiersmanagement(user):
            return self.filter(bewilligung__projekt__gebiet_id__in=eigene_gebiet_ids(user))
        return self.none()

    def offen(self):
        return self.filter(status=Mittelabruf.Status.BEANTRAGT)

    def genehmigt(self):
        return self.filter(status=Mittelabruf.Status.GENEHMIGT)

    def summe(self):
        return summe(self, "betrag")


class Mittelabruf(Zeitstempel):
    class Status(models.TextChoices):
        BEANTRAGT = "beantragt", "beantragt"
        GENEHMIGT = "genehmigt", "genehmigt und ausgezahlt"
        ABGELEHNT = "abgelehnt", "abgelehnt"

    bewilligung = models.ForeignKey(Bewilligung, verbose_name="Bewilligung", on_delete=models.PROTECT,
                                    related_name="mittelabrufe")
    betrag = geldfeld("Betrag (€)")
    zweck = models.TextField("wofür")
    verwenden_bis = models.DateField("verwendet bis spätestens")
    status = models.CharField("Status", max_length=20, choices=Status.choices, default=Status.BEANTRAGT)
    schlussrate = models.BooleanField("Schlussrate", default=False,
                                      help_text="ruft den bis zur Prüfung des Verwendungsnachweises einbehaltenen "
                                                "Teil ab")
    beantragt_am = models.DateField("abgerufen am")
    beantragt_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="abgerufen von", null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+")
    entschieden_am = models.DateField("entschieden am", null=True, blank=True)
    entschieden_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="entschieden von", null=True,
                                        blank=True, on_delete=models.SET_NULL, related_name="+")
    ablehnungsgrund = models.TextField("Grund der Ablehnung", blank=True)
    auszahlung = models.OneToOneField(Auszahlung, verbose_name="Auszahlung", null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="mittelabruf")
    verwendet_am = models.DateField("verwendet am", null=True, blank=True)
    history = HistoricalRecords()

    objects = MittelabrufQuerySet.as_manager()

    class Meta:
        verbose_name = "Mittelabruf"
        verbose_name_plural = "Mittelabrufe"
        ordering = ["-beantragt_am", "-pk"]
        indexes = [models.Index(fields=["status", "beantragt_am"], name="mittelabruf_status")]
        constraints = [
            models.CheckConstraint(condition=Q(betrag__gt=0), name="mittelabruf_positiv",
                                   violation_error_message="Ein Mittelabruf muss größer als 0 € sein."),
            models.CheckConstraint(condition=Q(verwenden_bis__gte=F("beantragt_am")),
                                   name="mittelabruf_verwendung_nicht_vor_abruf",
                                   violation_error_message="Die Mittel können nicht vor dem Abruf verwendet sein."),
            models.CheckConstraint(
                condition=Q(status="beantragt", entschieden_am__isnull=True)
                | (~Q(status="beantragt") & Q(entschieden_am__isnull=False)),
                name="mittelabruf_entscheidung_mit_datum",
                violation_error_message="Eine Entscheidung über einen Mittelabruf braucht ein Datum."),
            models.CheckConstraint(condition=Q(status="genehmigt", auszahlung__isnull=False)
                                   | (~Q(status="genehmigt") & Q(auszahlung__isnull=True)),
                                   name="mittelabruf_genehmigt_mit_auszahlung",
                                   violation_error_message="Ein genehmigter Mittelabruf ist genau eine Auszahlung."),
            models.CheckConstraint(condition=Q(verwendet_am__isnull=True) | Q(status="genehmigt"),
                                   name="mittelabruf_verwendet_nur_wenn_genehmigt",
                                   violation_error_message="Verwendet werden kann nur, was ausgezahlt wurde."),
            models.CheckConstraint(condition=~Q(status="abgelehnt") | ~Q(ablehnungsgrund=""),
                                   name="mittelabruf_ablehnung_mit_grund",
                                   violation_error_message="Eine Ablehnung nennt ihren Grund."),
        ]

    def __str__(self) -> str:
        return f"Mittelabruf {self.betrag} € vom {self.beantragt_am:%d.%m.%Y} ({self.bewilligung})"

    @property
    def ist_offen(self) -> bool:
        return self.status == self.Status.BEANTRAGT
