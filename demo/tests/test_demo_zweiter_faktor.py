"""The demo's staff logins sign in with the second factor through the published demo key."""

import re

import pytest
from django.core.management import call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo.daten.gemeinsam import DEMO_TOTP_SCHLUESSEL


@pytest.mark.django_db
def test_die_demo_zugaenge_der_verwaltung_haben_die_dokumentierte_app(demodaten, capsys):
    geraete = TOTPDevice.objects.filter(confirmed=True)
    assert sorted(geraete.values_list("user__username", flat=True)) == ["admin", "verwaltung"]
    call_command("democode")
    ausgabe = capsys.readouterr().out
    gezeigt = re.search(r"^verwaltung: (\d{6}) ", ausgabe, re.M).group(1)
    totp = TOTP(geraete.get(user__username="verwaltung").bin_key)
    # The 30-second step may turn between printing and checking.
    assert gezeigt in {f"{totp.token():06d}", f"{TOTP(totp.key, t0=30).token():06d}"}
    assert DEMO_TOTP_SCHLUESSEL in ausgabe
