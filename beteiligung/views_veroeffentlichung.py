"""Pages for making a meeting public: propose (managers), confirm (staff), withdraw (staff)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from kern.fehler import Regelverstoss
from kern.zugriff import verlangen

from . import veroeffentlichung
from .forms import BestaetigungForm, RueckzugForm
from .permissions import kann_sitzung_veroeffentlichen
from .services import NUR_VERWALTUNG_VEROEFFENTLICHT
from .views import _aktion, _sitzung


def sitzung_veroeffentlichen(request, pk: int):
    """The confirmation step: what becomes visible to whom; only its button publishes."""
    sitzung = _sitzung(request, pk, schreiben=True)
    verlangen(kann_sitzung_veroeffentlichen(request.user), NUR_VERWALTUNG_VEROEFFENTLICHT)
    # Bound on every POST, an empty one too, so that a bare POST shows why nothing happened.
    form = BestaetigungForm(request.POST if request.method == "POST" else None)
    return _aktion(
        request, titel=f"Sitzung veröffentlichen: {sitzung.titel}", form=form,
        ziel=reverse("beteiligung:sitzung", args=[pk]), template="beteiligung/sitzung_veroeffentlichen.html",
        erfolg="Die Sitzung ist öffentlich.", kontext={"sitzung": sitzung,
                                                       "tops": sitzung.tagesordnungspunkte.order_by("nummer")},
        ausfuehren=lambda d: veroeffentlichung.sitzung_veroeffentlichen(sitzung=sitzung, durch=request.user),
    )


@require_POST
def sitzung_vorschlagen(request, pk: int):
    sitzung = _sitzung(request, pk, schreiben=True)
    try:
        veroeffentlichung.sitzung_veroeffentlichung_vorschlagen(sitzung=sitzung, durch=request.user)
    except Regelverstoss as exc:
        messages.error(request, exc.meldung)
    else:
        messages.success(request, "Die Veröffentlichung ist vorgeschlagen; die Verwaltung entscheidet.")
    return redirect("beteiligung:sitzung", pk=pk)


def sitzung_zurueckziehen(request, pk: int):
    sitzung = _sitzung(request, pk, schreiben=True)
    verlangen(kann_sitzung_veroeffentlichen(request.user), veroeffentlichung.NUR_VERWALTUNG_ZIEHT_ZURUECK)
    return _aktion(
        request, titel=f"Sitzung zurückziehen: {sitzung.titel}", form=RueckzugForm(request.POST or None),
        ziel=reverse("beteiligung:sitzung", args=[pk]), kontext={"sitzung": sitzung},
        erfolg="Die Sitzung ist zurückgezogen; die OParl-Schnittstelle meldet sie als gelöscht.",
        ausfuehren=lambda d: veroeffentlichung.sitzung_zurueckziehen(sitzung=sitzung, grund=d["grund"],
                                                                     durch=request.user),
    )
