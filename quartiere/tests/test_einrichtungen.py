import csv
import io

import pytest
from django.urls import reverse

from quartiere.models import Einrichtung
from testhilfen.quartiere import EinrichtungFactory, GebietFactory, OrganisationFactory


def test_facilities_filtered_by_status_and_area_and_exported(client_als, gebiet_a, gebiet_b, qm_b):
    EinrichtungFactory(name="Quartierszentrum Huckelriede", gebiet=gebiet_a, status=Einrichtung.Status.VERSTETIGT)
    EinrichtungFactory(name="Jugendtreff", gebiet=gebiet_b, status=Einrichtung.Status.GEPLANT)
    client = client_als(qm_b)
    response = client.get(reverse("akteure:einrichtungen"), {"status": "verstetigt", "gebiet": gebiet_a.pk})
    assert [e.name for e in response.context["zeilen"]] == ["Quartierszentrum Huckelriede"]
    export = client.get(reverse("akteure:einrichtungen"), {"status": "verstetigt", "format": "csv"})
    zeilen = list(csv.reader(io.StringIO(export.getvalue().decode("utf-8")[1:]), delimiter=";"))
    assert zeilen[0][:2] == ["Name", "Art"]
    assert [z[0] for z in zeilen[1:]] == ["Quartierszentrum Huckelriede"]


@pytest.mark.parametrize("anzahl", [10, 200])
def test_facility_list_has_fixed_query_count(client_als, stadt, verwaltung, anzahl, django_assert_max_num_queries):
    gebiet = GebietFactory(parent=stadt)
    for i in range(anzahl):
        traeger = OrganisationFactory(stadt=stadt, parent=None)
        EinrichtungFactory(gebiet=gebiet, traeger=traeger)
    client = client_als(verwaltung)
    for parameter in ({}, {"format": "xlsx"}):
        with django_assert_max_num_queries(12):
            assert client.get(reverse("akteure:einrichtungen"), parameter).status_code == 200
