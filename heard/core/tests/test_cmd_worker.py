"""`heard worker`: runs tasks queued in the database."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django_tasks import task
from django_tasks_db.models import DBTaskResult
from pytest_django.fixtures import Settings

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
ran: list[str] = []


@task()
def remember(word: str) -> str:
    ran.append(word)
    return word.upper()


@pytest.mark.django_db(transaction=True)
def test_batch_mode_runs_every_queued_task_then_exits(settings: Settings) -> None:
    settings.TASKS = DATABASE_TASKS
    ran.clear()
    remember.enqueue("one")
    remember.enqueue("two")
    assert DBTaskResult.objects.count() == 2

    out = StringIO()
    call_command("worker", "--batch", "--interval", "0", stdout=out, stderr=StringIO())

    assert sorted(ran) == ["one", "two"]
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert "Worker stopped: no tasks left." in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_it_only_takes_tasks_from_the_named_queue(settings: Settings) -> None:
    settings.TASKS = {"default": {**DATABASE_TASKS["default"], "QUEUES": ["default", "slow"]}}
    ran.clear()
    remember.using(queue_name="slow").enqueue("later")
    call_command("worker", "--batch", "--interval", "0", stdout=StringIO(), stderr=StringIO())
    assert ran == []
    call_command(
        "worker",
        "--batch",
        "--interval",
        "0",
        "--queue-name",
        "slow",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    assert ran == ["later"]


@pytest.mark.parametrize("interval", ["-1", "nan", "soon"])
def test_it_rejects_a_bad_interval(interval: str) -> None:
    with pytest.raises(CommandError):
        call_command("worker", "--interval", interval, stdout=StringIO(), stderr=StringIO())
