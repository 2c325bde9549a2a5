"""Pages of the notices on grants: list, detail with versions, PDF, and staff's actions (issue, amend, sent,
waiver). Council and the public never see a notice (404)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kern.formulare import Formular
from kern.aktion import aktion
from kern.fehler import Regelverstoss
from kern.zeit import heute
from kern.zugriff import objekt_oder_404, verlangen
from programme.forms import datum
from programme.models import Bewilligung
from programme.zuwendung import Bescheid

from . import ablage, bescheide

NICHT_GEFUNDEN = "Diesen Bescheid gibt es nicht, oder Sie dürfen ihn nicht sehen."


def _bescheid(request, pk: int) -> Bescheid:
    return objekt_oder_404(request.user, Bescheid.objects.select_related("bewilligung__projekt", "bewilligung__programm",
                                                                         "ersetzt", "erstellt_von"),
                           nicht_gefunden=NICHT_GEFUNDEN, pk=pk)


def liste(request):
    verlangen(bescheide.kann_bescheide_sehen(request.user), "Bescheide sehen nur Verwaltung und Quartiersmanagement.")
    return render(request, "berichte/bescheide.html", {
        "bescheide": Bescheid.objects.sichtbar_fuer(request.user).aktuell()
        .select_related("bewilligung__projekt", "bewilligung__programm").order_by("-jahr", "-laufnummer")[:300],
    })


def bescheid(request, pk: int):
    b = _bescheid(request, pk)
    fassungen = Bescheid.objects.filter(jahr=b.jahr, laufnummer=b.laufnummer).order_by("version")
    return render(request, "berichte/bescheid_detail.html", {
        "bescheid": b, "fassungen": fassungen, "darf_erlassen": bescheide.kann_bescheide_erlassen(request.user),
        "ist_neueste": not Bescheid.objects.filter(ersetzt=b).exists(),
    })


def herunterladen(request, pk: int):
    b = _bescheid(request, pk)
    try:
        daten = bescheide.geprueft_lesen(b)
    except ablage.DateiUngueltig as exc:
        return render(request, "berichte/datei_ungueltig.html", {"bericht": b, "meldung": exc.meldung}, status=409)
    antwort = HttpResponse(daten, content_type="application/pdf")
    antwort["Content-Disposition"] = ablage.content_disposition(b.dateiname)
    antwort["Content-Length"] = str(len(daten))
    antwort["ETag"] = f'"{b.sha256}"'
    antwort["Cache-Control"] = "private, no-store"
    return antwort


def _bewilligung(request, pk: int) -> Bewilligung:
    verlangen(bescheide.kann_bescheide_erlassen(request.user))
    return objekt_oder_404(request.user, Bewilligung.objects.select_related("projekt"), pk=pk)


@require_POST
def erlassen(request, pk: int):
    bewilligung = _bewilligung(request, pk)
    try:
        neu = bescheide.bescheid_erlassen(bewilligung=bewilligung, durch=request.user)
    except Regelverstoss as exc:
        messages.error(request, exc.meldung)
        return redirect("programme:projekt", bewilligung.projekt_id)
    messages.success(request, f"{neu.get_art_display()} Nr. {neu.nummer} ist erlassen.")
    return redirect("bescheide:bescheid", neu.pk)


def vorschau(request, pk: int):
    """The notice as it would be issued today, in the browser; nothing is stored."""
    bewilligung = _bewilligung(request, pk)
    art = Bescheid.Art.ABLEHNUNG if bewilligung.status == Bewilligung.Status.ABGELEHNT else Bescheid.Art.ZUWENDUNG
    try:
        daten = bescheide.kontext(bewilligung=bescheide._bewilligung(bewilligung.pk), art=art,
                                  aktenzeichen="(Entwurf)", datum=heute(), nummer=None, version=1,
                                  durch=request.user)
    except Regelverstoss as exc:
        messages.error(request, exc.meldung)
        return redirect("programme:projekt", bewilligung.projekt_id)
    return HttpResponse(bescheide.html_rendern(daten, vorschau=True))


class AenderungForm(Formular):
    anlass = forms.CharField(label="Was ändert sich?", widget=forms.Textarea(attrs={"rows": 4}),
                             help_text="z. B. „Der Bewilligungszeitraum wird bis zum 31.12.2026 verlängert.“")
    datum = datum("Datum des Änderungsbescheids")


class DatumForm(Formular):
    datum = datum("Datum")


def _staff_bescheid(request, pk: int) -> Bescheid:
    verlangen(bescheide.kann_bescheide_erlassen(request.user))
    return _bescheid(request, pk)


def aendern(request, pk: int):
    b = _staff_bescheid(request, pk)
    return aktion(
        request, titel=f"Änderungsbescheid zu Nr. {b.nummer}", form=AenderungForm(request.POST or None),
        ziel=reverse("bescheide:bescheid", args=[b.pk]), erfolg="Der Änderungsbescheid ist erlassen.",
        weiter=lambda neu: reverse("bescheide:bescheid", args=[neu.pk]),
        ausfuehren=lambda d: bescheide.aenderungsbescheid_erlassen(bescheid=b, anlass=d["anlass"],
                                                                   durch=request.user, datum=d["datum"]),
    )


def versandt(request, pk: int):
    b = _staff_bescheid(request, pk)
    return aktion(
        request, titel=f"Versand von Nr. {b.nummer} erfassen", form=DatumForm(request.POST or None),
        ziel=reverse("bescheide:bescheid", args=[b.pk]), erfolg="Der Versand ist erfasst.",
        ausfuehren=lambda d: bescheide.bescheid_versenden(bescheid=b, durch=request.user, datum=d["datum"]),
    )


def verzicht(request, pk: int):
    b = _staff_bescheid(request, pk)
    return aktion(
        request, titel=f"Rechtsbehelfsverzicht zu Nr. {b.nummer} erfassen", form=DatumForm(request.POST or None),
        ziel=reverse("bescheide:bescheid", args=[b.pk]), erfolg="Der Verzicht ist erfasst; der Bescheid ist "
                                                              "bestandskräftig.",
        ausfuehren=lambda d: bescheide.rechtsbehelfsverzicht_erfassen(bescheid=b, durch=request.user,
                                                                      datum=d["datum"]),
    )
