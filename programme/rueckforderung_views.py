"""Pages of reclaims: the list of open claims (staff; managers read their areas' claims), setting a reclaim and
booking a repayment on it (staff), the base rates and their form (staff). Council sees none of it (403)."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse

from kern.aktion import aktion
from kern.listen import seite
from kern.rollen import ist_quartiersmanagement, ist_verwaltung
from kern.zeit import heute
from kern.zugriff import objekt_oder_404, verlangen

from . import rueckforderung_selectors as selectors, rueckforderung_services as services
from .models import Bewilligung
from .rueckforderung import Basiszinssatz, Rueckforderung
from .rueckforderung_forms import (
    BasiszinssatzForm,
    OffeneRueckforderungenFilter,
    RueckforderungForm,
    RueckzahlungForm,
)
from .views import projekt_url

NUR_VERWALTUNG_UND_QM = "Rückforderungen sehen nur die Verwaltung und das Quartiersmanagement."
SEITENGROESSE = 25


def offene(request):
    verlangen(ist_verwaltung(request.user) or ist_quartiersmanagement(request.user), NUR_VERWALTUNG_UND_QM)
    filter_ = OffeneRueckforderungenFilter(request.GET or None,
                                           queryset=selectors.offene_rueckforderungen(request.user))
    zeilen = filter_.qs if not filter_.is_bound or filter_.is_valid() else filter_.queryset.none()
    blatt = seite(request, zeilen, SEITENGROESSE)
    staende = selectors.staende(blatt["seite"].object_list)
    return render(request, "programme/rueckforderungen_offen.html", {
        "filter": filter_, "staende": staende, "stichtag": heute(), **blatt,
        "darf_buchen": ist_verwaltung(request.user), "vorlaeufig": selectors.VORLAEUFIG,
    })


def festsetzen(request, pk: int):
    verlangen(ist_verwaltung(request.user))
    bewilligung = objekt_oder_404(request.user, Bewilligung.objects.select_related("projekt", "programm", "gebiet"),
                                  pk=pk)
    return aktion(
        request, titel=f"Rückforderung festsetzen: {bewilligung}", form=RueckforderungForm(request.POST or None),
        ziel=projekt_url(bewilligung.projekt), erfolg="Die Rückforderung ist festgesetzt.",
        seitenleiste="programme/_aktion_seite.html", kontext={"bewilligung": bewilligung},
        ausfuehren=lambda d: services.rueckforderung_festsetzen(
            bewilligung=bewilligung, art=d["art"], betrag=d["betrag"], grund=d["grund"], durch=request.user,
            wirksam_ab=d["wirksam_ab"], verwendet_am=d["verwendet_am"], datum=d["datum"]),
    )


def rueckzahlung(request, pk: int):
    verlangen(ist_verwaltung(request.user))
    rueckforderung = objekt_oder_404(
        request.user, Rueckforderung.objects.select_related("bewilligung__projekt", "bewilligung__programm"), pk=pk)
    stand = selectors.staende([rueckforderung])[0]
    return aktion(
        request, titel=f"Rückzahlung verbuchen: {rueckforderung}",
        form=RueckzahlungForm(request.POST or None, initial={"betrag": stand.offen}),
        ziel=projekt_url(rueckforderung.bewilligung.projekt), erfolg="Die Rückzahlung ist verbucht.",
        seitenleiste="programme/_rueckforderung_stand.html", kontext={"stand": stand},
        ausfuehren=lambda d: services.rueckzahlung_buchen(
            bewilligung=rueckforderung.bewilligung, rueckforderung=rueckforderung, betrag=d["betrag"],
            datum=d["datum"], bemerkung=d["bemerkung"], durch=request.user),
    )


def basiszinssaetze(request):
    verlangen(ist_verwaltung(request.user))
    blatt = seite(request, Basiszinssatz.objects.order_by("-gueltig_ab"), 60)
    return render(request, "programme/basiszinssaetze.html", {"saetze": blatt["seite"].object_list, **blatt})


def basiszinssatz_neu(request):
    verlangen(ist_verwaltung(request.user))
    return aktion(
        request, titel="Basiszinssatz erfassen", form=BasiszinssatzForm(request.POST or None),
        ziel=reverse("rueckforderung:basiszinssaetze"), erfolg="Der Basiszinssatz ist erfasst.",
        ausfuehren=lambda d: services.basiszinssatz_erfassen(gueltig_ab=d["gueltig_ab"], satz=d["satz"],
                                                             quelle=d["quelle"], durch=request.user),
    )
