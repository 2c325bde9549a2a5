"""python manage.py bericht_benchmark [--groessen 20 200 2000]

Renders the programme year report for programmes with N funded projects and prints seconds,
pages, peak memory and how the time splits between our queries and templates and WeasyPrint.
Each size runs in a fresh process (so the peak memory is that size's own); its data is created
inside a transaction that is rolled back, so the database is left as it was. Needs a migrated
database (SQLite or PostgreSQL, as configured by DATABASE_URL).
"""

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from berichte import arten, pdf
from kern import datenstand
from programme.models import Auszahlung, Bewilligung, Foerderprogramm, Handlungsfeld, Jahresbudget, Projekt
from quartiere.models import Gebiet, Organisation

JAHR = 2016
GEBIETE = 12
HANDLUNGSFELDER = ["Bildung", "Beschäftigung", "Gesundheit", "Wohnumfeld", "Zusammenleben und Integration",
                   "Kultur", "Sport und Bewegung", "Familie"]


class Zurueckrollen(Exception):
    pass


def _daten_anlegen(anzahl: int) -> Foerderprogramm:
    """A city, its areas, a programme with budgets and `anzahl` granted projects (half of them paid out)."""
    zufall = random.Random(anzahl)
    kennung = uuid.uuid4().hex[:8]
    stadt = Gebiet.objects.create(art=Gebiet.Art.STADT, name=f"Benchmarkstadt {kennung}")
    gebiete = [Gebiet.objects.create(art=Gebiet.Art.QUARTIER, parent=stadt, name=f"Quartier {i + 1:02d} Nord-Süd")
               for i in range(GEBIETE)]
    traeger = Organisation.objects.bulk_create([
        Organisation(name=f"Träger {i + 1} für Stadtteilarbeit e. V. {kennung}", stadt=stadt) for i in range(25)])
    felder = [Handlungsfeld.objects.get_or_create(name=name)[0] for name in HANDLUNGSFELDER]
    programm = Foerderprogramm.objects.create(name="Wohnen in Nachbarschaften", kurzname=f"WiN-{kennung}",
                                              stadt=stadt, geldgeber="land", beginn=dt.date(JAHR - 2, 1, 1))
    Jahresbudget.objects.create(programm=programm, jahr=JAHR, betrag=Decimal(anzahl) * 9000)
    Jahresbudget.objects.bulk_create([Jahresbudget(programm=programm, jahr=JAHR, gebiet=g,
                                                   betrag=Decimal(anzahl) * 9000 / GEBIETE) for g in gebiete])
    projekte = Projekt.objects.bulk_create([
        Projekt(titel=f"Projekt {i + 1}: Nachbarschaftstreff mit Sprachcafé und Hausaufgabenhilfe",
                gebiet=gebiete[i % GEBIETE], traeger=traeger[i % len(traeger)], beginn=dt.date(JAHR, 1 + i % 12, 1),
                ende=dt.date(JAHR + 1, 1 + i % 12, 28), gesamtkosten=Decimal("20000"), eigenmittel=Decimal("10000"),
                status=Projekt.Status.LAUFEND)
        for i in range(anzahl)
    ])
    Projekt.handlungsfelder.through.objects.bulk_create([
        Projekt.handlungsfelder.through(projekt_id=p.id, handlungsfeld_id=f.id)
        for p in projekte for f in zufall.sample(felder, 2)
    ])
    betraege = [Decimal(zufall.randrange(1000, 8000)) for _ in projekte]
    bewilligungen = Bewilligung.objects.bulk_create([
        Bewilligung(projekt=p, programm=programm, jahr=JAHR, gebiet=p.gebiet, status=Bewilligung.Status.BEWILLIGT,
                    betrag_beantragt=betrag, betrag_bewilligt=betrag, beantragt_am=dt.date(JAHR, 1, 1),
                    entschieden_am=dt.date(JAHR, 2, 1))
        for p, betrag in zip(projekte, betraege)
    ])
    Auszahlung.objects.bulk_create([Auszahlung(bewilligung=b, betrag=b.betrag_bewilligt / 2, datum=dt.date(JAHR, 3, 1))
                                    for b in bewilligungen[::2]])
    datenstand.geaendert()  # bulk inserts send no signals
    return programm


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rendern(programm: Foerderprogramm) -> tuple[str, float]:
    start = time.perf_counter()
    inhalt = arten.inhalt_fuer("programmjahresbericht", {"programm": programm.pk, "jahr": JAHR})
    html = pdf.html_rendern(inhalt, nummer=f"{JAHR}/0001")
    return html, time.perf_counter() - start


