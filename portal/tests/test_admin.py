"""Smoke tests of the Django admin: every registered model's pages and list filters answer."""

from datetime import date
from decimal import Decimal

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from simple_history.admin import SimpleHistoryAdmin

from berichte.models import Veroeffentlichungsauftrag

from beteiligung.models import (
    Aufgabe, Beschluss, Gremium, Mitgliedschaft, Sitzung, Taetigkeit, Tagesordnungspunkt, Teilnahme, Thema,
    Themenbewertung,
)
from programme.models import (
    Auszahlung, Bewilligung, Foerderprogramm, Handlungsfeld, Jahresbudget, Programmgebiet, Projekt,
    Verwendungsnachweis, Zielgruppe,
)
from portal.models import Barrieremeldung
from programme.nachweis import Beleg, Nachweisangaben, Nachweissumme, Pruefvermerk
from programme.fristen_models import Erinnerung, Zwischennachweis
from programme.zuwendung import Bescheid, Finanzierungsplan, VorzeitigerBeginn, Zuwendung
from quartiere.models import Einrichtung, Gebiet, Indikator, Indikatorwert, Organisation, Person, Quartiersmanagement

# Money rows change only through the portal's services.
from programme.rueckforderung import Basiszinssatz, Rueckforderung, Rueckzahlung  # noqa: E402

NUR_UEBER_DAS_PORTAL = {Jahresbudget, Bewilligung, Auszahlung, Verwendungsnachweis}
# So do financing plans, types of financing, early starts and notices (grant law).
ZUWENDUNGSRECHT_NUR_LESBAR = {Finanzierungsplan, Zuwendung, VorzeitigerBeginn, Bescheid,
                              Nachweisangaben, Beleg, Nachweissumme, Pruefvermerk}
# Interim proofs change through the portal's services, reminders only through the reminder command.
FRISTEN_NUR_LESBAR = {Zwischennachweis, Erinnerung}
# The login protection writes its own records; the admin only reads and deletes them.
NUR_VON_DER_ANMELDESPERRE = {AccessAttempt, AccessFailureLog, AccessLog}
# The task queue and its publishing orders are written by the portal and its worker, read in the admin.
NUR_VON_DER_WARTESCHLANGE = {DBTaskResult, Veroeffentlichungsauftrag}
# Feedback on barriers comes only through the public form; staff answer it in the admin.
NUR_UEBER_DAS_FORMULAR = {Barrieremeldung}
# Base rates come through their form, reclaims and repayments through their services.
RUECKFORDERUNG_NUR_LESBAR = {Basiszinssatz, Rueckforderung, Rueckzahlung}
PORTALMODELLE = [
    Gebiet, Indikator, Indikatorwert, Organisation, Person, Einrichtung, Quartiersmanagement,
    Foerderprogramm, Programmgebiet, Jahresbudget, Handlungsfeld, Zielgruppe, Projekt, Bewilligung, Auszahlung,
    Verwendungsnachweis,
    Gremium, Mitgliedschaft, Sitzung, Teilnahme, Tagesordnungspunkt, Thema, Themenbewertung, Beschluss, Aufgabe,
    Taetigkeit,
]
MIT_HISTORIE = {Jahresbudget, Projekt, Bewilligung, Auszahlung, Verwendungsnachweis, Beschluss, Sitzung}
REGISTRIERT = sorted(admin.site._registry, key=lambda model: model._meta.label)


