"""Issuing a reclaim notice (staff, POST); the notice is then shown, downloaded and marked sent like every
notice (berichte.bescheid_views)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from kern.fehler import Regelverstoss
from kern.zugriff import objekt_oder_404, verlangen
from programme.rueckforderung import Rueckforderung

from . import rueckforderungsbescheid


@require_POST
def erlassen(request, pk: int):
    verlangen(rueckforderungsbescheid.kann_erlassen(request.user))
    rueckforderung = objekt_oder_404(request.user, Rueckforderung.objects.select_related("bewilligung"), pk=pk)
    try:
        bescheid = rueckforderungsbescheid.rueckforderungsbescheid_erlassen(rueckforderung=rueckforderung,
                                                                           durch=request.user)
    except Regelverstoss as exc:
        messages.error(request, exc.meldung)
        return redirect("programme:projekt", rueckforderung.bewilligung.projekt_id)
    messages.success(request, f"Rückforderungsbescheid Nr. {bescheid.nummer} ist erlassen.")
    return redirect("bescheide:bescheid", bescheid.pk)
