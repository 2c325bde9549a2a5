from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.sicherung import SicherungFehler, sichern


class Command(BaseCommand):
    help = ("Sichert die Datenbank (PostgreSQL mit pg_dump, sonst als JSON) und alle abgelegten Dateien in ein "
            "Archiv; daneben ARCHIV.sha256 mit seiner Prüfsumme.")

    def add_arguments(self, parser):
        parser.add_argument("-o", "--ausgabe", type=Path,
                            help="Archivdatei (Standard: var/sicherungen/quartiersportal-JJJJMMTT-HHMMSS.tar.gz)")
        parser.add_argument("--datenbank", choices=["pg_dump", "json"],
                            help="wie die Datenbank gesichert wird (Standard: pg_dump bei PostgreSQL, sonst json)")

    def handle(self, *args, ausgabe=None, datenbank=None, **options):
        stempel = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        ziel = ausgabe or Path(settings.BASE_DIR) / "var" / "sicherungen" / f"quartiersportal-{stempel}.tar.gz"
        try:
            manifest = sichern(ziel, art=datenbank)
        except SicherungFehler as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(
            f"Gesichert: {ziel} ({sum(manifest['zeilen'].values())} Zeilen, {len(manifest['medien'])} Dateien, "
            f"Datenbank als {manifest['datenbank']['art']}); Prüfsumme in {ziel}.sha256"))
