"""The map of a city's areas, coloured by burden, by an indicator or by a programme's areas."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.conf import settings
from django.db.models import Count, Max, Q
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import condition

from kern.formulare import Formular
from kern.format import messwert
from kern.parameter import id_wert
from kern.zeit import heute
from programme.models import Foerderprogramm, Programmgebiet
from quartiere import selectors
from quartiere.models import Gebiet, Indikator, grenze_geometrie

from .liste import ARTEN

FARBSKALA = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"]  # ColorBrewer OrRd, light to dark
OHNE_WERT = "#d9d9d9"
ROLLENFARBEN = {Programmgebiet.Rolle.FOERDERGEBIET: "#0b4f6c", Programmgebiet.Rolle.MODELLQUARTIER: "#f0a500",
                Programmgebiet.Rolle.FLANKIEREND: "#7fb7d0"}
NICHT_IM_PROGRAMM = "#ffffff"
KARTENPUNKTE = 60  # points per ring on the map at most
KARTEN_CACHE_SEKUNDEN = 24 * 3600


class KartenForm(Formular):
    stadt = forms.ModelChoiceField(label="Stadt", queryset=Gebiet.objects.staedte().order_by("name"),
                                   empty_label=None, widget=forms.Select(attrs={"class": "form-select"}))
    ebene = forms.ChoiceField(label="Ebene", choices=ARTEN, required=False,
                              widget=forms.Select(attrs={"class": "form-select"}))
    faerbung = forms.ChoiceField(label="Färbung", required=False, choices=[],
                                 widget=forms.Select(attrs={"class": "form-select"}))
    jahr = forms.IntegerField(label="Jahr", required=False, min_value=1900, max_value=2100,
                              widget=forms.NumberInput(attrs={"class": "form-control"}))

    def __init__(self, *args, indikatoren, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["faerbung"].choices = (
            [("belastet", "besonders belastet (Sozialindex)")]
            + [("Indikatoren", [(f"i-{i.schluessel}", i.name) for i in indikatoren])]
            + [("Förderprogramme", [(f"p-{p.pk}", f"{p.kurzname} – {p.name}") for p in programme])]
        )


@dataclass(frozen=True)
class Legendeneintrag:
    farbe: str
    text: str


def _klassen(werte: list[Decimal], hoeher_ist_schlechter: bool) -> list[tuple[Decimal, Decimal, str]]:
    """Up to five classes of (nearly) equal count; darker means more burdened."""
    sortiert = sorted(werte)
    anzahl = min(len(FARBSKALA), len(set(sortiert)))
    if anzahl == 0:
        return []
    grenzen = [sortiert[min(len(sortiert) - 1, round(len(sortiert) * k / anzahl))] for k in range(1, anzahl)]
    unten = [sortiert[0]] + grenzen
    oben = grenzen + [sortiert[-1]]
    farben = FARBSKALA[:anzahl] if anzahl == len(FARBSKALA) else [
        FARBSKALA[round(k * (len(FARBSKALA) - 1) / max(1, anzahl - 1))] for k in range(anzahl)]
    if not hoeher_ist_schlechter:
        farben = list(reversed(farben))
    return [(u, o, f) for u, o, f in zip(unten, oben, farben)]


def _klassenfarbe(wert: Decimal, klassen) -> str:
    for _, oben, farbe in klassen:
        if wert <= oben:
            return farbe
    return klassen[-1][2]


@dataclass
class Faerbung:
    titel: str
    legende: list[Legendeneintrag]
    hinweis: str
    zeilen: list[tuple[Gebiet, str, str]]  # area, colour, text
    jahr: int | None = None
    jahre: tuple[int, ...] = ()


def faerbung_nach_indikator(gebiete: list[Gebiet], indikator: Indikator, jahr: int | None) -> Faerbung:
    """Quantile classes of one indicator in a year (default: the latest measured year)."""
    jahre = selectors.jahre_mit_werten(gebiete=gebiete, indikator=indikator)
    if jahr not in jahre:
        gemessen = [j for j in jahre if j <= heute().year]
        jahr = (gemessen or jahre or [None])[-1]
    werte = selectors.werte_je_gebiet(gebiete=gebiete, indikator=indikator, jahr=jahr) if jahr else {}
    klassen = _klassen(list(werte.values()), indikator.hoeher_ist_schlechter)
    einheit = f" {indikator.einheit}" if indikator.einheit else ""
    legende = [Legendeneintrag(f, f"{'' if i == 0 else 'über '}{messwert(u)} bis {messwert(o)}{einheit}")
               for i, (u, o, f) in enumerate(klassen)] + [Legendeneintrag(OHNE_WERT, "kein Wert")]
    zeilen = [(g, _klassenfarbe(werte[g.pk], klassen), f"{messwert(werte[g.pk])}{einheit}") if g.pk in werte
              else (g, OHNE_WERT, "kein Wert") for g in gebiete]
    richtung = "höher" if indikator.hoeher_ist_schlechter else "niedriger"
    return Faerbung(titel=f"{indikator.name} {jahr or ''}".strip(), legende=legende, zeilen=zeilen, jahr=jahr,
                    jahre=tuple(jahre), hinweis=f"dunkler = ungünstiger ({richtung} ist ungünstiger)")


def faerbung_nach_programm(gebiete: list[Gebiet], programm: Foerderprogramm) -> Faerbung:
    """The programme's areas today, coloured by their role."""
    tag = heute()
    rollen = {pg.gebiet_id: pg for pg in Programmgebiet.objects.filter(programm=programm, gebiet__in=gebiete)
              .filter(Q(ende__isnull=True) | Q(ende__gte=tag), beginn__lte=tag)}
    legende = [Legendeneintrag(f, str(r.label)) for r, f in ROLLENFARBEN.items()] + [
        Legendeneintrag(NICHT_IM_PROGRAMM, "nicht im Programm")]
    zeilen = [(g, ROLLENFARBEN[rollen[g.pk].rolle], f"{rollen[g.pk].get_rolle_display()} seit "
                                                   f"{rollen[g.pk].beginn:%d.%m.%Y}") if g.pk in rollen
              else (g, NICHT_IM_PROGRAMM, "nicht im Programm") for g in gebiete]
    return Faerbung(titel=f"{programm.kurzname}: Programmgebiete heute", legende=legende, hinweis="", zeilen=zeilen)


