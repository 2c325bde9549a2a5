from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from kern.format import anzahl
from kern.rollen import ist_quartiersmanagement, ist_verwaltung
from programme.models import Bewilligung, Foerderprogramm, Handlungsfeld
from quartiere.models import Gebiet, Organisation, Person, Zeitstempel, ende_nicht_vor_beginn
from quartiere.zugriff import GebietsbezogenQuerySet, sicht_bedingung


class GremiumQuerySet(GebietsbezogenQuerySet):
    gebiet_pfad = "gebiet"


class Gremium(Zeitstempel):
    class Art(models.TextChoices):
        STEUERUNGSKREIS = "steuerungskreis", "Steuerungskreis"
        BEIRAT = "beirat", "Beirat"
        GEBIETSFORUM = "gebietsforum", "Gebietsforum (WiN-Forum)"
        BUERGERVERSAMMLUNG = "buergerversammlung", "Bürgerversammlung"
        STADTTEILKONFERENZ = "stadtteilkonferenz", "Stadtteilkonferenz"
        ARBEITSGRUPPE = "arbeitsgruppe", "Arbeitsgruppe"
        AUSSCHUSS = "ausschuss", "Ratsausschuss"
        DEPUTATION = "deputation", "Deputation"
        BEZIRKSVERTRETUNG = "bezirksvertretung", "Bezirksvertretung"
        RAT = "rat", "Rat"

    name = models.CharField("Name", max_length=250)
    art = models.CharField("Art", max_length=30, choices=Art.choices)
    gebiet = models.ForeignKey(Gebiet, verbose_name="Gebiet", on_delete=models.PROTECT, related_name="gremien",
                               help_text="für stadtweite Gremien die Stadt")
    programm = models.ForeignKey(Foerderprogramm, verbose_name="Förderprogramm", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="gremien")
    sitzungen_soll_min = models.PositiveSmallIntegerField("Sitzungen je Jahr (mindestens)", null=True, blank=True)
    sitzungen_soll_max = models.PositiveSmallIntegerField("Sitzungen je Jahr (höchstens)", null=True, blank=True)
    aktiv = models.BooleanField("aktiv", default=True)
    beschreibung = models.TextField("Aufgabe / Beschreibung", blank=True)

    objects = GremiumQuerySet.as_manager()

    class Meta:
        verbose_name = "Gremium"
        verbose_name_plural = "Gremien"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sitzungen_soll_min__isnull=True) | Q(sitzungen_soll_max__isnull=True)
                | Q(sitzungen_soll_max__gte=F("sitzungen_soll_min")),
                name="gremium_soll_min_nicht_ueber_max",
                violation_error_message="Die Mindestzahl der Sitzungen darf nicht über der Höchstzahl liegen.",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class MitgliedschaftQuerySet(GebietsbezogenQuerySet):
    gebiet_pfad = "gremium__gebiet"


class Mitgliedschaft(Zeitstempel):
    class Rolle(models.TextChoices):
        VORSITZ = "vorsitz", "Vorsitz"
        MODERATION = "moderation", "Moderation / Gesprächsleitung"
        GESCHAEFTSFUEHRUNG = "geschaeftsfuehrung", "Geschäftsführung"
        MITGLIED = "mitglied", "Mitglied"
        GAST = "gast", "Gast"

    gremium = models.ForeignKey(Gremium, verbose_name="Gremium", on_delete=models.CASCADE,
                                related_name="mitgliedschaften")
    person = models.ForeignKey(Person, verbose_name="Person", on_delete=models.PROTECT, related_name="mitgliedschaften")
    organisation = models.ForeignKey(Organisation, verbose_name="vertritt", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="mitgliedschaften")
    rolle = models.CharField("Rolle", max_length=20, choices=Rolle.choices, default=Rolle.MITGLIED)
    beginn = models.DateField("von", null=True, blank=True)
    ende = models.DateField("bis", null=True, blank=True)

    objects = MitgliedschaftQuerySet.as_manager()

    class Meta:
        verbose_name = "Mitgliedschaft"
        verbose_name_plural = "Mitgliedschaften"
        ordering = ["gremium", "rolle", "person__nachname"]
        constraints = [ende_nicht_vor_beginn("mitgliedschaft_zeitraum")]

    def __str__(self) -> str:
        return f"{self.person} in {self.gremium} ({self.get_rolle_display()})"


