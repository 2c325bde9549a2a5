"""Access matrix: every URL pattern × every persona → the expected status.

Each named URL of the portal needs a row in MATRIX; a new view without a row fails
`test_every_url_has_a_row`, so no page escapes the access rules. Objects belong to area A;
`qm_a` manages A, `qm_b` manages B; `ohne_rolle` is logged in but belongs to no group: it sees
the public pages and its start page, everything else answers 403.

A row: url name -> (kwargs builder, {persona: status}), with a status for every persona: 200,
302 (to the login), 403, 404, or 405 for a GET on a POST-only view.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from berichte.models import Berichtsart
from oparl.selectors import ortsschluessel
from testhilfen.berichte import BeratungFactory, BerichtFactory, MitzeichnungFactory
from testhilfen.fristen import ZwischennachweisFactory
from testhilfen.welt import berichte_welt
from testhilfen.beteiligung import SitzungFactory, TagesordnungspunktFactory
from testhilfen.welt import beteiligung_welt
from testhilfen.welt import quartiere_welt
from testhilfen.programme import (
    BewilligungFactory,
    FoerderprogrammFactory,
    JahresbudgetFactory,
    ProgrammgebietFactory,
    ProjektFactory,
    VerwendungsnachweisFactory,
)

PERSONAS = ("anonym", "ohne_rolle", "rat", "qm_a", "qm_b", "verwaltung")

# Seen by every role, changed by none.
LESEN = {"anonym": 302, "ohne_rolle": 403, "rat": 200, "qm_a": 200, "qm_b": 200, "verwaltung": 200}
# An object of area A that its manager may change.
OBJEKT_A_SCHREIBEN = {"anonym": 302, "ohne_rolle": 403, "rat": 403, "qm_a": 200, "qm_b": 404, "verwaltung": 200}
# An object of area A, read-only for council.
OBJEKT_A_LESEN = {"anonym": 302, "ohne_rolle": 403, "rat": 200, "qm_a": 200, "qm_b": 404, "verwaltung": 200}
# Staff only; managers get 403 (or 404 when the object lies outside their areas).
NUR_VERWALTUNG = {"anonym": 302, "ohne_rolle": 403, "rat": 403, "qm_a": 403, "qm_b": 403, "verwaltung": 200}
# Staff and managers.
VERWALTUNG_UND_QM = {"anonym": 302, "ohne_rolle": 403, "rat": 403, "qm_a": 200, "qm_b": 200, "verwaltung": 200}
# Public pages.
OEFFENTLICH = {p: 200 for p in PERSONAS}
# A GET on a POST-only view; a login without a role is refused before the view answers.
NUR_POST = {**{p: 405 for p in PERSONAS}, "anonym": 302, "ohne_rolle": 403}


def ohne():
    return lambda welt: {}


def pk(name):
    return lambda welt: {"pk": welt[name].pk}


KEIN_AUFTRAG = {"anonym": 302, "ohne_rolle": 403, "rat": 404, "qm_a": 404, "qm_b": 404, "verwaltung": 404}

MATRIX = {
    # Visitors without a login get the public start page, every login its own.
    "start": (ohne(), OEFFENTLICH),
    "barrierefreiheit": (ohne(), OEFFENTLICH),
    "barrierefreiheit_melden": (ohne(), OEFFENTLICH),
    "leichte_sprache": (ohne(), OEFFENTLICH),
    "barrierefreiheit_meldungen": (ohne(), NUR_VERWALTUNG),
    "barrierefreiheit_bearbeiten": (ohne(), NUR_VERWALTUNG),
    "login": (ohne(), {**{p: 302 for p in PERSONAS}, "anonym": 200}),
    "taetigkeit_neu": (ohne(), VERWALTUNG_UND_QM),
    "logout": (ohne(), {**{p: 405 for p in PERSONAS}, "anonym": 302}),
    # The code step exists only right after a correct password; otherwise back to the login.
    "anmeldung_code": (ohne(), {p: 302 for p in PERSONAS}),
    # One's own second factor, for every login (also without a role).
    "zweiter_faktor": (ohne(), {**{p: 200 for p in PERSONAS}, "anonym": 302}),
    "zweiter_faktor_einrichten": (ohne(), {**{p: 200 for p in PERSONAS}, "anonym": 302}),
    "wiederherstellungscodes": (ohne(), {**{p: 405 for p in PERSONAS}, "anonym": 302}),
    "verarbeitungsverzeichnis": (ohne(), NUR_VERWALTUNG),
    # The health URL for load balancers: database and storage state, no personal data.
    "gesundheit": (ohne(), OEFFENTLICH),
    "programme:programme": (ohne(), LESEN),
    "akteure:organisationen": (ohne(), LESEN),
    "akteure:einrichtungen": (ohne(), LESEN),
    "programme:programm": (pk("programm"), LESEN),
    "programme:budget": (pk("programm"), NUR_VERWALTUNG),
    "programme:projekte": (ohne(), LESEN),
    "programme:projekt_neu": (ohne(), VERWALTUNG_UND_QM),
    "programme:projekt": (pk("projekt"), OBJEKT_A_LESEN),
    "programme:projekt_bearbeiten": (pk("projekt"), OBJEKT_A_SCHREIBEN),
    "programme:antrag": (pk("projekt"), OBJEKT_A_SCHREIBEN),
    "programme:status": (pk("projekt"), OBJEKT_A_SCHREIBEN),
    "programme:bewilligen": (pk("antrag"), NUR_VERWALTUNG),
    "programme:ablehnen": (pk("antrag"), NUR_VERWALTUNG),
    "programme:auszahlen": (pk("bewilligung"), NUR_VERWALTUNG),
    "programme:rueckzahlung": (pk("bewilligung"), NUR_VERWALTUNG),
    "programme:nachweise_ueberfaellig": (ohne(), NUR_VERWALTUNG),
    "programme:nachweis_einreichen": (pk("nachweis"), OBJEKT_A_SCHREIBEN),
    "programme:nachweis_pruefen": (pk("nachweis"), NUR_VERWALTUNG),
    # Deadlines, interim proofs, reminders and the work basket: staff and managers, never council.
    "arbeitskorb": (ohne(), VERWALTUNG_UND_QM),
    "fristen:uebersicht": (ohne(), VERWALTUNG_UND_QM),
    "fristen:erinnerungen": (ohne(), VERWALTUNG_UND_QM),
    "fristen:zwischennachweis_einreichen": (pk("zwischennachweis"), OBJEKT_A_SCHREIBEN),
    "fristen:zwischennachweis_pruefen": (pk("zwischennachweis"), NUR_VERWALTUNG),
    "beteiligung:gremien": (ohne(), LESEN),
    "beteiligung:gremium": (pk("gremium"), OBJEKT_A_LESEN),
    "beteiligung:mitglied_neu": (pk("gremium"), OBJEKT_A_SCHREIBEN),
    "beteiligung:sitzung_neu": (pk("gremium"), OBJEKT_A_SCHREIBEN),
    "beteiligung:sitzung": (pk("sitzung"), OBJEKT_A_LESEN),
    "beteiligung:sitzung_bearbeiten": (pk("sitzung"), OBJEKT_A_SCHREIBEN),
    "beteiligung:sitzung_status": (pk("sitzung"), OBJEKT_A_SCHREIBEN),
    "beteiligung:teilnehmende": (pk("sitzung"), OBJEKT_A_SCHREIBEN),
    "beteiligung:teilnehmende_mehrere": (pk("sitzung"), OBJEKT_A_SCHREIBEN),
    "beteiligung:tagesordnung": (pk("sitzung"), OBJEKT_A_SCHREIBEN),
    "beteiligung:themen": (pk("sitzung"), OBJEKT_A_SCHREIBEN),
    "beteiligung:thema_uebernehmen": (pk("sitzung"), OBJEKT_A_SCHREIBEN),
    "beteiligung:beschluss_neu": (pk("sitzung"), OBJEKT_A_SCHREIBEN),
    "beteiligung:aufgabe_neu": (pk("sitzung"), OBJEKT_A_SCHREIBEN),
    "beteiligung:teilnahme_entfernen": (pk("teilnahme"), NUR_POST),
    "beteiligung:bewertung": (pk("bewertung"), OBJEKT_A_SCHREIBEN),
    "beteiligung:thema": (pk("thema"), OBJEKT_A_LESEN),
    "beteiligung:beschluesse_offen": (ohne(), LESEN),
    "beteiligung:beschluss": (pk("beschluss"), OBJEKT_A_LESEN),
    "beteiligung:beschluss_umsetzung": (pk("beschluss"), OBJEKT_A_SCHREIBEN),
    "beteiligung:aufgaben": (ohne(), VERWALTUNG_UND_QM),
    # Managers may propose a meeting for publication, only staff publish or withdraw it.
    "beteiligung:sitzung_veroeffentlichen": (pk("sitzung"), {**OBJEKT_A_SCHREIBEN, "qm_a": 403}),
    "beteiligung:sitzung_vorschlagen": (pk("sitzung"), NUR_POST),
    "beteiligung:sitzung_zurueckziehen": (pk("sitzung"), {**OBJEKT_A_SCHREIBEN, "qm_a": 403}),
    "beteiligung:aufgabe_erledigt": (pk("aufgabe"), NUR_POST),
    "beteiligung:strukturcheck": (ohne(), LESEN),
    "beteiligung:personen": (ohne(), NUR_VERWALTUNG),
    "beteiligung:person_export": (pk("person"), NUR_VERWALTUNG),
    "beteiligung:person_anonymisieren": (pk("person"), NUR_VERWALTUNG),
    # Areas and their statistics are public city data for every role; changing them is staff work.
    "gebiete:liste": (ohne(), LESEN),
    "gebiete:detail": (pk("gebiet_a"), LESEN),
    "gebiete:karte": (ohne(), LESEN),
    # Without ?stadt=&ebene= the boundaries URL names no map: 404 for every role that may read.
    "gebiete:karte_daten": (ohne(), {**LESEN, "rat": 404, "qm_a": 404, "qm_b": 404, "verwaltung": 404}),
    "quartiere:sozialindex": (ohne(), LESEN),
    "quartiere:sozialindex_einstellungen": (pk("stadt"), NUR_VERWALTUNG),
    "quartiere:sozialindex_berechnen": (pk("stadt"), NUR_POST),
    "quartiere:import": (ohne(), NUR_VERWALTUNG),
    "quartiere:import_vorschau": (pk("importentwurf"), NUR_VERWALTUNG),
    # Published reports: the list and public PDFs for everyone, also without login (a non-public
    # report gives the public 404: berichte/tests/test_views.py); previews and papers are staff work.
    "berichte:archiv": (ohne(), OEFFENTLICH),
    "berichte:bericht": (pk("bericht"), OEFFENTLICH),
    "berichte:pdf": (pk("bericht"), OEFFENTLICH),
    "berichte:korrigieren": (pk("bericht"), NUR_POST),
    "berichte:zurueckziehen": (pk("bericht"), NUR_VERWALTUNG),
    "berichte:auftrag": (pk("auftrag"), NUR_VERWALTUNG),
    "berichte:auftrag_stand": (pk("auftrag"), NUR_VERWALTUNG),
    "berichte:neu": (ohne(), NUR_VERWALTUNG),
    # An export order nobody filed: 404 for every role (who sees a real one: portal/tests/test_exportauftraege.py).
    "exporte:auftrag": (lambda welt: {"pk": 999999}, KEIN_AUFTRAG),
    "exporte:auftrag_stand": (lambda welt: {"pk": 999999}, KEIN_AUFTRAG),
    "exporte:datei": (lambda welt: {"pk": 999999}, KEIN_AUFTRAG),
    "berichte:vorschau": (lambda welt: {"art": "programmjahresbericht"}, NUR_VERWALTUNG),
    "berichte:veroeffentlichen": (lambda welt: {"art": "programmjahresbericht"}, NUR_POST),
    "berichte:vorlagen": (ohne(), NUR_VERWALTUNG),
    "berichte:vorlage_neu": (ohne(), NUR_VERWALTUNG),
    "berichte:vorlage_bearbeiten": (pk("vorlage"), NUR_VERWALTUNG),
    "berichte:mitzeichnen": (lambda welt: {"pk": MitzeichnungFactory(vorlage=welt["vorlage"]).pk}, NUR_POST),
    # OParl: public JSON of public objects for everyone (non-public ones give 404: portal/tests/test_oparl.py).
    "oparl:system": (ohne(), OEFFENTLICH),
    "oparl:bodies": (ohne(), OEFFENTLICH),
    "oparl:body": (pk("stadt"), OEFFENTLICH),
    "oparl:body_organization": (pk("stadt"), OEFFENTLICH),
    "oparl:body_person": (pk("stadt"), OEFFENTLICH),
    "oparl:body_meeting": (pk("stadt"), OEFFENTLICH),
    "oparl:body_paper": (pk("stadt"), OEFFENTLICH),
    "oparl:body_agendaitem": (pk("stadt"), OEFFENTLICH),
    "oparl:body_consultation": (pk("stadt"), OEFFENTLICH),
    "oparl:body_file": (pk("stadt"), OEFFENTLICH),
    "oparl:body_location": (pk("stadt"), OEFFENTLICH),
    "oparl:body_legislativeterm": (pk("stadt"), OEFFENTLICH),
    "oparl:body_membership": (pk("stadt"), OEFFENTLICH),
    "oparl:organization": (pk("gremium"), OEFFENTLICH),
    "oparl:organization_meeting": (pk("gremium"), OEFFENTLICH),
    "oparl:meeting": (pk("oparl_sitzung"), OEFFENTLICH),
    "oparl:agendaitem": (pk("oparl_top"), OEFFENTLICH),
    "oparl:location": (lambda welt: {"schluessel": ortsschluessel(welt["gremium"].gebiet.stadt_oder_selbst.pk,
                                                                   welt["oparl_sitzung"].ort)}, OEFFENTLICH),
    "oparl:paper": (pk("bericht"), OEFFENTLICH),
    "oparl:consultation": (lambda welt: {"paper": welt["oparl_ratsvorlage"].pk, "pk": welt["oparl_beratung"].pk},
                           OEFFENTLICH),
    "oparl:file": (pk("bericht"), OEFFENTLICH),
    "oparl:file_access": (pk("bericht"), OEFFENTLICH),
}


def _benannte_urls(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for muster in resolver.url_patterns:
        if isinstance(muster, URLResolver):
            if muster.namespace == "admin":
                continue
            ns = f"{namespace}{muster.namespace}:" if muster.namespace else namespace
            yield from _benannte_urls(muster, ns)
        elif isinstance(muster, URLPattern) and muster.name:
            yield namespace + muster.name


@pytest.fixture
def welt(gebiet_a, gebiet_b, qm_a, qm_b, verwaltung, rat, ohne_rolle):
    """Objects of area A that the views of the matrix are called with."""
    jahr = dt.date.today().year
    programm = FoerderprogrammFactory(stadt=gebiet_a.stadt, beginn=dt.date(jahr - 1, 1, 1))
    ProgrammgebietFactory(programm=programm, gebiet=gebiet_a, beginn=dt.date(jahr - 1, 1, 1))
    JahresbudgetFactory(programm=programm, jahr=jahr, betrag=Decimal("50000"))
    projekt = ProjektFactory(gebiet=gebiet_a, beantragt=True)
    antrag = BewilligungFactory(projekt=projekt, programm=programm, gebiet=gebiet_a, jahr=jahr)
    bewilligung = BewilligungFactory(bewilligt=True, projekt=ProjektFactory(gebiet=gebiet_a, bewilligt=True),
                                     programm=programm, gebiet=gebiet_a, jahr=jahr)
    nachweis = VerwendungsnachweisFactory(bewilligung=bewilligung)
    welt = {
        "gebiet_a": gebiet_a, "gebiet_b": gebiet_b, "programm": programm, "projekt": projekt, "antrag": antrag,
        "bewilligung": bewilligung, "nachweis": nachweis, **beteiligung_welt(gebiet_a),
        "zwischennachweis": ZwischennachweisFactory(bewilligung=bewilligung),
        **quartiere_welt(gebiet_a, verwaltung), **berichte_welt(gebiet_a),
        "personas": {"anonym": None, "ohne_rolle": ohne_rolle, "rat": rat, "qm_a": qm_a, "qm_b": qm_b,
                     "verwaltung": verwaltung},
    }
    return {**welt, **_oparl_welt(welt), **_zuwendung_welt(welt), **_nachweis_welt(welt),
            **_rueckforderung_welt(welt), **_mittelabruf_welt(welt)}


def _oparl_welt(welt) -> dict:
    """Public objects for the OParl rows: the matrix's meeting is not public, and its paper no council paper."""
    sitzung = SitzungFactory(gremium=welt["gremium"], oeffentlich=True, ort="Bürgerhaus")
    ratsvorlage = BerichtFactory(art=Berichtsart.RATSVORLAGE, vorlage=welt["vorlage"], gebiet=welt["vorlage"].stadt)
    return {"oparl_sitzung": sitzung, "oparl_top": TagesordnungspunktFactory(sitzung=sitzung),
            "oparl_ratsvorlage": ratsvorlage, "oparl_beratung": BeratungFactory(vorlage=welt["vorlage"])}