def faerbung_nach_belastung(gebiete: list[Gebiet]) -> Faerbung:
    return Faerbung(
        titel="besonders belastet", hinweis="",
        legende=[Legendeneintrag(FARBSKALA[4], "besonders belastet"), Legendeneintrag(FARBSKALA[0], "nicht markiert")],
        zeilen=[(g, FARBSKALA[4], "besonders belastet") if g.besonders_belastet
                else (g, FARBSKALA[0], "nicht markiert") for g in gebiete])


def _geojson(zeilen) -> dict:
    """Colours and texts per area; the geometry comes from karte_daten (its own, cached URL)."""
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": g.pk, "geometry": None,
         "properties": {"name": g.name, "text": text, "farbe": farbe, "url": reverse("gebiete:detail", args=[g.pk])}}
        for g, farbe, text in zeilen]}


def _vereinfacht(ring: list, hoechstens: int = KARTENPUNKTE) -> list:
    """Every n-th point of a ring (closed again), coordinates rounded to about a metre."""
    schritt = max(1, -(-len(ring) // hoechstens))
    punkte = [[round(p[0], 5), round(p[1], 5)] for p in ring[:-1][::schritt]]
    if len(punkte) < 3:
        punkte = [[round(p[0], 5), round(p[1], 5)] for p in ring[:-1]]
    return punkte + [punkte[0]]


def vereinfachte_geometrie(grenze) -> dict | None:
    geometrie = grenze_geometrie(grenze)
    if geometrie is None:
        return None
    if geometrie["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": [_vereinfacht(r) for r in geometrie["coordinates"]]}
    return {"type": "MultiPolygon", "coordinates": [[_vereinfacht(r) for r in polygon]
                                                    for polygon in geometrie["coordinates"]]}


def _grenzen(stadt_id: int, ebene: str):
    return Gebiet.objects.filter(stadt_id=stadt_id, art=ebene, grenze__isnull=False)


def _grenzen_etag(request, stadt: int, ebene: str) -> str:
    if not hasattr(request, "_grenzen_etag"):  # asked by the condition decorator and by the view
        stand = _grenzen(stadt, ebene).aggregate(stand=Max("modified"), n=Count("id"))
        request._grenzen_etag = f"{stadt}-{ebene}-{stand['n']}-{stand['stand'].timestamp() if stand['stand'] else 0}"
    return request._grenzen_etag


@condition(etag_func=lambda request: _grenzen_etag(request, *_daten_parameter(request)))
def karte_daten(request):
    """The simplified boundaries of a city's areas of one level as GeoJSON, for the map to fetch.

    Areas are city data, the same for every role; the answer changes only when an area does, so it
    is kept in the cache under its ETag (the latest change and the number of areas) and a client
    that has it gets 304."""
    stadt, ebene = _daten_parameter(request)
    schluessel = f"karte-grenzen-{_grenzen_etag(request, stadt, ebene)}"
    inhalt = cache.get(schluessel)
    if inhalt is None:
        features = [{"type": "Feature", "id": pk, "geometry": vereinfachte_geometrie(grenze), "properties": {}}
                    for pk, grenze in _grenzen(stadt, ebene).values_list("pk", "grenze")]
        inhalt = json.dumps({"type": "FeatureCollection", "features": [f for f in features if f["geometry"]]},
                            separators=(",", ":"))
        cache.set(schluessel, inhalt, KARTEN_CACHE_SEKUNDEN)
    return HttpResponse(inhalt, content_type="application/geo+json")


def _daten_parameter(request) -> tuple[int, str]:
    stadt, ebene = request.GET.get("stadt", ""), request.GET.get("ebene", "")
    if not stadt.isdigit() or ebene not in Gebiet.Art.values:
        raise Http404("Unbekannte Stadt oder Ebene.")
    return int(stadt), ebene


def karte(request):
    staedte = Gebiet.objects.staedte().order_by("name")
    pk = id_wert(request.GET.get("stadt", ""))
    stadt = (staedte.filter(pk=pk).first() if pk is not None else None) or staedte.first()
    indikatoren = list(Indikator.objects.order_by("name"))
    programme = list(Foerderprogramm.objects.filter(stadt=stadt).order_by("kurzname")) if stadt else []
    mit_grenze = Gebiet.objects.filter(stadt=stadt, grenze__isnull=False) if stadt else Gebiet.objects.none()
    ebenen = Counter(mit_grenze.values_list("art", flat=True))
    standard = {"stadt": stadt.pk if stadt else None, "faerbung": "belastet",
                "ebene": ebenen.most_common(1)[0][0] if ebenen else Gebiet.Art.STADTTEIL}
    form = KartenForm({**standard, **{k: v for k, v in request.GET.items() if v}}, indikatoren=indikatoren,
                      programme=programme)
    form.is_valid()  # invalid choices fall back to the defaults
    ebene = form.cleaned_data.get("ebene") or standard["ebene"]
    auswahl = form.cleaned_data.get("faerbung") or "belastet"
    gebiete = list(mit_grenze.filter(art=ebene).defer("grenze").order_by("name"))
    if auswahl.startswith("i-"):
        faerbung = faerbung_nach_indikator(gebiete, next(i for i in indikatoren if f"i-{i.schluessel}" == auswahl),
                                           form.cleaned_data.get("jahr"))
    elif auswahl.startswith("p-"):
        faerbung = faerbung_nach_programm(gebiete, next(p for p in programme if f"p-{p.pk}" == auswahl))
    else:
        faerbung = faerbung_nach_belastung(gebiete)
    return render(request, "portal/gebiete/karte.html", {
        "form": form, "stadt": stadt, "faerbung": faerbung, "features": _geojson(faerbung.zeilen),
        "grenzen_url": f"{reverse('gebiete:karte_daten')}?stadt={stadt.pk}&ebene={ebene}" if stadt else "",
        "ebene_name": dict(Gebiet.Art.choices).get(ebene, ebene),
        "kacheln": settings.MAP_TILE_URL, "kacheln_hinweis": settings.MAP_TILE_ATTRIBUTION,
        "ohne_grenze": Gebiet.objects.filter(stadt=stadt, art=ebene, grenze__isnull=True).count() if stadt else 0,
    })
