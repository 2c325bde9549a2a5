"""Reads over bodies, meetings, topics, decisions and action items; each in a fixed number of queries.

`strukturcheck` and `gremien_und_sitzungen` are also meant for the area pages; the template
partials templates/beteiligung/_strukturcheck.html and _gremien_und_sitzungen.html render them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import AnonymousUser, User
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Max, Min, OuterRef, Q, QuerySet, Subquery, Sum
from django.forms.models import model_to_dict
from django.utils import timezone
from simple_history.models import registered_models

from kern.format import datum, datum_lang
from kern.zeit import heute
from programme.models import Projekt
from quartiere.models import Gebiet, Person
from quartiere.zugriff import bearbeitbare_gebiet_ids

from .models import (
    SITZUNG_STATTGEFUNDEN,
    Aufgabe,
    Beschluss,
    Gremium,
    Sitzung,
    Teilnahme,
    Thema,
    Themenbewertung,
)
from .permissions import anzeigename
from . import strukturcheck as _strukturcheck

# The Strukturcheck lives in its own module and is read through this one.
Baustein = _strukturcheck.Baustein
Strukturcheck = _strukturcheck.Strukturcheck
stichtag_fuer = _strukturcheck.stichtag_fuer
strukturcheck = _strukturcheck.strukturcheck
strukturcheck_gebiete = _strukturcheck.strukturcheck_gebiete
strukturcheck_matrix = _strukturcheck.strukturcheck_matrix
strukturmodelle = _strukturcheck.strukturmodelle



# --- bodies ----------------------------------------------------------------------------------


@dataclass
class GremiumUebersicht:
    gremium: Gremium
    letzte_sitzungen: list[Sitzung] = field(default_factory=list)
    naechste_sitzung: Sitzung | None = None


def gremien_und_sitzungen(gebiet: Gebiet, *, anzahl: int = 3) -> list[GremiumUebersicht]:
    """The bodies of an area with their last `anzahl` meetings that took place and the next planned
    one (meetings from last year on): two queries. The caller checks that the user may see the area."""
    gremien = list(Gremium.objects.filter(gebiet=gebiet).select_related("programm").order_by("-aktiv", "name"))
    uebersicht = {g.id: GremiumUebersicht(g) for g in gremien}
    sitzungen = (
        Sitzung.objects.filter(gremium__in=gremien, datum__gte=dt.date(heute().year - 1, 1, 1))
        .order_by("datum", "beginn")
    )
    for sitzung in sitzungen:
        eintrag = uebersicht[sitzung.gremium_id]
        sitzung.gremium = eintrag.gremium
        if sitzung.stattgefunden:
            eintrag.letzte_sitzungen.insert(0, sitzung)
        elif sitzung.datum >= heute() and eintrag.naechste_sitzung is None:
            eintrag.naechste_sitzung = sitzung
    for eintrag in uebersicht.values():
        del eintrag.letzte_sitzungen[anzahl:]
    return list(uebersicht.values())


def gremien_mit_kennzahlen(gremien: QuerySet[Gremium], jahr: int) -> QuerySet[Gremium]:
    """Bodies with the meetings held this year and the date of the last and next meeting."""
    gehalten = Q(sitzungen__datum__year=jahr, sitzungen__status__in=SITZUNG_STATTGEFUNDEN)
    return (
        gremien.select_related("gebiet__stadt", "programm").defer("gebiet__grenze", "gebiet__stadt__grenze")
        .annotate(gehalten=Count("sitzungen", filter=gehalten),
                  zuletzt=Max("sitzungen__datum", filter=Q(sitzungen__status__in=SITZUNG_STATTGEFUNDEN)),
                  naechste=Min("sitzungen__datum", filter=Q(sitzungen__status=Sitzung.Status.GEPLANT,
                                                            sitzungen__datum__gte=heute())))
    )


@dataclass(frozen=True)
class Sitzungsjahr:
    jahr: int
    gehalten: int
    geplant: int
    soll_min: int | None
    soll_max: int | None

    @property
    def soll_erreicht(self) -> bool | None:
        return None if self.soll_min is None else self.gehalten >= self.soll_min


def sitzungen_je_jahr(gremium: Gremium) -> list[Sitzungsjahr]:
    """Held and planned meetings per year against the body's target, newest year first: one query."""
    zeilen = (
        gremium.sitzungen.values(jahr=F("datum__year"))
        .annotate(gehalten=Count("id", filter=Q(status__in=SITZUNG_STATTGEFUNDEN)),
                  geplant=Count("id", filter=Q(status=Sitzung.Status.GEPLANT)))
        .order_by("-jahr")
    )
    jahre = {z["jahr"]: z for z in zeilen}
    jahre.setdefault(heute().year, {"jahr": heute().year, "gehalten": 0, "geplant": 0})
    return [Sitzungsjahr(jahr=j, gehalten=z["gehalten"], geplant=z["geplant"], soll_min=gremium.sitzungen_soll_min,
                         soll_max=gremium.sitzungen_soll_max) for j, z in sorted(jahre.items(), reverse=True)]


