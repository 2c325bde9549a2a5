"""Reads of fund calls: the open ones to decide, the ones not spent in time, and what the project page shows.
Every read is scoped by MittelabrufQuerySet.sichtbar_fuer (staff all, managers their areas, council none)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, Q, QuerySet

from kern.zeit import heute

from .mittelabruf import Mittelabruf
from .mittelabruf_regeln import (
    abrufregel,
    abrufstand,
    kann_mittel_abrufen,
    kann_mittelabrufe_entscheiden,
    kann_mittelabrufe_sehen,
)
from .models import NULL_EURO, Bewilligung, Projekt
from .zuwendung_regeln import vorgaben as programmvorgaben

LISTENFELDER = ("bewilligung__projekt__gebiet__stadt", "bewilligung__programm__stadt", "beantragt_von")


def _mit_bezug(abrufe: QuerySet) -> QuerySet:
    return abrufe.select_related(*LISTENFELDER).defer("bewilligung__projekt__gebiet__grenze",
                                                      "bewilligung__projekt__gebiet__stadt__grenze",
                                                      "bewilligung__programm__stadt__grenze")


def offene_mittelabrufe(user) -> QuerySet:
    """Calls waiting for staff's decision, oldest first: for staff all, for managers those of their areas."""
    return _mit_bezug(Mittelabruf.objects.sichtbar_fuer(user).offen()).order_by("beantragt_am", "pk")


def nicht_fristgerecht_verwendet(user, stichtag: dt.date, *, nur_offene: bool = False) -> QuerySet:
    """Paid calls whose spend-by day lies before `stichtag` and that were not reported spent by that day
    (not at all, or later). `nur_offene`: only those not reported at all (what is still to be chased)."""
    gemeldet_spaeter = Q(verwendet_am__isnull=True) if nur_offene else (
        Q(verwendet_am__isnull=True) | Q(verwendet_am__gt=F("verwenden_bis")))
    return (_mit_bezug(Mittelabruf.objects.sichtbar_fuer(user).genehmigt())
            .filter(gemeldet_spaeter, verwenden_bis__lt=stichtag).select_related("auszahlung")
            .order_by("verwenden_bis", "pk"))


@dataclass(frozen=True)
class Zinszeitraum:
    """A paid call not spent by its spend-by day: § 49a Abs. 4 VwVfG allows interest on its amount for the time
    from the payout until the money was spent (or, while it is not, until `bis`)."""

    abruf: Mittelabruf
    betrag: Decimal
    von: dt.date
    bis: dt.date
    verwendet: bool


def zinszeitraeume(bewilligung: Bewilligung, stichtag: dt.date) -> list[Zinszeitraum]:
    """The grant's calls not spent in time by `stichtag`, each with its interest period (one query)."""
    abrufe = (Mittelabruf.objects.genehmigt().filter(bewilligung=bewilligung, verwenden_bis__lt=stichtag)
              .filter(Q(verwendet_am__isnull=True) | Q(verwendet_am__gt=F("verwenden_bis")))
              .select_related("auszahlung").order_by("auszahlung__datum", "pk"))
    return [Zinszeitraum(abruf=a, betrag=a.betrag, von=a.auszahlung.datum,
                         bis=min(a.verwendet_am, stichtag) if a.verwendet_am else stichtag,
                         verwendet=a.verwendet_am is not None and a.verwendet_am <= stichtag) for a in abrufe]


def projektseite(bewilligungen: list[Bewilligung], user, projekt: Projekt) -> dict:
    """The fund calls of a project's granted grants with what each may still call; nothing for council.
    `bewilligungen`: the project page's grants, with programme and defaults, proof of use and payouts read
    already; one query more (the calls)."""
    if not kann_mittelabrufe_sehen(user):
        return {"ma_sichtbar": False}
    bewilligt = [b for b in bewilligungen if b.status == Bewilligung.Status.BEWILLIGT]
    abrufe: dict[int, list[Mittelabruf]] = defaultdict(list)
    for abruf in Mittelabruf.objects.filter(bewilligung__in=[b.pk for b in bewilligt]).select_related(
            "beantragt_von", "entschieden_von").order_by("beantragt_am", "pk"):
        abrufe[abruf.bewilligung_id].append(abruf)
    zeilen = [{"bewilligung": b, "abrufe": abrufe[b.pk], "stand": _stand(b, abrufe[b.pk]),
               "regel": abrufregel(programmvorgaben(b.programm))} for b in bewilligt]
    return {"ma_sichtbar": True, "ma_zeilen": zeilen, "ma_heute": heute(),
            "ma_darf_abrufen": kann_mittel_abrufen(user, projekt),
            "ma_darf_entscheiden": kann_mittelabrufe_entscheiden(user)}


def _stand(bewilligung: Bewilligung, abrufe: list[Mittelabruf]):
    nachweis = getattr(bewilligung, "verwendungsnachweis", None)
    return abrufstand(bewilligt=bewilligung.betrag_bewilligt, zurueckgefordert=bewilligung.betrag_zurueckgefordert,
                      ausgezahlt=sum((a.betrag for a in bewilligung.auszahlungen.all()), NULL_EURO),
                      offen=sum((a.betrag for a in abrufe if a.ist_offen), NULL_EURO),
                      vorgaben=programmvorgaben(bewilligung.programm),
                      geprueft=nachweis is not None and nachweis.geprueft_am is not None,
                      verwendet=nachweis.verwendet if nachweis is not None else None)
