import datetime
import hashlib

import factory
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory

from berichte.models import Beratung, Bericht, Berichtsart, Mitzeichnung, Ratsvorlage, Veroeffentlichungsauftrag
from quartiere.models import Organisation
from testhilfen.quartiere import OrganisationFactory, StadtFactory

KLEINES_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
               b"trailer<</Root 1 0 R>>\n%%EOF\n")


class RatsvorlageFactory(DjangoModelFactory):
    class Meta:
        model = Ratsvorlage

    stadt = factory.SubFactory(StadtFactory)
    zeichen = "III-zi/neu"
    datum = datetime.date(2019, 11, 20)
    betreff = factory.Sequence(lambda n: f"Sozialbericht {n} – Gerechte Teilhabe")
    beschlussentwurf = "Der Rat nimmt den Sozialbericht zur Kenntnis."
    begruendung = "Die sechs besonders belasteten Stadtteile brauchen drei Bausteine."


class MitzeichnungFactory(DjangoModelFactory):
    """A department named on a council paper to co-sign it; not yet co-signed."""

    class Meta:
        model = Mitzeichnung

    vorlage = factory.SubFactory(RatsvorlageFactory)
    organisation = factory.SubFactory(OrganisationFactory, art=Organisation.Art.AMT,
                                      stadt=factory.SelfAttribute("..vorlage.stadt"))


class BeratungFactory(DjangoModelFactory):
    class Meta:
        model = Beratung

    vorlage = factory.SubFactory(RatsvorlageFactory)
    reihenfolge = factory.Sequence(lambda n: n + 1)
    gremium_name = factory.Sequence(lambda n: f"Ausschuss {n}")
    datum = datetime.date(2019, 11, 14)


class BerichtFactory(DjangoModelFactory):
    """A published report with a small stored PDF and its true SHA-256 (no rendering)."""

    class Meta:
        model = Bericht

    art = Berichtsart.PROGRAMMJAHRESBERICHT
    titel = factory.Sequence(lambda n: f"Programmjahresbericht WiN {2000 + n}")
    jahr = factory.LazyFunction(lambda: datetime.date.today().year)
    laufnummer = factory.Sequence(lambda n: n + 1)
    datum = factory.LazyFunction(datetime.date.today)
    oeffentlich = True
    seiten = 1
    dateiname = factory.LazyAttribute(lambda o: f"Programmjahresbericht_WiN_{o.jahr}-{o.laufnummer:04d}.pdf")
    sha256 = hashlib.sha256(KLEINES_PDF).hexdigest()
    sha512 = hashlib.sha512(KLEINES_PDF).hexdigest()
    dateigroesse = len(KLEINES_PDF)
    datei = factory.LazyFunction(lambda: ContentFile(KLEINES_PDF, name="bericht.pdf"))


class VeroeffentlichungsauftragFactory(DjangoModelFactory):
    """An order waiting in the queue (nothing is enqueued: the worker would not find its task)."""

    class Meta:
        model = Veroeffentlichungsauftrag

    art = Berichtsart.PROGRAMMJAHRESBERICHT
    titel = factory.Sequence(lambda n: f"Programmjahresbericht: WiN {2000 + n}")
    parameter = factory.LazyFunction(dict)


def worker_laufen() -> int:
    """What `manage.py db_worker --batch` does, inside the test's transaction: take each waiting task, oldest
    first, and run it; the number of tasks run. (The command itself closes the connection between tasks,
    which would end a test's transaction.)"""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
                    max_tasks=None, worker_id="test-worker", excluded_queue_names=[])
    gelaufen = 0
    while (ergebnis := DBTaskResult.objects.ready().first()) is not None:
        ergebnis.claim(worker.worker_id)
        worker.run_task(ergebnis)
        gelaufen += 1
    return gelaufen
