"""Answering, completing and recording measures; critical answers; schedules and reminders."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from heard.audit.models import AuditEvent
from heard.instruments import services
from heard.instruments.models import Assessment, AssessmentStatus, MeasureSchedule
from heard.safety.models import RiskAlert

PHQ9_MODERATE = [1, 2, 0, 3, 1, 0, 2, 1, 0]  # total 10


def test_starting_twice_resumes_the_unfinished_one(personas):
    casey = personas.casey
    first = services.start_assessment(casey, client=casey, instrument_id="gad-7")
    again = services.start_assessment(casey, client=casey, instrument_id="gad-7")
    assert first.pk == again.pk
    assert first.status == AssessmentStatus.IN_PROGRESS
    assert AuditEvent.objects.filter(action="measure:start").count() == 1


def test_an_unknown_instrument_is_refused_kindly(personas):
    with pytest.raises(ValidationError):
        services.start_assessment(personas.casey, client=personas.casey, instrument_id="nope")


def test_answering_item_by_item_then_completing_scores_exactly(personas):
    casey = personas.casey
    a = services.start_assessment(casey, client=casey, instrument_id="gad-7")
    result = None
    for number, value in enumerate([3, 3, 2, 2, 1, 1, 0], start=1):
        result = services.answer_item(casey, assessment=a, number=number, value=value)
    assert result.next_item is None
    services.complete_assessment(casey, assessment=a)
    a.refresh_from_db()
    assert (a.total, a.severity, a.complete) == (12, "moderate", True)
    assert a.completed_at is not None


def test_skipped_items_are_never_invented(personas):
    casey = personas.casey
    a = services.start_assessment(casey, client=casey, instrument_id="gad-7")
    for number in range(1, 8):
        services.answer_item(casey, assessment=a, number=number, value=None if number == 4 else 1)
    services.complete_assessment(casey, assessment=a)
    a.refresh_from_db()
    assert a.total is None
    assert a.complete is False
    assert a.severity == ""


def test_completing_too_early_is_refused(personas):
    casey = personas.casey
    a = services.start_assessment(casey, client=casey, instrument_id="gad-7")
    services.answer_item(casey, assessment=a, number=1, value=1)
    with pytest.raises(ValidationError):
        services.complete_assessment(casey, assessment=a)


@pytest.mark.parametrize(("number", "value"), [(1, 4), (1, -1), (0, 1), (8, 1)])
def test_out_of_range_answers_are_refused_and_not_saved(personas, number, value):
    casey = personas.casey
    a = services.start_assessment(casey, client=casey, instrument_id="gad-7")
    with pytest.raises(ValidationError):
        services.answer_item(casey, assessment=a, number=number, value=value)
    a.refresh_from_db()
    assert a.answers == {}


def test_a_finished_assessment_takes_no_more_answers(personas):
    casey = personas.casey
    a = services.record_assessment(
        casey, client=casey, instrument_id="gad-2", answers=[1, 1], source="client"
    )
    with pytest.raises(ValidationError):
        services.answer_item(casey, assessment=a, number=1, value=0)
    assert services.complete_assessment(casey, assessment=a) == a
    with pytest.raises(ValidationError):
        services.discard_assessment(casey, assessment=a)


def test_discarding_an_unfinished_assessment(personas):
    casey = personas.casey
    a = services.start_assessment(casey, client=casey, instrument_id="gad-7")
    services.discard_assessment(casey, assessment=a)
    assert not Assessment.objects.filter(pk=a.pk).exists()


def test_phq9_item_9_raises_one_alert_at_once_and_tells_the_care_team(
    personas, django_capture_on_commit_callbacks
):
    casey = personas.casey
    a = services.start_assessment(casey, client=casey, instrument_id="phq-9")
    for number in range(1, 9):
        services.answer_item(casey, assessment=a, number=number, value=1)
    with django_capture_on_commit_callbacks(execute=True):
        result = services.answer_item(casey, assessment=a, number=9, value=2)
    # Before the questionnaire is finished, the signal is already raised.
    assert result.critical is True
    alert = RiskAlert.objects.get()
    assert alert.client == casey
    assert alert.source_id == a.public_id
    assert "question 9" in alert.reason
    assert [m.to for m in mail.outbox] == [[personas.dana.email]]
    body = mail.outbox[0].body + mail.outbox[0].subject
    for clinical in ("PHQ", "Casey", "suicid", "dead", "score"):
        assert clinical.lower() not in body.lower()
    # Finishing (and answering again) does not raise a second alert.
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_item(casey, assessment=a, number=10, value=1)
        services.complete_assessment(casey, assessment=a)
    assert RiskAlert.objects.count() == 1
    assert len(mail.outbox) == 1
    a.refresh_from_db()
    assert a.critical == [9]


def test_no_alert_without_a_critical_answer(personas):
    casey = personas.casey
    services.record_assessment(
        casey, client=casey, instrument_id="phq-9", answers=PHQ9_MODERATE, source="client"
    )
    assert RiskAlert.objects.count() == 0


def test_record_assessment_scores_and_audits(personas):
    a = services.record_assessment(
        personas.dana,
        client=personas.casey,
        instrument_id="phq-9",
        answers=PHQ9_MODERATE,
        source="clinician",
    )
    assert (a.total, a.severity, a.caseness, a.complete) == (10, "moderate", True, True)
    assert a.answers["10"] is None  # the unscored difficulty item, not given
    event = AuditEvent.objects.get(action="measure:record")
    assert event.client_id == personas.casey.public_id


@pytest.mark.parametrize(
    "answers", [[1, 2, 3], [1, 2, 0, 3, 1, 0, 2, 1, 4], [9] * 9], ids=["short", "range", "nines"]
)
def test_bad_answers_store_nothing(personas, answers):
    with pytest.raises(ValidationError):
        services.record_assessment(
            personas.casey,
            client=personas.casey,
            instrument_id="phq-9",
            answers=answers,
            source="client",
        )
    assert Assessment.objects.count() == 0


def test_bad_source_and_future_time_are_refused(personas):
    casey = personas.casey
    with pytest.raises(ValidationError):
        services.record_assessment(
            casey, client=casey, instrument_id="gad-2", answers=[0, 0], source="martian"
        )
    with pytest.raises(ValidationError):
        services.record_assessment(
            casey,
            client=casey,
            instrument_id="gad-2",
            answers=[0, 0],
            source="client",
            completed_at=timezone.now() + timedelta(days=1),
        )
    assert Assessment.objects.count() == 0


def test_an_idempotency_key_stores_once(personas):
    kwargs = {
        "client": personas.casey,
        "instrument_id": "gad-2",
        "answers": [1, 2],
        "source": "api",
        "idempotency_key": "abc-123",
    }
    first = services.record_assessment(personas.casey, **kwargs)
    second = services.record_assessment(personas.casey, **kwargs)
    other = services.record_assessment(personas.dana, **kwargs)
    assert first.pk == second.pk
    assert other.pk != first.pk
    assert Assessment.objects.count() == 2


# --- Schedules and reminders -------------------------------------------------------------------


def test_scheduling_replaces_the_active_schedule(personas):
    dana, casey = personas.dana, personas.casey
    services.schedule_measure(
        dana, client=casey, instrument_id="phq-9", every_days=14, before_appointments=False
    )
    services.schedule_measure(
        dana, client=casey, instrument_id="phq-9", every_days=7, before_appointments=True
    )
    active = MeasureSchedule.objects.get(active=True)
    assert (active.every_days, active.before_appointments) == (7, True)
    assert MeasureSchedule.objects.filter(active=False).count() == 1


@pytest.mark.parametrize(("every", "before"), [(None, False), (0, False), (366, True)])
def test_a_schedule_needs_a_sensible_rhythm(personas, every, before):
    with pytest.raises(ValidationError):
        services.schedule_measure(
            personas.dana,
            client=personas.casey,
            instrument_id="phq-9",
            every_days=every,
            before_appointments=before,
        )


def test_due_measures_and_reminders(personas, django_capture_on_commit_callbacks):
    dana, casey = personas.dana, personas.casey
    schedule = services.schedule_measure(
        dana, client=casey, instrument_id="gad-7", every_days=14, before_appointments=False
    )
    now = timezone.now()
    (due,) = services.due_measures(casey, now=now + timedelta(hours=1))
    assert due.state.status == "due"
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_due_reminders(now=now + timedelta(hours=1)) == 1
        # Never twice for the same due date.
        assert services.send_due_reminders(now=now + timedelta(hours=2)) == 0
        # Once more when it becomes overdue.
        assert services.send_due_reminders(now=now + timedelta(days=4)) == 1
        assert services.send_due_reminders(now=now + timedelta(days=5)) == 0
    assert [m.subject for m in mail.outbox] == ["You have a check-in waiting"] * 2
    assert "GAD" not in mail.outbox[0].body
    # Answering makes it not due for 14 days.
    services.record_assessment(
        casey, client=casey, instrument_id="gad-7", answers=[0] * 7, source="client"
    )
    (due,) = services.due_measures(casey, now=now + timedelta(days=5))
    assert due.state.status == "not_due"
    assert services.send_due_reminders(now=now + timedelta(days=5)) == 0
    services.end_schedule(dana, schedule=schedule)
    services.end_schedule(dana, schedule=schedule)
    assert services.due_measures(casey) == []
    assert not services.remind_if_due(schedule)


def test_the_reminder_task_does_nothing_for_an_ended_schedule(personas):
    schedule = services.schedule_measure(
        personas.dana,
        client=personas.casey,
        instrument_id="gad-7",
        every_days=14,
        before_appointments=False,
    )
    services.end_schedule(personas.dana, schedule=schedule)
    services.remind_task.call(schedule.pk)
    assert mail.outbox == []
