import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from kern.format import messwert

from .wappen import WAPPEN_HOECHSTENS, WAPPEN_TYPEN, WAPPEN_UNGUELTIG, wappen_pfad, wappen_pruefen  # noqa: F401
from .zugriff import GebietsbezogenQuerySet, schreib_bedingung, sicht_bedingung


class Zeitstempel(models.Model):
    """Every object carries created/modified timestamps (OParl needs them)."""

    created = models.DateTimeField("angelegt am", auto_now_add=True)
    modified = models.DateTimeField("geändert am", auto_now=True)

    class Meta:
        abstract = True


def ende_nicht_vor_beginn(name: str, beginn: str = "beginn", ende: str = "ende") -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{ende}__isnull": True}) | Q(**{f"{beginn}__isnull": True}) | Q(**{f"{ende}__gte": F(beginn)}),
        name=name,
        violation_error_message="Das Ende darf nicht vor dem Beginn liegen.",
    )


def nicht_negativ(feld: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{feld}__gte": 0}) | Q(**{f"{feld}__isnull": True}),
        name=name,
        violation_error_message="Beträge dürfen nicht negativ sein.",
    )


GEOJSON_FLAECHEN = ("Polygon", "MultiPolygon")


def grenze_geometrie(grenze) -> dict | None:
    """The polygon geometry of a boundary stored as Geometry, Feature or one-feature FeatureCollection."""
    if not isinstance(grenze, dict):
        return None
    if grenze.get("type") == "Feature":
        grenze = grenze.get("geometry")
    elif grenze.get("type") == "FeatureCollection":
        features = grenze.get("features") or []
        grenze = features[0].get("geometry") if len(features) == 1 and isinstance(features[0], dict) else None
    if isinstance(grenze, dict) and grenze.get("type") in GEOJSON_FLAECHEN and isinstance(grenze.get("coordinates"), list):
        return grenze
    return None


def grenze_pruefen(grenze) -> None:
    if grenze in (None, ""):
        return
    geometrie = grenze_geometrie(grenze)
    if geometrie is None:
        raise ValidationError("Die Grenze muss ein GeoJSON-Polygon oder -MultiPolygon sein "
                              "(als Geometrie, Feature oder FeatureCollection mit einem Feature).")
    ringe = geometrie["coordinates"] if geometrie["type"] == "Polygon" else [
        ring for polygon in geometrie["coordinates"] for ring in polygon]
    for ring in ringe:
        if not isinstance(ring, list) or len(ring) < 4 or not all(
            isinstance(p, list) and len(p) >= 2 and all(isinstance(z, (int, float)) for z in p[:2])
            and -180 <= p[0] <= 180 and -90 <= p[1] <= 90 for p in ring
        ):
            raise ValidationError("Die Grenze enthält ungültige Koordinaten: jeder Ring braucht mindestens vier "
                                  "Punkte [Länge, Breite] in WGS84 (EPSG:4326).")


# Stadt > Stadtbezirk > Stadtteil > Ortsteil > Quartier
TIEFE = 5



class GebietQuerySet(GebietsbezogenQuerySet):
    # Areas are city data: every role sees them, staff change them.
    gebiet_pfad = None

    def staedte(self):
        return self.filter(art=Gebiet.Art.STADT)

    def quartiere(self):
        return self.exclude(art=Gebiet.Art.STADT)

    def im_teilbaum(self, *gebiete: "Gebiet | int"):
        """The given areas and all areas below them, in one query (the tree is at most five levels deep)."""
        pks = [getattr(g, "pk", g) for g in gebiete]
        bedingung = Q(pk__in=pks)
        pfad = "parent"
        for _ in range(TIEFE - 1):
            bedingung |= Q(**{f"{pfad}__in": pks})
            pfad += "__parent"
        return self.filter(bedingung)

    def arbeit_sichtbar_fuer(self, user):
        """Areas whose work (projects, bodies, meetings) the user sees: staff and council all, managers
        their own."""
        return self.filter(sicht_bedingung(user, "pk"))

    def arbeitsgebiete_fuer(self, user):
        """Areas offered in forms for recording work: staff all areas below city level, managers their own."""
        return (self.quartiere().filter(schreib_bedingung(user, "pk")).select_related("stadt")
                .order_by("stadt__name", "name"))


