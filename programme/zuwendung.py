"""Grants as § 44 LHO/BHO has them: operators as applicants, financing plans, the type of financing of a
grant, early start, de-minimis programmes, staff text blocks and the written notices (Bescheide).

Imported at the end of programme.models, so Django registers these models with the app.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from kern.bankverbindung import bankverbindung_pruefen, iban_lesbar, iban_maskiert
from kern.rollen import ist_quartiersmanagement, ist_verwaltung
from quartiere.models import Gebiet, Organisation, Zeitstempel, ende_nicht_vor_beginn, nicht_negativ
from quartiere.zugriff import GebietsbezogenQuerySet, eigene_gebiet_ids

from .models import Bewilligung, Foerderprogramm, OhneGebietQuerySet, Projekt, geldfeld, jahr_plausibel


class Rechtsform(models.TextChoices):
    VEREIN = "ev", "eingetragener Verein (e. V.)"
    GGMBH = "ggmbh", "gemeinnützige GmbH"
    GMBH = "gmbh", "GmbH"
    STIFTUNG = "stiftung", "Stiftung"
    GENOSSENSCHAFT = "eg", "eingetragene Genossenschaft (eG)"
    KOERPERSCHAFT = "kdoer", "Körperschaft des öffentlichen Rechts"
    KOMMUNE = "kommune", "Gemeinde / Gemeindeverband"
    SONSTIGE = "sonstige", "Sonstige"


class Traegerdaten(Zeitstempel):
    """What a notice needs of an operator that applies: postal address, legal form, contact, bank account."""

    organisation = models.OneToOneField(Organisation, verbose_name="Organisation", on_delete=models.CASCADE,
                                        related_name="traegerdaten")
    rechtsform = models.CharField("Rechtsform", max_length=20, choices=Rechtsform.choices)
    strasse = models.CharField("Straße und Hausnummer", max_length=200)
    plz = models.CharField("PLZ", max_length=5)
    ort = models.CharField("Ort", max_length=100)
    ansprechperson = models.CharField("Ansprechperson", max_length=200, blank=True)
    email = models.EmailField("E-Mail", blank=True)
    iban = models.CharField("IBAN", max_length=34)
    bic = models.CharField("BIC", max_length=11)
    registernummer = models.CharField("Registernummer", max_length=120, blank=True,
                                      help_text="z. B. „VR 4711, Amtsgericht Bremen“")
    history = HistoricalRecords()

    objects = OhneGebietQuerySet.as_manager()

    class Meta:
        verbose_name = "Trägerangaben"
        verbose_name_plural = "Trägerangaben"
        constraints = [
            models.CheckConstraint(condition=Q(plz__regex=r"^[0-9]{5}$"), name="traeger_plz_fuenfstellig",
                                   violation_error_message="Die Postleitzahl hat fünf Ziffern."),
        ]

    def __str__(self) -> str:
        return f"Trägerangaben {self.organisation}"

    def clean(self):
        bankverbindung_pruefen(self)

    @property
    def anschrift(self) -> list[str]:
        return [self.organisation.name, self.strasse, f"{self.plz} {self.ort}"]

    @property
    def ist_kommune(self) -> bool:
        """Municipalities get ANBest-K, everyone else ANBest-P."""
        return self.rechtsform == Rechtsform.KOMMUNE

    @property
    def iban_lesbar(self) -> str:
        return iban_lesbar(self.iban)

    @property
    def iban_maskiert(self) -> str:
        return iban_maskiert(self.iban)


class Finanzierungsart(models.TextChoices):
    ANTEIL = "anteil", "Anteilfinanzierung"
    FEHLBEDARF = "fehlbedarf", "Fehlbedarfsfinanzierung"
    FESTBETRAG = "festbetrag", "Festbetragsfinanzierung"
    VOLL = "voll", "Vollfinanzierung"


class Programmvorgaben(Zeitstempel):
    """A programme's defaults for its grants under grant law."""

    programm = models.OneToOneField(Foerderprogramm, verbose_name="Förderprogramm", on_delete=models.CASCADE,
                                    related_name="vorgaben")
    finanzierungsart = models.CharField("Finanzierungsart (Vorgabe)", max_length=20, choices=Finanzierungsart.choices,
                                        default=Finanzierungsart.FEHLBEDARF)
    foerderquote = models.DecimalField("Förderanteil bei Anteilfinanzierung (%)", max_digits=5, decimal_places=2,
                                       null=True, blank=True, help_text="leer: der höchste Förderanteil des Programms")
    de_minimis = models.BooleanField("De-minimis-Beihilfe", default=False,
                                     help_text="Zuwendungen zählen zur De-minimis-Summe des Trägers (drei Jahre)")
    # Proof of use (programme.nachweis): totals per plan category may replace the receipts.
    einfacher_nachweis = models.BooleanField(
        "einfacher Verwendungsnachweis erlaubt", default=False,
        help_text="der zahlenmäßige Nachweis darf aus Summen je Kategorie bestehen, ohne Belegliste")
    # Deadlines (programme.fristen): interim proof by a day of the following year, proof of use some months
    # after the funding period.
    zwischennachweis_monat = models.PositiveSmallIntegerField(
        "Zwischennachweis fällig im Monat des Folgejahres", default=4)
    zwischennachweis_tag = models.PositiveSmallIntegerField(
        "Zwischennachweis fällig am Tag", default=30, help_text="mit dem Monat: Vorgabe 30.04. des Folgejahres")
    nachweis_frist_monate = models.PositiveSmallIntegerField(
        "Verwendungsnachweis fällig Monate nach dem Bewilligungszeitraum", default=6)
    # Calling funds (programme.mittelabruf_services): the spending window, instalments, the held-back final part.
    abruf_frist = models.PositiveSmallIntegerField(
        "Verwendungsfrist abgerufener Mittel", default=6,
        help_text="Mittel werden nur für Ausgaben abgerufen, die binnen dieser Frist nach dem Abruf anfallen")
    abruf_frist_einheit = models.CharField("Einheit der Verwendungsfrist", max_length=10,
                                           choices=[("tage", "Tage"), ("wochen", "Wochen"), ("monate", "Monate")],
                                           default="wochen")
    abruf_teilbetraege = models.BooleanField("Abruf in Teilbeträgen", default=True,
                                             help_text="aus: die Zuwendung wird in einem einzigen Abruf ausgezahlt")
    abruf_schlussrate = models.DecimalField(
        "Schlussrate (%)", max_digits=5, decimal_places=2, default=Decimal("10.00"),
        help_text="Anteil der Zuwendung, der erst nach Prüfung des Verwendungsnachweises abgerufen werden kann "
                  "(0: keiner)")

    objects = OhneGebietQuerySet.as_manager()

    class Meta:
        verbose_name = "Vorgaben des Programms"
        verbose_name_plural = "Vorgaben der Programme"
        constraints = [
            models.CheckConstraint(condition=Q(abruf_frist__gt=0), name="vorgaben_abruf_frist_positiv",
                                   violation_error_message="Die Verwendungsfrist abgerufener Mittel muss mindestens "
                                                           "einen Tag betragen."),
            models.CheckConstraint(condition=Q(abruf_schlussrate__gte=0) & Q(abruf_schlussrate__lt=100),
                                   name="vorgaben_schlussrate_0_bis_100",
                                   violation_error_message="Die Schlussrate liegt zwischen 0 und unter 100 %%."),
            models.CheckConstraint(
                condition=Q(foerderquote__isnull=True) | (Q(foerderquote__gt=0) & Q(foerderquote__lte=100)),
                name="vorgaben_quote_0_bis_100",
                violation_error_message="Der Förderanteil muss größer als 0 und höchstens 100 %% sein."),
            models.CheckConstraint(
                condition=Q(zwischennachweis_monat__gte=1) & Q(zwischennachweis_monat__lte=12)
                & Q(zwischennachweis_tag__gte=1) & Q(zwischennachweis_tag__lte=31)
                & (Q(zwischennachweis_monat__in=[1, 3, 5, 7, 8, 10, 12]) | Q(zwischennachweis_tag__lte=30))
                & (~Q(zwischennachweis_monat=2) | Q(zwischennachweis_tag__lte=28)),
                name="vorgaben_zwischennachweis_tag_gueltig",
                violation_error_message="Tag und Monat des Zwischennachweises ergeben kein Datum (29.02. gibt es "
                                        "nicht in jedem Jahr)."),
            models.CheckConstraint(condition=Q(nachweis_frist_monate__lte=60), name="vorgaben_nachweisfrist_plausibel",
                                   violation_error_message="Die Frist des Verwendungsnachweises ist höchstens "
                                                           "60 Monate lang."),
        ]

    def __str__(self) -> str:
        return f"Vorgaben {self.programm}"


