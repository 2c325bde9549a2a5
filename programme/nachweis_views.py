"""Pages of the proof of use: the proof of a grant (managers fill it for their areas, staff complete and
check it), its forms, the receipt import, and staff's list of proofs waiting for a check. Council and other
areas' managers get 404."""

from __future__ import annotations

import django_filters
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kern.filter import Filterliste
from kern.aktion import aktion
from kern.export import Spalte
from kern.fehler import Regelverstoss
from kern.listen import Liste, gefilterte_liste
from kern.rollen import ist_verwaltung
from kern.zugriff import verlangen
from quartiere.models import Gebiet

from . import nachweis_regeln, nachweis_selectors, nachweis_services, services
from .models import Foerderprogramm, Verwendungsnachweis
from .nachweis import Beleg
from .nachweis_forms import AngabenForm, BelegForm, BelegImportForm, SummenForm
from .permissions import kann_nachweise_pruefen, kann_projekt_bearbeiten

NICHT_GEFUNDEN = "Diesen Verwendungsnachweis gibt es nicht, oder Sie dürfen ihn nicht sehen."
NICHT_AENDERBAR = "Dieser Verwendungsnachweis kann nicht mehr geändert werden."


def _nachweis(request, pk: int, *, schreiben: bool = False) -> Verwendungsnachweis:
    queryset = Verwendungsnachweis.objects.select_related(
        "bewilligung__projekt__gebiet", "bewilligung__projekt__traeger", "bewilligung__programm", "geprueft_von")
    nachweis = nachweis_selectors.nachweise_fuer(request.user, queryset).filter(pk=pk).first()
    if nachweis is None:
        raise Http404(NICHT_GEFUNDEN)
    if schreiben:
        verlangen(darf_aendern(request.user, nachweis), NICHT_AENDERBAR)
    return nachweis


def darf_aendern(user, nachweis: Verwendungsnachweis) -> bool:
    """Managers until they submit, staff until the check."""
    if nachweis.geprueft_am is not None or not kann_projekt_bearbeiten(user, nachweis.bewilligung.projekt):
        return False
    return nachweis.eingereicht_am is None or ist_verwaltung(user)


def seite_url(nachweis: Verwendungsnachweis) -> str:
    return reverse("nachweis:seite", args=[nachweis.pk])


def seite(request, pk: int, *, import_form=None, import_fehler=None, status: int = 200):
    nachweis = _nachweis(request, pk)
    daten = nachweis_selectors.nachweisseite(nachweis)
    return render(request, "programme/nachweis.html", {
        "nachweis": nachweis, "bewilligung": nachweis.bewilligung, "projekt": nachweis.bewilligung.projekt,
        **daten, "darf_aendern": darf_aendern(request.user, nachweis),
        "darf_pruefen": kann_nachweise_pruefen(request.user, nachweis) and nachweis.eingereicht_am is not None
        and nachweis.geprueft_am is None,
        "einfach_erlaubt": nachweis_services.einfacher_nachweis_erlaubt(nachweis),
        "beleg_form": BelegForm(), "import_form": import_form or BelegImportForm(), "import_fehler": import_fehler,
    }, status=status)


def _angaben_initial(nachweis: Verwendungsnachweis) -> dict:
    daten = nachweis_regeln.angaben(nachweis)
    if daten is not None:
        return {f: getattr(daten, f) for f in ("sachbericht", "teilnehmende", "ergebnisse", "eigenmittel",
                                               "drittmittel", "einfach")}
    eigen, dritt = nachweis_regeln.plan_einnahmen(nachweis)
    return {"eigenmittel": eigen, "drittmittel": dritt,
            "teilnehmende": nachweis.bewilligung.projekt.teilnehmende_erreicht}


def angaben(request, pk: int):
    nachweis = _nachweis(request, pk, schreiben=True)
    form = AngabenForm(request.POST or None, initial=_angaben_initial(nachweis),
                       einfach_erlaubt=nachweis_services.einfacher_nachweis_erlaubt(nachweis))
    return aktion(
        request, titel=f"Sachbericht und Einnahmen: {nachweis.bewilligung}", form=form, ziel=seite_url(nachweis),
        erfolg="Die Angaben sind gespeichert.",
        ausfuehren=lambda d: nachweis_services.angaben_speichern(nachweis=nachweis, durch=request.user,
                                                                 einfach=d.get("einfach", False), **{
            f: d[f] for f in ("sachbericht", "teilnehmende", "ergebnisse", "eigenmittel", "drittmittel")}),
    )


def beleg_neu(request, pk: int):
    nachweis = _nachweis(request, pk, schreiben=True)
    return aktion(
        request, titel=f"Beleg erfassen: {nachweis.bewilligung}", form=BelegForm(request.POST or None),
        ziel=seite_url(nachweis), erfolg="Der Beleg ist erfasst.",
        ausfuehren=lambda d: nachweis_services.beleg_hinzufuegen(nachweis=nachweis, durch=request.user, **d),
    )


