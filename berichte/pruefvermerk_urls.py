from django.urls import path

from . import pruefvermerk_views as views

app_name = "pruefvermerk"

urlpatterns = [
    path("verwendungsnachweise/<int:pk>/pruefen/vermerk/", views.pruefen, name="pruefen"),
    path("pruefvermerke/<int:pk>/pdf/", views.herunterladen, name="pdf"),
]
