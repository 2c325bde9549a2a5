from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render

from beteiligung import services
from beteiligung.forms import TaetigkeitForm
from beteiligung.permissions import kann_taetigkeiten_erfassen
from kern import rollen
from kern.fehler import Regelverstoss
from kern.zeit import heute
from kern.zugriff import verlangen
from quartiere.models import Gebiet

from . import dashboard, oeffentlich


@login_not_required
def start(request):
    """The role's start page; visitors without a login get the public start page."""
    user = request.user
    if not user.is_authenticated:
        return oeffentlich.startseite(request)
    if rollen.ist_verwaltung(user):
        return render(request, "portal/start_verwaltung.html", dashboard.verwaltung(user))
    if rollen.ist_quartiersmanagement(user):
        return render(request, "portal/start_qm.html", {
            **dashboard.quartiersmanagement(user),
            "taetigkeit_form": TaetigkeitForm(gebiete=Gebiet.objects.arbeitsgebiete_fuer(user),
                                              initial={"datum": heute()}),
        })
    if rollen.ist_rat(user):
        return render(request, "portal/start_rat.html", dashboard.rat(user))
    return render(request, "portal/start_ohne_rolle.html", status=200)


def taetigkeit_erfassen(request):
    verlangen(kann_taetigkeiten_erfassen(request.user), "Tätigkeiten erfasst das Quartiersmanagement.")
    gebiete = Gebiet.objects.arbeitsgebiete_fuer(request.user)
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
