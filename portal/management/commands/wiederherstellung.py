from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.sicherung import SicherungFehler, wiederherstellen


class Command(BaseCommand):
    help = ("Stellt eine Sicherung (manage.py sicherung) in einer leeren Datenbank und Dateiablage wieder her, "
            "nachdem die Prüfsummen des Archivs und jeder Datei darin stimmen.")

    def add_arguments(self, parser):
        parser.add_argument("archiv", type=Path)
        parser.add_argument("--erzwingen", action="store_true",
                            help="auch in eine Datenbank mit Daten wiederherstellen (ersetzt sie ganz)")
        parser.add_argument("--pruefsumme", help="erwartete SHA-256 des Archivs, falls keine ARCHIV.sha256 daneben liegt")

    def handle(self, *args, archiv, erzwingen=False, pruefsumme=None, **options):
        if not archiv.exists():
            raise CommandError(f"Das Archiv {archiv} gibt es nicht.")
        try:
            manifest = wiederherstellen(archiv, erzwingen=erzwingen, pruefsumme=pruefsumme)
        except SicherungFehler as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(
            f"Wiederhergestellt: Sicherung vom {manifest['erstellt']}, {sum(manifest['zeilen'].values())} Zeilen, "
            f"{len(manifest['medien'])} Dateien; alle Prüfsummen und Zeilenzahlen stimmen."))
