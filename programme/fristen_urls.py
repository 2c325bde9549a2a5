from django.urls import path

from . import fristen_views as views

app_name = "fristen"

urlpatterns = [
    path("fristen/", views.uebersicht, name="uebersicht"),
    path("fristen/erinnerungen/", views.erinnerungen, name="erinnerungen"),
    path("zwischennachweise/<int:pk>/einreichen/", views.zwischennachweis_einreichen,
         name="zwischennachweis_einreichen"),
    path("zwischennachweise/<int:pk>/pruefen/", views.zwischennachweis_pruefen, name="zwischennachweis_pruefen"),
]
