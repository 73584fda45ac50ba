"""The ONLY way to load assessments and schedules. Missing and forbidden both raise 404.

Reading a client's measures needs the care relationship AND the client's choice to share
measures; the client always sees their own. Staff reads are audited.
"""

from __future__ import annotations

import uuid

from django.db.models import QuerySet
from django.http import Http404

from heard.accounts.models import User
from heard.audit import services as audit
from heard.audit.models import Outcome
from heard.core.ids import parse_uuid
from heard.instruments.models import Assessment, AssessmentStatus, CssrsResult, MeasureSchedule
from heard.people import policy
from heard.people.models import Category


def _check(user: User, client: User, *, action: str, obj: object, for_write: bool) -> None:
    check = policy.can_write if for_write else policy.can_read
    # The shared policy: the client themself, or their care team when measures are shared.
    if not check(user, client, Category.MEASURES):
        audit.record(user, action, client=client, outcome=Outcome.DENIED)
        raise Http404
    # Staff access is audited; a client opening their own answers is not.
    if user.pk != client.pk:
        audit.record(user, action, client=client, obj=obj)


def access_assessment(
    user: User, assessment_id: str | uuid.UUID, *, action: str, for_write: bool = False
) -> Assessment:
    """The assessment `assessment_id` if `user` may read (or write) it; audits staff access
    and denials as `action`; Http404 otherwise."""
    parsed = parse_uuid(assessment_id)
    assessment = (
        Assessment.objects.select_related("client").filter(public_id=parsed).first()
        if parsed
        else None
    )
    # It must exist.
    if assessment is None:
        audit.record(user, action, outcome=Outcome.DENIED, extra={"reason": "not_found"})
        raise Http404
    _check(user, assessment.client, action=action, obj=assessment, for_write=for_write)
    return assessment


def access_own_submission(user: User, idempotency_key: str, *, action: str) -> Assessment | None:
    """The assessment `user` entered earlier under `idempotency_key` (a retried API request),
    or None when there is none. `user` must still be allowed to read it: Http404 otherwise.
    Audits staff access as `action`, as access_assessment does."""
    # Only a key the caller used: keys are unique per person who entered the answers.
    assessment = (
        Assessment.objects.select_related("client", "entered_by")
        .filter(entered_by=user, idempotency_key=idempotency_key)
        .first()
        if idempotency_key
        else None
    )
    if assessment is None:
        return None
    _check(user, assessment.client, action=action, obj=assessment, for_write=False)
    return assessment


def access_own_unfinished(user: User, assessment_id: str | uuid.UUID) -> Assessment:
    """An unfinished assessment that `user` is answering for themself; Http404 otherwise.
    Only the client answers their own questionnaire."""
    parsed = parse_uuid(assessment_id)
    assessment = (
        Assessment.objects.filter(
            public_id=parsed, client=user, status=AssessmentStatus.IN_PROGRESS
        ).first()
        if parsed
        else None
    )
    # Only the person's own, and only while unfinished.
    if assessment is None:
        raise Http404
    return assessment


def access_schedule(user: User, schedule_id: str | uuid.UUID, *, action: str) -> MeasureSchedule:
    """A schedule that `user` may change (the client's care team); Http404 otherwise."""
    parsed = parse_uuid(schedule_id)
    schedule = (
        MeasureSchedule.objects.select_related("client").filter(public_id=parsed).first()
        if parsed
        else None
    )
    # It must exist.
    if schedule is None:
        audit.record(user, action, outcome=Outcome.DENIED, extra={"reason": "not_found"})
        raise Http404
    # Only the care team sets or stops schedules (not the client, not other staff).
    if not policy.is_on_care_team(user, schedule.client):
        audit.record(user, action, client=schedule.client, outcome=Outcome.DENIED)
        raise Http404
    audit.record(user, action, client=schedule.client, obj=schedule)
    return schedule


def client_assessments(client: User, *, instrument: str | None = None) -> QuerySet[Assessment]:
    """Completed assessments of a client already checked with people.access.access_client
    (category measures), oldest first."""
    rows = Assessment.objects.filter(client=client, status=AssessmentStatus.COMPLETED)
    if instrument is not None:
        rows = rows.filter(instrument=instrument)
    return rows.order_by("completed_at", "pk")


def client_unfinished(client: User) -> QuerySet[Assessment]:
    """Unfinished assessments of a client (already checked), newest first."""
    return Assessment.objects.filter(client=client, status=AssessmentStatus.IN_PROGRESS).order_by(
        "-started_at"
    )


def client_cssrs_results(client: User) -> QuerySet[CssrsResult]:
    """Clinician-recorded C-SSRS results of a client (already checked), newest first."""
    return CssrsResult.objects.filter(client=client).order_by("-administered_at", "-pk")
