"""Fund calls in the demo: on running grants of this year in the areas of the demo quartier managements, a
handful of calls as the managers make them and staff decide them: open, paid and reported spent, paid and not
spent in time, refused. Everything goes through programme.mittelabruf_services; a call is known again by its
grant and purpose, so loading twice adds nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from programme import mittelabruf_services as services
from programme.mittelabruf import Mittelabruf
from programme.mittelabruf_regeln import kann_mittel_abrufen
from programme.models import Bewilligung, Projekt
from programme.zuwendung import Zuwendung
from quartiere.zugriff import eigene_gebiet_ids

from .basis import Kontext

ZEHN_EURO = Decimal("10")
MANAGEMENTS = ("qm-blockdiek", "qm-rheindorf")


@dataclass(frozen=True)
class Abrufvorlage:
    zweck: str
    anteil: str  # share of what the grant may still call
    vor_tagen: int  # called so many days before the day of loading
    frist_tage: int  # to be spent so many days after the call
    ausgang: str  # offen | verwendet | genehmigt | abgelehnt
    grund: str = ""


VORLAGEN = [
    Abrufvorlage("Honorare der Kursleitungen für die nächsten drei Wochen", "0.25", 2, 21, "offen"),
    Abrufvorlage("Miete und Material der Herbstwerkstatt", "0.2", 45, 21, "verwendet"),
    Abrufvorlage("Fahrtkosten und Verpflegung der Ferienfahrt", "0.15", 50, 21, "genehmigt"),
    Abrufvorlage("Druckkosten der Stadtteilzeitung", "0.1", 20, 14, "abgelehnt",
                 "Bitte eine kurze Übersicht der bisherigen Ausgaben beifügen (Nr. 1.4 ANBest-P)."),
    Abrufvorlage("Personalkosten der Honorarkraft im Dezember", "0.3", 1, 28, "offen"),
    Abrufvorlage("Material für die Winteraktion", "0.2", 6, 35, "genehmigt"),
]
MINDESTENS = Decimal("500")


def _ohne_abrufe_frei(bewilligung: Bewilligung) -> Decimal:
    """What the grant left to call before any demo call: the same on every load."""
    direkt = bewilligung.auszahlungen.filter(mittelabruf__isnull=True).summe()
    return (bewilligung.betrag_bewilligt or Decimal(0)) * Decimal("0.9") - direkt


def _kandidaten(k: Kontext, managements: list) -> list[Bewilligung]:
    """Running grants of this year with money left to call and an unchecked proof of use, those of the demo
    managements' areas first."""
    eigene = set().union(*(eigene_gebiet_ids(u) for u in managements))
    laufend = Bewilligung.objects.bewilligt().filter(
        jahr=k.heute.year, projekt__status=Projekt.Status.LAUFEND,
        verwendungsnachweis__geprueft_am__isnull=True).select_related("projekt", "programm").order_by("pk")
    kandidaten = [b for b in laufend if _ohne_abrufe_frei(b) >= MINDESTENS]
    return sorted(kandidaten, key=lambda b: b.projekt.gebiet_id not in eigene)


def _passt(bewilligung: Bewilligung, am: dt.date, bis: dt.date) -> bool:
    zuwendung = Zuwendung.objects.filter(bewilligung=bewilligung).first()
    return zuwendung is None or (zuwendung.beginn <= am and bis <= zuwendung.ende)


def _abruf_laden(k: Kontext, bewilligung: Bewilligung, v: Abrufvorlage, user) -> None:
    am = k.heute - dt.timedelta(days=v.vor_tagen)
    bis = am + dt.timedelta(days=v.frist_tage)
    betrag = (services.stand_lesen(bewilligung).abrufbar * Decimal(v.anteil) / ZEHN_EURO).quantize(
        Decimal("1"), rounding=ROUND_DOWN) * ZEHN_EURO
    abruf = services.mittel_abrufen(bewilligung=bewilligung, betrag=betrag, verwenden_bis=bis, zweck=v.zweck,
                                    durch=user, datum=am)
    entschieden = am + dt.timedelta(days=2)
    if v.ausgang == "abgelehnt":
        services.mittelabruf_ablehnen(abruf=abruf, grund=v.grund, durch=k.verwaltung, datum=entschieden)
    elif v.ausgang in ("verwendet", "genehmigt"):
        abruf = services.mittelabruf_genehmigen(abruf=abruf, durch=k.verwaltung, datum=entschieden)
        if v.ausgang == "verwendet":
            services.verwendung_melden(abruf=abruf, verwendet_am=bis - dt.timedelta(days=3), durch=user)


def mittelabrufe_laden(k: Kontext) -> None:
    """Each template goes to the first grant not used yet whose funding period holds the call; a template whose
    purpose is already there is loaded (so on a later day the demo does not grow)."""
    managements = [k.users[name] for name in MANAGEMENTS if name in k.users]
    vorhanden = set(Mittelabruf.objects.filter(zweck__in=[v.zweck for v in VORLAGEN]).values_list("zweck", flat=True))
    frei = _kandidaten(k, managements)
    for v in VORLAGEN:
        if v.zweck in vorhanden:
            continue
        am = k.heute - dt.timedelta(days=v.vor_tagen)
        bewilligung = next((b for b in frei if _passt(b, am, am + dt.timedelta(days=v.frist_tage))), None)
        if bewilligung is None:
            continue
        frei.remove(bewilligung)
        # The area's demo management calls where there is one, staff elsewhere.
        user = next((u for u in managements if kann_mittel_abrufen(u, bewilligung.projekt)), k.verwaltung)
        _abruf_laden(k, bewilligung, v, user)
