"""gunicorn settings of the Quartiersportal: `gunicorn -c gunicorn.conf.py` (variables: README)."""

import multiprocessing
import os


def _zahl(name: str, standard: int) -> int:
    wert = os.environ.get(name, "")
    try:
        return int(wert) if wert else standard
    except ValueError:
        raise SystemExit(f"{name} must be an integer, not {wert!r}") from None


wsgi_app = "portal.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Processes, not threads: WeasyPrint and the SVG charts hold the GIL while they render.
workers = _zahl("GUNICORN_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 8))
threads = _zahl("GUNICORN_THREADS", 1)
# Rendering a large report to PDF may take a while; the proxy's timeout should be longer still.
timeout = _zahl("GUNICORN_TIMEOUT", 120)
graceful_timeout = _zahl("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = 5
# Restart each worker now and then, so a slow leak in a library never grows for weeks.
max_requests = _zahl("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = max_requests // 10
# Only our own reverse proxy may set X-Forwarded-*; it connects from here unless said otherwise.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs to stdout/stderr for the service manager. The access log names the path without its query
# string (search terms, names in filters) and no client address or user: the reverse proxy keeps
# those under its own retention rules if it must.
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