@dataclass(frozen=True)
class PersonZeile:
    """A person as a page may show them: `name` is empty where names must not be shown."""

    name: str
    organisation: str
    rolle: str
    zusatz: str = ""


def mitglieder(gremium: Gremium, *, mit_namen: bool) -> list[PersonZeile]:
    zeilen = []
    for m in gremium.mitgliedschaften.select_related("person__organisation", "organisation").order_by(
            "rolle", "person__nachname", "person__vorname"):
        organisation = m.organisation or m.person.organisation
        zeitraum = ""
        if m.beginn or m.ende:
            zeitraum = f"{datum(m.beginn) if m.beginn else ''} – {datum(m.ende) if m.ende else 'heute'}".strip()
        zeilen.append(PersonZeile(name=anzeigename(m.person, mit_namen=mit_namen) if mit_namen else "",
                                  organisation=str(organisation) if organisation else "",
                                  rolle=m.get_rolle_display(), zusatz=zeitraum))
    return zeilen


# --- meetings --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Themenkarte:
    bewertung: Themenbewertung
    erstmals_am: dt.date | None
    sitzungen: int
    punkte_gesamt: int

    @property
    def thema(self) -> Thema:
        return self.bewertung.thema

    @property
    def aus_themenspeicher(self) -> bool:
        """Carried over from an earlier meeting."""
        return self.erstmals_am is not None and self.erstmals_am < self.bewertung.sitzung.datum


@dataclass
class Sitzungsdokumentation:
    """Everything of one meeting in the order of the Bremerhaven documentation."""

    sitzung: Sitzung
    mit_namen: bool
    teilnehmende: list[PersonZeile]
    moderation: list[PersonZeile]
    protokoll: list[PersonZeile]
    organisationen: list[tuple[str, int]]
    anzahl_teilnehmende: int | None
    tagesordnung: list
    besprochen: list[Themenkarte]
    themenspeicher: list[Themenkarte]
    beschluesse: list[Beschluss]
    aufgaben: list[tuple[Aufgabe, str]]
    verfasser: str
    verfasser_organisation: str
    ort_und_datum: str


def themenkarten(bewertungen: QuerySet[Themenbewertung]) -> list[Themenkarte]:
    """Topic cards ranked by dot votes, highest first, with each topic's history in one query."""
    bewertungen = (
        bewertungen.select_related("thema__handlungsfeld", "sitzung")
        .annotate(erstmals_am=Min("thema__bewertungen__sitzung__datum"), anzahl=Count("thema__bewertungen"),
                  summe=Sum("thema__bewertungen__punkte"))
        .order_by("-punkte", "thema__titel")
    )
    return [Themenkarte(bewertung=b, erstmals_am=b.erstmals_am, sitzungen=b.anzahl, punkte_gesamt=b.summe or 0)
            for b in bewertungen]


def _person_zeile(t: Teilnahme, mit_namen: bool) -> PersonZeile:
    organisation = t.organisation or t.person.organisation
    return PersonZeile(name=anzeigename(t.person, mit_namen=True) if mit_namen else "",
                       organisation=str(organisation) if organisation else "", rolle=t.get_rolle_display(),
                       zusatz=t.person.funktion if mit_namen and t.person.darf_namentlich_genannt_werden else "")


