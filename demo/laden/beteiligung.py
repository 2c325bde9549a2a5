"""Bodies and meetings: the ZWK advisory board in Bremerhaven, Leverkusen's assemblies, steering circles and the
consultation of the social report, Bremen's WiN forums and the ZugABe working group, and the work log.

Every body's life is written through beteiligung.services, as staff would: memberships and participations
with the person's consent, a meeting planned, filled in, held and documented, decisions with their
implementation status, agenda items, topics and action items. Bodies are master data and are written
get-or-update (basis.sichern). A second load finds what exists and adds only what is missing, and documents
the meetings that have taken place since.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from beteiligung import services
from beteiligung.models import Aufgabe, Beschluss, Gremium, Sitzung, Strukturmodell, Taetigkeit, Thema
from demo.daten import bremen, bremerhaven, gemeinsam, leverkusen
from kern.format import euro_text as euro
from quartiere.models import Organisation, Quartiersmanagement

from .basis import Kontext, m2m_setzen, sichern, streuung

HF = gemeinsam.HF


def _ausfuellen(vorlage: dict, **werte) -> dict:
    """The template with its texts filled in ({gebiet}, {jahr}...)."""
    return {k: v.format(**werte) if isinstance(v, str) else v for k, v in vorlage.items()}


def _gremium(k: Kontext, *, key: str, name: str, art: str, gebiet: str, programm: str | None = None,
             soll: tuple[int | None, int | None] = (None, None), beschreibung: str = "", aktiv: bool = True) -> Gremium:
    g = sichern(Gremium, defaults={"art": art, "programm": k.programme[programm] if programm else None,
                                   "sitzungen_soll_min": soll[0], "sitzungen_soll_max": soll[1],
                                   "beschreibung": beschreibung, "aktiv": aktiv},
                name=name, gebiet=k.gebiete[gebiet])
    k.gremien[key] = g
    return g


def _mitglieder(k: Kontext, gremium: Gremium, eintraege, beginn: dt.date | None = None) -> None:
    vorhanden = set(gremium.mitgliedschaften.values_list("person_id", flat=True))
    for person, rolle in eintraege:
        p = k.personen[person]
        if p.pk not in vorhanden:
            services.mitgliedschaft_anlegen(gremium=gremium, durch=k.verwaltung, person=p, rolle=rolle, beginn=beginn)


SITZUNG_PLANFELDER = ("beginn", "ende", "ort", "format", "oeffentlich", "hintergrund")


def _sitzung(k: Kontext, gremium: Gremium, datum: dt.date, titel: str, **werte) -> Sitzung:
    """A meeting as it stands today: planned while it lies ahead; once held, documented a week later.

    The meeting is planned and filled in here; `sitzungen_dokumentieren` closes its documentation after its
    participants, agenda and decisions are recorded.
    """
    verfasst_von = werte.pop("verfasst_von", None)
    status = werte.pop("status", Sitzung.Status.DOKUMENTIERT)
    dokumentiert_am = werte.pop("dokumentiert_am", None) or min(datum + dt.timedelta(days=7), k.heute)
    sitzung = Sitzung.objects.filter(gremium=gremium, datum=datum).first()
    if sitzung is None:
        plan = {f: werte.pop(f) for f in SITZUNG_PLANFELDER if f in werte}
        sitzung = services.sitzung_anlegen(gremium=gremium, durch=k.verwaltung, titel=titel, datum=datum, **plan)
    if sitzung.status == Sitzung.Status.GEPLANT and datum <= k.heute:
        texte = {f: v for f, v in werte.items() if f in services.SITZUNG_TEXTFELDER}
        if texte:
            sitzung = services.sitzung_aendern(sitzung=sitzung, durch=k.verwaltung, **texte)
        if status == Sitzung.Status.DOKUMENTIERT:
            k.zu_dokumentieren[sitzung.pk] = (dokumentiert_am, k.personen[verfasst_von] if verfasst_von else None)
    return sitzung


def sitzungen_dokumentieren(k: Kontext) -> None:
    """Close the documentation of every meeting that has taken place, with its date and author."""
    for sitzung in Sitzung.objects.filter(pk__in=k.zu_dokumentieren).order_by("datum", "pk"):
        datum, verfasst_von = k.zu_dokumentieren[sitzung.pk]
        sitzung = services.sitzung_status_setzen(sitzung=sitzung, status=Sitzung.Status.DURCHGEFUEHRT,
                                                 durch=k.verwaltung)
        services.sitzung_status_setzen(sitzung=sitzung, status=Sitzung.Status.DOKUMENTIERT, durch=k.verwaltung,
                                       datum=datum, verfasst_von=verfasst_von)
    k.zu_dokumentieren.clear()


def _teilnahmen(k: Kontext, sitzung: Sitzung, eintraege) -> None:
    vorhanden = set(sitzung.teilnahmen.values_list("person_id", flat=True))
    for person, rolle in eintraege:
        p = k.personen[person]
        if p.pk not in vorhanden:
            services.teilnahme_erfassen(sitzung=sitzung, durch=k.verwaltung, person=p, rolle=rolle)


def _tops(k: Kontext, sitzung: Sitzung, punkte) -> dict:
    vorhanden = {top.nummer: top for top in sitzung.tagesordnungspunkte.all()}
    return {nr: vorhanden.get(nr) or services.tagesordnungspunkt_anlegen(sitzung=sitzung, durch=k.verwaltung,
                                                                          titel=titel, text=text, nummer=nr)
            for nr, (titel, text) in enumerate(punkte, start=1)}


def _beschluss(k: Kontext, sitzung: Sitzung, text: str, vermerk: str = "", umsetzungsstatus: str | None = None,
               bewilligung=None, **werte) -> Beschluss:
    beschluss = Beschluss.objects.filter(sitzung=sitzung, text=text).first()
    if beschluss is None:
        foerderung = None
        if bewilligung is not None:
            foerderung = services.Foerderung(betrag=bewilligung.betrag_bewilligt, bewilligung=bewilligung)
        beschluss = services.beschluss_fassen(sitzung=sitzung, durch=k.verwaltung, text=text, foerderung=foerderung,
                                              **werte)
    if umsetzungsstatus and (beschluss.umsetzungsstatus, beschluss.umsetzung_vermerk) != (umsetzungsstatus, vermerk):
        beschluss = services.beschluss_umsetzung_setzen(beschluss=beschluss, durch=k.verwaltung,
                                                        status=umsetzungsstatus, vermerk=vermerk)
    return beschluss


def _aufgabe(k: Kontext, sitzung: Sitzung, text: str, person: str | None, faellig: dt.date | None,
             erledigt: dt.date | None = None, beschluss: Beschluss | None = None) -> None:
    aufgabe = Aufgabe.objects.filter(sitzung=sitzung, text=text).first()
    if aufgabe is None:
        aufgabe = services.aufgabe_anlegen(sitzung=sitzung, durch=k.verwaltung, text=text, faellig_am=faellig,
                                           verantwortlich=k.personen[person] if person else None,
                                           beschluss=beschluss)
    if erledigt is not None and erledigt <= k.heute and aufgabe.erledigt_am is None:
        services.aufgabe_erledigen(aufgabe=aufgabe, durch=k.verwaltung, datum=erledigt)


def _als_teilnahmen(mitglieder) -> list[tuple[str, str]]:
    return [(p, "moderation" if r == "moderation" else "teilnehmend") for p, r in mitglieder]


# --- Bremerhaven: the ZWK advisory board ---------------------------------------------------------

def _zwk_erste_sitzung(k: Kontext, beirat: Gremium) -> Sitzung:
    erste = _sitzung(k, beirat, **bremerhaven.ZWK_ERSTE_SITZUNG)
    _teilnahmen(k, erste, _als_teilnahmen(bremerhaven.ZWK_MITGLIEDER))
    tops = _tops(k, erste, bremerhaven.ZWK_TAGESORDNUNG)
    werte = dict(bremerhaven.ZWK_BESCHLUSS)
    beschluss = _beschluss(k, erste, tagesordnungspunkt=tops[werte.pop("tagesordnungspunkt")], **werte)
    for titel, hf, punkte, besprochen, ergebnis in bremerhaven.ZWK_THEMEN:
        if not Thema.objects.filter(gremium=beirat, titel=titel).exists():
            services.thema_einbringen(sitzung=erste, durch=k.verwaltung, titel=titel, punkte=punkte,
                                      handlungsfeld=k.handlungsfelder[HF[hf]], besprochen=besprochen,
                                      ergebnis=ergebnis)
    for text, person, faellig, erledigt, aus_beschluss in bremerhaven.ZWK_AUFGABEN:
        _aufgabe(k, erste, text, person, faellig, erledigt, beschluss if aus_beschluss else None)
    return erste


def zwk_beirat_laden(k: Kontext) -> None:
    beirat = _gremium(k, **bremerhaven.ZWK_BEIRAT)
    _mitglieder(k, beirat, bremerhaven.ZWK_MITGLIEDER, bremerhaven.ZWK_MITGLIEDER_SEIT)
    _zwk_erste_sitzung(k, beirat)
    for datum, titel, text in bremerhaven.ZWK_WEITERE_SITZUNGEN:
        sitzung = _sitzung(k, beirat, datum, titel, zusammenfassung=text, **bremerhaven.ZWK_SITZUNG)
        if sitzung.datum <= k.heute:
            _teilnahmen(k, sitzung, _als_teilnahmen(bremerhaven.ZWK_SPAETERE_MITGLIEDER))
        else:
            _tops(k, sitzung, bremerhaven.ZWK_GEPLANTE_TAGESORDNUNG)
    datum, eintraege = bremerhaven.ZWK_THEMENSPEICHER
    zweite = beirat.sitzungen.get(datum=datum)
    for titel, punkte in eintraege:
        thema = Thema.objects.get(gremium=beirat, titel=titel)
        if not thema.bewertungen.filter(sitzung=zweite).exists():
            services.thema_uebernehmen(sitzung=zweite, thema=thema, durch=k.verwaltung, punkte=punkte)


# --- Leverkusen: the three building blocks in six quartiers, and the council's consultation ------

def _versammlungen(k: Kontext, gebiet: str, qm: str | None, jahre: list[int], anzahlen, extra) -> None:
    versammlung = _gremium(k, key=f"bv-{gebiet}", gebiet=gebiet, **_ausfuellen(leverkusen.BUERGERVERSAMMLUNG,
                                                                                gebiet=gebiet))
    for jahr, anzahl in zip(jahre, anzahlen):
        for nr, (monat, tag) in enumerate(leverkusen.VERSAMMLUNGSTERMINE[:anzahl], start=1):
            datum = dt.date(jahr, monat, tag)
            _sitzung(k, versammlung, datum, teilnehmendenzahl=25 + int(40 * streuung(f"{gebiet}{datum}")),
                     verfasst_von=qm, **_ausfuellen(leverkusen.VERSAMMLUNG, nr=nr, gebiet=gebiet, jahr=jahr))
    if extra is not None:
        datum = dt.date(k.heute.year, *extra)
        ergebnis = leverkusen.EXTRA_VERSAMMLUNG_ERGEBNIS if datum <= k.heute else {}
        _sitzung(k, versammlung, datum, verfasst_von=qm, **ergebnis,
                 **_ausfuellen(leverkusen.EXTRA_VERSAMMLUNG, gebiet=gebiet, jahr=datum.year))


def _steuerungskreis(k: Kontext, gebiet: str, qm: str, jahre: list[int], anzahlen) -> None:
    kreis = _gremium(k, key=f"sk-{gebiet}", gebiet=gebiet, **_ausfuellen(leverkusen.STEUERUNGSKREIS, gebiet=gebiet))
    mitglieder = [(qm, "geschaeftsfuehrung"), *leverkusen.STEUERUNGSKREIS_MITGLIEDER]
    if gebiet == "Rheindorf":
        mitglieder += leverkusen.STEUERUNGSKREIS_RHEINDORF
    _mitglieder(k, kreis, mitglieder, leverkusen.STEUERUNGSKREIS_SEIT)
    for jahr, anzahl in zip(jahre, anzahlen):
        for nr, (monat, tag) in enumerate(leverkusen.STEUERUNGSTERMINE[:anzahl], start=1):
            sitzung = _sitzung(k, kreis, dt.date(jahr, monat, tag), verfasst_von=qm,
                               **_ausfuellen(leverkusen.STEUERUNGSKREIS_SITZUNG, gebiet=gebiet, nr=nr, jahr=jahr))
            if sitzung.datum <= k.heute:
                _teilnahmen(k, sitzung, [(p, "protokoll" if p == qm else "teilnehmend") for p, _ in mitglieder])


def _steuerungsbeschluss(k: Kontext) -> None:
    """One steering decision with a follow-up, for the decision control, and the latest meeting's task."""
    kreis = k.gremien["sk-Rheindorf"]
    sitzung = kreis.sitzungen.order_by("datum").first()
    vorlage = leverkusen.STEUERUNGSBESCHLUSS
    top = _tops(k, sitzung, vorlage["tagesordnung"])
    b = _beschluss(k, sitzung, vorlage["text"], tagesordnungspunkt=top[1], art="beschluss",
                   stimmen_ja=len(kreis.mitgliedschaften.all()), stimmen_nein=0, stimmen_enthaltung=0,
                   umsetzungsstatus="erledigt")
    text, person, faellig, erledigt = vorlage["aufgabe"]
    _aufgabe(k, sitzung, text, person, sitzung.datum + dt.timedelta(days=faellig),
             sitzung.datum + dt.timedelta(days=erledigt), b)
    letzte = kreis.sitzungen.filter(datum__lte=k.heute).order_by("-datum").first()
    text, person, faellig = leverkusen.STEUERUNGSAUFGABE
    _aufgabe(k, letzte, text, person, letzte.datum + dt.timedelta(days=faellig))


