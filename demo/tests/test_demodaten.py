"""The demo data: loading twice changes nothing, and what is loaded keeps the funding rules."""

from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db.models import Sum
from django.test import RequestFactory
from django.utils import timezone

from beteiligung.models import Sitzung, Teilnahme
from demo.laden.konten import ROLLEN, darf_im_gebiet_arbeiten
from programme.models import Auszahlung, Bewilligung, Foerderprogramm, Jahresbudget, Projekt, Verwendungsnachweis
from programme.selectors import budgetstand_je_programm
from quartiere.models import Gebiet, Person

ECHTE_NACHNAMEN = ["Aydin", "Bröring", "Coordes", "Freemann", "Friedrich", "Möckel", "Müller", "Niehaus", "Parpart",
                   "Petzold", "Schwarz-Grote", "Sommer", "Varol", "Ventzke", "Eulitz", "Hesse", "Höroldt",
                   "Heinrichs", "Schall", "Horst"]


def _stand() -> dict:
    modelle = [m for label in ("quartiere", "programme", "beteiligung")
               for m in apps.get_app_config(label).get_models()]
    stand = {m._meta.label: m.objects.count() for m in modelle + [User, Group]}
    stand["bewilligt"] = Bewilligung.objects.bewilligt().summe()
    return stand


@pytest.mark.django_db
def test_zweimal_laden_aendert_nichts(demodaten, capsys):
    # The fixture has loaded them once already.
    erster = _stand()
    call_command("demodaten")
    assert _stand() == erster
    assert erster["programme.Projekt"] >= 40
    ausgabe = capsys.readouterr().out
    assert "Demo-Zugänge" in ausgabe and "qm-blockdiek" in ausgabe


@pytest.mark.django_db
def test_alle_projektstatus_kommen_vor(demodaten):
    assert set(Projekt.objects.values_list("status", flat=True)) == set(Projekt.Status.values)


@pytest.mark.django_db
def test_bewilligungen_halten_die_budgets_ein(demodaten):
    bewilligt = Bewilligung.objects.bewilligt()
    for budget in Jahresbudget.objects.gebietsbudgets():
        summe = bewilligt.filter(programm=budget.programm, jahr=budget.jahr, gebiet=budget.gebiet).summe()
        assert summe <= budget.betrag, budget
    for budget in Jahresbudget.objects.programmbudgets():
        assert bewilligt.filter(programm=budget.programm, jahr=budget.jahr).summe() <= budget.betrag, budget
        gebiete = Jahresbudget.objects.gebietsbudgets().filter(programm=budget.programm, jahr=budget.jahr)
        assert gebiete.summe() <= budget.betrag, budget
    for b in bewilligt:
        assert Jahresbudget.objects.filter(programm=b.programm, jahr=b.jahr).exists(), b


@pytest.mark.django_db
def test_auszahlungen_und_rueckforderungen_bleiben_im_rahmen(demodaten):
    for b in Bewilligung.objects.all():
        ausgezahlt = b.auszahlungen.summe()
        assert ausgezahlt <= (b.betrag_bewilligt or 0), b
        nachweis = Verwendungsnachweis.objects.filter(bewilligung=b).first()
        if nachweis is not None:
            assert nachweis.rueckforderung <= ausgezahlt, b
    assert not Auszahlung.objects.exclude(bewilligung__status=Bewilligung.Status.BEWILLIGT).exists()
    heute = Verwendungsnachweis.objects.order_by("-faellig_am").first().faellig_am
    assert Verwendungsnachweis.objects.filter(eingereicht_am__isnull=True, faellig_am__lt=heute).exists()
    assert Verwendungsnachweis.objects.filter(eingereicht_am__isnull=False, geprueft_am__isnull=True).exists()
    assert Verwendungsnachweis.objects.filter(rueckforderung__gt=0).exists()


