from django.core.management.base import BaseCommand

from demo.ablauf import laden
from demo.daten.gemeinsam import DEMO_TOTP_SCHLUESSEL, PASSWORT
from demo.laden.konten import zugaenge


class Command(BaseCommand):
    help = "Lädt die Demodaten (Bremen, Bremerhaven, Leverkusen, Mönchengladbach); mehrfach ausführbar."

    def handle(self, *args, **options):
        laden()
        self.stdout.write(self.style.SUCCESS("Demodaten geladen."))
        self.stdout.write("")
        self.stdout.write(f"Demo-Zugänge (Passwort jeweils „{PASSWORT}“):")
        for zeile in zugaenge():
            self.stdout.write(f"  {zeile}")
        self.stdout.write("")
        self.stdout.write("verwaltung und admin melden sich zusätzlich mit einem Code an (zweiter Faktor): "
                          f"Schlüssel {DEMO_TOTP_SCHLUESSEL} in eine Authenticator-App eintragen oder den "
                          "aktuellen Code mit `python manage.py democode` anzeigen.")
