from django.urls import path

from .karte import karte
from .liste import gebiet_liste
from .seite import gebiet_detail

app_name = "gebiete"

urlpatterns = [
    path("", gebiet_liste, name="liste"),
    path("karte/", karte, name="karte"),
    path("<int:pk>/", gebiet_detail, name="detail"),
]