@pytest.mark.django_db
def test_finanzierung_der_projekte(demodaten):
    for projekt in Projekt.objects.all():
        assert projekt.eigenmittel + projekt.drittmittel <= projekt.gesamtkosten, projekt
        win = projekt.bewilligungen.filter(programm__kurzname__startswith="WiN").exclude(
            status__in=[Bewilligung.Status.ABGELEHNT, Bewilligung.Status.ZURUECKGEZOGEN])
        if win.exists():
            gefoerdert = sum((b.betrag_bewilligt or b.betrag_beantragt for b in win), Decimal(0))
            assert gefoerdert <= projekt.gesamtkosten / 2, projekt
            assert projekt.eigenmittel + projekt.drittmittel >= projekt.gesamtkosten / 2, projekt


@pytest.mark.django_db
def test_demo_zugaenge(demodaten):
    for username, gruppe in [("verwaltung", ROLLEN["verwaltung"]), ("qm-blockdiek", ROLLEN["quartiersmanagement"]),
                             ("qm-rheindorf", ROLLEN["quartiersmanagement"]), ("rat", ROLLEN["rat"])]:
        user = authenticate(RequestFactory().post("/anmelden/"), username=username, password="demo")
        assert user is not None, username
        assert list(user.groups.values_list("name", flat=True)) == [gruppe]
    admin = authenticate(RequestFactory().post("/anmelden/"), username="admin", password="demo")
    assert admin is not None and admin.is_superuser
    assert User.objects.get(username="verwaltung").is_staff
    blockdiek, rheindorf = Gebiet.objects.get(name="Blockdiek"), Gebiet.objects.get(name="Rheindorf")
    assert darf_im_gebiet_arbeiten(User.objects.get(username="qm-blockdiek"), blockdiek)
    qm_rheindorf = User.objects.get(username="qm-rheindorf")
    assert darf_im_gebiet_arbeiten(qm_rheindorf, rheindorf) and not darf_im_gebiet_arbeiten(qm_rheindorf, blockdiek)


@pytest.mark.django_db
def test_erste_sitzung_des_zwk_beirats(demodaten):
    sitzung = Sitzung.objects.get(gremium__name="ZWK-Beirat", datum="2022-03-28")
    assert (sitzung.format, sitzung.status) == (Sitzung.Format.LEAN_COFFEE, Sitzung.Status.DOKUMENTIERT)
    assert str(sitzung.dokumentiert_am) == "2022-03-31"
    assert sitzung.gremium.sitzungen_soll_min == sitzung.gremium.sitzungen_soll_max == 3
    bewertungen = list(sitzung.themenbewertungen.order_by("-punkte"))
    assert [b.thema.titel for b in bewertungen[:3]] == [
        "Familien und Jugendliche", "Senioren und Seniorenprojekte", "Migration / Integration"]
    assert all(b.besprochen and b.ergebnis for b in bewertungen[:3])
    speicher = [b.thema.titel for b in bewertungen if not b.besprochen]
    assert speicher[:2] == ["Gesundheitsprävention", "Bauliche Anpassung an den demografischen Wandel, u. a. Wohnraum"]
    assert all(b.thema.status == "themenspeicher" for b in bewertungen if not b.besprochen)
    teilnahmen = Teilnahme.objects.filter(sitzung=sitzung)
    assert teilnahmen.filter(rolle=Teilnahme.Rolle.MODERATION).count() == 2
    assert not teilnahmen.filter(organisation__isnull=True).exists()
    beschluss = sitzung.beschluesse.get()
    assert beschluss.art == "konsens" and "Geestendorf, Grünhöfe und Surheide" in beschluss.text
    assert sitzung.aufgaben.filter(erledigt_am__isnull=True).exists()
    assert Sitzung.objects.filter(gremium=sitzung.gremium, status=Sitzung.Status.GEPLANT).exists()


@pytest.mark.django_db
def test_keine_echten_namen(demodaten):
    assert not Person.objects.filter(nachname__in=ECHTE_NACHNAMEN).exists()
    vorhanden = " ".join(Person.objects.values_list("nachname", flat=True))
    assert all(name not in vorhanden for name in ECHTE_NACHNAMEN)


@pytest.mark.django_db
def test_beschluss_eines_win_forums_traegt_eine_bewilligung(demodaten):
    assert Bewilligung.objects.filter(beschluss__sitzung__gremium__art="gebietsforum",
                                      status=Bewilligung.Status.BEWILLIGT).count() >= 3
    assert Bewilligung.objects.aggregate(s=Sum("betrag_bewilligt"))["s"] > 0


