from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.db.models import Exists, OuterRef
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import zweiter_faktor

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


# Devices hold the secrets of the second factor: the admin resets them (below) but never shows or edits one.
for modell in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(modell):
        admin.site.unregister(modell)


class BenutzerAdmin(UserAdmin):
    list_display = [*UserAdmin.list_display, "zweiter_faktor"]
    actions = ["zweiten_faktor_zuruecksetzen"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            _mit_app=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)))

    @admin.display(description="Zweiter Faktor", boolean=True, ordering="_mit_app")
    def zweiter_faktor(self, user):
        return user._mit_app

    @admin.action(description="Zweiten Faktor zurücksetzen (verlorenes Telefon)")
    def zweiten_faktor_zuruecksetzen(self, request, queryset):
        for user in queryset:
            zweiter_faktor.zuruecksetzen(user, ausser=request.session.session_key)
            self.log_change(request, user, "Zweiten Faktor zurückgesetzt")
        self.message_user(request, f"Zweiter Faktor von {queryset.count()} Konto/Konten zurückgesetzt; bei der "
                                   "nächsten Anmeldung wird er neu eingerichtet.", messages.SUCCESS)


admin.site.unregister(User)
admin.site.register(User, BenutzerAdmin)
