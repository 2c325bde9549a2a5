"""Which published documents may name a person (GDPR Art. 17: the PDFs never change).

A published PDF keeps its bytes; after a person is anonymised, staff find here the current versions
that may name them and publish a corrected version from today's data (`services.bericht_korrigieren`),
which shows the anonymised name. The rule follows what the documents print: a meeting documentation
names officials among its participants, its author and those responsible for tasks; an area profile
names the holders of the area's quartier management position.
"""

from __future__ import annotations

from collections import defaultdict

from beteiligung.models import Aufgabe, Sitzung, Teilnahme
from quartiere.models import Quartiersmanagement

from .models import Bericht, Berichtsart


def dokumente_mit_personen(person_ids: list[int]) -> dict[int, list[Bericht]]:
    """person id -> current versions of published documents that may name them; five queries."""
    sitzungen: dict[int, set[int]] = defaultdict(set)
    for person_id, sitzung_id in Teilnahme.objects.filter(person_id__in=person_ids).values_list(
            "person_id", "sitzung_id"):
        sitzungen[person_id].add(sitzung_id)
    for person_id, sitzung_id in Sitzung.objects.filter(verfasst_von_id__in=person_ids).values_list(
            "verfasst_von_id", "pk"):
        sitzungen[person_id].add(sitzung_id)
    for person_id, sitzung_id in Aufgabe.objects.filter(verantwortlich_id__in=person_ids).values_list(
            "verantwortlich_id", "sitzung_id"):
        sitzungen[person_id].add(sitzung_id)
    gebiete: dict[int, set[int]] = defaultdict(set)
    for person_id, gebiet_id in Quartiersmanagement.personen.through.objects.filter(
            person_id__in=person_ids).values_list("person_id", "quartiersmanagement__gebiet_id"):
        gebiete[person_id].add(gebiet_id)

    berichte = list(Bericht.objects.aktuell().filter(
        art__in=[Berichtsart.SITZUNGSDOKUMENTATION, Berichtsart.QUARTIERSPROFIL]).order_by("jahr", "laufnummer"))
    ergebnis: dict[int, list[Bericht]] = {}
    for person_id in person_ids:
        ergebnis[person_id] = [
            b for b in berichte
            if (b.art == Berichtsart.SITZUNGSDOKUMENTATION and b.parameter.get("sitzung") in sitzungen[person_id])
            or (b.art == Berichtsart.QUARTIERSPROFIL and b.parameter.get("gebiet") in gebiete[person_id])
        ]
    return ergebnis
