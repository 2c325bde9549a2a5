from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q, Sum
from django.db.models.functions import Coalesce
from simple_history.models import HistoricalRecords

from quartiere.models import Gebiet, Organisation, Person, Zeitstempel, ende_nicht_vor_beginn, nicht_negativ
from quartiere.zugriff import GebietsbezogenQuerySet

NULL_EURO = Decimal("0.00")


def geldfeld(verbose_name: str, **kwargs) -> models.DecimalField:
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **kwargs)


def jahr_plausibel(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(jahr__gte=2000) & Q(jahr__lte=2100), name=name,
                                  violation_error_message="Das Jahr muss zwischen 2000 und 2100 liegen.")


def summe(queryset: models.QuerySet, feld: str) -> Decimal:
    return queryset.aggregate(s=Coalesce(Sum(feld), NULL_EURO, output_field=models.DecimalField()))["s"]


class OhneGebietQuerySet(GebietsbezogenQuerySet):
    """Programmes and vocabularies belong to no area: every role sees them, staff change them."""

    gebiet_pfad = None


class Foerderprogramm(Zeitstempel):
    class Geldgeber(models.TextChoices):
        STADT = "stadt", "Stadt"
        LAND = "land", "Land"
        BUND = "bund", "Bund"
        EU = "eu", "Europäische Union"
        KRANKENKASSEN = "krankenkassen", "Krankenkassen (Präventionsgesetz)"
        STIFTUNG = "stiftung", "Stiftung"
        SONSTIGE = "sonstige", "Sonstige"

    name = models.CharField("Name", max_length=250)
    kurzname = models.CharField("Kurzname", max_length=40)
    stadt = models.ForeignKey(Gebiet, verbose_name="Stadt", on_delete=models.PROTECT, related_name="foerderprogramme",
                              limit_choices_to={"art": Gebiet.Art.STADT})
    geldgeber = models.CharField("Geldgeber", max_length=20, choices=Geldgeber.choices)
    zustaendig = models.ForeignKey(Organisation, verbose_name="zuständige Stelle", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="foerderprogramme")
    beginn = models.DateField("Förderperiode von")
    ende = models.DateField("Förderperiode bis", null=True, blank=True)
    ist_verfuegungsfonds = models.BooleanField(
        "Verfügungsfonds", default=False, help_text="Verfügungsmittel, die das Quartiersmanagement vor Ort vergibt"
    )
    beschreibung = models.TextField("Beschreibung", blank=True)
    max_foerderquote = models.DecimalField(
        "höchster Förderanteil (%)", max_digits=5, decimal_places=2, null=True, blank=True,
        help_text="höchster Anteil der Gesamtkosten eines Projekts, den das Programm trägt (WiN: 50)",
    )
    min_betrag = geldfeld("kleinste Bewilligung je Projekt (€)", null=True, blank=True)
    max_betrag = geldfeld("größte Bewilligung je Projekt (€)", null=True, blank=True)
    max_laufzeit_monate = models.PositiveSmallIntegerField("längste Projektlaufzeit (Monate)", null=True, blank=True)
    rueckforderungen_wieder_bewilligbar = models.BooleanField(
        "Rückforderungen im Haushaltsjahr wieder bewilligbar", null=True, blank=True,
        help_text="ob zurückgeforderte Mittel im selben Haushaltsjahr erneut bewilligt werden dürfen; leer: ja bei "
                  "Verfügungsfonds und in Jahren mit lokalen Budgets (Gebietsbudgets), sonst nein",
    )

    objects = OhneGebietQuerySet.as_manager()

    class Meta:
        verbose_name = "Förderprogramm"
        verbose_name_plural = "Förderprogramme"
        ordering = ["kurzname"]
        constraints = [
            models.UniqueConstraint(fields=["stadt", "kurzname"], name="programm_kurzname_eindeutig_je_stadt",
                                    violation_error_message="Ein Programm mit diesem Kurznamen gibt es in der Stadt schon."),
            ende_nicht_vor_beginn("programm_periode"),
            models.CheckConstraint(
                condition=Q(max_foerderquote__isnull=True) | (Q(max_foerderquote__gt=0) & Q(max_foerderquote__lte=100)),
                name="programm_foerderquote_0_bis_100",
                violation_error_message="Der Förderanteil muss größer als 0 und höchstens 100 %% sein.",
            ),
            nicht_negativ("min_betrag", "programm_min_betrag_nicht_negativ"),
            nicht_negativ("max_betrag", "programm_max_betrag_nicht_negativ"),
            models.CheckConstraint(
                condition=Q(min_betrag__isnull=True) | Q(max_betrag__isnull=True) | Q(max_betrag__gte=F("min_betrag")),
                name="programm_min_nicht_ueber_max",
                violation_error_message="Die kleinste Bewilligung darf nicht über der größten liegen.",
            ),
            models.CheckConstraint(
                condition=Q(max_laufzeit_monate__isnull=True) | Q(max_laufzeit_monate__gt=0),
                name="programm_laufzeit_positiv",
                violation_error_message="Die längste Laufzeit muss mindestens einen Monat betragen.",
            ),
        ]

    def __str__(self) -> str:
        return self.kurzname

    @property
    def mittelgeber(self) -> str:
        """Who pays, as pages say it: "Stadt Bremen" rather than the bare choice "Stadt"."""
        return f"Stadt {self.stadt.name}" if self.geldgeber == self.Geldgeber.STADT else self.get_geldgeber_display()

    def rueckfluss(self, *, mit_gebietsbudgets: bool) -> bool:
        """Whether reclaimed money of a year may be granted again in that year (the programme's setting,
        by default yes for disposal funds and for years split into local budgets)."""
        if self.rueckforderungen_wieder_bewilligbar is not None:
            return self.rueckforderungen_wieder_bewilligbar
        return self.ist_verfuegungsfonds or mit_gebietsbudgets

    def rueckfluss_regel(self, *, mit_gebietsbudgets: bool) -> str:
        """The rule on reclaimed money as the programme page states it."""
        if self.rueckfluss(mit_gebietsbudgets=mit_gebietsbudgets):
            regel = "Zurückgeforderte Mittel stehen im selben Haushaltsjahr wieder zur Bewilligung bereit"
        else:
            regel = "Zurückgeforderte Mittel werden im Haushaltsjahr nicht erneut bewilligt; sie mindern nur die Summe"
        if self.rueckforderungen_wieder_bewilligbar is not None:
            grund = "Einstellung des Programms"
        elif self.ist_verfuegungsfonds:
            grund = "Voreinstellung für Verfügungsfonds"
        elif mit_gebietsbudgets:
            grund = "Voreinstellung für lokale Budgets"
        else:
            grund = "Voreinstellung für Programme ohne lokale Budgets"
        return f"{regel} ({grund})."