def sitzungsdokumentation(sitzung: Sitzung, *, mit_namen: bool) -> Sitzungsdokumentation:
    """The documentation of a meeting: six queries. Without `mit_namen` no name of a person leaves
    this function: participants, moderation, author and responsible persons appear by organisation."""
    teilnahmen = list(sitzung.teilnahmen.select_related("person__organisation", "organisation")
                      .order_by("person__nachname", "person__vorname"))
    rollen = defaultdict(list)
    for t in teilnahmen:
        rollen[t.rolle].append(_person_zeile(t, mit_namen))
    organisationen = Counter(z.organisation or "ohne Angabe" for z in rollen[Teilnahme.Rolle.TEILNEHMEND])
    karten = themenkarten(sitzung.themenbewertungen.all())
    aufgaben = []
    for a in sitzung.aufgaben.select_related("verantwortlich__organisation").order_by(
            F("faellig_am").asc(nulls_last=True), "id"):
        person = a.verantwortlich
        if person is None:
            wer = "–"
        elif mit_namen:
            wer = anzeigename(person, mit_namen=True)
        else:
            wer = str(person.organisation) if person.organisation_id else "eine beteiligte Person"
        aufgaben.append((a, wer))
    autor = sitzung.verfasst_von
    stadt = sitzung.gremium.gebiet.stadt_oder_selbst
    return Sitzungsdokumentation(
        sitzung=sitzung,
        mit_namen=mit_namen,
        teilnehmende=rollen[Teilnahme.Rolle.TEILNEHMEND],
        moderation=rollen[Teilnahme.Rolle.MODERATION],
        protokoll=rollen[Teilnahme.Rolle.PROTOKOLL],
        organisationen=sorted(organisationen.items()),
        anzahl_teilnehmende=sitzung.teilnehmende_gesamt(len(rollen[Teilnahme.Rolle.TEILNEHMEND])),
        tagesordnung=list(sitzung.tagesordnungspunkte.order_by("nummer")),
        besprochen=[k for k in karten if k.bewertung.besprochen],
        themenspeicher=[k for k in karten if not k.bewertung.besprochen],
        beschluesse=list(sitzung.beschluesse.select_related("tagesordnungspunkt", "bewilligung__projekt",
                                                             "bewilligung__programm").order_by("id")),
        aufgaben=aufgaben,
        verfasser=anzeigename(autor, mit_namen=True) if autor and mit_namen else "",
        verfasser_organisation=str(autor.organisation) if autor and autor.organisation_id else "",
        ort_und_datum=f"{stadt.name}, {datum_lang(sitzung.dokumentiert_am)}" if sitzung.dokumentiert_am else "",
    )


def offener_themenspeicher(sitzung: Sitzung) -> QuerySet[Thema]:
    """The body's backlog offered at a meeting: topics not yet discussed, raised before (or at) this
    meeting and not yet on its cards, with first date, meetings so far and last votes: one query."""
    letzte = Themenbewertung.objects.filter(thema=OuterRef("pk")).order_by("-sitzung__datum", "-id")
    return (
        Thema.objects.filter(gremium_id=sitzung.gremium_id, status=Thema.Status.THEMENSPEICHER)
        .exclude(bewertungen__sitzung=sitzung)
        .filter(Q(eingebracht_in__isnull=True) | Q(eingebracht_in__datum__lte=sitzung.datum))
        .annotate(erstmals_am=Min("bewertungen__sitzung__datum"), sitzungen_bisher=Count("bewertungen"),
                  letzte_punkte=Subquery(letzte.values("punkte")[:1]))
        .select_related("handlungsfeld")
        .order_by(F("letzte_punkte").desc(nulls_last=True), "titel")
    )


def themenverlauf(thema: Thema) -> list[Themenbewertung]:
    """Every meeting a topic was on, oldest first: one query."""
    return list(thema.bewertungen.select_related("sitzung").order_by("sitzung__datum", "id"))


# --- decisions and action items --------------------------------------------------------------


def offene_beschluesse(beschluesse: QuerySet[Beschluss]) -> QuerySet[Beschluss]:
    """Open decisions by city, area, body and date; `offene_beschluesse_laden` reads what the list shows."""
    return beschluesse.offen().order_by("sitzung__gremium__gebiet__stadt__name", "sitzung__gremium__gebiet__name",
                                        "sitzung__gremium__name", "sitzung__datum", "id")


def offene_beschluesse_laden(beschluesse: QuerySet[Beschluss]) -> QuerySet[Beschluss]:
    return (
        beschluesse
        .select_related("sitzung__gremium__gebiet__stadt", "bewilligung__projekt", "bewilligung__programm")
        .defer("sitzung__gremium__gebiet__grenze", "sitzung__gremium__gebiet__stadt__grenze")
    )


@dataclass(frozen=True)
class Umsetzungsschritt:
    zeitpunkt: dt.datetime
    durch: str
    status: str
    vermerk: str