class ProjektbezogenQuerySet(GebietsbezogenQuerySet):
    gebiet_pfad = "projekt__gebiet"


class Finanzierungsplan(Zeitstempel):
    """One version of a project's financing plan; a change is a new version, the old ones stay."""

    projekt = models.ForeignKey(Projekt, verbose_name="Projekt", on_delete=models.CASCADE,
                                related_name="finanzierungsplaene")
    version = models.PositiveSmallIntegerField("Version")
    erstellt_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="erstellt von", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")

    objects = ProjektbezogenQuerySet.as_manager()

    class Meta:
        verbose_name = "Finanzierungsplan"
        verbose_name_plural = "Finanzierungspläne"
        ordering = ["projekt", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["projekt", "version"], name="finanzierungsplan_version_eindeutig",
                                    violation_error_message="Diese Version des Finanzierungsplans gibt es schon."),
        ]

    def __str__(self) -> str:
        return f"Finanzierungsplan {self.projekt} (Version {self.version})"


class Planposition(Zeitstempel):
    class Kategorie(models.TextChoices):
        PERSONAL = "personal", "Personalausgaben"
        SACHKOSTEN = "sachkosten", "Sachausgaben"
        HONORARE = "honorare", "Honorare"
        INVESTITIONEN = "investitionen", "Investitionen"
        SONSTIGE = "sonstige", "Sonstige Ausgaben"
        EIGENMITTEL = "eigenmittel", "Eigenmittel"
        DRITTMITTEL = "drittmittel", "Drittmittel"
        ZUWENDUNG = "zuwendung", "beantragte Zuwendung"

    AUSGABEN = frozenset({"personal", "sachkosten", "honorare", "investitionen", "sonstige"})

    plan = models.ForeignKey(Finanzierungsplan, verbose_name="Finanzierungsplan", on_delete=models.CASCADE,
                             related_name="positionen")
    kategorie = models.CharField("Kategorie", max_length=20, choices=Kategorie.choices)
    bezeichnung = models.CharField("Bezeichnung", max_length=200, blank=True)
    jahr = models.PositiveSmallIntegerField("Jahr")
    betrag = geldfeld("Betrag (€)")
    quelle = models.CharField("Geldgeber der Drittmittel", max_length=200, blank=True)
    programm = models.ForeignKey(Foerderprogramm, verbose_name="Förderprogramm", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "Position des Finanzierungsplans"
        verbose_name_plural = "Positionen des Finanzierungsplans"
        ordering = ["plan", "jahr", "id"]
        constraints = [
            nicht_negativ("betrag", "planposition_nicht_negativ"),
            jahr_plausibel("planposition_jahr_plausibel"),
            models.CheckConstraint(condition=Q(kategorie="zuwendung", programm__isnull=False)
                                   | (~Q(kategorie="zuwendung") & Q(programm__isnull=True)),
                                   name="planposition_zuwendung_mit_programm",
                                   violation_error_message="Eine beantragte Zuwendung nennt ihr Förderprogramm, "
                                                           "andere Positionen keines."),
            models.CheckConstraint(condition=~Q(kategorie="drittmittel") | ~Q(quelle=""),
                                   name="planposition_drittmittel_mit_quelle",
                                   violation_error_message="Drittmittel nennen ihren Geldgeber."),
        ]

    def __str__(self) -> str:
        return f"{self.get_kategorie_display()} {self.jahr}: {self.bezeichnung}"

    @property
    def ist_ausgabe(self) -> bool:
        return self.kategorie in self.AUSGABEN


class BewilligungsbezogenQuerySet(GebietsbezogenQuerySet):
    gebiet_pfad = "bewilligung__gebiet"


class Zuwendung(Zeitstempel):
    """What grant law adds to a grant: its type of financing and its funding period."""

    bewilligung = models.OneToOneField(Bewilligung, verbose_name="Bewilligung", on_delete=models.CASCADE,
                                       related_name="zuwendung")
    finanzierungsart = models.CharField("Finanzierungsart", max_length=20, choices=Finanzierungsart.choices)
    foerderquote = models.DecimalField("Förderanteil (%)", max_digits=5, decimal_places=2, null=True, blank=True)
    festbetrag = geldfeld("Festbetrag (€)", null=True, blank=True,
                          help_text="leer: der bewilligte Betrag ist der Festbetrag")
    beginn = models.DateField("Bewilligungszeitraum von")
    ende = models.DateField("Bewilligungszeitraum bis")
    history = HistoricalRecords()

    objects = BewilligungsbezogenQuerySet.as_manager()

    class Meta:
        verbose_name = "Zuwendung"
        verbose_name_plural = "Zuwendungen"
        constraints = [
            ende_nicht_vor_beginn("zuwendung_zeitraum"),
            models.CheckConstraint(condition=~Q(finanzierungsart="anteil") | Q(foerderquote__isnull=False),
                                   name="zuwendung_anteil_mit_quote",
                                   violation_error_message="Eine Anteilfinanzierung braucht einen Förderanteil."),
            models.CheckConstraint(
                condition=Q(foerderquote__isnull=True) | (Q(foerderquote__gt=0) & Q(foerderquote__lte=100)),
                name="zuwendung_quote_0_bis_100",
                violation_error_message="Der Förderanteil muss größer als 0 und höchstens 100 %% sein."),
            nicht_negativ("festbetrag", "zuwendung_festbetrag_nicht_negativ"),
        ]

    def __str__(self) -> str:
        return f"{self.get_finanzierungsart_display()}: {self.bewilligung}"


class VorzeitigerBeginn(Zeitstempel):
    """Staff's permission for an early start (vorzeitiger Maßnahmebeginn) of a project."""

    projekt = models.OneToOneField(Projekt, verbose_name="Projekt", on_delete=models.CASCADE,
                                   related_name="vorzeitiger_beginn")
    erlaubt_am = models.DateField("zugelassen am")
    erlaubt_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="zugelassen von", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    bemerkung = models.CharField("Bemerkung", max_length=250, blank=True)
    history = HistoricalRecords()

    objects = ProjektbezogenQuerySet.as_manager()

    class Meta:
        verbose_name = "vorzeitiger Maßnahmebeginn"
        verbose_name_plural = "vorzeitige Maßnahmebeginne"

    def __str__(self) -> str:
        return f"Vorzeitiger Maßnahmebeginn {self.projekt} ({self.erlaubt_am:%d.%m.%Y})"


# --- text blocks -------------------------------------------------------------------------------

PLATZHALTER = {
    "traeger": "Name des Trägers",
    "projekt": "Titel des Projekts",
    "programm": "Name des Förderprogramms",
    "betrag": "bewilligter Betrag in Ziffern",
    "betrag_in_worten": "bewilligter Betrag in Worten",
    "beginn": "Beginn des Bewilligungszeitraums",
    "ende": "Ende des Bewilligungszeitraums",
    "nachweis_bis": "Frist des Verwendungsnachweises",
    "aktenzeichen": "Aktenzeichen",
    "datum": "Datum des Bescheids",
    "stadt": "Stadt",
    "behoerde": "bewilligende Stelle",
}
_PLATZHALTER_MUSTER = re.compile(r"\{([^{}]*)\}")
UNBEKANNTE_PLATZHALTER = "Unbekannte Platzhalter: {namen}. Möglich sind: {moeglich}."


def unbekannte_platzhalter(text: str) -> list[str]:
    return sorted({name.strip() for name in _PLATZHALTER_MUSTER.findall(text)} - set(PLATZHALTER))


def platzhalter_fuellen(text: str, werte: dict[str, str]) -> str:
    return _PLATZHALTER_MUSTER.sub(lambda m: werte.get(m.group(1).strip(), m.group(0)), text)


class Textbaustein(Zeitstempel):
    """Text that staff keep for the notices: conditions and payout rules per programme, legal remedies per city."""

    class Art(models.TextChoices):
        NEBENBESTIMMUNGEN = "nebenbestimmungen", "Nebenbestimmungen (je Programm)"
        AUSZAHLUNG = "auszahlung", "Auszahlungsregeln (je Programm)"
        RECHTSBEHELF = "rechtsbehelf", "Rechtsbehelfsbelehrung (je Stadt)"

    art = models.CharField("Art", max_length=20, choices=Art.choices)
    programm = models.ForeignKey(Foerderprogramm, verbose_name="Förderprogramm", null=True, blank=True,
                                 on_delete=models.CASCADE, related_name="textbausteine")
    stadt = models.ForeignKey(Gebiet, verbose_name="Stadt", null=True, blank=True, on_delete=models.CASCADE,
                              related_name="textbausteine", limit_choices_to={"art": Gebiet.Art.STADT})
    text = models.TextField("Text", help_text="Platzhalter in geschweiften Klammern, z. B. {traeger} oder {betrag}")
    history = HistoricalRecords()

    objects = OhneGebietQuerySet.as_manager()

    class Meta:
        verbose_name = "Textbaustein"
        verbose_name_plural = "Textbausteine"
        ordering = ["art", "stadt__name", "programm__kurzname"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(art="rechtsbehelf") & Q(stadt__isnull=False) & Q(programm__isnull=True))
                | (~Q(art="rechtsbehelf") & Q(stadt__isnull=True) & Q(programm__isnull=False)),
                name="textbaustein_bezug",
                violation_error_message="Die Rechtsbehelfsbelehrung gilt je Stadt, die anderen Textbausteine je "
                                        "Förderprogramm."),
            models.UniqueConstraint(fields=["art", "programm"], condition=Q(programm__isnull=False),
                                    name="textbaustein_eindeutig_je_programm",
                                    violation_error_message="Diesen Textbaustein gibt es für das Programm schon."),
            models.UniqueConstraint(fields=["art", "stadt"], condition=Q(stadt__isnull=False),
                                    name="textbaustein_eindeutig_je_stadt",
                                    violation_error_message="Diesen Textbaustein gibt es für die Stadt schon."),
        ]

    def __str__(self) -> str:
        bezug = self.stadt if self.stadt_id else self.programm
        return f"{self.get_art_display()}: {bezug}"

    def clean(self):
        unbekannt = unbekannte_platzhalter(self.text or "")
        if unbekannt:
            raise ValidationError({"text": UNBEKANNTE_PLATZHALTER.format(
                namen=", ".join(f"{{{n}}}" for n in unbekannt),
                moeglich=", ".join(f"{{{n}}}" for n in PLATZHALTER))})


