"""Reads for the role-specific start pages; each in a fixed number of queries."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count

from beteiligung import selectors as beteiligung_selectors
from beteiligung.models import Aufgabe, Sitzung, Taetigkeit
from kern.zeit import heute
from programme import selectors
from programme.models import Projekt, Verwendungsnachweis
from programme.selectors import budgetstand_je_programm
from quartiere.models import Gebiet, Quartiersmanagement
from quartiere.zugriff import eigene_gebiet_ids

from . import arbeitskorb


def naechste_sitzungen(user, *, anzahl: int = 8):
    return (
        Sitzung.objects.sichtbar_fuer(user)
        .filter(datum__gte=heute(), status=Sitzung.Status.GEPLANT)
        .mit_gebiet()
        .order_by("datum", "beginn")[:anzahl]
    )


def ueberfaellige_nachweise(user):
    return selectors.ueberfaellige_nachweise(Verwendungsnachweis.objects.sichtbar_fuer(user))


def auslaufende_qm_stellen(user, *, monate: int = 6):
    bis = heute() + dt.timedelta(days=round(monate * 30.5))
    return (
        Quartiersmanagement.objects.sichtbar_fuer(user)
        .filter(befristet_bis__gte=heute(), befristet_bis__lte=bis)
        .select_related("gebiet", "traeger")
        .order_by("befristet_bis")
    )


def projekte_je_status(user) -> list[dict]:
    zahlen = dict(
        Projekt.objects.sichtbar_fuer(user).values("status").annotate(n=Count("id")).values_list("status", "n")
    )
    return [{"status": s, "titel": s.label, "anzahl": zahlen.get(s.value, 0)} for s in Projekt.Status]


def offene_aufgaben(user):
    return (
        Aufgabe.objects.aus_sichtbaren_sitzungen(user)
        .filter(erledigt_am__isnull=True)
        .select_related("verantwortlich", "sitzung__gremium")
        .order_by("faellig_am")
    )


def ampeln_zaehlen(matrix) -> dict[str, int]:
    """How many building blocks of all areas are green, amber and red."""
    zaehlung = {"gruen": 0, "gelb": 0, "rot": 0}
    for check in matrix:
        for baustein in check.bausteine:
            zaehlung[baustein.farbe] += 1
    return zaehlung


# The start page lists at most this many areas with a red building block; the rest are counted.
ROTE_ZEILEN = 20


def rote_zeilen(matrix) -> list:
    """The areas with at least one red building block: what needs attention first."""
    return [check for check in matrix if any(b.farbe == "rot" for b in check.bausteine)]


def verwaltung(user) -> dict:
    jahr = heute().year
    return {
        "jahr": jahr,
        "budgets": budgetstand_je_programm(jahr=jahr),
        "arbeitskorb": arbeitskorb.arbeitskorb(user, anzahl=0),
        "qm_stellen": list(auslaufende_qm_stellen(user)),
        "sitzungen": list(naechste_sitzungen(user)),
        "projekte_je_status": projekte_je_status(user),
        "aenderungen": selectors.letzte_aenderungen(),
        "ueberfaellige_aufgaben": list(beteiligung_selectors.ueberfaellige_aufgaben(user)[:20]),
        "strukturcheck_gebiete": len(matrix := beteiligung_selectors.strukturcheck_matrix(user, jahr)),
        "strukturcheck_ampeln": ampeln_zaehlen(matrix),
        "strukturcheck_rot": (rot := rote_zeilen(matrix))[:ROTE_ZEILEN],
        "strukturcheck_rot_anzahl": len(rot),
        "vorgeschlagene_sitzungen": list(Sitzung.objects.sichtbar_fuer(user).filter(
            veroeffentlichung_vorgeschlagen=True, oeffentlich=False).select_related("gremium").order_by("datum")[:20]),
    }


def quartiersmanagement(user) -> dict:
    jahr = heute().year
    gebiet_ids = eigene_gebiet_ids(user)
    projekte = (
        Projekt.objects.sichtbar_fuer(user)
        .select_related("gebiet", "traeger")
        .order_by("-modified")[:10]
    )
    return {
        "jahr": jahr,
        "arbeitskorb": arbeitskorb.arbeitskorb(user, anzahl=0),
        "gebiete": list(
            Gebiet.objects.filter(id__in=gebiet_ids, quartiersmanagements__personen__user=user)
            .select_related("parent", "stadt").distinct()
        ),
        "budgets": budgetstand_je_programm(jahr=jahr, gebiet_ids=gebiet_ids),
        "projekte_je_status": projekte_je_status(user),
        "projekte": list(projekte),
        "sitzungen": list(naechste_sitzungen(user)),
        "aufgaben": list(offene_aufgaben(user)[:20]),
        "ueberfaellige_aufgaben": list(beteiligung_selectors.ueberfaellige_aufgaben(user)[:20]),
        "taetigkeiten": list(
            Taetigkeit.objects.sichtbar_fuer(user).select_related("gebiet", "handlungsfeld")[:10]
        ),
    }


# The council's start page names at most this many burdened areas; the area list has them all.
BELASTETE_ZEILEN = 20


def rat(user) -> dict:
    jahr = heute().year
    belastete = (Gebiet.objects.filter(besonders_belastet=True).select_related("stadt")
                 .only("name", "stadt__name").order_by("stadt__name", "name"))
    return {
        "jahr": jahr,
        "budgets": budgetstand_je_programm(jahr=jahr),
        "sitzungen": list(naechste_sitzungen(user)),
        "belastete_gebiete": list(belastete[:BELASTETE_ZEILEN]),
        "belastete_anzahl": belastete.count(),
        "projekte_je_status": projekte_je_status(user),
    }

