"""The whole interface, crawled from the entry point, against the official OParl 1.1 schemas.

Every object met (fetched on its own, embedded, or as an entry of a list) is checked against the schema its
`type` names; every URL that a schema says references an object must answer with an object of that type;
every external list is walked page by page to its end. A withdrawn object (`deleted: true`) goes through
the same checks: the schemas ask no more of it than `id` and `type`.
"""

import datetime as dt
from urllib.parse import urlsplit

import pytest

from berichte.models import Berichtsart
from berichte.services import bericht_zurueckziehen
from beteiligung.veroeffentlichung import sitzung_zurueckziehen
from beteiligung.models import Beschluss, Sitzung
from testhilfen.berichte import BerichtFactory
from testhilfen.beteiligung import BeschlussFactory, GremiumFactory, SitzungFactory, TagesordnungspunktFactory
from testhilfen.quartiere import EinrichtungFactory

from .hilfen import BASIS, ratsvorlage
from .schemapruefung import objekt_pruefen, pruefen, schema

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.oparl.org/1.1/"
LISTENSEITE = {"type": "object", "required": ["data", "pagination", "links"],
               "properties": {"data": {"type": "array"}, "pagination": {"type": "object"},
                              "links": {"type": "object"}}}


class Kriecher:
    """Fetches every URL of the interface once and collects what is wrong, as readable lines."""

    def __init__(self, client):
        self.client = client
        self.objekte: dict[str, dict] = {}
        self.seiten: dict[str, int] = {}
        self.dateien: set[str] = set()
        self.weg: set[str] = set()
        self.fehler: list[str] = []
        self.offen: list[tuple[str, str, str]] = [("objekt", BASIS, "System")]

    def holen(self, adresse: str):
        antwort = self.client.get(adresse)
        if antwort.status_code != 200:
            self.fehler.append(f"{adresse}: HTTP {antwort.status_code}")
            return None
        if antwort["Content-Type"] == "application/pdf":
            return antwort
        if antwort["Content-Type"] != "application/json; charset=utf-8":
            self.fehler.append(f"{adresse}: Content-Type {antwort['Content-Type']}")
            return None
        return antwort.json()

    def laufen(self):
        while self.offen:
            art, adresse, erwartet = self.offen.pop()
            if art == "objekt" and adresse not in self.objekte:
                self.objekt(adresse, erwartet)
            elif art == "liste" and adresse not in self.seiten:
                self.liste(adresse, erwartet)
            elif art == "weg" and adresse not in self.weg:
                self.weg.add(adresse)
                status = self.client.get(adresse).status_code
                if status != 410:
                    self.fehler.append(f"{adresse}: HTTP {status}, erwartet 410 (Datei zurückgezogen)")
            elif art == "datei" and adresse not in self.dateien:
                self.dateien.add(adresse)
                antwort = self.holen(adresse)
                if antwort is not None and getattr(antwort, "content", b"")[:5] != b"%PDF-":
                    self.fehler.append(f"{adresse}: kein PDF")
        return self

    def objekt(self, adresse: str, erwartet: str):
        daten = self.holen(adresse)
        self.objekte[adresse] = daten or {}
        if daten is None:
            return
        if daten.get("id") != adresse:
            self.fehler.append(f"{adresse}: id ist {daten.get('id')!r}")
        if daten.get("type") != SCHEMA + erwartet:
            self.fehler.append(f"{adresse}: erwartet {erwartet}, Typ ist {daten.get('type')!r}")
        self.pruefen(daten, adresse)

    def liste(self, adresse: str, eintragsschema: str):
        seite = self.holen(adresse)
        self.seiten[adresse] = len(seite["data"]) if seite else 0
        if seite is None:
            return
        self.melden(adresse, pruefen(seite, LISTENSEITE).fehler)
        typ = eintragsschema.removesuffix(".json")
        for eintrag in seite.get("data", []):
            if eintrag.get("type") != SCHEMA + typ:
                self.fehler.append(f"{adresse}: Eintrag {eintrag.get('id')} ist kein {typ}")
            self.pruefen(eintrag, f"{adresse} → {eintrag.get('id')}")
            self.offen.append(("objekt", eintrag["id"], typ))
        links = seite.get("links", {})
        pagination = seite.get("pagination", {})
        if pagination.get("currentPage", 1) < pagination.get("totalPages", 1) and "next" not in links:
            self.fehler.append(f"{adresse}: Listenseite vor der letzten ohne links.next")
        if "next" in links:
            self.offen.append(("liste", links["next"], eintragsschema))

    def pruefen(self, objekt: dict, wo: str):
        ergebnis = objekt_pruefen(objekt)
        self.melden(wo, ergebnis.fehler)
        for eingebettet in _eingebettete(objekt):
            self.regeln(eingebettet, wo)
            self.offen.append(("objekt", eingebettet["id"], eingebettet["type"].rsplit("/", 1)[-1]))
        for adresse, typ in ergebnis.verweise:
            self.offen.append(("objekt", adresse, typ))
        for adresse, eintragsschema in ergebnis.listen:
            self.offen.append(("liste", adresse, eintragsschema))
        for name in ("accessUrl", "downloadUrl"):
            if name in objekt:
                self.offen.append(("weg" if objekt.get("deleted") else "datei", objekt[name], ""))

    def regeln(self, objekt: dict, wo: str):
        """What the official validator asks beyond the schemas: times on every object, a licence at the top."""
        typ = objekt["type"].rsplit("/", 1)[-1]
        if typ != "System" and not {"created", "modified"} <= objekt.keys():
            self.fehler.append(f"{wo}: {objekt['id']} ohne created/modified")
        if typ in ("System", "Body") and not objekt.get("license"):
            self.fehler.append(f"{wo}: {typ} ohne license")

    def melden(self, wo: str, fehler: list[str]):
        self.fehler.extend(f"{wo}: {f}" for f in fehler)


