"""Admin of the grant-law models: programme defaults and text blocks are master data; plans, types of
financing, early starts and notices change only through the portal's services."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .admin import NurUeberDasPortal
from .zuwendung import (
    Bescheid,
    Finanzierungsplan,
    Planposition,
    Programmvorgaben,
    Textbaustein,
    Traegerdaten,
    VorzeitigerBeginn,
    Zuwendung,
)


@admin.register(Programmvorgaben)
class ProgrammvorgabenAdmin(admin.ModelAdmin):
    list_display = ("programm", "finanzierungsart", "foerderquote", "de_minimis", "nachweis_frist_monate")
    list_filter = ("finanzierungsart", "de_minimis")


@admin.register(Traegerdaten)
class TraegerdatenAdmin(SimpleHistoryAdmin):
    list_display = ("organisation", "rechtsform", "ort", "registernummer")
    search_fields = ("organisation__name", "registernummer")
    autocomplete_fields = ("organisation",)


@admin.register(Textbaustein)
class TextbausteinAdmin(SimpleHistoryAdmin):
    list_display = ("art", "programm", "stadt")
    list_filter = ("art",)


class PlanpositionInline(NurUeberDasPortal, admin.TabularInline):
    model = Planposition
    fields = ("jahr", "kategorie", "bezeichnung", "betrag", "quelle", "programm")
    extra = 0


@admin.register(Finanzierungsplan)
class FinanzierungsplanAdmin(NurUeberDasPortal, admin.ModelAdmin):
    list_display = ("projekt", "version", "created")
    inlines = [PlanpositionInline]


@admin.register(Zuwendung)
class ZuwendungAdmin(NurUeberDasPortal, SimpleHistoryAdmin):
    list_display = ("bewilligung", "finanzierungsart", "foerderquote", "beginn", "ende")
    list_filter = ("finanzierungsart",)


@admin.register(VorzeitigerBeginn)
class VorzeitigerBeginnAdmin(NurUeberDasPortal, SimpleHistoryAdmin):
    list_display = ("projekt", "erlaubt_am", "erlaubt_von")


@admin.register(Bescheid)
class BescheidAdmin(NurUeberDasPortal, admin.ModelAdmin):
    list_display = ("nummer", "version", "art", "aktenzeichen", "datum", "versandt_am", "bestandskraeftig_am")
    list_filter = ("art", "jahr")
    search_fields = ("aktenzeichen",)
