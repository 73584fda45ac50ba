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
