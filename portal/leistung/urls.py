"""The portal's URLs and, for the load test only, a bare Django page that renders 50 rows."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from portal.urls import urlpatterns as portal_urls
from programme.models import Projekt

_VORLAGE = engines["django"].from_string(
    "<!doctype html><html lang=\"de\"><title>50 Zeilen</title><table>"
    "{% for p in zeilen %}<tr><td>{{ p.titel }}</td><td>{{ p.beginn|date:'d.m.Y' }}</td></tr>{% endfor %}"
    "</table></html>")


@login_not_required
def fuenfzig_zeilen(request):
    zeilen = Projekt.objects.order_by("pk").only("titel", "beginn")[:50]
    return HttpResponse(_VORLAGE.render({"zeilen": zeilen}, request))


urlpatterns = [path("leistung/50-zeilen/", fuenfzig_zeilen, name="fuenfzig_zeilen"), *portal_urls]
