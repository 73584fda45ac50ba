"""Skills practice: what a client tried and how it went, their favourite skills, and skills
their care team recommended. The skills themselves are data (library.py), named by key."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from heard.accounts.models import User
from heard.core.fields import EncryptedTextField
from heard.core.models import PublicModel, TimestampedModel


class Helped(models.TextChoices):
    """The answer to "Did this help?" ("" = not answered)."""

    YES = "yes", _("Yes")
    SOME = "some", _("A little")
    NO = "no", _("Not this time")


class Practice(PublicModel):
    """One time a client practised a skill. Every rating is optional; distress is 0 (none)
    to 10 (the most). The note is private to the client."""

    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="skill_practices")
    skill_key = models.CharField(max_length=64)
    practised_at = models.DateTimeField()
    distress_before = models.PositiveSmallIntegerField(null=True, blank=True)
    distress_after = models.PositiveSmallIntegerField(null=True, blank=True)
    helped = models.CharField(max_length=8, choices=Helped.choices, blank=True, default="")
    note = EncryptedTextField(blank=True, default="")
    idempotency_key = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(distress_before__gte=0) & Q(distress_before__lte=10),
                name="practice_distress_before_0_10",
            ),
            models.CheckConstraint(
                condition=Q(distress_after__gte=0) & Q(distress_after__lte=10),
                name="practice_distress_after_0_10",
            ),
            models.CheckConstraint(
                condition=Q(helped__in=["", *Helped.values]), name="practice_helped_known"
            ),
            models.UniqueConstraint(
                fields=["client", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="practice_idempotency_per_client",
            ),
        ]
        indexes = [
            models.Index(fields=["client", "-practised_at"], name="practice_client_when_idx"),
        ]

    @property
    def change(self) -> int | None:
        """After minus before (negative: distress went down), when both were given."""
        if self.distress_before is None or self.distress_after is None:
            return None
        return self.distress_after - self.distress_before


class Favourite(TimestampedModel):
    """A skill the client keeps near the top of their library."""

    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="favourite_skills")
    skill_key = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["client", "skill_key"], name="favourite_once_per_client_skill"
            ),
        ]


class Recommendation(PublicModel):
    """A skill someone on the care team suggested to the client, with an optional note to
    them. The client can put it aside (dismissed_at); one open suggestion per skill."""

    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="skill_recommendations")
    skill_key = models.CharField(max_length=64)
    recommended_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = EncryptedTextField(blank=True, default="")
    dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["client", "skill_key"],
                condition=Q(dismissed_at__isnull=True),
                name="recommendation_one_open_per_skill",
            ),
        ]
        indexes = [
            models.Index(fields=["client", "-created_at"], name="recommendation_client_idx"),
        ]
