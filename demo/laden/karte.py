"""The map and the social index of the demo: schematic boundaries around each city's centre, and each city's
index over the two poverty indicators. Both write only what differs, so loading twice changes nothing."""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from demo.daten import STAEDTE
from demo.daten.gemeinsam import SOZIALINDEX_INDIKATOREN
from quartiere import services
from quartiere.models import Gebiet, Indikator

from .basis import Kontext

ZENTREN = {stadt.GEBIETE.name: stadt.ZENTRUM for stadt in STAEDTE}
GROESSE = (0.30, 0.16)  # width and height of a city's box in degrees
RAND = 0.06  # share of a box kept free around each child, so neighbours stay apart


def _ring(x0: float, y0: float, x1: float, y1: float) -> list[list[float]]:
    ecken = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]  # counter-clockwise (RFC 7946)
    return [[round(x, 5), round(y, 5)] for x, y in ecken]


def _aufteilen(box, anzahl: int) -> list[tuple[float, float, float, float]]:
    """`anzahl` equal boxes side by side along the longer side of `box`, each with a margin."""
    x0, y0, x1, y1 = box
    breite, hoehe = x1 - x0, y1 - y0
    teile = []
    for i in range(anzahl):
        if breite >= hoehe:
            a, b = x0 + breite * i / anzahl, x0 + breite * (i + 1) / anzahl
            rand = min(b - a, hoehe) * RAND
            teile.append((a + rand, y0 + rand, b - rand, y1 - rand))
        else:
            a, b = y0 + hoehe * i / anzahl, y0 + hoehe * (i + 1) / anzahl
            rand = min(b - a, breite) * RAND
            teile.append((x0 + rand, a + rand, x1 - rand, b - rand))
    return teile


def _innen(box, anteil: float = 0.5):
    x0, y0, x1, y1 = box
    dx, dy = (x1 - x0) * (1 - anteil) / 2, (y1 - y0) * (1 - anteil) / 2
    return x0 + dx, y0 + dy, x1 - dx, y1 - dy


def schematische_grenzen(stadt: Gebiet, *, zentrum: tuple[float, float]) -> int:
    """Draw the city's areas as nested rectangles around `zentrum`: the children of an area split its
    box; quartiers, which cover only part of their parent, share its inner half. Returns the number
    of areas whose boundary changed."""
    gebiete = list(Gebiet.objects.filter(stadt=stadt).order_by("kennziffer", "name"))
    kinder = defaultdict(list)
    for g in gebiete:
        kinder[g.parent_id].append(g)
    breite, hoehe = GROESSE
    boxen = {stadt.pk: (zentrum[0] - breite / 2, zentrum[1] - hoehe / 2, zentrum[0] + breite / 2,
                        zentrum[1] + hoehe / 2)}
    offen = [stadt.pk]
    while offen:
        pk = offen.pop()
        liste = kinder.get(pk, [])
        teilflaechen = [k for k in liste if k.art != Gebiet.Art.QUARTIER]
        quartiere = [k for k in liste if k.art == Gebiet.Art.QUARTIER]
        for kind, box in zip(teilflaechen, _aufteilen(boxen[pk], len(teilflaechen))):
            boxen[kind.pk] = box
        if quartiere:
            for kind, box in zip(quartiere, _aufteilen(_innen(boxen[pk]), len(quartiere))):
                boxen[kind.pk] = box
        offen.extend(k.pk for k in liste)
    geaendert, jetzt = 0, timezone.now()
    for g in gebiete:
        grenze = {"type": "Polygon", "coordinates": [_ring(*boxen[g.pk])]}
        if g.grenze != grenze:
            Gebiet.objects.filter(pk=g.pk).update(grenze=grenze, modified=jetzt)
            geaendert += 1
    return geaendert


def _ebene(stadt: Gebiet) -> str | None:
    """The level with the most areas (the Stadtteil where two levels are as large)."""
    ebenen = defaultdict(int)
    for art in Gebiet.objects.filter(stadt=stadt).values_list("art", flat=True):
        ebenen[art] += 1
    return max(ebenen, key=lambda a: (ebenen[a], a == Gebiet.Art.STADTTEIL), default=None)


@transaction.atomic
def karte_und_sozialindex(staedte: list[Gebiet]) -> None:
    indikatoren = {i.schluessel: i for i in Indikator.objects.filter(
        schluessel__in=[s for s, _ in SOZIALINDEX_INDIKATOREN])}
    for stadt in staedte:
        if stadt.name in ZENTREN:
            schematische_grenzen(stadt, zentrum=ZENTREN[stadt.name])
        if len(indikatoren) < len(SOZIALINDEX_INDIKATOREN):
            continue
        ebene = _ebene(stadt)
        if ebene is None:
            continue
        # As many burdened areas as the documents name on that level.
        anzahl = Gebiet.objects.filter(stadt=stadt, art=ebene, besonders_belastet=True).count()
        services.sozialindex_festlegen(
            stadt=stadt, ebene=ebene, anzahl_belastet=anzahl,
            gewichte=[(indikatoren[s], gewicht, indikatoren[s].hoeher_ist_schlechter)
                      for s, gewicht in SOZIALINDEX_INDIKATOREN])


def karte_und_sozialindex_laden(k: Kontext) -> None:
    karte_und_sozialindex(list(k.staedte.values()))
