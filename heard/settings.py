"""Heard settings: one module, driven by the environment.

Every variable is listed, with one line of documentation, in .env.example.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from heard.core.env import ConfigError, env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("HEARD_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("HEARD_DEBUG", False)

_secret = env_secret("HEARD_SECRET_KEY")
if not _secret:
    if not DEBUG:
        raise ConfigError(
            "HEARD_SECRET_KEY is not set. Set it (or HEARD_SECRET_KEY_FILE), "
            "or set HEARD_DEBUG=true for local development."
        )
    _secret = "dev-only-insecure-secret-key-never-use-in-production"  # noqa: S105
SECRET_KEY = _secret

ALLOWED_HOSTS = env_list("HEARD_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("HEARD_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "template_partials",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "heard.core",
    "heard.accounts",
    "heard.people",
    "heard.audit",
    "heard.safety",
    "heard.instruments",
    "heard.appointments",
    "heard.selfcheck",
    "heard.checkins",
    "heard.journal",
    "heard.milestones",
    "heard.profiles",
    "heard.careplans",
    "heard.skills",
    "heard.learn",
    "heard.notes",
    "heard.outcomes",
    "heard.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "heard.core.middleware.RequestContextMiddleware",
    "heard.accounts.middleware.IdleTimeoutMiddleware",
    "heard.accounts.middleware.StaffMFARequiredMiddleware",
    "heard.accounts.middleware.UserTimeZoneMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "heard.urls"
WSGI_APPLICATION = "heard.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "heard.core.context_processors.shell",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
_database_url = env_str("DATABASE_URL")
if _database_url:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("HEARD_SQLITE_PATH", str(VAR_DIR / "heard.sqlite3")),
            "OPTIONS": {
                # WAL lets readers and one writer work at once; IMMEDIATE avoids
                # "database is locked" upgrades in the middle of a transaction.
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;"
                ),
                "transaction_mode": "IMMEDIATE",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_RESET_TIMEOUT = 60 * 60  # one hour

# Login throttling (django-axes): lock an account, or an IP address, after N failures.
AXES_FAILURE_LIMIT = env_int("HEARD_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("HEARD_LOGIN_COOLOFF_MINUTES", 15, minimum=1) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "heard.accounts.views.locked_out"
AXES_IPWARE_PROXY_COUNT = env_int("HEARD_PROXY_COUNT", 0, minimum=0)
AXES_VERBOSE = False

# Sessions
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 60 * 60 * 12  # absolute cap; idle limits below are shorter
SESSION_SAVE_EVERY_REQUEST = False
HEARD_STAFF_IDLE_MINUTES = env_int("HEARD_STAFF_IDLE_MINUTES", 15, minimum=1)
HEARD_CLIENT_IDLE_MINUTES = env_int("HEARD_CLIENT_IDLE_MINUTES", 60, minimum=1)
OTP_TOTP_ISSUER = env_str("HEARD_MFA_ISSUER", "Heard")

# --- Internationalization -------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "heard" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("HEARD_TIME_ZONE", "UTC")

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "heard" / "core" / "static_build"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Email (nothing clinical ever goes in an email) -----------------------------------------
EMAIL_BACKEND = env_str("HEARD_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("HEARD_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("HEARD_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("HEARD_EMAIL_USER")
EMAIL_HOST_PASSWORD = env_secret("HEARD_EMAIL_PASSWORD", "") or ""
EMAIL_USE_TLS = env_bool("HEARD_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("HEARD_FROM_EMAIL", "Heard <no-reply@localhost>")

# --- Background tasks -----------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Encryption at rest ---------------------------------------------------------------------
# "kid:base64key,kid2:base64key" — the first key encrypts; all keys decrypt. Or put the same
# text in a file named by HEARD_ENCRYPTION_KEYS_FILE. Unset: var/encryption.keys (made by demo).
HEARD_ENCRYPTION_KEYS = env_secret("HEARD_ENCRYPTION_KEYS", "") or ""

# --- Product settings -----------------------------------------------------------------------
HEARD_DEFAULT_REGION = env_str("HEARD_DEFAULT_REGION", "US")
HEARD_QUICK_EXIT_URL = env_str("HEARD_QUICK_EXIT_URL", "https://www.google.com/search?q=weather")
HEARD_API_TOKEN_DAYS = env_int("HEARD_API_TOKEN_DAYS", 90, minimum=1)
HEARD_INVITE_DAYS = env_int("HEARD_INVITE_DAYS", 7, minimum=1)
# The address people use to reach Heard, for links in emails sent by the worker.
HEARD_SITE_URL = env_str("HEARD_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Measures: days after the due date before a measure counts as overdue; days before an
# appointment that a "before each appointment" measure becomes due.
HEARD_MEASURE_GRACE_DAYS = env_int("HEARD_MEASURE_GRACE_DAYS", 3, minimum=0)
HEARD_MEASURE_LEAD_DAYS = env_int("HEARD_MEASURE_LEAD_DAYS", 2, minimum=0)
# Caseload: days without contact (attended session, questionnaire or check-in) before a client
# is flagged, and attended sessions in the open episode without reliable improvement before
# "not on track".
HEARD_CASELOAD_NO_CONTACT_DAYS = env_int("HEARD_CASELOAD_NO_CONTACT_DAYS", 21, minimum=1)
HEARD_CASELOAD_NOT_ON_TRACK_SESSIONS = env_int("HEARD_CASELOAD_NOT_ON_TRACK_SESSIONS", 6, minimum=1)
# Safety: an urgent or acute alert nobody on the care team has acknowledged within this many
# minutes goes to the clinicians' supervisors (through the durable task queue).
HEARD_ALERT_ESCALATE_MINUTES = env_int("HEARD_ALERT_ESCALATE_MINUTES", 15, minimum=1)
# Crisis screening of client text: the longest it may take inline before the fail-safe takes
# over (crisis resources shown, a person asked to read the text), and whether the optional
# semantic layer (pip install -e '.[ml]') runs after the patterns.
HEARD_SCREENING_TIMEOUT_MS = env_int("HEARD_SCREENING_TIMEOUT_MS", 500, minimum=10)
HEARD_SCREENING_SEMANTIC = env_bool("HEARD_SCREENING_SEMANTIC", False)

# --- Security headers -----------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
_https = env_bool("HEARD_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = _https
CSRF_COOKIE_SECURE = _https
LANGUAGE_COOKIE_SECURE = _https
if _https:
    SECURE_SSL_REDIRECT = env_bool("HEARD_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("HEARD_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = False
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# No third-party requests and no inline script: every source is our own origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
    }
}

# --- Logging: structured, PHI-free ----------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("HEARD_LOG_LEVEL", "INFO")},
    "loggers": {
        # Request logs can carry query strings; keep them at warning level and above.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
