"""The Strukturcheck per programme or city: which bodies count for participation and steering, and how often."""

import datetime as dt

import pytest

from beteiligung.models import Gremium, Sitzung, Strukturmodell
from beteiligung.selectors import strukturcheck, strukturcheck_matrix
from kern.zeit import heute
from testhilfen.beteiligung import GremiumFactory, SitzungFactory
from testhilfen.programme import FoerderprogrammFactory, ProgrammgebietFactory

JAHR = 2025
STICHTAG = dt.date(2025, 12, 31)
WIN = {"beteiligung_arten": ["gebietsforum", "buergerversammlung"], "beteiligung_soll_min": 4,
       "beteiligung_soll_max": 8, "steuerung_arten": ["gebietsforum", "steuerungskreis"], "steuerung_soll_min": 1}


def _check(gebiet):
    return strukturcheck([gebiet], JAHR, stichtag=STICHTAG)[gebiet.id]


@pytest.fixture
def forum(gebiet_a):
    forum = GremiumFactory(gebiet=gebiet_a, art=Gremium.Art.GEBIETSFORUM, name="WiN-Forum Blockdiek",
                           sitzungen_soll_min=None, sitzungen_soll_max=None)
    for monat in (2, 5, 9, 11):
        SitzungFactory(gremium=forum, datum=dt.date(JAHR, monat, 10), status=Sitzung.Status.DURCHGEFUEHRT)
    return forum


def test_without_a_model_the_win_forum_does_not_count(gebiet_a, forum):
    c = _check(gebiet_a)
    assert (c.beteiligung.farbe, c.beteiligung.begruendung) == (
        "rot", "Für Quartier A ist keine Bürgerversammlung als Gremium eingerichtet.")
    assert (c.steuerung.farbe, c.steuerung.begruendung) == ("rot", "Für Quartier A ist kein Steuerungskreis eingerichtet.")


def test_a_city_with_the_win_model_counts_its_win_forum(stadt, gebiet_a, forum):
    Strukturmodell.objects.create(name="WiN-Modell", stadt=stadt, **WIN)
    c = _check(gebiet_a)
    assert (c.beteiligung.farbe, c.beteiligung.begruendung) == (
        "gruen", "4 Sitzungen der Beteiligungsebene 2025 durchgeführt (Soll 4–8 im Jahr).")
    assert (c.steuerung.farbe, c.steuerung.begruendung) == (
        "gruen", "Das Gremium „WiN-Forum Blockdiek“ hat 2025 4-mal getagt, zuletzt am 10.11.2025.")
    assert c.modell.name == "WiN-Modell"


def test_the_model_sets_the_meetings_expected(stadt, gebiet_a, forum):
    Strukturmodell.objects.create(name="WiN-Modell", stadt=stadt, beteiligung_arten=["gebietsforum"],
                                  beteiligung_soll_min=6, beteiligung_soll_max=8, steuerung_arten=["gebietsforum"],
                                  steuerung_soll_min=6)
    c = _check(gebiet_a)
    assert (c.beteiligung.farbe, c.beteiligung.begruendung) == (
        "gelb", "Nur 4 von mindestens 6 Sitzungen des WiN-Forums 2025 durchgeführt (Soll 6–8 im Jahr).")
    assert (c.steuerung.farbe, c.steuerung.begruendung) == (
        "gelb", "Das WiN-Forum „WiN-Forum Blockdiek“ hat 2025 erst 4-mal von mindestens 6-mal getagt, "
                "zuletzt am 10.11.2025.")


def test_a_programmes_model_comes_before_its_citys(stadt, gebiet_a, gebiet_b, forum):
    Strukturmodell.objects.create(name="Leverkusener Modell", stadt=stadt, beteiligung_arten=["buergerversammlung"],
                                  steuerung_arten=["steuerungskreis"])
    programm = FoerderprogrammFactory(stadt=stadt)
    ProgrammgebietFactory(programm=programm, gebiet=gebiet_a, beginn=dt.date(2020, 1, 1))
    Strukturmodell.objects.create(name="WiN-Modell", programm=programm, **WIN)
    ergebnis = strukturcheck([gebiet_a, gebiet_b], JAHR, stichtag=STICHTAG)
    assert ergebnis[gebiet_a.id].modell.name == "WiN-Modell"
    assert ergebnis[gebiet_a.id].beteiligung.farbe == "gruen"
    assert ergebnis[gebiet_b.id].modell.name == "Leverkusener Modell"


def test_a_model_needs_known_kinds_of_body(stadt):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as info:
        Strukturmodell(name="X", stadt=stadt, beteiligung_arten=["sonstwas"], steuerung_arten=[]).full_clean()
    assert set(info.value.message_dict) == {"beteiligung_arten", "steuerung_arten"}


def _rot(matrix, stadt: str | None = None) -> tuple[int, int]:
    bausteine = [b for c in matrix if stadt is None or c.gebiet.stadt.name == stadt for b in c.bausteine]
    return sum(b.farbe == "rot" for b in bausteine), len(bausteine)


def test_bremen_counts_its_win_forums_in_the_demo(demodaten, capsys):
    from django.contrib.auth.models import User

    verwaltung = User.objects.get(username="verwaltung")
    modelle = {m.stadt.name: m.name for m in Strukturmodell.objects.select_related("stadt")}
    assert modelle == {"Bremen": "WiN-Modell Bremen", "Leverkusen": "Leverkusener Modell"}
    nachher = {jahr: strukturcheck_matrix(verwaltung, jahr) for jahr in (JAHR, heute().year)}
    blockdiek = next(c for c in nachher[JAHR] if c.gebiet.name == "Blockdiek")
    assert (blockdiek.beteiligung.farbe, blockdiek.beteiligung.begruendung) == (
        "gelb", "Nur 1 von mindestens 4 Sitzungen der Beteiligungsebene 2025 durchgeführt (Soll 4–8 im Jahr).")
    assert (blockdiek.steuerung.farbe, blockdiek.steuerung.begruendung) == (
        "gruen", "Das Gremium „WiN-Forum Blockdiek“ hat 2025 1-mal getagt, zuletzt am 02.12.2025.")
    assert all(b.begruendung.endswith(".") and b.farbe_text for m in nachher.values() for c in m for b in c.bausteine)
    Strukturmodell.objects.filter(stadt__name="Bremen").delete()
    vorher = {jahr: strukturcheck_matrix(verwaltung, jahr) for jahr in nachher}
    with capsys.disabled():
        for jahr in nachher:
            print(f"\nStrukturcheck {jahr} rot (Bausteine): Bremen vorher {_rot(vorher[jahr], 'Bremen')}, "
                  f"nachher {_rot(nachher[jahr], 'Bremen')}; alle Städte vorher {_rot(vorher[jahr])}, "
                  f"nachher {_rot(nachher[jahr])}")
    assert _rot(nachher[JAHR], "Bremen")[0] < _rot(vorher[JAHR], "Bremen")[0]