@pytest.mark.django_db
def test_win_gebietsbudgets_sind_weitgehend_ausgeschoepft(demodaten):
    heute = timezone.localdate()
    win = Foerderprogramm.objects.filter(stadt__name="Bremen", kurzname__in=["WiN", "WiN 2023–2029"])
    budgets = Jahresbudget.objects.gebietsbudgets().filter(programm__in=win, jahr__gte=2016, jahr__lt=heute.year)
    assert budgets.count() >= 12 * (heute.year - 2016)
    bewilligt = Bewilligung.objects.bewilligt()
    for budget in budgets.select_related("programm", "gebiet"):
        summe = bewilligt.filter(programm=budget.programm, jahr=budget.jahr, gebiet=budget.gebiet).summe()
        assert budget.betrag * Decimal("0.6") <= summe <= budget.betrag, (str(budget), summe)

    win_2017 = win.get(kurzname="WiN")
    stand = next(s for s in budgetstand_je_programm(jahr=2017) if s.programm == win_2017)
    bewilligungen = list(bewilligt.filter(programm=win_2017, jahr=2017))
    assert stand.bewilligt == sum(b.betrag_bewilligt for b in bewilligungen)
    assert stand.bewilligt >= Decimal("0.6") * budgets.filter(programm=win_2017, jahr=2017).summe()


@pytest.mark.django_db
def test_verfuegungsfonds_mit_kleinen_aktionen(demodaten):
    heute = timezone.localdate()
    fonds = Jahresbudget.objects.gebietsbudgets().filter(
        programm__ist_verfuegungsfonds=True, programm__stadt__name__in=["Bremen", "Leverkusen"],
        jahr__in=[heute.year - 1, heute.year])
    assert fonds.count() >= 11
    for budget in fonds.select_related("programm", "gebiet"):
        bewilligt = Bewilligung.objects.bewilligt().filter(programm=budget.programm, jahr=budget.jahr,
                                                           gebiet=budget.gebiet)
        assert bewilligt.count() >= 3, str(budget)
        assert all(b.betrag_bewilligt <= 1500 for b in bewilligt), str(budget)
        assert budget.betrag * Decimal("0.45") <= bewilligt.summe() <= budget.betrag, str(budget)


@pytest.mark.django_db
def test_documented_meetings_keep_the_rules_of_documenting(demodaten):
    # What the status service demands of a documented meeting holds for every demo meeting.
    dokumentiert = Sitzung.objects.filter(status=Sitzung.Status.DOKUMENTIERT)
    assert dokumentiert.count() >= 50
    for sitzung in dokumentiert:
        assert sitzung.teilnehmendenzahl or sitzung.teilnahmen.exists(), sitzung
        assert sitzung.datum <= sitzung.dokumentiert_am <= timezone.localdate(), sitzung
    assert not Sitzung.objects.filter(datum__gt=timezone.localdate()).exclude(status=Sitzung.Status.GEPLANT).exists()


@pytest.mark.django_db
def test_every_named_member_and_participant_consented(demodaten):
    from beteiligung.models import Mitgliedschaft
    for model in (Mitgliedschaft, Teilnahme):
        assert model.objects.exists()
        for eintrag in model.objects.select_related("person"):
            assert eintrag.person.darf_namentlich_genannt_werden, (model.__name__, eintrag.person)


@pytest.mark.django_db
def test_implementation_status_of_demo_decisions_is_kept_in_their_history(demodaten):
    from beteiligung.models import Beschluss
    erledigt = Beschluss.objects.filter(umsetzungsstatus=Beschluss.Umsetzung.ERLEDIGT)
    assert erledigt.exists()
    for beschluss in erledigt:
        stati = list(beschluss.history.order_by("history_date", "history_id").values_list("umsetzungsstatus",
                                                                                           flat=True))
        assert stati[0] != Beschluss.Umsetzung.ERLEDIGT and stati[-1] == Beschluss.Umsetzung.ERLEDIGT, beschluss
