"""Entries of the same name are told apart by city and kind in every choice list."""

from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kern.formulare import Formular
from quartiere.models import Gebiet, Organisation
from testhilfen.quartiere import GebietFactory, OrganisationFactory, StadtFactory


class Wahl(Formular):
    gebiet = forms.ModelChoiceField(label="Gebiet", queryset=Gebiet.objects.none())
    traeger = forms.ModelMultipleChoiceField(label="Träger", queryset=Organisation.objects.none(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebiet"].queryset = Gebiet.objects.exclude(art=Gebiet.Art.STADT).order_by("name", "pk")
        self.fields["traeger"].queryset = Organisation.objects.order_by("pk")


def _welt():
    bremen, bremerhaven, leverkusen = (StadtFactory(name=n) for n in ("Bremen", "Bremerhaven", "Leverkusen"))
    stadtteil = GebietFactory(parent=bremen, name="Blumenthal", art=Gebiet.Art.STADTTEIL)
    GebietFactory(parent=stadtteil, name="Blumenthal", art=Gebiet.Art.ORTSTEIL)
    GebietFactory(parent=bremen, name="Tenever")
    for stadt in (bremen, bremerhaven, leverkusen):
        OrganisationFactory(name=f"SPD-Fraktion {stadt.name}", kurzname="SPD", art=Organisation.Art.PARTEI,
                            stadt=stadt)
    OrganisationFactory(name="AWO Bremen", stadt=bremen)
    return bremen


def test_same_named_areas_and_organisations_carry_city_and_kind(db):
    _welt()
    form = Wahl()
    gebiete = [text for _wert, text in form.fields["gebiet"].choices]
    assert gebiete == ["– bitte wählen –", "Blumenthal (Bremen, Stadtteil)", "Blumenthal (Bremen, Ortsteil)",
                       "Tenever"]
    traeger = [text for _wert, text in form.fields["traeger"].choices]
    assert traeger == ["SPD (Bremen, Partei / Fraktion)", "SPD (Bremerhaven, Partei / Fraktion)",
                       "SPD (Leverkusen, Partei / Fraktion)", "AWO Bremen"]
    html = str(form["gebiet"])
    assert ">Blumenthal (Bremen, Ortsteil)</option>" in html and ">Tenever</option>" in html


def test_telling_apart_is_read_with_the_rows_so_repeated_names_cost_no_query(db):
    _welt()
    with CaptureQueriesContext(connection) as abfragen:
        texte = [text for _wert, text in Wahl().fields["gebiet"].choices]
    # The data state of the cache (kern.datenstand), then the rows with city and kind, also of the two "Blumenthal".
    assert len(abfragen) == 2
    assert sum(t.startswith("Blumenthal (") for t in texte) == 2
    with CaptureQueriesContext(connection) as abfragen:
        assert [text for _wert, text in Wahl().fields["gebiet"].choices] == texte
    assert len(abfragen) == 1  # nothing changed: only the data state is read
    with CaptureQueriesContext(connection) as abfragen:
        feld = Wahl().fields["gebiet"]
        feld.queryset = feld.queryset.exclude(name="Blumenthal")
        assert [t for _w, t in feld.choices] == ["– bitte wählen –", "Tenever"]
    assert len(abfragen) == 2


def test_a_chosen_entry_is_still_read_by_its_id(db):
    _welt()
    ortsteil = Gebiet.objects.get(name="Blumenthal", art=Gebiet.Art.ORTSTEIL)
    form = Wahl({"gebiet": str(ortsteil.pk)})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["gebiet"] == ortsteil
