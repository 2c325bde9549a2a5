from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from kern.zugriff import rolle_nicht_erforderlich
from programme import urls as programme_urls
from quartiere import urls as quartiere_urls

from . import anmeldung, erklaerung, fehlerseiten, gesundheit, oeffentlich, verarbeitungsverzeichnis, views

# Organisations (programme: they show their projects) and facilities (quartiere) share one namespace.
akteure_urls = (programme_urls.akteure_urlpatterns + quartiere_urls.akteure_urlpatterns, "akteure")

urlpatterns = [
    # A login without a role sees its start page ("no role assigned yet") and may sign out.
    path("", rolle_nicht_erforderlich(views.start), name="start"),
    path("barrierefreiheit/", erklaerung.erklaerung, name="barrierefreiheit"),
    path("barrierefreiheit/bearbeiten/", erklaerung.erklaerung_bearbeiten, name="barrierefreiheit_bearbeiten"),
    path("barrierefreiheit/melden/", oeffentlich.melden, name="barrierefreiheit_melden"),
    path("barrierefreiheit/meldungen/", oeffentlich.meldungen, name="barrierefreiheit_meldungen"),
    path("leichte-sprache/", oeffentlich.leichte_sprache, name="leichte_sprache"),
    path("gesundheit/", gesundheit.gesundheit, name="gesundheit"),
    path("taetigkeiten/neu/", views.taetigkeit_erfassen, name="taetigkeit_neu"),
    path("arbeitskorb/", views.arbeitskorb_seite, name="arbeitskorb"),
    path("anmelden/", anmeldung.AnmeldenView.as_view(), name="login"),
    path("anmelden/code/", anmeldung.code_eingeben, name="anmeldung_code"),
    path("konto/zweiter-faktor/", anmeldung.uebersicht, name="zweiter_faktor"),
    path("konto/zweiter-faktor/einrichten/", anmeldung.einrichten, name="zweiter_faktor_einrichten"),
    path("konto/zweiter-faktor/wiederherstellungscodes/", anmeldung.codes_erneuern, name="wiederherstellungscodes"),
    path("abmelden/", rolle_nicht_erforderlich(auth_views.LogoutView.as_view()), name="logout"),
    path("datenschutz/verzeichnis/", verarbeitungsverzeichnis.verzeichnis, name="verarbeitungsverzeichnis"),
    path("", include("programme.urls")),
    path("", include("berichte.urls")),
    path("", include("programme.zuwendung_urls")),
    path("", include("programme.fristen_urls")),
    path("", include("programme.mittelabruf_urls")),
    path("", include("berichte.bescheid_urls")),
    path("", include("programme.nachweis_urls")),
    path("", include("berichte.pruefvermerk_urls")),
    path("", include("programme.rueckforderung_urls")),
    path("", include("berichte.rueckforderungsbescheid_urls")),
    path("", include("beteiligung.urls")),
    path("", include(akteure_urls)),
    path("gebiete/", include("portal.gebiete.urls")),
    path("oparl/v1/", include("oparl.urls")),
    path("", include("quartiere.urls")),
    path("", include("kern.urls")),
    # The admin signs in through the portal's login, so its second factor applies there too.
    path("admin/login/", anmeldung.AnmeldenView.as_view()),
    path("admin/", admin.site.urls),
]

handler400 = fehlerseiten.anfrage_fehlerhaft
handler403 = fehlerseiten.zugriff_verweigert
handler404 = fehlerseiten.nicht_gefunden
handler500 = fehlerseiten.serverfehler