def leverkusen_quartiere_laden(k: Kontext) -> None:
    jahre = [k.heute.year - 2, k.heute.year - 1, k.heute.year]
    for gebiet, qm, versammlungen, steuerung, extra in leverkusen.LEV_QUARTIERE:
        _versammlungen(k, gebiet, qm, jahre, versammlungen, extra)
        if steuerung is not None:
            _steuerungskreis(k, gebiet, qm, jahre, steuerung)
    _steuerungsbeschluss(k)


def leverkusen_rat_laden(k: Kontext) -> None:
    """The meetings of the bodies that advised and decided on the social report 2019."""
    for name, art, gebiet, datum, _ in leverkusen.BERATUNGSFOLGE:
        gremium = _gremium(k, key=name, name=name, art=art, gebiet=gebiet)
        beratung = leverkusen.BERATUNGEN.get(name, {})
        werte = {**leverkusen.BERATUNGSSITZUNG, **beratung.get("sitzung", {})}
        if name in leverkusen.BERATUNG_ANWESENDE:
            werte["teilnehmendenzahl"] = leverkusen.BERATUNG_ANWESENDE[name]
        sitzung = _sitzung(k, gremium, datum, **_ausfuellen(werte, name=name, sozialbericht=leverkusen.SOZIALBERICHT))
        if not beratung:
            _tops(k, sitzung, [(leverkusen.SOZIALBERICHT, leverkusen.BERATUNG_OHNE_BESCHLUSS)])
            continue
        _mitglieder(k, gremium, beratung["mitglieder"], leverkusen.BERATUNG_MITGLIEDER_SEIT)
        _teilnahmen(k, sitzung, beratung["teilnahmen"])
        top = _tops(k, sitzung, [(leverkusen.SOZIALBERICHT, beratung["tagesordnungspunkt"])])
        beschluss = _beschluss(k, sitzung, tagesordnungspunkt=top[1], **beratung["beschluss"])
        for text, person, faellig, erledigt in beratung["aufgaben"]:
            _aufgabe(k, sitzung, text, person, faellig, erledigt, beschluss)


