from django.contrib import admin

from .models import Barrieremeldung

admin.site.site_header = "Quartiersportal – Verwaltung"
admin.site.site_title = "Quartiersportal – Verwaltung"


@admin.register(Barrieremeldung)
class BarrieremeldungAdmin(admin.ModelAdmin):
    list_display = ["created", "antwort_bis", "seite", "beantwortet_am"]
    list_filter = ["beantwortet_am"]
    search_fields = ["beschreibung", "seite", "name", "email"]
    readonly_fields = ["created", "seite", "beschreibung", "name", "email"]
    fields = ["created", "seite", "beschreibung", "name", "email", "beantwortet_am", "vermerk"]

    def has_add_permission(self, request):
        return False
