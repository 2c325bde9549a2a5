from django.urls import path

from .karte import karte, karte_daten
from .liste import gebiet_liste
from .seite import gebiet_detail

app_name = "gebiete"

urlpatterns = [
    path("", gebiet_liste, name="liste"),
    path("karte/", karte, name="karte"),
    path("karte/grenzen/", karte_daten, name="karte_daten"),
    path("<int:pk>/", gebiet_detail, name="detail"),
]