def _zuwendung_welt(welt):
    from testhilfen.zuwendung import BescheidFactory, NebenbestimmungenFactory

    return {"bescheid": BescheidFactory(bewilligung=welt["bewilligung"]), "traeger": welt["projekt"].traeger,
            "textbaustein": NebenbestimmungenFactory(programm=welt["programm"])}


# Grant law: notices never for council; operator pages read by every role.
BESCHEID_LESEN = {**OBJEKT_A_LESEN, "rat": 404}
MATRIX.update({
    "bescheide:liste": (ohne(), VERWALTUNG_UND_QM),
    "bescheide:bescheid": (pk("bescheid"), BESCHEID_LESEN),
    "bescheide:pdf": (pk("bescheid"), BESCHEID_LESEN),
    "bescheide:aendern": (pk("bescheid"), NUR_VERWALTUNG),
    "bescheide:versandt": (pk("bescheid"), NUR_VERWALTUNG),
    "bescheide:verzicht": (pk("bescheid"), NUR_VERWALTUNG),
    "bescheide:erlassen": (pk("bewilligung"), NUR_POST),
    "bescheide:vorschau": (pk("bewilligung"), {**NUR_VERWALTUNG, "verwaltung": 302}),
    "zuwendung:traeger": (pk("traeger"), LESEN),
    "zuwendung:traeger_bearbeiten": (pk("traeger"), NUR_VERWALTUNG),
    "zuwendung:finanzierungsplan": (pk("projekt"), OBJEKT_A_SCHREIBEN),
    "zuwendung:vorzeitiger_beginn": (pk("projekt"), NUR_VERWALTUNG),
    "zuwendung:finanzierungsart": (pk("antrag"), NUR_VERWALTUNG),
    "zuwendung:textbausteine": (ohne(), NUR_VERWALTUNG),
    "zuwendung:textbaustein_neu": (ohne(), NUR_VERWALTUNG),
    "zuwendung:textbaustein": (pk("textbaustein"), NUR_VERWALTUNG),
})


