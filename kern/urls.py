from django.urls import path

from . import views

app_name = "exporte"

urlpatterns = [
    path("exporte/<int:pk>/", views.auftrag, name="auftrag"),
    path("exporte/<int:pk>/stand/", views.auftrag_stand, name="auftrag_stand"),
    path("exporte/<int:pk>/datei/", views.herunterladen, name="datei"),
]
