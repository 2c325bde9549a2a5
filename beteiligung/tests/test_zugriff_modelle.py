"""sichtbar_fuer / bearbeitbar_fuer of the participation models and the kann_ functions, persona by persona."""

import pytest

from beteiligung import permissions
from beteiligung.models import (
    Aufgabe,
    Beschluss,
    Gremium,
    Mitgliedschaft,
    Sitzung,
    Taetigkeit,
    Tagesordnungspunkt,
    Teilnahme,
    Thema,
    Themenbewertung,
)
from testhilfen.beteiligung import (
    AufgabeFactory,
    BeschlussFactory,
    GremiumFactory,
    MitgliedschaftFactory,
    SitzungFactory,
    TaetigkeitFactory,
    TagesordnungspunktFactory,
    TeilnahmeFactory,
    ThemenbewertungFactory,
)
from quartiere.models import Person
from testhilfen.zugriff import IM_GEBIET, PERSONAS, antwort, je_modell

pytestmark = pytest.mark.django_db


def _im_gebiet(gebiet) -> dict:
    gremium = GremiumFactory(gebiet=gebiet, art=Gremium.Art.GEBIETSFORUM)
    sitzung = SitzungFactory(gremium=gremium)
    bewertung = ThemenbewertungFactory(thema__gremium=gremium, sitzung=sitzung)
    return {
        Gremium: gremium, Mitgliedschaft: MitgliedschaftFactory(gremium=gremium), Sitzung: sitzung,
        Teilnahme: TeilnahmeFactory(sitzung=sitzung), Tagesordnungspunkt: TagesordnungspunktFactory(sitzung=sitzung),
        Thema: bewertung.thema, Themenbewertung: bewertung, Beschluss: BeschlussFactory(sitzung=sitzung),
        Aufgabe: AufgabeFactory(sitzung=sitzung), Taetigkeit: TaetigkeitFactory(gebiet=gebiet),
    }


@pytest.fixture
def zeilen(gebiet_a, gebiet_b, qm_a, qm_b):
    return je_modell(_im_gebiet(gebiet_a), _im_gebiet(gebiet_b))


@pytest.mark.parametrize("modell", [Gremium, Mitgliedschaft, Sitzung, Teilnahme, Tagesordnungspunkt, Thema,
                                    Themenbewertung, Beschluss, Aufgabe, Taetigkeit], ids=lambda m: m.__name__)
@pytest.mark.parametrize("persona", PERSONAS)
def test_sichtbar_und_bearbeitbar(request, zeilen, modell, persona):
    assert antwort(zeilen[modell], request.getfixturevalue(persona)) == IM_GEBIET[persona]


def test_eine_aufgabe_anderswo_sieht_wer_fuer_sie_verantwortlich_ist(zeilen, qm_a):
    aufgabe_b = zeilen[Aufgabe]["B"]
    aufgabe_b.verantwortlich = Person.objects.get(user=qm_a)
    aufgabe_b.save()
    assert set(Aufgabe.objects.sichtbar_fuer(qm_a)) == {zeilen[Aufgabe]["A"], aufgabe_b}
    assert set(Aufgabe.objects.aus_sichtbaren_sitzungen(qm_a)) == {zeilen[Aufgabe]["A"]}
    assert set(Aufgabe.objects.bearbeitbar_fuer(qm_a)) == {zeilen[Aufgabe]["A"]}


# persona -> (see names and the action items, change body A, decide on funding in forum A, manage personal data)
GREMIUM_A = {"verwaltung": (True, True, True, True), "rat": (False, False, False, False),
             "qm_a": (True, True, False, False), "qm_b": (True, False, False, False),
             "ohne_rolle": (False, False, False, False), "anonym": (False, False, False, False)}


@pytest.mark.parametrize("persona", PERSONAS)
def test_permissions(request, persona, zeilen):
    user = request.getfixturevalue(persona)
    gremium = zeilen[Gremium]["A"]
    assert permissions.kann_namen_sehen(user) is permissions.kann_aufgaben_sehen(user)
    assert (permissions.kann_aufgaben_sehen(user), permissions.kann_gremium_bearbeiten(user, gremium),
            permissions.kann_foerderung_beschliessen(user, gremium),
            permissions.kann_personendaten_verwalten(user)) == GREMIUM_A[persona]


def test_foerderung_beschliessen_nur_gebietsforen(verwaltung, gebiet_a):
    assert not permissions.kann_foerderung_beschliessen(verwaltung, GremiumFactory(gebiet=gebiet_a,
                                                                                   art=Gremium.Art.BEIRAT))
