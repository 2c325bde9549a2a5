"""Addresses and reads shared by the OParl tests."""

import datetime as dt

from django.urls import reverse

from berichte.models import Beratung, Berichtsart
from oparl.selectors import ortsschluessel
from testhilfen.berichte import BeratungFactory, BerichtFactory, RatsvorlageFactory

BASIS = "http://testserver/oparl/v1/"


def url(name, *args):
    return "http://testserver" + reverse(f"oparl:{name}", args=args)


def ort_url(stadt, ort):
    return url("location", ortsschluessel(stadt.pk, ort))


def holen(client, adresse, status=200):
    antwort = client.get(adresse)
    assert antwort.status_code == status, f"{adresse}: {antwort.status_code}"
    assert antwort["Content-Type"] == "application/json; charset=utf-8"
    return antwort.json()


def ids(liste):
    return [objekt["id"] for objekt in liste["data"]]


def ratsvorlage(stadt, gremium, **bericht):
    vorlage = RatsvorlageFactory(stadt=stadt, betreff="Sozialbericht 2026")
    BeratungFactory(vorlage=vorlage, reihenfolge=1, gremium=gremium, gremium_name="",
                    zustaendigkeit=Beratung.Zustaendigkeit.BERATUNG, datum=dt.date(2026, 9, 1))
    BeratungFactory(vorlage=vorlage, reihenfolge=2, gremium_name="Ausschuss für Soziales",
                    zustaendigkeit=Beratung.Zustaendigkeit.KENNTNISNAHME, datum=None, oeffentlich=False)
    BeratungFactory(vorlage=vorlage, reihenfolge=3, gremium=None, gremium_name="Rat",
                    zustaendigkeit=Beratung.Zustaendigkeit.ENTSCHEIDUNG, datum=dt.date(2026, 9, 30))
    return BerichtFactory(art=Berichtsart.RATSVORLAGE, titel=vorlage.betreff, vorlage=vorlage, gebiet=stadt,
                          **bericht)