class ProgrammgebietQuerySet(GebietsbezogenQuerySet):
    gebiet_pfad = "gebiet"


class Programmgebiet(Zeitstempel):
    class Rolle(models.TextChoices):
        FOERDERGEBIET = "foerdergebiet", "Fördergebiet"
        MODELLQUARTIER = "modellquartier", "Modellquartier"
        FLANKIEREND = "flankierend", "flankierende Förderung"

    programm = models.ForeignKey(Foerderprogramm, verbose_name="Förderprogramm", on_delete=models.CASCADE,
                                 related_name="programmgebiete")
    gebiet = models.ForeignKey(Gebiet, verbose_name="Gebiet", on_delete=models.PROTECT, related_name="programmgebiete")
    rolle = models.CharField("Rolle", max_length=20, choices=Rolle.choices, default=Rolle.FOERDERGEBIET)
    beginn = models.DateField("von")
    ende = models.DateField("bis", null=True, blank=True)

    objects = ProgrammgebietQuerySet.as_manager()

    class Meta:
        verbose_name = "Programmgebiet"
        verbose_name_plural = "Programmgebiete"
        ordering = ["programm", "gebiet__name", "beginn"]
        constraints = [
            ende_nicht_vor_beginn("programmgebiet_zeitraum"),
            models.UniqueConstraint(fields=["programm", "gebiet", "beginn"], name="programmgebiet_eindeutig",
                                    violation_error_message="Das Gebiet ist ab diesem Datum schon im Programm."),
        ]

    def __str__(self) -> str:
        return f"{self.gebiet} in {self.programm} ({self.get_rolle_display()})"


class JahresbudgetQuerySet(GebietsbezogenQuerySet):
    # A programme's total budget (no area) is seen by staff and council only, as every row of no area.
    gebiet_pfad = "gebiet"

    def programmbudgets(self):
        return self.filter(gebiet__isnull=True)

    def gebietsbudgets(self):
        return self.filter(gebiet__isnull=False)

    def summe(self) -> Decimal:
        return summe(self, "betrag")


