"""A meeting's participant count is the same on its page and in its PDF documentation."""

import datetime as dt

from django.urls import reverse

from beteiligung.models import Gremium, Sitzung
from testhilfen.beteiligung import GremiumFactory, SitzungFactory, TeilnahmeFactory
from testhilfen.pdftext import rendern
from testhilfen.quartiere import PersonFactory

HEUTE = dt.date.today()


def test_page_and_pdf_give_the_same_participant_count(gebiet_a, verwaltung, client_als):
    forum = GremiumFactory(gebiet=gebiet_a, art=Gremium.Art.GEBIETSFORUM)
    sitzung = SitzungFactory(gremium=forum, datum=HEUTE - dt.timedelta(days=3), status=Sitzung.Status.DURCHGEFUEHRT,
                             teilnehmendenzahl=10, zusammenfassung="Ergebnisse.")
    for _ in range(2):
        TeilnahmeFactory(sitzung=sitzung, person=PersonFactory(einwilligung_am=HEUTE))
    seite = client_als(verwaltung).get(reverse("beteiligung:sitzung", args=[sitzung.pk])).content.decode()
    assert '<p id="teilnehmende-anzahl">10 Teilnehmende, davon namentlich:</p>' in seite
    text, _ = rendern("sitzungsdokumentation", {"sitzung": sitzung.pk})
    assert "insgesamt 10 Teilnehmende" in " ".join(text.split())
