"""The one model of the ground floor: an export too large to answer in its request, made by a worker."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from .rollen import ist_verwaltung


class ExportauftragQuerySet(models.QuerySet):
    def sichtbar_fuer(self, user):
        """Its requester and the administration; nobody else learns that it exists."""
        if ist_verwaltung(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.filter(beauftragt_von=user)

    def bearbeitbar_fuer(self, user):
        return self.sichtbar_fuer(user)

    def offen(self):
        return self.filter(status__in=[Exportauftrag.Status.WARTEND, Exportauftrag.Status.LAEUFT])


class Exportauftrag(models.Model):
    """A CSV or XLSX export of a filtered list, written by a worker into the media storage."""

    class Status(models.TextChoices):
        WARTEND = "wartend", "wartet"
        LAEUFT = "laeuft", "wird erstellt"
        FERTIG = "fertig", "fertig"
        FEHLGESCHLAGEN = "fehlgeschlagen", "fehlgeschlagen"

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel (XLSX)"

    beauftragt_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="beauftragt von",
                                       on_delete=models.CASCADE, related_name="+")
    art = models.CharField("Liste", max_length=60)
    titel = models.CharField("Titel", max_length=200)
    format = models.CharField("Format", max_length=10, choices=Format.choices)
    parameter = models.JSONField("Filter", default=dict, blank=True)
    status = models.CharField("Stand", max_length=20, choices=Status.choices, default=Status.WARTEND)
    zeilen_gesamt = models.PositiveIntegerField("Zeilen erwartet", default=0)
    zeilen_fertig = models.PositiveIntegerField("Zeilen geschrieben", default=0)
    datei = models.FileField("Datei", upload_to="exporte/%Y/%m/", max_length=300, blank=True)
    dateiname = models.CharField("Dateiname", max_length=200, blank=True)
    meldung = models.TextField("Meldung", blank=True)
    created = models.DateTimeField("beauftragt am", auto_now_add=True)
    gestartet_am = models.DateTimeField("gestartet am", null=True, blank=True)
    beendet_am = models.DateTimeField("beendet am", null=True, blank=True)

    objects = ExportauftragQuerySet.as_manager()

    class Meta:
        verbose_name = "Exportauftrag"
        verbose_name_plural = "Exportaufträge"
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["status", "created"], name="exportauftrag_status_idx")]

    def __str__(self) -> str:
        return f"{self.titel} ({self.get_format_display()}, {self.get_status_display()})"

    @property
    def abgeschlossen(self) -> bool:
        return self.status in (self.Status.FERTIG, self.Status.FEHLGESCHLAGEN)

    @property
    def prozent(self) -> int:
        if self.status == self.Status.FERTIG:
            return 100
        if not self.zeilen_gesamt:
            return 0
        return min(99, self.zeilen_fertig * 100 // self.zeilen_gesamt)


class Datenstand(models.Model):
    """One number that grows after every committed change of the portal's data (see kern.datenstand).

    A single row; read by pages that keep expensive figures in the cache, written after commit."""

    stand = models.BigIntegerField("Stand", default=0)

    class Meta:
        verbose_name = "Datenstand"
        verbose_name_plural = "Datenstand"
