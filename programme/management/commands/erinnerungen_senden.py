"""Sends the reminder e-mails due today; run once a day by cron or a systemd timer (see README)."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from programme.erinnerungen import erinnerungen_senden


class Command(BaseCommand):
    help = "Versendet die fälligen Erinnerungen an Fristen (vorher und nach Ablauf), jede nur einmal."

    def add_arguments(self, parser):
        parser.add_argument("--datum", type=dt.date.fromisoformat, default=None,
                            help="Stichtag JJJJ-MM-TT statt heute (zum Nachholen eines ausgefallenen Laufs)")

    def handle(self, *args, datum=None, **options):
        ergebnis = erinnerungen_senden(datum)
        self.stdout.write(f"Erinnerungen versandt: {ergebnis.gesendet}; ohne Empfänger: {ergebnis.ohne_empfaenger}; "
                          f"fehlgeschlagen: {ergebnis.fehlgeschlagen}.")
        if ergebnis.fehlgeschlagen:
            raise CommandError(f"{ergebnis.fehlgeschlagen} Erinnerung(en) konnten nicht versandt werden; "
                               "der nächste Lauf versucht es erneut.")