# --- Bremen: the WiN forums and ZugABe ------------------------------------------------------------

def _forumsbeschluss(k: Kontext, gebiet: str, datum: dt.date, titel: str, programm: str, jahr: int,
                     verfasst_von: str) -> None:
    """The forum's consensus on a grant that the staff then made."""
    bewilligung = k.bewilligungen[(titel, programm, jahr)]
    sitzung = _sitzung(k, k.gremien[f"win-{gebiet}"], datum, verfasst_von=verfasst_von,
                       teilnehmendenzahl=18 + int(20 * streuung(f"{gebiet}{datum}")),
                       **_ausfuellen(bremen.WIN_FORUMSSITZUNG, gebiet=gebiet))
    top = _tops(k, sitzung, [(t.format(jahr=jahr), text.format(titel=titel))
                             for t, text in bremen.WIN_FORUMS_TAGESORDNUNG])
    betrag = euro(bewilligung.betrag_bewilligt or bewilligung.betrag_beantragt)
    _beschluss(k, sitzung, bremen.WIN_FORUMS_BESCHLUSS.format(gebiet=gebiet, titel=titel, jahr=jahr, betrag=betrag),
               tagesordnungspunkt=top[2], art="konsens", bewilligung=bewilligung, umsetzungsstatus="erledigt")