def _nachweis_welt(welt):
    from programme.nachweis import Beleg
    from testhilfen.nachweis import pruefvermerk_ablegen

    nachweis = welt["nachweis"]
    beleg = Beleg.objects.create(nachweis=nachweis, datum=dt.date.today(), empfaenger="X", zweck="Y",
                                 betrag=Decimal("1"), kategorie="personal")
    geprueft = VerwendungsnachweisFactory(geprueft=True, bewilligung=BewilligungFactory(
        bewilligt=True, projekt=ProjektFactory(gebiet=welt["gebiet_a"], bewilligt=True), programm=welt["programm"],
        gebiet=welt["gebiet_a"], jahr=dt.date.today().year))
    return {"beleg": beleg, "pruefvermerk": pruefvermerk_ablegen(geprueft)}


# Proof of use: council sees none of it (404), other areas' managers neither.
NACHWEIS_LESEN = {**OBJEKT_A_LESEN, "rat": 404}
NACHWEIS_SCHREIBEN = {**OBJEKT_A_SCHREIBEN, "rat": 404}
MATRIX.update({
    "nachweis:zu_pruefen": (ohne(), NUR_VERWALTUNG),
    "nachweis:seite": (pk("nachweis"), NACHWEIS_LESEN),
    "nachweis:angaben": (pk("nachweis"), NACHWEIS_SCHREIBEN),
    "nachweis:beleg_neu": (pk("nachweis"), NACHWEIS_SCHREIBEN),
    "nachweis:summen": (pk("nachweis"), NACHWEIS_SCHREIBEN),
    # A GET of the upload goes back to the proof's page.
    "nachweis:belege_import": (pk("nachweis"), {**NACHWEIS_SCHREIBEN, "qm_a": 302, "verwaltung": 302}),
    "nachweis:abgeben": (pk("nachweis"), NUR_POST),
    "nachweis:beleg_entfernen": (pk("beleg"), NUR_POST),
    # The matrix's proof is not submitted yet: staff are sent back to its page.
    "pruefvermerk:pruefen": (pk("nachweis"), {**NUR_VERWALTUNG, "verwaltung": 302}),
    "pruefvermerk:pdf": (pk("pruefvermerk"), NACHWEIS_LESEN),
})


