"""Council papers as cities write them: kind and visibility in the header, the city's coat of arms, and the
co-signatures of the departments named on the paper, which come before publishing."""

import datetime as dt
import io

import pypdf
import pytest
from django.core.exceptions import ValidationError
from PIL import Image
from django.core.files.base import ContentFile
from django.urls import reverse

from berichte import arten, pdf, services
from berichte.fehler import MitzeichnungAbgelehnt, VeroeffentlichungAbgelehnt
from berichte.models import Bericht, Berichtsart, Mitzeichnung, Ratsvorlage
from quartiere.models import WAPPEN_UNGUELTIG, Organisation, Person
from testhilfen.berichte import MitzeichnungFactory, RatsvorlageFactory
from testhilfen.pdftext import text_aus_pdf
from testhilfen.quartiere import OrganisationFactory, StadtFactory

pytestmark = pytest.mark.django_db

WAPPEN = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 48"><path d="M2 2h36v22c0 12-9 19-18 22'
          b'C11 43 2 36 2 24z" fill="#ccc" stroke="#555"/></svg>')


@pytest.fixture
def vorlage(stadt):
    return RatsvorlageFactory(stadt=stadt, betreff="Sozialbericht 2026",
                              vorlagenart=Ratsvorlage.Vorlagenart.MITTEILUNGSVORLAGE)


@pytest.fixture
def amt(stadt):
    return OrganisationFactory(name="Fachbereich Kinder und Jugend", kurzname="FB 51", art=Organisation.Art.AMT,
                               stadt=stadt)


def _im_amt(user, organisation, vorname="Patrick", nachname="Schürmann"):
    Person.objects.update_or_create(user=user, defaults={"organisation": organisation, "vorname": vorname,
                                                         "nachname": nachname})
    return user


def _veroeffentlichen(vorlage, durch, oeffentlich=True):
    return services.bericht_veroeffentlichen(art=Berichtsart.RATSVORLAGE, parameter={"vorlage": vorlage.pk},
                                             oeffentlich=oeffentlich, durch=durch, datum=dt.date(2026, 3, 2))


def test_publishing_is_refused_until_every_named_department_has_co_signed(vorlage, amt, verwaltung, monkeypatch,
                                                                         client_als):
    monkeypatch.setattr(services, "heute", lambda: dt.date(2026, 3, 1))
    zweites = OrganisationFactory(name="Fachbereich Stadtplanung", art=Organisation.Art.AMT, stadt=vorlage.stadt)
    offen = MitzeichnungFactory(vorlage=vorlage, organisation=amt)
    MitzeichnungFactory(vorlage=vorlage, organisation=zweites, gezeichnet_am=dt.date(2026, 2, 27),
                        gezeichnet_name="Jana Kolbe")
    with pytest.raises(VeroeffentlichungAbgelehnt) as abgelehnt:
        _veroeffentlichen(vorlage, verwaltung)
    assert abgelehnt.value.meldung == services.MITZEICHNUNG_FEHLT.format(aemter="Fachbereich Kinder und Jugend")
    assert not Bericht.objects.exists()

    services.ratsvorlage_mitzeichnen(mitzeichnung=offen, durch=_im_amt(verwaltung, amt))
    assert "2 von 2" in client_als(verwaltung).get(reverse("berichte:vorlagen")).content.decode()
    offen.refresh_from_db()
    assert (offen.gezeichnet_name, offen.gezeichnet_am, offen.gezeichnet_von) == (
        "Patrick Schürmann", dt.date(2026, 3, 1), verwaltung)
    bericht = _veroeffentlichen(vorlage, verwaltung)
    with bericht.datei.open("rb") as datei:
        text = text_aus_pdf(datei.read())
    assert "Mitzeichnung:" in text and "Mitteilungsvorlage" in text
    assert "Fachbereich Kinder und Jugend Patrick Schürmann 01.03.2026" in text.splitlines()
    assert "Fachbereich Stadtplanung Jana Kolbe 27.02.2026" in text.splitlines()


