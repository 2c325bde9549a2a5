"""Staff's check of a proof of use (comparison, recalculation, confirmation, check note) and the check note's
PDF for staff and the managers of the project's area; council and the public never see it (404)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from kern.fehler import Regelverstoss
from kern.format import euro_text
from kern.zugriff import verlangen
from programme import nachweis_selectors
from programme.models import Verwendungsnachweis
from programme.nachweis import Pruefvermerk
from programme.nachweis_forms import PruefenForm
from programme.permissions import kann_nachweise_pruefen

from . import ablage, pruefvermerk

NICHT_GEFUNDEN = "Diesen Prüfvermerk gibt es nicht, oder Sie dürfen ihn nicht sehen."
NICHT_ZU_PRUEFEN = "Dieser Verwendungsnachweis ist nicht eingereicht oder schon geprüft."


def _zu_pruefen(request, pk: int) -> Verwendungsnachweis:
    verlangen(kann_nachweise_pruefen(request.user))
    nachweis = nachweis_selectors.nachweise_fuer(request.user, Verwendungsnachweis.objects.select_related(
        "bewilligung__projekt__gebiet", "bewilligung__programm")).filter(pk=pk).first()
    if nachweis is None:
        raise Http404("Diesen Verwendungsnachweis gibt es nicht.")
    return nachweis


def pruefen(request, pk: int):
    """GET: the comparison and the computed reclaim with its explanation; POST: staff confirm it."""
    nachweis = _zu_pruefen(request, pk)
    if nachweis.eingereicht_am is None or nachweis.geprueft_am is not None:
        messages.error(request, NICHT_ZU_PRUEFEN)
        return redirect("nachweis:seite", nachweis.pk)
    form = PruefenForm(request.POST or None)
    nicht_zf = form.cleaned_data.get("nicht_zuwendungsfaehig") if form.is_bound and form.is_valid() else None
    daten = nachweis_selectors.nachweisseite(nachweis, nicht_zuwendungsfaehig=nicht_zf)
    if form.is_bound and form.is_valid():
        try:
            vermerk = pruefvermerk.pruefung_abschliessen(nachweis=nachweis, durch=request.user, **form.cleaned_data)
        except Regelverstoss as exc:
            form.add_error(None, exc.meldung)
        else:
            messages.success(request, "Der Verwendungsnachweis ist geprüft; Rückforderung "
                                      f"{euro_text(vermerk.rueckforderung)}.")
            return redirect("nachweis:seite", nachweis.pk)
    if not form.is_bound:
        form = PruefenForm(initial=_vorschlag(daten, nachweis))
    return render(request, "berichte/pruefen.html", {
        "nachweis": nachweis, "bewilligung": nachweis.bewilligung, "projekt": nachweis.bewilligung.projekt,
        "form": form, **daten, "zurueck": reverse("nachweis:seite", args=[nachweis.pk]),
    }, status=400 if form.is_bound else 200)


def _vorschlag(daten: dict, nachweis: Verwendungsnachweis) -> dict:
    pruefung = daten["pruefung"]
    if pruefung is None:
        return {"rueckforderung": max((daten["ausgezahlt"] - (nachweis.verwendet or 0)), 0)}
    neu = pruefung.neuberechnung
    return {"rueckforderung": neu.rueckforderung, "nicht_zuwendungsfaehig": neu.nicht_zuwendungsfaehig}


def herunterladen(request, pk: int):
    vermerk = Pruefvermerk.objects.sichtbar_fuer(request.user).filter(pk=pk).first()
    if vermerk is None:
        raise Http404(NICHT_GEFUNDEN)
    try:
        daten = pruefvermerk.geprueft_lesen(vermerk)
    except ablage.DateiUngueltig as exc:
        return render(request, "berichte/datei_ungueltig.html", {"bericht": vermerk, "meldung": exc.meldung},
                      status=409)
    antwort = HttpResponse(daten, content_type="application/pdf")
    antwort["Content-Disposition"] = ablage.content_disposition(vermerk.dateiname)
    antwort["Content-Length"] = str(len(daten))
    antwort["ETag"] = f'"{vermerk.sha256}"'
    antwort["Cache-Control"] = "private, no-store"
    return antwort
