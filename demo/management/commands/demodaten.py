from django.core.management.base import BaseCommand

from demo.ablauf import laden
from demo.daten.gemeinsam import PASSWORT
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
