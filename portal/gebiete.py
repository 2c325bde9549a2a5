"""Area pages: the list of areas, an area's page and the map.

They bring together data of every app (areas and statistics, programmes and projects, bodies and
meetings), so they live in portal, which may use all apps; quartiere stays free of imports from
the apps to its right. Areas are public city data for every role; projects, bodies and meetings
on them are scoped through portal.access like everywhere else.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Count, Max, Prefetch, Q
from django.shortcuts import render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import path, reverse
from django.utils import timezone

from beteiligung.models import Gremium, Sitzung
from programme.models import Foerderprogramm, Programmgebiet, Projekt
from quartiere import selectors
from quartiere.models import Einrichtung, Gebiet, Indikator, Quartiersmanagement, grenze_geometrie
from quartiere.templatetags.quartiere import laufend, messwert_text

from . import access
from .charts import Reihe, liniendiagramm
from .export import Spalte
from .listen import gefilterte_liste

try:  # provided by the beteiligung app; the area page works without it
    from beteiligung.selectors import strukturcheck as _strukturcheck
except ImportError:  # pragma: no cover - only before beteiligung.selectors exists
    _strukturcheck = None

ARTEN = [c for c in Gebiet.Art.choices if c[0] != Gebiet.Art.STADT]
PROJEKTE_AUF_SEITE = 15
SITZUNGEN_AUF_SEITE = 6


def _heute():
    return timezone.localdate()


# --- List ----------------------------------------------------------------------------------------

class ProgrammFilter(django_filters.ModelChoiceFilter):
    @property
    def field(self):
        feld = super().field
        # Programme short names repeat across cities (WiN, LOS): say which city.
        feld.label_from_instance = lambda p: f"{p.kurzname} ({p.stadt})"
        return feld


class GebietFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Suche", method="suche",
                                  widget=forms.TextInput(attrs={"placeholder": "Name, Kennziffer, Quartierstyp"}))
    stadt = django_filters.ModelChoiceFilter(label="Stadt", queryset=Gebiet.objects.staedte().order_by("name"),
                                             empty_label="alle Städte")
    art = django_filters.ChoiceFilter(label="Art", choices=ARTEN, empty_label="alle Arten")
    belastet = django_filters.ChoiceFilter(label="besonders belastet", field_name="besonders_belastet",
                                           choices=[("ja", "ja"), ("nein", "nein")], method="nach_belastung",
                                           empty_label="alle")
    programm = ProgrammFilter(label="Programm", field_name="programmgebiete__programm", distinct=True,
                              queryset=Foerderprogramm.objects.select_related("stadt").order_by("stadt__name",
                                                                                                 "kurzname"),
                              empty_label="alle Programme")
    sortierung = django_filters.OrderingFilter(
        label="Sortierung", empty_label="Stadt, Name",
        fields=(("name", "name"), ("art", "art"), ("stadt__name", "stadt"), ("parent__name", "parent"),
                ("kennziffer", "kennziffer"), ("einwohner", "einwohner"), ("rang", "rang"),
                ("besonders_belastet", "belastet")),
        field_labels={"name": "Name", "art": "Art", "stadt": "Stadt", "parent": "übergeordnet",
                      "kennziffer": "Kennziffer", "einwohner": "Einwohner", "rang": "Rang im Sozialindex",
                      "belastet": "besonders belastet"},
    )

    class Meta:
        model = Gebiet
        fields = []

    def suche(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(kennziffer__icontains=value)
                               | Q(quartierstyp__icontains=value) | Q(parent__name__icontains=value))

    def nach_belastung(self, queryset, name, value):
        return queryset.filter(besonders_belastet=value == "ja")


def _laufende_programme(gebiet: Gebiet) -> list[Programmgebiet]:
    return laufend(gebiet.programmgebiete.all())


GEBIET_SPALTEN = [
    Spalte("Name", lambda g: g.name),
    Spalte("Art", lambda g: g.get_art_display()),
    Spalte("übergeordnetes Gebiet", lambda g: g.parent.name if g.parent else ""),
    Spalte("Stadt", lambda g: g.stadt.name if g.stadt else ""),
    Spalte("Kennziffer", lambda g: g.kennziffer),
    Spalte("Quartierstyp", lambda g: g.quartierstyp),
    Spalte("Einwohner", lambda g: int(g.einwohner) if g.einwohner is not None else None, "zahl"),
    Spalte("Einwohner Stand", lambda g: g.einwohner_jahr, "zahl"),
    Spalte("Rang im Sozialindex", lambda g: g.rang, "zahl"),
    Spalte("von Gebieten", lambda g: g.rang_von, "zahl"),
    Spalte("Rang Jahr", lambda g: g.rang_jahr, "zahl"),
    Spalte("besonders belastet", lambda g: "ja" if g.besonders_belastet else "nein"),
    Spalte("laufende Programme", lambda g: ", ".join(pg.programm.kurzname for pg in _laufende_programme(g))),
]


def gebiet_liste(request):
    # Areas are public city data: every role sees all of them (feld=None).
    gebiete = selectors.mit_kennzahlen(
        access.sichtbar(request.user, Gebiet.objects.quartiere(), feld=None).select_related("parent", "stadt")
        .prefetch_related(Prefetch("programmgebiete",
                                   queryset=Programmgebiet.objects.select_related("programm")
                                   .order_by("programm__kurzname", "beginn")))
        .order_by("stadt__name", "name")
    )
    filterset = GebietFilter(request.GET or None, queryset=gebiete)
    return gefilterte_liste(request, filterset=filterset, template="quartiere/gebiet_liste.html",
                            spalten=GEBIET_SPALTEN, dateiname=f"Gebiete_{_heute():%Y-%m-%d}")


# --- Area page -----------------------------------------------------------------------------------

@dataclass
class Indikatorblock:
    verlauf: selectors.Verlauf
    diagramm: str
    stellen: int


def _stellen(werte) -> int:
    return max((max(0, -Decimal(w).quantize(Decimal("0.01")).normalize().as_tuple().exponent)
                for w in werte if w is not None), default=0)


def indikatorblock(gebiet: Gebiet, verlauf: selectors.Verlauf) -> Indikatorblock:
    """A line chart of one indicator of an area against the city average, for page and report."""
    ind = verlauf.indikator
    jahre = [j.jahr for j in verlauf.jahre]
    # The area's own values set the precision; averages are shown with the same number of decimals.
    stellen = _stellen([j.wert for j in verlauf.jahre])
    reihen = [Reihe(gebiet.name, [j.wert for j in verlauf.jahre])]
    ebene = gebiet.get_art_display()
    if verlauf.hat_durchschnitt:
        reihen.append(Reihe(f"Mittel {ebene} {gebiet.stadt}", [j.durchschnitt for j in verlauf.jahre],
                            farbe="#6c6c6c"))
    aktuell = verlauf.aktuell
    beschreibung = (f"Linien je Jahr {jahre[0]} bis {jahre[-1]}: {ind.name} in {gebiet.name}"
                    + (f" und Mittel aller Gebiete der Ebene {ebene} in {gebiet.stadt}" if verlauf.hat_durchschnitt
                       else "")
                    + (f"; zuletzt gemessen {aktuell.jahr}: {messwert_text(aktuell.wert)} {ind.einheit}"
                       if aktuell else "")
                    + (f"; ab {verlauf.prognose_ab} Prognose" if verlauf.prognose_ab else "")
                    + ". Die Zahlen stehen in der Tabelle.")
    diagramm = liniendiagramm(titel=f"{ind.name} in {gebiet.name}", beschreibung=beschreibung, jahre=jahre,
                              reihen=reihen, einheit=ind.einheit, prognose_ab=verlauf.prognose_ab, stellen=stellen)
    return Indikatorblock(verlauf=verlauf, diagramm=diagramm, stellen=stellen)


def _kette(gebiet: Gebiet) -> list[Gebiet]:
    """The area and the areas above it, nearest first (from the select_related chain, no query)."""
    kette, knoten = [], gebiet
    while knoten is not None:
        kette.append(knoten)
        knoten = knoten.parent
    return kette


def _strukturcheck_block(gebiet: Gebiet, jahr: int):
    if _strukturcheck is None or gebiet.art == Gebiet.Art.STADT:
        return None
    try:
        get_template("beteiligung/_strukturcheck.html")
    except TemplateDoesNotExist:
        return None
    return _strukturcheck([gebiet], jahr).get(gebiet.pk)


def _sieht_gebietsarbeit(user, gebiet: Gebiet) -> bool:
    """Bodies, meetings and the Strukturcheck of an area are seen by staff, council and its managers,
    as everywhere in the portal (the querysets are scoped through access.sichtbar besides)."""
    return access.ist_verwaltung(user) or access.ist_rat(user) or gebiet.pk in access.eigene_gebiet_ids(user)


def gebiet_detail(request, pk: int):
    gebiet = access.objekt_oder_404(
        request.user, Gebiet.objects.select_related("parent__parent__parent__parent", "stadt"), feld=None, pk=pk)
    user, heute = request.user, _heute()
    kette = _kette(gebiet)
    teilbaum = Gebiet.objects.im_teilbaum(gebiet)
    projekte = access.sichtbar(user, Projekt.objects.filter(gebiet__in=teilbaum))
    gremien = access.sichtbar(user, Gremium.objects.filter(gebiet__in=teilbaum, aktiv=True))
    sitzungen = access.sichtbar(user, Sitzung.objects.filter(gremium__gebiet__in=teilbaum, datum__lte=heute),
                                "gremium__gebiet")
    beteiligung_sichtbar = _sieht_gebietsarbeit(user, gebiet)
    verlaeufe = selectors.indikatorverlaeufe(gebiet)
    return render(request, "quartiere/gebiet_detail.html", {
        "gebiet": gebiet,
        "vorfahren": list(reversed(kette[1:])),
        "untergebiete": list(gebiet.untergebiete.order_by("name")),
        "programmgebiete": list(Programmgebiet.objects.filter(gebiet__in=kette).select_related("programm", "gebiet")
                                .order_by("-beginn", "programm__kurzname")),
        "qm_stellen": list(Quartiersmanagement.objects.filter(gebiet__in=kette).select_related("traeger", "gebiet")
                           .prefetch_related("personen").order_by("-beginn")),
        "einrichtungen": list(Einrichtung.objects.filter(gebiet__in=teilbaum).select_related("gebiet", "traeger")
                              .order_by("status", "name")),
        "projekte": list(projekte.select_related("gebiet", "traeger").order_by("-beginn", "titel")
                         [:PROJEKTE_AUF_SEITE]),
        "projekte_anzahl": projekte.count(),
        "beteiligung_sichtbar": beteiligung_sichtbar,
        "gremien": list(gremien.select_related("gebiet").annotate(
            zuletzt=Max("sitzungen__datum", filter=Q(sitzungen__datum__lte=heute)),
            sitzungen_jahr=Count("sitzungen", filter=Q(sitzungen__datum__year=heute.year,
                                                       sitzungen__datum__lte=heute))).order_by("art", "name"))
        if beteiligung_sichtbar else [],
        "sitzungen": list(sitzungen.select_related("gremium").order_by("-datum", "-beginn")[:SITZUNGEN_AUF_SEITE])
        if beteiligung_sichtbar else [],
        "strukturcheck": _strukturcheck_block(gebiet, heute.year) if beteiligung_sichtbar else None,
        "indikatoren": [indikatorblock(gebiet, v) for v in verlaeufe],
        "rangverlauf": selectors.rangverlauf(gebiet),
        "heute": heute,
    })


# --- Map -----------------------------------------------------------------------------------------

FARBSKALA = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"]  # ColorBrewer OrRd, light to dark
OHNE_WERT = "#d9d9d9"
ROLLENFARBEN = {Programmgebiet.Rolle.FOERDERGEBIET: "#0b4f6c", Programmgebiet.Rolle.MODELLQUARTIER: "#f0a500",
                Programmgebiet.Rolle.FLANKIEREND: "#7fb7d0"}
NICHT_IM_PROGRAMM = "#ffffff"


class KartenForm(forms.Form):
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


def karte(request):
    stadt_wert = request.GET.get("stadt")
    staedte = Gebiet.objects.staedte()
    stadt = (staedte.filter(pk=stadt_wert).first() if stadt_wert and stadt_wert.isdigit() else None) \
        or staedte.order_by("name").first()
    indikatoren = list(Indikator.objects.order_by("name"))
    programme = list(Foerderprogramm.objects.filter(stadt=stadt).order_by("kurzname")) if stadt else []
    mit_grenze = Gebiet.objects.filter(stadt=stadt, grenze__isnull=False) if stadt else Gebiet.objects.none()
    ebenen = Counter(mit_grenze.values_list("art", flat=True))
    standard_ebene = ebenen.most_common(1)[0][0] if ebenen else Gebiet.Art.STADTTEIL
    daten = {"stadt": stadt.pk if stadt else None, "ebene": standard_ebene, "faerbung": "belastet",
             **{k: v for k, v in request.GET.items() if v}}
    form = KartenForm(daten, indikatoren=indikatoren, programme=programme)
    form.is_valid()
    ebene = form.cleaned_data.get("ebene") or standard_ebene
    faerbung = form.cleaned_data.get("faerbung") or "belastet"
    gebiete = list(mit_grenze.filter(art=ebene).order_by("name"))
    legende, zeilen, titel, jahr, jahre = [], [], "besonders belastet", None, []

    if faerbung.startswith("i-"):
        indikator = next(i for i in indikatoren if i.schluessel == faerbung[2:])
        jahre = selectors.jahre_mit_werten(gebiete=gebiete, indikator=indikator)
        gemessen = [j for j in jahre if j <= _heute().year]
        jahr = form.cleaned_data.get("jahr")
        if jahr not in jahre:
            jahr = (gemessen or jahre or [None])[-1]
        werte = selectors.werte_je_gebiet(gebiete=gebiete, indikator=indikator, jahr=jahr) if jahr else {}
        klassen = _klassen(list(werte.values()), indikator.hoeher_ist_schlechter)
        einheit = f" {indikator.einheit}" if indikator.einheit else ""
        titel = f"{indikator.name} {jahr or ''}".strip()
        legende = [Legendeneintrag(f, f"{'' if i == 0 else 'über '}{messwert_text(u)} bis {messwert_text(o)}{einheit}")
                   for i, (u, o, f) in enumerate(klassen)]
        for g in gebiete:
            wert = werte.get(g.pk)
            zeilen.append((g, _klassenfarbe(wert, klassen) if wert is not None else OHNE_WERT,
                           f"{messwert_text(wert)}{einheit}" if wert is not None else "kein Wert"))
        richtung = "höher" if indikator.hoeher_ist_schlechter else "niedriger"
        legende_hinweis = f"dunkler = ungünstiger ({richtung} ist ungünstiger)"
    elif faerbung.startswith("p-"):
        programm = next(p for p in programme if f"p-{p.pk}" == faerbung)
        heute = _heute()
        rollen = {pg.gebiet_id: pg for pg in Programmgebiet.objects.filter(programm=programm, gebiet__in=gebiete)
                  .filter(Q(ende__isnull=True) | Q(ende__gte=heute), beginn__lte=heute)}
        titel = f"{programm.kurzname}: Programmgebiete heute"
        legende = [Legendeneintrag(f, str(r.label)) for r, f in ROLLENFARBEN.items()] + [
            Legendeneintrag(NICHT_IM_PROGRAMM, "nicht im Programm")]
        for g in gebiete:
            pg = rollen.get(g.pk)
            zeilen.append((g, ROLLENFARBEN[pg.rolle] if pg else NICHT_IM_PROGRAMM,
                           f"{pg.get_rolle_display()} seit {pg.beginn:%d.%m.%Y}" if pg else "nicht im Programm"))
        legende_hinweis = ""
    else:
        legende = [Legendeneintrag(FARBSKALA[4], "besonders belastet"), Legendeneintrag(FARBSKALA[0], "nicht markiert")]
        for g in gebiete:
            zeilen.append((g, FARBSKALA[4] if g.besonders_belastet else FARBSKALA[0],
                           "besonders belastet" if g.besonders_belastet else "nicht markiert"))
        legende_hinweis = ""

    features = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": grenze_geometrie(g.grenze),
         "properties": {"name": g.name, "text": text, "farbe": farbe,
                        "url": reverse("gebiete:detail", args=[g.pk])}}
        for g, farbe, text in zeilen if grenze_geometrie(g.grenze)]}
    return render(request, "quartiere/karte.html", {
        "form": form, "stadt": stadt, "titel": titel, "jahr": jahr, "jahre": jahre, "legende": legende,
        "legende_hinweis": legende_hinweis, "zeilen": zeilen, "features": features,
        "ebene_name": dict(Gebiet.Art.choices).get(ebene, ebene),
        "kacheln": settings.MAP_TILE_URL, "kacheln_hinweis": settings.MAP_TILE_ATTRIBUTION,
        "ohne_grenze": Gebiet.objects.filter(stadt=stadt, art=ebene, grenze__isnull=True).count() if stadt else 0,
    })


app_name = "gebiete"

urlpatterns = [
    path("", gebiet_liste, name="liste"),
    path("karte/", karte, name="karte"),
    path("<int:pk>/", gebiet_detail, name="detail"),
]