# --- notices -----------------------------------------------------------------------------------

class Bescheidnummernkreis(Zeitstempel):
    """The last notice number given in a year; its row is locked while a number is drawn."""

    jahr = models.PositiveSmallIntegerField("Jahr", unique=True)
    letzte_laufnummer = models.PositiveIntegerField("zuletzt vergebene Laufnummer", default=0)

    class Meta:
        verbose_name = "Nummernkreis der Bescheide"
        verbose_name_plural = "Nummernkreise der Bescheide"

    def __str__(self) -> str:
        return f"Bescheide {self.jahr}: zuletzt {self.letzte_laufnummer:04d}"


def bescheidpfad(bescheid: "Bescheid", dateiname: str) -> str:
    return f"bescheide/{bescheid.jahr}/{bescheid.jahr}-{bescheid.laufnummer:04d}-v{bescheid.version}.pdf"


class BescheidQuerySet(BewilligungsbezogenQuerySet):
    def aktuell(self):
        return self.filter(ersetzt_durch__isnull=True)

    def sichtbar_fuer(self, user):
        """Never public and not for council: staff all, managers those of their areas' projects."""
        if ist_verwaltung(user):
            return self.all()
        if ist_quartiersmanagement(user):
            return self.filter(bewilligung__projekt__gebiet_id__in=eigene_gebiet_ids(user))
        return self.none()

    def bearbeitbar_fuer(self, user):
        return self.all() if ist_verwaltung(user) else self.none()


