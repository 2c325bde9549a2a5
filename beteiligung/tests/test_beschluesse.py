"""Decisions: an area forum's decision grants funding through the money services, all or nothing;
the implementation status keeps its history; open decisions are listed per body and area."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from beteiligung import services
from beteiligung.models import Beschluss, Gremium
from testhilfen.beteiligung import BeschlussFactory, GremiumFactory, SitzungFactory
from kern.fehler import Regelverstoss
from programme.models import Bewilligung, Projekt, Verwendungsnachweis
from testhilfen.programme import BewilligungFactory, ProjektFactory

from .conftest import HEUTE, JAHR

D = Decimal


@pytest.fixture
def antrag(win, gebiet_a):
    projekt = ProjektFactory(gebiet=gebiet_a, titel="Nachbarschaftsgarten", beantragt=True,
                             gesamtkosten=D("30000"), eigenmittel=D("15000"))
    return BewilligungFactory(projekt=projekt, programm=win, jahr=JAHR, gebiet=gebiet_a, betrag_beantragt=D("8000"))


@pytest.fixture
def schon_bewilligt(win, gebiet_a):
    """5,000 EUR of area A's 10,000 EUR are already granted."""
    return BewilligungFactory(bewilligt=True, programm=win, jahr=JAHR, gebiet=gebiet_a, betrag_beantragt=D("5000"),
                              projekt=ProjektFactory(gebiet=gebiet_a, bewilligt=True, gesamtkosten=D("20000")))


def _stand():
    """Everything a refused decision must leave untouched."""
    return {
        "beschluesse": Beschluss.objects.count(),
        "beschluss_historie": Beschluss.history.count(),
        "bewilligungen": list(Bewilligung.objects.order_by("pk").values_list("pk", "status", "betrag_bewilligt")),
        "bewilligung_historie": Bewilligung.history.count(),
        "projekte": list(Projekt.objects.order_by("pk").values_list("pk", "status")),
        "nachweise": Verwendungsnachweis.objects.count(),
    }


def test_forum_decision_grants_an_open_request_within_budget(client_als, verwaltung, sitzung_a, antrag):
    response = client_als(verwaltung).post(reverse("beteiligung:beschluss_neu", args=[sitzung_a.pk]), {
        "text": "Das Forum bewilligt den Nachbarschaftsgarten im Konsens.", "art": Beschluss.Art.KONSENS,
        "bewilligung": antrag.pk, "betrag": "8.000,00",
    })
    assert response.status_code == 302
    beschluss = Beschluss.objects.get()
    antrag.refresh_from_db()
    assert beschluss.bewilligung == antrag
    assert antrag.beschluss == beschluss
    assert antrag.status == Bewilligung.Status.BEWILLIGT
    assert antrag.betrag_bewilligt == D("8000.00")
    assert antrag.entschieden_am == sitzung_a.datum
    assert antrag.entschieden_von == verwaltung
    assert antrag.projekt.status == Projekt.Status.BEWILLIGT
    assert Verwendungsnachweis.objects.filter(bewilligung=antrag).exists()
    seite = client_als(verwaltung).get(reverse("beteiligung:sitzung", args=[sitzung_a.pk])).content.decode()
    assert "Bewilligte Förderung: Nachbarschaftsgarten – WiN" in seite and "8.000,00\u00a0€" in seite


def test_forum_decision_creates_the_request_when_there_is_none(verwaltung, sitzung_a, win, gebiet_a):
    projekt = ProjektFactory(gebiet=gebiet_a, titel="Sprachcafé", gesamtkosten=D("12000"), eigenmittel=D("6000"))
    beschluss = services.beschluss_fassen(
        sitzung=sitzung_a, durch=verwaltung, text="Förderung des Sprachcafés", art=Beschluss.Art.BESCHLUSS,
        stimmen_ja=9, stimmen_nein=1, stimmen_enthaltung=0,
        foerderung=services.Foerderung(betrag=D("6000"), projekt=projekt, programm=win, jahr=JAHR))
    bewilligung = beschluss.bewilligung
    assert bewilligung.projekt == projekt and bewilligung.programm == win
    assert bewilligung.betrag_beantragt == D("6000") and bewilligung.betrag_bewilligt == D("6000")
    assert bewilligung.status == Bewilligung.Status.BEWILLIGT
    projekt.refresh_from_db()
    assert projekt.status == Projekt.Status.BEWILLIGT


