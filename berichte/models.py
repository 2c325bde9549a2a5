from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Coalesce
from simple_history.models import HistoricalRecords

from beteiligung.models import Gremium, Sitzung
from programme.models import Foerderprogramm
from quartiere.models import Gebiet, Organisation, Zeitstempel

from .permissions import (
    kann_berichte_erstellen,
    kann_nichtoeffentliche_berichte_lesen,
    kann_zurueckgezogene_berichte_sehen,
)


class Berichtsart(models.TextChoices):
    RATSVORLAGE = "ratsvorlage", "Ratsvorlage"
    PROGRAMMJAHRESBERICHT = "programmjahresbericht", "Programmjahresbericht"
    QUARTIERSPROFIL = "quartiersprofil", "Quartiersprofil"
    SITZUNGSDOKUMENTATION = "sitzungsdokumentation", "Sitzungsdokumentation"
    SOZIALBERICHT = "sozialbericht", "Sozialbericht-Übersicht"


class Nummernkreis(Zeitstempel):
    """The last report number given in a year; its row is locked while a number is drawn."""

    jahr = models.PositiveSmallIntegerField("Jahr", unique=True)
    letzte_laufnummer = models.PositiveIntegerField(
        "zuletzt vergebene Laufnummer", default=0,
        help_text="Zum Fortsetzen einer bestehenden Nummerierung der Stadt vor der ersten Veröffentlichung setzen.",
    )

    class Meta:
        verbose_name = "Nummernkreis"
        verbose_name_plural = "Nummernkreise"
        ordering = ["-jahr"]

    def __str__(self) -> str:
        return f"{self.jahr}: zuletzt {self.jahr}/{self.letzte_laufnummer:04d}"


