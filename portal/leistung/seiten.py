"""Queries per request and median/p95 server time of the main pages of each role."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.urls import reverse

from beteiligung.models import Gremium, Sitzung
from kern.zeit import heute
from programme.models import Bewilligung, Foerderprogramm, Projekt
from portal.leistung import anmelden
from quartiere.models import Gebiet

ROLLEN = {"Verwaltung": "verwaltung", "Quartiersmanagement": "qm-blockdiek", "Rat": "rat", "Öffentlichkeit": None}


@dataclass(frozen=True)
class Seitenmessung:
    rolle: str
    seite: str
    url: str
    status: int
    abfragen: int
    median_ms: float
    p95_ms: float
    kb: int


def objekte() -> dict:
    """The rows the pages are opened for: the programme with the most grants, its newest project..."""
    programm = Foerderprogramm.objects.annotate(n=Count("bewilligungen")).order_by("-n", "pk").first()
    # A project with a granted request, at every size: its page then shows payouts and fund calls.
    projekt = (Projekt.objects.filter(bewilligungen__programm=programm, bewilligungen__status=Bewilligung.Status.BEWILLIGT)
               .order_by("-beginn", "pk").first())
    sitzung = Sitzung.objects.filter(oeffentlich=True).order_by("-datum", "pk").first()
    return {"programm": programm, "projekt": projekt, "gebiet": projekt.gebiet, "stadt": projekt.gebiet.stadt,
            "sitzung": sitzung, "gremium": sitzung.gremium,
            "qm_projekt": Projekt.objects.filter(gebiet__name="Blockdiek").order_by("-beginn", "pk").first(),
            "body": Gebiet.objects.staedte().order_by("pk").first()}


def seiten(o: dict) -> list[tuple[str, str, str]]:
    jahr = heute().year
    projekte = reverse("programme:projekte")
    allgemein = [
        ("Startseite", reverse("start")),
        ("Projektliste", projekte),
        ("Projektliste gefiltert", f"{projekte}?stadt={o['stadt'].pk}&status=laufend"),
        ("Projekt", reverse("programme:projekt", args=[o["projekt"].pk])),
        ("Programm", reverse("programme:programm", args=[o["programm"].pk])),
        ("Gebietsliste", reverse("gebiete:liste")),
        ("Gebietsseite", reverse("gebiete:detail", args=[o["gebiet"].pk])),
        ("Karte", reverse("gebiete:karte") + f"?stadt={o['stadt'].pk}"),
        ("Sozialindex", reverse("quartiere:sozialindex")),
        ("Strukturcheck", reverse("beteiligung:strukturcheck")),
        ("Gremienliste", reverse("beteiligung:gremien")),
        ("Sitzung", reverse("beteiligung:sitzung", args=[o["sitzung"].pk])),
        ("offene Beschlüsse", reverse("beteiligung:beschluesse_offen")),
        ("Berichtsarchiv", reverse("berichte:archiv")),
    ]
    karten_daten = _karten_daten(o)
    if karten_daten:
        allgemein.insert(8, ("Kartendaten", karten_daten))
    liste = [("Verwaltung", name, url) for name, url in allgemein]
    liste.append(("Verwaltung", "überfällige Nachweise", reverse("programme:nachweise_ueberfaellig")))
    qm = {"Startseite", "Projektliste", "Gremienliste", "Strukturcheck", "Berichtsarchiv"}
    liste += [("Quartiersmanagement", name, url) for name, url in allgemein if name in qm]
    if o["qm_projekt"]:
        liste.append(("Quartiersmanagement", "Projekt", reverse("programme:projekt", args=[o["qm_projekt"].pk])))
    liste.append(("Quartiersmanagement", "Aufgaben", reverse("beteiligung:aufgaben")))
    rat = {"Startseite", "Projektliste", "Programm", "Gebietsseite", "offene Beschlüsse", "Berichtsarchiv"}
    liste += [("Rat", name, url) for name, url in allgemein if name in rat]
    liste += [("Öffentlichkeit", "Berichtsarchiv", reverse("berichte:archiv")),
              ("Öffentlichkeit", "OParl Körperschaften", reverse("oparl:bodies")),
              ("Öffentlichkeit", "OParl Sitzungen", reverse("oparl:body_meeting", args=[o["body"].pk])),
              ("Öffentlichkeit", "OParl Gremien", reverse("oparl:body_organization", args=[o["body"].pk]))]
    return liste


def _karten_daten(o: dict) -> str | None:
    try:
        return reverse("gebiete:karte_daten") + f"?stadt={o['stadt'].pk}&ebene={o['gebiet'].art}"
    except Exception:  # an older portal without a separate map data URL
        return None


def clients() -> dict[str, Client]:
    ergebnis = {}
    for rolle, username in ROLLEN.items():
        client = Client()
        if username:
            anmelden(client, username)
        ergebnis[rolle] = client
    return ergebnis


def messen(client: Client, url: str, laeufe: int) -> tuple[int, int, list[float], int]:
    # A wrapper counts across the request cycle, which resets Django's own query log.
    abfragen = []

    def zaehlen(execute, sql, params, many, context):
        abfragen.append(sql)
        return execute(sql, params, many, context)

    # Counted with nothing cached (kern.datenstand), as after a change: the number that must not grow with the
    # data. The timed requests then find what the first one cached, as in a running server.
    cache.clear()
    with connection.execute_wrapper(zaehlen):
        antwort = client.get(url)
        groesse = len(b"".join(antwort.streaming_content) if antwort.streaming else antwort.content)
    zeiten = []
    for _ in range(laeufe):
        beginn = time.perf_counter()
        antwort = client.get(url)
        if antwort.streaming:
            b"".join(antwort.streaming_content)
        zeiten.append((time.perf_counter() - beginn) * 1000)
    return antwort.status_code, len(abfragen), zeiten, groesse // 1024


def alle(laeufe: int, melden=None) -> list[Seitenmessung]:
    o = objekte()
    c = clients()
    ergebnisse = []
    for rolle, name, url in seiten(o):
        status, abfragen, zeiten, kb = messen(c[rolle], url, laeufe)
        zeiten.sort()
        p95 = zeiten[min(len(zeiten) - 1, round(0.95 * (len(zeiten) - 1)))]
        m = Seitenmessung(rolle, name, url, status, abfragen, statistics.median(zeiten), p95, kb)
        ergebnisse.append(m)
        if melden:
            melden(m)
    return ergebnisse