class Gebiet(Zeitstempel):
    class Art(models.TextChoices):
        STADT = "stadt", "Stadt"
        STADTBEZIRK = "stadtbezirk", "Stadtbezirk"
        STADTTEIL = "stadtteil", "Stadtteil"
        ORTSTEIL = "ortsteil", "Ortsteil"
        QUARTIER = "quartier", "Quartier"

    art = models.CharField("Art", max_length=20, choices=Art.choices)
    name = models.CharField("Name", max_length=200)
    parent = models.ForeignKey(
        "self", verbose_name="übergeordnetes Gebiet", null=True, blank=True,
        on_delete=models.PROTECT, related_name="untergebiete",
    )
    stadt = models.ForeignKey(
        "self", verbose_name="Stadt", null=True, blank=True, editable=False,
        on_delete=models.PROTECT, related_name="+",
        help_text="Wird aus dem übergeordneten Gebiet abgeleitet.",
    )
    kennziffer = models.CharField("Kennziffer", max_length=30, blank=True)
    quartierstyp = models.CharField(
        "Quartierstyp", max_length=120, blank=True, help_text="z. B. Großwohnsiedlung, Einfamilienhausgebiet"
    )
    grenze = models.JSONField("Grenze (GeoJSON)", null=True, blank=True, validators=[grenze_pruefen],
                              help_text="GeoJSON-Polygon in WGS84 (Länge, Breite) für die Karte")
    besonders_belastet = models.BooleanField("besonders belastet", default=False)
    beschreibung = models.TextField("Beschreibung", blank=True)
    wappen = models.FileField("Wappen / Logo", upload_to=wappen_pfad, max_length=200, blank=True,
                              validators=[wappen_pruefen],
                              help_text="nur für Städte: SVG, PNG oder JPEG, höchstens 512 KB; steht im Kopf der "
                                        "Dokumente")
    webseite = models.URLField("Webseite", blank=True, help_text="nur für Städte: die Website der Stadt")
    lizenz = models.URLField("Lizenz der offenen Daten", blank=True,
                             help_text="nur für Städte und nur, wenn sie von der Lizenz des Portals abweicht")

    objects = GebietQuerySet.as_manager()

    class Meta:
        verbose_name = "Gebiet"
        verbose_name_plural = "Gebiete"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="gebiet_name_eindeutig_je_parent",
                                    violation_error_message="Ein Gebiet dieses Namens gibt es hier schon."),
            models.UniqueConstraint(fields=["name"], condition=Q(parent__isnull=True),
                                    name="stadt_name_eindeutig",
                                    violation_error_message="Eine Stadt dieses Namens gibt es schon."),
            models.CheckConstraint(
                condition=(Q(art="stadt") & Q(parent__isnull=True)) | (~Q(art="stadt") & Q(parent__isnull=False)),
                name="gebiet_nur_stadt_ohne_parent",
                violation_error_message="Nur eine Stadt steht ohne übergeordnetes Gebiet.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.parent_id is None or self.art == Gebiet.Art.STADT:
            return  # the database constraint says that a city stands alone
        ebenen = list(Gebiet.Art.values)
        if ebenen.index(self.parent.art) >= ebenen.index(self.art):
            raise ValidationError({"parent": f"Ein Gebiet der Art „{self.get_art_display()}“ kann nicht unter "
                                             f"einem Gebiet der Art „{self.parent.get_art_display()}“ liegen."})
        if self.pk is not None and any(oben.pk == self.pk for oben in self.parent.vorfahren()):
            raise ValidationError({"parent": "Ein Gebiet kann nicht unter sich selbst liegen."})

    def save(self, *args, **kwargs):
        self.stadt = None if self.parent_id is None else (self.parent.stadt or self.parent)
        super().save(*args, **kwargs)
        # Keep the derived city of all areas below right when an area moves.
        for kind in self.untergebiete.exclude(stadt=self.stadt_oder_selbst):
            kind.save()

    def vorfahren(self) -> list["Gebiet"]:
        """The area and the areas above it, nearest first.

        Follows the loaded `parent` chain and fetches the rest of it, if any, in one query; a
        cycle (possible only in unsaved edits) ends the walk.
        """
        kette, knoten = [self], self
        while knoten.parent_id is not None and len(kette) <= TIEFE:
            if not Gebiet.parent.is_cached(knoten):
                pfade = ["__".join(["parent"] * n) for n in range(1, TIEFE)]
                knoten.parent = (Gebiet.objects.select_related(*pfade)
                                 .defer("grenze", *[f"{p}__grenze" for p in pfade])
                                 .get(pk=knoten.parent_id))
            knoten = knoten.parent
            if any(k is knoten or (k.pk is not None and k.pk == knoten.pk) for k in kette):
                break
            kette.append(knoten)
        return kette

    @property
    def stadt_oder_selbst(self) -> "Gebiet":
        return self.stadt or self


class Indikator(Zeitstempel):
    schluessel = models.SlugField("Schlüssel", max_length=60, unique=True)
    name = models.CharField("Name", max_length=200)
    einheit = models.CharField("Einheit", max_length=40, blank=True, help_text="z. B. %, Personen")
    quelle = models.CharField("Quelle", max_length=200, blank=True)
    hoeher_ist_schlechter = models.BooleanField(
        "höherer Wert ist ungünstiger", default=True,
        help_text="Richtung für den Sozialindex: an = ein hoher Wert zeigt Belastung.",
    )
    beschreibung = models.TextField("Beschreibung", blank=True)
    untergrenze = models.DecimalField(
        "kleinster erlaubter Wert", max_digits=14, decimal_places=4, null=True, blank=True,
        help_text="leer: 0 bei Prozentwerten und Anzahlen (Einheit %, Personen, Anzahl …), sonst ohne Grenze")
    obergrenze = models.DecimalField(
        "größter erlaubter Wert", max_digits=14, decimal_places=4, null=True, blank=True,
        help_text="leer: 100 bei Prozentwerten, sonst ohne Grenze")

    class Meta:
        verbose_name = "Indikator"
        verbose_name_plural = "Indikatoren"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(untergrenze__isnull=True) | Q(obergrenze__isnull=True)
                | Q(obergrenze__gte=F("untergrenze")),
                name="indikator_grenzen_geordnet",
                violation_error_message="Der kleinste erlaubte Wert darf nicht über dem größten liegen.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.einheit})" if self.einheit else self.name

    @property
    def erlaubter_bereich(self) -> tuple[Decimal | None, Decimal | None]:
        """(lowest, highest) value allowed: the bounds set, else those the unit implies."""
        einheit = self.einheit.strip().casefold()
        unten = Decimal(0) if einheit in PROZENT_EINHEITEN or einheit in ANZAHL_EINHEITEN else None
        oben = Decimal(100) if einheit in PROZENT_EINHEITEN else None
        return (self.untergrenze if self.untergrenze is not None else unten,
                self.obergrenze if self.obergrenze is not None else oben)

    def ausserhalb(self, wert: Decimal) -> bool:
        unten, oben = self.erlaubter_bereich
        return (unten is not None and wert < unten) or (oben is not None and wert > oben)

    @property
    def bereich_text(self) -> str:
        unten, oben = self.erlaubter_bereich
        einheit = f" {self.einheit}" if self.einheit else ""
        if unten is not None and oben is not None:
            return f"{messwert(unten)} bis {messwert(oben)}{einheit}"
        if unten is not None:
            return f"ab {messwert(unten)}{einheit}"
        return f"bis {messwert(oben)}{einheit}" if oben is not None else "ohne Grenze"


PROZENT_EINHEITEN = {"%", "prozent", "% der einwohner", "%-punkte"}
ANZAHL_EINHEITEN = {"personen", "anzahl", "einwohner", "einwohnerinnen und einwohner", "haushalte", "kinder",
                    "menschen", "fälle", "wohnungen"}


class Indikatorwert(Zeitstempel):
    indikator = models.ForeignKey(Indikator, verbose_name="Indikator", on_delete=models.CASCADE, related_name="werte")
    gebiet = models.ForeignKey(Gebiet, verbose_name="Gebiet", on_delete=models.CASCADE, related_name="indikatorwerte")
    jahr = models.PositiveSmallIntegerField("Jahr")
    wert = models.DecimalField("Wert", max_digits=14, decimal_places=4)
    ist_prognose = models.BooleanField("Prognose", default=False)

    class Meta:
        verbose_name = "Indikatorwert"
        verbose_name_plural = "Indikatorwerte"
        ordering = ["indikator", "gebiet", "jahr"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "gebiet", "jahr"], name="indikatorwert_eindeutig",
                                    violation_error_message="Für diesen Indikator, dieses Gebiet und Jahr gibt es schon einen Wert."),
            models.CheckConstraint(condition=Q(jahr__gte=1900) & Q(jahr__lte=2100), name="indikatorwert_jahr_plausibel",
                                   violation_error_message="Das Jahr muss zwischen 1900 und 2100 liegen."),
        ]

    def __str__(self) -> str:
        return f"{self.indikator.name} {self.gebiet} {self.jahr}: {self.wert}"

    def clean(self):
        if self.indikator_id and self.wert is not None and self.indikator.ausserhalb(self.wert):
            raise ValidationError({"wert": WERT_AUSSERHALB.format(indikator=self.indikator.name,
                                                                  bereich=self.indikator.bereich_text)
                                   + f": „{messwert(self.wert)}“"})


