"""Reads of the grant-law data for the project page and the operator page."""

from __future__ import annotations

import datetime as dt

from kern.rollen import ist_verwaltung
from kern.zeit import heute
from quartiere.models import Organisation

from . import zuwendung_regeln
from .models import Bewilligung, Projekt
from .zuwendung import Bescheid, Traegerdaten, VorzeitigerBeginn, Zuwendung


def traegerdaten(organisation: Organisation | None) -> Traegerdaten | None:
    if organisation is None:
        return None
    return Traegerdaten.objects.filter(organisation=organisation).first()


def planjahre(projekt: Projekt) -> tuple[object, list[dict]]:
    """The current plan and, per year, its lines and sums (expenses, income, balanced or not)."""
    plan = zuwendung_regeln.aktueller_plan(projekt)
    if plan is None:
        return None, []
    positionen = list(plan.positionen.select_related("programm").order_by("jahr", "kategorie", "id"))
    summen = zuwendung_regeln.plansummen(positionen)
    return plan, [{"jahr": jahr, "summe": s, "positionen": [p for p in positionen if p.jahr == jahr]}
                  for jahr, s in summen.items()]


def projektseite(projekt: Projekt, user) -> dict:
    """What the project page shows of grant law: operator, plan, type of financing, notices, early start,
    de-minimis total. A fixed number of queries."""
    plan, jahre = planjahre(projekt)
    zuwendungen = {z.bewilligung_id: z for z in Zuwendung.objects.filter(bewilligung__projekt=projekt)}
    bescheide: dict[int, list[Bescheid]] = {}
    for b in Bescheid.objects.sichtbar_fuer(user).filter(bewilligung__projekt=projekt).order_by("laufnummer",
                                                                                                 "version"):
        bescheide.setdefault(b.bewilligung_id, []).append(b)
    daten = traegerdaten(projekt.traeger)
    zeilen = [{"bewilligung": b, "zuwendung": zuwendungen.get(b.pk), "bescheide": bescheide.get(b.pk, [])}
              for b in projekt.bewilligungen.select_related("programm").order_by("jahr", "programm__kurzname")]
    return {
        "zw_traeger": daten,
        "zw_iban": (daten.iban_lesbar if ist_verwaltung(user) else daten.iban_maskiert) if daten else None,
        "zw_plan": plan, "zw_planjahre": jahre, "zw_zeilen": zeilen,
        "zw_vorzeitig": VorzeitigerBeginn.objects.filter(projekt=projekt).first(),
        "zw_de_minimis": zuwendung_regeln.de_minimis_summe(traeger_id=projekt.traeger_id, stichtag=heute())
        if projekt.traeger_id else None,
        "zw_de_minimis_grenze": zuwendung_regeln.de_minimis_grenze(),
        "zw_verwaltung": ist_verwaltung(user),
    }


def de_minimis_bewilligungen(*, organisation: Organisation, user, stichtag: dt.date | None = None):
    """The operator's de-minimis grants of the three years up to `stichtag`, as the user may see them."""
    stichtag = stichtag or heute()
    return (Bewilligung.objects.sichtbar_fuer(user).bewilligt()
            .filter(programm__vorgaben__de_minimis=True, projekt__traeger=organisation,
                    entschieden_am__gt=zuwendung_regeln.monate_spaeter(stichtag, -36), entschieden_am__lte=stichtag)
            .select_related("projekt", "programm").order_by("-entschieden_am"))
