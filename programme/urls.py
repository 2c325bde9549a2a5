from django.urls import path

from . import views

app_name = "programme"

urlpatterns = [
    path("programme/", views.programm_liste, name="programme"),
    path("programme/<int:pk>/", views.programm_detail, name="programm"),
    path("programme/<int:pk>/budget/", views.budget_festlegen, name="budget"),
    path("projekte/", views.projekt_liste, name="projekte"),
    path("projekte/neu/", views.projekt_anlegen, name="projekt_neu"),
    path("projekte/<int:pk>/", views.projekt_detail, name="projekt"),
    path("projekte/<int:pk>/bearbeiten/", views.projekt_bearbeiten, name="projekt_bearbeiten"),
    path("projekte/<int:pk>/antrag/", views.antrag_stellen, name="antrag"),
    path("projekte/<int:pk>/status/", views.status_setzen, name="status"),
    path("bewilligungen/<int:pk>/bewilligen/", views.bewilligen, name="bewilligen"),
    path("bewilligungen/<int:pk>/ablehnen/", views.ablehnen, name="ablehnen"),
    path("bewilligungen/<int:pk>/auszahlung/", views.auszahlen, name="auszahlen"),
    path("bewilligungen/<int:pk>/rueckzahlung/", views.rueckzahlung, name="rueckzahlung"),
    path("verwendungsnachweise/ueberfaellig/", views.ueberfaellige_verwendungsnachweise, name="nachweise_ueberfaellig"),
    path("verwendungsnachweise/<int:pk>/einreichen/", views.nachweis_einreichen, name="nachweis_einreichen"),
    path("verwendungsnachweise/<int:pk>/pruefen/", views.nachweis_pruefen, name="nachweis_pruefen"),
]

# Joined with quartiere's facility list under the namespace "akteure" in portal/urls.py.
akteure_urlpatterns = [
    path("organisationen/", views.organisation_liste, name="organisationen"),
]
