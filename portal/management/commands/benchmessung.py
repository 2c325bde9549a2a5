"""python manage.py benchmessung --groesse M --markdown var/bench/M.md

Measures what the database holds (fill it with benchdaten first): the main pages of each role
(SQL queries, median and p95 over --laeufe requests), throughput through gunicorn for the project
list and the programme page beside a bare 50-row page, the CSV and XLSX export of every project,
and the programme year report. Prints a table and writes it as Markdown.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection

from portal.leistung import einzeln, last, seiten
from programme.models import Projekt


class Command(BaseCommand):
    help = "Misst Seiten, Durchsatz, Exporte und Berichte auf den vorhandenen Daten (siehe benchdaten)."

    def add_arguments(self, parser):
        parser.add_argument("--groesse", default="?", help="Name der Datengröße für die Ausgabe (S, M, L)")
        parser.add_argument("--laeufe", type=int, default=30, help="Anfragen je Seite (Standard: 30)")
        parser.add_argument("--last-sekunden", type=float, default=10, help="Dauer je Lastmessung (Standard: 10)")
        parser.add_argument("--verbindungen", type=int, default=10, help="gleichzeitige Verbindungen (Standard: 10)")
        parser.add_argument("--ohne", nargs="*", default=[], choices=["last", "exporte", "bericht"],
                            help="Teile, die nicht gemessen werden")
        parser.add_argument("--markdown", type=Path, help="Ergebnis zusätzlich als Markdown in diese Datei")
        parser.add_argument("--einzeln", help=argparse.SUPPRESS)

    def handle(self, *args, **o):
        if o["einzeln"]:
            art, _, format_ = o["einzeln"].partition(":")
            self.stdout.write(json.dumps(einzeln.export_messen(format_) if art == "export" else einzeln.bericht_messen()))
            return
        zeilen = [f"## Größe {o['groesse']}: {Projekt.objects.count():,} Projekte".replace(",", "."), "",
                  f"Datenbank: {connection.vendor}, {o['laeufe']} Anfragen je Seite, Zeiten in Millisekunden "
                  "(Server, im Prozess). Abfragen: die erste Anfrage ohne Zwischenspeicher (wie nach einer "
                  "Änderung); die gemessenen Anfragen danach finden, was sie zwischengespeichert hat.", ""]
        self.stdout.write("\n".join(zeilen))
        zeilen += self._seiten(o["laeufe"])
        if "last" not in o["ohne"]:
            zeilen += self._last(o["verbindungen"], o["last_sekunden"])
        if "exporte" not in o["ohne"]:
            zeilen += self._exporte()
        if "bericht" not in o["ohne"]:
            zeilen += self._bericht()
        if o["markdown"]:
            o["markdown"].parent.mkdir(parents=True, exist_ok=True)
            o["markdown"].write_text("\n".join(zeilen) + "\n", encoding="utf-8")

    def _zeile(self, zellen: list) -> str:
        zeile = "| " + " | ".join(str(z) for z in zellen) + " |"
        self.stdout.write(zeile)
        return zeile

    def _kopf(self, titel: list[str]) -> list[str]:
        return [self._zeile(titel), self._zeile(["---"] * len(titel))]

    def _seiten(self, laeufe: int) -> list[str]:
        zeilen = self._kopf(["Rolle", "Seite", "Status", "Abfragen", "Median ms", "p95 ms", "KB"])
        for m in seiten.alle(laeufe):
            zeilen.append(self._zeile([m.rolle, m.seite, m.status, m.abfragen, f"{m.median_ms:.0f}",
                                       f"{m.p95_ms:.0f}", m.kb]))
        return zeilen + [""]

    def _last(self, verbindungen: int, sekunden: float) -> list[str]:
        o = seiten.objekte()
        urls = [("50 Zeilen (Django pur)", "/leistung/50-zeilen/")] + [
            (name, url) for rolle, name, url in seiten.seiten(o)
            if rolle == "Verwaltung" and name in ("Projektliste", "Programm")]
        messungen = last.messen(urls, username="verwaltung", verbindungen=verbindungen, sekunden=sekunden)
        basis = messungen[0].anfragen_je_s or 1
        self.stdout.write("")
        zeilen = ["", f"Durchsatz: gunicorn auf 127.0.0.1, {verbindungen} Verbindungen, {sekunden:.0f} s je Seite.", "",
                  *self._kopf(["Seite", "Anfragen/s", "Fehler", "Anteil an 50 Zeilen"])]
        for m in messungen:
            zeilen.append(self._zeile([m.seite, f"{m.anfragen_je_s:.1f}", m.fehler, f"{m.anfragen_je_s / basis:.3f}×"]))
        return zeilen + [""]

    def _einzeln(self, art: str) -> dict:
        manage = Path(settings.BASE_DIR) / "manage.py"
        lauf = subprocess.run([sys.executable, str(manage), "benchmessung", "--einzeln", art],
                              capture_output=True, text=True, check=True)
        return json.loads(lauf.stdout.strip().splitlines()[-1])

    def _exporte(self) -> list[str]:
        self.stdout.write("")
        zeilen = ["", "Export aller Projekte als Verwaltung (je ein eigener Prozess): gestreamt in der Anfrage (ohne "
                  "Schwelle gemessen) und, jenseits der Schwelle, die Antwort der Anfrage, die den Exportauftrag "
                  "anlegt.", "",
                  *self._kopf(["Format", "Zeilen", "erstes Byte s", "gesamt s", "Zeilen/s", "MB", "Speicher MiB",
                               "gestreamt", "Auftrag angelegt s"])]
        for format_ in ("csv", "xlsx"):
            r = self._einzeln(f"export:{format_}")
            zeilen.append(self._zeile([format_.upper(), f"{r['zeilen']:,}".replace(",", "."),
                                       f"{r['erstes_byte_s']:.2f}", f"{r['gesamt_s']:.2f}", f"{r['zeilen_je_s']:.0f}",
                                       f"{r['mb']:.1f}", f"{r['speicher_mib']:.0f}", "ja" if r["gestreamt"] else "nein",
                                       f"{r['auftrag_s']:.2f}"]))
        return zeilen + [""]

    def _bericht(self) -> list[str]:
        self.stdout.write("")
        r = self._einzeln("bericht")
        return ["", f"Programmjahresbericht des größten Programmjahrs (eigener Prozess): Erzeugung im Worker (Median "
                f"aus {r['laeufe']} Läufen im Wechsel mit WeasyPrint allein) und die Anfragen der Veröffentlichung "
                "(Bestätigungsseite; Auftrag an die Warteschlange, Antwort 302).", "",
                *self._kopf(["Bewilligungen", "Sekunden", "Seiten", "Speicher MiB", "WeasyPrint allein s",
                             "Verhältnis", "Bestätigungsseite s", "Veröffentlichungsanfrage s"]),
                self._zeile([r["bewilligungen"], f"{r['gesamt_s']:.2f}", r["seiten"], f"{r['speicher_mib']:.0f}",
                             f"{r['weasyprint_s']:.2f}", f"{r['verhaeltnis']:.2f}×",
                             f"{r['bestaetigung_s']:.2f} ({r['bestaetigung_s_status']})",
                             f"{r['veroeffentlichung_s']:.2f} ({r['veroeffentlichung_s_status']})"]), ""]
