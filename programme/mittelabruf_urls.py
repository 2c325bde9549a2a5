from django.urls import path

from . import mittelabruf_views as views

app_name = "mittelabruf"

urlpatterns = [
    path("mittelabrufe/", views.offene, name="offen"),
    path("bewilligungen/<int:pk>/mittelabruf/", views.abrufen, name="abrufen"),
    path("mittelabrufe/<int:pk>/genehmigen/", views.genehmigen, name="genehmigen"),
    path("mittelabrufe/<int:pk>/ablehnen/", views.ablehnen, name="ablehnen"),
    path("mittelabrufe/<int:pk>/verwendet/", views.verwendet, name="verwendet"),
]
