"""sichtbar_fuer / bearbeitbar_fuer of the programme models and the kann_ functions, persona by persona."""

import pytest

from programme import permissions
from programme.models import (
    Auszahlung,
    Bewilligung,
    Foerderprogramm,
    Handlungsfeld,
    Jahresbudget,
    Programmgebiet,
    Projekt,
    Verwendungsnachweis,
    Zielgruppe,
)
from testhilfen.programme import (
    AuszahlungFactory,
    BewilligungFactory,
    FoerderprogrammFactory,
    HandlungsfeldFactory,
    JahresbudgetFactory,
    ProgrammgebietFactory,
    ProjektFactory,
    VerwendungsnachweisFactory,
    ZielgruppeFactory,
)
from testhilfen.zugriff import IM_GEBIET, OHNE_GEBIET, PERSONAS, antwort, je_modell

pytestmark = pytest.mark.django_db


def _im_gebiet(gebiet) -> dict:
    programm = FoerderprogrammFactory(stadt=gebiet.stadt)
    bewilligung = BewilligungFactory(bewilligt=True, projekt=ProjektFactory(gebiet=gebiet, bewilligt=True),
                                     programm=programm, gebiet=gebiet)
    return {
        Foerderprogramm: programm, Handlungsfeld: HandlungsfeldFactory(), Zielgruppe: ZielgruppeFactory(),
        Programmgebiet: ProgrammgebietFactory(programm=programm, gebiet=gebiet),
        Jahresbudget: JahresbudgetFactory(programm=programm, gebiet=gebiet),
        Projekt: bewilligung.projekt, Bewilligung: bewilligung,
        Auszahlung: AuszahlungFactory(bewilligung=bewilligung),
        Verwendungsnachweis: VerwendungsnachweisFactory(bewilligung=bewilligung),
    }


@pytest.fixture
def zeilen(gebiet_a, gebiet_b, qm_a, qm_b):
    return je_modell(_im_gebiet(gebiet_a), _im_gebiet(gebiet_b))


ERWARTET = {Foerderprogramm: OHNE_GEBIET, Handlungsfeld: OHNE_GEBIET, Zielgruppe: OHNE_GEBIET,
            **{m: IM_GEBIET for m in (Programmgebiet, Jahresbudget, Projekt, Bewilligung, Auszahlung,
                                      Verwendungsnachweis)}}


@pytest.mark.parametrize("modell", ERWARTET, ids=lambda m: m.__name__)
@pytest.mark.parametrize("persona", PERSONAS)
def test_sichtbar_und_bearbeitbar(request, zeilen, modell, persona):
    assert antwort(zeilen[modell], request.getfixturevalue(persona)) == ERWARTET[modell][persona]


@pytest.mark.parametrize(("persona", "sichtbar"), [(p, p in ("verwaltung", "rat")) for p in PERSONAS])
def test_das_gesamtbudget_eines_programms_sehen_verwaltung_und_rat(request, persona, sichtbar, qm_a):
    gesamt = JahresbudgetFactory()
    assert Jahresbudget.objects.sichtbar_fuer(request.getfixturevalue(persona)).filter(pk=gesamt.pk).exists() \
        is sichtbar


# persona -> (change project A, record projects, step by hand of A, step of A that only a grant makes)
PROJEKT_A = {"verwaltung": (True, True, True, False), "rat": (False, False, False, False),
             "qm_a": (True, True, True, False), "qm_b": (False, True, False, False),
             "ohne_rolle": (False, False, False, False), "anonym": (False, False, False, False)}


@pytest.mark.parametrize("persona", PERSONAS)
def test_permissions_fuer_projekte(request, persona, gebiet_a, qm_a, qm_b):
    user = request.getfixturevalue(persona)
    projekt = ProjektFactory(gebiet=gebiet_a, beantragt=True)
    assert (permissions.kann_projekt_bearbeiten(user, projekt), permissions.kann_projekte_erfassen(user),
            permissions.kann_status_setzen(user, projekt, Projekt.Status.ENTWURF),
            permissions.kann_status_setzen(user, projekt, Projekt.Status.BEWILLIGT)) == PROJEKT_A[persona]


@pytest.mark.parametrize("kann", [permissions.kann_bewilligen, permissions.kann_auszahlen,
                                  permissions.kann_nachweise_pruefen, permissions.kann_budget_festlegen,
                                  permissions.kann_historie_sehen], ids=lambda f: f.__name__)
@pytest.mark.parametrize("persona", PERSONAS)
def test_permissions_nur_fuer_die_verwaltung(request, kann, persona, qm_a):
    assert kann(request.getfixturevalue(persona)) is (persona == "verwaltung")
