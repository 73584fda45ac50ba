"""Reminders are planned on the durable task queue for the moment a measure falls due."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from heard.instruments import services
from heard.testing.base import make_personas

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
def test_a_schedule_queues_its_reminder_and_the_worker_sends_it(settings):
    settings.TASKS = DATABASE_TASKS
    personas = make_personas()
    services.schedule_measure(
        personas.dana,
        client=personas.casey,
        instrument_id="phq-9",
        every_days=14,
        before_appointments=False,
    )
    queued = DBTaskResult.objects.get(task_path__endswith="remind_task")
    # Due at once (first time), so the reminder may run now.
    assert queued.run_after is not None
    assert queued.run_after <= timezone.now() + timedelta(seconds=5)
    call_command("worker", "--batch", "--interval", "0", stdout=StringIO(), stderr=StringIO())
    subjects = [m.subject for m in mail.outbox]
    assert subjects == ["You have a check-in waiting"]
    # The task planned the next change (overdue in 3 days) as a new deferred task.
    later = DBTaskResult.objects.filter(status="READY").get()
    assert later.run_after > timezone.now() + timedelta(days=2)


@pytest.mark.django_db
def test_the_reminders_command_sends_due_reminders_once(personas):
    services.schedule_measure(
        personas.dana,
        client=personas.casey,
        instrument_id="gad-7",
        every_days=7,
        before_appointments=False,
    )
    out = StringIO()
    call_command("reminders", stdout=out)
    call_command("reminders", stdout=out)
    assert out.getvalue().splitlines() == ["Sent 1 reminder.", "Sent 0 reminders."]
