from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db import models
from django.db.models import Q

from . import services
from .models import (
    Einrichtung,
    Gebiet,
    Indikator,
    Indikatorwert,
    Organisation,
    Person,
    Quartiersmanagement,
    Sozialindex,
    SozialindexIndikator,
)


class StadtFilter(admin.SimpleListFilter):
    """Filter by city through an area field; the city itself counts as part of the city.

    `gebiet_feld` is the lookup path to the area ("" when the model is Gebiet itself).
    """

    title = "Stadt"
    parameter_name = "stadt"
    gebiet_feld = "gebiet"

    def lookups(self, request, model_admin):
        return [(str(pk), name) for pk, name in Gebiet.objects.staedte().values_list("pk", "name")]

    def queryset(self, request, queryset):
        wert = self.value()
        if not wert:
            return queryset
        if not wert.isdigit():
            raise IncorrectLookupParameters(f"Ungültige Stadt: {wert}")
        praefix = f"{self.gebiet_feld}__" if self.gebiet_feld else ""
        return queryset.filter(Q(**{f"{praefix}pk": wert}) | Q(**{f"{praefix}stadt": wert}))


def stadtfilter(gebiet_feld: str) -> type[StadtFilter]:
    return type(f"StadtFilter_{gebiet_feld or 'gebiet'}", (StadtFilter,), {"gebiet_feld": gebiet_feld})


def jahresspalte(feld: str, beschreibung: str):
    """A year column; the number format would otherwise print 2026 as "2.026"."""

    @admin.display(description=beschreibung, ordering=feld)
    def spalte(obj):
        return str(getattr(obj, feld))

    return spalte


@admin.register(Gebiet)
class GebietAdmin(admin.ModelAdmin):
    list_display = ("name", "art", "parent", "stadt", "kennziffer", "quartierstyp", "besonders_belastet")
    list_filter = ("art", stadtfilter(""), "besonders_belastet", "quartierstyp")
    list_select_related = ("parent", "stadt")
    search_fields = ("name", "kennziffer")
    autocomplete_fields = ("parent",)
    readonly_fields = ("stadt", "created", "modified")
    fieldsets = (
        (None, {"fields": ("art", "name", "parent", "stadt", "kennziffer", "quartierstyp", "besonders_belastet")}),
        ("Beschreibung und Grenze", {"fields": ("beschreibung", "grenze"), "classes": ("collapse",)}),
        ("Stadt: Wappen, Webseite, Lizenz", {"fields": ("wappen", "webseite", "lizenz"), "classes": ("collapse",)}),
        ("Protokoll", {"fields": ("created", "modified"), "classes": ("collapse",)}),
    )


@admin.register(Indikator)
class IndikatorAdmin(admin.ModelAdmin):
    list_display = ("name", "schluessel", "einheit", "quelle", "hoeher_ist_schlechter")
    list_filter = ("hoeher_ist_schlechter", "einheit")
    search_fields = ("name", "schluessel", "quelle")
    prepopulated_fields = {"schluessel": ("name",)}


@admin.register(Indikatorwert)
class IndikatorwertAdmin(admin.ModelAdmin):
    list_display = ("indikator", "gebiet", jahresspalte("jahr", "Jahr"), "wert", "ist_prognose")
    list_filter = ("indikator", "jahr", "ist_prognose", stadtfilter("gebiet"))
    list_select_related = ("indikator", "gebiet")
    search_fields = ("gebiet__name", "gebiet__kennziffer", "indikator__name", "indikator__schluessel")
    autocomplete_fields = ("indikator", "gebiet")
    show_full_result_count = False


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kurzname", "art", "stadt", "parent")
    list_filter = ("art", ("stadt", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("stadt", "parent")
    search_fields = ("name", "kurzname")
    autocomplete_fields = ("stadt", "parent")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("nachname", "vorname", "organisation", "funktion", "email", "ist_verwaltung", "einwilligung_am")
    list_filter = (
        "ist_verwaltung",
        ("einwilligung_am", admin.EmptyFieldListFilter),
        ("anonymisiert_am", admin.EmptyFieldListFilter),
        "organisation__art",
        ("organisation__stadt", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("organisation",)
    search_fields = ("nachname", "vorname", "email", "funktion", "organisation__name", "organisation__kurzname")
    autocomplete_fields = ("organisation", "user")
    fieldsets = (
        (None, {"fields": ("anrede", "titel", "vorname", "nachname", "organisation", "funktion")}),
        ("Kontakt", {"fields": ("email", "telefon")}),
        ("Datenschutz und Zugang", {"fields": ("ist_verwaltung", "einwilligung_am", "anonymisiert_am", "user")}),
    )


@admin.register(Einrichtung)
class EinrichtungAdmin(admin.ModelAdmin):
    list_display = ("name", "art", "gebiet", "traeger", "status", "eroeffnet_am", "geschlossen_am")
    list_filter = ("art", "status", stadtfilter("gebiet"), ("gebiet", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("gebiet", "traeger")
    search_fields = ("name", "adresse", "gebiet__name", "traeger__name", "traeger__kurzname")
    autocomplete_fields = ("gebiet", "traeger")


class BefristungFilter(admin.SimpleListFilter):
    title = "Befristung"
    parameter_name = "befristung"

    def lookups(self, request, model_admin):
        return [("befristet", "befristet"), ("unbefristet", "unbefristet (verstetigt)")]

    def queryset(self, request, queryset):
        if self.value() == "befristet":
            return queryset.filter(befristet_bis__isnull=False)
        if self.value() == "unbefristet":
            return queryset.filter(befristet_bis__isnull=True)
        return queryset


@admin.register(Quartiersmanagement)
class QuartiersmanagementAdmin(admin.ModelAdmin):
    list_display = ("gebiet", "traeger", "stellenanteil", "beginn", "befristet_bis", "stelleninhaber")
    list_filter = (stadtfilter("gebiet"), BefristungFilter, ("traeger", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("gebiet", "traeger")
    search_fields = ("gebiet__name", "traeger__name", "traeger__kurzname", "personen__nachname")
    autocomplete_fields = ("gebiet", "traeger", "personen")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("personen")

    @admin.display(description="Stelleninhaber:innen")
    def stelleninhaber(self, obj):
        return ", ".join(person.name for person in obj.personen.all())


class SozialindexIndikatorInline(admin.TabularInline):
    model = SozialindexIndikator
    extra = 0
    autocomplete_fields = ("indikator",)


@admin.register(Sozialindex)
class SozialindexAdmin(admin.ModelAdmin):
    """The portal page Sozialindex → Einstellungen is the usual way; saving here recalculates too."""

    list_display = ("stadt", "ebene", "anzahl_belastet", "berechnet_am")
    list_filter = ("ebene",)
    list_select_related = ("stadt",)
    search_fields = ("stadt__name",)
    autocomplete_fields = ("stadt",)
    readonly_fields = ("berechnet_am", "created", "modified")
    inlines = [SozialindexIndikatorInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.sozialindex_berechnen(sozialindex=form.instance)
