"""Daily check-ins: how someone is doing, in under 30 seconds, every field optional."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from heard.accounts.models import User
from heard.core.fields import EncryptedTextField
from heard.core.models import PublicModel, TimestampedModel


class CheckIn(PublicModel):
    """One check-in. Several a day are fine; `at` is when it was about (UTC in the database,
    shown in the client's own time zone). Every value may be left out."""

    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="checkins")
    at = models.DateTimeField()
    mood = models.PositiveSmallIntegerField(null=True, blank=True)  # 0 very low .. 10 very good
    feelings = models.JSONField(default=list, blank=True)  # keys from heard.listening.feelings
    sleep_hours = models.DecimalField(max_digits=3, decimal_places=1, null=True, blank=True)
    sleep_quality = models.PositiveSmallIntegerField(null=True, blank=True)  # 1 .. 5
    movement_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    connection = models.PositiveSmallIntegerField(null=True, blank=True)  # 0 .. 4
    stress = models.PositiveSmallIntegerField(null=True, blank=True)  # 0 .. 10
    # Only for people who chose to track substances (CheckInSettings.track_substances).
    alcohol_drinks = models.PositiveSmallIntegerField(null=True, blank=True)
    substances = models.JSONField(default=list, blank=True)  # e.g. ["cannabis"]
    what_helped = EncryptedTextField(blank=True, default="")
    note = EncryptedTextField(blank=True, default="")
    revision = models.PositiveIntegerField(default=1)
    # The id the current text was screened under (the check-in's own id, or the revision's
    # after an edit): an alert raised for it means no automated reflection is shown.
    screened_as = models.UUIDField(null=True, blank=True)
    idempotency_key = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(mood__lte=10), name="checkin_mood_0_10"),
            models.CheckConstraint(
                condition=Q(sleep_hours__gte=0) & Q(sleep_hours__lte=24),
                name="checkin_sleep_0_24",
            ),
            models.CheckConstraint(
                condition=Q(sleep_quality__gte=1) & Q(sleep_quality__lte=5),
                name="checkin_sleep_quality_1_5",
            ),
            models.CheckConstraint(
                condition=Q(movement_minutes__lte=1440), name="checkin_movement_day"
            ),
            models.CheckConstraint(condition=Q(connection__lte=4), name="checkin_connection_0_4"),
            models.CheckConstraint(condition=Q(stress__lte=10), name="checkin_stress_0_10"),
            models.CheckConstraint(condition=Q(alcohol_drinks__lte=50), name="checkin_drinks"),
            models.UniqueConstraint(
                fields=["client", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="checkin_idempotency_per_client",
            ),
        ]
        indexes = [models.Index(fields=["client", "-at"], name="checkin_client_at_idx")]


class CheckInRevision(PublicModel):
    """What a check-in said before an edit: editing never loses history. `snapshot` holds the
    earlier values as encrypted JSON (it includes the note)."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    snapshot = EncryptedTextField()
    edited_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["checkin", "number"], name="checkinrevision_one_per_number"
            ),
        ]


class CheckInSettings(TimestampedModel):
    """A client's own check-in choices. Substances are asked only of people who opt in."""

    client = models.OneToOneField(User, on_delete=models.CASCADE, related_name="checkin_settings")
    track_substances = models.BooleanField(default=False)
