import re

import pytest
from django import forms
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.template import Context, Template
from django.test import RequestFactory

from kern.aktion import aktion
from kern.fehler import Regelverstoss
from kern.templatetags.formular import Fehler, fehlerliste


class ZeitraumForm(forms.Form):
    titel = forms.CharField(label="Titel")
    farben = forms.MultipleChoiceField(label="Farben", choices=[("r", "rot"), ("g", "grün")],
                                       widget=forms.CheckboxSelectMultiple)
    kennung = forms.CharField(widget=forms.HiddenInput)

    def clean(self):
        raise forms.ValidationError("Der Zeitraum ist belegt.")


class ZeileForm(forms.Form):
    datum = forms.DateField(label="Datum")


ZeilenFormSet = forms.formset_factory(ZeileForm, extra=0)


def test_the_list_names_every_error_and_links_each_field_error_to_its_input():
    form = ZeitraumForm({})
    assert fehlerliste(form) == [
        Fehler("Der Zeitraum ist belegt."),
        Fehler("Titel: Dieses Feld ist zwingend erforderlich.", "id_titel"),
        # A checkbox group has no label target: the link goes to its first option.
        Fehler("Farben: Dieses Feld ist zwingend erforderlich.", "id_farben_0"),
        # A hidden field cannot take the focus: its error is listed without a link.
        Fehler("Kennung: Dieses Feld ist zwingend erforderlich."),
    ]


def test_formset_rows_are_numbered_and_a_refusal_comes_last():
    daten = {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "0", "form-0-datum": "01.02.2026", "form-1-datum": "x"}
    formset = ZeilenFormSet(daten)
    assert fehlerliste(None, formset, "Beratungsfolge", "Das Budget reicht nicht.") == [
        Fehler("Beratungsfolge, Zeile 2 – Datum: Bitte ein gültiges Datum eingeben.", "id_form-1-datum"),
        Fehler("Das Budget reicht nicht."),
    ]


def test_unbound_forms_have_no_errors():
    assert fehlerliste(ZeitraumForm(), ZeilenFormSet()) == []


@pytest.mark.parametrize(("kontext", "erwartet"), [
    ({"form": ZeitraumForm()}, ""),
    ({"form": ZeitraumForm({})}, "Fehler: "),
    ({"beratungen": ZeilenFormSet({"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-datum": "x"})},
     "Fehler: "),
    ({"fehler": "Das Budget reicht nicht."}, "Fehler: "),
    ({"fehler": None}, ""),
])
def test_the_title_prefix_follows_any_form_of_the_page(kontext, erwartet):
    assert Template("{% load formular %}{% fehlertitel %}").render(Context(kontext)) == erwartet


def _anfrage(methode: str, daten=None):
    request = getattr(RequestFactory(), methode)("/aktion/", daten or {})
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


class NameForm(forms.Form):
    name = forms.CharField(label="Name")


def _verweigern(daten):
    raise Regelverstoss("Dieser Name ist nicht erlaubt.")


def test_a_failed_submit_shows_the_summary_with_links_and_the_error_in_the_title(db):
    request = _anfrage("post", {"name": ""})
    html = aktion(request, titel="Umbenennen", form=NameForm(request.POST), ausfuehren=_verweigern,
                  ziel="/zurueck/", erfolg="Gespeichert.").content.decode()
    assert "<title>Fehler: Umbenennen – Quartiersportal</title>" in html
    zusammenfassung = re.search(r'<div class="alert alert-danger"[^>]*id="formularfehler".*?</div>', html, re.S).group(0)
    assert 'tabindex="-1"' in zusammenfassung
    assert '<a class="alert-link" href="#id_name">Name: Dieses Feld ist zwingend erforderlich.</a>' in zusammenfassung
    # The field's own error is tied to the input.
    assert re.search(r'<input[^>]*aria-describedby="id_name_error"[^>]*id="id_name"', html)
    assert 'id="id_name_error"' in html


def test_a_refusal_is_listed_in_the_summary(db):
    request = _anfrage("post", {"name": "neu"})
    html = aktion(request, titel="Umbenennen", form=NameForm(request.POST), ausfuehren=_verweigern,
                  ziel="/zurueck/", erfolg="Gespeichert.").content.decode()
    assert "<title>Fehler: Umbenennen" in html
    assert "<li>Dieser Name ist nicht erlaubt.</li>" in html


def test_without_a_submit_neither_summary_nor_error_title(db):
    request = _anfrage("get")
    html = aktion(request, titel="Umbenennen", form=NameForm(), ausfuehren=_verweigern,
                  ziel="/zurueck/", erfolg="Gespeichert.").content.decode()
    assert "<title>Umbenennen – Quartiersportal</title>" in html
    assert 'id="formularfehler"' not in html