WERT_AUSSERHALB = "außerhalb des erlaubten Bereichs von {indikator} ({bereich})"


class Organisation(Zeitstempel):
    class Art(models.TextChoices):
        RESSORT = "ressort", "Ressort / Dezernat"
        AMT = "amt", "Amt / Fachbereich"
        WOHLFAHRTSVERBAND = "wohlfahrtsverband", "Wohlfahrtsverband"
        VEREIN = "verein", "Verein / Initiative"
        PARTEI = "partei", "Partei / Fraktion"
        BEIRAT = "beirat", "Beirat / Rat"
        SCHULE = "schule", "Schule / Kita"
        WOHNUNGSUNTERNEHMEN = "wohnungsunternehmen", "Wohnungsunternehmen"
        TRAEGER = "traeger", "Freier Träger"
        SONSTIGE = "sonstige", "Sonstige"

    name = models.CharField("Name", max_length=250)
    kurzname = models.CharField("Kurzname", max_length=60, blank=True)
    art = models.CharField("Art", max_length=30, choices=Art.choices, default=Art.SONSTIGE)
    stadt = models.ForeignKey(Gebiet, verbose_name="Stadt", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="organisationen", limit_choices_to={"art": Gebiet.Art.STADT})
    parent = models.ForeignKey("self", verbose_name="übergeordnete Organisation", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="untereinheiten")
    adresse = models.CharField("Adresse", max_length=250, blank=True)
    webseite = models.URLField("Webseite", blank=True)

    class Meta:
        verbose_name = "Organisation"
        verbose_name_plural = "Organisationen"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "stadt"], name="organisation_eindeutig_je_stadt",
                                    violation_error_message="Diese Organisation gibt es in der Stadt schon."),
        ]

    def __str__(self) -> str:
        return self.kurzname or self.name


