from django.urls import path

from . import zuwendung_views as views

app_name = "zuwendung"

urlpatterns = [
    path("traeger/<int:pk>/", views.traeger, name="traeger"),
    path("traeger/<int:pk>/bearbeiten/", views.traeger_bearbeiten, name="traeger_bearbeiten"),
    path("projekte/<int:pk>/finanzierungsplan/", views.finanzierungsplan, name="finanzierungsplan"),
    path("projekte/<int:pk>/vorzeitiger-beginn/", views.vorzeitiger_beginn, name="vorzeitiger_beginn"),
    path("bewilligungen/<int:pk>/finanzierungsart/", views.zuwendung_festlegen, name="finanzierungsart"),
    path("textbausteine/", views.textbausteine, name="textbausteine"),
    path("textbausteine/neu/", views.textbaustein_bearbeiten, name="textbaustein_neu"),
    path("textbausteine/<int:pk>/", views.textbaustein_bearbeiten, name="textbaustein"),
]
