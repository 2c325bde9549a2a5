"""Topic cards with dot votes and the backlog (Themenspeicher) carried over to later meetings."""

import datetime as dt

import pytest
from django.urls import reverse

from beteiligung import services
from beteiligung.models import Sitzung, Thema, Themenbewertung
from testhilfen.beteiligung import GremiumFactory, SitzungFactory, ThemaFactory, ThemenbewertungFactory
from kern.fehler import Regelverstoss


@pytest.fixture
def beirat(gebiet_a):
    return GremiumFactory(gebiet=gebiet_a, name="ZWK-Beirat")


@pytest.fixture
def erste(beirat):
    return SitzungFactory(gremium=beirat, titel="Erstes Treffen des ZWK-Beirats", datum=dt.date(2022, 3, 28),
                          status=Sitzung.Status.DURCHGEFUEHRT)


@pytest.fixture
def zweite(beirat):
    return SitzungFactory(gremium=beirat, titel="Zweites Treffen", datum=dt.date(2022, 7, 4))


def _lean_coffee(erste, verwaltung):
    karten = {}
    for titel, punkte, besprochen in [("Familien und Jugendliche", 14, True), ("Gesundheitsprävention", 9, False),
                                      ("Migration / Integration", 11, True), ("Wohnraum", 7, False)]:
        karten[titel] = services.thema_einbringen(sitzung=erste, durch=verwaltung, titel=titel, punkte=punkte,
                                                  besprochen=besprochen,
                                                  ergebnis="Besprochen." if besprochen else "")
    return karten


def test_topics_first_raised_at_a_meeting_keep_discussed_ones_out_of_the_backlog(erste, verwaltung):
    karten = _lean_coffee(erste, verwaltung)
    assert karten["Familien und Jugendliche"].thema.status == Thema.Status.BESPROCHEN
    gesundheit = Thema.objects.get(titel="Gesundheitsprävention")
    assert gesundheit.status == Thema.Status.THEMENSPEICHER
    assert gesundheit.eingebracht_in == erste


def test_carrying_a_topic_over_keeps_its_history(erste, zweite, verwaltung):
    _lean_coffee(erste, verwaltung)
    gesundheit = Thema.objects.get(titel="Gesundheitsprävention")

    angeboten = services_offered(zweite)
    assert angeboten == ["Gesundheitsprävention", "Wohnraum"]  # highest votes last time first

    neu = services.thema_uebernehmen(sitzung=zweite, thema=gesundheit, durch=verwaltung, punkte=12)

    assert neu.sitzung == zweite and neu.thema == gesundheit
    verlauf = list(gesundheit.bewertungen.order_by("sitzung__datum").values_list("sitzung__datum", "punkte"))
    assert verlauf == [(dt.date(2022, 3, 28), 9), (dt.date(2022, 7, 4), 12)]
    gesundheit.refresh_from_db()
    assert gesundheit.eingebracht_in == erste
    assert Thema.objects.filter(titel="Gesundheitsprävention").count() == 1
    assert services_offered(zweite) == ["Wohnraum"]


def services_offered(sitzung):
    from beteiligung.selectors import offener_themenspeicher

    return [t.titel for t in offener_themenspeicher(sitzung)]


def test_discussing_a_carried_over_topic_takes_it_out_of_the_backlog(erste, zweite, verwaltung):
    _lean_coffee(erste, verwaltung)
    gesundheit = Thema.objects.get(titel="Gesundheitsprävention")
    bewertung = services.thema_uebernehmen(sitzung=zweite, thema=gesundheit, durch=verwaltung, punkte=12)
    services.themenbewertung_aendern(bewertung=bewertung, durch=verwaltung, punkte=12, besprochen=True,
                                     ergebnis="Präventionskette im Quartier prüfen.")
    gesundheit.refresh_from_db()
    assert gesundheit.status == Thema.Status.BESPROCHEN
    dritte = SitzungFactory(gremium=erste.gremium, datum=dt.date(2022, 11, 7))
    assert services_offered(dritte) == ["Wohnraum"]


@pytest.mark.parametrize(("fall", "meldung"), [
    ("anderes_gremium", "Das Thema gehört zum Themenspeicher eines anderen Gremiums."),
    ("schon_da", "Das Thema „Wohnraum“ ist in dieser Sitzung schon aufgenommen."),
    ("besprochen", "Das Thema „Wohnraum“ liegt nicht (mehr) im Themenspeicher."),
    ("spaeter", "Das Thema „Wohnraum“ wurde erst nach dieser Sitzung eingebracht."),
])
def test_carry_over_refusals_change_nothing(fall, meldung, erste, zweite, verwaltung, gebiet_a):
    thema = ThemaFactory(gremium=erste.gremium, titel="Wohnraum", eingebracht_in=erste)
    ThemenbewertungFactory(thema=thema, sitzung=erste, punkte=7)
    ziel = zweite
    if fall == "anderes_gremium":
        ziel = SitzungFactory(gremium=GremiumFactory(gebiet=gebiet_a), datum=zweite.datum)
    elif fall == "schon_da":
        ThemenbewertungFactory(thema=thema, sitzung=zweite, punkte=1)
    elif fall == "besprochen":
        Thema.objects.filter(pk=thema.pk).update(status=Thema.Status.BESPROCHEN)
    elif fall == "spaeter":
        thema.bewertungen.update(sitzung=zweite)
        Thema.objects.filter(pk=thema.pk).update(eingebracht_in=zweite)
        ziel = erste
    vorher = Themenbewertung.objects.count()
    with pytest.raises(Regelverstoss) as fehler:
        services.thema_uebernehmen(sitzung=ziel, thema=thema, durch=verwaltung, punkte=3)
    assert fehler.value.meldung == meldung
    assert Themenbewertung.objects.count() == vorher


