"""Personal data: consent before a name is stored, no names for council and public,
anonymisation and export (staff only)."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from beteiligung import services
from beteiligung.models import Aufgabe, Mitgliedschaft, Sitzung, Teilnahme
from testhilfen.beteiligung import AufgabeFactory, MitgliedschaftFactory, SitzungFactory, TeilnahmeFactory
from kern.fehler import Regelverstoss
from testhilfen.programme import ProjektFactory
from quartiere.models import Person
from testhilfen.quartiere import OrganisationFactory, PersonFactory
from testhilfen.konten import UserFactory

from .conftest import HEUTE

KEINE_EINWILLIGUNG = (
    "Für Bernd Freimuth liegt keine Einwilligung zur Datenverarbeitung vor. Erfassen Sie das Datum der "
    "Einwilligung oder zählen Sie die Person nur in der Zahl der Teilnehmenden."
)


# --- consent ---------------------------------------------------------------------------------

def test_a_name_without_consent_is_refused_and_nothing_stored(verwaltung, sitzung_a, ohne_einwilligung):
    with pytest.raises(Regelverstoss) as fehler:
        services.teilnahme_erfassen(sitzung=sitzung_a, person=ohne_einwilligung, durch=verwaltung)
    assert fehler.value.meldung == KEINE_EINWILLIGUNG
    assert not Teilnahme.objects.exists()


def test_manager_sees_the_refusal_on_the_page(client_als, qm_a, sitzung_a, ohne_einwilligung):
    response = client_als(qm_a).post(reverse("beteiligung:teilnehmende", args=[sitzung_a.pk]),
                                     {"person": ohne_einwilligung.pk, "rolle": Teilnahme.Rolle.TEILNEHMEND})
    assert response.status_code == 200
    assert KEINE_EINWILLIGUNG in response.content.decode()
    assert not Teilnahme.objects.exists()


def test_recording_the_consent_date_with_the_participation_stores_both(client_als, qm_a, sitzung_a,
                                                                       ohne_einwilligung):
    tag = HEUTE - dt.timedelta(days=7)
    response = client_als(qm_a).post(reverse("beteiligung:teilnehmende", args=[sitzung_a.pk]), {
        "person": ohne_einwilligung.pk, "rolle": Teilnahme.Rolle.TEILNEHMEND,
        "einwilligung_am": tag.strftime("%d.%m.%Y")})
    assert response.status_code == 302
    ohne_einwilligung.refresh_from_db()
    assert ohne_einwilligung.einwilligung_am == tag
    teilnahme = Teilnahme.objects.get()
    assert teilnahme.person == ohne_einwilligung and teilnahme.organisation == ohne_einwilligung.organisation


def test_staff_need_no_consent(verwaltung, sitzung_a):
    kollegin = PersonFactory(ist_verwaltung=True, einwilligung_am=None)
    services.teilnahme_erfassen(sitzung=sitzung_a, person=kollegin, durch=verwaltung,
                                rolle=Teilnahme.Rolle.MODERATION)
    assert Teilnahme.objects.filter(person=kollegin, rolle=Teilnahme.Rolle.MODERATION).exists()


def test_a_new_person_without_consent_is_not_created(verwaltung, sitzung_a):
    vorher = Person.objects.count()
    with pytest.raises(Regelverstoss) as fehler:
        services.teilnahme_erfassen(sitzung=sitzung_a, durch=verwaltung,
                                    neue_person=services.NeuePerson(vorname="Bernd", nachname="Freimuth"))
    assert fehler.value.meldung == KEINE_EINWILLIGUNG
    assert Person.objects.count() == vorher


def test_a_new_person_with_consent_is_created_and_added(verwaltung, sitzung_a, amt):
    services.teilnahme_erfassen(sitzung=sitzung_a, durch=verwaltung, einwilligung_am=HEUTE,
                                neue_person=services.NeuePerson(vorname="Clara", nachname="Friedland",
                                                                organisation=amt))
    person = Person.objects.get(nachname="Friedland")
    assert person.einwilligung_am == HEUTE
    assert Teilnahme.objects.get().organisation == amt


@pytest.mark.parametrize("wo", ["mitgliedschaft", "aufgabe", "verfasser"])
def test_consent_is_needed_wherever_a_name_is_stored(wo, verwaltung, sitzung_a, ohne_einwilligung):
    with pytest.raises(Regelverstoss) as fehler:
        if wo == "mitgliedschaft":
            services.mitgliedschaft_anlegen(gremium=sitzung_a.gremium, person=ohne_einwilligung, durch=verwaltung)
        elif wo == "aufgabe":
            services.aufgabe_anlegen(sitzung=sitzung_a, text="Flyer drucken", verantwortlich=ohne_einwilligung,
                                     durch=verwaltung)
        else:
            services.sitzung_aendern(sitzung=sitzung_a, durch=verwaltung, verfasst_von=ohne_einwilligung)
    assert fehler.value.meldung == KEINE_EINWILLIGUNG
    assert not Mitgliedschaft.objects.exists() and not Aufgabe.objects.exists()
    sitzung_a.refresh_from_db()
    assert sitzung_a.verfasst_von is None


def test_anonymised_persons_cannot_be_added_again(verwaltung, sitzung_a, buergerin):
    services.person_anonymisieren(person=buergerin, durch=verwaltung)
    with pytest.raises(Regelverstoss) as fehler:
        services.teilnahme_erfassen(sitzung=sitzung_a, person=buergerin, durch=verwaltung)
    assert fehler.value.meldung == "Diese Person ist anonymisiert und kann nicht mehr namentlich erfasst werden."


# --- who sees names --------------------------------------------------------------------------

@pytest.fixture
def dokumentierte_sitzung(sitzung_a, buergerin, amt, verwaltung):
    moderatorin = PersonFactory(vorname="Heike", nachname="Eulenfeld", ist_verwaltung=True,
                                organisation=OrganisationFactory(name="Sozialreferat", stadt=amt.stadt))
    zweite = PersonFactory(vorname="Sandra", nachname="Brömmel", organisation=amt, einwilligung_am=HEUTE)
    services.teilnahme_erfassen(sitzung=sitzung_a, person=buergerin, durch=verwaltung)
    services.teilnahme_erfassen(sitzung=sitzung_a, person=zweite, durch=verwaltung)
    services.teilnahme_erfassen(sitzung=sitzung_a, person=moderatorin, durch=verwaltung,
                                rolle=Teilnahme.Rolle.MODERATION)
    services.mitgliedschaft_anlegen(gremium=sitzung_a.gremium, person=buergerin, durch=verwaltung)
    services.aufgabe_anlegen(sitzung=sitzung_a, text="Einladungen verschicken", verantwortlich=zweite,
                             faellig_am=HEUTE - dt.timedelta(days=1), durch=verwaltung)
    services.sitzung_aendern(sitzung=sitzung_a, durch=verwaltung, zusammenfassung="Gute Stimmung.")
    services.sitzung_status_setzen(sitzung=sitzung_a, status=Sitzung.Status.DOKUMENTIERT, durch=verwaltung,
                                   verfasst_von=moderatorin)
    return sitzung_a


NAMEN = ["Ebru Aydinoglu", "Sandra Brömmel", "Heike Eulenfeld"]


@pytest.mark.parametrize(("persona", "status", "namen_sichtbar"), [
    ("verwaltung", 200, True), ("qm_a", 200, True), ("rat", 200, False), ("qm_b", 404, False), ("anonym", 302, False),
])
@pytest.mark.parametrize("seite", ["sitzung", "gremium"])
def test_names_only_for_staff_and_managers(request, client_als, dokumentierte_sitzung, persona, status,
                                           namen_sichtbar, seite):
    user = request.getfixturevalue(persona)
    ziel = dokumentierte_sitzung if seite == "sitzung" else dokumentierte_sitzung.gremium
    response = client_als(user).get(reverse(f"beteiligung:{seite}", args=[ziel.pk]))
    assert response.status_code == status
    text = response.content.decode()
    for name in NAMEN[:1] if seite == "gremium" else NAMEN:
        assert (name in text) is namen_sichtbar, name
    if persona == "rat":
        assert "Amt für Jugend, Familie und Frauen" in text
        if seite == "sitzung":
            assert "2 Teilnehmende aus:" in text
            assert "(2 Personen)" in text
            assert "Moderation:</strong> Sozialreferat" in text


def test_council_sees_no_responsible_names_on_the_meeting_page(client_als, rat, dokumentierte_sitzung):
    text = client_als(rat).get(reverse("beteiligung:sitzung", args=[dokumentierte_sitzung.pk])).content.decode()
    assert "Einladungen verschicken" in text
    assert "Brömmel" not in text and "Eulenfeld" not in text


def test_council_cannot_open_the_task_list_and_gets_no_participant_forms(client_als, rat, dokumentierte_sitzung):
    client = client_als(rat)
    assert client.get(reverse("beteiligung:aufgaben")).status_code == 403
    assert client.get(reverse("beteiligung:teilnehmende", args=[dokumentierte_sitzung.pk])).status_code == 403


def test_manager_sees_names_on_the_task_list(client_als, qm_a, dokumentierte_sitzung):
    text = client_als(qm_a).get(reverse("beteiligung:aufgaben")).content.decode()
    assert "Einladungen verschicken" in text and "Sandra Brömmel" in text


# --- anonymisation ---------------------------------------------------------------------------

def test_staff_anonymise_a_person_names_go_links_and_counts_stay(client_als, verwaltung, dokumentierte_sitzung,
                                                                  buergerin):
    konto = UserFactory(first_name="Ebru", last_name="Aydinoglu", email="ebru@example.org")
    Person.objects.filter(pk=buergerin.pk).update(user=konto, telefon="0471 123", funktion="Sprecherin")
    ProjektFactory(gebiet=dokumentierte_sitzung.gremium.gebiet, ansprechperson=buergerin)
    teilnahmen_vorher = Teilnahme.objects.filter(sitzung=dokumentierte_sitzung).count()

    response = client_als(verwaltung).post(reverse("beteiligung:person_anonymisieren", args=[buergerin.pk]),
                                           {"bestaetigt": "on"})
    assert response.status_code == 302

    buergerin.refresh_from_db()
    assert (buergerin.vorname, buergerin.nachname) == ("anonymisiert", f"Person #{buergerin.pk}")
    assert buergerin.email == buergerin.telefon == buergerin.funktion == ""
    assert buergerin.user is None and buergerin.anonymisiert_am is not None
    konto.refresh_from_db()
    assert (konto.first_name, konto.last_name, konto.email, konto.is_active) == ("", "", "", False)
    assert Teilnahme.objects.filter(sitzung=dokumentierte_sitzung).count() == teilnahmen_vorher
    assert buergerin.teilnahmen.count() == 1 and buergerin.mitgliedschaften.count() == 1
    assert buergerin.projekte.count() == 1

    for url in (reverse("beteiligung:sitzung", args=[dokumentierte_sitzung.pk]),
                reverse("beteiligung:gremium", args=[dokumentierte_sitzung.gremium.pk]),
                reverse("beteiligung:personen")):
        text = client_als(verwaltung).get(url).content.decode()
        assert "Aydinoglu" not in text, url
    seite = client_als(verwaltung).get(reverse("beteiligung:sitzung", args=[dokumentierte_sitzung.pk]))
    assert seite.context["doku"].anzahl_teilnehmende == 2


def test_anonymising_twice_is_refused(verwaltung, buergerin):
    services.person_anonymisieren(person=buergerin, durch=verwaltung)
    with pytest.raises(Regelverstoss) as fehler:
        services.person_anonymisieren(person=buergerin, durch=verwaltung)
    assert fehler.value.meldung == "Diese Person ist bereits anonymisiert."


@pytest.mark.parametrize(("persona", "status"), [("qm_a", 403), ("rat", 403), ("anonym", 302)])
def test_only_staff_anonymise(request, client_als, buergerin, persona, status):
    response = client_als(request.getfixturevalue(persona)).post(
        reverse("beteiligung:person_anonymisieren", args=[buergerin.pk]), {"bestaetigt": "on"})
    assert response.status_code == status
    buergerin.refresh_from_db()
    assert buergerin.nachname == "Aydinoglu" and buergerin.anonymisiert_am is None


def test_service_refuses_anonymisation_by_a_manager(qm_a, buergerin):
    with pytest.raises(Regelverstoss) as fehler:
        services.person_anonymisieren(person=buergerin, durch=qm_a)
    assert fehler.value.meldung == "Nur die Verwaltung darf Personen anonymisieren."


def test_anonymising_needs_the_confirmation(client_als, verwaltung, buergerin):
    response = client_als(verwaltung).post(reverse("beteiligung:person_anonymisieren", args=[buergerin.pk]), {})
    assert response.status_code == 200
    buergerin.refresh_from_db()
    assert buergerin.anonymisiert_am is None


# --- export ----------------------------------------------------------------------------------

def test_staff_export_everything_held_about_a_person(client_als, verwaltung, dokumentierte_sitzung, buergerin):
    konto = UserFactory(username="ebru")
    Person.objects.filter(pk=buergerin.pk).update(user=konto)
    projekt = ProjektFactory(gebiet=dokumentierte_sitzung.gremium.gebiet, titel="Jugendcafé", ansprechperson=buergerin)
    AufgabeFactory(sitzung=dokumentierte_sitzung, text="Raum buchen", verantwortlich=buergerin)
    response = client_als(verwaltung).get(reverse("beteiligung:person_export", args=[buergerin.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"] == f'attachment; filename="personendaten-{buergerin.pk}.json"'
    daten = json.loads(response.content)
    assert daten["person"]["nachname"] == "Aydinoglu"
    assert daten["person"]["organisation"] == "Amt für Jugend, Familie und Frauen"
    assert daten["benutzerkonto"]["benutzername"] == "ebru"
    assert [m["gremium"] for m in daten["mitgliedschaften"]] == ["WiN-Forum A"]
    assert [t["sitzung"] for t in daten["teilnahmen"]] == ["3. Sitzung des WiN-Forums"]
    assert [a["aufgabe"] for a in daten["aufgaben"]] == ["Raum buchen"]
    assert [p["projekt"] for p in daten["projekte_als_ansprechperson"]] == ["Jugendcafé"]
    projekt_historie = [h for h in daten["historie"] if h["tabelle"] == "Projekt"]
    assert projekt_historie and projekt_historie[0]["werte"]["titel"] == projekt.titel


def test_export_lists_history_rows_of_changes_the_person_made(client_als, verwaltung, sitzung_a, buergerin):
    konto = UserFactory(username="ebru")
    Person.objects.filter(pk=buergerin.pk).update(user=konto)
    services.beschluss_fassen(sitzung=sitzung_a, durch=verwaltung, text="Bänke aufstellen")
    beschluss = sitzung_a.beschluesse.get()
    beschluss._history_user = konto
    beschluss.umsetzungsstatus = "in_bearbeitung"
    beschluss.save()
    daten = json.loads(client_als(verwaltung).get(reverse("beteiligung:person_export", args=[buergerin.pk])).content)
    eigene = [h for h in daten["historie"] if h["durch_diese_person"]]
    assert [(h["tabelle"], h["werte"]["umsetzungsstatus"]) for h in eigene] == [("Beschluss", "in_bearbeitung")]


@pytest.mark.parametrize(("persona", "status"), [("qm_a", 403), ("rat", 403), ("anonym", 302)])
def test_only_staff_export(request, client_als, buergerin, persona, status):
    response = client_als(request.getfixturevalue(persona)).get(
        reverse("beteiligung:person_export", args=[buergerin.pk]))
    assert response.status_code == status
    assert b"Aydinoglu" not in response.content


@pytest.mark.parametrize("anzahl", [1, 15])
def test_export_query_count_is_fixed(client_als, verwaltung, buergerin, forum_a, anzahl,
                                     django_assert_max_num_queries):
    konto = UserFactory()
    Person.objects.filter(pk=buergerin.pk).update(user=konto)
    for i in range(anzahl):
        sitzung = SitzungFactory(gremium=forum_a)
        TeilnahmeFactory(sitzung=sitzung, person=buergerin)
        AufgabeFactory(sitzung=sitzung, verantwortlich=buergerin)
        MitgliedschaftFactory(gremium=forum_a, person=buergerin)
        ProjektFactory(gebiet=forum_a.gebiet, ansprechperson=buergerin)
    client = client_als(verwaltung)
    # Reads for the new models that name a login (interim proofs and reminders, with their histories).
    with django_assert_max_num_queries(28):
        assert client.get(reverse("beteiligung:person_export", args=[buergerin.pk])).status_code == 200


@pytest.mark.parametrize("anzahl", [2, 40])
def test_person_list_query_count_is_fixed(client_als, verwaltung, anzahl, django_assert_max_num_queries):
    for i in range(anzahl):
        TeilnahmeFactory(person=PersonFactory(einwilligung_am=HEUTE))
    client = client_als(verwaltung)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("beteiligung:personen"))
    assert len(response.context["seite"].object_list) == min(anzahl, 25)