class Bescheid(Zeitstempel):
    """A written notice on a grant. Its PDF never changes; a change is an amending notice, a new version
    of the same number that replaces the previous one."""

    class Art(models.TextChoices):
        ZUWENDUNG = "zuwendungsbescheid", "Zuwendungsbescheid"
        AENDERUNG = "aenderungsbescheid", "Änderungsbescheid"
        ABLEHNUNG = "ablehnungsbescheid", "Ablehnungsbescheid"
        RUECKFORDERUNG = "rueckforderung", "Rückforderungsbescheid"  # programme.rueckforderung

    bewilligung = models.ForeignKey(Bewilligung, verbose_name="Bewilligung", on_delete=models.PROTECT,
                                    related_name="bescheide")
    art = models.CharField("Art", max_length=20, choices=Art.choices)
    jahr = models.PositiveSmallIntegerField("Jahr")
    laufnummer = models.PositiveIntegerField("Laufnummer")
    version = models.PositiveSmallIntegerField("Version", default=1)
    ersetzt = models.OneToOneField("self", verbose_name="ersetzt Version", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="ersetzt_durch")
    aktenzeichen = models.CharField("Aktenzeichen", max_length=80)
    datum = models.DateField("Datum")
    begruendung = models.TextField("Gründe / Anlass", blank=True)
    datei = models.FileField("PDF-Datei", upload_to=bescheidpfad, max_length=200)
    dateiname = models.CharField("Dateiname beim Herunterladen", max_length=250)
    sha256 = models.CharField("SHA-256", max_length=64)
    seiten = models.PositiveIntegerField("Seiten")
    dateigroesse = models.PositiveIntegerField("Dateigröße (Bytes)")
    erstellt_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="erlassen von", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    versandt_am = models.DateField("versandt am", null=True, blank=True)
    verzicht_am = models.DateField("Rechtsbehelfsverzicht am", null=True, blank=True)
    bestandskraeftig_am = models.DateField("bestandskräftig ab", null=True, blank=True)

    objects = BescheidQuerySet.as_manager()

    class Meta:
        verbose_name = "Bescheid"
        verbose_name_plural = "Bescheide"
        ordering = ["-jahr", "-laufnummer", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["jahr", "laufnummer", "version"], name="bescheid_nummer_version_eindeutig",
                                    violation_error_message="Diese Bescheidnummer und Version gibt es schon."),
            models.CheckConstraint(
                condition=Q(version=1, ersetzt__isnull=True) | Q(version__gt=1, ersetzt__isnull=False),
                name="bescheid_neue_version_ersetzt_alte",
                violation_error_message="Nur ein Änderungsbescheid ersetzt einen früheren, und er muss es tun."),
            models.CheckConstraint(condition=Q(versandt_am__isnull=True) | Q(versandt_am__gte=F("datum")),
                                   name="bescheid_versand_nicht_vor_datum",
                                   violation_error_message="Ein Bescheid kann nicht vor seinem Datum versandt sein."),
            models.CheckConstraint(condition=Q(verzicht_am__isnull=True) | Q(versandt_am__isnull=False),
                                   name="bescheid_verzicht_nach_versand",
                                   violation_error_message="Auf Rechtsbehelfe verzichtet man erst nach dem Versand."),
        ]

    def __str__(self) -> str:
        return f"{self.get_art_display()} {self.nummer}" + (f" (Version {self.version})" if self.version > 1 else "")

    @property
    def nummer(self) -> str:
        return f"{self.jahr}/{self.laufnummer:04d}"

    UNVERAENDERLICH = ("art", "jahr", "laufnummer", "version", "datei", "sha256", "seiten", "aktenzeichen",
                       "bewilligung_id", "datum")

    def save(self, *args, **kwargs):
        if self.pk is not None:
            gespeichert = Bescheid.objects.filter(pk=self.pk).values(*self.UNVERAENDERLICH).first()
            jetzt = {f: self.datei.name if f == "datei" else getattr(self, f) for f in self.UNVERAENDERLICH}
            if gespeichert is not None and gespeichert != jetzt:
                raise ValidationError("Ein erlassener Bescheid wird nicht verändert; eine Änderung ergeht als "
                                      "Änderungsbescheid.")
        super().save(*args, **kwargs)