def test_topic_page_shows_first_raised_and_votes_at_each_meeting(client_als, erste, zweite, verwaltung, rat):
    _lean_coffee(erste, verwaltung)
    gesundheit = Thema.objects.get(titel="Gesundheitsprävention")
    services.thema_uebernehmen(sitzung=zweite, thema=gesundheit, durch=verwaltung, punkte=12)
    response = client_als(rat).get(reverse("beteiligung:thema", args=[gesundheit.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Zuerst eingebracht in „Erstes Treffen des ZWK-Beirats“ am 28.03.2022" in text
    assert [(b.sitzung.datum, b.punkte) for b in response.context["verlauf"]] == [
        (dt.date(2022, 3, 28), 9), (dt.date(2022, 7, 4), 12)]


def test_manager_carries_a_topic_over_through_the_page(client_als, erste, zweite, verwaltung, qm_a):
    _lean_coffee(erste, verwaltung)
    wohnraum = Thema.objects.get(titel="Wohnraum")
    client = client_als(qm_a)
    seite = client.get(reverse("beteiligung:themen", args=[zweite.pk]))
    assert seite.status_code == 200
    assert "Aus dem Themenspeicher des Gremiums" in seite.content.decode()
    assert [t.titel for t in seite.context["speicher"]] == ["Gesundheitsprävention", "Wohnraum"]
    response = client.post(reverse("beteiligung:thema_uebernehmen", args=[zweite.pk]),
                           {"thema": wohnraum.pk, "punkte": "5"})
    assert response.status_code == 302
    assert list(wohnraum.bewertungen.values_list("sitzung_id", "punkte").order_by("sitzung__datum")) == [
        (erste.pk, 7), (zweite.pk, 5)]


def test_manager_of_another_area_cannot_carry_over(client_als, erste, zweite, verwaltung, qm_b):
    _lean_coffee(erste, verwaltung)
    wohnraum = Thema.objects.get(titel="Wohnraum")
    response = client_als(qm_b).post(reverse("beteiligung:thema_uebernehmen", args=[zweite.pk]),
                                     {"thema": wohnraum.pk, "punkte": "5"})
    assert response.status_code == 404
    assert wohnraum.bewertungen.count() == 1


def test_meeting_page_ranks_topics_by_votes_and_marks_carried_over_ones(client_als, erste, zweite, verwaltung):
    _lean_coffee(erste, verwaltung)
    gesundheit = Thema.objects.get(titel="Gesundheitsprävention")
    b = services.thema_uebernehmen(sitzung=zweite, thema=gesundheit, durch=verwaltung, punkte=12)
    services.themenbewertung_aendern(bewertung=b, durch=verwaltung, punkte=12, besprochen=True, ergebnis="Ja.")
    services.thema_einbringen(sitzung=zweite, durch=verwaltung, titel="Mobilität", punkte=15, besprochen=True)
    services.thema_einbringen(sitzung=zweite, durch=verwaltung, titel="Kultur", punkte=2)
    text = client_als(verwaltung).get(reverse("beteiligung:sitzung", args=[zweite.pk])).content.decode()
    assert text.index("Mobilität") < text.index("Gesundheitsprävention")
    assert "aus dem Themenspeicher, erstmals eingebracht am 28.03.2022, 2. Sitzung mit diesem Thema" in text
    speicher = text[text.index("Themenspeicher</h2>"):]
    assert "Kultur" in speicher and "Mobilität" not in speicher


@pytest.mark.parametrize("anzahl", [2, 20])
def test_topic_page_query_count_is_fixed(client_als, rat, beirat, anzahl, django_assert_max_num_queries):
    thema = ThemaFactory(gremium=beirat)
    for i in range(anzahl):
        ThemenbewertungFactory(thema=thema, sitzung=SitzungFactory(gremium=beirat, datum=dt.date(2022, 1, 1)
                                                                   + dt.timedelta(days=30 * i)), punkte=i)
    client = client_als(rat)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("beteiligung:thema", args=[thema.pk]))
    assert [b.punkte for b in response.context["verlauf"]] == list(range(anzahl))
