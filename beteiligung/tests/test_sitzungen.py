"""Bodies and meetings: planning, the status order, the documentation page laid out like the
Bremerhaven board documentation, and fixed query counts."""

import datetime as dt

import pytest
from django.urls import reverse

from beteiligung import services
from beteiligung.models import Gremium, Sitzung, Teilnahme
from testhilfen.beteiligung import (
    AufgabeFactory,
    BeschlussFactory,
    GremiumFactory,
    MitgliedschaftFactory,
    SitzungFactory,
    TagesordnungspunktFactory,
    TeilnahmeFactory,
    ThemenbewertungFactory,
)
from kern.fehler import Regelverstoss
from testhilfen.programme import FoerderprogrammFactory
from quartiere.models import Organisation
from testhilfen.quartiere import OrganisationFactory, PersonFactory

from .conftest import HEUTE, JAHR


# --- planning and status ---------------------------------------------------------------------

def test_manager_plans_a_meeting_of_an_own_body(client_als, qm_a, forum_a):
    response = client_als(qm_a).post(reverse("beteiligung:sitzung_neu", args=[forum_a.pk]), {
        "titel": "Bürgerversammlung im Frühjahr", "datum": "12.03.2027", "beginn": "18:00", "ende": "20:00",
        "ort": "Quartierszentrum", "format": Sitzung.Format.VERSAMMLUNG, "oeffentlich": "on",
        "hintergrund": "Vorstellung des Quartiersmanagements"})
    sitzung = Sitzung.objects.get()
    assert response.status_code == 302 and response.url == reverse("beteiligung:sitzung", args=[sitzung.pk])
    assert (sitzung.datum, sitzung.beginn, sitzung.status) == (dt.date(2027, 3, 12), dt.time(18), "geplant")
    # A ticked "öffentlich" publishes nothing: only staff make a meeting public, after a confirmation.
    assert not sitzung.oeffentlich and sitzung.gremium == forum_a


@pytest.mark.parametrize(("persona", "status"), [("rat", 403), ("qm_b", 404)])
def test_others_cannot_plan_meetings(request, client_als, forum_a, persona, status):
    response = client_als(request.getfixturevalue(persona)).post(
        reverse("beteiligung:sitzung_neu", args=[forum_a.pk]), {"titel": "x", "datum": "12.03.2027",
                                                                 "format": "sitzung"})
    assert response.status_code == status
    assert not Sitzung.objects.exists()


def test_manager_cannot_plan_for_a_city_wide_body(qm_a, stadt):
    stadtweit = GremiumFactory(gebiet=stadt, name="Stadtteilkonferenz")
    with pytest.raises(Regelverstoss) as fehler:
        services.sitzung_anlegen(gremium=stadtweit, durch=qm_a, titel="x", datum=HEUTE)
    assert fehler.value.meldung == "Das Gremium gehört nicht zu einem Ihrer Gebiete."


def test_status_goes_planned_held_documented(verwaltung, forum_a, buergerin):
    sitzung = SitzungFactory(gremium=forum_a, datum=HEUTE - dt.timedelta(days=2))
    services.sitzung_status_setzen(sitzung=sitzung, status=Sitzung.Status.DURCHGEFUEHRT, durch=verwaltung)
    services.teilnahme_erfassen(sitzung=sitzung, person=buergerin, durch=verwaltung)
    services.sitzung_aendern(sitzung=sitzung, durch=verwaltung, zusammenfassung="Ergebnisse")
    services.sitzung_status_setzen(sitzung=sitzung, status=Sitzung.Status.DOKUMENTIERT, durch=verwaltung,
                                   verfasst_von=buergerin)
    sitzung.refresh_from_db()
    assert sitzung.status == Sitzung.Status.DOKUMENTIERT
    assert sitzung.dokumentiert_am == HEUTE and sitzung.verfasst_von == buergerin


