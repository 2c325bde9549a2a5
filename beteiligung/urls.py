from django.urls import path

from . import views, views_veroeffentlichung

app_name = "beteiligung"

urlpatterns = [
    path("gremien/", views.gremium_liste, name="gremien"),
    path("gremien/<int:pk>/", views.gremium_detail, name="gremium"),
    path("gremien/<int:pk>/mitglied/", views.mitglied_neu, name="mitglied_neu"),
    path("gremien/<int:pk>/sitzung/", views.sitzung_neu, name="sitzung_neu"),
    path("sitzungen/<int:pk>/", views.sitzung_detail, name="sitzung"),
    path("sitzungen/<int:pk>/bearbeiten/", views.sitzung_bearbeiten, name="sitzung_bearbeiten"),
    path("sitzungen/<int:pk>/status/", views.sitzung_status, name="sitzung_status"),
    path("sitzungen/<int:pk>/veroeffentlichen/", views_veroeffentlichung.sitzung_veroeffentlichen,
         name="sitzung_veroeffentlichen"),
    path("sitzungen/<int:pk>/vorschlagen/", views_veroeffentlichung.sitzung_vorschlagen, name="sitzung_vorschlagen"),
    path("sitzungen/<int:pk>/zurueckziehen/", views_veroeffentlichung.sitzung_zurueckziehen,
         name="sitzung_zurueckziehen"),
    path("sitzungen/<int:pk>/teilnehmende/", views.teilnehmende, name="teilnehmende"),
    path("sitzungen/<int:pk>/teilnehmende/mehrere/", views.teilnehmende_mehrere, name="teilnehmende_mehrere"),
    path("sitzungen/<int:pk>/tagesordnung/", views.tagesordnung, name="tagesordnung"),
    path("sitzungen/<int:pk>/themen/", views.themen, name="themen"),
    path("sitzungen/<int:pk>/themenspeicher/", views.thema_uebernehmen, name="thema_uebernehmen"),
    path("sitzungen/<int:pk>/beschluss/", views.beschluss_neu, name="beschluss_neu"),
    path("sitzungen/<int:pk>/aufgabe/", views.aufgabe_neu, name="aufgabe_neu"),
    path("teilnahmen/<int:pk>/entfernen/", views.teilnahme_entfernen, name="teilnahme_entfernen"),
    path("themenkarten/<int:pk>/", views.bewertung_bearbeiten, name="bewertung"),
    path("themen/<int:pk>/", views.thema_detail, name="thema"),
    path("beschluesse/", views.beschluesse_offen, name="beschluesse_offen"),
    path("beschluesse/<int:pk>/", views.beschluss_detail, name="beschluss"),
    path("beschluesse/<int:pk>/umsetzung/", views.beschluss_umsetzung, name="beschluss_umsetzung"),
    path("aufgaben/", views.aufgaben, name="aufgaben"),
    path("aufgaben/<int:pk>/erledigt/", views.aufgabe_erledigt, name="aufgabe_erledigt"),
    path("strukturcheck/", views.strukturcheck, name="strukturcheck"),
    path("datenschutz/personen/", views.personen, name="personen"),
    path("datenschutz/personen/<int:pk>/export/", views.person_export, name="person_export"),
    path("datenschutz/personen/<int:pk>/anonymisieren/", views.person_anonymisieren, name="person_anonymisieren"),
]
