"""Pages of grant law: operator details and de-minimis overview, financing plan, type of financing, early start,
and the staff's text blocks with a preview."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from kern.aktion import aktion
from kern.fehler import Regelverstoss
from kern.rollen import ist_verwaltung
from kern.zahlwort import euro_in_worten
from kern.zugriff import objekt_oder_404, verlangen
from quartiere.models import Organisation

from . import zuwendung_regeln, zuwendung_selectors, zuwendung_services
from .models import Bewilligung, Foerderprogramm, Projekt
from .views import projekt_url
from .zuwendung import PLATZHALTER, Textbaustein, platzhalter_fuellen
from .zuwendung_forms import (
    PlanFormSet,
    TraegerdatenForm,
    TextbausteinForm,
    VorzeitigerBeginnForm,
    ZuwendungForm,
)


def traeger(request, pk: int):
    """An operator: its details (the bank account in full for staff only) and its de-minimis grants."""
    # Organisations are city data every role sees (as on the organisation list).
    organisation = get_object_or_404(Organisation.objects.select_related("stadt"), pk=pk)
    daten = zuwendung_selectors.traegerdaten(organisation)
    bewilligungen = list(zuwendung_selectors.de_minimis_bewilligungen(organisation=organisation, user=request.user))
    return render(request, "programme/traeger.html", {
        "organisation": organisation, "daten": daten, "darf_bearbeiten": ist_verwaltung(request.user),
        "iban": (daten.iban_lesbar if ist_verwaltung(request.user) else daten.iban_maskiert) if daten else None,
        "de_minimis": bewilligungen, "de_minimis_summe": sum(b.betrag_bewilligt for b in bewilligungen),
        "de_minimis_grenze": zuwendung_regeln.de_minimis_grenze(),
    })


def traeger_bearbeiten(request, pk: int):
    verlangen(ist_verwaltung(request.user))
    organisation = get_object_or_404(Organisation, pk=pk)
    daten = zuwendung_selectors.traegerdaten(organisation)
    initial = {f: getattr(daten, f) for f in TraegerdatenForm.base_fields} if daten else {}
    return aktion(
        request, titel=f"Trägerangaben: {organisation.name}", form=TraegerdatenForm(request.POST or None,
                                                                                    initial=initial),
        ziel=reverse("zuwendung:traeger", args=[organisation.pk]), erfolg="Die Trägerangaben sind gespeichert.",
        ausfuehren=lambda d: zuwendung_services.traegerdaten_speichern(organisation=organisation, daten=d,
                                                                       durch=request.user),
    )


def _projekt(request, pk: int, *, schreiben: bool = False) -> Projekt:
    return objekt_oder_404(request.user, Projekt.objects.select_related("gebiet", "traeger"), schreiben=schreiben,
                           pk=pk)


def finanzierungsplan(request, pk: int):
    projekt = _projekt(request, pk, schreiben=True)
    programme = Foerderprogramm.objects.filter(
        programmgebiete__gebiet__in=[g.id for g in projekt.gebiet.vorfahren()]).distinct().order_by("kurzname")
    plan, _ = zuwendung_selectors.planjahre(projekt)
    initial = [{"kategorie": p.kategorie, "bezeichnung": p.bezeichnung, "jahr": p.jahr, "betrag": p.betrag,
                "quelle": p.quelle, "programm": p.programm} for p in plan.positionen.order_by("jahr", "id")] \
        if plan else [{"jahr": projekt.beginn.year}]
    formset = PlanFormSet(request.POST or None, initial=None if request.method == "POST" else initial,
                          programme=programme, prefix="plan")
    fehler = ""
    if request.method == "POST" and formset.is_valid():
        try:
            zuwendung_services.finanzierungsplan_speichern(projekt=projekt, zeilen=formset.zeilen(),
                                                           durch=request.user)
        except Regelverstoss as exc:
            fehler = exc.meldung
        else:
            messages.success(request, "Der Finanzierungsplan ist gespeichert.")
            return redirect(projekt_url(projekt))
    return render(request, "programme/finanzierungsplan.html", {
        "projekt": projekt, "formset": formset, "plan": plan, "fehler": fehler,
    })


def _bewilligung(request, pk: int) -> Bewilligung:
    verlangen(ist_verwaltung(request.user))
    return objekt_oder_404(request.user, Bewilligung.objects.select_related("projekt", "programm"), pk=pk)


def zuwendung_festlegen(request, pk: int):
    bewilligung = _bewilligung(request, pk)
    vorhanden = bewilligung.zuwendung if hasattr(bewilligung, "zuwendung") else \
        zuwendung_regeln.zuwendung_vorbelegen(bewilligung)
    initial = {f: getattr(vorhanden, f) for f in ("finanzierungsart", "foerderquote", "festbetrag", "beginn", "ende")}
    return aktion(
        request, titel=f"Finanzierungsart und Bewilligungszeitraum: {bewilligung}",
        form=ZuwendungForm(request.POST or None, initial=initial), ziel=projekt_url(bewilligung.projekt),
        erfolg="Finanzierungsart und Bewilligungszeitraum sind gespeichert.",
        kontext={"bewilligung": bewilligung}, seitenleiste="programme/_aktion_seite.html",
        ausfuehren=lambda d: zuwendung_services.zuwendung_festlegen(bewilligung=bewilligung, durch=request.user, **d),
    )


def vorzeitiger_beginn(request, pk: int):
    verlangen(ist_verwaltung(request.user))
    projekt = _projekt(request, pk, schreiben=True)
    return aktion(
        request, titel=f"Vorzeitigen Maßnahmebeginn zulassen: {projekt}",
        form=VorzeitigerBeginnForm(request.POST or None), ziel=projekt_url(projekt),
        erfolg="Der vorzeitige Maßnahmebeginn ist erfasst.",
        ausfuehren=lambda d: zuwendung_services.vorzeitigen_beginn_zulassen(
            projekt=projekt, durch=request.user, erlaubt_am=d["erlaubt_am"], bemerkung=d["bemerkung"]),
    )


# --- text blocks --------------------------------------------------------------------------------

def textbausteine(request):
    verlangen(ist_verwaltung(request.user))
    return render(request, "programme/textbausteine.html", {
        "bausteine": Textbaustein.objects.select_related("programm__stadt", "stadt"),
        "platzhalter": PLATZHALTER,
    })


def _beispielwerte(programm: Foerderprogramm | None, stadt) -> dict[str, str]:
    """Placeholder values for the preview: from the latest grant of the programme or city, else invented."""
    werte = {name: f"[{titel}]" for name, titel in PLATZHALTER.items()}
    werte.update(betrag="7.500,00 €", betrag_in_worten=euro_in_worten(7500), beginn="01.03.2026",
                 ende="31.12.2026", nachweis_bis="30.06.2027", aktenzeichen="ZW-WiN-2026/0001", datum="15.02.2026",
                 behoerde="Sozialplanung")
    if programm is not None:
        werte.update(programm=programm.name, stadt=programm.stadt.name)
        werte["behoerde"] = programm.zustaendig.name if programm.zustaendig else "Sozialplanung"
    elif stadt is not None:
        werte["stadt"] = stadt.name
    return werte


def textbaustein_bearbeiten(request, pk: int | None = None):
    verlangen(ist_verwaltung(request.user))
    baustein = objekt_oder_404(request.user, Textbaustein.objects.all(), pk=pk) if pk else None
    initial = {"art": baustein.art, "programm": baustein.programm, "stadt": baustein.stadt,
               "text": baustein.text} if baustein else {}
    form = TextbausteinForm(request.POST or None, initial=initial)
    vorschau = None
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if "vorschau" in request.POST:
            vorschau = platzhalter_fuellen(d["text"], _beispielwerte(d["programm"], d["stadt"]))
        else:
            try:
                zuwendung_services.textbaustein_speichern(art=d["art"], text=d["text"], programm=d["programm"],
                                                          stadt=d["stadt"], durch=request.user)
            except Regelverstoss as exc:
                form.add_error(None, exc.meldung)
            else:
                messages.success(request, "Der Textbaustein ist gespeichert.")
                return redirect("zuwendung:textbausteine")
    return render(request, "programme/textbaustein_formular.html", {
        "form": form, "baustein": baustein, "vorschau": vorschau, "platzhalter": PLATZHALTER,
    })
