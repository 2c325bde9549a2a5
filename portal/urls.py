from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from kern.zugriff import rolle_nicht_erforderlich
from quartiere import akteure

from . import views

akteure_urls = ([
    path("organisationen/", akteure.organisation_liste, name="organisationen"),
    path("einrichtungen/", akteure.einrichtung_liste, name="einrichtungen"),
], "akteure")

urlpatterns = [
    # A login without a role sees its start page ("no role assigned yet") and may sign out.
    path("", rolle_nicht_erforderlich(views.start), name="start"),
    path("taetigkeiten/neu/", views.taetigkeit_erfassen, name="taetigkeit_neu"),
    path("anmelden/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("abmelden/", rolle_nicht_erforderlich(auth_views.LogoutView.as_view()), name="logout"),
    path("", include("programme.urls")),
    path("", include("berichte.urls")),
    path("", include("beteiligung.urls")),
    path("", include(akteure_urls)),
    path("gebiete/", include("portal.gebiete")),
    path("oparl/v1/", include("oparl.urls")),
    path("", include("quartiere.urls")),
    path("admin/", admin.site.urls),
]