class Jahresbudget(Zeitstempel):
    """Budget of a programme in a year; with an area it is that area's local budget."""

    programm = models.ForeignKey(Foerderprogramm, verbose_name="Förderprogramm", on_delete=models.CASCADE,
                                 related_name="jahresbudgets")
    jahr = models.PositiveSmallIntegerField("Jahr")
    gebiet = models.ForeignKey(Gebiet, verbose_name="Gebiet", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="jahresbudgets", help_text="leer: Gesamtbudget des Programms")
    betrag = geldfeld("Betrag (€)")
    bemerkung = models.CharField("Bemerkung", max_length=250, blank=True)
    history = HistoricalRecords()

    objects = JahresbudgetQuerySet.as_manager()

    class Meta:
        verbose_name = "Jahresbudget"
        verbose_name_plural = "Jahresbudgets"
        ordering = ["programm", "-jahr", "gebiet__name"]
        constraints = [
            nicht_negativ("betrag", "budget_nicht_negativ"),
            jahr_plausibel("budget_jahr_plausibel"),
            models.UniqueConstraint(fields=["programm", "jahr"], condition=Q(gebiet__isnull=True),
                                    name="budget_eindeutig_je_programm_jahr",
                                    violation_error_message="Für dieses Programm und Jahr gibt es schon ein Gesamtbudget."),
            models.UniqueConstraint(fields=["programm", "jahr", "gebiet"], condition=Q(gebiet__isnull=False),
                                    name="budget_eindeutig_je_programm_jahr_gebiet",
                                    violation_error_message="Für dieses Programm, Jahr und Gebiet gibt es schon ein Budget."),
        ]

    def __str__(self) -> str:
        wo = self.gebiet.name if self.gebiet_id else "gesamt"
        return f"{self.programm} {self.jahr} ({wo})"


class VokabularQuerySet(OhneGebietQuerySet):
    def fuer_staedte(self, staedte):
        """The entries offered in these cities (ids or a queryset of cities): their own and the shared ones."""
        return self.filter(Q(staedte__isnull=True) | Q(staedte__in=staedte)).distinct()


def nur_in_staedten():
    return models.ManyToManyField(Gebiet, verbose_name="nur in den Städten", blank=True, related_name="+",
                                  limit_choices_to={"art": Gebiet.Art.STADT},
                                  help_text="leer: in allen Städten angeboten")


class Handlungsfeld(Zeitstempel):
    name = models.CharField("Name", max_length=120, unique=True)
    beschreibung = models.TextField("Beschreibung", blank=True)
    staedte = nur_in_staedten()

    objects = VokabularQuerySet.as_manager()

    class Meta:
        verbose_name = "Handlungsfeld"
        verbose_name_plural = "Handlungsfelder"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Zielgruppe(Zeitstempel):
    name = models.CharField("Name", max_length=120, unique=True)
    staedte = nur_in_staedten()

    objects = VokabularQuerySet.as_manager()

    class Meta:
        verbose_name = "Zielgruppe"
        verbose_name_plural = "Zielgruppen"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProjektQuerySet(GebietsbezogenQuerySet):
    gebiet_pfad = "gebiet"


