"""The proof of use in detail (issue 13, points 5 and 6): the narrative report and the actual own and
third-party funds, the receipts or (where the programme allows a simple proof) the totals per plan
category, and the check note (Prüfvermerk) with the recalculated grant and its stored PDF.

Imported at the end of programme.models, so Django registers these models with the app. Council and the
public see none of it; managers see and change the rows of their areas' projects, before submission.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from kern.rollen import ist_quartiersmanagement, ist_verwaltung
from quartiere.models import Zeitstempel, nicht_negativ
from quartiere.zugriff import GebietsbezogenQuerySet, eigene_gebiet_ids

from .models import NULL_EURO, Verwendungsnachweis, geldfeld, summe
from .zuwendung import Planposition

AUSGABEKATEGORIEN = [(k, label) for k, label in Planposition.Kategorie.choices if k in Planposition.AUSGABEN]


class NachweisbezogenQuerySet(GebietsbezogenQuerySet):
    """Rows of a proof of use: staff all, managers those of their areas' projects, nobody else."""

    gebiet_pfad = "nachweis__bewilligung__projekt__gebiet"

    def sichtbar_fuer(self, user):
        if ist_verwaltung(user):
            return self.all()
        if ist_quartiersmanagement(user):
            return self.filter(**{f"{self.gebiet_pfad}_id__in": eigene_gebiet_ids(user)})
        return self.none()

    def bearbeitbar_fuer(self, user):
        return self.sichtbar_fuer(user)

    def summe(self):
        return summe(self, "betrag")


class Nachweisangaben(Zeitstempel):
    """The narrative report and the actual income of a proof of use."""

    nachweis = models.OneToOneField(Verwendungsnachweis, verbose_name="Verwendungsnachweis", on_delete=models.CASCADE,
                                    related_name="angaben")
    sachbericht = models.TextField("Sachbericht: was wurde getan?")
    teilnehmende = models.PositiveIntegerField("erreichte Teilnehmende", null=True, blank=True)
    ergebnisse = models.TextField("Ergebnisse", blank=True)
    einfach = models.BooleanField("einfacher Verwendungsnachweis (Summen je Kategorie, ohne Belege)", default=False)
    eigenmittel = geldfeld("Eigenmittel (Ist, €)", default=NULL_EURO)
    drittmittel = geldfeld("Drittmittel und andere Zuwendungen (Ist, €)", default=NULL_EURO)
    history = HistoricalRecords()

    objects = NachweisbezogenQuerySet.as_manager()

    class Meta:
        verbose_name = "Angaben zum Verwendungsnachweis"
        verbose_name_plural = "Angaben zu Verwendungsnachweisen"
        constraints = [
            nicht_negativ("eigenmittel", "nachweisangaben_eigenmittel_nicht_negativ"),
            nicht_negativ("drittmittel", "nachweisangaben_drittmittel_nicht_negativ"),
        ]

    def __str__(self) -> str:
        return f"Angaben {self.nachweis}"


class Beleg(Zeitstempel):
    """One receipt of the numerical proof (Belegliste)."""

    nachweis = models.ForeignKey(Verwendungsnachweis, verbose_name="Verwendungsnachweis", on_delete=models.CASCADE,
                                 related_name="belege")
    datum = models.DateField("Datum")
    empfaenger = models.CharField("Zahlungsempfänger", max_length=200)
    zweck = models.CharField("Zweck", max_length=250)
    betrag = geldfeld("Betrag (€)")
    kategorie = models.CharField("Kategorie des Finanzierungsplans", max_length=20, choices=AUSGABEKATEGORIEN)
    history = HistoricalRecords()

    objects = NachweisbezogenQuerySet.as_manager()

    class Meta:
        verbose_name = "Beleg"
        verbose_name_plural = "Belege"
        ordering = ["datum", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(betrag__gt=0), name="beleg_betrag_positiv",
                                   violation_error_message="Ein Beleg muss einen Betrag über 0 € haben."),
        ]

    def __str__(self) -> str:
        return f"Beleg {self.datum:%d.%m.%Y} {self.empfaenger}: {self.betrag} €"


