"""sichtbar_fuer / bearbeitbar_fuer of the area models, persona by persona."""

import pytest
from django.contrib.auth.models import User

from kern.rollen import Rolle
from quartiere.models import Einrichtung, Gebiet, Person, Quartiersmanagement
from quartiere.permissions import (
    kann_gebietsarbeit_sehen,
    kann_im_gebiet_arbeiten,
    kann_indikatoren_importieren,
    kann_sozialindex_einstellen,
)
from testhilfen.quartiere import EinrichtungFactory, GebietFactory, PersonFactory, QuartiersmanagementFactory
from quartiere.zugriff import eigene_gebiet_ids
from testhilfen.konten import UserFactory
from testhilfen.zugriff import ALLE_ROLLEN_LESEN, IM_GEBIET, OHNE_GEBIET, PERSONAS, antwort

pytestmark = pytest.mark.django_db


@pytest.fixture
def zeilen(gebiet_a, gebiet_b, qm_a, qm_b):
    a, b = gebiet_a, gebiet_b
    return {
        Gebiet: {"A": a, "B": b},
        Person: {"A": PersonFactory(), "B": PersonFactory()},
        Einrichtung: {"A": EinrichtungFactory(gebiet=a), "B": EinrichtungFactory(gebiet=b)},
        # The managers' own positions are rows of their areas as well.
        Quartiersmanagement: {"A": Quartiersmanagement.objects.get(gebiet=a),
                              "B": QuartiersmanagementFactory(gebiet=b)},
    }


ERWARTET = {Gebiet: OHNE_GEBIET, Person: OHNE_GEBIET, Einrichtung: ALLE_ROLLEN_LESEN,
            Quartiersmanagement: IM_GEBIET}


@pytest.mark.parametrize("modell", ERWARTET, ids=lambda m: m.__name__)
@pytest.mark.parametrize("persona", PERSONAS)
def test_sichtbar_und_bearbeitbar(request, zeilen, modell, persona):
    assert antwort(zeilen[modell], request.getfixturevalue(persona)) == ERWARTET[modell][persona]


@pytest.mark.parametrize("persona", PERSONAS)
def test_arbeitsgebiete_folgen_der_schreibregel(request, zeilen, persona, stadt):
    user = request.getfixturevalue(persona)
    namen = {z.pk: n for n, z in zeilen[Gebiet].items()}
    sichtbar = {namen[g.pk] for g in Gebiet.objects.filter(pk__in=namen).arbeit_sichtbar_fuer(user)}
    arbeit = {namen[g.pk] for g in Gebiet.objects.arbeitsgebiete_fuer(user) if g.pk in namen}
    assert (sichtbar, arbeit) == (set(IM_GEBIET[persona][0]), set(IM_GEBIET[persona][1]))
    assert stadt not in Gebiet.objects.arbeitsgebiete_fuer(user)


def test_eigene_gebiete_ueber_alle_ebenen_in_einer_baumabfrage(gruppen, stadt, django_assert_num_queries):
    bezirk = GebietFactory(parent=stadt, art=Gebiet.Art.STADTBEZIRK)
    ebene = bezirk
    for art in (Gebiet.Art.STADTTEIL, Gebiet.Art.ORTSTEIL, Gebiet.Art.QUARTIER):
        ebene = GebietFactory(parent=ebene, art=art)
    user = UserFactory(gruppe=Rolle.QUARTIERSMANAGEMENT)
    QuartiersmanagementFactory(gebiet=bezirk, personen=[PersonFactory(user=user)])
    frisch = User.objects.get(pk=user.pk)
    # The groups, the running positions, the tree below them; then the answer is kept.
    with django_assert_num_queries(3):
        assert len(eigene_gebiet_ids(frisch)) == 4
        eigene_gebiet_ids(frisch)


# persona -> (may work in A, may see the work of A)
IM_GEBIET_A = {"verwaltung": (True, True), "rat": (False, True), "qm_a": (True, True), "qm_b": (False, False),
               "ohne_rolle": (False, False), "anonym": (False, False)}


@pytest.mark.parametrize("persona", PERSONAS)
def test_permissions_im_gebiet(request, persona, gebiet_a, qm_a, qm_b):
    user = request.getfixturevalue(persona)
    assert (kann_im_gebiet_arbeiten(user, gebiet_a), kann_gebietsarbeit_sehen(user, gebiet_a)) == IM_GEBIET_A[persona]


@pytest.mark.parametrize(("persona", "erlaubt"), [(p, p == "verwaltung") for p in PERSONAS])
def test_permissions_nur_fuer_die_verwaltung(request, persona, erlaubt):
    user = request.getfixturevalue(persona)
    assert kann_indikatoren_importieren(user) is erlaubt
    assert kann_sozialindex_einstellen(user) is erlaubt
