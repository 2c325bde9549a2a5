from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render

from beteiligung import services
from beteiligung.forms import TaetigkeitForm
from beteiligung.permissions import kann_taetigkeiten_erfassen
from kern import rollen
from kern.datenstand import zwischengespeichert
from kern.fehler import Regelverstoss
from kern.zeit import heute
from kern.zugriff import verlangen
from programme.fristen_forms import FristfilterForm
from programme.fristen_views import NUR_VERWALTUNG_UND_QM
from programme.permissions import kann_fristen_sehen
from quartiere.models import Gebiet

from . import arbeitskorb, dashboard, oeffentlich


@login_not_required
def start(request):
    """The role's start page; visitors without a login get the public start page."""
    user = request.user
    if not user.is_authenticated:
        return oeffentlich.startseite(request)
    if rollen.ist_verwaltung(user):
        return render(request, "portal/start_verwaltung.html",
                      zwischengespeichert("start-verwaltung", lambda: dashboard.verwaltung(user), user.pk))
    if rollen.ist_quartiersmanagement(user):
        return render(request, "portal/start_qm.html", {
            **zwischengespeichert("start-qm", lambda: dashboard.quartiersmanagement(user), user.pk),
            "taetigkeit_form": TaetigkeitForm(gebiete=Gebiet.objects.arbeitsgebiete_fuer(user),
                                              initial={"datum": heute()}),
        })
    if rollen.ist_rat(user):
        return render(request, "portal/start_rat.html",
                      zwischengespeichert("start-rat", lambda: dashboard.rat(user), user.pk))
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


def arbeitskorb_seite(request):
    """The work basket: staff's rows, or a manager's for their own areas; filtered by city and programme."""
    verlangen(kann_fristen_sehen(request.user), NUR_VERWALTUNG_UND_QM)
    form = FristfilterForm(request.GET or None, user=request.user, felder=("stadt", "programm"))
    nur = request.GET.get("zeile", "")
    zeilen = arbeitskorb.arbeitskorb(request.user, werte=form.werte(), nur=nur if nur.isidentifier() else "")
    parameter = request.GET.copy()
    parameter.pop("zeile", None)
    return render(request, "portal/arbeitskorb.html", {
        "filter": {"form": form}, "zeilen": zeilen, "nur": nur, "parameter": parameter.urlencode(),
        "ist_qm_korb": not rollen.ist_verwaltung(request.user),
    })