@pytest.mark.parametrize(("von", "nach", "meldung"), [
    ("geplant", "dokumentiert", "Eine Sitzung im Status „geplant“ kann nicht in den Status „dokumentiert“ wechseln."),
    ("dokumentiert", "durchgefuehrt",
     "Eine Sitzung im Status „dokumentiert“ kann nicht in den Status „durchgeführt“ wechseln."),
    ("durchgefuehrt", "geplant", "Eine Sitzung im Status „durchgeführt“ kann nicht in den Status „geplant“ wechseln."),
])
def test_status_order_is_enforced(verwaltung, forum_a, von, nach, meldung):
    sitzung = SitzungFactory(gremium=forum_a, datum=HEUTE - dt.timedelta(days=2), status=von)
    with pytest.raises(Regelverstoss) as fehler:
        services.sitzung_status_setzen(sitzung=sitzung, status=nach, durch=verwaltung)
    assert fehler.value.meldung == meldung
    sitzung.refresh_from_db()
    assert sitzung.status == von


def test_a_future_meeting_cannot_be_held(verwaltung, forum_a):
    sitzung = SitzungFactory(gremium=forum_a, datum=HEUTE + dt.timedelta(days=1))
    with pytest.raises(Regelverstoss) as fehler:
        services.sitzung_status_setzen(sitzung=sitzung, status=Sitzung.Status.DURCHGEFUEHRT, durch=verwaltung)
    assert fehler.value.meldung == f"Die Sitzung ist erst am {sitzung.datum:%d.%m.%Y}; vorher kann sie nicht als " \
                                   f"durchgeführt gelten."


@pytest.mark.parametrize(("fehlt", "meldung"), [
    ("teilnehmende", "Bitte erfassen Sie vor dem Abschluss die Teilnehmenden oder ihre Zahl."),
    ("ergebnis", "Bitte halten Sie vor dem Abschluss Ergebnisse fest: eine Zusammenfassung, ein Ergebnis zu einem "
                 "Thema oder einen Tagesordnungspunkt mit Inhalt."),
])
def test_documentation_needs_participants_and_results(verwaltung, sitzung_a, fehlt, meldung):
    if fehlt == "ergebnis":
        Sitzung.objects.filter(pk=sitzung_a.pk).update(teilnehmendenzahl=40)
    else:
        Sitzung.objects.filter(pk=sitzung_a.pk).update(zusammenfassung="Ergebnisse")
    with pytest.raises(Regelverstoss) as fehler:
        services.sitzung_status_setzen(sitzung=sitzung_a, status=Sitzung.Status.DOKUMENTIERT, durch=verwaltung)
    assert fehler.value.meldung == meldung
    sitzung_a.refresh_from_db()
    assert sitzung_a.status == Sitzung.Status.DURCHGEFUEHRT and sitzung_a.dokumentiert_am is None


def test_status_page_documents_a_public_assembly_with_a_count(client_als, qm_a, sitzung_a):
    client = client_als(qm_a)
    client.post(reverse("beteiligung:sitzung_bearbeiten", args=[sitzung_a.pk]), {
        "titel": sitzung_a.titel, "datum": sitzung_a.datum.strftime("%d.%m.%Y"), "format": "versammlung",
        "teilnehmendenzahl": "45", "zusammenfassung": "Wünsche für den Spielplatz gesammelt."})
    response = client.post(reverse("beteiligung:sitzung_status", args=[sitzung_a.pk]),
                           {"status": Sitzung.Status.DOKUMENTIERT})
    assert response.status_code == 302, response.context["form"].errors
    sitzung_a.refresh_from_db()
    assert sitzung_a.status == Sitzung.Status.DOKUMENTIERT and sitzung_a.teilnehmendenzahl == 45
    text = client_als(qm_a).get(reverse("beteiligung:sitzung", args=[sitzung_a.pk])).content.decode()
    assert "45 Teilnehmende" in text


# --- the documentation page ------------------------------------------------------------------

