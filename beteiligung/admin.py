from django import forms
from django.contrib import admin
from django.db.models import Sum
from django.utils.text import Truncator
from simple_history.admin import SimpleHistoryAdmin

from kern.zeit import heute
from quartiere.admin import stadtfilter

from .models import (
    Aufgabe,
    Beschluss,
    Gremium,
    Mitgliedschaft,
    Sitzung,
    Strukturmodell,
    Taetigkeit,
    Tagesordnungspunkt,
    Teilnahme,
    Thema,
    Themenbewertung,
)


class MitgliedschaftInline(admin.TabularInline):
    model = Mitgliedschaft
    fields = ("person", "organisation", "rolle", "beginn", "ende")
    autocomplete_fields = ("person", "organisation")
    extra = 0


@admin.register(Gremium)
class GremiumAdmin(admin.ModelAdmin):
    list_display = ("name", "art", "gebiet", "programm", "sitzungen_soll_min", "sitzungen_soll_max", "aktiv")
    list_filter = ("art", "aktiv", "programm", stadtfilter("gebiet"))
    list_select_related = ("gebiet", "programm")
    search_fields = ("name", "gebiet__name")
    autocomplete_fields = ("gebiet", "programm")
    inlines = (MitgliedschaftInline,)


@admin.register(Mitgliedschaft)
class MitgliedschaftAdmin(admin.ModelAdmin):
    list_display = ("person", "gremium", "organisation", "rolle", "beginn", "ende")
    list_filter = ("rolle", ("gremium", admin.RelatedOnlyFieldListFilter), "gremium__art")
    list_select_related = ("person", "gremium", "organisation")
    search_fields = ("person__nachname", "person__vorname", "gremium__name", "organisation__name",
                     "organisation__kurzname")
    autocomplete_fields = ("gremium", "person", "organisation")


