from django.urls import path

from . import bescheid_views as views

app_name = "bescheide"

urlpatterns = [
    path("bescheide/", views.liste, name="liste"),
    path("bescheide/<int:pk>/", views.bescheid, name="bescheid"),
    path("bescheide/<int:pk>/pdf/", views.herunterladen, name="pdf"),
    path("bescheide/<int:pk>/aendern/", views.aendern, name="aendern"),
    path("bescheide/<int:pk>/versandt/", views.versandt, name="versandt"),
    path("bescheide/<int:pk>/verzicht/", views.verzicht, name="verzicht"),
    path("bewilligungen/<int:pk>/bescheid/", views.erlassen, name="erlassen"),
    path("bewilligungen/<int:pk>/bescheid/vorschau/", views.vorschau, name="vorschau"),
]