def _rueckforderung_welt(welt):
    from testhilfen.rueckforderung import RueckforderungFactory

    return {"rueckforderung": RueckforderungFactory(bewilligung=welt["bewilligung"])}


# Reclaims: staff act; managers read their areas' open claims; council sees none of it.
MATRIX.update({
    "rueckforderung:offene": (ohne(), VERWALTUNG_UND_QM),
    "rueckforderung:festsetzen": (pk("bewilligung"), NUR_VERWALTUNG),
    "rueckforderung:rueckzahlung": (pk("rueckforderung"), NUR_VERWALTUNG),
    "rueckforderung:basiszinssaetze": (ohne(), NUR_VERWALTUNG),
    "rueckforderung:basiszinssatz_neu": (ohne(), NUR_VERWALTUNG),
    "rueckforderungsbescheide:erlassen": (pk("rueckforderung"), NUR_POST),
})


def _mittelabruf_welt(welt):
    from testhilfen.mittelabruf import abruf

    return {"mittelabruf": abruf(welt["bewilligung"], welt["personas"]["verwaltung"], am=dt.date.today())}


# Fund calls: never for council; managers call and report spending in their areas, staff decide.
MATRIX.update({
    "mittelabruf:offen": (ohne(), NUR_VERWALTUNG),
    "mittelabruf:abrufen": (pk("bewilligung"), OBJEKT_A_SCHREIBEN),
    "mittelabruf:genehmigen": (pk("mittelabruf"), NUR_VERWALTUNG),
    "mittelabruf:ablehnen": (pk("mittelabruf"), NUR_VERWALTUNG),
    "mittelabruf:verwendet": (pk("mittelabruf"), OBJEKT_A_SCHREIBEN),
})