def objektgraph(kennung: str) -> dict:
    """One of each portal model, linked as in real data; `kennung` keeps unique names apart."""
    stadt = Gebiet.objects.create(art="stadt", name=f"Stadt {kennung}")
    quartier = Gebiet.objects.create(art="quartier", name=f"Quartier {kennung}", parent=stadt,
                                     besonders_belastet=True, quartierstyp="Großwohnsiedlung")
    indikator = Indikator.objects.create(schluessel=f"sgb2-{kennung}", name=f"SGB-II-Quote {kennung}", einheit="%")
    Indikatorwert.objects.create(indikator=indikator, gebiet=quartier, jahr=2025, wert=Decimal("17.5"))
    traeger = Organisation.objects.create(name=f"Diakonie {kennung}", art="wohlfahrtsverband", stadt=stadt)
    person = Person.objects.create(vorname="Erika", nachname=f"Muster {kennung}", organisation=traeger,
                                   einwilligung_am=date(2025, 3, 1))
    Einrichtung.objects.create(name=f"Quartierszentrum {kennung}", art="quartierszentrum", gebiet=quartier,
                               traeger=traeger)
    qm = Quartiersmanagement.objects.create(gebiet=quartier, traeger=traeger, stellenanteil=Decimal("50"),
                                            beginn=date(2024, 1, 1), befristet_bis=date(2027, 12, 31))
    qm.personen.add(person)

    programm = Foerderprogramm.objects.create(name="Wohnen in Nachbarschaften", kurzname=f"WiN {kennung}",
                                              stadt=stadt, geldgeber="land", zustaendig=traeger,
                                              beginn=date(2024, 1, 1), max_foerderquote=Decimal("50"))
    Programmgebiet.objects.create(programm=programm, gebiet=quartier, beginn=date(2024, 1, 1))
    Jahresbudget.objects.create(programm=programm, jahr=2026, betrag=Decimal("100000"))
    Jahresbudget.objects.create(programm=programm, jahr=2026, gebiet=quartier, betrag=Decimal("20000"))
    handlungsfeld = Handlungsfeld.objects.create(name=f"Gesundheit {kennung}")
    zielgruppe = Zielgruppe.objects.create(name=f"Familien {kennung}")
    projekt = Projekt.objects.create(titel=f"Stadtteilmütter {kennung}", gebiet=quartier, traeger=traeger,
                                     ansprechperson=person, beginn=date(2026, 1, 1), ende=date(2026, 12, 31),
                                     gesamtkosten=Decimal("10000"), eigenmittel=Decimal("5000"), status="bewilligt")
    projekt.handlungsfelder.add(handlungsfeld)
    projekt.zielgruppen.add(zielgruppe)
    bewilligung = Bewilligung.objects.create(projekt=projekt, programm=programm, jahr=2026, gebiet=quartier,
                                             status="bewilligt", betrag_beantragt=Decimal("5000"),
                                             betrag_bewilligt=Decimal("5000"), entschieden_am=date(2026, 2, 1))
    Auszahlung.objects.create(bewilligung=bewilligung, betrag=Decimal("2500"), datum=date(2026, 3, 1))
    Verwendungsnachweis.objects.create(bewilligung=bewilligung, faellig_am=date(2027, 3, 31))

    gremium = Gremium.objects.create(name=f"WiN-Forum {kennung}", art="gebietsforum", gebiet=quartier,
                                     programm=programm)
    Mitgliedschaft.objects.create(gremium=gremium, person=person, organisation=traeger, rolle="vorsitz")
    sitzung = Sitzung.objects.create(gremium=gremium, titel="Forum im Januar", datum=date(2026, 1, 20),
                                     status="dokumentiert", oeffentlich=True)
    Teilnahme.objects.create(sitzung=sitzung, person=person, organisation=traeger)
    top = Tagesordnungspunkt.objects.create(sitzung=sitzung, nummer=1, titel="Anträge")
    thema = Thema.objects.create(gremium=gremium, titel="Spielplatz", handlungsfeld=handlungsfeld,
                                 eingebracht_in=sitzung)
    Themenbewertung.objects.create(thema=thema, sitzung=sitzung, punkte=5, besprochen=True)
    beschluss = Beschluss.objects.create(sitzung=sitzung, tagesordnungspunkt=top, text="Das Forum empfiehlt.",
                                         art="konsens", bewilligung=bewilligung)
    Aufgabe.objects.create(sitzung=sitzung, beschluss=beschluss, text="Antrag weiterleiten", verantwortlich=person,
                           faellig_am=date(2026, 2, 15))
    taetigkeit = Taetigkeit.objects.create(gebiet=quartier, datum=date(2026, 1, 10), titel="Sprechstunde",
                                           handlungsfeld=handlungsfeld, erreichte_personen=12)
    taetigkeit.partner.add(traeger)
    return {"stadt": stadt, "quartier": quartier, "projekt": projekt, "sitzung": sitzung, "bewilligung": bewilligung}


