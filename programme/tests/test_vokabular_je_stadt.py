"""Action fields and target groups are offered per city: the shared ones everywhere, a city's own
only there; a project keeps what it had; the programme pages name who pays."""

from django.urls import reverse

from programme.models import Foerderprogramm, Projekt
from testhilfen.programme import FoerderprogrammFactory, HandlungsfeldFactory, ProjektFactory, ZielgruppeFactory
from testhilfen.quartiere import GebietFactory, StadtFactory

from .test_projekte import formular


def _welt(stadt):
    andere = StadtFactory(name="Bremerhaven")
    gemeinsam = HandlungsfeldFactory(name="Bildung")
    eigenes = HandlungsfeldFactory(name="Teilhabe sichert Zukunftschancen")
    eigenes.staedte.set([andere])
    kinder = ZielgruppeFactory(name="Kinder")
    ZielgruppeFactory(name="Werftarbeiter").staedte.set([andere])
    return andere, gemeinsam, eigenes, kinder


def test_a_manager_is_offered_the_shared_entries_and_none_of_another_city(client_als, qm_a, stadt):
    _welt(stadt)
    html = client_als(qm_a).get(reverse("programme:projekt_neu")).content.decode()
    assert "Bildung" in html and "Kinder" in html
    assert "Teilhabe sichert Zukunftschancen" not in html and "Werftarbeiter" not in html


def test_staff_working_in_several_cities_see_which_city_an_entry_belongs_to(client_als, verwaltung, gebiet_a, stadt):
    andere, *_ = _welt(stadt)
    GebietFactory(parent=andere, name="Surheide")
    html = client_als(verwaltung).get(reverse("programme:projekt_neu")).content.decode()
    assert "Teilhabe sichert Zukunftschancen (nur Bremerhaven)" in html
    assert "Bildung (nur" not in html


def test_an_entry_of_another_city_is_refused_and_nothing_is_saved(client_als, verwaltung, gebiet_a, stadt):
    andere, gemeinsam, eigenes, _kinder = _welt(stadt)
    GebietFactory(parent=andere, name="Surheide")
    antwort = client_als(verwaltung).post(reverse("programme:projekt_neu"), formular(
        gebiet=gebiet_a.pk, handlungsfelder=[gemeinsam.pk, eigenes.pk]))
    assert antwort.status_code == 200
    assert (f"„Teilhabe sichert Zukunftschancen“ ist kein Handlungsfeld der Stadt {stadt.name}."
            in antwort.content.decode())
    assert not Projekt.objects.exists()


def test_a_project_keeps_an_entry_it_had_before_the_city_got_its_own(client_als, verwaltung, gebiet_a, stadt):
    andere, gemeinsam, eigenes, _kinder = _welt(stadt)
    projekt = ProjektFactory(gebiet=gebiet_a, handlungsfelder=[eigenes])
    url = reverse("programme:projekt_bearbeiten", args=[projekt.pk])
    assert "Teilhabe sichert Zukunftschancen" in client_als(verwaltung).get(url).content.decode()
    antwort = client_als(verwaltung).post(url, formular(gebiet=gebiet_a.pk, handlungsfelder=[eigenes.pk, gemeinsam.pk]))
    assert antwort.status_code == 302
    assert set(projekt.handlungsfelder.values_list("name", flat=True)) == {"Bildung", "Teilhabe sichert Zukunftschancen"}


def test_the_project_filter_offers_the_chosen_citys_entries(client_als, verwaltung, stadt):
    andere, *_ = _welt(stadt)
    client = client_als(verwaltung)
    html = client.get(reverse("programme:projekte"), {"stadt": stadt.pk}).content.decode()
    assert ">Bildung</option>" in html and "Teilhabe sichert" not in html
    html = client.get(reverse("programme:projekte"), {"stadt": andere.pk}).content.decode()
    assert ">Teilhabe sichert Zukunftschancen</option>" in html


def test_programme_pages_name_the_city_that_pays_not_a_placeholder(client_als, verwaltung, stadt):
    programm = FoerderprogrammFactory(stadt=stadt, geldgeber=Foerderprogramm.Geldgeber.STADT)
    client = client_als(verwaltung)
    for url in (reverse("programme:programme"), reverse("programme:programm", args=[programm.pk])):
        html = client.get(url).content.decode()
        assert "Stadt / Kommune" not in html and f"Stadt {stadt.name}" in html