class SitzungQuerySet(GebietsbezogenQuerySet):
    gebiet_pfad = "gremium__gebiet"

    def stattgefunden(self):
        """Meetings that took place: held or already documented."""
        return self.filter(status__in=SITZUNG_STATTGEFUNDEN)

    def im_jahr(self, jahr: int):
        return self.filter(datum__year=jahr)

    def oeffentlich(self):
        """Meetings published as public and not withdrawn: what the public may see, whatever their status."""
        return self.filter(oeffentlich=True, zurueckgezogen_am__isnull=True)

    def oeffentlich_mit_zurueckgezogenen(self):
        """Every meeting ever published as public; OParl shows the withdrawn ones as deleted."""
        return self.filter(oeffentlich=True)


class Sitzung(Zeitstempel):
    class Format(models.TextChoices):
        SITZUNG = "sitzung", "Sitzung"
        LEAN_COFFEE = "lean_coffee", "Lean Coffee"
        ZUKUNFTSWERKSTATT = "zukunftswerkstatt", "Zukunftswerkstatt"
        VERSAMMLUNG = "versammlung", "Versammlung"
        WORKSHOP = "workshop", "Workshop"

    class Status(models.TextChoices):
        GEPLANT = "geplant", "geplant"
        DURCHGEFUEHRT = "durchgefuehrt", "durchgeführt"
        DOKUMENTIERT = "dokumentiert", "dokumentiert"

    gremium = models.ForeignKey(Gremium, verbose_name="Gremium", on_delete=models.PROTECT, related_name="sitzungen")
    titel = models.CharField("Titel", max_length=250)
    datum = models.DateField("Datum")
    beginn = models.TimeField("Beginn", null=True, blank=True)
    ende = models.TimeField("Ende", null=True, blank=True)
    ort = models.CharField("Ort", max_length=250, blank=True)
    format = models.CharField("Format", max_length=20, choices=Format.choices, default=Format.SITZUNG)
    teilnehmende = models.ManyToManyField(Person, through="Teilnahme", verbose_name="Teilnehmende", blank=True,
                                          related_name="sitzungen")
    teilnehmendenzahl = models.PositiveIntegerField(
        "Zahl der Teilnehmenden", null=True, blank=True, help_text="für öffentliche Versammlungen ohne Namensliste"
    )
    punkte_je_person = models.PositiveSmallIntegerField(
        "Bewertungspunkte je Person", null=True, blank=True,
        help_text="wie viele Punkte jede:r Teilnehmende verteilen durfte (Lean Coffee: meist 2 oder 3)")
    oeffentlich = models.BooleanField("öffentlich", default=False)
    hintergrund = models.TextField("Hintergrund", blank=True)
    zusammenfassung = models.TextField("Ergebnisse / Zusammenfassung", blank=True)
    ausblick = models.TextField("Ausblick und weiteres Vorgehen", blank=True)
    status = models.CharField("Status", max_length=20, choices=Status.choices, default=Status.GEPLANT)
    verfasst_von = models.ForeignKey(Person, verbose_name="Verfasser:in", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="verfasste_sitzungen")
    dokumentiert_am = models.DateField("dokumentiert am", null=True, blank=True)
    veroeffentlichung_vorgeschlagen = models.BooleanField(
        "zur Veröffentlichung vorgeschlagen", default=False,
        help_text="Das Quartiersmanagement schlägt vor, die Verwaltung veröffentlicht.")
    zurueckgezogen_am = models.DateTimeField("zurückgezogen am", null=True, blank=True)
    rueckzugsgrund = models.TextField("Grund des Rückzugs", blank=True)

    objects = SitzungQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "Sitzung"
        verbose_name_plural = "Sitzungen"
        ordering = ["-datum", "-beginn"]
        constraints = [
            ende_nicht_vor_beginn("sitzung_uhrzeit"),
            models.CheckConstraint(
                condition=Q(dokumentiert_am__isnull=True) | Q(dokumentiert_am__gte=F("datum")),
                name="sitzung_dokumentiert_nach_datum",
                violation_error_message="Eine Sitzung kann erst nach ihrem Datum dokumentiert werden.",
            ),
            models.CheckConstraint(
                condition=Q(zurueckgezogen_am__isnull=True) | (Q(oeffentlich=True) & ~Q(rueckzugsgrund="")),
                name="sitzung_rueckzug_oeffentlich_mit_grund",
                violation_error_message="Zurückgezogen wird nur eine öffentliche Sitzung, und nur mit Grund.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.titel} ({self.datum:%d.%m.%Y})"

    @property
    def stattgefunden(self) -> bool:
        return self.status in SITZUNG_STATTGEFUNDEN

    @property
    def gesperrt(self) -> bool:
        """Documented: topics, votes, decisions and participants no longer change."""
        return self.status == self.Status.DOKUMENTIERT

    def teilnehmende_gesamt(self, namentlich: int) -> int | None:
        """How many took part: the count given (it includes the named participants), else those named
        (`namentlich`: participants in the role Teilnehmende:r; moderation and minutes are listed apart)."""
        return max(self.teilnehmendenzahl or 0, namentlich) or None


SITZUNG_STATTGEFUNDEN = (Sitzung.Status.DURCHGEFUEHRT, Sitzung.Status.DOKUMENTIERT)


class TeilnahmeQuerySet(GebietsbezogenQuerySet):
    gebiet_pfad = "sitzung__gremium__gebiet"


class Teilnahme(Zeitstempel):
    class Rolle(models.TextChoices):
        TEILNEHMEND = "teilnehmend", "Teilnehmende:r"
        MODERATION = "moderation", "Gesprächsleitung / Moderation"
        PROTOKOLL = "protokoll", "Protokoll"

    sitzung = models.ForeignKey(Sitzung, verbose_name="Sitzung", on_delete=models.CASCADE, related_name="teilnahmen")
    person = models.ForeignKey(Person, verbose_name="Person", on_delete=models.PROTECT, related_name="teilnahmen")
    organisation = models.ForeignKey(Organisation, verbose_name="für", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="teilnahmen")
    rolle = models.CharField("Rolle", max_length=20, choices=Rolle.choices, default=Rolle.TEILNEHMEND)

    objects = TeilnahmeQuerySet.as_manager()

    class Meta:
        verbose_name = "Teilnahme"
        verbose_name_plural = "Teilnahmen"
        ordering = ["rolle", "person__nachname"]
        constraints = [
            models.UniqueConstraint(fields=["sitzung", "person"], name="teilnahme_eindeutig",
                                    violation_error_message="Diese Person ist schon als Teilnehmende eingetragen."),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.organisation})" if self.organisation_id else str(self.person)


class TagesordnungspunktQuerySet(GebietsbezogenQuerySet):
    gebiet_pfad = "sitzung__gremium__gebiet"

    def oeffentlich(self):
        """The agenda items of public meetings not withdrawn; an item has no visibility of its own."""
        return self.filter(sitzung__oeffentlich=True, sitzung__zurueckgezogen_am__isnull=True)

    def oeffentlich_mit_zurueckgezogenen(self):
        return self.filter(sitzung__oeffentlich=True)


class Tagesordnungspunkt(Zeitstempel):
    sitzung = models.ForeignKey(Sitzung, verbose_name="Sitzung", on_delete=models.CASCADE,
                                related_name="tagesordnungspunkte")
    nummer = models.PositiveSmallIntegerField("Nr.")
    titel = models.CharField("Titel", max_length=250)
    text = models.TextField("Inhalt / Ergebnis", blank=True)

    objects = TagesordnungspunktQuerySet.as_manager()

    class Meta:
        verbose_name = "Tagesordnungspunkt"
        verbose_name_plural = "Tagesordnungspunkte"
        ordering = ["sitzung", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["sitzung", "nummer"], name="top_nummer_eindeutig",
                                    violation_error_message="Diese Nummer ist in der Sitzung schon vergeben."),
        ]

    def __str__(self) -> str:
        return f"TOP {self.nummer}: {self.titel}"


