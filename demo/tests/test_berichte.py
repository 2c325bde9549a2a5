"""The demo's council paper: Leverkusen's Vorlage Nr. 2019/3030 with its six consultation rows."""

from io import StringIO

import pytest
from django.core.management import call_command

from berichte.models import Beratung, Bericht, Ratsvorlage
from testhilfen.pdftext import text_aus_pdf

pytestmark = pytest.mark.django_db


def test_demo_publishes_the_leverkusen_paper_and_stays_idempotent(demodaten):
    stand = (Bericht.objects.count(), Ratsvorlage.objects.count(), Beratung.objects.count())
    call_command("demodaten", stdout=StringIO())
    assert (Bericht.objects.count(), Ratsvorlage.objects.count(), Beratung.objects.count()) == stand == (3, 1, 6)

    vorlage = Bericht.objects.get(art="ratsvorlage")
    assert vorlage.nummer == "2019/3030" and vorlage.oeffentlich
    zeilen = text_aus_pdf(vorlage.datei.read()).splitlines()
    for zeile in ("Bürger- und Umweltausschuss 14.11.2019 Beratung öffentlich",
                  "Ausschuss für Soziales, Gesundheit und Senioren 18.11.2019 Beratung öffentlich",
                  "Bezirksvertretung für den Stadtbezirk I 25.11.2019 Beratung öffentlich",
                  "Bezirksvertretung für den Stadtbezirk II 26.11.2019 Beratung öffentlich",
                  "Bezirksvertretung für den Stadtbezirk III 28.11.2019 Beratung öffentlich",
                  "Rat der Stadt Leverkusen 16.12.2019 Entscheidung öffentlich",
                  "Stadt Leverkusen Beschlussvorlage", "Vorlage Nr. 2019/3030", "öffentlich",
                  "Fachbereich Kinder und Jugend Patrick Schürmann 18.11.2019",
                  "Fachbereich Stadtplanung Claudia Berghoff 19.11.2019"):
        assert zeile in zeilen, zeile
    assert Bericht.objects.get(art="sitzungsdokumentation").oeffentlich is False
