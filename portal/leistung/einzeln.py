"""Measurements that run alone in a fresh process, so the peak memory is their own: an export of
every project and the programme year report of the largest programme."""

from __future__ import annotations

import statistics
import threading
import time

from django.contrib.auth.models import User
from django.db.models import Count
from django.db import transaction
from django.test import Client, override_settings

from portal.leistung import anmelden
from django.urls import reverse

from berichte import arten, pdf
from programme.models import Bewilligung, Projekt

SEITE_BYTES = 4096
WARTESCHLANGE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class Speicheruhr:
    """Samples the resident memory of this process every few milliseconds; `spitze_mib` above the start."""

    def __init__(self):
        self.start = self.spitze = self._rss()
        self._halt = threading.Event()
        self._faden = threading.Thread(target=self._laufen, daemon=True)

    @staticmethod
    def _rss() -> int:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * SEITE_BYTES

    def _laufen(self):
        while not self._halt.wait(0.005):
            self.spitze = max(self.spitze, self._rss())

    def __enter__(self):
        self._faden.start()
        return self

    def __exit__(self, *exc):
        self._halt.set()
        self._faden.join()
        self.spitze = max(self.spitze, self._rss())

    @property
    def zuwachs_mib(self) -> float:
        return (self.spitze - self.start) / 2**20


def _auftrag_messen(client: Client, url: str) -> float:
    """Seconds until the request that files an export order answers (below every threshold: the order is the
    same writing, done by a worker). Rolled back: the benchmark changes nothing."""
    with override_settings(EXPORT_SCHWELLE_CSV=0, EXPORT_SCHWELLE_XLSX=0, TASKS=WARTESCHLANGE), transaction.atomic():
        beginn = time.perf_counter()
        antwort = client.get(url)
        dauer = time.perf_counter() - beginn
        transaction.set_rollback(True)
    return dauer if antwort.status_code == 302 else float("nan")


def export_messen(format_: str) -> dict:
    client = Client()
    anmelden(client, "verwaltung")
    url = reverse("programme:projekte") + f"?format={format_}"
    client.get(reverse("programme:projekte"))  # code and templates loaded, as in a running server
    auftrag_s = _auftrag_messen(client, url)
    with Speicheruhr() as uhr, override_settings(EXPORT_SCHWELLE_CSV=10**9, EXPORT_SCHWELLE_XLSX=10**9):
        beginn = time.perf_counter()
        antwort = client.get(url)
        erstes = None
        groesse = 0
        teile = antwort.streaming_content if antwort.streaming else [antwort.content]
        for teil in teile:
            if erstes is None:
                erstes = time.perf_counter() - beginn
            groesse += len(teil)
        gesamt = time.perf_counter() - beginn
    return {"format": format_, "status": antwort.status_code, "zeilen": Projekt.objects.count(),
            "erstes_byte_s": erstes or gesamt, "gesamt_s": gesamt, "mb": groesse / 2**20,
            "speicher_mib": uhr.zuwachs_mib, "gestreamt": antwort.streaming, "auftrag_s": auftrag_s,
            "zeilen_je_s": Projekt.objects.count() / gesamt}


def _veroeffentlichung_messen(parameter: dict) -> dict:
    """Seconds until the confirmation page and the publishing request answer (the latter files the order that
    a worker renders). Rolled back: the benchmark publishes nothing."""
    client = Client()
    anmelden(client, "verwaltung")
    url = reverse("berichte:veroeffentlichen", args=["programmjahresbericht"])
    daten = {k: str(v) for k, v in parameter.items()}
    zeiten = {}
    with override_settings(TASKS=WARTESCHLANGE), transaction.atomic():
        client.post(url, daten)  # code and templates loaded, as in a running server
        for name, felder in (("bestaetigung_s", daten), ("veroeffentlichung_s", {**daten, "bestaetigt": "on"})):
            beginn = time.perf_counter()
            antwort = client.post(url, felder)
            zeiten[name] = time.perf_counter() - beginn
            zeiten[f"{name}_status"] = antwort.status_code
        transaction.set_rollback(True)
    return zeiten


# Portal and raw WeasyPrint take turns this many times; one render varies by more than the difference.
BERICHT_LAEUFE = 3


def bericht_messen() -> dict:
    """The programme year report of the programme and year with the most grants, and raw WeasyPrint on the same
    HTML, in turns; the medians, and the peak memory of a portal run."""
    import weasyprint

    groesste = (Bewilligung.objects.values("programm", "jahr").annotate(n=Count("id")).order_by("-n", "programm")
                .first())
    parameter = {"programm": groesste["programm"], "jahr": groesste["jahr"]}
    anfrage = _veroeffentlichung_messen(parameter)
    # The warm-up run measures the memory: the sampling thread would slow a timed run down.
    with Speicheruhr() as uhr:
        pdf.pdf_rendern(pdf.html_rendern(arten.inhalt_fuer("programmjahresbericht", parameter)))
    speicher = uhr.zuwachs_mib
    eigen, roh = [], []
    for _ in range(BERICHT_LAEUFE):
        beginn = time.perf_counter()
        html = pdf.html_rendern(arten.inhalt_fuer("programmjahresbericht", parameter), nummer="2026/0001")
        dokument = pdf.pdf_rendern(html)
        eigen.append(time.perf_counter() - beginn)
        beginn = time.perf_counter()
        weasyprint.HTML(string=html, base_url=pdf.BASIS_URL, url_fetcher=pdf.NurStatischeDateien()).write_pdf(
            **pdf.PDF_OPTIONEN)
        roh.append(time.perf_counter() - beginn)
    gesamt, weasy = statistics.median(eigen), statistics.median(roh)
    return {"bewilligungen": groesste["n"], "gesamt_s": gesamt, "seiten": dokument.seiten, "laeufe": BERICHT_LAEUFE,
            "speicher_mib": speicher, "weasyprint_s": weasy, "verhaeltnis": gesamt / weasy, **anfrage}
