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

from heard.settings import *  # noqa: F403
from heard.settings import DATABASES, INSTALLED_APPS, STATIC_ROOT, VAR_DIR

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
    # A file, not memory, so a test can read the raw bytes on disk; one per test process so
    # concurrent runs never share it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-db-{os.getpid()}.sqlite3")}
# A worker process started by a test (the escalation restart test) works on that test's
# database through the real, durable queue.
if os.environ.get("HEARD_TEST_WORKER_DB"):
    DATABASES["default"]["NAME"] = os.environ["HEARD_TEST_WORKER_DB"]
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# whitenoise warns when the collected-static folder is missing; tests serve nothing from it.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# A tiny test-only app with an encrypted column, for the encryption and key-rotation tests.
INSTALLED_APPS = [*INSTALLED_APPS, "heard.core.tests.encfield_app"]
