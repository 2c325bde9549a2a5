"""Pages of the deadlines: the overview (per programme, per quartier management), the interim proof steps and
the reminders sent. Staff and managers (their areas); council and everyone else are refused."""

from __future__ import annotations

from functools import partial

from django.shortcuts import render
from django.urls import reverse

from kern import zeit
from kern.aktion import aktion
from kern.listen import seite
from kern.zugriff import objekt_oder_404, verlangen

from . import fristen, fristen_services
from .fristen_forms import FristfilterForm, ZwischennachweisEinreichenForm, ZwischennachweisPruefenForm
from .fristen_models import Erinnerung, Zwischennachweis
from .permissions import kann_fristen_sehen, kann_nachweise_pruefen

NUR_VERWALTUNG_UND_QM = "Fristen sehen die Verwaltung und das Quartiersmanagement."

_aktion = partial(aktion, seitenleiste="programme/_aktion_seite.html")


def uebersicht(request):
    """All deadlines the user sees, by due date; filtered by city, programme, area, kind and state."""
    verlangen(kann_fristen_sehen(request.user), NUR_VERWALTUNG_UND_QM)
    stichtag = zeit.heute()
    form = FristfilterForm(request.GET or None, user=request.user)
    werte = form.werte()
    zeilen = fristen.fristen_uebersicht(
        request.user, stichtag=stichtag, arten=[werte["art"]] if werte.get("art") else None,
        zustand=werte.get("zustand", ""),
        bedingung=lambda qs: FristfilterForm.bewilligungen_einschraenken(qs, werte))
    if zeilen is None or (form.is_bound and not form.is_valid()):
        zeilen = []  # invalid filter values show the form's errors and no rows
    blatt = seite(request, zeilen)
    return render(request, "programme/fristen.html", {
        "filter": {"form": form}, **blatt, "stichtag": stichtag,
        "fristen": fristen.fristen_laden(list(blatt["seite"].object_list), stichtag),
    })


def _zwischennachweis(request, pk: int) -> Zwischennachweis:
    return objekt_oder_404(request.user, Zwischennachweis.objects.select_related(
        "bewilligung__projekt", "bewilligung__programm", "bewilligung__gebiet"), schreiben=True, pk=pk)


def _projekt_url(zn: Zwischennachweis) -> str:
    return reverse("programme:projekt", args=[zn.bewilligung.projekt_id])


def zwischennachweis_einreichen(request, pk: int):
    verlangen(kann_fristen_sehen(request.user), NUR_VERWALTUNG_UND_QM)
    zn = _zwischennachweis(request, pk)
    form = ZwischennachweisEinreichenForm(request.POST or None)
    return _aktion(
        request, titel=f"Zwischennachweis {zn.jahr} einreichen: {zn.bewilligung}", form=form, ziel=_projekt_url(zn),
        erfolg="Der Zwischennachweis ist eingereicht.", kontext={"bewilligung": zn.bewilligung},
        ausfuehren=lambda d: fristen_services.zwischennachweis_einreichen(
            zwischennachweis=zn, sachbericht=d["sachbericht"], durch=request.user, datum=d["datum"]),
    )


def zwischennachweis_pruefen(request, pk: int):
    verlangen(kann_nachweise_pruefen(request.user))
    zn = _zwischennachweis(request, pk)
    form = ZwischennachweisPruefenForm(request.POST or None)
    return _aktion(
        request, titel=f"Zwischennachweis {zn.jahr} prüfen: {zn.bewilligung}", form=form, ziel=_projekt_url(zn),
        erfolg="Der Zwischennachweis ist geprüft.", kontext={"bewilligung": zn.bewilligung, "zwischennachweis": zn},
        kopfzeile="programme/_zwischennachweis.html",
        ausfuehren=lambda d: fristen_services.zwischennachweis_pruefen(zwischennachweis=zn, durch=request.user,
                                                                      datum=d["datum"]),
    )


def erinnerungen(request):
    """The reminders sent, newest first: staff all, managers those of their areas."""
    verlangen(kann_fristen_sehen(request.user), NUR_VERWALTUNG_UND_QM)
    gesendet = (Erinnerung.objects.sichtbar_fuer(request.user)
                .select_related("bewilligung__projekt", "bewilligung__programm").order_by("-gesendet_am", "-id"))
    blatt = seite(request, gesendet)
    return render(request, "programme/erinnerungen.html", {**blatt, "arten": fristen.FRISTARTEN})
