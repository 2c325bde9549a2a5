"""Settings of the Quartiersportal, configured by environment variables only.

With no variable set the portal runs for local use on an SQLite file under var/.
Production sets at least SECRET_KEY, DEBUG=0, ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (0/1), not {value!r}")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from exc


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


ENTWICKLUNGSSCHLUESSEL = "unsicherer-schluessel-nur-fuer-die-entwicklung-" + "x" * 20
# Keys copied from tutorials, templates and our own development default.
BEKANNTE_SCHLUESSEL = frozenset({
    ENTWICKLUNGSSCHLUESSEL, "changeme", "change-me", "change_me", "secret", "geheim", "secret-key", "secretkey",
    "your-secret-key", "your-secret-key-here", "insecure", "django", "test", "dev", "development", "xxx",
})
SCHLUESSEL_MINDESTLAENGE = 50


def schluessel_pruefen(schluessel: str) -> str:
    """Why `schluessel` is no production SECRET_KEY, or "" when it is fit."""
    if not schluessel:
        return "SECRET_KEY must be set when DEBUG is off"
    if schluessel.strip().lower() in BEKANNTE_SCHLUESSEL or schluessel.startswith("django-insecure-"):
        return "SECRET_KEY is a well-known or example key; generate a new one"
    if len(schluessel) < SCHLUESSEL_MINDESTLAENGE:
        return (f"SECRET_KEY must be at least {SCHLUESSEL_MINDESTLAENGE} characters long, "
                f"not {len(schluessel)}")
    if len(set(schluessel)) < 5:
        return "SECRET_KEY repeats too few different characters to be secret"
    return ""


DEBUG = envbool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not DEBUG and (grund := schluessel_pruefen(SECRET_KEY)):
    raise ImproperlyConfigured(
        f"{grund}. Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(64))'")
SECRET_KEY = SECRET_KEY or ENTWICKLUNGSSCHLUESSEL

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "kern",
    "quartiere",
    "programme",
    "beteiligung",
    "berichte",
    "oparl",
    "demo",
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kern.datenstand.DatenstandMiddleware",
    "portal.zweiter_faktor.SitzungsfaktorMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "kern.zugriff.RolleErforderlichMiddleware",
    "portal.middleware.KeinZwischenspeicherMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.sitzungen.SitzungsablaufMiddleware",
    "portal.zweiter_faktor.ZweiterFaktorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

if not DEBUG:
    # Production serves the static files itself, straight after the HTTPS redirect, before sessions
    # and the database; in development runserver and the test server serve them from the finders.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.rollen",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'quartiersportal.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
CSRF_FAILURE_VIEW = "portal.fehlerseiten.csrf_abgelehnt"
# django-axes first: it refuses a locked-out username and address before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "de-de"
LANGUAGES = [("de", "Deutsch")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
# Grouping is applied explicitly (filters euro, zahl), so years and ids never read "2.026".
USE_THOUSAND_SEPARATOR = False
FORMAT_MODULE_PATH = ["portal.formats"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
# Production serves static files with WhiteNoise under content-hashed names (cached for a year,
# compressed); development and tests use the plain finders, so no collectstatic is needed there.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage" if DEBUG
                    else "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media (uploads, published PDFs) on S3-compatible storage when S3_BUCKET is set, so several app
# servers share them; credentials from S3_ACCESS_KEY_ID/S3_SECRET_ACCESS_KEY or boto3's own chain.
# Files are never overwritten: a published document keeps its name and bytes.
S3_BUCKET = os.environ.get("S3_BUCKET", "")
if S3_BUCKET:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": S3_BUCKET,
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("S3_REGION") or None,
        "access_key": os.environ.get("S3_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY") or None,
        "location": os.environ.get("S3_PREFIX", ""),
        "addressing_style": os.environ.get("S3_ADDRESSING_STYLE") or None,
        "file_overwrite": False,
        "default_acl": None,
    }}

FORM_RENDERER = "kern.formrenderer.Renderer"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Map: without a tile URL the map draws the areas on a plain background and asks no third party.
# Background work (report publishing, large exports) runs in a queue kept in the database; a worker
# process (`manage.py db_worker`) takes the tasks. TASKS_BACKEND=immediate runs them in the request,
# which the test suite uses unless a test asks for the queue.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if os.environ.get("TASKS_BACKEND") == "immediate"
            else "django_tasks_db.DatabaseBackend"
        ),
    }
}
# /gesundheit/ reports the queue as stuck when its oldest waiting task has waited longer (seconds).
WARTESCHLANGE_MAX_WARTEZEIT = envint("WARTESCHLANGE_MAX_WARTEZEIT", 600)
# Exports of more rows than this are written by a worker (kern.exportauftraege) instead of the request.
# Measured at size M on 2 loaded cores: CSV streams ~4,300 rows/s with its first byte at once, so 50,000 rows
# hold a web worker ~12 s (far inside GUNICORN_TIMEOUT even 5x slower); XLSX writes ~1,400 rows/s and sends
# its first byte only when the workbook is complete, so 2,000 rows keep that near the 1 s target.
EXPORT_SCHWELLE_CSV = envint("EXPORT_SCHWELLE_CSV", 50_000)
EXPORT_SCHWELLE_XLSX = envint("EXPORT_SCHWELLE_XLSX", 2_000)
# Finished export files are removed after this many hours (manage.py auftraege_aufraeumen).
EXPORT_AUFBEWAHRUNG_STUNDEN = envint("EXPORT_AUFBEWAHRUNG_STUNDEN", 24)
# An export or a report "wird erstellt" for longer than this has lost its worker and is marked failed.
EXPORT_ZEITLIMIT_MINUTEN = envint("EXPORT_ZEITLIMIT_MINUTEN", 60)
VEROEFFENTLICHUNG_ZEITLIMIT_MINUTEN = envint("VEROEFFENTLICHUNG_ZEITLIMIT_MINUTEN", 60)

# Each process keeps its own cache (the map's simplified boundaries, the start pages' figures); what
# is cached is keyed by the shared data state (kern.datenstand), so no cache server is needed.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal",
                      "OPTIONS": {"MAX_ENTRIES": envint("CACHE_EINTRAEGE", 2_000)}}}
# Apps whose committed changes advance the data state, and how long a figure stays cached at most.
DATENSTAND_APPS = {"auth", "kern", "quartiere", "programme", "beteiligung", "berichte", "portal"}
DATENSTAND_CACHE_SEKUNDEN = envint("DATENSTAND_CACHE_SEKUNDEN", 3_600)

# E-mail (reminders of deadlines, programme.erinnerungen): SMTP from the environment; without EMAIL_HOST the
# mails are written to the console, so development sends nothing.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = envint("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "quartiersportal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend")
# Reminders go out this many days before a deadline, and after it only for deadlines passed at most this many
# days ago (older ones are the work basket's, not a mail's). PORTAL_URL makes the link in the mail.
ERINNERUNG_TAGE_VORHER = envint("ERINNERUNG_TAGE_VORHER", 14)
ERINNERUNG_RUECKBLICK_TAGE = envint("ERINNERUNG_RUECKBLICK_TAGE", 90)
ERINNERUNG_ABSENDER = os.environ.get("ERINNERUNG_ABSENDER", "Ihre Sozialplanung")
PORTAL_URL = os.environ.get("PORTAL_URL", "http://127.0.0.1:8000")

MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
if MAP_TILE_URL and not (MAP_TILE_URL.startswith(("https://", "/")) and "{z}" in MAP_TILE_URL):
    raise ImproperlyConfigured(f"MAP_TILE_URL must be an https:// or /path URL with {{z}}/{{x}}/{{y}}, "
                               f"not {MAP_TILE_URL!r}")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "")


def _kachelquelle(url: str) -> list[str]:
    """The CSP source of the tile server: its origin, with Leaflet's {s} subdomains as a wildcard."""
    if not url.startswith("https://"):
        return []
    host = url.removeprefix("https://").split("/", 1)[0]
    return ["https://" + host.replace("{s}", "*")]
