"""The record of processing activities (Art. 30 GDPR): generated from the data model, staff only, and
the published documents that still name an anonymised person until a corrected version replaces them."""

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.files.storage import default_storage
from django.urls import reverse

from berichte import services as berichte_services
from beteiligung import services
from beteiligung.models import Sitzung
from portal.verarbeitungsverzeichnis import tabellen
from quartiere.models import Person
from testhilfen.beteiligung import GremiumFactory, SitzungFactory
from testhilfen.pdftext import text_aus_pdf
from testhilfen.quartiere import PersonFactory


@pytest.mark.parametrize(("persona", "status"), [("verwaltung", 200), ("qm_a", 403), ("rat", 403), ("anonym", 302)])
def test_only_staff_see_the_record(request, client_als, persona, status):
    antwort = client_als(request.getfixturevalue(persona)).get(reverse("verarbeitungsverzeichnis"))
    assert antwort.status_code == status


def test_every_table_linked_to_a_person_or_login_is_in_the_record(client_als, verwaltung):
    erwartet = {str(m._meta.verbose_name_plural) for m in apps.get_models()
                if not m.__name__.startswith("Historical")
                and any(f.is_relation and f.related_model in (Person, User) for f in m._meta.get_fields()
                        if f.concrete or f.many_to_many)}
    gelistet = {t.name for t in tabellen()}
    assert erwartet <= gelistet and {"Personen", "Teilnahmen", "Benutzer", "Logeinträge"} <= gelistet
    seite = client_als(verwaltung).get(reverse("verarbeitungsverzeichnis")).content.decode()
    assert "Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)" in seite
    assert "quartiere_person" in seite and "Nachname" in seite and "Aufbewahrung" in seite


def test_a_document_naming_an_anonymised_person_is_listed_until_corrected(client_als, verwaltung, gebiet_a):
    autorin = PersonFactory(vorname="Heike", nachname="Eulenfeld", ist_verwaltung=True)
    sitzung = SitzungFactory(gremium=GremiumFactory(gebiet=gebiet_a), teilnehmendenzahl=12,
                             zusammenfassung="Gute Stimmung.")
    services.sitzung_status_setzen(sitzung=sitzung, status=Sitzung.Status.DURCHGEFUEHRT, durch=verwaltung)
    services.sitzung_status_setzen(sitzung=sitzung, status=Sitzung.Status.DOKUMENTIERT, durch=verwaltung,
                                   verfasst_von=autorin)
    bericht = berichte_services.bericht_veroeffentlichen(art="sitzungsdokumentation",
                                                         parameter={"sitzung": sitzung.pk}, oeffentlich=False,
                                                         durch=verwaltung)
    assert "Heike Eulenfeld" in text_aus_pdf(default_storage.open(bericht.datei.name).read())
    client = client_als(verwaltung)
    assert "Kein veröffentlichtes Dokument nennt" in client.get(reverse("verarbeitungsverzeichnis")).content.decode()

    services.person_anonymisieren(person=autorin, durch=verwaltung)
    seite = client.get(reverse("verarbeitungsverzeichnis")).content.decode()
    assert f"Nr. {bericht.nummer}" in seite and reverse("berichte:bericht", args=[bericht.pk]) in seite

    neu = berichte_services.bericht_korrigieren(bericht=bericht, durch=verwaltung)
    assert "Eulenfeld" not in text_aus_pdf(default_storage.open(neu.datei.name).read())
    assert "Kein veröffentlichtes Dokument nennt" in client.get(reverse("verarbeitungsverzeichnis")).content.decode()
