"""Admin of reclaims: the city's account for repayments is master data; base rates, reclaims and repayments
change only through the portal's services (the base rates through their form)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .admin import NurUeberDasPortal
from .rueckforderung import Basiszinssatz, Kassenverbindung, Rueckforderung, Rueckzahlung


@admin.register(Kassenverbindung)
class KassenverbindungAdmin(SimpleHistoryAdmin):
    list_display = ("stadt", "empfaenger", "kreditinstitut", "iban")


@admin.register(Basiszinssatz)
class BasiszinssatzAdmin(NurUeberDasPortal, SimpleHistoryAdmin):
    list_display = ("gueltig_ab", "satz", "quelle")


@admin.register(Rueckforderung)
class RueckforderungAdmin(NurUeberDasPortal, SimpleHistoryAdmin):
    list_display = ("bewilligung", "art", "betrag", "wirksam_ab", "festgesetzt_am", "erledigt_am")
    list_filter = ("art",)


@admin.register(Rueckzahlung)
class RueckzahlungAdmin(NurUeberDasPortal, SimpleHistoryAdmin):
    list_display = ("bewilligung", "rueckforderung", "datum", "betrag", "auf_zinsen", "auf_hauptforderung")
