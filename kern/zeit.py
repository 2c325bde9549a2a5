"""Today in the portal's time zone: the one place that asks the clock for the date."""

import datetime as dt

from django.utils import timezone


def heute() -> dt.date:
    return timezone.localdate()
