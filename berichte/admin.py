from django import forms
from django.contrib import admin
from django.db.models import Max

from .models import Beratung, Bericht, Nummernkreis, Ratsvorlage, Veroeffentlichungsauftrag

# Published reports (Bericht) are not in the admin: their PDFs never change, and the archive in
# the portal shows them; corrections are published there as new versions.


class BeratungInline(admin.TabularInline):
    model = Beratung
    fields = ("reihenfolge", "gremium", "gremium_name", "datum", "zustaendigkeit", "oeffentlich")
    autocomplete_fields = ("gremium",)
    extra = 0


@admin.register(Ratsvorlage)
class RatsvorlageAdmin(admin.ModelAdmin):
    list_display = ("datum", "betreff", "stadt", "zeichen")
    list_filter = ("stadt",)
    search_fields = ("betreff", "zeichen")
    date_hierarchy = "datum"
    list_select_related = ("stadt",)
    autocomplete_fields = ("programm",)
    inlines = [BeratungInline]


class NummernkreisForm(forms.ModelForm):
    class Meta:
        model = Nummernkreis
        fields = ["jahr", "letzte_laufnummer"]

    def clean(self):
        daten = super().clean()
        jahr, letzte = daten.get("jahr"), daten.get("letzte_laufnummer")
        if jahr is not None and letzte is not None:
            vergeben = Bericht.objects.filter(jahr=jahr).aggregate(m=Max("laufnummer"))["m"] or 0
            if letzte < vergeben:
                raise forms.ValidationError(
                    f"Im Jahr {jahr} ist schon die Nummer {jahr}/{vergeben:04d} vergeben; der Zähler darf nicht "
                    "darunter liegen, sonst würden Nummern doppelt vergeben.")
        return daten


@admin.register(Nummernkreis)
class NummernkreisAdmin(admin.ModelAdmin):
    form = NummernkreisForm
    list_display = ("jahr", "letzte_laufnummer", "modified")


@admin.register(Veroeffentlichungsauftrag)
class VeroeffentlichungsauftragAdmin(admin.ModelAdmin):
    """Publishing orders of the queue, to look at; they are made and worked off in the portal."""

    list_display = ("created", "titel", "status", "beauftragt_von", "bericht")
    list_filter = ("status", "art")
    list_select_related = ("beauftragt_von", "bericht")
    readonly_fields = [f.name for f in Veroeffentlichungsauftrag._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
