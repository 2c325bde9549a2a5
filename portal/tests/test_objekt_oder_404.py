"""kern.zugriff.objekt_oder_404 over the QuerySet rules of the apps: 404 for outsiders, 403 for readers."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from berichte.models import Bericht
from testhilfen.berichte import BerichtFactory
from beteiligung.models import Sitzung
from testhilfen.beteiligung import GremiumFactory, SitzungFactory
from kern.zugriff import objekt_oder_404
from programme.models import Projekt
from testhilfen.programme import ProjektFactory

pytestmark = pytest.mark.django_db

LESEN_SCHREIBEN = {  # persona -> (reading, changing): None for the object, else the exception
    "verwaltung": (None, None), "qm_a": (None, None), "qm_b": (Http404, Http404), "rat": (None, PermissionDenied),
    "ohne_rolle": (Http404, Http404), "anonym": (Http404, Http404),
}


def _antwort(user, queryset, schreiben, pk):
    try:
        objekt_oder_404(user, queryset, schreiben=schreiben, pk=pk)
    except (Http404, PermissionDenied) as exc:
        return type(exc)
    return None


@pytest.mark.parametrize("persona", LESEN_SCHREIBEN)
def test_objekt_oder_404_ueber_gebiet_und_sitzung(request, persona, gebiet_a, qm_a, qm_b):
    user = request.getfixturevalue(persona)
    projekt = ProjektFactory(gebiet=gebiet_a)
    sitzung = SitzungFactory(gremium=GremiumFactory(gebiet=gebiet_a))
    for queryset, pk in ((Projekt.objects.all(), projekt.pk), (Sitzung.objects.mit_gebiet(), sitzung.pk)):
        assert (_antwort(user, queryset, False, pk), _antwort(user, queryset, True, pk)) == LESEN_SCHREIBEN[persona]


def test_ein_nicht_oeffentlicher_bericht_ist_fuer_die_oeffentlichkeit_nicht_da(anonym):
    bericht = BerichtFactory(oeffentlich=False)
    with pytest.raises(Http404, match="nicht öffentlich"):
        objekt_oder_404(anonym, Bericht.objects.all(), nicht_gefunden="nicht öffentlich", pk=bericht.pk)


def test_unbekannt_ist_404(verwaltung):
    with pytest.raises(Http404):
        objekt_oder_404(verwaltung, Projekt.objects.all(), pk=999999)
