"""Every write to measures: answering, completing, recording whole responses, schedules and
their reminders. Scoring itself is pure (scoring.py); this module stores what it says."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from heard.accounts.models import User
from heard.appointments.models import Appointment, AppointmentStatus
from heard.audit import services as audit
from heard.core import notify
from heard.instruments import cssrs, flow
from heard.instruments.models import (
    Assessment,
    AssessmentSource,
    AssessmentStatus,
    CssrsResult,
    MeasureSchedule,
)
from heard.instruments.registry import Instrument, UnknownInstrument, get_instrument
from heard.instruments.schedule import DueState, DueStatus, due_state
from heard.instruments.scoring import AnswerError, Score, score
from heard.milestones import services as milestones
from heard.safety import services as safety
from heard.safety.models import AlertLevel, SignalSource

log = logging.getLogger("heard.instruments")


def _instrument(instrument_id: str) -> Instrument:
    try:
        return get_instrument(instrument_id)
    except UnknownInstrument as exc:
        raise ValidationError({"instrument": _("We don't know that questionnaire.")}) from exc


# --- Safety -----------------------------------------------------------------------------------


def _critical_reason(
    instrument: Instrument, items: Sequence[int], answers: list[int | None]
) -> str:
    parts = []
    for number in items:
        item = instrument.items[number - 1]
        value = answers[number - 1]
        shown = next((o.display for o in item.options if o.value == value), str(value))
        parts.append(f"{instrument.name} question {number} ({item.text}): “{shown}”")
    return "; ".join(parts)


def _route_critical(
    assessment: Assessment,
    instrument: Instrument,
    result: Score,
    *,
    signal_id: uuid.UUID | None = None,
) -> bool:
    """Send critical answers down the safety path. True when the person must see crisis
    resources now. Idempotent: one alert per assessment (or per `signal_id`, when the answers
    already raised an alert under that id before they were stored, as the self-check does)."""
    if not result.critical:
        return False
    answers = assessment.answer_list(len(instrument.items))
    safety.raise_safety_signal(
        client=assessment.client,
        source=SignalSource.MEASURE,
        source_id=signal_id or assessment.public_id,
        level=AlertLevel.URGENT,
        categories=["suicide"],
        reason=_critical_reason(instrument, result.critical, answers),
    )
    return True


# --- Answering one item at a time ------------------------------------------------------------


def start_assessment(
    actor: User, *, client: User, instrument_id: str, schedule: MeasureSchedule | None = None
) -> Assessment:
    """Begin (or resume) `client` answering `instrument_id` in Heard. An unfinished one for the
    same instrument is resumed rather than duplicated."""
    instrument = _instrument(instrument_id)
    with transaction.atomic():
        existing = (
            Assessment.objects.select_for_update()
            .filter(client=client, instrument=instrument.id, status=AssessmentStatus.IN_PROGRESS)
            .order_by("-started_at")
            .first()
        )
        if existing is not None:
            return existing
        assessment = Assessment.objects.create(
            client=client,
            instrument=instrument.id,
            instrument_version=instrument.version,
            language=client.language or "en",
            source=AssessmentSource.CLIENT,
            entered_by=actor,
            schedule=schedule
            or MeasureSchedule.objects.filter(
                client=client, instrument=instrument.id, active=True
            ).first(),
        )
        audit.record(actor, "measure:start", client=client, obj=assessment)
    return assessment


@dataclass(frozen=True)
class AnswerResult:
    assessment: Assessment
    # True when the answers so far include a critical one: show crisis resources now.
    critical: bool
    # The next item to ask (1-based), or None when every item has been reached.
    next_item: int | None


def answer_item(
    actor: User, *, assessment: Assessment, number: int, value: int | None
) -> AnswerResult:
    """Save one answer (None = "prefer not to answer") to an unfinished assessment. A critical
    answer raises the safety signal at once, before the rest are answered."""
    instrument = _instrument(assessment.instrument)
    if assessment.is_completed:
        raise ValidationError(_("This questionnaire is already finished."))
    if not 1 <= number <= len(instrument.items):
        raise ValidationError(_("That question isn't part of this questionnaire."))
    item = instrument.items[number - 1]
    if value is not None and value not in {o.value for o in item.options}:
        raise ValidationError(_("Please choose one of the answers shown."))
    with transaction.atomic():
        answers = dict(assessment.answers or {})
        answers[str(number)] = value
        # Answers after a gate that now closes them (e.g. no trauma exposure) are dropped.
        answers = flow.prune(instrument.id, answers)
        assessment.answers = answers
        assessment.save(update_fields=["answers", "updated_at"])
        partial = score(
            instrument.id, assessment.answer_list(len(instrument.items)), options=assessment.options
        )
        critical = _route_critical(assessment, instrument, partial)
    return AnswerResult(
        assessment, critical, flow.next_item(instrument.id, len(instrument.items), answers)
    )


def complete_assessment(actor: User, *, assessment: Assessment) -> Assessment:
    """Score and finish an assessment once every item has been reached (answered or skipped).
    Idempotent for a finished one."""
    instrument = _instrument(assessment.instrument)
    if assessment.is_completed:
        return assessment
    answers = dict(assessment.answers or {})
    if flow.next_item(instrument.id, len(instrument.items), answers) is not None:
        raise ValidationError(_("There are still questions to go through (you can skip any)."))
    with transaction.atomic():
        _store_score(assessment, instrument, timezone.now())
        assessment.save()
        audit.record(actor, "measure:complete", client=assessment.client, obj=assessment)
        result = score(
            instrument.id, assessment.answer_list(len(instrument.items)), options=assessment.options
        )
        _route_critical(assessment, instrument, result)
        _note_progress(assessment)
        if assessment.schedule_id:
            _plan_reminder(assessment.schedule_id)
    log.info("measure.completed assessment=%s instrument=%s", assessment.pk, instrument.id)
    return assessment


def _note_progress(assessment: Assessment) -> None:
    """Celebrate a reliable improvement from the client's first total on this measure."""
    if assessment.total is None:
        return
    first = (
        Assessment.objects.filter(
            client=assessment.client,
            instrument=assessment.instrument,
            status=AssessmentStatus.COMPLETED,
            total__isnull=False,
        )
        .order_by("completed_at", "pk")
        .values_list("total", flat=True)
        .first()
    )
    if first is not None:
        milestones.note_measure_progress(
            assessment.client, assessment.instrument, first, assessment.total
        )