@require_POST
def beleg_entfernen(request, pk: int):
    beleg = Beleg.objects.sichtbar_fuer(request.user).filter(pk=pk).select_related("nachweis").first()
    if beleg is None:
        raise Http404(NICHT_GEFUNDEN)
    nachweis = _nachweis(request, beleg.nachweis_id, schreiben=True)
    try:
        nachweis_services.beleg_entfernen(beleg=beleg, durch=request.user)
    except Regelverstoss as exc:
        messages.error(request, exc.meldung)
    else:
        messages.success(request, "Der Beleg ist entfernt.")
    return redirect(seite_url(nachweis))


def belege_import(request, pk: int):
    """Upload a receipt list; a file with one faulty row writes nothing and lists every faulty row."""
    nachweis = _nachweis(request, pk, schreiben=True)
    if request.method != "POST":
        return redirect(seite_url(nachweis))
    form = BelegImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return seite(request, pk, import_form=form, status=400)
    try:
        belege = nachweis_services.belege_importieren(nachweis=nachweis, durch=request.user,
                                                      inhalt=form.cleaned_data["datei"].read())
    except nachweis_services.Importfehler as exc:
        form.add_error(None, exc.meldung)
        return seite(request, pk, import_form=form, import_fehler=exc.fehler, status=400)
    except Regelverstoss as exc:
        form.add_error(None, exc.meldung)
        return seite(request, pk, import_form=form, status=400)
    messages.success(request, f"{len(belege)} Beleg(e) übernommen.")
    return redirect(seite_url(nachweis))


def summen(request, pk: int):
    nachweis = _nachweis(request, pk, schreiben=True)
    vorhanden = {s.kategorie: s.betrag for s in nachweis.summen.all()}
    return aktion(
        request, titel=f"Ausgaben je Kategorie: {nachweis.bewilligung}", form=SummenForm(
            request.POST or None, initial=vorhanden), ziel=seite_url(nachweis), erfolg="Die Summen sind gespeichert.",
        ausfuehren=lambda d: nachweis_services.summen_speichern(nachweis=nachweis, durch=request.user, summen=d),
    )


@require_POST
def abgeben(request, pk: int):
    """Submit the proof; its `verwendet` is the total of its receipts or totals."""
    nachweis = _nachweis(request, pk, schreiben=True)
    try:
        services.verwendungsnachweis_einreichen(nachweis=nachweis, durch=request.user)
    except Regelverstoss as exc:
        messages.error(request, exc.meldung)
    else:
        messages.success(request, "Der Verwendungsnachweis ist eingereicht.")
    return redirect(seite_url(nachweis))


class ZuPruefenFilter(Filterliste):
    stadt = django_filters.ModelChoiceFilter(label="Stadt", field_name="bewilligung__programm__stadt",
                                             queryset=Gebiet.objects.staedte(), empty_label="alle Städte")
    programm = django_filters.ModelChoiceFilter(label="Programm", field_name="bewilligung__programm",
                                                queryset=Foerderprogramm.objects.select_related("stadt")
                                                .order_by("stadt__name", "kurzname"), empty_label="alle Programme")

    class Meta:
        model = Verwendungsnachweis
        fields = []


ZU_PRUEFEN_SPALTEN = [
    Spalte("eingereicht am", lambda n: n.eingereicht_am, "datum"),
    Spalte("Projekt", lambda n: n.bewilligung.projekt.titel),
    Spalte("Gebiet", lambda n: n.bewilligung.projekt.gebiet.name),
    Spalte("Stadt", lambda n: n.bewilligung.programm.stadt.name),
    Spalte("Programm", lambda n: n.bewilligung.programm.kurzname),
    Spalte("Jahr", lambda n: n.bewilligung.jahr, "zahl"),
    Spalte("bewilligt (€)", lambda n: n.bewilligung.betrag_bewilligt, "geld"),
    Spalte("ausgezahlt (€)", lambda n: n.ausgezahlt, "geld"),
    Spalte("nachgewiesen (€)", lambda n: n.verwendet, "geld"),
    Spalte("Belege", lambda n: n.anzahl_belege, "zahl"),
]
ZU_PRUEFEN_SEITE = 50


ZU_PRUEFEN = Liste("nachweise_zu_pruefen", "Verwendungsnachweise_zu_pruefen", ZU_PRUEFEN_SPALTEN,
                   lambda user, daten: ZuPruefenFilter(
                       daten, queryset=nachweis_selectors.zu_pruefende_nachweise(user)),
                   blatt="Verwendungsnachweise")


def zu_pruefen(request):
    """Submitted proofs waiting for staff's check."""
    verlangen(kann_nachweise_pruefen(request.user))
    return gefilterte_liste(request, liste=ZU_PRUEFEN, template="programme/nachweise_zu_pruefen.html",
                            seitengroesse=ZU_PRUEFEN_SEITE)
