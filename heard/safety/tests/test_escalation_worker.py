"""The escalation survives a worker restart: the task waits in the database, not in memory."""

import os
import subprocess
import sys
import time
import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from heard.safety import services
from heard.safety.models import RiskAlert
from heard.testing.base import make_personas

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def start_worker() -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "heard.settings_test",
        "HEARD_TEST_WORKER_DB": str(connection.settings_dict["NAME"]),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "heard", "worker", "--interval", "0.2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.django_db(transaction=True)
def test_escalation_fires_after_the_worker_is_stopped_and_started_again(settings):
    settings.TASKS = DATABASE_TASKS
    settings.HEARD_ALERT_ESCALATE_MINUTES = 0.05  # 3 seconds, so the test is quick
    personas = make_personas()
    first = start_worker()
    try:
        # The worker is up and polling before the alert is raised.
        assert first.stderr is not None
        assert b"Worker" in first.stderr.readline()
        alert = services.raise_safety_signal(
            client=personas.casey,
            source="text",
            source_id=uuid.uuid4(),
            level="urgent",
            categories=["suicide"],
            reason="Talks about wanting to die.",
        )
    finally:
        # The worker dies before the escalation is due (as in a crash or a deploy).
        first.kill()
        first.communicate(timeout=10)
    due = alert.created_at + timedelta(seconds=3)
    assert timezone.now() < due, "the machine was too slow to stop the worker in time"
    time.sleep(max(0.0, (due - timezone.now()).total_seconds()) + 0.5)
    assert RiskAlert.objects.get(pk=alert.pk).escalated_at is None

    second = start_worker()
    try:
        escalated = wait_for(
            lambda: RiskAlert.objects.get(pk=alert.pk).escalated_at is not None, seconds=30
        )
    finally:
        second.terminate()
        _, errors = second.communicate(timeout=10)
    assert escalated, errors.decode()[-2000:]
    assert list(RiskAlert.objects.get(pk=alert.pk).escalated_to.all()) == [personas.sam]
