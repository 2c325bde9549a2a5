import csv
import io

import pytest
from django.urls import reverse

from testhilfen.programme import ProjektFactory
from quartiere.models import Einrichtung, Organisation
from testhilfen.quartiere import EinrichtungFactory, GebietFactory, OrganisationFactory


def test_organisations_filtered_by_kind_and_text(client_als, stadt, verwaltung):
    awo = OrganisationFactory(name="AWO Kreisverband", art=Organisation.Art.WOHLFAHRTSVERBAND, stadt=stadt)
    OrganisationFactory(name="Sportverein Blau-Weiß", art=Organisation.Art.VEREIN, stadt=stadt)
    ProjektFactory(traeger=awo, gebiet=GebietFactory(parent=stadt))
    response = client_als(verwaltung).get(reverse("akteure:organisationen"),
                                          {"art": "wohlfahrtsverband", "q": "awo"})
    assert [o.name for o in response.context["zeilen"]] == ["AWO Kreisverband"]
    assert response.context["zeilen"][0].anzahl_projekte == 1


def test_facilities_filtered_by_status_and_area_and_exported(client_als, gebiet_a, gebiet_b, qm_b):
    EinrichtungFactory(name="Quartierszentrum Huckelriede", gebiet=gebiet_a, status=Einrichtung.Status.VERSTETIGT)
    EinrichtungFactory(name="Jugendtreff", gebiet=gebiet_b, status=Einrichtung.Status.GEPLANT)
    client = client_als(qm_b)
    response = client.get(reverse("akteure:einrichtungen"), {"status": "verstetigt", "gebiet": gebiet_a.pk})
    assert [e.name for e in response.context["zeilen"]] == ["Quartierszentrum Huckelriede"]
    export = client.get(reverse("akteure:einrichtungen"), {"status": "verstetigt", "format": "csv"})
    zeilen = list(csv.reader(io.StringIO(export.content.decode("utf-8")[1:]), delimiter=";"))
    assert zeilen[0][:2] == ["Name", "Art"]
    assert [z[0] for z in zeilen[1:]] == ["Quartierszentrum Huckelriede"]


@pytest.mark.parametrize("anzahl", [10, 200])
def test_lists_have_fixed_query_counts(client_als, stadt, verwaltung, anzahl, django_assert_max_num_queries):
    gebiet = GebietFactory(parent=stadt)
    for i in range(anzahl):
        traeger = OrganisationFactory(stadt=stadt, parent=None)
        EinrichtungFactory(gebiet=gebiet, traeger=traeger)
    client = client_als(verwaltung)
    for name in ("akteure:organisationen", "akteure:einrichtungen"):
        for parameter in ({}, {"format": "xlsx"}):
            with django_assert_max_num_queries(12):
                assert client.get(reverse(name), parameter).status_code == 200
