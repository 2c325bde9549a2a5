from django.urls import path

from . import rueckforderungsbescheid_views as views

app_name = "rueckforderungsbescheide"

urlpatterns = [
    path("rueckforderungen/<int:pk>/bescheid/", views.erlassen, name="erlassen"),
]
