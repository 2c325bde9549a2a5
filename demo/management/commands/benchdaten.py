import io
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from demo import benchdaten


class Command(BaseCommand):
    help = ("Erzeugt Messdaten: S = die Demodaten, M = zusätzlich 10 Städte, 300 Gebiete, 10.000 Projekte, "
            "L = zusätzlich 100 Städte, 3.000 Gebiete, 100.000 Projekte (Massenimport ohne Änderungshistorie).")

    def add_arguments(self, parser):
        parser.add_argument("--groesse", choices=["S", "M", "L"], default="S", help="Datengröße (Standard: S)")

    def handle(self, *args, groesse, **options):
        beginn = time.perf_counter()
        call_command("demodaten", stdout=self.stdout if options["verbosity"] > 1 else io.StringIO())
        if groesse != "S":
            if benchdaten.vorhanden():
                raise CommandError("Die Datenbank enthält schon Messdaten; bitte eine leere Datenbank verwenden.")
            for art, anzahl in benchdaten.erzeugen(groesse).items():
                self.stdout.write(f"  {art}: {anzahl:,}".replace(",", "."))
        benchdaten.analysieren()
        self.stdout.write(self.style.SUCCESS(f"Messdaten der Größe {groesse} in {time.perf_counter() - beginn:.0f} s "
                                             f"erzeugt."))
