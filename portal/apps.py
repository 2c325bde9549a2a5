from django.apps import AppConfig
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save, pre_save


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from . import sitzungen

        user_logged_in.connect(sitzungen.anmeldung_merken, dispatch_uid="portal_anmeldung_merken")
        pre_save.connect(sitzungen.aktiv_merken, sender=settings.AUTH_USER_MODEL, dispatch_uid="portal_aktiv_merken")
        post_save.connect(sitzungen.bei_deaktivierung_abmelden, sender=settings.AUTH_USER_MODEL,
                          dispatch_uid="portal_deaktivierung")
