"""The work basket: each row kind on the right day, counts that match the database, filters, roles, and a
fixed number of queries."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal import arbeitskorb
from portal.models import Barrieremeldung
from programme import fristen_services, services
from programme.models import (Bescheid, Bewilligung, Mittelabruf, Rueckforderung, Verwendungsnachweis,
                              Zwischennachweis)
from testhilfen.fristen import (
    JAHR,
    ZwischennachweisFactory,
    abschnitt,
    anzahl_in,
    bewilligen,
    heute_setzen,
    programm_mit_budget,
    projekt_mit_traeger,
)
from testhilfen.programme import BewilligungFactory, ProjektFactory, VerwendungsnachweisFactory
from testhilfen.quartiere import GebietFactory, StadtFactory
from testhilfen.zuwendung import BescheidFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bewilligung(gebiet_a, verwaltung):
    return bewilligen(projekt_mit_traeger(gebiet_a, titel="Stadtteilmütter A"), programm_mit_budget(gebiet_a),
                      verwaltung=verwaltung)


def _korb(client, **parameter) -> str:
    antwort = client.get(reverse("arbeitskorb"), parameter)
    assert antwort.status_code == 200
    return antwort.content.decode()


def _einreichen(art: str, bewilligung, qm):
    if art == "zwischennachweis":
        fristen_services.zwischennachweis_einreichen(zwischennachweis=bewilligung.zwischennachweise.get(),
                                                     sachbericht="Bericht", durch=qm, datum=dt.date(JAHR + 1, 7, 2))
    else:
        services.verwendungsnachweis_einreichen(nachweis=bewilligung.verwendungsnachweis, verwendet=Decimal("4800"),
                                                durch=qm, datum=dt.date(JAHR + 1, 7, 2))


@pytest.mark.parametrize("art, faellig", [("zwischennachweis", dt.date(JAHR + 1, 4, 30)),
                                          ("verwendungsnachweis", dt.date(JAHR + 1, 6, 30))])
def test_each_deadline_kind_appears_on_the_right_day_and_disappears_when_met(
        client_als, verwaltung, qm_a, bewilligung, monkeypatch, art, faellig):
    staff, qm = client_als(verwaltung), client_als(qm_a)
    heute_setzen(monkeypatch, faellig)
    assert "Stadtteilmütter A" not in abschnitt(_korb(staff), f"ueberfaellig_{art}")
    assert anzahl_in(_korb(staff), f"ueberfaellig_{art}") == 0
    eigene = abschnitt(_korb(qm), f"einreichen_{art}")
    assert "Stadtteilmütter A" in eigene and "heute fällig" in eigene

    heute_setzen(monkeypatch, faellig + dt.timedelta(days=1))
    ueberfaellig = abschnitt(_korb(staff), f"ueberfaellig_{art}")
    assert "Stadtteilmütter A" in ueberfaellig and anzahl_in(_korb(staff), f"ueberfaellig_{art}") == 1
    assert reverse("programme:projekt", args=[bewilligung.projekt_id]) in ueberfaellig
    assert "seit 1 Tag überfällig" in abschnitt(_korb(qm), f"einreichen_{art}")

    _einreichen(art, bewilligung, qm_a)
    korb = _korb(staff)
    assert "Stadtteilmütter A" not in abschnitt(korb, f"ueberfaellig_{art}")
    pruefen = "zwischennachweise_pruefen" if art == "zwischennachweis" else "nachweise_pruefen"
    assert "Stadtteilmütter A" in abschnitt(korb, pruefen) and anzahl_in(korb, pruefen) == 1
    assert "Stadtteilmütter A" not in abschnitt(_korb(qm), f"einreichen_{art}")


def test_fund_calls_to_decide_and_calls_not_spent_in_time(client_als, verwaltung, qm_a, gebiet_a, monkeypatch):
    from testhilfen.mittelabruf import MittelabrufFactory

    heute_setzen(monkeypatch, dt.date(2026, 2, 10))
    projekt = ProjektFactory(gebiet=gebiet_a, titel="Kiezküche", bewilligt=True)
    bewilligung = BewilligungFactory(bewilligt=True, projekt=projekt, gebiet=gebiet_a)
    offen = MittelabrufFactory(bewilligung=bewilligung, beantragt_am=dt.date(2026, 2, 1))
    bezahlt = MittelabrufFactory(bewilligung=bewilligung, genehmigt=True, beantragt_am=dt.date(2026, 1, 2),
                                 verwenden_bis=dt.date(2026, 2, 9))
    korb = _korb(client_als(verwaltung))
    assert reverse("mittelabruf:genehmigen", args=[offen.pk]) in abschnitt(korb, "mittelabrufe")
    assert anzahl_in(korb, "mittelabrufe") == 1
    assert anzahl_in(korb, "ueberfaellig_mittelabruf") == 1
    assert reverse("mittelabruf:verwendet", args=[bezahlt.pk]) in abschnitt(_korb(client_als(qm_a)),
                                                                           "einreichen_mittelabruf")
    bezahlt.verwendet_am = dt.date(2026, 2, 9)
    bezahlt.save()
    assert anzahl_in(_korb(client_als(verwaltung)), "ueberfaellig_mittelabruf") == 0


def test_set_reclaims_leave_the_row_to_set_and_appear_as_open_claims(client_als, verwaltung, gebiet_a, monkeypatch):
    from testhilfen.rueckforderung import RueckforderungFactory

    heute_setzen(monkeypatch, dt.date(2026, 2, 10))
    projekt = ProjektFactory(gebiet=gebiet_a, titel="Nachbarschaftsgarten")
    bewilligung = BewilligungFactory(bewilligt=True, projekt=projekt, betrag_zurueckgefordert=Decimal("300"))
    korb = _korb(client_als(verwaltung))
    assert reverse("rueckforderung:festsetzen", args=[bewilligung.pk]) in abschnitt(korb, "rueckforderungen")
    assert "Nachbarschaftsgarten" not in abschnitt(korb, "forderungen")
    RueckforderungFactory(bewilligung=bewilligung, art="nachweis", betrag=Decimal("300"))
    korb = _korb(client_als(verwaltung))
    assert "Nachbarschaftsgarten" not in abschnitt(korb, "rueckforderungen")
    assert "Nachbarschaftsgarten" in abschnitt(korb, "forderungen") and "noch ohne Bescheid" in abschnitt(
        korb, "forderungen")
    assert anzahl_in(korb, "forderungen") == 1


def test_requests_notices_reclaims_and_barrier_feedback_link_to_their_action(client_als, verwaltung, gebiet_a,
                                                                             monkeypatch):
    heute_setzen(monkeypatch, dt.date(2026, 2, 10))
    antrag = BewilligungFactory(projekt=ProjektFactory(gebiet=gebiet_a, titel="Kiezküche", beantragt=True))
    rueck = BewilligungFactory(bewilligt=True, projekt=ProjektFactory(gebiet=gebiet_a, titel="Nachbarschaftsgarten"),
                               betrag_zurueckgefordert=Decimal("300"), betrag_zurueckgezahlt=Decimal("100"))
    BewilligungFactory(bewilligt=True, projekt=ProjektFactory(gebiet=gebiet_a, titel="Voll zurückgezahlt"),
                       betrag_zurueckgefordert=Decimal("300"), betrag_zurueckgezahlt=Decimal("300"))
    unversandt = BescheidFactory(bewilligung=rueck)
    versandt = BescheidFactory(bewilligung__projekt=ProjektFactory(gebiet=gebiet_a, titel="Sommerfest"),
                               versandt_am=dt.date(2026, 2, 3), bestandskraeftig_am=dt.date(2026, 3, 3))
    BescheidFactory(bewilligung__projekt=ProjektFactory(gebiet=gebiet_a, titel="Bestandskräftig"),
                    datum=dt.date(2026, 1, 2), versandt_am=dt.date(2026, 1, 3),
                    bestandskraeftig_am=dt.date(2026, 2, 3))
    Barrieremeldung.objects.create(beschreibung="Kontrast der Knöpfe zu schwach", absender_schluessel="x")
    korb = _korb(client_als(verwaltung))
    assert reverse("programme:bewilligen", args=[antrag.pk]) in abschnitt(korb, "antraege")
    assert reverse("rueckforderung:festsetzen", args=[rueck.pk]) in abschnitt(korb, "rueckforderungen")
    assert "offen 200,00 €" in abschnitt(korb, "rueckforderungen") and anzahl_in(korb, "rueckforderungen") == 1
    bescheide = abschnitt(korb, "bescheide")
    assert reverse("bescheide:versandt", args=[unversandt.pk]) in bescheide and "noch nicht versandt" in bescheide
    assert reverse("bescheide:bescheid", args=[versandt.pk]) in bescheide and "03.03.2026" in bescheide
    assert "Bestandskräftig" not in bescheide and anzahl_in(korb, "bescheide") == 2
    assert "Kontrast der Knöpfe zu schwach" in abschnitt(korb, "barrieremeldungen")


def test_start_pages_open_with_the_basket_card(client_als, verwaltung, qm_a, bewilligung, monkeypatch):
    heute_setzen(monkeypatch, dt.date(JAHR + 1, 5, 1))
    start = client_als(verwaltung).get(reverse("start")).content.decode()
    karte = start[start.index('id="arbeitskorb-karte"'):]
    nach_titel = start[start.index("Übersicht der Sozialplanung</h1>"):]
    assert 'id="arbeitskorb-karte"' in nach_titel[:nach_titel.index("</section>")]  # the first card
    assert 'data-zeile="ueberfaellig_zwischennachweis"' in karte
    assert "Überfällig: Zwischennachweis</a> <span class=\"badge text-bg-primary\">1</span>" in karte
    eigene = client_als(qm_a).get(reverse("start")).content.decode()
    assert "Einzureichen: Zwischennachweis</a> <span class=\"badge text-bg-primary\">1</span>" in eigene


def test_manager_basket_shows_only_own_areas(client_als, qm_a, qm_b, verwaltung, gebiet_b, bewilligung):
    bewilligen(projekt_mit_traeger(gebiet_b, titel="Lernwerkstatt B"), programm_mit_budget(gebiet_b, kurzname="LOS"),
               verwaltung=verwaltung)
    korb_a, korb_b = _korb(client_als(qm_a)), _korb(client_als(qm_b))
    assert "Stadtteilmütter A" in korb_a and "Lernwerkstatt B" not in korb_a
    assert "Lernwerkstatt B" in korb_b and "Stadtteilmütter A" not in korb_b
    # Managers get their own rows, not staff's decisions.
    assert 'id="korb-antraege"' not in korb_a and 'id="korb-einreichen_verwendungsnachweis"' in korb_a


def test_basket_filters_by_city_and_programme(client_als, verwaltung, gebiet_a, monkeypatch):
    heute_setzen(monkeypatch, dt.date(JAHR + 2, 1, 1))
    andere_stadt = GebietFactory(parent=StadtFactory(name="Anderstadt"), name="Quartier X")
    hier = programm_mit_budget(gebiet_a, kurzname="WiN")
    dort = programm_mit_budget(andere_stadt, kurzname="LOS")
    bewilligen(projekt_mit_traeger(gebiet_a, titel="Projekt hier"), hier, verwaltung=verwaltung)
    bewilligen(projekt_mit_traeger(andere_stadt, titel="Projekt dort"), dort, verwaltung=verwaltung)
    staff = client_als(verwaltung)
    alle = _korb(staff)
    assert anzahl_in(alle, "ueberfaellig_verwendungsnachweis") == 2 and "LOS 1" in alle and "WiN 1" in alle
    nur_stadt = _korb(staff, stadt=andere_stadt.stadt_oder_selbst.pk)
    assert anzahl_in(nur_stadt, "ueberfaellig_verwendungsnachweis") == 1 and "Projekt dort" in nur_stadt
    assert "Projekt hier" not in nur_stadt
    nur_programm = _korb(staff, programm=hier.pk)
    assert anzahl_in(nur_programm, "ueberfaellig_verwendungsnachweis") == 1 and "Projekt hier" in nur_programm


def test_basket_counts_match_the_database(demodaten, client_als):
    from django.contrib.auth.models import User

    from kern.zeit import heute

    verwaltung = User.objects.get(username="verwaltung")
    stichtag = heute()
    erwartet = {
        "antraege": Bewilligung.objects.filter(status="beantragt").count(),
        "nachweise_pruefen": Verwendungsnachweis.objects.filter(eingereicht_am__isnull=False,
                                                                geprueft_am__isnull=True).count(),
        "zwischennachweise_pruefen": Zwischennachweis.objects.filter(eingereicht_am__isnull=False,
                                                                     geprueft_am__isnull=True).count(),
        "ueberfaellig_verwendungsnachweis": Verwendungsnachweis.objects.filter(eingereicht_am__isnull=True,
                                                                               faellig_am__lt=stichtag).count(),
        "ueberfaellig_zwischennachweis": Zwischennachweis.objects.filter(eingereicht_am__isnull=True,
                                                                         faellig_am__lt=stichtag).count(),
        "bescheide": sum(1 for b in Bescheid.objects.filter(ersetzt_durch__isnull=True)
                         if b.versandt_am is None or b.bestandskraeftig_am is None
                         or b.bestandskraeftig_am > stichtag),
        "rueckforderungen": sum(1 for b in Bewilligung.objects.all() if b.rueckzahlung_offen > 0
                                and not b.rueckforderungen.filter(art__in=["nachweis", "widerruf"]).exists()),
        "forderungen": Rueckforderung.objects.filter(erledigt_am__isnull=True).count(),
        "mittelabrufe": Mittelabruf.objects.filter(status="beantragt").count(),
        "ueberfaellig_mittelabruf": Mittelabruf.objects.filter(status="genehmigt", verwendet_am__isnull=True,
                                                               verwenden_bis__lt=stichtag).count(),
        "barrieremeldungen": Barrieremeldung.objects.filter(beantwortet_am__isnull=True).count(),
    }
    assert erwartet["nachweise_pruefen"] == 58
    korb = _korb(client_als(verwaltung))
    assert {schluessel: anzahl_in(korb, schluessel) for schluessel in erwartet} == erwartet
    for zeile in arbeitskorb.arbeitskorb(verwaltung, anzahl=0):
        if zeile.je_programm:
            assert sum(n for _, n in zeile.je_programm) == zeile.anzahl
    qm = User.objects.get(username="qm-blockdiek")
    from quartiere.zugriff import eigene_gebiet_ids

    eigene = eigene_gebiet_ids(qm)
    offen = Verwendungsnachweis.objects.filter(eingereicht_am__isnull=True,
                                               bewilligung__projekt__gebiet_id__in=eigene).count()
    assert anzahl_in(_korb(client_als(qm)), "einreichen_verwendungsnachweis") == offen


def _viele(gebiet, verwaltung, anzahl: int):
    programm = programm_mit_budget(gebiet, kurzname=f"P{anzahl}")
    for i in range(anzahl):
        bewilligung = BewilligungFactory(bewilligt=True, programm=programm, gebiet=gebiet,
                                         projekt=ProjektFactory(gebiet=gebiet))
        VerwendungsnachweisFactory(bewilligung=bewilligung, faellig_am=dt.date(2025, 1, 1),
                                   eingereicht_am=dt.date(2025, 1, 2) if i % 2 else None)
        ZwischennachweisFactory(bewilligung=bewilligung, faellig_am=dt.date(2025, 4, 30))
        BewilligungFactory(programm=programm, gebiet=gebiet, projekt=ProjektFactory(gebiet=gebiet, beantragt=True))
        BescheidFactory(bewilligung=bewilligung)
        Barrieremeldung.objects.create(beschreibung=f"Meldung {i}", absender_schluessel=str(i))


def _abfragen(client, url) -> int:
    with CaptureQueriesContext(connection) as abfragen:
        assert client.get(url).status_code == 200
    return len(abfragen)


@pytest.mark.parametrize("persona", ["verwaltung", "qm_a"])
def test_basket_overview_and_start_page_run_a_fixed_number_of_queries(request, client_als, gebiet_a, verwaltung,
                                                                      persona):
    client = client_als(request.getfixturevalue(persona))
    urls = [reverse("arbeitskorb"), reverse("arbeitskorb") + "?zeile=antraege", reverse("fristen:uebersicht"),
            reverse("start"), reverse("fristen:erinnerungen")]
    _viele(gebiet_a, verwaltung, 2)
    wenige = [_abfragen(client, url) for url in urls]
    _viele(gebiet_a, verwaltung, 30)
    assert [_abfragen(client, url) for url in urls] == wenige