class Projekt(Zeitstempel):
    class Status(models.TextChoices):
        ENTWURF = "entwurf", "Entwurf"
        BEANTRAGT = "beantragt", "Beantragt"
        BEWILLIGT = "bewilligt", "Bewilligt"
        ABGELEHNT = "abgelehnt", "Abgelehnt"
        LAUFEND = "laufend", "Laufend"
        ABGESCHLOSSEN = "abgeschlossen", "Abgeschlossen"
        NACHWEIS_GEPRUEFT = "nachweis_geprueft", "Nachweis geprüft"

    titel = models.CharField("Titel", max_length=250)
    gebiet = models.ForeignKey(Gebiet, verbose_name="Gebiet", on_delete=models.PROTECT, related_name="projekte")
    traeger = models.ForeignKey(Organisation, verbose_name="Träger", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="projekte")
    ansprechperson = models.ForeignKey(Person, verbose_name="Ansprechperson", null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="projekte")
    handlungsfelder = models.ManyToManyField(Handlungsfeld, verbose_name="Handlungsfelder", blank=True,
                                             related_name="projekte")
    zielgruppen = models.ManyToManyField(Zielgruppe, verbose_name="Zielgruppen", blank=True, related_name="projekte")
    beginn = models.DateField("Beginn")
    ende = models.DateField("Ende")
    beschreibung = models.TextField("Beschreibung", blank=True)
    ziele = models.TextField("Ziele", blank=True)
    gesamtkosten = geldfeld("Gesamtkosten (€)", default=NULL_EURO)
    eigenmittel = geldfeld("Eigenmittel (€)", default=NULL_EURO)
    drittmittel = geldfeld("Drittmittel (€)", default=NULL_EURO)
    teilnehmende_geplant = models.PositiveIntegerField("geplante Teilnehmende", null=True, blank=True)
    teilnehmende_erreicht = models.PositiveIntegerField("erreichte Teilnehmende", null=True, blank=True)
    status = models.CharField("Status", max_length=20, choices=Status.choices, default=Status.ENTWURF)
    erstellt_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="erfasst von", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    history = HistoricalRecords()

    objects = ProjektQuerySet.as_manager()

    class Meta:
        verbose_name = "Projekt"
        verbose_name_plural = "Projekte"
        ordering = ["-beginn", "titel"]
        # The project list's order (its pages are read from the top of this index).
        indexes = [models.Index(models.F("beginn").desc(), "titel", "id", name="projekt_liste_reihenfolge")]
        constraints = [
            ende_nicht_vor_beginn("projekt_zeitraum"),
            nicht_negativ("gesamtkosten", "projekt_gesamtkosten_nicht_negativ"),
            nicht_negativ("eigenmittel", "projekt_eigenmittel_nicht_negativ"),
            nicht_negativ("drittmittel", "projekt_drittmittel_nicht_negativ"),
            models.CheckConstraint(
                condition=Q(gesamtkosten__gte=F("eigenmittel") + F("drittmittel")),
                name="projekt_finanzierung_nicht_ueber_kosten",
                violation_error_message="Eigen- und Drittmittel zusammen dürfen die Gesamtkosten nicht übersteigen.",
            ),
        ]

    def __str__(self) -> str:
        return self.titel


class BewilligungQuerySet(GebietsbezogenQuerySet):
    # The area whose budget the grant counts against (the project's area or one above it).
    gebiet_pfad = "gebiet"

    def im_jahr(self, jahr: int):
        return self.filter(jahr=jahr)

    def bewilligt(self):
        return self.filter(status=Bewilligung.Status.BEWILLIGT)

    def summe(self) -> Decimal:
        """Granted gross: what the notices granted, before any reclaim."""
        return summe(self, "betrag_bewilligt")

    def zurueckgefordert(self) -> Decimal:
        return summe(self, "betrag_zurueckgefordert")

    def belastung(self, *, rueckfluss: bool) -> Decimal:
        """What the grants take from their budget: net of reclaims where reclaimed money may be granted again."""
        return self.summe() - self.zurueckgefordert() if rueckfluss else self.summe()


