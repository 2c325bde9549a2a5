from django.urls import path

from . import rueckforderung_views as views

app_name = "rueckforderung"

urlpatterns = [
    path("rueckforderungen/", views.offene, name="offene"),
    path("bewilligungen/<int:pk>/rueckforderung/", views.festsetzen, name="festsetzen"),
    path("rueckforderungen/<int:pk>/rueckzahlung/", views.rueckzahlung, name="rueckzahlung"),
    path("basiszinssaetze/", views.basiszinssaetze, name="basiszinssaetze"),
    path("basiszinssaetze/neu/", views.basiszinssatz_neu, name="basiszinssatz_neu"),
]
