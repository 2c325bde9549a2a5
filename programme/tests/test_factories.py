import datetime

import pytest

from programme.models import Bewilligung, Projekt
from testhilfen.programme import BewilligungFactory, ProjektFactory, VerwendungsnachweisFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("trait", "status"), [
    ("beantragt", Projekt.Status.BEANTRAGT),
    ("bewilligt", Projekt.Status.BEWILLIGT),
    ("abgelehnt", Projekt.Status.ABGELEHNT),
    ("laufend", Projekt.Status.LAUFEND),
    ("abgeschlossen", Projekt.Status.ABGESCHLOSSEN),
])
def test_projekt_traits_setzen_den_status(trait, status):
    assert ProjektFactory(**{trait: True}).status == status


def test_projekt_ohne_trait_ist_entwurf():
    assert ProjektFactory().status == Projekt.Status.ENTWURF


def test_bewilligung_gehoert_zu_programm_und_gebiet_des_projekts():
    bewilligung = BewilligungFactory()
    assert bewilligung.status == Bewilligung.Status.BEANTRAGT
    assert bewilligung.betrag_bewilligt is None
    assert bewilligung.projekt.status == Projekt.Status.BEANTRAGT
    assert bewilligung.gebiet == bewilligung.projekt.gebiet
    assert bewilligung.programm.stadt == bewilligung.projekt.gebiet.stadt


def test_bewilligt_trait_bewilligt_den_vollen_antrag():
    bewilligung = BewilligungFactory(bewilligt=True)
    assert bewilligung.status == Bewilligung.Status.BEWILLIGT
    assert bewilligung.betrag_bewilligt == bewilligung.betrag_beantragt
    assert bewilligung.entschieden_am == datetime.date.today()
    assert bewilligung.projekt.status == Projekt.Status.BEWILLIGT


def test_geprueft_trait_setzt_einreichung_und_pruefung():
    nachweis = VerwendungsnachweisFactory(geprueft=True)
    assert nachweis.eingereicht_am is not None
    assert nachweis.geprueft_am > nachweis.eingereicht_am
    assert nachweis.verwendet == nachweis.bewilligung.betrag_bewilligt
