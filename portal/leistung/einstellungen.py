"""Settings of the load test: the portal's own, plus the bare 50-row page it is compared with."""

from portal.settings import *  # noqa: F401,F403

ROOT_URLCONF = "portal.leistung.urls"