INDIKATOR_IMPORT_MAX_MB = envint("INDIKATOR_IMPORT_MAX_MB", 5)
# De-minimis aid per operator within three years (EU regulation 2023/2831: 300,000 EUR), in whole euros.
DE_MINIMIS_HOECHSTBETRAG = envint("DE_MINIMIS_HOECHSTBETRAG", 300000)

SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers probe the health URL over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^gesundheit/$"]
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
# Joining the browsers' preload list is hard to undo, so it stays a decision of the operator
# (SECURE_HSTS_PRELOAD=1) and its absence is no deployment defect.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
BEHIND_PROXY = envbool("BEHIND_PROXY", False)
# How many reverse proxies append to X-Forwarded-For (a load balancer and a web server: 2).
PROXY_ANZAHL = envint("PROXY_ANZAHL", 1)
if PROXY_ANZAHL < 1:
    raise ImproperlyConfigured(f"PROXY_ANZAHL must be at least 1, not {PROXY_ANZAHL}")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 8 * 60 * 60)
# Inactivity ends a session besides its absolute lifetime SESSION_COOKIE_AGE (portal.sitzungen).
SESSION_INAKTIV_MINUTEN = envint("SESSION_INAKTIV_MINUTEN", 30)
if SESSION_INAKTIV_MINUTEN < 1 or SESSION_COOKIE_AGE < 60:
    raise ImproperlyConfigured("SESSION_INAKTIV_MINUTEN must be at least 1 and SESSION_COOKIE_AGE at least 60")