def test_every_url_has_a_row():
    ohne_zeile = sorted(set(_benannte_urls()) - set(MATRIX))
    assert ohne_zeile == [], f"URLs ohne Zeile in der Zugriffsmatrix: {ohne_zeile}"


def test_no_row_without_url():
    assert sorted(set(MATRIX) - set(_benannte_urls())) == []


@pytest.mark.parametrize("url_name", sorted(MATRIX))
def test_access_matrix(url_name, welt, client_als, anonym):
    kwargs_von, erwartet = MATRIX[url_name]
    url = reverse(url_name, kwargs=kwargs_von(welt))
    for persona in PERSONAS:
        user = welt["personas"][persona] or anonym
        response = client_als(user).get(url)
        assert response.status_code == erwartet[persona], f"{url_name} als {persona}: {response.status_code}"
        if response.status_code == 302 and persona == "anonym":
            assert response.url.startswith(reverse("login"))


def test_a_login_without_a_role_is_told_so_on_its_start_page(client_als, ohne_rolle):
    response = client_als(ohne_rolle).get(reverse("start"))
    assert response.status_code == 200
    assert "Ihrem Konto ist noch keine Rolle zugeordnet." in response.content.decode()


def test_a_login_without_a_role_may_sign_out(client_als, ohne_rolle):
    client = client_als(ohne_rolle)
    assert client.post(reverse("logout")).status_code == 302
    assert "Öffentliche Berichte" in client.get(reverse("start")).content.decode()