class ThemaQuerySet(GebietsbezogenQuerySet):
    gebiet_pfad = "gremium__gebiet"


class Thema(Zeitstempel):
    """A topic card of a body; undiscussed topics stay in the backlog (Themenspeicher)."""

    class Status(models.TextChoices):
        THEMENSPEICHER = "themenspeicher", "im Themenspeicher"
        BESPROCHEN = "besprochen", "besprochen"
        ERLEDIGT = "erledigt", "erledigt"

    gremium = models.ForeignKey(Gremium, verbose_name="Gremium", on_delete=models.CASCADE, related_name="themen")
    titel = models.CharField("Thema", max_length=250)
    beschreibung = models.TextField("Beschreibung", blank=True)
    handlungsfeld = models.ForeignKey(Handlungsfeld, verbose_name="Handlungsfeld", null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="themen")
    eingebracht_in = models.ForeignKey(Sitzung, verbose_name="zuerst eingebracht in", null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="neue_themen")
    status = models.CharField("Status", max_length=20, choices=Status.choices, default=Status.THEMENSPEICHER)

    objects = ThemaQuerySet.as_manager()

    class Meta:
        verbose_name = "Thema"
        verbose_name_plural = "Themen"
        ordering = ["gremium", "titel"]

    def __str__(self) -> str:
        return self.titel


