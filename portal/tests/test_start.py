from decimal import Decimal

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from testhilfen.beteiligung import GremiumFactory, SitzungFactory
from testhilfen.programme import BewilligungFactory, JahresbudgetFactory, ProjektFactory, dieses_jahr
from testhilfen.konten import app_einrichten, im_formular_anmelden


def test_login_page_is_public_and_german(client, db):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Anmelden" in response.content.decode()
    assert '<html lang="de">' in response.content.decode()


def test_login_with_wrong_password_says_so_in_german(client, verwaltung):
    response = client.post(reverse("login"), {"username": "verwaltung", "password": "falsch"})
    assert response.status_code == 200
    assert "Benutzername" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_and_logout(client, verwaltung):
    verwaltung.set_password("geheim-123")
    verwaltung.save()
    response = im_formular_anmelden(client, "verwaltung", "geheim-123", app_einrichten(verwaltung))
    assert response.status_code == 302 and response.url == reverse("start")
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    # Signed out, the start page is the public one again.
    assert "Öffentliche Berichte" in client.get(reverse("start")).content.decode()


def _alle_urls(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for muster in resolver.url_patterns:
        if isinstance(muster, URLResolver):
            yield from _alle_urls(muster, prefix + str(muster.pattern))
        elif isinstance(muster, URLPattern):
            yield prefix + str(muster.pattern), muster


# The public start page, the accessibility statement, its feedback form and the page in Leichte Sprache
# (portal/tests/test_oeffentlich.py), the public archive of published reports needs no login (berichte/tests/test_views.py), nor does the
# OParl interface, which shows only public objects (portal/tests/test_oparl.py), nor the health URL
# (portal/tests/test_betrieb.py).
OEFFENTLICH = {"", "barrierefreiheit/", "barrierefreiheit/melden/", "leichte-sprache/", "anmelden/", "abmelden/", "berichte/", "berichte/<int:pk>/", "berichte/<int:pk>/pdf/", "gesundheit/"}
OEFFENTLICH_UNTER = ("oparl/v1/",)


def test_anonymous_users_are_sent_to_login_from_every_non_public_url(client, db):
    geprueft = 0
    for route, muster in _alle_urls():
        if route.startswith(("admin/", *OEFFENTLICH_UNTER)) or route in OEFFENTLICH:
            continue
        # Fill path converters with a plausible value; 404 is no answer for an anonymous user.
        url = "/" + route.replace("<int:pk>", "1").replace("<int:id>", "1").replace("<int:jahr>", "2026")
        if "<" in url:
            url = url.split("<")[0]
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login")), url
        geprueft += 1
    assert geprueft >= 1


def test_admin_sends_anonymous_users_to_its_login(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response.url


def test_staff_start_page_shows_this_years_budget_figures(client_als, verwaltung, gebiet_a):
    budget = JahresbudgetFactory(betrag=Decimal("1750000.00"), programm__kurzname="WiN",
                                 programm__stadt=gebiet_a.stadt)
    BewilligungFactory(bewilligt=True, programm=budget.programm, jahr=dieses_jahr(),
                       projekt=ProjektFactory(gebiet=gebiet_a, gesamtkosten=Decimal("50000")),
                       gebiet=gebiet_a, betrag_beantragt=Decimal("12345.67"))
    response = client_als(verwaltung).get(reverse("start"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Übersicht der Sozialplanung" in text
    assert "1.750.000,00\u00a0€" in text
    assert "12.345,67\u00a0€" in text
    assert "1.737.654,33\u00a0€" in text
    assert "Letzte Änderungen" in text
    assert f"Bewilligung WiN {dieses_jahr()}" in text


def test_manager_start_page_shows_only_own_areas(client_als, qm_a, gebiet_a, gebiet_b):
    ProjektFactory(gebiet=gebiet_a, titel="Sprachcafé im Quartier A")
    ProjektFactory(gebiet=gebiet_b, titel="Stadtteilfest im Quartier B")
    response = client_als(qm_a).get(reverse("start"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Mein Quartier" in text
    assert "Sprachcafé im Quartier A" in text
    assert "Stadtteilfest im Quartier B" not in text


def test_council_start_page_loads(client_als, rat, gebiet_a):
    gremium = GremiumFactory(gebiet=gebiet_a, name="Steuerungskreis A")
    SitzungFactory(gremium=gremium, titel="Sitzung des Steuerungskreises")
    response = client_als(rat).get(reverse("start"))
    assert response.status_code == 200
    assert "Übersicht für Rat und Ausschüsse" in response.content.decode()


@pytest.mark.parametrize("anzahl", [2, 40])
def test_staff_start_page_query_count_does_not_grow(client_als, verwaltung, gebiet_a, anzahl,
                                                    django_assert_max_num_queries):
    budget = JahresbudgetFactory(programm__stadt=gebiet_a.stadt)
    for _ in range(anzahl):
        BewilligungFactory(bewilligt=True, programm=budget.programm, gebiet=gebiet_a, jahr=dieses_jahr(),
                           projekt=ProjektFactory(gebiet=gebiet_a), betrag_beantragt=Decimal("100"))
    client = client_als(verwaltung)
    # 16 for the figures above, plus overdue action items and the Strukturcheck matrix (areas and three reads),
    # plus one count per row of the work basket card (portal.arbeitskorb) in place of the two cards it replaced
    # (open reclaims, fund calls to decide and calls not spent in time among them), plus the read of the data
    # state (kern.datenstand). Asked again with nothing changed, the figures come from the cache.
    with django_assert_max_num_queries(30):
        assert client.get(reverse("start")).status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get(reverse("start")).status_code == 200


@pytest.mark.parametrize("anzahl", [2, 40])
def test_manager_start_page_query_count_does_not_grow(client_als, qm_a, gebiet_a, anzahl,
                                                      django_assert_max_num_queries):
    for _ in range(anzahl):
        ProjektFactory(gebiet=gebiet_a)
    client = client_als(qm_a)
    # 20, plus one count per row of the work basket card (what to submit next), plus the data state.
    with django_assert_max_num_queries(23):
        assert client.get(reverse("start")).status_code == 200


def test_manager_logs_an_activity_from_the_start_page(client_als, qm_a, gebiet_a, gebiet_b):
    from beteiligung.models import Taetigkeit

    client = client_als(qm_a)
    seite = client.get(reverse("start")).content.decode()
    assert "Tätigkeit erfassen" in seite
    response = client.post(reverse("taetigkeit_neu"), {
        "datum": "2026-11-20", "gebiet": gebiet_a.pk, "titel": "Sprechstunde im Quartierstreff",
        "erreichte_personen": "12", "beschreibung": ""})
    assert response.status_code == 302
    taetigkeit = Taetigkeit.objects.get()
    assert (taetigkeit.gebiet, taetigkeit.erfasst_von, taetigkeit.erreichte_personen) == (gebiet_a, qm_a, 12)
    assert "Sprechstunde im Quartierstreff" in client.get(reverse("start")).content.decode()


def test_activity_in_a_foreign_area_is_refused(client_als, qm_a, gebiet_b):
    from beteiligung.models import Taetigkeit

    response = client_als(qm_a).post(reverse("taetigkeit_neu"), {
        "datum": "2026-11-20", "gebiet": gebiet_b.pk, "titel": "Fremd"})
    assert response.status_code == 200
    assert "Bitte eine gültige Auswahl treffen." in response.content.decode()
    assert not Taetigkeit.objects.exists()