def test_over_budget_the_money_services_message_is_shown_and_nothing_is_saved(
        client_als, verwaltung, sitzung_a, antrag, schon_bewilligt):
    vorher = _stand()
    response = client_als(verwaltung).post(reverse("beteiligung:beschluss_neu", args=[sitzung_a.pk]), {
        "text": "Das Forum bewilligt den Nachbarschaftsgarten.", "art": Beschluss.Art.KONSENS,
        "bewilligung": antrag.pk, "betrag": "8.000,00",
    })
    assert response.status_code == 200
    meldung = (f"Das Budget WiN {JAHR} für Quartier A reicht nicht: frei sind noch 5.000,00 €, "
               f"bewilligt werden sollen 8.000,00 €.")
    assert response.context["form"].non_field_errors() == [meldung]
    assert meldung in response.content.decode()
    assert _stand() == vorher


def test_over_budget_a_request_made_for_the_decision_is_rolled_back_too(verwaltung, sitzung_a, win, gebiet_a,
                                                                        schon_bewilligt):
    projekt = ProjektFactory(gebiet=gebiet_a, gesamtkosten=D("40000"), eigenmittel=D("20000"))
    vorher = _stand()
    with pytest.raises(Regelverstoss) as fehler:
        services.beschluss_fassen(
            sitzung=sitzung_a, durch=verwaltung, text="Förderung", art=Beschluss.Art.KONSENS,
            foerderung=services.Foerderung(betrag=D("7500"), projekt=projekt, programm=win, jahr=JAHR))
    assert fehler.value.meldung == (f"Das Budget WiN {JAHR} für Quartier A reicht nicht: frei sind noch "
                                    f"5.000,00 €, bewilligt werden sollen 7.500,00 €.")
    assert _stand() == vorher
    projekt.refresh_from_db()
    assert projekt.status == Projekt.Status.ENTWURF


def test_funding_rules_of_the_programme_apply_with_their_message(verwaltung, sitzung_a, antrag):
    antrag.betrag_beantragt = D("16000")
    antrag.save()
    vorher = _stand()
    with pytest.raises(Regelverstoss) as fehler:
        services.beschluss_fassen(sitzung=sitzung_a, durch=verwaltung, text="x", art=Beschluss.Art.BESCHLUSS,
                                  foerderung=services.Foerderung(betrag=D("16000"), bewilligung=antrag))
    assert fehler.value.meldung.startswith("WiN fördert höchstens 50 % der Gesamtkosten (15.000,00 €)")
    assert _stand() == vorher


@pytest.mark.parametrize(("fall", "meldung"), [
    ("manager", "Nur die Verwaltung darf Förderungen bewilligen."),
    ("kein_forum", "Über Förderungen beschließen hier nur Gebietsforen (WiN-Foren)."),
    ("empfehlung", "Eine Empfehlung bewilligt keine Förderung; wählen Sie Beschluss oder Konsens."),
    ("anderes_gebiet", "Das Projekt „Projekt in B“ liegt nicht im Gebiet Quartier A des Forums."),
    ("zukunft", "Beschlüsse können erst ab dem Sitzungstag ({datum}) erfasst werden."),
])
def test_funding_decision_refusals_change_nothing(fall, meldung, verwaltung, qm_a, sitzung_a, antrag, gebiet_b,
                                                  win):
    durch, art, sitzung, foerderung = verwaltung, Beschluss.Art.KONSENS, sitzung_a, services.Foerderung(
        betrag=D("8000"), bewilligung=antrag)
    if fall == "manager":
        durch = qm_a
    elif fall == "kein_forum":
        sitzung = SitzungFactory(gremium=GremiumFactory(gebiet=sitzung_a.gremium.gebiet), datum=sitzung_a.datum)
    elif fall == "empfehlung":
        art = Beschluss.Art.EMPFEHLUNG
    elif fall == "anderes_gebiet":
        foerderung = services.Foerderung(betrag=D("1000"), projekt=ProjektFactory(gebiet=gebiet_b, titel="Projekt in B"),
                                         programm=win, jahr=JAHR)
    elif fall == "zukunft":
        sitzung = SitzungFactory(gremium=sitzung_a.gremium, datum=HEUTE + dt.timedelta(days=3))
        meldung = meldung.format(datum=sitzung.datum.strftime("%d.%m.%Y"))
    vorher = _stand()
    with pytest.raises(Regelverstoss) as fehler:
        services.beschluss_fassen(sitzung=sitzung, durch=durch, text="Förderung", art=art, foerderung=foerderung)
    assert fehler.value.meldung == meldung
    assert _stand() == vorher


