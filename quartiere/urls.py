from django.urls import path

from . import views

app_name = "quartiere"

urlpatterns = [
    path("indikatoren/import/", views.import_hochladen, name="import"),
    path("indikatoren/import/<uuid:pk>/", views.import_vorschau, name="import_vorschau"),
    path("sozialindex/", views.sozialindex, name="sozialindex"),
    path("sozialindex/<int:pk>/einstellungen/", views.sozialindex_einstellungen, name="sozialindex_einstellungen"),
    path("sozialindex/<int:pk>/berechnen/", views.sozialindex_berechnen, name="sozialindex_berechnen"),
]

# Joined with the other apps' lists of actors under the namespace "akteure" in portal/urls.py.
akteure_urlpatterns = [
    path("einrichtungen/", views.einrichtung_liste, name="einrichtungen"),
]
