"""Admin of the proof-of-use details: shown with their history, changed only through the portal's services."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .admin import NurUeberDasPortal
from .nachweis import Beleg, Nachweisangaben, Nachweissumme, Pruefvermerk

NACHWEIS = ("nachweis__bewilligung__projekt", "nachweis__bewilligung__programm")


@admin.register(Nachweisangaben)
class NachweisangabenAdmin(NurUeberDasPortal, SimpleHistoryAdmin):
    list_display = ("nachweis", "einfach", "teilnehmende", "eigenmittel", "drittmittel")
    list_select_related = NACHWEIS


@admin.register(Beleg)
class BelegAdmin(NurUeberDasPortal, SimpleHistoryAdmin):
    list_display = ("nachweis", "datum", "empfaenger", "zweck", "kategorie", "betrag")
    list_filter = ("kategorie",)
    list_select_related = NACHWEIS
    search_fields = ("empfaenger", "zweck")


@admin.register(Nachweissumme)
class NachweissummeAdmin(NurUeberDasPortal, SimpleHistoryAdmin):
    list_display = ("nachweis", "kategorie", "betrag")
    list_select_related = NACHWEIS


@admin.register(Pruefvermerk)
class PruefvermerkAdmin(NurUeberDasPortal, SimpleHistoryAdmin):
    list_display = ("nachweis", "datum", "zuwendung_festgesetzt", "ausgezahlt", "rueckforderung", "nachzahlung")
    list_select_related = NACHWEIS