def test_manager_records_a_plain_decision_but_is_offered_no_funding(client_als, qm_a, sitzung_a, antrag):
    client = client_als(qm_a)
    seite = client.get(reverse("beteiligung:beschluss_neu", args=[sitzung_a.pk]))
    assert "betrag" not in seite.context["form"].fields
    response = client.post(reverse("beteiligung:beschluss_neu", args=[sitzung_a.pk]), {
        "text": "Das Forum empfiehlt ein Hoffest.", "art": Beschluss.Art.EMPFEHLUNG,
        "bewilligung": antrag.pk, "betrag": "8000"})
    assert response.status_code == 302
    beschluss = Beschluss.objects.get()
    assert beschluss.bewilligung is None
    antrag.refresh_from_db()
    assert antrag.status == Bewilligung.Status.BEANTRAGT


def test_request_choices_are_only_the_forums_area(client_als, verwaltung, sitzung_a, antrag, gebiet_b, win):
    fremd = BewilligungFactory(projekt=ProjektFactory(gebiet=gebiet_b, beantragt=True), programm=win, jahr=JAHR,
                               gebiet=gebiet_b)
    form = client_als(verwaltung).get(reverse("beteiligung:beschluss_neu", args=[sitzung_a.pk])).context["form"]
    assert list(form.fields["bewilligung"].queryset) == [antrag]
    assert fremd.projekt not in form.fields["projekt"].queryset


@pytest.mark.parametrize(("persona", "status"), [("rat", 403), ("qm_b", 404), ("qm_a", 200), ("verwaltung", 200)])
def test_who_may_record_decisions(request, client_als, sitzung_a, persona, status):
    user = request.getfixturevalue(persona)
    response = client_als(user).post(reverse("beteiligung:beschluss_neu", args=[sitzung_a.pk]),
                                     {"text": "Beschluss", "art": Beschluss.Art.BESCHLUSS})
    assert response.status_code == (302 if status == 200 else status)
    assert Beschluss.objects.count() == (1 if status == 200 else 0)


def test_implementation_status_is_kept_with_its_history(client_als, verwaltung, qm_a, rat, sitzung_a):
    beschluss = services.beschluss_fassen(sitzung=sitzung_a, durch=verwaltung, text="Spielplatz sanieren")
    client_als(qm_a).post(reverse("beteiligung:beschluss_umsetzung", args=[beschluss.pk]),
                          {"status": Beschluss.Umsetzung.IN_BEARBEITUNG, "vermerk": "Angebote eingeholt"})
    services.beschluss_umsetzung_setzen(beschluss=beschluss, durch=verwaltung, status=Beschluss.Umsetzung.ERLEDIGT,
                                        vermerk="Spielplatz am 1.6. eröffnet")
    beschluss.refresh_from_db()
    assert beschluss.umsetzungsstatus == Beschluss.Umsetzung.ERLEDIGT
    historie = list(beschluss.history.order_by("history_date", "history_id").values_list(
        "umsetzungsstatus", "history_user__username"))
    assert historie == [("offen", "verwaltung"), ("in_bearbeitung", "qm_a"), ("erledigt", "verwaltung")]

    seite = client_als(verwaltung).get(reverse("beteiligung:beschluss", args=[beschluss.pk]))
    assert [(v.status, v.vermerk) for v in seite.context["verlauf"]] == [
        ("offen", ""), ("in Bearbeitung", "Angebote eingeholt"), ("umgesetzt", "Spielplatz am 1.6. eröffnet")]
    assert [v.durch for v in seite.context["verlauf"]][1] == qm_a.get_full_name()
    rat_seite = client_als(rat).get(reverse("beteiligung:beschluss", args=[beschluss.pk]))
    assert rat_seite.status_code == 200
    assert qm_a.get_full_name() not in rat_seite.content.decode()


def test_dropping_a_decision_needs_a_reason(verwaltung, sitzung_a):
    beschluss = BeschlussFactory(sitzung=sitzung_a)
    with pytest.raises(Regelverstoss) as fehler:
        services.beschluss_umsetzung_setzen(beschluss=beschluss, durch=verwaltung,
                                            status=Beschluss.Umsetzung.VERWORFEN, vermerk=" ")
    assert fehler.value.meldung == "Bitte begründen Sie im Vermerk, warum der Beschluss nicht umgesetzt wird."
    beschluss.refresh_from_db()
    assert beschluss.umsetzungsstatus == Beschluss.Umsetzung.OFFEN