class Bewilligung(Zeitstempel):
    """A grant: a project's request to a programme for one year and the decision on it."""

    class Status(models.TextChoices):
        BEANTRAGT = "beantragt", "beantragt"
        BEWILLIGT = "bewilligt", "bewilligt"
        ABGELEHNT = "abgelehnt", "abgelehnt"
        ZURUECKGEZOGEN = "zurueckgezogen", "zurückgezogen"

    projekt = models.ForeignKey(Projekt, verbose_name="Projekt", on_delete=models.PROTECT, related_name="bewilligungen")
    programm = models.ForeignKey(Foerderprogramm, verbose_name="Förderprogramm", on_delete=models.PROTECT,
                                 related_name="bewilligungen")
    jahr = models.PositiveSmallIntegerField("Haushaltsjahr")
    gebiet = models.ForeignKey(Gebiet, verbose_name="Gebiet (Budget)", on_delete=models.PROTECT,
                               related_name="bewilligungen",
                               help_text="Gebiet, aus dessen Budget bewilligt wird")
    status = models.CharField("Status", max_length=20, choices=Status.choices, default=Status.BEANTRAGT)
    betrag_beantragt = geldfeld("beantragt (€)")
    betrag_bewilligt = geldfeld("bewilligt (€)", null=True, blank=True)
    betrag_zurueckgefordert = geldfeld("zurückgefordert (€)", default=NULL_EURO,
                                       help_text="Rückforderung aus der Prüfung des Verwendungsnachweises")
    betrag_zurueckgezahlt = geldfeld("zurückgezahlt (€)", default=NULL_EURO,
                                     help_text="vom Träger auf die Rückforderung schon zurückgezahlt")
    beantragt_am = models.DateField("beantragt am", null=True, blank=True)
    beantragt_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="beantragt von", null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+")
    entschieden_am = models.DateField("entschieden am", null=True, blank=True)
    entschieden_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="entschieden von", null=True,
                                        blank=True, on_delete=models.SET_NULL, related_name="+")
    begruendung = models.TextField("Begründung", blank=True)
    history = HistoricalRecords()

    objects = BewilligungQuerySet.as_manager()

    class Meta:
        verbose_name = "Bewilligung"
        verbose_name_plural = "Bewilligungen"
        ordering = ["-jahr", "projekt__titel"]
        indexes = [models.Index(fields=["programm", "jahr", "status", "gebiet"], name="bewilligung_auswertung"),
                   # The start page's sums of a year over all programmes.
                   models.Index(fields=["jahr", "status"], name="bewilligung_jahr_status")]
        constraints = [
            nicht_negativ("betrag_beantragt", "bewilligung_beantragt_nicht_negativ"),
            nicht_negativ("betrag_bewilligt", "bewilligung_bewilligt_nicht_negativ"),
            models.CheckConstraint(
                condition=Q(betrag_bewilligt__isnull=True) | Q(betrag_bewilligt__lte=F("betrag_beantragt")),
                name="bewilligung_nicht_ueber_antrag",
                violation_error_message="Der bewilligte Betrag darf den beantragten nicht übersteigen.",
            ),
            models.CheckConstraint(
                condition=~Q(status="bewilligt") | Q(betrag_bewilligt__isnull=False),
                name="bewilligung_mit_betrag",
                violation_error_message="Eine Bewilligung braucht einen bewilligten Betrag.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["beantragt", "zurueckgezogen"]) | Q(entschieden_am__isnull=False),
                name="bewilligung_entscheidung_mit_datum",
                violation_error_message="Eine Entscheidung braucht ein Datum.",
            ),
            models.CheckConstraint(
                condition=Q(status="bewilligt") | Q(betrag_bewilligt__isnull=True),
                name="bewilligung_betrag_nur_wenn_bewilligt",
                violation_error_message="Einen bewilligten Betrag hat nur eine bewilligte Förderung.",
            ),
            nicht_negativ("betrag_zurueckgefordert", "bewilligung_rueckforderung_nicht_negativ"),
            nicht_negativ("betrag_zurueckgezahlt", "bewilligung_rueckzahlung_nicht_negativ"),
            models.CheckConstraint(
                condition=Q(betrag_zurueckgefordert=0) | Q(betrag_bewilligt__gte=F("betrag_zurueckgefordert")),
                name="bewilligung_rueckforderung_nicht_ueber_bewilligt",
                violation_error_message="Zurückgefordert werden kann höchstens der bewilligte Betrag.",
            ),
            models.CheckConstraint(
                condition=Q(betrag_zurueckgezahlt__lte=F("betrag_zurueckgefordert")),
                name="bewilligung_rueckzahlung_nicht_ueber_rueckforderung",
                violation_error_message="Zurückgezahlt werden kann höchstens, was zurückgefordert wurde.",
            ),
            jahr_plausibel("bewilligung_jahr_plausibel"),
            models.UniqueConstraint(fields=["projekt", "programm", "jahr"], name="bewilligung_eindeutig",
                                    violation_error_message="Für dieses Projekt, Programm und Jahr gibt es schon einen Antrag."),
        ]

    def __str__(self) -> str:
        return f"{self.projekt} – {self.programm} {self.jahr}"

    @property
    def betrag_netto(self) -> Decimal | None:
        """Granted net: the grant less what was reclaimed."""
        return None if self.betrag_bewilligt is None else self.betrag_bewilligt - self.betrag_zurueckgefordert

    @property
    def rueckzahlung_offen(self) -> Decimal:
        return self.betrag_zurueckgefordert - self.betrag_zurueckgezahlt


class AuszahlungQuerySet(GebietsbezogenQuerySet):
    gebiet_pfad = "bewilligung__gebiet"

    def summe(self) -> Decimal:
        return summe(self, "betrag")


