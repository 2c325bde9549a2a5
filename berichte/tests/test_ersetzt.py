"""A replaced version and the documentation of a withdrawn meeting leave the public.

When staff publish a corrected version (e.g. with the name of an anonymised person blackened), the old
file is kept for staff only, marked as replaced; everyone else gets 404 on it and finds the new version.
Withdrawing a meeting withdraws its documentation from public download."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from berichte import services as berichte_services
from berichte.models import Bericht, Berichtsart
from beteiligung import services, veroeffentlichung
from beteiligung.models import Sitzung
from testhilfen.berichte import BerichtFactory
from testhilfen.beteiligung import GremiumFactory, SitzungFactory
from testhilfen.pdftext import text_aus_pdf
from testhilfen.quartiere import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dokumentation(verwaltung, gebiet_a):
    """A public meeting documented by Heike Eulenfeld, published as a public document."""
    autorin = PersonFactory(vorname="Heike", nachname="Eulenfeld", ist_verwaltung=True)
    sitzung = SitzungFactory(gremium=GremiumFactory(gebiet=gebiet_a), teilnehmendenzahl=12, oeffentlich=True,
                             zusammenfassung="Gute Stimmung.", titel="Quartiersforum im Herbst")
    services.sitzung_status_setzen(sitzung=sitzung, status=Sitzung.Status.DURCHGEFUEHRT, durch=verwaltung)
    services.sitzung_status_setzen(sitzung=sitzung, status=Sitzung.Status.DOKUMENTIERT, durch=verwaltung,
                                   verfasst_von=autorin)
    bericht = berichte_services.bericht_veroeffentlichen(art="sitzungsdokumentation",
                                                         parameter={"sitzung": sitzung.pk}, oeffentlich=True,
                                                         durch=verwaltung)
    return autorin, sitzung, bericht


def _pdf(client, bericht):
    return client.get(reverse("berichte:pdf", args=[bericht.pk]))


def test_a_blackened_correction_replaces_the_old_file_for_everyone_but_staff(dokumentation, verwaltung, rat,
                                                                             client_als, anonym):
    autorin, _sitzung, alt = dokumentation
    oeffentlichkeit, ratsmitglied, amt = client_als(anonym), client_als(rat), client_als(verwaltung)
    assert "Heike Eulenfeld" in text_aus_pdf(_pdf(oeffentlichkeit, alt).getvalue())

    services.person_anonymisieren(person=autorin, durch=verwaltung)
    antwort = amt.post(reverse("berichte:korrigieren", args=[alt.pk]), {"oeffentlich": "on", "bestaetigt": "1"})
    neu = Bericht.objects.get(ersetzt=alt)
    assert antwort.status_code == 302 and antwort.url == reverse("berichte:bericht", args=[neu.pk])

    # The public and the council get the new, blackened version only; the old file is gone for them.
    for client in (oeffentlichkeit, ratsmitglied):
        assert _pdf(client, alt).status_code == 404
        assert client.get(reverse("berichte:bericht", args=[alt.pk])).status_code == 404
        antwort = _pdf(client, neu)
        assert antwort.status_code == 200 and "Eulenfeld" not in text_aus_pdf(antwort.getvalue())
    assert list(Bericht.objects.oeffentlich()) == [neu]
    start = oeffentlichkeit.get(reverse("start")).content.decode()
    assert reverse("berichte:bericht", args=[neu.pk]) in start
    assert reverse("berichte:bericht", args=[alt.pk]) not in start

    # Staff keep the old file, marked as replaced, and it is not cached as a public file.
    antwort = _pdf(amt, alt)
    assert antwort.status_code == 200 and "Heike Eulenfeld" in text_aus_pdf(antwort.getvalue())
    assert antwort["Cache-Control"] == "private, no-store"
    assert _pdf(oeffentlichkeit, neu)["Cache-Control"] == "public, max-age=86400"
    seite = amt.get(reverse("berichte:bericht", args=[alt.pk])).content.decode()
    assert "Ersetzt durch" in seite and f"Version 2 vom {neu.datum:%d.%m.%Y}" in seite
    assert "Nur die Verwaltung sieht diese Version noch" in seite
    assert default_storage.exists(alt.datei.name)


def test_a_replaced_version_is_not_public_whatever_the_new_one_is():
    erste = BerichtFactory(oeffentlich=True)
    zweite = BerichtFactory(jahr=erste.jahr, laufnummer=erste.laufnummer, version=2, ersetzt=erste,
                            oeffentlich=False)
    assert erste not in Bericht.objects.oeffentlich() and zweite not in Bericht.objects.oeffentlich()
    assert list(Bericht.objects.gueltig()) == [zweite]


@pytest.mark.parametrize("persona", ["anonym", "ohne_rolle"])
def test_withdrawing_a_meeting_withdraws_its_documentation_from_public_download(dokumentation, verwaltung,
                                                                                client_als, request, persona):
    _autorin, sitzung, bericht = dokumentation
    client = client_als(request.getfixturevalue(persona))
    assert _pdf(client, bericht).status_code == 200

    veroeffentlichung.sitzung_zurueckziehen(sitzung=sitzung, grund="Falscher Termin.", durch=verwaltung)

    assert _pdf(client, bericht).status_code == 404
    assert client.get(reverse("berichte:bericht", args=[bericht.pk])).status_code == 404
    assert "Quartiersforum im Herbst" not in client.get(reverse("berichte:archiv")).content.decode()
    assert not Bericht.objects.oeffentlich().filter(pk=bericht.pk).exists()
    # Staff keep it.
    assert _pdf(client_als(verwaltung), bericht).status_code == 200


def test_only_the_withdrawn_meetings_documentation_leaves(dokumentation, verwaltung, gebiet_a):
    _autorin, sitzung, bericht = dokumentation
    andere = BerichtFactory(art=Berichtsart.SITZUNGSDOKUMENTATION, parameter={"sitzung": sitzung.pk + 1000},
                            oeffentlich=True)
    profil = BerichtFactory(art=Berichtsart.QUARTIERSPROFIL, parameter={"gebiet": gebiet_a.pk}, oeffentlich=True)
    veroeffentlichung.sitzung_zurueckziehen(sitzung=sitzung, grund="Falscher Termin.", durch=verwaltung)
    assert set(Bericht.objects.oeffentlich()) == {andere, profil}