def test_publishing_without_co_signature_through_the_page_says_why(client_als, verwaltung, vorlage, amt):
    MitzeichnungFactory(vorlage=vorlage, organisation=amt)
    antwort = client_als(verwaltung).post(reverse("berichte:veroeffentlichen", args=["ratsvorlage"]),
                                          {"vorlage": vorlage.pk, "oeffentlich": "on"}, follow=True)
    assert "noch nicht von allen genannten Ämtern mitgezeichnet" in antwort.content.decode()
    assert not Bericht.objects.exists()


def test_only_a_person_of_the_department_co_signs_and_only_once(vorlage, amt, verwaltung, django_user_model):
    mitzeichnung = MitzeichnungFactory(vorlage=vorlage, organisation=amt)
    with pytest.raises(MitzeichnungAbgelehnt) as ohne_person:
        services.ratsvorlage_mitzeichnen(mitzeichnung=mitzeichnung, durch=verwaltung)
    assert ohne_person.value.meldung == services.NICHT_IM_AMT.format(amt="Fachbereich Kinder und Jugend")
    anderes_amt = OrganisationFactory(art=Organisation.Art.AMT, stadt=vorlage.stadt)
    with pytest.raises(MitzeichnungAbgelehnt):
        services.ratsvorlage_mitzeichnen(mitzeichnung=mitzeichnung, durch=_im_amt(verwaltung, anderes_amt))
    assert services.NICHT_IM_AMT.startswith("Mitzeichnen kann nur")
    assert not Mitzeichnung.objects.get().gezeichnet

    # A person of a unit below the department signs for it.
    abteilung = OrganisationFactory(art=Organisation.Art.AMT, stadt=vorlage.stadt, parent=amt)
    kollegin = _im_amt(django_user_model.objects.create_user("kollegin"), abteilung, "Eva", "Roth")
    services.ratsvorlage_mitzeichnen(mitzeichnung=mitzeichnung, durch=kollegin)
    with pytest.raises(MitzeichnungAbgelehnt) as doppelt:
        services.ratsvorlage_mitzeichnen(mitzeichnung=mitzeichnung, durch=kollegin)
    assert "schon am" in doppelt.value.meldung and Mitzeichnung.objects.get().gezeichnet_name == "Eva Roth"


@pytest.mark.parametrize("persona, status", [("verwaltung", 302), ("rat", 403), ("qm_a", 403)])
def test_the_co_sign_button_per_role(request, client_als, vorlage, amt, persona, status):
    user = request.getfixturevalue(persona)
    _im_amt(user, amt)
    mitzeichnung = MitzeichnungFactory(vorlage=vorlage, organisation=amt)
    client = client_als(user)
    antwort = client.post(reverse("berichte:mitzeichnen", args=[mitzeichnung.pk]))
    assert antwort.status_code == status
    mitzeichnung.refresh_from_db()
    assert mitzeichnung.gezeichnet is (status == 302)
    assert client.get(reverse("berichte:mitzeichnen", args=[mitzeichnung.pk])).status_code in (403, 405)
    if status == 302:
        seite = client.get(antwort.url).content.decode()
        assert "mitgezeichnet von Patrick Schürmann" in seite