class PersonQuerySet(GebietsbezogenQuerySet):
    gebiet_pfad = None


class Person(Zeitstempel):
    anrede = models.CharField("Anrede", max_length=20, blank=True)
    titel = models.CharField("Titel", max_length=40, blank=True)
    vorname = models.CharField("Vorname", max_length=100)
    nachname = models.CharField("Nachname", max_length=100)
    organisation = models.ForeignKey(Organisation, verbose_name="Organisation", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="personen")
    funktion = models.CharField("Funktion", max_length=200, blank=True)
    email = models.EmailField("E-Mail", blank=True)
    telefon = models.CharField("Telefon", max_length=40, blank=True)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name="Benutzerkonto", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="person")
    ist_verwaltung = models.BooleanField(
        "Mitarbeitende der Verwaltung", default=False,
        help_text="Beschäftigte der Stadt brauchen keine gesonderte Einwilligung zur Namensnennung.",
    )
    einwilligung_am = models.DateField("Einwilligung zur Datenverarbeitung am", null=True, blank=True)
    anonymisiert_am = models.DateTimeField("anonymisiert am", null=True, blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = "Person"
        verbose_name_plural = "Personen"
        ordering = ["nachname", "vorname"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.titel, self.vorname, self.nachname) if part)

    @property
    def darf_namentlich_genannt_werden(self) -> bool:
        return self.anonymisiert_am is None and (self.ist_verwaltung or self.einwilligung_am is not None)


