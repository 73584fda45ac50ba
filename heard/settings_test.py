"""Settings for the test suite: fast hashing, a fixed key ring, local email, immediate tasks."""

import os

os.environ.setdefault("HEARD_DEBUG", "false")
os.environ.setdefault("HEARD_SECRET_KEY", "test-secret-key-not-for-production")
os.environ.setdefault("HEARD_HTTPS", "false")
os.environ.setdefault(
    "HEARD_ENCRYPTION_KEYS",
    # Two fixed test keys: "k2" encrypts, "k1" still decrypts (exercises key ids).
    "k2:dGVzdC1rZXktdHdvLXRlc3Qta2V5LXR3by10ZXN0LWs=,k1:dGVzdC1rZXktb25lLXRlc3Qta2V5LW9uZS10ZXN0LWs=",
)

from heard.settings import *  # noqa: E402, F403
from heard.settings import DATABASES, VAR_DIR  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["NAME"] = str(VAR_DIR / "test.sqlite3")
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}