class ThemenbewertungQuerySet(GebietsbezogenQuerySet):
    gebiet_pfad = "sitzung__gremium__gebiet"


class Themenbewertung(Zeitstempel):
    """A topic card at one meeting: its dot votes there, whether it was discussed, the result."""

    thema = models.ForeignKey(Thema, verbose_name="Thema", on_delete=models.CASCADE, related_name="bewertungen")
    sitzung = models.ForeignKey(Sitzung, verbose_name="Sitzung", on_delete=models.CASCADE,
                                related_name="themenbewertungen")
    punkte = models.PositiveSmallIntegerField("Bewertungspunkte", default=0)
    besprochen = models.BooleanField("besprochen", default=False)
    ergebnis = models.TextField("Ergebnis", blank=True)

    objects = ThemenbewertungQuerySet.as_manager()

    class Meta:
        verbose_name = "Themenbewertung"
        verbose_name_plural = "Themenbewertungen"
        ordering = ["sitzung", "-punkte", "thema__titel"]
        constraints = [
            models.UniqueConstraint(fields=["thema", "sitzung"], name="themenbewertung_eindeutig",
                                    violation_error_message="Das Thema ist in dieser Sitzung schon bewertet."),
        ]

    def __str__(self) -> str:
        return f"{self.thema} – {anzahl(self.punkte, 'Punkt', 'Punkte')}"


class BeschlussQuerySet(GebietsbezogenQuerySet):
    gebiet_pfad = "sitzung__gremium__gebiet"

    def offen(self):
        """Decisions not yet carried out: open or in progress (Beschlusskontrolle)."""
        return self.filter(umsetzungsstatus__in=[Beschluss.Umsetzung.OFFEN, Beschluss.Umsetzung.IN_BEARBEITUNG])