class EinrichtungQuerySet(GebietsbezogenQuerySet):
    gebiet_pfad = "gebiet"

    def sichtbar_fuer(self, user):
        # Facilities are city data every role sees (the lists of actors); their areas' managers change them.
        return self.filter(sicht_bedingung(user, None))


class Einrichtung(Zeitstempel):
    class Art(models.TextChoices):
        QUARTIERSZENTRUM = "quartierszentrum", "Quartierszentrum"
        FAMILIENZENTRUM = "familienzentrum", "Familienzentrum"
        MEHRGENERATIONENHAUS = "mehrgenerationenhaus", "Mehrgenerationenhaus"
        JUGENDZENTRUM = "jugendzentrum", "Jugendzentrum / Jugendtreff"
        BEGEGNUNGSSTAETTE = "begegnungsstaette", "Begegnungsstätte"
        SONSTIGE = "sonstige", "Sonstige"

    class Status(models.TextChoices):
        GEPLANT = "geplant", "geplant"
        LAUFEND = "laufend", "in Betrieb"
        VERSTETIGT = "verstetigt", "verstetigt"
        GESCHLOSSEN = "geschlossen", "geschlossen"

    name = models.CharField("Name", max_length=250)
    art = models.CharField("Art", max_length=30, choices=Art.choices)
    gebiet = models.ForeignKey(Gebiet, verbose_name="Gebiet", on_delete=models.PROTECT, related_name="einrichtungen")
    traeger = models.ForeignKey(Organisation, verbose_name="Träger", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="einrichtungen")
    status = models.CharField("Status", max_length=20, choices=Status.choices, default=Status.LAUFEND)
    adresse = models.CharField("Adresse", max_length=250, blank=True)
    eroeffnet_am = models.DateField("eröffnet am", null=True, blank=True)
    geschlossen_am = models.DateField("geschlossen am", null=True, blank=True)
    beschreibung = models.TextField("Beschreibung", blank=True)

    objects = EinrichtungQuerySet.as_manager()

    class Meta:
        verbose_name = "Einrichtung"
        verbose_name_plural = "Einrichtungen"
        ordering = ["name"]
        constraints = [ende_nicht_vor_beginn("einrichtung_zeitraum", "eroeffnet_am", "geschlossen_am")]

    def __str__(self) -> str:
        return self.name


class QuartiersmanagementQuerySet(GebietsbezogenQuerySet):
    gebiet_pfad = "gebiet"

    def aktiv_am(self, stichtag):
        return self.filter(Q(beginn__isnull=True) | Q(beginn__lte=stichtag)).filter(
            Q(befristet_bis__isnull=True) | Q(befristet_bis__gte=stichtag)
        )