def test_naming_departments_on_the_paper_and_a_changed_text_needs_new_co_signatures(client_als, verwaltung,
                                                                                     vorlage, amt):
    fremd = OrganisationFactory(art=Organisation.Art.AMT, stadt=StadtFactory(), name="Amt einer anderen Stadt")
    client = client_als(verwaltung)
    formular = client.get(reverse("berichte:vorlage_bearbeiten", args=[vorlage.pk])).context["form"]
    daten = {name: wert for name, wert in formular.initial.items() if wert is not None and name != "mitzeichnende"}
    daten.update({"datum": "20.11.2019", "programm": "", "haushaltsjahr": "", "beratung-TOTAL_FORMS": "0",
                  "beratung-INITIAL_FORMS": "0", "beratung-MIN_NUM_FORMS": "0", "beratung-MAX_NUM_FORMS": "1000"})
    adresse = reverse("berichte:vorlage_bearbeiten", args=[vorlage.pk])
    abgelehnt = client.post(adresse, {**daten, "mitzeichnende": [amt.pk, fremd.pk]})
    assert abgelehnt.status_code == 200
    assert "Amt einer anderen Stadt" in abgelehnt.context["form"].errors["mitzeichnende"][0]
    assert client.post(adresse, {**daten, "mitzeichnende": [amt.pk]}).status_code == 302
    assert [m.organisation for m in vorlage.mitzeichnungen.all()] == [amt]

    vorlage.mitzeichnungen.update(gezeichnet_am=dt.date(2026, 3, 1), gezeichnet_name="Patrick Schürmann")
    client.post(adresse, {**daten, "mitzeichnende": [amt.pk]})
    assert vorlage.mitzeichnungen.get().gezeichnet
    client.post(adresse, {**daten, "mitzeichnende": [amt.pk], "beschlussentwurf": "Der Rat beschließt anders."})
    assert not vorlage.mitzeichnungen.get().gezeichnet


def test_a_non_public_paper_is_never_published_as_public(vorlage, verwaltung):
    Ratsvorlage.objects.filter(pk=vorlage.pk).update(oeffentlich=False)
    with pytest.raises(VeroeffentlichungAbgelehnt) as abgelehnt:
        _veroeffentlichen(vorlage, verwaltung)
    assert abgelehnt.value.meldung == services.VORLAGE_NICHTOEFFENTLICH
    bericht = _veroeffentlichen(vorlage, verwaltung, oeffentlich=False)
    with bericht.datei.open("rb") as datei:
        text = text_aus_pdf(datei.read())
    assert "nichtöffentlich" in text.split("Betreff:")[0]


def _png() -> bytes:
    puffer = io.BytesIO()
    Image.new("RGB", (40, 48), "#8a1538").save(puffer, "PNG")
    return puffer.getvalue()


def test_the_header_shows_kind_visibility_and_the_coat_of_arms(vorlage, verwaltung, stadt):
    bericht = _veroeffentlichen(vorlage, verwaltung)
    with bericht.datei.open("rb") as datei:
        ohne = datei.read()
    assert not pypdf.PdfReader(io.BytesIO(ohne)).pages[0]["/Resources"].get("/XObject")
    stadt.wappen.save("wappen.png", ContentFile(_png()))
    bericht = services.bericht_korrigieren(bericht=bericht, durch=verwaltung)
    with bericht.datei.open("rb") as datei:
        daten = datei.read()
    kopf = text_aus_pdf(daten).split("Betreff:")[0]
    assert "Mitteilungsvorlage" in kopf and "öffentlich" in kopf and "Stadt Musterstadt" in kopf
    bilder = pypdf.PdfReader(io.BytesIO(daten)).pages[0].images
    assert len(bilder) == 1 and bilder[0].image.size == (40, 48)


def test_an_svg_coat_of_arms_is_drawn_in_every_kind_of_document(stadt):
    stadt.wappen.save("wappen.svg", ContentFile(WAPPEN))
    inhalt = arten.inhalt_fuer("sozialbericht", {"stadt": stadt.pk, "jahr": 2026})
    html = pdf.html_rendern(inhalt)
    assert '<img class="wappen" src="data:image/svg+xml;base64,' in html
    assert 'alt="Wappen der Stadt Musterstadt"' in html
    assert pdf.pdf_rendern(html).seiten >= 1


def test_an_upload_that_is_no_image_is_refused(stadt):
    stadt.wappen = ContentFile(b"MZ\x90\x00 kein Bild", name="wappen.png")
    with pytest.raises(ValidationError) as fehler:
        stadt.full_clean()
    assert fehler.value.message_dict["wappen"] == [WAPPEN_UNGUELTIG]