def win_foren_laden(k: Kontext) -> None:
    geschaeftsfuehrung = {}
    for gebiet, programm, mitglieder in bremen.WIN_FOREN:
        forum = _gremium(k, key=f"win-{gebiet}", gebiet=gebiet, programm=programm,
                         **_ausfuellen(bremen.WIN_FORUM, gebiet=gebiet))
        _mitglieder(k, forum, mitglieder, bremen.WIN_FORUM_MITGLIEDER_SEIT)
        geschaeftsfuehrung[gebiet] = next(p for p, rolle in mitglieder if rolle == "geschaeftsfuehrung")
    for gebiet, datum, titel, programm, jahr in bremen.WIN_BESCHLUESSE:
        _forumsbeschluss(k, gebiet, datum, titel, programm, jahr, geschaeftsfuehrung[gebiet])
    empfehlung = bremen.WIN_FORUMS_EMPFEHLUNG
    sitzung = _sitzung(k, k.gremien[f"win-{empfehlung['gebiet']}"], empfehlung["datum"], **empfehlung["sitzung"])
    _beschluss(k, sitzung, **empfehlung["beschluss"])


def zugabe_laden(k: Kontext) -> None:
    """The ZugABe model project: a cross-department working group in Huchting with a workshop series."""
    gruppe = _gremium(k, **bremen.ZUGABE)
    _mitglieder(k, gruppe, bremen.ZUGABE_MITGLIEDER, bremen.ZUGABE_MITGLIEDER_SEIT)
    for datum, titel, text in bremen.ZUGABE_WORKSHOPS:
        sitzung = _sitzung(k, gruppe, datum, titel, zusammenfassung=text, **bremen.ZUGABE_WORKSHOP)
        _teilnahmen(k, sitzung, bremen.ZUGABE_TEILNAHMEN)
    letzte = gruppe.sitzungen.get(datum=bremen.ZUGABE_WORKSHOPS[-1][0])
    beschluss = _beschluss(k, letzte, **bremen.ZUGABE_BESCHLUSS)
    text, person, faellig, erledigt = bremen.ZUGABE_AUFGABE
    _aufgabe(k, letzte, text, person, faellig, erledigt, beschluss)