class Quartiersmanagement(Zeitstempel):
    gebiet = models.ForeignKey(Gebiet, verbose_name="Gebiet", on_delete=models.PROTECT,
                               related_name="quartiersmanagements")
    traeger = models.ForeignKey(Organisation, verbose_name="Träger", on_delete=models.PROTECT,
                                related_name="quartiersmanagements")
    stellenanteil = models.DecimalField("Stellenanteil (%)", max_digits=5, decimal_places=2,
                                        help_text="Anteil einer Vollzeitstelle in Prozent, z. B. 50")
    beginn = models.DateField("Beginn", null=True, blank=True)
    befristet_bis = models.DateField("befristet bis", null=True, blank=True,
                                     help_text="leer lassen, wenn die Stelle unbefristet (verstetigt) ist")
    personen = models.ManyToManyField(Person, verbose_name="Stelleninhaber:innen", blank=True,
                                      related_name="quartiersmanagements")
    bemerkung = models.TextField("Bemerkung", blank=True)

    objects = QuartiersmanagementQuerySet.as_manager()

    class Meta:
        verbose_name = "Quartiersmanagement"
        verbose_name_plural = "Quartiersmanagements"
        ordering = ["gebiet__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(stellenanteil__gt=0) & Q(stellenanteil__lte=100), name="qm_stellenanteil_0_bis_100",
                violation_error_message="Der Stellenanteil muss größer als 0 und höchstens 100 %% sein.",
            ),
            ende_nicht_vor_beginn("qm_befristung_nach_beginn", "beginn", "befristet_bis"),
        ]

    def __str__(self) -> str:
        return f"Quartiersmanagement {self.gebiet} ({self.stellenanteil.normalize():f} %, {self.traeger})"

    @property
    def ist_befristet(self) -> bool:
        return self.befristet_bis is not None



class Indikatorimport(Zeitstempel):
    """One executed import of indicator values: who, when, which file, what it changed."""

    class Format(models.TextChoices):
        LANG = "lang", "Langform (eine Zeile je Wert)"
        BREIT = "breit", "Breitform (eine Spalte je Jahr)"

    class Quelle(models.TextChoices):
        HOCHLADEN = "hochladen", "Hochladen im Portal"
        BEFEHL = "befehl", "Befehl indikatoren_import"

    dateiname = models.CharField("Dateiname", max_length=255)
    sha256 = models.CharField("SHA-256 der Datei", max_length=64)
    durch = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="importiert von", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    quelle = models.CharField("Weg", max_length=20, choices=Quelle.choices, default=Quelle.HOCHLADEN)
    format = models.CharField("Format", max_length=10, choices=Format.choices)
    kodierung = models.CharField("Zeichenkodierung", max_length=30)
    trennzeichen = models.CharField("Trennzeichen", max_length=12)
    zeilen = models.PositiveIntegerField("gelesene Werte")
    neu = models.PositiveIntegerField("neue Werte")
    geaendert = models.PositiveIntegerField("geänderte Werte")
    unveraendert = models.PositiveIntegerField("unveränderte Werte")

    class Meta:
        verbose_name = "Indikatorimport"
        verbose_name_plural = "Indikatorimporte"
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.dateiname} ({self.created:%d.%m.%Y %H:%M})" if self.created else self.dateiname