@pytest.fixture
def admin_client_eingeloggt(client, db):
    user = User.objects.create_superuser("admin", "admin@example.org", "geheim-und-lang-genug")
    client.force_login(user)
    return client


def changelist_url(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def test_alle_portalmodelle_sind_registriert():
    fehlend = [model.__name__ for model in PORTALMODELLE if not admin.site.is_registered(model)]
    assert fehlend == []


def test_modelle_mit_historie_zeigen_sie():
    for model in MIT_HISTORIE:
        assert isinstance(admin.site._registry[model], SimpleHistoryAdmin), model.__name__


def test_admin_kopf_ist_deutsch():
    assert admin.site.site_header == "Quartiersportal – Verwaltung"
    assert admin.site.site_title == "Quartiersportal – Verwaltung"


@pytest.mark.parametrize("model", REGISTRIERT, ids=lambda model: model._meta.label)
def test_seiten_und_filter_antworten(admin_client_eingeloggt, model):
    client = admin_client_eingeloggt
    objektgraph("A")
    url = changelist_url(model)

    antwort = client.get(url)
    assert antwort.status_code == 200
    cl = antwort.context["cl"]
    if model in PORTALMODELLE:
        assert cl.result_count > 0, "Der Objektgraph legt für jedes Portalmodell eine Zeile an."

    geprueft = 0
    for spec in cl.filter_specs:
        for choice in spec.choices(cl):
            gefiltert = client.get(url + choice["query_string"])
            assert gefiltert.status_code == 200, (spec.title, choice["query_string"])
            geprueft += 1
    assert geprueft >= len(cl.filter_specs)

    assert client.get(url + "?_facets=True").status_code == 200
    datumsfeld = admin.site._registry[model].date_hierarchy
    if datumsfeld:
        for stufe in ("?{f}__year=2026", "?{f}__year=2026&{f}__month=1"):
            assert client.get(url + stufe.format(f=datumsfeld)).status_code == 200
    assert client.get(url + "?q=Quartier").status_code == 200
    hinzufuegen = client.get(reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")).status_code
    nur_lesen = (NUR_UEBER_DAS_PORTAL | ZUWENDUNGSRECHT_NUR_LESBAR | NUR_VON_DER_ANMELDESPERRE | NUR_VON_DER_WARTESCHLANGE
                 | NUR_UEBER_DAS_FORMULAR | RUECKFORDERUNG_NUR_LESBAR | FRISTEN_NUR_LESBAR)
    assert hinzufuegen == (403 if model in nur_lesen else 200)

    obj = model._default_manager.first()
    if obj is not None:
        change_url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk])
        assert client.get(change_url).status_code == 200


@pytest.mark.parametrize("model", PORTALMODELLE, ids=lambda model: model.__name__)
def test_changelist_abfragen_wachsen_nicht_mit_den_daten(admin_client_eingeloggt, model):
    client = admin_client_eingeloggt
    url = changelist_url(model)
    objektgraph("A")
    with CaptureQueriesContext(connection) as wenige:
        assert client.get(url).status_code == 200
    objektgraph("B")
    objektgraph("C")
    with CaptureQueriesContext(connection) as mehr:
        assert client.get(url).status_code == 200
    assert len(mehr) == len(wenige), [q["sql"] for q in mehr.captured_queries]


def test_ungueltiger_stadtfilter_fuehrt_nicht_zum_fehler(admin_client_eingeloggt):
    objektgraph("A")
    antwort = admin_client_eingeloggt.get(changelist_url(Projekt) + "?stadt=keine-zahl")
    assert antwort.status_code == 302
    assert antwort.url.endswith("?e=1")


