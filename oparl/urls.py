from django.urls import path

from . import views
from .darstellung import BODY_LISTEN

app_name = "oparl"

urlpatterns = [
    path("", views.system, name="system"),
    path("body/", views.bodies, name="bodies"),
    path("body/<int:pk>/", views.body, name="body"),
    *(path(f"body/<int:pk>/{name}/", views.body_liste_view(name), name=f"body_{name}")
      for name in BODY_LISTEN.values()),
    path("organization/<int:pk>/", views.organization, name="organization"),
    path("organization/<int:pk>/meeting/", views.organization_meeting, name="organization_meeting"),
    path("meeting/<int:pk>/", views.meeting, name="meeting"),
    path("agendaitem/<int:pk>/", views.agendaitem, name="agendaitem"),
    path("location/<slug:schluessel>/", views.location, name="location"),
    path("paper/<int:pk>/", views.paper, name="paper"),
    path("paper/<int:paper>/consultation/<int:pk>/", views.consultation, name="consultation"),
    path("file/<int:pk>/", views.file, name="file"),
    path("file/<int:pk>/access/", views.file_access, name="file_access"),
]
