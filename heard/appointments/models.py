"""Appointments and episodes of care: when a client is seen, and the course of care they
belong to. Outcomes (recovery, reliable improvement) are computed per episode."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heard.accounts.models import Organization, User
from heard.core.models import PublicModel


class AppointmentKind(models.TextChoices):
    ASSESSMENT = "assessment", _("Assessment")
    TREATMENT = "treatment", _("Treatment session")
    FOLLOW_UP = "follow_up", _("Follow-up")


class AppointmentStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    ATTENDED = "attended", _("Attended")
    CANCELLED = "cancelled", _("Cancelled")
    DID_NOT_ATTEND = "did_not_attend", _("Did not attend")


class Appointment(PublicModel):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="appointments")
    clinician = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveSmallIntegerField(default=50)
    kind = models.CharField(
        max_length=16, choices=AppointmentKind.choices, default=AppointmentKind.TREATMENT
    )
    status = models.CharField(
        max_length=16, choices=AppointmentStatus.choices, default=AppointmentStatus.SCHEDULED
    )

    class Meta:
        ordering = ["starts_at"]
        indexes = [
            models.Index(fields=["client", "starts_at"], name="appointment_client_idx"),
            # Covers the service report's attended sessions of an episode (count and first):
            # an index-only range read, no table row per appointment.
            models.Index(
                fields=["client", "organization", "status", "starts_at", "kind"],
                name="appointment_attended_idx",
            ),
        ]

    @property
    def has_started(self) -> bool:
        """Whether it has begun, so it can be marked attended or missed."""
        return self.starts_at <= timezone.now()


class EpisodeCloseReason(models.TextChoices):
    COMPLETED = "completed", _("Treatment completed")
    DROPPED_OUT = "dropped_out", _("Stopped attending")
    REFERRED_ON = "referred_on", _("Referred to another service")
    CLIENT_CHOICE = "client_choice", _("Client chose to end care")
    OTHER = "other", _("Other")


class Episode(PublicModel):
    """One course of care for a client in a service, from referral to discharge."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="episodes")
    # The day the service received the referral, when it came before the episode was opened
    # (a waiting list); None means the day it was opened. Reports count waiting time from it.
    referred_on = models.DateField(null=True, blank=True)
    opened_at = models.DateTimeField(default=timezone.now)
    opened_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    close_reason = models.CharField(max_length=16, choices=EpisodeCloseReason.choices, blank=True)

    class Meta:
        ordering = ["-opened_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True) | Q(closed_at__gte=models.F("opened_at")),
                name="episode_closes_after_opening",
            ),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True) | ~Q(close_reason=""),
                name="episode_closed_has_reason",
            ),
            models.UniqueConstraint(
                fields=["client", "organization"],
                condition=Q(closed_at__isnull=True),
                name="episode_one_open_per_service",
            ),
        ]

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def referral_date(self) -> date:
        """The referral day: referred_on, else the local day the episode was opened."""
        return self.referred_on or timezone.localdate(self.opened_at)
