"""Safety alerts: the durable record that a client may be at risk, for their care team."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from heard.accounts.models import Organization, User
from heard.core.fields import EncryptedTextField
from heard.core.models import PublicModel


class AlertLevel(models.TextChoices):
    CONCERN = "concern", _("Concern")
    URGENT = "urgent", _("Urgent")
    ACUTE = "acute", _("Acute")


class AlertStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    RESOLVED = "resolved", _("Resolved")


class SignalSource(models.TextChoices):
    """Where the signal came from. Every place a client writes or answers adds one."""

    MEASURE = "measure", _("A questionnaire answer")
    TEXT = "text", _("Something the client wrote")
    SAFETY_PLAN = "safety_plan", _("The client's safety plan")
    CHECKIN = "checkin", _("A note in a daily check-in")
    JOURNAL = "journal", _("A journal entry")
    PROFILE = "profile", _("The client's profile")
    CARE_PLAN = "care_plan", _("The client's care plan")
    PRACTICE = "practice", _("A note on a skill practised")
    # Screening could not run (it raised or timed out): a person reads the text instead.
    UNSCREENED = "unscreened", _("Text that automatic screening could not check")


class RiskAlert(PublicModel):
    """One safety signal about one client, for their care team: open → acknowledged → resolved.

    A signal is never dropped: the row is written in the same transaction as what raised it,
    and notifications follow from the task queue. One source object raises at most one alert.
    """

    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="risk_alerts")
    organization = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source = models.CharField(max_length=16, choices=SignalSource.choices)
    source_id = models.UUIDField(null=True, blank=True)
    level = models.CharField(max_length=16, choices=AlertLevel.choices)
    categories = models.JSONField(default=list)
    # Why the alert was raised, in words for the care team (clinical: encrypted at rest).
    reason = EncryptedTextField(blank=True)
    status = models.CharField(max_length=16, choices=AlertStatus.choices, default=AlertStatus.OPEN)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolution_note = EncryptedTextField(blank=True)
    # Escalation: when nobody on the care team acknowledged in time, the supervisors were told.
    escalated_at = models.DateTimeField(null=True, blank=True)
    escalated_to = models.ManyToManyField(User, blank=True, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_id"],
                condition=Q(source_id__isnull=False),
                name="riskalert_one_per_source",
            ),
        ]
        indexes = [models.Index(fields=["client", "status"], name="riskalert_client_status_idx")]


class ContactWay(models.TextChoices):
    ANY = "any", _("Any way is fine")
    PHONE = "phone", _("A phone call")
    TEXT = "text", _("A text message")
    EMAIL = "email", _("An email")
    VIDEO = "video", _("A video call")


class ContactRequestStatus(models.TextChoices):
    OPEN = "open", _("Waiting")
    DONE = "done", _("Done")


class ContactRequest(PublicModel):
    """A client asks their care team to get in touch, with an optional note in their own words.

    The note is client free text, so it is screened (safety.services.ask_care_team) and
    encrypted at rest. When it came from the crisis screen, `alert` is the alert it follows.
    """

    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="contact_requests")
    organization = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    alert = models.ForeignKey(
        RiskAlert, on_delete=models.SET_NULL, null=True, blank=True, related_name="contact_requests"
    )
    how = models.CharField(max_length=8, choices=ContactWay.choices, default=ContactWay.ANY)
    note = EncryptedTextField(blank=True)
    status = models.CharField(
        max_length=8, choices=ContactRequestStatus.choices, default=ContactRequestStatus.OPEN
    )
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    idempotency_key = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["client", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="contactrequest_one_per_key",
            ),
        ]
        indexes = [models.Index(fields=["client", "status"], name="contactreq_client_status_idx")]


class SafetyPlan(PublicModel):
    """A client's Stanley-Brown safety plan, written in their own words, alone or with a clinician.

    `content` is JSON (see safety.plan_rules for its shape), encrypted at rest because step 6
    (making the environment safer) is as sensitive as a clinical note. `version` goes up by one
    at every save; an edit based on an older version is a conflict, never a silent overwrite.
    Every saved version is kept in SafetyPlanVersion.
    """

    client = models.OneToOneField(User, on_delete=models.CASCADE, related_name="safety_plan")
    content = EncryptedTextField(blank=True)
    version = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(version__gte=0), name="safetyplan_version_gte_0"),
        ]


class SafetyPlanVersion(PublicModel):
    """One saved version of a safety plan: who wrote it, when, and what it said."""

    plan = models.ForeignKey(SafetyPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = EncryptedTextField(blank=True)
    author = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="safetyplanversion_one_number"),
        ]
