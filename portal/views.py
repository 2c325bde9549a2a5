from django.shortcuts import render

from . import access, dashboard


def start(request):
    user = request.user
    if access.ist_verwaltung(user):
        return render(request, "portal/start_verwaltung.html", dashboard.verwaltung(user))
    if access.ist_quartiersmanagement(user):
        return render(request, "portal/start_qm.html", dashboard.quartiersmanagement(user))
    if access.ist_rat(user):
        return render(request, "portal/start_rat.html", dashboard.rat(user))
    return render(request, "portal/start_ohne_rolle.html", status=200)
