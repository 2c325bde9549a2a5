from django.core.management.base import BaseCommand

from portal import demo


class Command(BaseCommand):
    help = "Lädt die Demodaten (Bremen, Bremerhaven, Leverkusen, Mönchengladbach); mehrfach ausführbar."

    def handle(self, *args, **options):
        kontext = demo.laden()
        self.stdout.write(self.style.SUCCESS("Demodaten geladen."))
        self.stdout.write("")
        self.stdout.write(f"Demo-Zugänge (Passwort jeweils „{demo.PASSWORT}“):")
        for zeile in demo.zugaenge(kontext):
            self.stdout.write(f"  {zeile}")
