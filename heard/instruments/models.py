"""Stored measures: each administration of an instrument, and the measures a clinician schedules.

Instrument definitions are data (definitions/*.json), not tables; a row names its instrument by
id ("phq-9") and records the definition version it was answered against.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heard.accounts.models import User
from heard.core.models import PublicModel


class AssessmentStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class AssessmentSource(models.TextChoices):
    """Who entered the answers, and where."""

    CLIENT = "client", _("Answered by the client in Heard")
    SELF_CHECK = "self_check", _("Kept from an anonymous self-check")
    CLINICIAN = "clinician", _("Entered by a clinician")
    API = "api", _("Received through the API")


class Assessment(PublicModel):
    """One administration of one instrument for one client.

    `answers` maps the item number ("1".."10") to the answer's score, or to null when the person
    chose not to answer. An item that has not been reached yet is absent. The derived fields
    (total, severity, ...) are written by the scoring service when the assessment is completed
    and never edited by hand.
    """

    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="assessments")
    instrument = models.CharField(max_length=32)
    instrument_version = models.CharField(max_length=32)
    language = models.CharField(max_length=8, default="en")
    status = models.CharField(
        max_length=16, choices=AssessmentStatus.choices, default=AssessmentStatus.IN_PROGRESS
    )
    source = models.CharField(max_length=16, choices=AssessmentSource.choices)
    entered_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    schedule = models.ForeignKey(
        "MeasureSchedule",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assessments",
    )
    answers = models.JSONField(default=dict)
    options = models.JSONField(default=dict, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    # Derived by scoring when completed.
    total = models.IntegerField(null=True, blank=True)
    severity = models.CharField(max_length=64, blank=True)
    caseness = models.BooleanField(null=True, blank=True)
    complete = models.BooleanField(default=False)
    critical = models.JSONField(default=list, blank=True)
    score_detail = models.JSONField(default=dict, blank=True)
    # The API client's key, so a retried POST does not store the same response twice.
    idempotency_key = models.CharField(max_length=128, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(status="in_progress") | Q(completed_at__isnull=False),
                name="assessment_completed_has_time",
            ),
            models.UniqueConstraint(
                fields=["entered_by", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="assessment_idempotency_key_once",
            ),
        ]
        indexes = [
            models.Index(
                fields=["client", "instrument", "completed_at"], name="assessment_trend_idx"
            ),
            models.Index(fields=["status", "completed_at"], name="assessment_status_idx"),
            # Covers the service report's first / second / last scored total of an episode
            # (instruments.bulk): an index-only range read, no table row per assessment.
            models.Index(
                fields=["client", "instrument", "status", "completed_at", "id", "total"],
                name="assessment_outcome_idx",
            ),
        ]

    def answer_list(self, count: int) -> list[int | None]:
        """Answers in item order, `count` long; unreached items are None."""
        raw: dict[str, Any] = self.answers or {}
        return [raw.get(str(n)) for n in range(1, count + 1)]

    @property
    def is_completed(self) -> bool:
        return self.status == AssessmentStatus.COMPLETED


class MeasureSchedule(PublicModel):
    """A clinician's plan for a client to answer one instrument regularly: every N days,
    before each appointment, or both."""

    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="measure_schedules")
    instrument = models.CharField(max_length=32)
    every_days = models.PositiveSmallIntegerField(null=True, blank=True)
    before_appointments = models.BooleanField(default=False)
    starts_at = models.DateTimeField(default=timezone.now)
    active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(every_days__isnull=False) | Q(before_appointments=True),
                name="schedule_has_a_rhythm",
            ),
            models.CheckConstraint(
                condition=Q(every_days__isnull=True)
                | (Q(every_days__gte=1) & Q(every_days__lte=365)),
                name="schedule_every_days_in_range",
            ),
            models.UniqueConstraint(
                fields=["client", "instrument"],
                condition=Q(active=True),
                name="schedule_one_active_per_instrument",
            ),
        ]


class CssrsResult(PublicModel):
    """A C-SSRS Screener result recorded by a clinician from a paper or licensed administration
    (Heard does not ship the questions: docs/decisions/0013). Answers by question key; None
    means "not asked" (the screener branches). The triage category is derived by
    instruments.cssrs.triage and stored with it."""

    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="cssrs_results")
    recorded_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    administered_at = models.DateTimeField(default=timezone.now)
    answers = models.JSONField(default=dict)
    category = models.CharField(max_length=16)
    critical = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["client", "administered_at"], name="cssrs_client_idx")]
