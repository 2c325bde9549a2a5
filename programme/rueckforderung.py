"""Reclaims of grants with interest (§ 49a VwVfG): base rates (§ 247 BGB), the city's account for repayments,
reclaims and the repayments on them. The arithmetic is kern.zinsen's; the changes are rueckforderung_services'.

Imported at the end of programme.models, so Django registers these models with the app.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from kern import zinsen
from kern.bankverbindung import bankverbindung_pruefen, iban_lesbar
from kern.rollen import ist_quartiersmanagement, ist_verwaltung
from quartiere.models import Gebiet, Zeitstempel
from quartiere.zugriff import GebietsbezogenQuerySet, eigene_gebiet_ids

from .models import NULL_EURO, Bewilligung, OhneGebietQuerySet, geldfeld
from .zuwendung import Bescheid

BASISZINS_STICHTAG = "Der Basiszinssatz ändert sich nur zum 1. Januar und zum 1. Juli (§ 247 Abs. 1 BGB)."


class BasiszinssatzQuerySet(OhneGebietQuerySet):
    def als_saetze(self) -> list[zinsen.Basiszins]:
        return [zinsen.Basiszins(g, s) for g, s in self.order_by("gueltig_ab").values_list("gueltig_ab", "satz")]


class Basiszinssatz(Zeitstempel):
    """The base rate of § 247 BGB from a date on, as the Deutsche Bundesbank publishes it each half-year."""

    gueltig_ab = models.DateField("gültig ab", unique=True,
                                  error_messages={"unique": "Für diesen Tag ist schon ein Basiszinssatz erfasst."})
    satz = models.DecimalField("Basiszinssatz (%)", max_digits=5, decimal_places=2,
                               help_text="kann negativ sein, z. B. −0,88")
    quelle = models.CharField("Quelle", max_length=200, default="Deutsche Bundesbank")
    history = HistoricalRecords()

    objects = BasiszinssatzQuerySet.as_manager()

    class Meta:
        verbose_name = "Basiszinssatz"
        verbose_name_plural = "Basiszinssätze"
        ordering = ["-gueltig_ab"]
        constraints = [
            models.CheckConstraint(condition=Q(satz__gt=-20) & Q(satz__lt=20), name="basiszins_plausibel",
                                   violation_error_message="Ein Basiszinssatz liegt zwischen −20 und 20 %%."),
        ]

    def __str__(self) -> str:
        return f"Basiszinssatz ab {self.gueltig_ab:%d.%m.%Y}: {self.satz} %"

    @property
    def zinssatz(self) -> Decimal:
        """The rate of § 49a Abs. 3 VwVfG in this half-year."""
        return max(self.satz + zinsen.AUFSCHLAG, Decimal("0.00"))

    def clean(self):
        if self.gueltig_ab and (self.gueltig_ab.day != 1 or self.gueltig_ab.month not in (1, 7)):
            raise ValidationError({"gueltig_ab": BASISZINS_STICHTAG})


class Kassenverbindung(Zeitstempel):
    """The city's account on which operators repay reclaimed grants; named on every reclaim notice."""

    stadt = models.OneToOneField(Gebiet, verbose_name="Stadt", on_delete=models.CASCADE, related_name="kasse",
                                 limit_choices_to={"art": Gebiet.Art.STADT})
    empfaenger = models.CharField("Empfänger", max_length=200, help_text="z. B. „Stadtkasse Bremen“")
    kreditinstitut = models.CharField("Kreditinstitut", max_length=200)
    iban = models.CharField("IBAN", max_length=34)
    bic = models.CharField("BIC", max_length=11)
    history = HistoricalRecords()

    objects = OhneGebietQuerySet.as_manager()

    class Meta:
        verbose_name = "Bankverbindung der Stadtkasse"
        verbose_name_plural = "Bankverbindungen der Stadtkassen"

    def __str__(self) -> str:
        return f"{self.empfaenger} ({self.stadt})"

    def clean(self):
        bankverbindung_pruefen(self)

    @property
    def iban_lesbar(self) -> str:
        return iban_lesbar(self.iban)


class NurVerwaltungUndEigeneGebieteQuerySet(GebietsbezogenQuerySet):
    """Staff see every row, managers those of their areas' projects (read-only), council and others none."""

    gebiet_pfad = "bewilligung__gebiet"

    def sichtbar_fuer(self, user):
        if ist_verwaltung(user):
            return self.all()
        if ist_quartiersmanagement(user):
            return self.filter(bewilligung__projekt__gebiet_id__in=eigene_gebiet_ids(user))
        return self.none()

    def bearbeitbar_fuer(self, user):
        return self.all() if ist_verwaltung(user) else self.none()


