import time

from django.core.management.base import BaseCommand
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo.daten.gemeinsam import DEMO_TOTP_SCHLUESSEL
from demo.laden.konten import demo_schluessel_hex


class Command(BaseCommand):
    help = ("Zeigt den aktuellen Anmeldecode der Demo-Zugänge mit zweitem Faktor (nur Geräte mit dem "
            "veröffentlichten Demo-Schlüssel).")

    def handle(self, *args, **options):
        geraete = TOTPDevice.objects.filter(key=demo_schluessel_hex(), confirmed=True).select_related("user")
        if not geraete:
            self.stdout.write("Kein Demo-Zugang mit zweitem Faktor (erst `manage.py demodaten` laden).")
            return
        for geraet in geraete.order_by("user__username"):
            totp = TOTP(geraet.bin_key, geraet.step, geraet.t0, geraet.digits, geraet.drift)
            rest = geraet.step - int(time.time() - geraet.t0) % geraet.step
            self.stdout.write(f"{geraet.user.username}: {totp.token():06d} (noch {rest} Sekunden gültig)")
        self.stdout.write(f"Oder in einer Authenticator-App den Schlüssel {DEMO_TOTP_SCHLUESSEL} eintragen.")