def _store_score(assessment: Assessment, instrument: Instrument, when: datetime) -> Score:
    answers = assessment.answer_list(len(instrument.items))
    # Gated items never asked count as skipped for scoring.
    result = score(instrument.id, answers, options=assessment.options)
    assessment.status = AssessmentStatus.COMPLETED
    assessment.completed_at = when
    assessment.total = result.total
    assessment.severity = result.severity or ""
    assessment.caseness = result.caseness
    assessment.complete = result.complete
    assessment.critical = list(result.critical)
    assessment.score_detail = _detail(result)
    return result


def _detail(result: Score) -> dict[str, Any]:
    data = result.as_dict()
    return {
        key: value
        for key, value in data.items()
        if key not in {"instrument", "total", "severity", "caseness", "critical", "complete"}
    }


def discard_assessment(actor: User, *, assessment: Assessment) -> None:
    """Throw away an unfinished assessment the person no longer wants to continue."""
    if assessment.is_completed:
        raise ValidationError(_("A finished questionnaire can't be discarded."))
    with transaction.atomic():
        audit.record(actor, "measure:discard", client=assessment.client, obj=assessment)
        assessment.delete()


# --- Whole responses (self-check kept, API, entered by a clinician) --------------------------


def record_assessment(
    actor: User,
    *,
    client: User,
    instrument_id: str,
    answers: Sequence[int | None],
    source: str,
    language: str = "en",
    options: Mapping[str, Any] | None = None,
    completed_at: datetime | None = None,
    idempotency_key: str = "",
    signal_id: uuid.UUID | None = None,
) -> Assessment:
    """Store one complete set of answers for `client`, scored. Raises ValidationError (and
    stores nothing) when the answers don't fit the instrument. With an idempotency key, a
    repeat of the same request returns the assessment stored the first time. `signal_id`:
    see _route_critical."""
    instrument = _instrument(instrument_id)
    if source not in AssessmentSource.values:
        raise ValidationError({"source": "unknown source"})
    if idempotency_key:
        earlier = Assessment.objects.filter(
            entered_by=actor, idempotency_key=idempotency_key
        ).first()
        if earlier is not None:
            return earlier
    values = list(answers)
    try:
        score(instrument.id, values, options=options)
    except AnswerError as exc:
        raise ValidationError({"answers": str(exc)}) from exc
    if len(values) < len(instrument.items):
        values += [None] * (len(instrument.items) - len(values))
    when = completed_at or timezone.now()
    if when > timezone.now() + timedelta(minutes=5):
        raise ValidationError({"completed_at": _("That time is in the future.")})
    try:
        with transaction.atomic():
            assessment = Assessment(
                client=client,
                instrument=instrument.id,
                instrument_version=instrument.version,
                language=language,
                source=source,
                entered_by=actor,
                answers={str(n): v for n, v in enumerate(values, start=1)},
                options=dict(options or {}),
                started_at=when,
                idempotency_key=idempotency_key,
                schedule=MeasureSchedule.objects.filter(
                    client=client, instrument=instrument.id, active=True
                ).first(),
            )
            result = _store_score(assessment, instrument, when)
            assessment.save()
            audit.record(
                actor, "measure:record", client=client, obj=assessment, extra={"source": source}
            )
            _route_critical(assessment, instrument, result, signal_id=signal_id)
            _note_progress(assessment)
            if assessment.schedule_id:
                _plan_reminder(assessment.schedule_id)
    except IntegrityError:
        # Two identical requests raced: the other one stored it.
        earlier = Assessment.objects.filter(
            entered_by=actor, idempotency_key=idempotency_key
        ).first()
        if earlier is None:  # pragma: no cover - not an idempotency race
            raise
        return earlier
    return assessment


