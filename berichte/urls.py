from django.urls import path

from . import views

app_name = "berichte"

urlpatterns = [
    path("berichte/", views.archiv, name="archiv"),
    path("berichte/<int:pk>/", views.bericht_detail, name="bericht"),
    path("berichte/<int:pk>/pdf/", views.herunterladen, name="pdf"),
    path("berichte/<int:pk>/korrigieren/", views.korrigieren, name="korrigieren"),
    path("berichte/<int:pk>/zurueckziehen/", views.zurueckziehen, name="zurueckziehen"),
    path("berichte/auftraege/<int:pk>/", views.auftrag, name="auftrag"),
    path("berichte/auftraege/<int:pk>/stand/", views.auftrag_stand, name="auftrag_stand"),
    path("berichte/neu/", views.neu, name="neu"),
    path("berichte/neu/<slug:art>/", views.vorschau, name="vorschau"),
    path("berichte/neu/<slug:art>/veroeffentlichen/", views.veroeffentlichen, name="veroeffentlichen"),
    path("ratsvorlagen/", views.vorlagen, name="vorlagen"),
    path("ratsvorlagen/neu/", views.vorlage_bearbeiten, name="vorlage_neu"),
    path("ratsvorlagen/<int:pk>/", views.vorlage_bearbeiten, name="vorlage_bearbeiten"),
    path("ratsvorlagen/mitzeichnung/<int:pk>/", views.mitzeichnen, name="mitzeichnen"),
]