def _eingebettete(wert):
    """The object itself and every object embedded in it (anything with an id and an OParl type)."""
    if isinstance(wert, dict):
        if isinstance(wert.get("type"), str) and wert["type"].startswith(SCHEMA) and "id" in wert:
            yield wert
        for inhalt in wert.values():
            yield from _eingebettete(inhalt)
    elif isinstance(wert, list):
        for inhalt in wert:
            yield from _eingebettete(inhalt)


@pytest.fixture
def volle_welt(welt, stadt, gebiet_a, gebiet_b, verwaltung):
    """Every kind of object the interface publishes, more of each than fit on one page of two, and a withdrawn
    report (a council paper, with its consultations) and a withdrawn meeting (with its agenda and place)."""
    sitzung = welt["sitzung"]
    top = sitzung.tagesordnungspunkte.get(nummer=2)
    BeschlussFactory(sitzung=sitzung, tagesordnungspunkt=top, text="Der Spielplatz wird erneuert.",
                     art=Beschluss.Art.KONSENS)
    BerichtFactory(art=Berichtsart.SITZUNGSDOKUMENTATION, titel="Dokumentation: Quartiersforum im Sommer",
                   parameter={"sitzung": sitzung.pk}, gebiet=gebiet_a, oeffentlich=True)
    beratung = SitzungFactory(gremium=welt["gremium"], oeffentlich=True, datum=dt.date(2026, 9, 1), ort="Rathaus",
                              status=Sitzung.Status.DURCHGEFUEHRT)
    TagesordnungspunktFactory(sitzung=beratung, nummer=1, titel="Sozialbericht 2026")
    ratsvorlage(stadt, welt["gremium"])
    EinrichtungFactory(gebiet=gebiet_a, name="Bürgerhaus", adresse="Marktplatz 1, 12345 Musterstadt")
    for n in range(3):
        gremium = GremiumFactory(gebiet=gebiet_b, aktiv=n != 0)
        SitzungFactory(gremium=gremium, oeffentlich=True, ort=f"Treffpunkt {n}", beginn=None, ende=None)
    zurueckgezogen = ratsvorlage(stadt, welt["gremium"], oeffentlich=True)
    bericht_zurueckziehen(bericht=zurueckgezogen, grund="Falsche Zahlen veröffentlicht.", durch=verwaltung)
    abgesagt = SitzungFactory(gremium=welt["gremium"], oeffentlich=True, titel="Verlegtes Forum", ort="Alte Schule",
                              datum=dt.date(2026, 8, 1))
    TagesordnungspunktFactory(sitzung=abgesagt, nummer=1, titel="Begrüßung")
    sitzung_zurueckziehen(sitzung=abgesagt, grund="Falscher Termin veröffentlicht.", durch=verwaltung)
    welt.update(zurueckgezogen=zurueckgezogen, abgesagt=abgesagt)
    return welt


def test_the_whole_interface_validates_against_the_oparl_schemas(client, volle_welt, settings):
    settings.OPARL_PAGE_SIZE = 2
    kriecher = Kriecher(client).laufen()

    assert kriecher.fehler == []
    typen = {o.get("type", "").rsplit("/", 1)[-1] for o in kriecher.objekte.values()}
    assert typen >= {"System", "Body", "Organization", "Meeting", "AgendaItem", "Location", "Paper", "File",
                     "Consultation"}
    # Lists longer than a page were walked to their last page.
    folgeseiten = [u for u in kriecher.seiten if "page=" in urlsplit(u).query]
    assert any(urlsplit(u).path.endswith("/organization/") for u in folgeseiten)
    assert any(urlsplit(u).path.endswith("/location/") for u in folgeseiten)
    assert len(kriecher.objekte) > 25 and kriecher.dateien
    # The withdrawn ones were met and validated as deleted objects: report, file, consultations, meeting,
    # agenda item and the place only the withdrawn meeting used.
    geloescht = {o["type"].rsplit("/", 1)[-1] for o in kriecher.objekte.values() if o.get("deleted")}
    assert geloescht >= {"Paper", "File", "Consultation", "Meeting", "AgendaItem", "Location"}
    assert any(f"/paper/{volle_welt['zurueckgezogen'].pk}/" in u for u in kriecher.objekte)
    assert any(f"/meeting/{volle_welt['abgesagt'].pk}/" in u for u in kriecher.objekte)
    assert kriecher.weg


def test_the_validator_finds_what_is_wrong():
    falsch = {"id": "/oparl/v1/meeting/1/", "type": SCHEMA + "Meeting", "start": "2026-07-01 18:00",
              "cancelled": "nein", "organization": "http://testserver/x/", "agendaItem": [{"id": "http://a/b/"}]}
    fehler = objekt_pruefen(falsch).fehler
    assert any("$.id" in f and "absolute URL" in f for f in fehler)
    assert any("$.start" in f for f in fehler) and any("$.cancelled" in f for f in fehler)
    assert any("$.organization" in f and "array" in f for f in fehler)
    assert any("$.agendaItem[0]" in f and "type fehlt" in f for f in fehler)
    assert objekt_pruefen({"type": "Error"}).fehler == ["$: unbekannter Typ 'Error'"]
    assert schema("Body")["required"] == ["id", "type", "name", "organization", "person", "meeting", "paper",
                                          "legislativeTerm"]
    ohne_lizenz = Kriecher(None)
    ohne_lizenz.regeln({"id": BASIS, "type": SCHEMA + "System"}, "System")
    assert ohne_lizenz.fehler == ["System: System ohne license"]
