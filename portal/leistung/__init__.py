"""The benchmark behind `make bench` (manage.py benchmessung): page timings and query counts per role,
throughput under a bounded load through gunicorn, exports and report rendering. It reads whatever
data the database holds (manage.py benchdaten --groesse S|M|L fills it) and changes nothing.
"""


def anmelden(client, username: str) -> None:
    """Signs the client in as a complete login does: with the second factor of the account's app,
    where it has one (the demo's staff logins do), so the measured pages are the ones users see."""
    from django.contrib.auth.models import User
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = User.objects.get(username=username)
    client.force_login(user)
    geraet = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if geraet is not None:
        sitzung = client.session
        sitzung[DEVICE_ID_SESSION_KEY] = geraet.persistent_id
        sitzung.save()
