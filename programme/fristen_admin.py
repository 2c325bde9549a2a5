"""Admin of the deadline records: shown, changed only through the portal's services and the reminder command."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .admin import NurUeberDasPortal
from .fristen_models import Erinnerung, Zwischennachweis


@admin.register(Zwischennachweis)
class ZwischennachweisAdmin(NurUeberDasPortal, SimpleHistoryAdmin):
    list_display = ("bewilligung", "jahr", "faellig_am", "eingereicht_am", "geprueft_am")
    list_filter = ("jahr",)
    date_hierarchy = "faellig_am"
    search_fields = ("bewilligung__projekt__titel",)


@admin.register(Erinnerung)
class ErinnerungAdmin(NurUeberDasPortal, SimpleHistoryAdmin):
    list_display = ("betreff", "stufe", "faellig_am", "gesendet_am", "empfaenger")
    list_filter = ("art", "stufe")
    date_hierarchy = "gesendet_am"
    search_fields = ("betreff", "empfaenger")