@pytest.fixture
def zwk_beirat(stadt, verwaltung):
    """The first meeting of the ZWK advisory board, documented as in seeds/003."""
    beirat = GremiumFactory(gebiet=stadt, name="ZWK-Beirat", art=Gremium.Art.BEIRAT, sitzungen_soll_min=3,
                            sitzungen_soll_max=3)
    sitzung = SitzungFactory(gremium=beirat, titel="Erstes Treffen des ZWK-Beirats", datum=dt.date(2022, 3, 28),
                             beginn=dt.time(15, 30), ende=dt.time(17, 0), format=Sitzung.Format.LEAN_COFFEE,
                             status=Sitzung.Status.DURCHGEFUEHRT, ort="Stadthaus",
                             hintergrund="Hintergründe des Modellvorhabens ZWK.",
                             ausblick="Quartiersprofile und Zukunftswerkstätten in Quartal II/III.")
    sozialreferat = OrganisationFactory(name="Sozialreferat, Sozialplanung", stadt=stadt,
                                        art=Organisation.Art.AMT)
    autor = PersonFactory(vorname="Klaus-Martin", nachname="Hessling", ist_verwaltung=True, organisation=sozialreferat)
    for vorname, nachname, org in [("Ronny", "Mückel", "Gesundheitsamt"), ("Regina", "Sommerfeld", "Stadtplanungsamt")]:
        person = PersonFactory(vorname=vorname, nachname=nachname, einwilligung_am=dt.date(2022, 3, 1),
                               organisation=OrganisationFactory(name=org, stadt=stadt))
        services.teilnahme_erfassen(sitzung=sitzung, person=person, durch=verwaltung)
    services.teilnahme_erfassen(sitzung=sitzung, person=autor, durch=verwaltung, rolle=Teilnahme.Rolle.MODERATION)
    for titel, punkte, besprochen, ergebnis in [
            ("Senioren und Seniorenprojekte", 10, True, "Verzahnung mit dem Seniorenkonzept."),
            ("Familien und Jugendliche", 14, True, "Jugendliche früh einbinden."),
            ("Gesundheitsprävention", 8, False, ""), ("Migration / Integration", 12, True, "Bedarfe kennen.")]:
        services.thema_einbringen(sitzung=sitzung, durch=verwaltung, titel=titel, punkte=punkte,
                                  besprochen=besprochen, ergebnis=ergebnis)
    services.sitzung_status_setzen(sitzung=sitzung, status=Sitzung.Status.DOKUMENTIERT, durch=verwaltung,
                                   datum=dt.date(2022, 3, 31), verfasst_von=autor)
    return sitzung


def _abschnitte(text: str, *marken: str) -> list[int]:
    return [text.index(m) for m in marken]


