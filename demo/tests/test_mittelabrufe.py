"""Fund calls in the demo: every state occurs, the staff see the open ones, the Blockdiek management its own."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from kern.zeit import heute
from programme.mittelabruf import Mittelabruf
from programme.mittelabruf_selectors import nicht_fristgerecht_verwendet, offene_mittelabrufe


@pytest.mark.django_db
def test_demo_fund_calls_in_every_state(demodaten, client_als):
    abrufe = Mittelabruf.objects.all()
    assert set(abrufe.values_list("status", flat=True)) == set(Mittelabruf.Status.values)
    assert abrufe.filter(verwendet_am__isnull=False).exists()
    verwaltung, qm = User.objects.get(username="verwaltung"), User.objects.get(username="qm-blockdiek")
    assert nicht_fristgerecht_verwendet(verwaltung, heute()).exists()
    assert offene_mittelabrufe(verwaltung).count() >= 2
    eigene = list(offene_mittelabrufe(qm))
    assert eigene and all(a.beantragt_von == qm for a in eigene)
    seite = client_als(verwaltung).get(reverse("mittelabruf:offen")).content.decode()
    assert all(a.bewilligung.projekt.titel in seite for a in offene_mittelabrufe(verwaltung))
    for a in abrufe.filter(status=Mittelabruf.Status.GENEHMIGT):
        assert a.auszahlung.betrag == a.betrag