def test_stadtfilter_zaehlt_die_stadt_selbst_mit(admin_client_eingeloggt):
    a = objektgraph("A")
    objektgraph("B")
    antwort = admin_client_eingeloggt.get(changelist_url(Gebiet) + f"?stadt={a['stadt'].pk}")
    assert set(antwort.context["cl"].result_list) == {a["stadt"], a["quartier"]}


def test_sitzung_bietet_nur_eigene_tagesordnungspunkte_an(admin_client_eingeloggt):
    a = objektgraph("A")
    objektgraph("B")
    antwort = admin_client_eingeloggt.get(reverse("admin:beteiligung_sitzung_change", args=[a["sitzung"].pk]))
    formset = next(f for f in antwort.context["inline_admin_formsets"] if f.formset.model is Beschluss)
    angeboten = formset.formset.forms[0].fields["tagesordnungspunkt"].queryset
    assert set(angeboten) == set(a["sitzung"].tagesordnungspunkte.all())


def test_betraege_deutsch_und_jahre_ohne_tausenderpunkt(admin_client_eingeloggt):
    objektgraph("A")
    html = admin_client_eingeloggt.get(changelist_url(Bewilligung)).content.decode()
    assert ">2026<" in html
    assert "2.026" not in html
    assert ">5.000,00<" in html
    assert ">2.500,00<" in html


def test_autocomplete_liefert_gebiete(admin_client_eingeloggt):
    a = objektgraph("A")
    antwort = admin_client_eingeloggt.get(
        reverse("admin:autocomplete"),
        {"app_label": "programme", "model_name": "projekt", "field_name": "gebiet", "term": "Quartier"},
    )
    assert antwort.status_code == 200
    assert [r["id"] for r in antwort.json()["results"]] == [str(a["quartier"].pk)]


def test_autocomplete_beachtet_limit_choices_to(admin_client_eingeloggt):
    a = objektgraph("A")
    antwort = admin_client_eingeloggt.get(
        reverse("admin:autocomplete"),
        {"app_label": "programme", "model_name": "foerderprogramm", "field_name": "stadt", "term": "A"},
    )
    assert antwort.status_code == 200
    assert [r["id"] for r in antwort.json()["results"]] == [str(a["stadt"].pk)]


def test_historie_einer_bewilligung(admin_client_eingeloggt):
    a = objektgraph("A")
    antwort = admin_client_eingeloggt.get(
        reverse("admin:programme_bewilligung_history", args=[a["bewilligung"].pk])
    )
    assert antwort.status_code == 200


def test_projekt_anlegen_merkt_sich_wer(admin_client_eingeloggt):
    a = objektgraph("A")
    antwort = admin_client_eingeloggt.post(reverse("admin:programme_projekt_add"), {
        "titel": "Nachbarschaftsgarten",
        "gebiet": a["quartier"].pk,
        "status": "entwurf",
        "beginn": "01.04.2026",
        "ende": "31.10.2026",
        "gesamtkosten": "1000.00",
        "eigenmittel": "0.00",
        "drittmittel": "0.00",
        "bewilligungen-TOTAL_FORMS": "0",
        "bewilligungen-INITIAL_FORMS": "0",
    })
    assert antwort.status_code == 302, antwort.context["adminform"].form.errors
    projekt = Projekt.objects.get(titel="Nachbarschaftsgarten")
    assert projekt.erstellt_von.username == "admin"
    assert projekt.history.count() == 1


@pytest.mark.parametrize("model", sorted(NUR_UEBER_DAS_PORTAL, key=lambda m: m.__name__), ids=lambda m: m.__name__)
def test_geld_ist_im_admin_nur_lesbar(admin_client_eingeloggt, model):
    objektgraph("A")
    obj = model._default_manager.first()
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk])
    seite = admin_client_eingeloggt.get(url)
    assert seite.status_code == 200
    assert 'name="_save"' not in seite.content.decode()
    assert admin_client_eingeloggt.post(url, {}).status_code == 403
