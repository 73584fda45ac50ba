"""Escalation: an urgent alert nobody acknowledges goes to the supervisors, once, audited."""

import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from heard.accounts.models import Role
from heard.audit.models import AuditEvent
from heard.safety import services
from heard.safety.models import RiskAlert
from heard.testing.base import make_personas

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def raise_for(client, level="urgent"):
    return services.raise_safety_signal(
        client=client,
        source="text",
        source_id=uuid.uuid4(),
        level=level,
        categories=["suicide"],
        reason="Talks about wanting to die.",
    )


def later(minutes):
    return timezone.now() + timedelta(minutes=minutes)


def test_an_unacknowledged_alert_goes_to_the_supervisor_once(
    personas, settings, django_capture_on_commit_callbacks
):
    settings.HEARD_ALERT_ESCALATE_MINUTES = 15
    alert = raise_for(personas.casey)
    mail.outbox.clear()
    # Not yet: 14 minutes in, the care team still has time.
    assert services.escalate_overdue_alerts(now=later(14)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert services.escalate_overdue_alerts(now=later(16)) == 1
    alert.refresh_from_db()
    assert alert.escalated_at is not None
    assert list(alert.escalated_to.all()) == [personas.sam]
    assert [m.to for m in mail.outbox] == [[personas.sam.email]]
    body = (mail.outbox[0].subject + mail.outbox[0].body).lower()
    for secret in ("casey", "suicid", "die"):
        assert secret not in body
    assert AuditEvent.objects.filter(action="safety:alert:escalate").count() == 1
    # Once only.
    assert services.escalate_overdue_alerts(now=later(60)) == 0
    assert services.escalate_if_unacknowledged(alert, now=later(60)) is False


def test_an_acknowledged_alert_is_not_escalated(personas):
    alert = raise_for(personas.casey)
    services.acknowledge_alert(personas.dana, alert=alert)
    assert services.escalate_overdue_alerts(now=later(120)) == 0
    alert.refresh_from_db()
    assert alert.escalated_at is None


def test_a_concern_is_never_escalated(personas):
    alert = raise_for(personas.casey, level="concern")
    assert services.escalate_if_unacknowledged(alert, now=later(120)) is False


def test_an_acute_alert_is_escalated(personas):
    alert = raise_for(personas.casey, level="acute")
    assert services.escalate_if_unacknowledged(alert, now=later(120)) is True


def test_without_a_named_supervisor_every_supervisor_in_the_service_is_told(personas):
    personas.dana.memberships.filter(role=Role.CLINICIAN).update(supervisor=None)
    alert = raise_for(personas.casey)
    services.escalate_if_unacknowledged(alert, now=later(120))
    assert list(alert.escalated_to.all()) == [personas.sam]


def test_with_no_supervisor_at_all_it_is_still_marked_and_logged(personas, caplog):
    personas.sam.memberships.update(is_active=False)
    alert = raise_for(personas.casey)
    assert services.escalate_if_unacknowledged(alert, now=later(120)) is True
    assert alert.escalated_to.count() == 0
    assert "safety.alert.escalated_to_nobody" in caplog.text


def test_an_alert_without_an_organization_goes_to_named_supervisors_only(personas):
    alert = raise_for(personas.casey)
    RiskAlert.objects.filter(pk=alert.pk).update(organization=None)
    personas.dana.memberships.filter(role=Role.CLINICIAN).update(supervisor=None)
    assert services.supervisors_for(RiskAlert.objects.get(pk=alert.pk)) == []


def test_the_task_for_a_deleted_alert_does_nothing(personas):
    services.escalate_task.call(987654)


def test_the_task_escalates_when_the_queue_runs_it(personas):
    # The queue runs the task no earlier than planned, so it doesn't check the time again.
    alert = raise_for(personas.casey)
    services.escalate_task.call(alert.pk)
    alert.refresh_from_db()
    assert alert.escalated_at is not None


def test_the_escalate_command_sweeps(personas, settings):
    settings.HEARD_ALERT_ESCALATE_MINUTES = 1
    alert = raise_for(personas.casey)
    RiskAlert.objects.filter(pk=alert.pk).update(created_at=later(-5))
    from io import StringIO

    out = StringIO()
    call_command("safety", "escalate", stdout=out)
    assert "1" in out.getvalue()
    alert.refresh_from_db()
    assert alert.escalated_at is not None


@pytest.mark.django_db(transaction=True)
def test_raising_an_alert_queues_its_escalation_on_the_durable_queue(settings):
    settings.TASKS = DATABASE_TASKS
    settings.HEARD_ALERT_ESCALATE_MINUTES = 15
    personas = make_personas()
    alert = raise_for(personas.casey)
    queued = DBTaskResult.objects.get(task_path__endswith="escalate_task")
    assert queued.args_kwargs["args"] == [alert.pk]
    expected = alert.created_at + timedelta(minutes=15)
    assert abs((queued.run_after - expected).total_seconds()) < 1
    # A concern does not queue an escalation.
    raise_for(personas.casey, level="concern")
    assert DBTaskResult.objects.filter(task_path__endswith="escalate_task").count() == 1


def test_staff_see_a_badge_with_open_alerts_on_every_page(client, personas):
    from heard.testing.base import sign_in

    raise_for(personas.casey)
    sign_in(client, personas.dana)
    body = client.get("/me/access-report/").content.decode()
    assert 'class="heard-nav__badge">1<span class="usa-sr-only"> open safety alert</span>' in body
    sign_in(client, personas.eli)
    assert "heard-nav__badge" not in client.get("/care/").content.decode()
    sign_in(client, personas.casey)
    assert "heard-nav__badge" not in client.get("/me/").content.decode()