def _messen(anzahl: int) -> dict:
    ergebnis = {}
    try:
        with transaction.atomic():
            # Warm up with a small programme first (templates compiled, fonts and stylesheet loaded),
            # as in a server process that has rendered a report before.
            pdf.pdf_rendern(_rendern(_daten_anlegen(5))[0])
            programm = _daten_anlegen(anzahl)
            ergebnis["rss_vorher_mib"] = round(_rss_mib(), 1)
            with CaptureQueriesContext(connection) as abfragen:
                html, eigen = _rendern(programm)
            start = time.perf_counter()
            dokument = pdf.pdf_rendern(html)
            weasy = time.perf_counter() - start
            ergebnis.update(projekte=anzahl, abfragen=len(abfragen), eigen_s=eigen, weasyprint_s=weasy,
                            sql_s=sum(float(q["time"]) for q in abfragen.captured_queries),
                            seiten=dokument.seiten, kb=len(dokument.daten) // 1024, html_kb=len(html) // 1024)
            raise Zurueckrollen
    except Zurueckrollen:
        pass
    ergebnis["rss_spitze_mib"] = round(_rss_mib(), 1)
    return ergebnis


class Command(BaseCommand):
    requires_system_checks = []
    help = ("Misst das Erzeugen des Programmjahresberichts für 20, 200 und 2.000 Projekte: Sekunden, Seiten, "
            "Spitzenspeicher und Anteil von Abfragen+Templates gegenüber WeasyPrint. Die Daten werden in einer "
            "Transaktion angelegt und zurückgerollt.")

    def add_arguments(self, parser):
        parser.add_argument("--groessen", type=int, nargs="+", default=[20, 200, 2000], metavar="N",
                            help="Zahl der Projekte je Lauf (Standard: 20 200 2000)")
        parser.add_argument("--einzeln", type=int, help=argparse.SUPPRESS)

    def handle(self, *args, **optionen):
        if optionen.get("einzeln"):
            self.stdout.write(json.dumps(_messen(optionen["einzeln"])))
            return
        self.stdout.write(f"Datenbank: {connection.vendor}; jede Größe in einem eigenen Prozess, nach einem "
                          "Aufwärm-Rendering eines kleinen Berichts.\n")
        kopf = (f"{'Projekte':>8} {'Sekunden':>9} {'Seiten':>6} {'PDF KB':>7} {'Spitze MiB':>10} "
                f"{'Abfragen':>8} {'SQL s':>6} {'eigen s':>8} {'WeasyPrint s':>12} {'Anteil eigen':>12}")
        self.stdout.write(kopf)
        self.stdout.write("-" * len(kopf))
        manage = Path(settings.BASE_DIR) / "manage.py"
        for anzahl in optionen["groessen"]:
            lauf = subprocess.run([sys.executable, str(manage), "bericht_benchmark", "--einzeln", str(anzahl)],
                                  capture_output=True, text=True, check=True)
            r = json.loads(lauf.stdout.strip().splitlines()[-1])
            gesamt = r["eigen_s"] + r["weasyprint_s"]
            anteil = 100 * r["eigen_s"] / gesamt
            self.stdout.write(
                f"{r['projekte']:>8} {gesamt:>9.2f} {r['seiten']:>6} {r['kb']:>7} {r['rss_spitze_mib']:>10.1f} "
                f"{r['abfragen']:>8} {r['sql_s']:>6.3f} {r['eigen_s']:>8.3f} {r['weasyprint_s']:>12.2f} {anteil:>11.1f} %"
                + ("" if anteil < 10 else "  (Ziel < 10 % verfehlt)"))
        self.stdout.write("\n„eigen“: Abfragen (davon „SQL“ in der Datenbank), Diagramme und Django-Templates bis zum "
                          "fertigen HTML; „WeasyPrint“: HTML einlesen, setzen, PDF schreiben. Spitze: höchster "
                          "Arbeitsspeicher (RSS) des Prozesses.")