# --- Schedules ----------------------------------------------------------------------------------


def schedule_measure(
    actor: User,
    *,
    client: User,
    instrument_id: str,
    every_days: int | None,
    before_appointments: bool,
) -> MeasureSchedule:
    """Ask `client` to answer `instrument_id` regularly. Replaces an active schedule for the
    same instrument. At least one rhythm is needed."""
    instrument = _instrument(instrument_id)
    if every_days is None and not before_appointments:
        raise ValidationError(
            _("Choose how often: every so many days, before each appointment, or both.")
        )
    if every_days is not None and not 1 <= every_days <= 365:
        raise ValidationError({"every_days": _("Choose between 1 and 365 days.")})
    with transaction.atomic():
        for old in MeasureSchedule.objects.select_for_update().filter(
            client=client, instrument=instrument.id, active=True
        ):
            _end(actor, old)
        schedule = MeasureSchedule.objects.create(
            client=client,
            instrument=instrument.id,
            every_days=every_days,
            before_appointments=before_appointments,
            created_by=actor,
        )
        audit.record(actor, "measure:schedule:create", client=client, obj=schedule)
        _plan_reminder(schedule.pk)
    return schedule


def _end(actor: User, schedule: MeasureSchedule) -> None:
    schedule.active = False
    schedule.ended_at = timezone.now()
    schedule.ended_by = actor
    schedule.save(update_fields=["active", "ended_at", "ended_by", "updated_at"])
    audit.record(actor, "measure:schedule:end", client=schedule.client, obj=schedule)


def end_schedule(actor: User, *, schedule: MeasureSchedule) -> None:
    """Stop a schedule. Idempotent."""
    if not schedule.active:
        return
    with transaction.atomic():
        _end(actor, schedule)


def _last_completed(schedule: MeasureSchedule) -> datetime | None:
    return (
        Assessment.objects.filter(
            client_id=schedule.client_id,
            instrument=schedule.instrument,
            status=AssessmentStatus.COMPLETED,
        )
        .order_by("-completed_at")
        .values_list("completed_at", flat=True)
        .first()
    )


def _appointment_times(client_id: int) -> list[datetime]:
    return list(
        Appointment.objects.filter(client_id=client_id)
        .exclude(status=AppointmentStatus.CANCELLED)
        .values_list("starts_at", flat=True)
    )


def state_of(schedule: MeasureSchedule, *, now: datetime | None = None) -> DueState:
    """Whether `schedule` is not due, due or overdue now."""
    return due_state(
        every_days=schedule.every_days,
        before_appointments=schedule.before_appointments,
        starts_at=schedule.starts_at,
        last_completed_at=_last_completed(schedule),
        now=now or timezone.now(),
        appointments=_appointment_times(schedule.client_id) if schedule.before_appointments else (),
        grace=timedelta(days=settings.HEARD_MEASURE_GRACE_DAYS),
        lead=timedelta(days=settings.HEARD_MEASURE_LEAD_DAYS),
    )


@dataclass(frozen=True)
class DueMeasure:
    schedule: MeasureSchedule
    instrument: Instrument
    state: DueState
    in_progress: Assessment | None


