from django.urls import path

from . import nachweis_views as views

app_name = "nachweis"

urlpatterns = [
    path("verwendungsnachweise/zu-pruefen/", views.zu_pruefen, name="zu_pruefen"),
    path("verwendungsnachweise/<int:pk>/", views.seite, name="seite"),
    path("verwendungsnachweise/<int:pk>/angaben/", views.angaben, name="angaben"),
    path("verwendungsnachweise/<int:pk>/belege/neu/", views.beleg_neu, name="beleg_neu"),
    path("verwendungsnachweise/<int:pk>/belege/import/", views.belege_import, name="belege_import"),
    path("verwendungsnachweise/<int:pk>/summen/", views.summen, name="summen"),
    path("verwendungsnachweise/<int:pk>/abgeben/", views.abgeben, name="abgeben"),
    path("belege/<int:pk>/entfernen/", views.beleg_entfernen, name="beleg_entfernen"),
]