# --- Work log ------------------------------------------------------------------------------------

def strukturmodelle_laden(k: Kontext) -> None:
    """The Leverkusen model for Leverkusen, the WiN model for Bremen (the other cities follow Leverkusen's)."""
    for stadt, daten in (("Leverkusen", leverkusen.STRUKTURMODELL), ("Bremen", bremen.STRUKTURMODELL)):
        modell = sichern(Strukturmodell, defaults=daten, stadt=k.staedte[stadt])
        modell.full_clean()


def taetigkeiten_laden(k: Kontext) -> None:
    """The same year's round of work in every quartier management, last year and this year up to today."""
    stellen = Quartiersmanagement.objects.select_related("gebiet", "traeger").prefetch_related("personen__user")
    for stelle in stellen:
        partner_pool = list(Organisation.objects.filter(stadt=stelle.gebiet.stadt)
                            .exclude(art__in=[Organisation.Art.PARTEI, Organisation.Art.RESSORT]).order_by("name"))
        erfasser = next((p.user for p in stelle.personen.all() if p.user_id), None) or k.verwaltung
        for jahr in (k.heute.year - 1, k.heute.year):
            for i, (monat, tag, titel, hf, n_partner, erreicht, stunden) in enumerate(gemeinsam.TAETIGKEITEN):
                datum = dt.date(jahr, monat, tag)
                if datum > k.heute or (stelle.befristet_bis and datum > stelle.befristet_bis):
                    continue
                if stelle.beginn and datum < stelle.beginn:
                    continue
                t = sichern(Taetigkeit, defaults={"handlungsfeld": k.handlungsfelder[HF[hf]],
                                                  "erreichte_personen": erreicht, "dauer_stunden": Decimal(stunden),
                                                  "erfasst_von": erfasser,
                                                  "beschreibung": f"Quartiersmanagement {stelle.gebiet.name}"},
                            gebiet=stelle.gebiet, datum=datum, titel=titel)
                start = int(streuung(f"{stelle.gebiet.name}{i}") * len(partner_pool))
                m2m_setzen(t.partner, [partner_pool[(start + j) % len(partner_pool)] for j in range(n_partner)])
