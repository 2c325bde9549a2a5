"""The accessibility statement is kept by staff in the portal: state of conformity, known gaps and the
day of the last check are data with a history, shown on the public page; nobody else may change them."""

import datetime as dt

import pytest
from django.urls import reverse

from kern.zeit import heute
from portal.erklaerung import STANDARD_MAENGEL
from portal.models import Barrierefreiheitserklaerung, BekannterMangel

pytestmark = pytest.mark.django_db


def _formular(client) -> dict:
    """The edit form as the browser would send it unchanged."""
    antwort = client.get(reverse("barrierefreiheit_bearbeiten"))
    assert antwort.status_code == 200
    form, maengel = antwort.context["form"], antwort.context["maengel"]
    daten = {"vereinbarkeit": form.instance.vereinbarkeit, "erlaeuterung": form.instance.erlaeuterung,
             "geprueft_am": form.instance.geprueft_am.strftime("%d.%m.%Y")}
    for name, feld in maengel.management_form.fields.items():
        daten[f"mangel-{name}"] = maengel.management_form[name].value()
    for f in maengel:
        for name in ("id", "titel", "beschreibung", "alternative", "reihenfolge"):
            wert = f[name].value()
            daten[f"{f.prefix}-{name}"] = "" if wert is None else wert
        daten[f"{f.prefix}-erklaerung"] = form.instance.pk or ""
    return daten


def test_the_public_page_shows_the_shipped_statement_until_staff_save_one(client):
    html = client.get(reverse("barrierefreiheit")).content.decode()
    assert "<strong>teilweise vereinbar</strong>" in html and "zuletzt am 01.12.2026 überprüft" in html
    assert all(m.titel in html for m in STANDARD_MAENGEL)
    assert "Erklärung bearbeiten" not in html and not Barrierefreiheitserklaerung.objects.exists()


def test_staff_change_state_gaps_and_date_and_the_public_page_shows_them_with_history(client_als, verwaltung,
                                                                                      client):
    amt = client_als(verwaltung)
    assert "Erklärung bearbeiten" in amt.get(reverse("barrierefreiheit")).content.decode()
    # The first save stores the shipped statement as it stands.
    antwort = amt.post(reverse("barrierefreiheit_bearbeiten"), _formular(amt))
    assert antwort.status_code == 302
    erklaerung = Barrierefreiheitserklaerung.objects.get()
    assert [m.titel for m in erklaerung.maengel.all()] == [m.titel for m in STANDARD_MAENGEL]
    daten = _formular(amt)
    karte = BekannterMangel.objects.get(erklaerung=erklaerung, titel="Karte der Gebiete")
    gestern = heute() - dt.timedelta(days=1)
    daten.update({"vereinbarkeit": "vollstaendig", "erlaeuterung": "Alle Seiten sind geprüft.",
                  "geprueft_am": gestern.strftime("%d.%m.%Y")})
    for schluessel, wert in list(daten.items()):
        if schluessel.endswith("-id") and wert == karte.pk:
            daten[schluessel.replace("-id", "-DELETE")] = "on"
    neu = next(k.removesuffix("-titel") for k, v in daten.items() if k.endswith("-titel") and v == "")
    daten.update({f"{neu}-titel": "Videos", f"{neu}-beschreibung": "Zwei Erklärvideos haben noch keine Untertitel.",
                  f"{neu}-alternative": "Der Text der Videos steht darunter.", f"{neu}-reihenfolge": "9"})

    antwort = amt.post(reverse("barrierefreiheit_bearbeiten"), daten)
    assert antwort.status_code == 302 and antwort.url == reverse("barrierefreiheit")

    html = client.get(reverse("barrierefreiheit")).content.decode()
    assert "<strong>vollständig vereinbar</strong>" in html and "Alle Seiten sind geprüft." in html
    assert f"zuletzt am {gestern:%d.%m.%Y} überprüft" in html
    assert "Videos:</strong> Zwei Erklärvideos haben noch keine Untertitel. Alternative: Der Text" in html
    assert "Karte der Gebiete" not in html and "Diagramme" in html
    erklaerung.refresh_from_db()
    assert erklaerung.bearbeitet_von == verwaltung
    fassungen = list(erklaerung.history.order_by("history_date"))
    assert [f.vereinbarkeit for f in fassungen] == ["teilweise", "vollstaendig"]
    assert fassungen[-1].history_user == verwaltung
    assert BekannterMangel.history.filter(titel="Karte der Gebiete", history_type="-").exists()
    seite = amt.get(reverse("barrierefreiheit_bearbeiten")).content.decode()
    assert "vollständig vereinbar, geprüft am" in seite and "teilweise vereinbar, geprüft am 01.12.2026" in seite


def test_opening_the_form_stores_nothing(client_als, verwaltung):
    assert client_als(verwaltung).get(reverse("barrierefreiheit_bearbeiten")).status_code == 200
    assert not Barrierefreiheitserklaerung.objects.exists() and not BekannterMangel.objects.exists()


def test_a_date_in_the_future_is_refused_and_nothing_changes(client_als, verwaltung):
    amt = client_als(verwaltung)
    amt.post(reverse("barrierefreiheit_bearbeiten"), _formular(amt))
    daten = _formular(amt)
    daten.update({"vereinbarkeit": "nicht", "geprueft_am": (heute() + dt.timedelta(days=3)).strftime("%d.%m.%Y")})
    antwort = amt.post(reverse("barrierefreiheit_bearbeiten"), daten)
    assert antwort.status_code == 200
    html = antwort.content.decode()
    assert "<title>Fehler:" in html and "Das Datum der Prüfung kann nicht in der Zukunft liegen." in html
    assert Barrierefreiheitserklaerung.objects.get().vereinbarkeit == "teilweise"


@pytest.mark.parametrize(("persona", "status"), [("anonym", 302), ("ohne_rolle", 403), ("rat", 403), ("qm_a", 403)])
def test_only_staff_edit_the_statement(request, client_als, persona, status):
    client = client_als(request.getfixturevalue(persona))
    assert client.get(reverse("barrierefreiheit_bearbeiten")).status_code == status
    assert client.post(reverse("barrierefreiheit_bearbeiten"), {"vereinbarkeit": "nicht"}).status_code == status
    assert not Barrierefreiheitserklaerung.objects.exists()
