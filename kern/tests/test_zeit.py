import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

from kern.zeit import heute


def test_today_is_the_date_in_the_portals_time_zone(settings):
    assert settings.TIME_ZONE == "Europe/Berlin"
    assert heute() == timezone.now().astimezone(ZoneInfo("Europe/Berlin")).date()
    assert isinstance(heute(), dt.date)
