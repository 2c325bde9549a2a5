from django.conf import settings
from django.core.management.base import BaseCommand

from berichte import auftraege
from kern import exportauftraege


class Command(BaseCommand):
    help = ("Beendet Exporte und Veröffentlichungen, die länger als ihr Zeitlimit „wird erstellt“ zeigen (ihr Worker "
            "wurde beendet), als fehlgeschlagen und löscht Exportdateien nach der Aufbewahrungsfrist. Regelmäßig "
            "ausführen, etwa alle 15 Minuten.")

    def handle(self, *args, **options):
        berichte = auftraege.liegengebliebene_beenden()
        exporte = exportauftraege.liegengebliebene_beenden()
        entfernt = exportauftraege.alte_entfernen()
        self.stdout.write(
            f"Abgebrochen: {berichte} Veröffentlichung(en) (länger als {settings.VEROEFFENTLICHUNG_ZEITLIMIT_MINUTEN} "
            f"Minuten), {exporte} Export(e) (länger als {settings.EXPORT_ZEITLIMIT_MINUTEN} Minuten); entfernt: "
            f"{entfernt} Export(e) älter als {settings.EXPORT_AUFBEWAHRUNG_STUNDEN} Stunden.")