def umsetzungsverlauf(beschluss: Beschluss, *, mit_namen: bool) -> list[Umsetzungsschritt]:
    """The implementation status over time from the decision's history, oldest first: one query."""
    schritte, vorher = [], None
    for eintrag in beschluss.history.select_related("history_user").order_by("history_date", "history_id"):
        stand = (eintrag.umsetzungsstatus, eintrag.umsetzung_vermerk)
        if stand == vorher:
            continue
        vorher = stand
        user = eintrag.history_user
        durch = (user.get_full_name() or user.username) if user and mit_namen else ""
        schritte.append(Umsetzungsschritt(eintrag.history_date, durch,
                                          Beschluss.Umsetzung(eintrag.umsetzungsstatus).label,
                                          eintrag.umsetzung_vermerk))
    return schritte


def ueberfaellige_aufgaben(user: User | AnonymousUser, *, stichtag: dt.date | None = None) -> QuerySet[Aufgabe]:
    """Open action items past their due date that the user is responsible for or oversees, oldest first."""
    return (
        Aufgabe.objects.sichtbar_fuer(user).ueberfaellig(stichtag or heute())
        .mit_gebiet().select_related("verantwortlich")
        .order_by("faellig_am", "id")
    )


# --- persons ---------------------------------------------------------------------------------


def personen_auswahl(user: User | AnonymousUser) -> QuerySet[Person]:
    """Persons a user may pick in forms: staff all, managers those connected to their areas or
    their areas' cities; never anonymised persons, and nobody for other roles."""
    personen = Person.objects.filter(anonymisiert_am__isnull=True).select_related("organisation").order_by(
        "nachname", "vorname")
    ids = bearbeitbare_gebiet_ids(user)
    if ids is None:
        return personen
    if not ids:
        return personen.none()
    staedte = Gebiet.objects.filter(id__in=ids).values("stadt_id")
    verbunden = (
        Q(mitgliedschaften__gremium__gebiet_id__in=ids) | Q(teilnahmen__sitzung__gremium__gebiet_id__in=ids)
        | Q(quartiersmanagements__gebiet_id__in=ids) | Q(projekte__gebiet_id__in=ids)
        | Q(organisation__stadt_id__in=staedte)
    )
    return personen.filter(pk__in=Person.objects.filter(verbunden).values("pk"))


def verfasser_auswahl(user: User | AnonymousUser) -> QuerySet[Person]:
    """Persons who may be named as a documentation's author: staff or with recorded consent."""
    return personen_auswahl(user).filter(Q(ist_verwaltung=True) | Q(einwilligung_am__isnull=False))


def _json_werte(daten: dict) -> dict:
    return {k: (v if isinstance(v, (int, bool, type(None), str)) else str(v)) for k, v in daten.items()}


def _werte(obj, felder: Iterable[str] | None = None) -> dict:
    return _json_werte(model_to_dict(obj, fields=felder))


def _historienmodelle() -> list[tuple[type, list[str]]]:
    """Every history table with its columns pointing at a person."""
    modelle = []
    for modell in registered_models.values():
        manager = getattr(modell._meta, "simple_history_manager_attribute", "history")
        historie = getattr(modell, manager, None)
        if historie is None:
            continue
        hm = historie.model
        personenfelder = [f.attname for f in hm._meta.fields if f.is_relation and f.related_model is Person]
        modelle.append((hm, personenfelder))
    return sorted(modelle, key=lambda m: m[0]._meta.label)


def _kontodaten(konto: User) -> dict:
    return {
        "benutzername": konto.username, "vorname": konto.first_name, "nachname": konto.last_name,
        "email": konto.email, "aktiv": konto.is_active,
        "letzte_anmeldung": konto.last_login.isoformat() if konto.last_login else None,
        "angelegt_am": konto.date_joined.isoformat(),
        "rollen": sorted(konto.groups.values_list("name", flat=True)),
    }


def _historie(person: Person, konto: User | None) -> list[dict]:
    """Every history entry naming the person or made by their login, one query per history table."""
    eintraege = []
    for hm, personenfelder in _historienmodelle():
        bedingung = Q(pk__in=[])
        for feld in personenfelder:
            bedingung |= Q(**{feld: person.pk})
        if konto is not None and any(f.name == "history_user" for f in hm._meta.fields):
            bedingung |= Q(history_user_id=konto.pk)
        for eintrag in hm.objects.filter(bedingung).order_by("history_date"):
            felder = {f.attname: getattr(eintrag, f.attname) for f in hm.instance_type._meta.concrete_fields}
            eintraege.append({
                "tabelle": str(hm.instance_type._meta.verbose_name),
                "zeitpunkt": eintrag.history_date.isoformat(),
                "art": {"+": "angelegt", "~": "geändert", "-": "gelöscht"}[eintrag.history_type],
                "durch_diese_person": konto is not None and eintrag.history_user_id == konto.pk,
                "werte": _json_werte(felder),
            })
    return eintraege


