"""Pages of fund calls: calling funds on a grant, staff's list of open calls with approval and refusal, and
reporting the money spent. Council opens none of them (403), a manager of another area finds nothing (404)."""

from __future__ import annotations

from functools import partial

from django.shortcuts import get_object_or_404
from django.urls import reverse

from kern.aktion import aktion
from kern.export import Spalte
from kern.listen import Liste, gefilterte_liste
from kern.zugriff import verlangen

from . import mittelabruf_services as services
from .mittelabruf import Mittelabruf
from .mittelabruf_forms import AbrufAblehnenForm, GenehmigenForm, MittelabrufFilter, MittelabrufForm, VerwendungForm
from .mittelabruf_regeln import abrufregel, kann_mittelabrufe_entscheiden, kann_mittelabrufe_sehen
from .mittelabruf_selectors import offene_mittelabrufe
from .models import Bewilligung, Projekt
from .zuwendung_regeln import vorgaben as programmvorgaben
from .views import projekt_url

_aktion = partial(aktion, seitenleiste="programme/_mittelabruf_seite.html")


def _bewilligung(request, pk: int) -> Bewilligung:
    """A grant of a project the user may change (staff: all; managers: their areas' projects)."""
    verlangen(kann_mittelabrufe_sehen(request.user))
    return get_object_or_404(Bewilligung.objects.select_related("projekt", "programm").filter(
        projekt__in=Projekt.objects.bearbeitbar_fuer(request.user)), pk=pk)


def _abruf(request, pk: int) -> Mittelabruf:
    verlangen(kann_mittelabrufe_sehen(request.user))
    return get_object_or_404(Mittelabruf.objects.sichtbar_fuer(request.user).select_related(
        "bewilligung__projekt", "bewilligung__programm", "auszahlung"), pk=pk)


def _kontext(bewilligung: Bewilligung, abruf: Mittelabruf | None = None) -> dict:
    return {"bewilligung": bewilligung, "abruf": abruf, "stand": services.stand_lesen(bewilligung, ausser=abruf),
            "regel": abrufregel(programmvorgaben(bewilligung.programm))}


def abrufen(request, pk: int):
    bewilligung = _bewilligung(request, pk)
    return _aktion(
        request, titel=f"Mittel abrufen: {bewilligung}", form=MittelabrufForm(request.POST or None),
        ziel=projekt_url(bewilligung.projekt), erfolg="Die Mittel sind abgerufen; die Verwaltung entscheidet.",
        kontext=_kontext(bewilligung),
        ausfuehren=lambda d: services.mittel_abrufen(bewilligung=bewilligung, betrag=d["betrag"],
                                                     verwenden_bis=d["verwenden_bis"], zweck=d["zweck"],
                                                     durch=request.user),
    )


def _zurueck(request, abruf: Mittelabruf) -> str:
    return reverse("mittelabruf:offen") if request.GET.get("von") == "liste" else projekt_url(abruf.bewilligung.projekt)


def genehmigen(request, pk: int):
    verlangen(kann_mittelabrufe_entscheiden(request.user))
    abruf = _abruf(request, pk)
    return _aktion(
        request, titel=f"Mittelabruf genehmigen und auszahlen: {abruf.bewilligung}",
        form=GenehmigenForm(request.POST or None), ziel=_zurueck(request, abruf),
        erfolg="Der Mittelabruf ist genehmigt, die Auszahlung angewiesen.",
        kontext=_kontext(abruf.bewilligung, abruf),
        ausfuehren=lambda d: services.mittelabruf_genehmigen(abruf=abruf, durch=request.user, datum=d["datum"]),
    )


def ablehnen(request, pk: int):
    verlangen(kann_mittelabrufe_entscheiden(request.user))
    abruf = _abruf(request, pk)
    return _aktion(
        request, titel=f"Mittelabruf ablehnen: {abruf.bewilligung}", form=AbrufAblehnenForm(request.POST or None),
        ziel=_zurueck(request, abruf), erfolg="Der Mittelabruf ist abgelehnt.",
        kontext=_kontext(abruf.bewilligung, abruf),
        ausfuehren=lambda d: services.mittelabruf_ablehnen(abruf=abruf, grund=d["grund"], durch=request.user,
                                                           datum=d["datum"]),
    )


def verwendet(request, pk: int):
    abruf = _abruf(request, pk)
    return _aktion(
        request, titel=f"Verwendung melden: {abruf.bewilligung}", form=VerwendungForm(request.POST or None),
        ziel=projekt_url(abruf.bewilligung.projekt), erfolg="Die Verwendung der Mittel ist gemeldet.",
        kontext=_kontext(abruf.bewilligung, abruf),
        ausfuehren=lambda d: services.verwendung_melden(abruf=abruf, verwendet_am=d["verwendet_am"],
                                                        durch=request.user),
    )


SPALTEN = [
    Spalte("abgerufen am", lambda a: a.beantragt_am, "datum"),
    Spalte("Stadt", lambda a: a.bewilligung.programm.stadt.name),
    Spalte("Gebiet", lambda a: a.bewilligung.projekt.gebiet.name),
    Spalte("Projekt", lambda a: a.bewilligung.projekt.titel),
    Spalte("Programm", lambda a: a.bewilligung.programm.kurzname),
    Spalte("Jahr", lambda a: a.bewilligung.jahr, "zahl"),
    Spalte("Betrag (€)", lambda a: a.betrag, "geld"),
    Spalte("verwendet bis", lambda a: a.verwenden_bis, "datum"),
    Spalte("wofür", lambda a: a.zweck),
    Spalte("Schlussrate", lambda a: "ja" if a.schlussrate else "nein"),
    Spalte("abgerufen von", lambda a: a.beantragt_von.get_full_name() or a.beantragt_von.username
           if a.beantragt_von else ""),
]


OFFENE = Liste("mittelabrufe_offen", "Mittelabrufe_offen", SPALTEN,
               lambda user, daten: MittelabrufFilter(daten, queryset=offene_mittelabrufe(user)),
               blatt="Mittelabrufe")


def offene(request):
    """Staff's list of the calls to decide, filtered by city and programme, paged and exportable."""
    verlangen(kann_mittelabrufe_entscheiden(request.user))
    return gefilterte_liste(request, liste=OFFENE, template="programme/mittelabrufe_offen.html")
