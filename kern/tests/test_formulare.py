"""The shared base of forms and filters: German empty choices, the one date field, sort labels, counts."""

import datetime as dt

import django_filters
import pytest
from django import forms
from django.contrib.auth.models import Group

from kern.filter import Filterliste, Sortierung
from kern.format import anzahl
from kern.formulare import DATUM_UNGUELTIG, DatumEingabe, Formular


class Beispiel(Formular):
    am = forms.DateField(label="am", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    art = forms.ChoiceField(label="Art", choices=[("", "---------"), ("a", "A")], required=False)
    pflicht = forms.ChoiceField(label="Pflicht", choices=[("", "---------"), ("a", "A")])
    gruppe = forms.ModelChoiceField(label="Gruppe", queryset=Group.objects.none(), required=False)
    eigene = forms.ModelChoiceField(label="Eigene", queryset=Group.objects.none(), empty_label="– keine –",
                                    required=False)
    offen = forms.NullBooleanField(label="offen", required=False)


@pytest.mark.parametrize("eingabe, tag", [("21.11.2026", dt.date(2026, 11, 21)), ("1.2.2026", dt.date(2026, 2, 1)),
                                          ("2026-11-21", dt.date(2026, 11, 21)), ("", None)])
def test_dates_are_read_as_typed_in_german(eingabe, tag):
    form = Beispiel({"am": eingabe, "pflicht": "a"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["am"] == tag


@pytest.mark.parametrize("eingabe", ["31.02.2026", "11/21/2026", "morgen", "21.11."])
def test_a_date_not_typed_tt_mm_jjjj_gets_a_german_message(eingabe):
    form = Beispiel({"am": eingabe, "pflicht": "a"})
    assert form.errors["am"] == [DATUM_UNGUELTIG]
    assert "TT.MM.JJJJ" in DATUM_UNGUELTIG


def test_every_date_field_is_a_text_input_in_german_with_the_picker_hook():
    form = Beispiel(initial={"am": dt.date(2026, 11, 21)})
    feld = form.fields["am"]
    assert isinstance(feld.widget, DatumEingabe)
    html = str(form["am"])
    assert 'type="text"' in html and 'placeholder="TT.MM.JJJJ"' in html and "data-datum" in html
    assert 'value="21.11.2026"' in html


def test_empty_choices_read_german_and_say_whether_a_value_is_needed():
    form = Beispiel()
    html = form.as_p()
    assert "---------" not in html and "Unbekannt" not in html
    assert list(form.fields["art"].choices)[0] == ("", "keine Angabe")
    assert list(form.fields["pflicht"].choices)[0] == ("", "– bitte wählen –")
    assert form.fields["gruppe"].empty_label == "keine Angabe"
    assert form.fields["eigene"].empty_label == "– keine –"  # chosen on purpose, kept
    assert '<option value="" selected>keine Angabe</option>' in str(form["offen"])
    assert '<option value="true">ja</option>' in str(form["offen"])


class GruppenFilter(Filterliste):
    aktiv = django_filters.BooleanFilter(label="aktiv", field_name="name", method="nichts")
    name = django_filters.ChoiceFilter(label="Name", choices=[("x", "x")])
    sortierung = Sortierung(spalten=[("name", "name", "Name", "text"), ("pk", "nummer", "Nummer", "zahl")])

    class Meta:
        model = Group
        fields = []

    def nichts(self, queryset, name, value):
        return queryset


def test_filters_offer_alle_and_sort_labels_written_out(db):
    form = GruppenFilter({}, queryset=Group.objects.all()).form
    assert list(form.fields["aktiv"].widget.choices) == [("", "alle"), ("true", "ja"), ("false", "nein")]
    assert list(form.fields["name"].choices)[0] == ("", "alle")
    assert list(form.fields["sortierung"].choices) == [
        ("", "voreingestellt"), ("name", "Name (A–Z)"), ("-name", "Name (Z–A)"),
        ("nummer", "Nummer (aufsteigend)"), ("-nummer", "Nummer (absteigend)")]


def test_sorting_by_a_parameter_orders_by_its_path(db):
    for name in ("b", "a", "c"):
        Group.objects.create(name=name)
    qs = GruppenFilter({"sortierung": "-name"}, queryset=Group.objects.filter(name__in="abc")).qs
    assert [g.name for g in qs] == ["c", "b", "a"]


@pytest.mark.parametrize("wert, text", [(0, "0 Einträge"), (1, "1 Eintrag"), (2, "2 Einträge"),
                                        (1250, "1.250 Einträge"), (None, "– Einträge")])
def test_counts_take_the_singular_only_for_one(wert, text):
    assert anzahl(wert, "Eintrag", "Einträge") == text