# Login protection (django-axes): failures counted per username and client address, in the database,
# so every app server sees the same count. Successful logins are not logged (data minimisation).
AXES_ENABLED = envbool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTEN", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_CLIENT_IP_CALLABLE = "portal.anmeldeschutz.client_adresse"
AXES_LOCKOUT_CALLABLE = "portal.anmeldeschutz.gesperrt"
if AXES_FAILURE_LIMIT < 1 or AXES_COOLOFF_TIME <= timedelta(0):
    raise ImproperlyConfigured("AXES_FAILURE_LIMIT and AXES_COOLOFF_MINUTEN must be at least 1")

# Second factor (django-otp, portal.zweiter_faktor): TOTP apps and recovery codes. The apps show the
# issuer beside the username; the admin never shows a device's secret. After a wrong code a device
# waits 1, 2, 4 ... seconds before it checks the next one (besides the lockout above).
OTP_TOTP_ISSUER = "Quartiersportal"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
OTP_TOTP_THROTTLE_FACTOR = envint("OTP_THROTTLE_FAKTOR", 1)
OTP_STATIC_THROTTLE_FACTOR = OTP_TOTP_THROTTLE_FACTOR

# Content-Security-Policy (django-csp): scripts and styles only from our own static files, no inline
# script, no inline style, no event handler attribute; the map's tiles from MAP_TILE_URL's server.
# Bootstrap draws some icons as data: images. The map data is a JSON <script> block, which runs nothing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_kachelquelle(MAP_TILE_URL)],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Browser features the portal never uses; "()" allows them to no page at all.
PERMISSIONS_POLICY = {
    merkmal: "()" for merkmal in (
        "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer",
        "microphone", "midi", "payment", "screen-wake-lock", "usb", "xr-spatial-tracking",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# OParl: the licence of everything the interface publishes (System and Body), and the page size of its lists.
OPARL_LICENSE = os.environ.get("OPARL_LICENSE", "") or "https://creativecommons.org/licenses/by/4.0/"
OPARL_PAGE_SIZE = envint("OPARL_PAGE_SIZE", 100)
