"""The Python-built widgets and filter fields show exactly what Django's and crispy-forms' templates show."""

import re

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms
from django.forms.renderers import DjangoTemplates

from kern.formrenderer import Renderer
from kern.templatetags.listen import filterfeld


def _markup(html: str) -> str:
    """Whitespace between and around tags does not show."""
    return re.sub(r"\s+", " ", re.sub(r">\s+", ">", re.sub(r"\s+<", "<", str(html)))).strip()


class Beispiel(forms.Form):
    suche = forms.CharField(label="Suche <Titel>", required=False,
                            widget=forms.TextInput(attrs={"placeholder": 'z. B. "Lesepaten" & Co.'}))
    jahr = forms.IntegerField(label="Jahr", required=False, min_value=2000, help_text="Jahr der <b>Laufzeit</b>")
    stadt = forms.ChoiceField(label="Stadt", required=False, choices=[
        ("", "alle Städte"), ("1", "Bremen"), ("2", "Mönchengladbach & <Umland>"),
        ("Nord", [("3", "Bremerhaven"), ("4", "Cuxhaven")])])
    aktiv = forms.NullBooleanField(label="aktiv", required=False)
    pflicht = forms.CharField(label="Pflichtfeld")


DATEN = [None, {"suche": '"><script>', "jahr": "2026", "stadt": "4", "aktiv": "true", "pflicht": "x"},
         {"jahr": "abc", "stadt": "99", "pflicht": ""}]
FELDER = ["suche", "jahr", "stadt", "aktiv", "pflicht"]


def _form(daten, renderer):
    form = Beispiel(daten, renderer=renderer)
    form.is_valid()
    return form


@pytest.mark.parametrize("daten", DATEN)
@pytest.mark.parametrize("name", FELDER)
def test_widgets_render_as_djangos_templates(daten, name):
    erwartet = _form(daten, DjangoTemplates())[name].as_widget()
    assert _markup(_form(daten, Renderer())[name].as_widget()) == _markup(erwartet)


@pytest.mark.parametrize("daten", DATEN)
@pytest.mark.parametrize("name", FELDER)
def test_filter_fields_show_what_crispy_forms_shows(daten, name):
    erwartet = as_crispy_field(_form(daten, DjangoTemplates())[name])
    assert _markup(filterfeld(_form(daten, Renderer())[name])) == _markup(erwartet)


def test_a_field_with_an_error_is_marked_and_says_why():
    html = filterfeld(_form(DATEN[2], Renderer())["jahr"])
    assert 'class="numberinput form-control is-invalid"' in html and 'aria-invalid="true"' in html
    assert "<strong>Bitte eine ganze Zahl eingeben.</strong>" in html and "Jahr der <b>Laufzeit</b>" in html


def test_labels_values_and_options_are_escaped():
    form = _form(DATEN[1], Renderer())
    assert "Suche &lt;Titel&gt;" in filterfeld(form["suche"])
    assert 'value="&quot;&gt;&lt;script&gt;"' in form["suche"].as_widget()
    assert '<option value="2">Mönchengladbach &amp; &lt;Umland&gt;</option>' in form["stadt"].as_widget()
    assert '<optgroup label="Nord">' in form["stadt"].as_widget() and '<option value="4" selected>' in form[
        "stadt"].as_widget()