class Beschluss(Zeitstempel):
    class Art(models.TextChoices):
        EMPFEHLUNG = "empfehlung", "Empfehlung"
        BESCHLUSS = "beschluss", "Beschluss"
        KONSENS = "konsens", "Konsens"

    class Umsetzung(models.TextChoices):
        OFFEN = "offen", "offen"
        IN_BEARBEITUNG = "in_bearbeitung", "in Bearbeitung"
        ERLEDIGT = "erledigt", "umgesetzt"
        VERWORFEN = "verworfen", "verworfen"

    sitzung = models.ForeignKey(Sitzung, verbose_name="Sitzung", on_delete=models.PROTECT, related_name="beschluesse")
    tagesordnungspunkt = models.ForeignKey(Tagesordnungspunkt, verbose_name="Tagesordnungspunkt", null=True,
                                           blank=True, on_delete=models.SET_NULL, related_name="beschluesse")
    text = models.TextField("Beschlusstext")
    art = models.CharField("Art", max_length=20, choices=Art.choices, default=Art.BESCHLUSS)
    stimmen_ja = models.PositiveSmallIntegerField("Ja-Stimmen", null=True, blank=True)
    stimmen_nein = models.PositiveSmallIntegerField("Nein-Stimmen", null=True, blank=True)
    stimmen_enthaltung = models.PositiveSmallIntegerField("Enthaltungen", null=True, blank=True)
    bewilligung = models.OneToOneField(Bewilligung, verbose_name="bewilligte Förderung", null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="beschluss")
    umsetzungsstatus = models.CharField("Umsetzung", max_length=20, choices=Umsetzung.choices, default=Umsetzung.OFFEN)
    umsetzung_vermerk = models.TextField("Stand der Umsetzung", blank=True)
    history = HistoricalRecords()

    objects = BeschlussQuerySet.as_manager()

    class Meta:
        verbose_name = "Beschluss"
        verbose_name_plural = "Beschlüsse"
        ordering = ["-sitzung__datum", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(art="konsens") | (Q(stimmen_nein__isnull=True) | Q(stimmen_nein=0)),
                name="beschluss_konsens_ohne_gegenstimmen",
                violation_error_message="Ein Konsens hat keine Gegenstimmen.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_art_display()} vom {self.sitzung.datum:%d.%m.%Y}: {self.text[:60]}"


class AufgabeQuerySet(GebietsbezogenQuerySet):
    gebiet_pfad = "sitzung__gremium__gebiet"

    def sichtbar_fuer(self, user):
        """The items of the meetings the user sees and, for a manager, those assigned to them elsewhere."""
        bedingung = sicht_bedingung(user, self.gebiet_pfad)
        if ist_quartiersmanagement(user) and not ist_verwaltung(user):
            bedingung |= Q(verantwortlich__user=user)
        return self.filter(bedingung)

    def aus_sichtbaren_sitzungen(self, user):
        """Only the items of the meetings the user sees (the area lists of the start pages)."""
        return super().sichtbar_fuer(user)

    def offen(self):
        return self.filter(erledigt_am__isnull=True)

    def ueberfaellig(self, stichtag):
        """Open action items whose due date lies before the given day."""
        return self.offen().filter(faellig_am__lt=stichtag)


class Aufgabe(Zeitstempel):
    sitzung = models.ForeignKey(Sitzung, verbose_name="Sitzung", on_delete=models.CASCADE, related_name="aufgaben")
    beschluss = models.ForeignKey(Beschluss, verbose_name="Beschluss", null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="aufgaben")
    text = models.CharField("Aufgabe", max_length=500)
    verantwortlich = models.ForeignKey(Person, verbose_name="verantwortlich", null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="aufgaben")
    faellig_am = models.DateField("bis", null=True, blank=True)
    erledigt_am = models.DateField("erledigt am", null=True, blank=True)

    objects = AufgabeQuerySet.as_manager()

    class Meta:
        verbose_name = "Aufgabe"
        verbose_name_plural = "Aufgaben"
        ordering = [F("erledigt_am").desc(nulls_first=True), F("faellig_am").asc(nulls_last=True)]

    def __str__(self) -> str:
        return self.text

    @property
    def erledigt(self) -> bool:
        return self.erledigt_am is not None


class TaetigkeitQuerySet(GebietsbezogenQuerySet):
    gebiet_pfad = "gebiet"


class Taetigkeit(Zeitstempel):
    """Work log entry of a quartier management; feeds the annual reports."""

    gebiet = models.ForeignKey(Gebiet, verbose_name="Gebiet", on_delete=models.PROTECT, related_name="taetigkeiten")
    datum = models.DateField("Datum")
    titel = models.CharField("Was", max_length=250)
    beschreibung = models.TextField("Beschreibung", blank=True)
    handlungsfeld = models.ForeignKey(Handlungsfeld, verbose_name="Handlungsfeld", null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="taetigkeiten")
    partner = models.ManyToManyField(Organisation, verbose_name="mit wem", blank=True, related_name="taetigkeiten")
    erreichte_personen = models.PositiveIntegerField("erreichte Personen", null=True, blank=True)
    dauer_stunden = models.DecimalField("Dauer (Stunden)", max_digits=5, decimal_places=2, null=True, blank=True)
    erfasst_von = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="erfasst von", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    objects = TaetigkeitQuerySet.as_manager()

    class Meta:
        verbose_name = "Tätigkeit"
        verbose_name_plural = "Tätigkeiten"
        ordering = ["-datum"]
        constraints = [
            models.CheckConstraint(condition=Q(dauer_stunden__isnull=True) | Q(dauer_stunden__gt=0),
                                   name="taetigkeit_dauer_positiv",
                                   violation_error_message="Die Dauer muss größer als 0 sein."),
        ]

    def __str__(self) -> str:
        return f"{self.datum:%d.%m.%Y} {self.titel}"


def _gremienarten_pruefen(arten, feld: str) -> dict:
    bekannt = {wert for wert, _ in Gremium.Art.choices}
    if not isinstance(arten, list) or not arten or not all(isinstance(a, str) and a in bekannt for a in arten):
        return {feld: "Bitte mindestens eine Art von Gremium aus der Liste wählen."}
    return {}


class Strukturmodell(Zeitstempel):
    """What the Strukturcheck counts for a city or a programme's areas: the kinds of body that form the
    participation and the steering level, and how many meetings a year each is expected to hold. An area
    in a programme with a model follows it, else its city's; without either the Leverkusen model applies."""

    name = models.CharField("Name", max_length=120, help_text="z. B. „Leverkusener Modell“, „WiN-Modell Bremen“")
    stadt = models.OneToOneField(Gebiet, verbose_name="Stadt", null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="strukturmodell", limit_choices_to={"art": Gebiet.Art.STADT})
    programm = models.OneToOneField(Foerderprogramm, verbose_name="Förderprogramm", null=True, blank=True,
                                    on_delete=models.CASCADE, related_name="strukturmodell")
    beteiligung_arten = models.JSONField("Gremien der Beteiligungsebene", default=list,
                                         help_text="Arten von Gremien, z. B. Bürgerversammlung oder WiN-Forum")
    beteiligung_soll_min = models.PositiveSmallIntegerField("Beteiligung: Sitzungen je Jahr (mindestens)", default=2)
    beteiligung_soll_max = models.PositiveSmallIntegerField("Beteiligung: Sitzungen je Jahr (höchstens)", default=4)
    steuerung_arten = models.JSONField("Gremien der Steuerungsebene", default=list,
                                       help_text="Arten von Gremien, z. B. Steuerungskreis")
    steuerung_soll_min = models.PositiveSmallIntegerField("Steuerung: Sitzungen je Jahr (mindestens)", default=1)

    class Meta:
        verbose_name = "Strukturmodell"
        verbose_name_plural = "Strukturmodelle"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(stadt__isnull=False, programm__isnull=True) | Q(stadt__isnull=True, programm__isnull=False),
                name="strukturmodell_stadt_oder_programm",
                violation_error_message="Ein Strukturmodell gilt für eine Stadt oder für ein Förderprogramm.",
            ),
            models.CheckConstraint(
                condition=Q(beteiligung_soll_max__gte=F("beteiligung_soll_min")),
                name="strukturmodell_soll_min_nicht_ueber_max",
                violation_error_message="Die Mindestzahl der Sitzungen darf nicht über der Höchstzahl liegen.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        fehler = _gremienarten_pruefen(self.beteiligung_arten, "beteiligung_arten")
        fehler |= _gremienarten_pruefen(self.steuerung_arten, "steuerung_arten")
        if fehler:
            raise ValidationError(fehler)