class DieserSitzungMixin:
    """Offer only the agenda items, decisions and topics that belong to the meeting being edited."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        sitzung_id = request.resolver_match.kwargs.get("object_id")
        if db_field.name == "tagesordnungspunkt":
            kwargs["queryset"] = Tagesordnungspunkt.objects.filter(sitzung_id=sitzung_id)
        elif db_field.name == "beschluss":
            kwargs["queryset"] = Beschluss.objects.filter(sitzung_id=sitzung_id).select_related("sitzung")
        elif db_field.name == "thema":
            kwargs["queryset"] = Thema.objects.filter(gremium__sitzungen=sitzung_id)
        if sitzung_id is None and "queryset" in kwargs:
            kwargs["queryset"] = kwargs["queryset"].none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class TeilnahmeInline(admin.TabularInline):
    model = Teilnahme
    fields = ("person", "organisation", "rolle")
    autocomplete_fields = ("person", "organisation")
    extra = 0


class TagesordnungspunktInline(admin.TabularInline):
    model = Tagesordnungspunkt
    fields = ("nummer", "titel", "text")
    extra = 0


class ThemenbewertungInline(DieserSitzungMixin, admin.TabularInline):
    model = Themenbewertung
    fields = ("thema", "punkte", "besprochen", "ergebnis")
    extra = 0


class BeschlussInline(DieserSitzungMixin, admin.StackedInline):
    model = Beschluss
    fields = ("text", ("art", "tagesordnungspunkt"), ("stimmen_ja", "stimmen_nein", "stimmen_enthaltung"),
              ("bewilligung", "umsetzungsstatus"))
    autocomplete_fields = ("bewilligung",)
    extra = 0


class AufgabeInline(DieserSitzungMixin, admin.TabularInline):
    model = Aufgabe
    fields = ("text", "beschluss", "verantwortlich", "faellig_am", "erledigt_am")
    autocomplete_fields = ("verantwortlich",)
    extra = 0


@admin.register(Sitzung)
class SitzungAdmin(SimpleHistoryAdmin):
    list_display = ("datum", "titel", "gremium", "format", "oeffentlich", "status", "teilnehmendenzahl")
    list_filter = ("status", "format", "oeffentlich", ("gremium", admin.RelatedOnlyFieldListFilter), "gremium__art",
                   stadtfilter("gremium__gebiet"))
    list_select_related = ("gremium",)
    search_fields = ("titel", "ort", "gremium__name")
    autocomplete_fields = ("gremium", "verfasst_von")
    date_hierarchy = "datum"
    inlines = (TeilnahmeInline, TagesordnungspunktInline, ThemenbewertungInline, BeschlussInline, AufgabeInline)
    fieldsets = (
        (None, {"fields": ("gremium", "titel", ("datum", "beginn", "ende"), "ort", "format", "oeffentlich")}),
        ("Dokumentation", {"fields": ("hintergrund", "zusammenfassung", "ausblick", "teilnehmendenzahl")}),
        ("Stand", {"fields": ("status", "verfasst_von", "dokumentiert_am")}),
        ("Veröffentlichung", {"fields": ("veroeffentlichung_vorgeschlagen", "zurueckgezogen_am", "rueckzugsgrund")}),
    )
    # Public only through the portal's confirmation page (staff); withdrawn there too, with a reason.
    readonly_fields = ("oeffentlich", "veroeffentlichung_vorgeschlagen", "zurueckgezogen_am", "rueckzugsgrund")

    def get_inlines(self, request, obj):
        # Topic cards belong to the body, which a meeting not yet saved does not have.
        if obj is None:
            return [inline for inline in self.inlines if inline is not ThemenbewertungInline]
        return self.inlines


@admin.register(Teilnahme)
class TeilnahmeAdmin(admin.ModelAdmin):
    list_display = ("person", "organisation", "rolle", "sitzung")
    list_filter = ("rolle", ("sitzung__gremium", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("person", "organisation", "sitzung")
    search_fields = ("person__nachname", "person__vorname", "organisation__name", "sitzung__titel")
    autocomplete_fields = ("sitzung", "person", "organisation")
    date_hierarchy = "sitzung__datum"


@admin.register(Tagesordnungspunkt)
class TagesordnungspunktAdmin(admin.ModelAdmin):
    list_display = ("nummer", "titel", "sitzung")
    list_filter = (("sitzung__gremium", admin.RelatedOnlyFieldListFilter),)
    list_select_related = ("sitzung",)
    search_fields = ("titel", "sitzung__titel")
    autocomplete_fields = ("sitzung",)
    date_hierarchy = "sitzung__datum"


@admin.register(Thema)
class ThemaAdmin(admin.ModelAdmin):
    list_display = ("titel", "gremium", "handlungsfeld", "status", "punkte_gesamt", "eingebracht_in")
    list_filter = ("status", "handlungsfeld", ("gremium", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("gremium", "handlungsfeld", "eingebracht_in")
    search_fields = ("titel", "beschreibung", "gremium__name")
    autocomplete_fields = ("gremium", "eingebracht_in")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_punkte=Sum("bewertungen__punkte"))

    @admin.display(description="Punkte gesamt", ordering="_punkte")
    def punkte_gesamt(self, obj):
        return obj._punkte or 0


@admin.register(Themenbewertung)
class ThemenbewertungAdmin(admin.ModelAdmin):
    list_display = ("thema", "sitzung", "punkte", "besprochen")
    list_filter = ("besprochen", ("sitzung__gremium", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("thema", "sitzung")
    search_fields = ("thema__titel", "sitzung__titel")
    autocomplete_fields = ("thema", "sitzung")


@admin.register(Beschluss)
class BeschlussAdmin(SimpleHistoryAdmin):
    list_display = ("kurztext", "art", "sitzung", "umsetzungsstatus", "bewilligung")
    list_filter = ("art", "umsetzungsstatus", ("sitzung__gremium", admin.RelatedOnlyFieldListFilter),
                   stadtfilter("sitzung__gremium__gebiet"))
    list_select_related = ("sitzung", "bewilligung__projekt", "bewilligung__programm")
    search_fields = ("text", "sitzung__titel", "sitzung__gremium__name")
    autocomplete_fields = ("sitzung", "tagesordnungspunkt", "bewilligung")
    date_hierarchy = "sitzung__datum"

    @admin.display(description="Beschlusstext", ordering="text")
    def kurztext(self, obj):
        return Truncator(obj.text).chars(80)


class ErledigtFilter(admin.SimpleListFilter):
    title = "Stand"
    parameter_name = "stand"

    def lookups(self, request, model_admin):
        return [("offen", "offen"), ("ueberfaellig", "überfällig"), ("erledigt", "erledigt")]

    def queryset(self, request, queryset):
        if self.value() == "offen":
            return queryset.filter(erledigt_am__isnull=True)
        if self.value() == "ueberfaellig":
            return queryset.filter(erledigt_am__isnull=True, faellig_am__lt=heute())
        if self.value() == "erledigt":
            return queryset.filter(erledigt_am__isnull=False)
        return queryset


@admin.register(Aufgabe)
class AufgabeAdmin(admin.ModelAdmin):
    list_display = ("text", "verantwortlich", "faellig_am", "erledigt_am", "sitzung")
    list_filter = (ErledigtFilter, ("sitzung__gremium", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("verantwortlich", "sitzung")
    search_fields = ("text", "verantwortlich__nachname", "verantwortlich__vorname", "sitzung__titel")
    autocomplete_fields = ("sitzung", "beschluss", "verantwortlich")
    date_hierarchy = "faellig_am"


@admin.register(Taetigkeit)
class TaetigkeitAdmin(admin.ModelAdmin):
    list_display = ("datum", "titel", "gebiet", "handlungsfeld", "erreichte_personen", "dauer_stunden")
    list_filter = ("handlungsfeld", stadtfilter("gebiet"), ("gebiet", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("gebiet", "handlungsfeld")
    search_fields = ("titel", "beschreibung", "gebiet__name")
    autocomplete_fields = ("gebiet", "partner", "erfasst_von")
    date_hierarchy = "datum"

    def save_model(self, request, obj, form, change):
        if not change and obj.erfasst_von_id is None:
            obj.erfasst_von = request.user
        super().save_model(request, obj, form, change)


class StrukturmodellForm(forms.ModelForm):
    beteiligung_arten = forms.MultipleChoiceField(label="Gremien der Beteiligungsebene", choices=Gremium.Art.choices,
                                                  widget=forms.CheckboxSelectMultiple)
    steuerung_arten = forms.MultipleChoiceField(label="Gremien der Steuerungsebene", choices=Gremium.Art.choices,
                                                widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Strukturmodell
        fields = "__all__"


@admin.register(Strukturmodell)
class StrukturmodellAdmin(admin.ModelAdmin):
    form = StrukturmodellForm
    list_display = ("name", "stadt", "programm", "beteiligung_soll_min", "beteiligung_soll_max", "steuerung_soll_min")
    list_select_related = ("stadt", "programm")
