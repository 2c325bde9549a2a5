import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import RequestFactory

from kern.aktion import aktion
from kern.fehler import Regelverstoss


class NameForm(forms.Form):
    name = forms.CharField()


def _anfrage(methode: str, daten=None):
    request = getattr(RequestFactory(), methode)("/aktion/", daten or {})
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def _ausfuehren(daten):
    if daten["name"] == "verboten":
        raise Regelverstoss("Dieser Name ist nicht erlaubt.")
    return daten["name"]


@pytest.mark.parametrize("methode", ["get", "post"])
def test_the_form_page_shows_the_form_and_the_way_back(methode, db):
    request = _anfrage(methode)
    antwort = aktion(request, titel="Umbenennen", form=NameForm(request.POST or None), ausfuehren=_ausfuehren,
                     ziel="/zurueck/", erfolg="Gespeichert.")
    assert antwort.status_code == 200
    assert "<h1 class=\"h4 mb-3\">Umbenennen</h1>" in antwort.content.decode()
    assert 'href="/zurueck/"' in antwort.content.decode()


def test_a_valid_post_runs_the_call_and_redirects_with_the_success_message(db):
    request = _anfrage("post", {"name": "neu"})
    antwort = aktion(request, titel="Umbenennen", form=NameForm(request.POST), ausfuehren=_ausfuehren,
                     ziel="/zurueck/", erfolg="Gespeichert.", weiter=lambda name: f"/{name}/")
    assert antwort.status_code == 302 and antwort.url == "/neu/"
    assert [str(m) for m in get_messages(request)] == ["Gespeichert."]


def test_a_refusal_stays_on_the_form_with_its_message(db):
    request = _anfrage("post", {"name": "verboten"})
    antwort = aktion(request, titel="Umbenennen", form=NameForm(request.POST), ausfuehren=_ausfuehren,
                     ziel="/zurueck/", erfolg="Gespeichert.")
    assert antwort.status_code == 200 and "Dieser Name ist nicht erlaubt." in antwort.content.decode()
    assert list(get_messages(request)) == []