def test_open_decisions_per_area_and_body(client_als, verwaltung, qm_b, rat, sitzung_a, gebiet_b):
    offen = BeschlussFactory(sitzung=sitzung_a, text="Bänke am Marktplatz aufstellen")
    BeschlussFactory(sitzung=sitzung_a, text="Längst erledigt", umsetzungsstatus=Beschluss.Umsetzung.ERLEDIGT)
    kreis_b = GremiumFactory(gebiet=gebiet_b, name="Steuerungskreis B", art=Gremium.Art.STEUERUNGSKREIS)
    in_b = BeschlussFactory(sitzung=SitzungFactory(gremium=kreis_b), text="Beleuchtung im Park B",
                            umsetzungsstatus=Beschluss.Umsetzung.IN_BEARBEITUNG)
    url = reverse("beteiligung:beschluesse_offen")

    staff = client_als(verwaltung).get(url)
    assert list(staff.context["seite"].object_list) == [offen, in_b]
    text = staff.content.decode()
    assert "Bänke am Marktplatz aufstellen" in text and "Längst erledigt" not in text

    nur_a = client_als(rat).get(url, {"gebiet": sitzung_a.gremium.gebiet_id})
    assert list(nur_a.context["seite"].object_list) == [offen]
    nur_kreis = client_als(verwaltung).get(url, {"gremium": kreis_b.pk})
    assert list(nur_kreis.context["seite"].object_list) == [in_b]

    manager_b = client_als(qm_b).get(url)
    assert list(manager_b.context["seite"].object_list) == [in_b]
    assert sitzung_a.gremium not in manager_b.context["filter"].form.fields["gremium"].queryset
    # An area the manager may not see is not a valid filter choice: no rows, not area A's rows.
    fremd = client_als(qm_b).get(url, {"gebiet": sitzung_a.gremium.gebiet_id})
    assert list(fremd.context["seite"].object_list) == []


@pytest.mark.parametrize("anzahl", [3, 30])
def test_open_decisions_page_query_count_is_fixed(client_als, verwaltung, sitzung_a, anzahl,
                                                  django_assert_max_num_queries):
    for i in range(anzahl):
        BeschlussFactory(sitzung=SitzungFactory(gremium=GremiumFactory(gebiet=sitzung_a.gremium.gebiet)))
    client = client_als(verwaltung)
    # One of them finds the page's decisions in their order, one reads those 25 rows (kern.listen); the body
    # and the area filter each count whether their list is long (kern.auswahl); one reads the data state of
    # the cached choice lists and row count (kern.datenstand).
    with django_assert_max_num_queries(12):
        response = client.get(reverse("beteiligung:beschluesse_offen"))
    assert response.status_code == 200
    assert len(response.context["seite"].object_list) == min(anzahl, 25)


@pytest.mark.parametrize("anzahl", [2, 20])
def test_decision_page_query_count_is_fixed(client_als, verwaltung, sitzung_a, anzahl,
                                            django_assert_max_num_queries):
    beschluss = services.beschluss_fassen(sitzung=sitzung_a, durch=verwaltung, text="Spielplatz")
    for i in range(anzahl):
        services.beschluss_umsetzung_setzen(beschluss=beschluss, durch=verwaltung,
                                            status=Beschluss.Umsetzung.IN_BEARBEITUNG, vermerk=f"Schritt {i}")
    client = client_als(verwaltung)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("beteiligung:beschluss", args=[beschluss.pk])).status_code == 200


def test_a_decision_on_a_grant_already_made_links_it_and_moves_no_money(verwaltung, sitzung_a, schon_bewilligt):
    historie = Bewilligung.history.count()
    beschluss = services.beschluss_fassen(
        sitzung=sitzung_a, durch=verwaltung, text="Das Forum trägt die Förderung mit.", art=Beschluss.Art.KONSENS,
        foerderung=services.Foerderung(betrag=D("5000"), bewilligung=schon_bewilligt))
    schon_bewilligt.refresh_from_db()
    assert beschluss.bewilligung == schon_bewilligt
    assert schon_bewilligt.betrag_bewilligt == D("5000") and schon_bewilligt.status == Bewilligung.Status.BEWILLIGT
    assert Bewilligung.history.count() == historie


def test_a_decision_naming_another_amount_than_the_grant_made_is_refused(verwaltung, sitzung_a, schon_bewilligt):
    vorher = _stand()
    with pytest.raises(Regelverstoss) as fehler:
        services.beschluss_fassen(sitzung=sitzung_a, durch=verwaltung, text="x", art=Beschluss.Art.KONSENS,
                                  foerderung=services.Foerderung(betrag=D("4000"), bewilligung=schon_bewilligt))
    assert fehler.value.meldung == ("Die Förderung ist schon mit 5.000,00\u00a0€ bewilligt; der Beschluss muss diesen "
                                    "Betrag nennen.")
    assert _stand() == vorher