class Importentwurf(models.Model):
    """An uploaded file kept server-side between preview and confirmation (never in the form)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    durch = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="hochgeladen von", on_delete=models.CASCADE,
                              related_name="+")
    dateiname = models.CharField("Dateiname", max_length=255)
    inhalt = models.BinaryField("Inhalt")
    indikator = models.CharField("Indikator für Dateien ohne Indikatorspalte", max_length=60, blank=True)
    created = models.DateTimeField("hochgeladen am", auto_now_add=True)

    class Meta:
        verbose_name = "Importentwurf"
        verbose_name_plural = "Importentwürfe"
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.dateiname


class Sozialindex(Zeitstempel):
    """How the areas of one city are ranked: indicators, weights, directions, level and N flagged."""

    stadt = models.OneToOneField(Gebiet, verbose_name="Stadt", on_delete=models.CASCADE, related_name="sozialindex",
                                 limit_choices_to={"art": Gebiet.Art.STADT})
    ebene = models.CharField("Ebene der Gebiete", max_length=20, default=Gebiet.Art.STADTTEIL,
                             choices=Gebiet.Art.choices)
    anzahl_belastet = models.PositiveSmallIntegerField(
        "Zahl der besonders belasteten Gebiete", default=6,
        help_text="die N Gebiete mit den höchsten Indexwerten gelten als besonders belastet")
    berechnet_am = models.DateTimeField("zuletzt berechnet am", null=True, blank=True)

    class Meta:
        verbose_name = "Sozialindex"
        verbose_name_plural = "Sozialindizes"
        ordering = ["stadt__name"]
        constraints = [
            models.CheckConstraint(condition=~Q(ebene="stadt"), name="sozialindex_ebene_unter_stadt",
                                   violation_error_message="Der Sozialindex vergleicht Gebiete unterhalb der Stadt."),
        ]

    def __str__(self) -> str:
        return f"Sozialindex {self.stadt}"


class SozialindexIndikator(Zeitstempel):
    sozialindex = models.ForeignKey(Sozialindex, verbose_name="Sozialindex", on_delete=models.CASCADE,
                                    related_name="gewichte")
    indikator = models.ForeignKey(Indikator, verbose_name="Indikator", on_delete=models.PROTECT,
                                  related_name="sozialindex_gewichte")
    gewicht = models.DecimalField("Gewicht", max_digits=5, decimal_places=2, default=1)
    hoeher_ist_schlechter = models.BooleanField("höherer Wert ist ungünstiger", default=True)

    class Meta:
        verbose_name = "Indikator im Sozialindex"
        verbose_name_plural = "Indikatoren im Sozialindex"
        ordering = ["sozialindex", "indikator__name"]
        constraints = [
            models.UniqueConstraint(fields=["sozialindex", "indikator"], name="sozialindex_indikator_eindeutig",
                                    violation_error_message="Der Indikator ist schon Teil des Sozialindex."),
            models.CheckConstraint(condition=Q(gewicht__gt=0), name="sozialindex_gewicht_positiv",
                                   violation_error_message="Das Gewicht muss größer als 0 sein."),
        ]

    def __str__(self) -> str:
        return f"{self.indikator.name} × {self.gewicht}"


class Sozialindexrang(Zeitstempel):
    """The rank of one area in one year: kept per year, so the page can show how an area moved."""

    sozialindex = models.ForeignKey(Sozialindex, verbose_name="Sozialindex", on_delete=models.CASCADE,
                                    related_name="raenge")
    gebiet = models.ForeignKey(Gebiet, verbose_name="Gebiet", on_delete=models.CASCADE,
                               related_name="sozialindexraenge")
    jahr = models.PositiveSmallIntegerField("Jahr")
    wert = models.DecimalField("Indexwert", max_digits=9, decimal_places=4)
    rang = models.PositiveIntegerField("Rang", help_text="1 = am stärksten belastet")
    anzahl = models.PositiveIntegerField("Zahl der bewerteten Gebiete")
    besonders_belastet = models.BooleanField("besonders belastet", default=False)
    komponenten = models.JSONField("z-Werte je Indikator", default=dict, blank=True)

    class Meta:
        verbose_name = "Rang im Sozialindex"
        verbose_name_plural = "Ränge im Sozialindex"
        ordering = ["sozialindex", "-jahr", "rang"]
        constraints = [
            models.UniqueConstraint(fields=["sozialindex", "gebiet", "jahr"], name="sozialindexrang_eindeutig",
                                    violation_error_message="Für dieses Gebiet und Jahr gibt es schon einen Rang."),
            models.CheckConstraint(condition=Q(rang__gte=1) & Q(rang__lte=F("anzahl")), name="sozialindexrang_im_feld",
                                   violation_error_message="Der Rang muss zwischen 1 und der Zahl der Gebiete liegen."),
        ]

    def __str__(self) -> str:
        return f"{self.gebiet} {self.jahr}: Rang {self.rang} von {self.anzahl}"
