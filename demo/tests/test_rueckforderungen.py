"""Reclaims in the demo: from this year's checked proofs with a reclaim and from payouts spent late, each with its
notice, one of them partly repaid; every city has its account for repayments."""

import pytest

from programme import rueckforderung_selectors
from programme.rueckforderung import Basiszinssatz, Kassenverbindung, Rueckforderung, Rueckzahlung
from programme.zuwendung import Bescheid
from quartiere.models import Gebiet

pytestmark = pytest.mark.django_db


def test_the_demo_has_reclaims_with_notices_and_a_partial_repayment(demodaten):
    assert Kassenverbindung.objects.count() == Gebiet.objects.staedte().count() == 4
    assert Basiszinssatz.objects.count() >= 50
    rueckforderungen = list(Rueckforderung.objects.select_related("bescheid", "bewilligung"))
    assert {r.art for r in rueckforderungen} == {Rueckforderung.Art.NACHWEIS, Rueckforderung.Art.ZINSEN}
    assert all(r.bescheid.art == Bescheid.Art.RUECKFORDERUNG and r.bescheid.versandt_am for r in rueckforderungen)
    teil = Rueckzahlung.objects.get(bemerkung="Teilzahlung")
    assert teil.auf_zinsen > 0 and teil.auf_hauptforderung > 0
    assert teil.rueckforderung.erledigt_am is None
    nachweis = teil.rueckforderung.bewilligung
    assert nachweis.betrag_zurueckgezahlt == teil.auf_hauptforderung
    offen = rueckforderung_selectors.staende(rueckforderung_selectors.offene_rueckforderungen(
        type(nachweis.entschieden_von).objects.get(username="verwaltung")))
    assert len(offen) == len(rueckforderungen)
    assert all(s.verlauf is not None and s.zinsen_offen > 0 for s in offen)
    nummern = [b.laufnummer for b in sorted((r.bescheid for r in rueckforderungen), key=lambda b: (b.datum, b.pk))]
    assert nummern == sorted(nummern)