class Rueckforderung(Zeitstempel):
    """A claim on an operator to repay (part of) a grant, or to pay interest on funds not spent in time."""

    class Art(models.TextChoices):
        NACHWEIS = "nachweis", "Erstattung nach Prüfung des Verwendungsnachweises"
        WIDERRUF = "widerruf", "Erstattung nach Widerruf oder Rücknahme"
        ZINSEN = "zinsen", "Zinsen für nicht alsbald verwendete Mittel (§ 49a Abs. 4 VwVfG)"

    bewilligung = models.ForeignKey(Bewilligung, verbose_name="Bewilligung", on_delete=models.PROTECT,
                                    related_name="rueckforderungen")
    art = models.CharField("Art", max_length=20, choices=Art.choices)
    betrag = geldfeld("Erstattungsbetrag (€)", help_text="bei Zinsen nach § 49a Abs. 4: der nicht alsbald "
                                                        "verwendete Betrag")
    grund = models.TextField("Grund")
    wirksam_ab = models.DateField("Zinsbeginn", help_text="Eintritt der Unwirksamkeit der Bewilligung; bei "
                                                          "§ 49a Abs. 4 der Tag der Auszahlung")
    verwendet_am = models.DateField("verwendet am", null=True, blank=True,
                                    help_text="nur bei § 49a Abs. 4: Tag der zweckentsprechenden Verwendung")
    festgesetzt_am = models.DateField("festgesetzt am")
    festgesetzt_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="festgesetzt von", null=True,
                                        blank=True, on_delete=models.SET_NULL, related_name="+")
    zahlungsfrist = models.DateField("zu zahlen bis", null=True, blank=True)
    erledigt_am = models.DateField("erledigt am", null=True, blank=True,
                                   help_text="Tag der Zahlung, mit der Erstattungsbetrag und Zinsen beglichen waren")
    bescheid = models.OneToOneField(Bescheid, verbose_name="Rückforderungsbescheid", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="rueckforderung")
    history = HistoricalRecords()

    objects = NurVerwaltungUndEigeneGebieteQuerySet.as_manager()

    class Meta:
        verbose_name = "Rückforderung"
        verbose_name_plural = "Rückforderungen"
        ordering = ["-festgesetzt_am", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(betrag__gt=0), name="rueckforderung_positiv",
                                   violation_error_message="Eine Rückforderung muss größer als 0 € sein."),
            models.CheckConstraint(
                condition=(Q(art="zinsen") & Q(verwendet_am__isnull=False) & Q(verwendet_am__gt=F("wirksam_ab")))
                | (~Q(art="zinsen") & Q(verwendet_am__isnull=True)),
                name="rueckforderung_abs4_mit_verwendung",
                violation_error_message="Zinsen nach § 49a Abs. 4 brauchen den Tag der Verwendung nach der "
                                        "Auszahlung; andere Rückforderungen keinen."),
        ]

    def __str__(self) -> str:
        return f"Rückforderung {self.bewilligung} ({self.get_art_display()})"

    @property
    def nur_zinsen(self) -> bool:
        return self.art == self.Art.ZINSEN

    def verlauf(self, *, saetze: list[zinsen.Basiszins], zahlungen: list["Rueckzahlung"],
                stichtag: dt.date) -> zinsen.Verlauf:
        """Interest and what is open on `stichtag`, from the payments booked up to that day."""
        ende = min(self.verwendet_am, stichtag) if self.nur_zinsen else stichtag
        return zinsen.verlauf(kapital=self.betrag, beginn=self.wirksam_ab, ende=ende, saetze=saetze,
                              nur_zinsen=self.nur_zinsen,
                              zahlungen=[zinsen.Zahlung(z.datum, z.betrag) for z in zahlungen
                                         if z.datum <= stichtag])


class Rueckzahlung(Zeitstempel):
    """Money an operator paid back: on a reclaim (split into interest and principal by § 367 BGB) or, without
    one, on the part of the grant's reclaimed amount that no reclaim itemises."""

    bewilligung = models.ForeignKey(Bewilligung, verbose_name="Bewilligung", on_delete=models.PROTECT,
                                    related_name="rueckzahlungen")
    rueckforderung = models.ForeignKey(Rueckforderung, verbose_name="Rückforderung", null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="rueckzahlungen")
    datum = models.DateField("eingegangen am")
    betrag = geldfeld("Betrag (€)")
    auf_zinsen = geldfeld("davon auf Zinsen (€)", default=NULL_EURO)
    auf_hauptforderung = geldfeld("davon auf den Erstattungsbetrag (€)", default=NULL_EURO)
    verbucht_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="verbucht von", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    bemerkung = models.CharField("Bemerkung", max_length=250, blank=True)
    history = HistoricalRecords()

    objects = NurVerwaltungUndEigeneGebieteQuerySet.as_manager()

    class Meta:
        verbose_name = "Rückzahlung"
        verbose_name_plural = "Rückzahlungen"
        ordering = ["datum", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(betrag__gt=0), name="rueckzahlung_positiv",
                                   violation_error_message="Eine Rückzahlung muss größer als 0 € sein."),
            models.CheckConstraint(condition=Q(auf_zinsen__gte=0) & Q(auf_hauptforderung__gte=0)
                                   & Q(betrag=F("auf_zinsen") + F("auf_hauptforderung")),
                                   name="rueckzahlung_aufgeteilt",
                                   violation_error_message="Zinsanteil und Anteil am Erstattungsbetrag ergeben "
                                                           "zusammen die Zahlung."),
        ]

    def __str__(self) -> str:
        return f"Rückzahlung {self.betrag} € am {self.datum:%d.%m.%Y} ({self.bewilligung})"


def nicht_aufgeschluesselt(bewilligung: Bewilligung) -> Decimal:
    """What of the grant's reclaimed amount no reclaim itemises and nobody repaid without one yet."""
    erfasst = sum((r.betrag for r in bewilligung.rueckforderungen.exclude(art=Rueckforderung.Art.ZINSEN)), NULL_EURO)
    ohne = sum((z.auf_hauptforderung for z in bewilligung.rueckzahlungen.filter(rueckforderung__isnull=True)),
               NULL_EURO)
    return bewilligung.betrag_zurueckgefordert - erfasst - ohne