def due_measures(client: User, *, now: datetime | None = None) -> list[DueMeasure]:
    """`client`'s scheduled measures with their state, the waiting ones first."""
    schedules = list(MeasureSchedule.objects.filter(client=client, active=True))
    unfinished = {
        a.instrument: a
        for a in Assessment.objects.filter(client=client, status=AssessmentStatus.IN_PROGRESS)
    }
    rows = [
        DueMeasure(
            s, get_instrument(s.instrument), state_of(s, now=now), unfinished.get(s.instrument)
        )
        for s in schedules
    ]
    order = {DueStatus.OVERDUE: 0, DueStatus.DUE: 1, DueStatus.NOT_DUE: 2}
    rows.sort(key=lambda r: (order[r.state.status], r.instrument.name))
    return rows


# --- Reminders ----------------------------------------------------------------------------------


def _needs_reminder(schedule: MeasureSchedule, state: DueState) -> bool:
    """Waiting, and not yet reminded for this due date (one reminder when it falls due, one
    more when it becomes overdue)."""
    if not state.waiting or state.due_at is None:
        return False
    since = state.due_at
    if state.status is DueStatus.OVERDUE and schedule.every_days is not None:
        since = state.due_at + timedelta(days=settings.HEARD_MEASURE_GRACE_DAYS)
    return schedule.last_reminded_at is None or schedule.last_reminded_at < since


def remind_if_due(schedule: MeasureSchedule, *, now: datetime | None = None) -> bool:
    """Send the client "You have a check-in waiting" if the measure is waiting and they have
    not been reminded for it yet. Returns whether a reminder was sent."""
    now = now or timezone.now()
    if not schedule.active or not _needs_reminder(schedule, state_of(schedule, now=now)):
        return False
    with transaction.atomic():
        schedule.last_reminded_at = now
        schedule.save(update_fields=["last_reminded_at", "updated_at"])
        notify.send_notice(schedule.client, "measure_due")
        audit.record(None, "measure:reminder", client=schedule.client, obj=schedule)
    return True


@task()
def remind_task(schedule_id: int) -> None:
    """Runs at the moment a schedule is due to change; sends the reminder and plans the next."""
    schedule = MeasureSchedule.objects.filter(pk=schedule_id, active=True).first()
    if schedule is None:
        return
    remind_if_due(schedule)
    _plan_reminder(schedule.pk)


def _plan_reminder(schedule_id: int) -> None:
    """Queue remind_task for the next moment this schedule's state changes. With a task
    backend that can't defer (tests), the sweep below does the work instead."""
    if not notify.can_defer():
        return
    schedule = MeasureSchedule.objects.filter(pk=schedule_id, active=True).first()
    if schedule is None:
        return
    now = timezone.now()
    state = state_of(schedule, now=now)
    when = now if _needs_reminder(schedule, state) else state.next_change_at
    if when is None:
        return
    when = max(when, now)
    transaction.on_commit(lambda: remind_task.using(run_after=when).enqueue(schedule_id))


def send_due_reminders(*, now: datetime | None = None) -> int:
    """Sweep every active schedule and remind where due. Safe to run any time (it never
    reminds twice for the same due date). Returns the number of reminders sent."""
    sent = 0
    for schedule in MeasureSchedule.objects.filter(active=True).select_related("client"):
        if remind_if_due(schedule, now=now):
            sent += 1
    return sent


# --- C-SSRS Screener results recorded by a clinician ---------------------------------------------


def record_cssrs(
    actor: User,
    *,
    client: User,
    answers: cssrs.CssrsAnswers,
    administered_at: datetime | None = None,
) -> CssrsResult:
    """Store a clinician-recorded C-SSRS Screener result with its triage category. Any yes is
    critical and goes down the safety path (high risk as an acute alert). Raises
    ValidationError, storing nothing, when the answers don't follow the screener's branching."""
    try:
        result = cssrs.triage(answers)
    except cssrs.CssrsError as exc:
        raise ValidationError(str(exc)) from exc
    when = administered_at or timezone.now()
    if when > timezone.now() + timedelta(minutes=5):
        raise ValidationError({"administered_at": _("That time is in the future.")})
    with transaction.atomic():
        row = CssrsResult.objects.create(
            client=client,
            recorded_by=actor,
            administered_at=when,
            answers=asdict(answers),
            category=result.category,
            critical=result.critical,
        )
        audit.record(
            actor, "measure:cssrs:record", client=client, obj=row, extra={"category": row.category}
        )
        if result.critical:
            safety.raise_safety_signal(
                client=client,
                source=SignalSource.MEASURE,
                source_id=row.public_id,
                level=AlertLevel.ACUTE if result.category == cssrs.HIGH else AlertLevel.URGENT,
                categories=["suicide"],
                reason=f"C-SSRS Screener recorded by a clinician: {result.category} risk"
                + (f" ({', '.join(result.reasons)})" if result.reasons else ""),
            )
    return row