class Auszahlung(Zeitstempel):
    bewilligung = models.ForeignKey(Bewilligung, verbose_name="Bewilligung", on_delete=models.PROTECT,
                                    related_name="auszahlungen")
    betrag = geldfeld("Betrag (€)")
    datum = models.DateField("ausgezahlt am")
    angewiesen_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="angewiesen von", null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="+")
    bemerkung = models.CharField("Bemerkung", max_length=250, blank=True)
    history = HistoricalRecords()

    objects = AuszahlungQuerySet.as_manager()

    class Meta:
        verbose_name = "Auszahlung"
        verbose_name_plural = "Auszahlungen"
        ordering = ["-datum"]
        # The sums per grant (programme page, start pages) read payouts by grant, with the amount in the index.
        indexes = [models.Index(fields=["bewilligung"], include=["betrag"], name="auszahlung_je_bewilligung")]
        constraints = [
            models.CheckConstraint(condition=Q(betrag__gt=0), name="auszahlung_positiv",
                                   violation_error_message="Eine Auszahlung muss größer als 0 € sein."),
        ]

    def __str__(self) -> str:
        return f"Auszahlung {self.betrag} € am {self.datum:%d.%m.%Y} ({self.bewilligung})"


class VerwendungsnachweisQuerySet(GebietsbezogenQuerySet):
    gebiet_pfad = "bewilligung__gebiet"


class Verwendungsnachweis(Zeitstempel):
    bewilligung = models.OneToOneField(Bewilligung, verbose_name="Bewilligung", on_delete=models.PROTECT,
                                       related_name="verwendungsnachweis")
    faellig_am = models.DateField("fällig am")
    eingereicht_am = models.DateField("eingereicht am", null=True, blank=True)
    verwendet = geldfeld("nachgewiesene Ausgaben (€)", null=True, blank=True)
    geprueft_am = models.DateField("geprüft am", null=True, blank=True)
    geprueft_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="geprüft von", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    rueckforderung = geldfeld("Rückforderung (€)", default=NULL_EURO)
    # The grant due after the check's recalculation (programme.nachweis_regeln); None until checked.
    zuwendung_festgesetzt = geldfeld("Zuwendung nach Prüfung (€)", null=True, blank=True)
    bemerkung = models.TextField("Bemerkung", blank=True)
    history = HistoricalRecords()

    objects = VerwendungsnachweisQuerySet.as_manager()

    class Meta:
        verbose_name = "Verwendungsnachweis"
        verbose_name_plural = "Verwendungsnachweise"
        ordering = ["faellig_am"]
        constraints = [
            nicht_negativ("rueckforderung", "nachweis_rueckforderung_nicht_negativ"),
            nicht_negativ("verwendet", "nachweis_verwendet_nicht_negativ"),
            models.CheckConstraint(
                condition=Q(geprueft_am__isnull=True) | Q(eingereicht_am__isnull=False),
                name="nachweis_erst_eingereicht_dann_geprueft",
                violation_error_message="Ein Verwendungsnachweis kann erst nach dem Einreichen geprüft werden.",
            ),
            models.CheckConstraint(
                condition=Q(geprueft_am__isnull=True) | Q(eingereicht_am__isnull=True)
                | Q(geprueft_am__gte=F("eingereicht_am")),
                name="nachweis_geprueft_nicht_vor_eingereicht",
                violation_error_message="Ein Verwendungsnachweis kann nicht vor seinem Eingang geprüft sein.",
            ),
        ]

    def __str__(self) -> str:
        return f"Verwendungsnachweis {self.bewilligung}"


# Grant-law models (operators, financing plans, types of financing, notices) live in their own module.
from .zuwendung import (  # noqa: E402,F401
    Bescheid,
    Bescheidnummernkreis,
    Finanzierungsart,
    Finanzierungsplan,
    Planposition,
    Programmvorgaben,
    Textbaustein,
    Traegerdaten,
    VorzeitigerBeginn,
    Zuwendung,
)

# The proof of use in detail: narrative, receipts, totals, check note (issue 13, points 5 and 6).
from .nachweis import Beleg, Nachweisangaben, Nachweissumme, Pruefvermerk  # noqa: E402,F401
# Reclaims with interest, base rates and repayments (§ 49a VwVfG) live in their own module.
from .rueckforderung import Basiszinssatz, Kassenverbindung, Rueckforderung, Rueckzahlung  # noqa: E402,F401
# Deadline records (interim proofs, reminders) live in their own module too.
from .fristen_models import Erinnerung, Zwischennachweis  # noqa: E402,F401
# Calling funds (Mittelabruf) lives in its own module as well.
from .mittelabruf import Mittelabruf  # noqa: E402,F401
