from django.contrib import admin
from django.db.models import DecimalField, Sum
from django.db.models.functions import Coalesce
from simple_history.admin import SimpleHistoryAdmin

from kern.format import deutsche_zahl
from kern.zeit import heute
from quartiere.admin import jahresspalte, stadtfilter

from .models import (
    NULL_EURO,
    Auszahlung,
    Bewilligung,
    Foerderprogramm,
    Handlungsfeld,
    Jahresbudget,
    Programmgebiet,
    Projekt,
    Verwendungsnachweis,
    Zielgruppe,
)


class NurUeberDasPortal:
    """Money and status change only through the portal's services, which check the budget rules
    and record who did it; the admin shows these rows but does not add, change or delete them."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def geldspalte(feld: str, beschreibung: str):
    """A money column with German grouping (1.750.000,00)."""

    @admin.display(description=beschreibung, ordering=feld, empty_value="–")
    def spalte(obj):
        wert = getattr(obj, feld)
        return None if wert is None else deutsche_zahl(wert, 2)

    spalte.__name__ = f"{feld}_spalte"
    return spalte


class ProgrammgebietInline(admin.TabularInline):
    model = Programmgebiet
    fields = ("gebiet", "rolle", "beginn", "ende")
    autocomplete_fields = ("gebiet",)
    extra = 0


class JahresbudgetInline(NurUeberDasPortal, admin.TabularInline):
    model = Jahresbudget
    fields = ("jahr", "gebiet", "betrag", "bemerkung")
    autocomplete_fields = ("gebiet",)
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("programm", "gebiet")


@admin.register(Foerderprogramm)
class FoerderprogrammAdmin(admin.ModelAdmin):
    list_display = ("kurzname", "name", "stadt", "geldgeber", "zustaendig", "beginn", "ende", "ist_verfuegungsfonds")
    list_filter = ("geldgeber", "ist_verfuegungsfonds", ("stadt", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("stadt", "zustaendig")
    search_fields = ("kurzname", "name")
    autocomplete_fields = ("stadt", "zustaendig")
    inlines = (ProgrammgebietInline, JahresbudgetInline)
    fieldsets = (
        (None, {"fields": ("name", "kurzname", "stadt", "geldgeber", "zustaendig", "ist_verfuegungsfonds")}),
        ("Förderperiode", {"fields": ("beginn", "ende")}),
        ("Förderregeln", {"fields": ("max_foerderquote", "min_betrag", "max_betrag", "max_laufzeit_monate",
                                      "rueckforderungen_wieder_bewilligbar")}),
        ("Beschreibung", {"fields": ("beschreibung",)}),
    )


@admin.register(Programmgebiet)
class ProgrammgebietAdmin(admin.ModelAdmin):
    list_display = ("gebiet", "programm", "rolle", "beginn", "ende")
    list_filter = ("programm", "rolle", stadtfilter("gebiet"))
    list_select_related = ("gebiet", "programm")
    search_fields = ("gebiet__name", "programm__kurzname", "programm__name")
    autocomplete_fields = ("programm", "gebiet")


class BudgetartFilter(admin.SimpleListFilter):
    title = "Budgetart"
    parameter_name = "budgetart"

    def lookups(self, request, model_admin):
        return [("programm", "Gesamtbudget des Programms"), ("gebiet", "Gebietsbudget")]

    def queryset(self, request, queryset):
        if self.value() == "programm":
            return queryset.programmbudgets()
        if self.value() == "gebiet":
            return queryset.gebietsbudgets()
        return queryset


@admin.register(Jahresbudget)
class JahresbudgetAdmin(NurUeberDasPortal, SimpleHistoryAdmin):
    list_display = ("programm", jahresspalte("jahr", "Jahr"), "gebiet_oder_gesamt", geldspalte("betrag", "Betrag (€)"),
                    "bemerkung")
    list_filter = ("programm", "jahr", BudgetartFilter, ("programm__stadt", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("programm", "gebiet")
    search_fields = ("programm__kurzname", "programm__name", "gebiet__name", "bemerkung")
    autocomplete_fields = ("programm", "gebiet")

    @admin.display(description="Gebiet", ordering="gebiet__name", empty_value="gesamt")
    def gebiet_oder_gesamt(self, obj):
        return obj.gebiet


@admin.register(Handlungsfeld)
class HandlungsfeldAdmin(admin.ModelAdmin):
    list_display = ("name", "beschreibung")
    search_fields = ("name",)


@admin.register(Zielgruppe)
class ZielgruppeAdmin(admin.ModelAdmin):
    list_display = ("name",)
    search_fields = ("name",)


class BewilligungInline(NurUeberDasPortal, admin.TabularInline):
    model = Bewilligung
    fields = ("programm", "jahr", "gebiet", "status", "betrag_beantragt", "betrag_bewilligt",
              "betrag_zurueckgefordert", "beantragt_am",
              "entschieden_am")
    autocomplete_fields = ("programm", "gebiet")
    show_change_link = True
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("projekt", "programm", "gebiet")


@admin.register(Projekt)
class ProjektAdmin(SimpleHistoryAdmin):
    list_display = ("titel", "gebiet", "traeger", "status", "beginn", "ende",
                    geldspalte("gesamtkosten", "Gesamtkosten (€)"))
    list_filter = (
        "status",
        stadtfilter("gebiet"),
        ("gebiet", admin.RelatedOnlyFieldListFilter),
        ("bewilligungen__programm", admin.RelatedOnlyFieldListFilter),
        "handlungsfelder",
        "zielgruppen",
    )
    list_select_related = ("gebiet", "traeger")
    search_fields = ("titel", "gebiet__name", "traeger__name", "traeger__kurzname")
    autocomplete_fields = ("gebiet", "traeger", "ansprechperson", "erstellt_von")
    filter_horizontal = ("handlungsfelder", "zielgruppen")
    date_hierarchy = "beginn"
    inlines = (BewilligungInline,)
    fieldsets = (
        (None, {"fields": ("titel", "gebiet", "traeger", "ansprechperson", "status")}),
        ("Inhalt", {"fields": ("beschreibung", "ziele", "handlungsfelder", "zielgruppen")}),
        ("Zeitraum und Teilnehmende", {"fields": ("beginn", "ende", "teilnehmende_geplant", "teilnehmende_erreicht")}),
        ("Finanzierung", {"fields": ("gesamtkosten", "eigenmittel", "drittmittel")}),
        ("Erfassung", {"fields": ("erstellt_von",)}),
    )

    def get_readonly_fields(self, request, obj=None):
        # Status changes follow the project's life cycle in the portal.
        return ("status",) if obj is not None else ()

    def save_model(self, request, obj, form, change):
        if not change and obj.erstellt_von_id is None:
            obj.erstellt_von = request.user
        super().save_model(request, obj, form, change)


class AuszahlungInline(NurUeberDasPortal, admin.TabularInline):
    model = Auszahlung
    fields = ("datum", "betrag", "angewiesen_von", "bemerkung")
    autocomplete_fields = ("angewiesen_von",)
    extra = 0


class VerwendungsnachweisInline(NurUeberDasPortal, admin.StackedInline):
    model = Verwendungsnachweis
    fields = (("faellig_am", "eingereicht_am"), ("verwendet", "rueckforderung"), ("geprueft_am", "geprueft_von"),
              "bemerkung")
    autocomplete_fields = ("geprueft_von",)
    extra = 0


@admin.register(Bewilligung)
class BewilligungAdmin(NurUeberDasPortal, SimpleHistoryAdmin):
    list_display = ("projekt", "programm", jahresspalte("jahr", "Haushaltsjahr"), "gebiet", "status",
                    geldspalte("betrag_beantragt", "beantragt (€)"), geldspalte("betrag_bewilligt", "bewilligt (€)"),
                    "ausgezahlt", "entschieden_am")
    list_filter = ("status", "programm", "jahr", stadtfilter("gebiet"))
    list_select_related = ("projekt", "programm", "gebiet")
    search_fields = ("projekt__titel", "programm__kurzname", "gebiet__name")
    autocomplete_fields = ("projekt", "programm", "gebiet", "beantragt_von", "entschieden_von")
    inlines = (AuszahlungInline, VerwendungsnachweisInline)
    fieldsets = (
        (None, {"fields": ("projekt", "programm", "jahr", "gebiet", "status")}),
        ("Antrag", {"fields": ("betrag_beantragt", "beantragt_am", "beantragt_von")}),
        ("Entscheidung", {"fields": ("betrag_bewilligt", "entschieden_am", "entschieden_von", "begruendung")}),
        ("Rückforderung", {"fields": ("betrag_zurueckgefordert", "betrag_zurueckgezahlt")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            _ausgezahlt=Coalesce(Sum("auszahlungen__betrag"), NULL_EURO, output_field=DecimalField())
        )

    @admin.display(description="ausgezahlt (€)", ordering="_ausgezahlt")
    def ausgezahlt(self, obj):
        return deutsche_zahl(obj._ausgezahlt, 2)


@admin.register(Auszahlung)
class AuszahlungAdmin(NurUeberDasPortal, SimpleHistoryAdmin):
    list_display = ("datum", "bewilligung", geldspalte("betrag", "Betrag (€)"), "angewiesen_von", "bemerkung")
    list_filter = ("bewilligung__programm", "bewilligung__jahr", stadtfilter("bewilligung__gebiet"))
    list_select_related = ("bewilligung__projekt", "bewilligung__programm", "angewiesen_von")
    search_fields = ("bewilligung__projekt__titel", "bewilligung__programm__kurzname", "bemerkung")
    autocomplete_fields = ("bewilligung", "angewiesen_von")
    date_hierarchy = "datum"


class NachweisStandFilter(admin.SimpleListFilter):
    title = "Stand"
    parameter_name = "stand"

    def lookups(self, request, model_admin):
        return [
            ("offen", "noch nicht eingereicht"),
            ("ueberfaellig", "überfällig"),
            ("eingereicht", "eingereicht, noch nicht geprüft"),
            ("geprueft", "geprüft"),
        ]

    def queryset(self, request, queryset):
        wert = self.value()
        if wert == "offen":
            return queryset.filter(eingereicht_am__isnull=True)
        if wert == "ueberfaellig":
            return queryset.filter(eingereicht_am__isnull=True, faellig_am__lt=heute())
        if wert == "eingereicht":
            return queryset.filter(eingereicht_am__isnull=False, geprueft_am__isnull=True)
        if wert == "geprueft":
            return queryset.filter(geprueft_am__isnull=False)
        return queryset


@admin.register(Verwendungsnachweis)
class VerwendungsnachweisAdmin(NurUeberDasPortal, SimpleHistoryAdmin):
    list_display = ("bewilligung", "faellig_am", "eingereicht_am", geldspalte("verwendet", "nachgewiesen (€)"),
                    "geprueft_am", geldspalte("rueckforderung", "Rückforderung (€)"))
    list_filter = (NachweisStandFilter, "bewilligung__programm", "bewilligung__jahr")
    list_select_related = ("bewilligung__projekt", "bewilligung__programm")
    search_fields = ("bewilligung__projekt__titel", "bewilligung__programm__kurzname")
    autocomplete_fields = ("bewilligung", "geprueft_von")
    date_hierarchy = "faellig_am"


from . import zuwendung_admin  # noqa: E402,F401  (registers the grant-law models)
from . import nachweis_admin  # noqa: E402,F401  (registers the proof-of-use details)
from . import rueckforderung_admin  # noqa: E402,F401  (registers the reclaim models)
from . import fristen_admin  # noqa: E402,F401  (registers the deadline records)
