"""Benchmark of the utilisation reads and the programme page at growing numbers of projects.

Fills the configured database inside a transaction that is rolled back at the end, so it can
run against a development or a throwaway PostgreSQL database without leaving data behind.
"""

import datetime as dt
import statistics
import time
from decimal import Decimal

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from kern import datenstand
from kern.rollen import Rolle, gruppen_anlegen
from programme import selectors
from programme.models import Auszahlung, Bewilligung, Foerderprogramm, Handlungsfeld, Jahresbudget, Projekt
from quartiere.models import Gebiet, Organisation


class Abbruch(Exception):
    pass


class Command(BaseCommand):
    help = "Misst Abfragen und Median-Laufzeit der Auslastungsauswertung und der Programmseite."

    def add_arguments(self, parser):
        parser.add_argument("--groessen", default="100,1000,10000",
                            help="Projektzahlen, kommagetrennt (Standard: 100,1000,10000)")
        parser.add_argument("--laeufe", type=int, default=20, help="Wiederholungen je Messung (Standard: 20)")

    def handle(self, *args, groessen, laeufe, **options):
        zahlen = [int(z) for z in groessen.split(",")]
        self.stdout.write(f"Datenbank: {connection.vendor}, {laeufe} Läufe je Messung, Median in Millisekunden")
        self.stdout.write(f"{'Projekte':>9} | {'Messung':<28} | {'Abfragen':>8} | {'Median ms':>9}")
        self.stdout.write("-" * 64)
        try:
            with transaction.atomic():
                welt = self._welt()
                vorhanden = 0
                for ziel in zahlen:
                    self._projekte_anlegen(welt, ziel - vorhanden, start=vorhanden)
                    vorhanden = ziel
                    for name, funktion in self._messungen(welt):
                        abfragen, median = self._messen(funktion, laeufe)
                        self.stdout.write(f"{ziel:>9} | {name:<28} | {abfragen:>8} | {median:>9.1f}")
                raise Abbruch
        except Abbruch:
            pass
        self.stdout.write("Alle Testdaten wurden wieder entfernt.")

    def _welt(self) -> dict:
        gruppen_anlegen()
        stadt = Gebiet.objects.create(art=Gebiet.Art.STADT, name="Benchmarkstadt")
        gebiete = [Gebiet.objects.create(art=Gebiet.Art.QUARTIER, name=f"Quartier {i}", parent=stadt)
                   for i in range(20)]
        programm = Foerderprogramm.objects.create(name="Benchmarkprogramm", kurzname="BENCH", stadt=stadt,
                                                  geldgeber=Foerderprogramm.Geldgeber.STADT,
                                                  beginn=dt.date(2020, 1, 1))
        Jahresbudget.objects.create(programm=programm, jahr=2026, betrag=Decimal("100000000"))
        for gebiet in gebiete:
            Jahresbudget.objects.create(programm=programm, jahr=2026, gebiet=gebiet, betrag=Decimal("5000000"))
        felder = [Handlungsfeld.objects.get_or_create(name=n)[0] for n in ("Bildung", "Gesundheit", "Soziales")]
        traeger = Organisation.objects.create(name="Benchmark-Träger", stadt=stadt)
        user = User.objects.create_user("benchmark-verwaltung")
        user.groups.add(Group.objects.get(name=Rolle.VERWALTUNG))
        client = Client()
        client.force_login(user)
        return {"programm": programm, "gebiete": gebiete, "felder": felder, "traeger": traeger, "client": client}

    def _projekte_anlegen(self, welt: dict, anzahl: int, *, start: int) -> None:
        # Bulk inserts are fine here: the benchmark needs volume, not history.
        projekte = Projekt.objects.bulk_create([
            Projekt(titel=f"Projekt {start + i}", gebiet=welt["gebiete"][(start + i) % 20], traeger=welt["traeger"],
                    beginn=dt.date(2026, 1, 1), ende=dt.date(2026, 12, 31), gesamtkosten=Decimal("10000"),
                    status=Projekt.Status.LAUFEND)
            for i in range(anzahl)
        ], batch_size=1000)
        durch = Projekt.handlungsfelder.through
        durch.objects.bulk_create([durch(projekt_id=p.id, handlungsfeld_id=welt["felder"][p.id % 3].id)
                                   for p in projekte], batch_size=1000)
        bewilligungen = Bewilligung.objects.bulk_create([
            Bewilligung(projekt=p, programm=welt["programm"], jahr=2026, gebiet=p.gebiet,
                        status=Bewilligung.Status.BEWILLIGT, betrag_beantragt=Decimal("1000"),
                        betrag_bewilligt=Decimal("1000"), entschieden_am=dt.date(2026, 2, 1))
            for p in projekte
        ], batch_size=1000)
        Auszahlung.objects.bulk_create([
            Auszahlung(bewilligung=b, betrag=Decimal("500"), datum=dt.date(2026, 3, 1)) for b in bewilligungen
        ], batch_size=1000)
        datenstand.geaendert()  # bulk inserts send no signals
        if connection.vendor == "postgresql":
            # A production database has planner statistics; fresh bulk inserts have none until analysed.
            with connection.cursor() as cursor:
                for modell in (Projekt, Bewilligung, Auszahlung, durch):
                    cursor.execute(f'ANALYZE "{modell._meta.db_table}"')

    def _messungen(self, welt: dict):
        programm = welt["programm"]
        url = reverse("programme:programm", args=[programm.pk]) + "?jahr=2026"

        def seite():
            antwort = welt["client"].get(url)
            assert antwort.status_code == 200, antwort.status_code

        return [
            ("Auslastung je Gebiet", lambda: selectors.auslastung_je_gebiet(programm=programm, jahr=2026)),
            ("Auslastung je Handlungsfeld",
             lambda: selectors.auslastung_je_handlungsfeld(programm=programm, jahr=2026)),
            ("Budgetstand je Programm", lambda: selectors.budgetstand_je_programm(jahr=2026)),
            ("Programmseite (HTTP)", seite),
        ]

    def _messen(self, funktion, laeufe: int) -> tuple[int, float]:
        # A wrapper counts across the request cycle, which resets Django's own query log.
        abfragen = []

        def zaehlen(execute, sql, params, many, context):
            abfragen.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(zaehlen):
            funktion()
        zeiten = []
        for _ in range(laeufe):
            beginn = time.perf_counter()
            funktion()
            zeiten.append((time.perf_counter() - beginn) * 1000)
        return len(abfragen), statistics.median(zeiten)