def personendaten(person: Person) -> dict:
    """All data the portal holds about a person (GDPR Art. 15), as plain JSON-ready data.

    A fixed number of queries: one per kind of link plus one per history table.
    """
    konto = person.user
    return {
        "exportiert_am": timezone.now().isoformat(),
        "person": {"id": person.pk, **_werte(person, ["anrede", "titel", "vorname", "nachname", "funktion", "email",
                                                      "telefon", "ist_verwaltung", "einwilligung_am",
                                                      "anonymisiert_am"]),
                   "organisation": str(person.organisation) if person.organisation_id else None,
                   "angelegt_am": person.created.isoformat(), "geaendert_am": person.modified.isoformat()},
        "benutzerkonto": None if konto is None else _kontodaten(konto),
        "mitgliedschaften": [
            {"gremium": str(m.gremium), "gebiet": str(m.gremium.gebiet), "vertritt": str(m.organisation or ""),
             "rolle": m.get_rolle_display(), "von": m.beginn.isoformat() if m.beginn else None,
             "bis": m.ende.isoformat() if m.ende else None}
            for m in person.mitgliedschaften.select_related("gremium__gebiet", "organisation")
        ],
        "teilnahmen": [
            {"sitzung": t.sitzung.titel, "gremium": str(t.sitzung.gremium), "datum": t.sitzung.datum.isoformat(),
             "fuer": str(t.organisation or ""), "rolle": t.get_rolle_display()}
            for t in person.teilnahmen.select_related("sitzung__gremium", "organisation").order_by("sitzung__datum")
        ],
        "verfasste_sitzungsdokumentationen": [
            {"sitzung": s.titel, "datum": s.datum.isoformat()} for s in person.verfasste_sitzungen.order_by("datum")
        ],
        "aufgaben": [
            {"aufgabe": a.text, "sitzung": a.sitzung.titel, "faellig_am": a.faellig_am.isoformat() if a.faellig_am
             else None, "erledigt_am": a.erledigt_am.isoformat() if a.erledigt_am else None}
            for a in person.aufgaben.select_related("sitzung")
        ],
        "projekte_als_ansprechperson": [
            {"projekt": p.titel, "gebiet": str(p.gebiet), "status": p.get_status_display(),
             "beginn": p.beginn.isoformat(), "ende": p.ende.isoformat()}
            for p in Projekt.objects.filter(ansprechperson=person).select_related("gebiet")
        ],
        "quartiersmanagement_stellen": [
            {"gebiet": str(q.gebiet), "traeger": str(q.traeger), "stellenanteil": str(q.stellenanteil),
             "beginn": q.beginn.isoformat() if q.beginn else None,
             "befristet_bis": q.befristet_bis.isoformat() if q.befristet_bis else None}
            for q in person.quartiersmanagements.select_related("gebiet", "traeger")
        ],
        "historie": _historie(person, konto),
        "admin_protokoll": _admin_protokoll(person, konto),
    }


def _admin_protokoll(person: Person, konto: User | None) -> list[dict]:
    """The admin log's entries about the person or their login, made by their login, or naming them."""
    bedingung = Q(content_type=ContentType.objects.get_for_model(Person), object_id=str(person.pk))
    bedingung |= Q(object_repr__icontains=person.name) | Q(change_message__icontains=person.name)
    if konto is not None:
        bedingung |= Q(content_type=ContentType.objects.get_for_model(User), object_id=str(konto.pk))
        bedingung |= Q(user=konto)
    return [
        {"zeitpunkt": e.action_time.isoformat(), "objekt": e.object_repr, "tabelle": str(e.content_type or ""),
         "art": {1: "angelegt", 2: "geändert", 3: "gelöscht"}.get(e.action_flag, ""),
         "aenderung": e.get_change_message(), "durch_diese_person": konto is not None and e.user_id == konto.pk}
        for e in LogEntry.objects.filter(bedingung).select_related("content_type").order_by("action_time")
    ]


def personen_liste(suche: str = "") -> QuerySet[Person]:
    personen = (
        Person.objects.select_related("organisation", "user")
        .annotate(n_teilnahmen=Count("teilnahmen", distinct=True),
                  n_mitgliedschaften=Count("mitgliedschaften", distinct=True))
        .order_by("nachname", "vorname", "id")
    )
    if suche:
        for wort in suche.split():
            personen = personen.filter(Q(vorname__icontains=wort) | Q(nachname__icontains=wort)
                                       | Q(email__icontains=wort) | Q(organisation__name__icontains=wort))
    return personen

