import pytest
from django.urls import reverse

from quartiere.models import Organisation
from testhilfen.programme import ProjektFactory
from testhilfen.quartiere import GebietFactory, OrganisationFactory


def test_organisations_filtered_by_kind_and_text(client_als, stadt, verwaltung):
    awo = OrganisationFactory(name="AWO Kreisverband", art=Organisation.Art.WOHLFAHRTSVERBAND, stadt=stadt)
    OrganisationFactory(name="Sportverein Blau-Weiß", art=Organisation.Art.VEREIN, stadt=stadt)
    ProjektFactory(traeger=awo, gebiet=GebietFactory(parent=stadt))
    response = client_als(verwaltung).get(reverse("akteure:organisationen"),
                                          {"art": "wohlfahrtsverband", "q": "awo"})
    assert [o.name for o in response.context["zeilen"]] == ["AWO Kreisverband"]
    assert response.context["zeilen"][0].anzahl_projekte == 1


@pytest.mark.parametrize("anzahl", [10, 200])
def test_organisation_list_has_fixed_query_count(client_als, stadt, verwaltung, anzahl,
                                                 django_assert_max_num_queries):
    OrganisationFactory.create_batch(anzahl, stadt=stadt, parent=None)
    client = client_als(verwaltung)
    for parameter in ({}, {"format": "xlsx"}):
        with django_assert_max_num_queries(12):
            assert client.get(reverse("akteure:organisationen"), parameter).status_code == 200