class Ratsvorlage(Zeitstempel):
    """The text of a council paper; its tables (consultation sequence, grants) come from the data."""

    class Vorlagenart(models.TextChoices):
        BESCHLUSSVORLAGE = "beschlussvorlage", "Beschlussvorlage"
        MITTEILUNGSVORLAGE = "mitteilungsvorlage", "Mitteilungsvorlage"
        ANFRAGE = "anfrage", "Anfrage"
        ANTWORT = "antwort", "Antwort auf eine Anfrage"

    stadt = models.ForeignKey(Gebiet, verbose_name="Stadt", on_delete=models.PROTECT, related_name="ratsvorlagen",
                              limit_choices_to={"art": Gebiet.Art.STADT})
    vorlagenart = models.CharField("Art der Vorlage", max_length=30, choices=Vorlagenart.choices,
                                   default=Vorlagenart.BESCHLUSSVORLAGE)
    oeffentlich = models.BooleanField("öffentliche Vorlage", default=True,
                                      help_text="Eine nichtöffentliche Vorlage wird nur nichtöffentlich veröffentlicht.")
    absender = models.CharField("Absender", max_length=200, default="Der Oberbürgermeister",
                                help_text="z. B. „Der Oberbürgermeister“ oder „Der Magistrat“")
    zeichen = models.CharField("Dezernat/Fachbereich/AZ", max_length=120, blank=True, help_text="z. B. III-zi/neu")
    datum = models.DateField("Datum")
    betreff = models.CharField("Betreff", max_length=300)
    beschlussentwurf = models.TextField("Beschlussentwurf", blank=True)
    begruendung = models.TextField("Begründung", blank=True)
    finanzielle_auswirkungen = models.TextField("Finanzielle Auswirkungen", blank=True)
    programm = models.ForeignKey(
        Foerderprogramm, verbose_name="Förderprogramm", null=True, blank=True, on_delete=models.PROTECT,
        related_name="ratsvorlagen",
        help_text="Betrifft die Vorlage Geld, füllt die Vorlage die Bewilligungen dieses Programms und Jahres ein.",
    )
    haushaltsjahr = models.PositiveSmallIntegerField("Haushaltsjahr", null=True, blank=True)
    anlagen = models.TextField("Anlagen", blank=True, help_text="eine Anlage je Zeile")
    verfasst_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="verfasst von", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "Ratsvorlage"
        verbose_name_plural = "Ratsvorlagen"
        ordering = ["-datum", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(programm__isnull=True, haushaltsjahr__isnull=True)
                | Q(programm__isnull=False, haushaltsjahr__isnull=False),
                name="ratsvorlage_programm_mit_jahr",
                violation_error_message="Förderprogramm und Haushaltsjahr gehören zusammen: beide oder keines angeben.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.betreff} ({self.datum:%d.%m.%Y})"

    @property
    def anlagenliste(self) -> list[str]:
        return [zeile.strip() for zeile in self.anlagen.splitlines() if zeile.strip()]


class Mitzeichnung(Zeitstempel):
    """A department named on a council paper, and its co-signature once given in the portal."""

    vorlage = models.ForeignKey(Ratsvorlage, verbose_name="Ratsvorlage", on_delete=models.CASCADE,
                                related_name="mitzeichnungen")
    organisation = models.ForeignKey(Organisation, verbose_name="Amt / Dezernat", on_delete=models.PROTECT,
                                     related_name="mitzeichnungen")
    gezeichnet_am = models.DateField("mitgezeichnet am", null=True, blank=True)
    gezeichnet_name = models.CharField("mitgezeichnet von", max_length=250, blank=True)
    gezeichnet_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="Benutzerkonto", null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "Mitzeichnung"
        verbose_name_plural = "Mitzeichnungen"
        ordering = ["vorlage", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["vorlage", "organisation"], name="mitzeichnung_eindeutig",
                                    violation_error_message="Dieses Amt ist auf der Vorlage schon genannt."),
            models.CheckConstraint(
                condition=Q(gezeichnet_am__isnull=True, gezeichnet_name="")
                | (Q(gezeichnet_am__isnull=False) & ~Q(gezeichnet_name="")),
                name="mitzeichnung_mit_name_und_datum",
                violation_error_message="Eine Mitzeichnung braucht Namen und Datum.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation.name}: " + (f"mitgezeichnet am {self.gezeichnet_am:%d.%m.%Y}"
                                                 if self.gezeichnet_am else "ausstehend")

    @property
    def gezeichnet(self) -> bool:
        return self.gezeichnet_am is not None


class BeratungQuerySet(models.QuerySet):
    def oeffentlich(self):
        """Rows of council papers published in at least one public report. The row's own `oeffentlich` says
        whether the body deliberates in public; the row is published with its paper either way."""
        return self.filter(Exists(Bericht.objects.oeffentlich().filter(vorlage=OuterRef("vorlage"))))


class Beratung(Zeitstempel):
    """One row of a paper's consultation sequence (Beratungsfolge)."""

    class Zustaendigkeit(models.TextChoices):
        BERATUNG = "beratung", "Beratung"
        ENTSCHEIDUNG = "entscheidung", "Entscheidung"
        KENNTNISNAHME = "kenntnisnahme", "Kenntnisnahme"

    vorlage = models.ForeignKey(Ratsvorlage, verbose_name="Ratsvorlage", on_delete=models.CASCADE,
                                related_name="beratungen")
    reihenfolge = models.PositiveSmallIntegerField("Reihenfolge", default=1)
    gremium = models.ForeignKey(Gremium, verbose_name="Gremium", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="beratungen")
    gremium_name = models.CharField("Gremium (Freitext)", max_length=250, blank=True,
                                    help_text="nur, wenn das Gremium nicht im Portal erfasst ist")
    datum = models.DateField("Datum", null=True, blank=True)
    zustaendigkeit = models.CharField("Zuständigkeit", max_length=20, choices=Zustaendigkeit.choices,
                                      default=Zustaendigkeit.BERATUNG)
    oeffentlich = models.BooleanField("öffentlich", default=True)

    objects = BeratungQuerySet.as_manager()

    class Meta:
        verbose_name = "Beratung"
        verbose_name_plural = "Beratungsfolge"
        ordering = ["vorlage", "reihenfolge", "datum", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(gremium__isnull=False) | ~Q(gremium_name=""),
                name="beratung_mit_gremium",
                violation_error_message="Jede Zeile der Beratungsfolge braucht ein Gremium.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.gremium_bezeichnung} ({self.get_zustaendigkeit_display()})"

    @property
    def gremium_bezeichnung(self) -> str:
        return self.gremium.name if self.gremium_id else self.gremium_name

    @property
    def behandlung(self) -> str:
        return "öffentlich" if self.oeffentlich else "nichtöffentlich"


def ablagepfad(bericht: "Bericht", dateiname: str) -> str:
    return f"berichte/{bericht.jahr}/{bericht.jahr}-{bericht.laufnummer:04d}-v{bericht.version}.pdf"


# The meeting a meeting documentation was made of (None for the other kinds).
_SITZUNG = Cast(KeyTextTransform("sitzung", "parameter"), IntegerField())


class BerichtQuerySet(models.QuerySet):
    def aktuell(self):
        """Only the latest version of each number."""
        return self.filter(ersetzt_durch__isnull=True)

    def oeffentlich(self):
        """What the public may download: reports published as public, not withdrawn, not replaced by a newer
        version (a correction may blacken a name), and no documentation of a meeting that was withdrawn."""
        return (self.filter(oeffentlich=True).gueltig().alias(_sitzung=_SITZUNG)
                .exclude(Exists(Sitzung.objects.filter(pk=OuterRef("_sitzung"), zurueckgezogen_am__isnull=False))))

    def oeffentlich_mit_zurueckgezogenen(self):
        """Every report ever published as public; OParl shows those no longer public as deleted
        (`mit_ende` says since when)."""
        return self.filter(oeffentlich=True)

    def mit_ende(self):
        """Annotates `ungueltig_seit`: when the report stopped being valid for the public (withdrawn, replaced
        by a newer version, or the documentation of a meeting withdrawn since), None while it is valid."""
        sitzung_zurueckgezogen = Subquery(Sitzung.objects.filter(pk=OuterRef("_sitzung"))
                                          .values("zurueckgezogen_am")[:1])
        return self.alias(_sitzung=_SITZUNG).annotate(
            ungueltig_seit=Coalesce("zurueckgezogen_am", "ersetzt_durch__created", sitzung_zurueckgezogen))

    def gueltig(self):
        """Neither withdrawn nor replaced by a newer version."""
        return self.filter(zurueckgezogen_am__isnull=True, ersetzt_durch__isnull=True)

    def sichtbar_fuer(self, user):
        """Staff see every report, withdrawn and replaced versions too; council and managers every valid one;
        everyone else the public ones (not by area)."""
        if kann_zurueckgezogene_berichte_sehen(user):
            return self.all()
        return self.gueltig() if kann_nichtoeffentliche_berichte_lesen(user) else self.oeffentlich()

    def bearbeitbar_fuer(self, user):
        """A published report never changes; staff correct it with a new version."""
        return self.all() if kann_berichte_erstellen(user) else self.none()


class Bericht(Zeitstempel):
    """A published report: its PDF never changes; a correction is a new version of the same number."""

    art = models.CharField("Art", max_length=30, choices=Berichtsart.choices)
    titel = models.CharField("Titel", max_length=300)
    jahr = models.PositiveSmallIntegerField("Jahr")
    laufnummer = models.PositiveIntegerField("Laufnummer")
    version = models.PositiveSmallIntegerField("Version", default=1)
    ersetzt = models.OneToOneField("self", verbose_name="ersetzt Version", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="ersetzt_durch")
    parameter = models.JSONField("Parameter", default=dict, blank=True)
    datum = models.DateField("Datum")
    verfasst_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="veröffentlicht von", null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="+")
    oeffentlich = models.BooleanField("öffentlich", default=False)
    datei = models.FileField("PDF-Datei", upload_to=ablagepfad, max_length=200)
    dateiname = models.CharField("Dateiname beim Herunterladen", max_length=250)
    sha256 = models.CharField("SHA-256", max_length=64)
    sha512 = models.CharField("SHA-512", max_length=128, blank=True)
    seiten = models.PositiveIntegerField("Seiten")
    dateigroesse = models.PositiveIntegerField("Dateigröße (Bytes)")
    gebiet = models.ForeignKey(Gebiet, verbose_name="Gebiet", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="berichte")
    programm = models.ForeignKey(Foerderprogramm, verbose_name="Förderprogramm", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="berichte")
    vorlage = models.ForeignKey(Ratsvorlage, verbose_name="Ratsvorlage", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="berichte")
    zurueckgezogen_am = models.DateTimeField("zurückgezogen am", null=True, blank=True)
    rueckzugsgrund = models.TextField("Grund des Rückzugs", blank=True)

    objects = BerichtQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "Bericht"
        verbose_name_plural = "Berichte"
        ordering = ["-jahr", "-laufnummer", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["jahr", "laufnummer", "version"], name="bericht_nummer_version_eindeutig",
                                    violation_error_message="Diese Berichtsnummer und Version gibt es schon."),
            models.CheckConstraint(condition=Q(laufnummer__gte=1) & Q(version__gte=1) & Q(seiten__gte=1),
                                   name="bericht_zaehler_positiv",
                                   violation_error_message="Laufnummer, Version und Seitenzahl beginnen bei 1."),
            models.CheckConstraint(
                condition=Q(version=1, ersetzt__isnull=True) | Q(version__gt=1, ersetzt__isnull=False),
                name="bericht_neue_version_ersetzt_alte",
                violation_error_message="Nur eine neue Version ersetzt eine frühere, und sie muss es tun.",
            ),
            models.CheckConstraint(condition=Q(jahr__gte=1990) & Q(jahr__lte=2100), name="bericht_jahr_plausibel",
                                   violation_error_message="Das Jahr muss zwischen 1990 und 2100 liegen."),
            models.CheckConstraint(condition=~Q(ersetzt=F("id")), name="bericht_ersetzt_nicht_sich_selbst",
                                   violation_error_message="Ein Bericht kann sich nicht selbst ersetzen."),
            models.CheckConstraint(condition=Q(zurueckgezogen_am__isnull=True) | ~Q(rueckzugsgrund=""),
                                   name="bericht_rueckzug_mit_grund",
                                   violation_error_message="Ein Bericht wird nur mit Grund zurückgezogen."),
        ]

    def __str__(self) -> str:
        return f"{self.nummer} {self.titel}" + (f" (Version {self.version})" if self.version > 1 else "")

    @property
    def nummer(self) -> str:
        return f"{self.jahr}/{self.laufnummer:04d}"

    @property
    def zurueckgezogen(self) -> bool:
        return self.zurueckgezogen_am is not None

    UNVERAENDERLICH = ("art", "jahr", "laufnummer", "version", "datei", "sha256", "sha512", "seiten", "parameter")

    def save(self, *args, **kwargs):
        if self.pk is not None:
            gespeichert = Bericht.objects.filter(pk=self.pk).values(*self.UNVERAENDERLICH).first()
            jetzt = {f: self.datei.name if f == "datei" else getattr(self, f) for f in self.UNVERAENDERLICH}
            if gespeichert is not None and gespeichert != jetzt:
                raise ValidationError("Ein veröffentlichter Bericht wird nicht verändert; eine Korrektur wird als "
                                      "neue Version veröffentlicht.")
        super().save(*args, **kwargs)


class VeroeffentlichungsauftragQuerySet(models.QuerySet):
    def offen(self):
        return self.filter(status__in=[Veroeffentlichungsauftrag.Status.WARTEND, Veroeffentlichungsauftrag.Status.LAEUFT])

    def sichtbar_fuer(self, user):
        return self.all() if kann_berichte_erstellen(user) else self.none()

    def bearbeitbar_fuer(self, user):
        return self.sichtbar_fuer(user)


class Veroeffentlichungsauftrag(Zeitstempel):
    """A report waiting in the task queue to be rendered and published (or a correction of one)."""

    class Status(models.TextChoices):
        WARTEND = "wartend", "wartet auf die Erstellung"
        LAEUFT = "laeuft", "wird erstellt"
        FERTIG = "fertig", "veröffentlicht"
        FEHLGESCHLAGEN = "fehlgeschlagen", "nicht veröffentlicht"

    art = models.CharField("Art", max_length=30, choices=Berichtsart.choices)
    titel = models.CharField("Titel", max_length=300)
    parameter = models.JSONField("Parameter", default=dict, blank=True)
    oeffentlich = models.BooleanField("öffentlich", default=False)
    ersetzt = models.ForeignKey(Bericht, verbose_name="korrigiert", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="korrekturauftraege")
    beauftragt_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="beauftragt von", null=True,
                                       blank=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField("Stand", max_length=20, choices=Status.choices, default=Status.WARTEND)
    meldung = models.TextField("Meldung", blank=True)
    bericht = models.OneToOneField(Bericht, verbose_name="Bericht", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="auftrag")
    gestartet_am = models.DateTimeField("gestartet am", null=True, blank=True)
    beendet_am = models.DateTimeField("beendet am", null=True, blank=True)

    objects = VeroeffentlichungsauftragQuerySet.as_manager()

    class Meta:
        verbose_name = "Veröffentlichungsauftrag"
        verbose_name_plural = "Veröffentlichungsaufträge"
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"{self.titel} ({self.get_status_display()})"

    @property
    def abgeschlossen(self) -> bool:
        return self.status in (self.Status.FERTIG, self.Status.FEHLGESCHLAGEN)
