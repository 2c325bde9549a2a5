from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from beteiligung import services
from beteiligung.forms import TaetigkeitForm
from kern import rollen
from kern.fehler import Regelverstoss
from kern.zeit import heute
from quartiere import zugriff

from . import dashboard


def start(request):
    user = request.user
    if rollen.ist_verwaltung(user):
        return render(request, "portal/start_verwaltung.html", dashboard.verwaltung(user))
    if rollen.ist_quartiersmanagement(user):
        return render(request, "portal/start_qm.html", {
            **dashboard.quartiersmanagement(user),
            "taetigkeit_form": TaetigkeitForm(gebiete=zugriff.arbeitsgebiete(user),
                                              initial={"datum": heute()}),
        })
    if rollen.ist_rat(user):
        return render(request, "portal/start_rat.html", dashboard.rat(user))
    return render(request, "portal/start_ohne_rolle.html", status=200)


def taetigkeit_erfassen(request):
    gebiete = zugriff.arbeitsgebiete(request.user)
    if not (rollen.ist_verwaltung(request.user) or rollen.ist_quartiersmanagement(request.user)):
        raise PermissionDenied("Tätigkeiten erfasst das Quartiersmanagement.")
    form = TaetigkeitForm(request.POST or None, gebiete=gebiete, initial={"datum": heute()})
    if request.method == "POST" and form.is_valid():
        try:
            taetigkeit = services.taetigkeit_erfassen(**form.cleaned_data, durch=request.user)
        except Regelverstoss as exc:
            messages.error(request, exc.meldung)
        else:
            messages.success(request, f"Die Tätigkeit „{taetigkeit.titel}“ ist erfasst.")
            return redirect("start")
    return render(request, "portal/taetigkeit_formular.html", {"form": form})