def test_documentation_follows_the_bremerhaven_layout(client_als, verwaltung, zwk_beirat):
    response = client_als(verwaltung).get(reverse("beteiligung:sitzung", args=[zwk_beirat.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Dokumentation: Erstes Treffen des ZWK-Beirats" in text
    assert "am 28. März 2022, 15:30 – 17:00 Uhr" in text
    assert "Ronny Mückel (Gesundheitsamt), Regina Sommerfeld (Stadtplanungsamt)" in text
    assert "Moderation:</strong> Klaus-Martin Hessling (Sozialreferat, Sozialplanung)" in text
    assert "Musterstadt, 31. März 2022" in text
    positionen = _abschnitte(text, "Teilnehmende</h2>", "Hintergrund</h2>", "besprochenen Themen</h2>",
                             "Themenspeicher</h2>", "Ausblick und weiteres Vorgehen</h2>", "Musterstadt, 31. März 2022")
    assert positionen == sorted(positionen)
    besprochen = [k.thema.titel for k in response.context["doku"].besprochen]
    assert besprochen == ["Familien und Jugendliche", "Migration / Integration", "Senioren und Seniorenprojekte"]
    assert [k.thema.titel for k in response.context["doku"].themenspeicher] == ["Gesundheitsprävention"]
    assert text.index("Familien und Jugendliche") < text.index("Migration / Integration") < text.index(
        "Senioren und Seniorenprojekte")
    unterschrift = text[text.index('id="unterzeichnung"'):]
    assert "Klaus-Martin Hessling" in unterschrift and "Sozialreferat, Sozialplanung" in unterschrift


def test_council_reads_the_documentation_without_names(client_als, rat, zwk_beirat):
    text = client_als(rat).get(reverse("beteiligung:sitzung", args=[zwk_beirat.pk])).content.decode()
    assert "Familien und Jugendliche" in text and "Musterstadt, 31. März 2022" in text
    assert "2 Teilnehmende aus:" in text and "Gesundheitsamt" in text
    for name in ("Mückel", "Sommerfeld", "Hessling"):
        assert name not in text


@pytest.mark.parametrize("anzahl", [2, 25])
def test_meeting_page_query_count_is_fixed(client_als, verwaltung, sitzung_a, anzahl, django_assert_max_num_queries):
    for i in range(anzahl):
        TeilnahmeFactory(sitzung=sitzung_a, person=PersonFactory(einwilligung_am=HEUTE,
                                                                 organisation=OrganisationFactory()))
        TagesordnungspunktFactory(sitzung=sitzung_a)
        ThemenbewertungFactory(sitzung=sitzung_a, thema__gremium=sitzung_a.gremium, besprochen=i % 2 == 0)
        BeschlussFactory(sitzung=sitzung_a)
        AufgabeFactory(sitzung=sitzung_a, verantwortlich=PersonFactory(einwilligung_am=HEUTE))
    client = client_als(verwaltung)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("beteiligung:sitzung", args=[sitzung_a.pk]))
    assert len(response.context["doku"].teilnehmende) == anzahl


@pytest.mark.parametrize("anzahl", [2, 25])
def test_meeting_pages_for_managers_have_fixed_query_counts(client_als, qm_a, sitzung_a, anzahl,
                                                            django_assert_max_num_queries):
    for i in range(anzahl):
        TeilnahmeFactory(sitzung=sitzung_a, person=PersonFactory(einwilligung_am=HEUTE))
        ThemenbewertungFactory(sitzung=sitzung_a, thema__gremium=sitzung_a.gremium)
        TagesordnungspunktFactory(sitzung=sitzung_a)
    client = client_als(qm_a)
    for name in ("teilnehmende", "themen", "tagesordnung", "sitzung_bearbeiten", "beschluss_neu", "aufgabe_neu",
                 "sitzung_status", "thema_uebernehmen"):
        with django_assert_max_num_queries(16):
            assert client.get(reverse(f"beteiligung:{name}", args=[sitzung_a.pk])).status_code == 200, name


# --- bodies ----------------------------------------------------------------------------------

def test_body_page_shows_members_meetings_and_held_against_target(client_als, qm_a, forum_a, buergerin):
    MitgliedschaftFactory(gremium=forum_a, person=buergerin, organisation=buergerin.organisation,
                          rolle="vorsitz", beginn=dt.date(2024, 1, 1))
    SitzungFactory(gremium=forum_a, datum=dt.date(JAHR, 1, 15), status=Sitzung.Status.DURCHGEFUEHRT)
    SitzungFactory(gremium=forum_a, datum=dt.date(JAHR - 1, 5, 15), status=Sitzung.Status.DURCHGEFUEHRT)
    SitzungFactory(gremium=forum_a, datum=dt.date(JAHR - 1, 9, 15), status=Sitzung.Status.DURCHGEFUEHRT)
    response = client_als(qm_a).get(reverse("beteiligung:gremium", args=[forum_a.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Ebru Aydinoglu" in text and "Vorsitz" in text and "01.01.2024 – heute" in text
    jahre = {j.jahr: (j.gehalten, j.soll_erreicht) for j in response.context["jahre"]}
    assert jahre[JAHR] == (1, False) and jahre[JAHR - 1] == (2, True)


def test_body_list_filters_and_narrows_choices(client_als, verwaltung, qm_b, forum_a, gebiet_b, stadt):
    programm = FoerderprogrammFactory(stadt=stadt, kurzname="WiN")
    GremiumFactory(gebiet=gebiet_b, name="Steuerungskreis B", art=Gremium.Art.STEUERUNGSKREIS,
                             programm=programm)
    url = reverse("beteiligung:gremien")
    alle = client_als(verwaltung).get(url)
    assert [g.name for g in alle.context["seite"].object_list] == ["WiN-Forum A", "Steuerungskreis B"]
    assert [g.name for g in client_als(verwaltung).get(url, {"art": "steuerungskreis"}).context[
        "seite"].object_list] == ["Steuerungskreis B"]
    assert [g.name for g in client_als(verwaltung).get(url, {"programm": programm.pk}).context[
        "seite"].object_list] == ["Steuerungskreis B"]
    assert [g.name for g in client_als(verwaltung).get(url, {"stadt": stadt.pk}).context[
        "seite"].object_list] == ["WiN-Forum A", "Steuerungskreis B"]
    assert [g.name for g in client_als(verwaltung).get(url, {"gebiet": forum_a.gebiet_id}).context[
        "seite"].object_list] == ["WiN-Forum A"]
    manager = client_als(qm_b).get(url)
    assert [g.name for g in manager.context["seite"].object_list] == ["Steuerungskreis B"]
    assert list(manager.context["filter"].form.fields["gebiet"].queryset) == [gebiet_b]
    assert list(client_als(qm_b).get(url, {"gebiet": forum_a.gebiet_id}).context["seite"].object_list) == []


@pytest.mark.parametrize("anzahl", [2, 30])
def test_body_pages_query_counts_are_fixed(client_als, verwaltung, forum_a, anzahl, django_assert_max_num_queries):
    for i in range(anzahl):
        gremium = GremiumFactory(gebiet=forum_a.gebiet)
        SitzungFactory(gremium=gremium, status=Sitzung.Status.DURCHGEFUEHRT)
        SitzungFactory(gremium=forum_a, datum=dt.date(JAHR - i % 3, 3, 1), status=Sitzung.Status.DURCHGEFUEHRT)
        MitgliedschaftFactory(gremium=forum_a, person=PersonFactory(einwilligung_am=HEUTE))
        BeschlussFactory(sitzung=SitzungFactory(gremium=forum_a, datum=dt.date(JAHR - 1, 1, 1)))
    client = client_als(verwaltung)
    # Two queries more than the rows need: whether the area choices are too many to offer at once, and the data
    # state of the cached choice lists and count (kern.datenstand).
    with django_assert_max_num_queries(10):
        assert client.get(reverse("beteiligung:gremien")).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(reverse("beteiligung:gremium", args=[forum_a.pk])).status_code == 200


@pytest.mark.parametrize(("persona", "status", "bleibt"), [
    ("rat", 403, True), ("qm_b", 404, True), ("anonym", 302, True), ("qm_a", 302, False), ("verwaltung", 302, False),
])
def test_removing_a_participant(request, client_als, sitzung_a, buergerin, persona, status, bleibt):
    teilnahme = TeilnahmeFactory(sitzung=sitzung_a, person=buergerin)
    response = client_als(request.getfixturevalue(persona)).post(
        reverse("beteiligung:teilnahme_entfernen", args=[teilnahme.pk]))
    assert response.status_code == status
    assert Teilnahme.objects.filter(pk=teilnahme.pk).exists() is bleibt


def test_bodies_list_sorts_and_exports_only_visible_bodies(client_als, gebiet_a, gebiet_b, qm_b):
    import csv
    import io

    from testhilfen.beteiligung import GremiumFactory

    GremiumFactory(gebiet=gebiet_a, name="Steuerungskreis A")
    GremiumFactory(gebiet=gebiet_b, name="Zukunftsforum B")
    GremiumFactory(gebiet=gebiet_b, name="Bürgerversammlung B")
    client = client_als(qm_b)
    response = client.get(reverse("beteiligung:gremien"), {"sortierung": "-name"})
    assert [g.name for g in response.context["zeilen"]] == ["Zukunftsforum B", "Bürgerversammlung B"]
    export = client.get(reverse("beteiligung:gremien"), {"format": "csv"})
    zeilen = list(csv.reader(io.StringIO(export.getvalue().decode("utf-8")[1:]), delimiter=";"))
    assert zeilen[0][0] == "Gremium"
    assert sorted(z[0] for z in zeilen[1:]) == ["Bürgerversammlung B", "Zukunftsforum B"]
