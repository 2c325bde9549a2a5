from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from quartiere import akteure

from . import fehlerseiten, gesundheit, views

akteure_urls = ([
    path("organisationen/", akteure.organisation_liste, name="organisationen"),
    path("einrichtungen/", akteure.einrichtung_liste, name="einrichtungen"),
], "akteure")

urlpatterns = [
    path("", views.start, name="start"),
    path("gesundheit/", gesundheit.gesundheit, name="gesundheit"),
    path("taetigkeiten/neu/", views.taetigkeit_erfassen, name="taetigkeit_neu"),
    path("anmelden/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("programme.urls")),
    path("", include("berichte.urls")),
    path("", include("beteiligung.urls")),
    path("", include(akteure_urls)),
    path("gebiete/", include("portal.gebiete")),
    path("oparl/v1/", include("oparl.urls")),
    path("", include("quartiere.urls")),
    path("admin/", admin.site.urls),
]

handler400 = fehlerseiten.anfrage_fehlerhaft
handler403 = fehlerseiten.zugriff_verweigert
handler404 = fehlerseiten.nicht_gefunden
handler500 = fehlerseiten.serverfehler