class Nachweissumme(Zeitstempel):
    """The total of one plan category in a simple proof of use (no receipts)."""

    nachweis = models.ForeignKey(Verwendungsnachweis, verbose_name="Verwendungsnachweis", on_delete=models.CASCADE,
                                 related_name="summen")
    kategorie = models.CharField("Kategorie des Finanzierungsplans", max_length=20, choices=AUSGABEKATEGORIEN)
    betrag = geldfeld("Betrag (€)")
    history = HistoricalRecords()

    objects = NachweisbezogenQuerySet.as_manager()

    class Meta:
        verbose_name = "Summe im einfachen Verwendungsnachweis"
        verbose_name_plural = "Summen im einfachen Verwendungsnachweis"
        ordering = ["nachweis", "kategorie"]
        constraints = [
            nicht_negativ("betrag", "nachweissumme_nicht_negativ"),
            models.UniqueConstraint(fields=["nachweis", "kategorie"], name="nachweissumme_eindeutig",
                                    violation_error_message="Für diese Kategorie gibt es schon eine Summe."),
        ]

    def __str__(self) -> str:
        return f"{self.get_kategorie_display()}: {self.betrag} €"


class PruefvermerkQuerySet(NachweisbezogenQuerySet):
    def bearbeitbar_fuer(self, user):
        return self.all() if ist_verwaltung(user) else self.none()


def pruefvermerkpfad(vermerk: "Pruefvermerk", dateiname: str) -> str:
    return f"pruefvermerke/{vermerk.datum:%Y}/pruefvermerk-{vermerk.nachweis_id}.pdf"


class Pruefvermerk(Zeitstempel):
    """Staff's check of a proof of use: the note, the recalculated figures, and its PDF (never changed)."""

    nachweis = models.OneToOneField(Verwendungsnachweis, verbose_name="Verwendungsnachweis", on_delete=models.PROTECT,
                                    related_name="pruefvermerk")
    datum = models.DateField("geprüft am")
    text = models.TextField("Prüfvermerk")
    ausgaben = geldfeld("nachgewiesene Ausgaben (€)")
    nicht_zuwendungsfaehig = geldfeld("nicht zuwendungsfähig (€)", default=NULL_EURO)
    zuwendung_festgesetzt = geldfeld("Zuwendung nach Neuberechnung (€)")
    ausgezahlt = geldfeld("ausgezahlt (€)")
    rueckforderung = geldfeld("Rückforderung (€)", default=NULL_EURO)
    nachzahlung = geldfeld("noch auszuzahlen (€)", default=NULL_EURO)
    datei = models.FileField("PDF-Datei", upload_to=pruefvermerkpfad, max_length=200)
    dateiname = models.CharField("Dateiname beim Herunterladen", max_length=250)
    sha256 = models.CharField("SHA-256", max_length=64)
    seiten = models.PositiveIntegerField("Seiten")
    erstellt_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="geprüft von", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    history = HistoricalRecords()

    objects = PruefvermerkQuerySet.as_manager()

    class Meta:
        verbose_name = "Prüfvermerk"
        verbose_name_plural = "Prüfvermerke"
        ordering = ["-datum"]
        constraints = [
            nicht_negativ("nicht_zuwendungsfaehig", "pruefvermerk_nicht_zf_nicht_negativ"),
            nicht_negativ("zuwendung_festgesetzt", "pruefvermerk_festgesetzt_nicht_negativ"),
            nicht_negativ("rueckforderung", "pruefvermerk_rueckforderung_nicht_negativ"),
            nicht_negativ("nachzahlung", "pruefvermerk_nachzahlung_nicht_negativ"),
            models.CheckConstraint(condition=Q(rueckforderung=0) | Q(nachzahlung=0),
                                   name="pruefvermerk_rueckforderung_oder_nachzahlung",
                                   violation_error_message="Es gibt entweder eine Rückforderung oder eine "
                                                           "Nachzahlung, nicht beides."),
        ]

    def __str__(self) -> str:
        return f"Prüfvermerk {self.nachweis}"

    @property
    def nummer(self) -> str:
        """For berichte.ablage's log lines."""
        return f"Prüfvermerk {self.nachweis_id}"
