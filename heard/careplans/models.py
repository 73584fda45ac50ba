"""Collaborative care plans: one plan per client, written by the client and their clinician
together, kept as versions that each side agrees to, with comments and goal ratings.

The content of a plan (goals, strengths and supports, what we'll do, decisions) is JSON (see
careplans.rules for its shape), encrypted at rest. Every saved change is a new
CarePlanVersion; a version's content never changes afterwards, and agreements are recorded
on the version they were given to, so changing an agreed plan makes a new version that needs
both agreements again while the old one keeps its own.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heard.accounts.models import User
from heard.core.fields import EncryptedTextField
from heard.core.models import PublicModel


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    DISCUSSION = "discussion", _("In discussion")
    AGREED = "agreed", _("Agreed")


class ChangeKind(models.TextChoices):
    EDIT = "edit", _("Plan edited")
    CHOICE = "choice", _("A choice recorded")


class CarePlan(PublicModel):
    """A client's care plan now: its status, its current version number (which is also the
    revision every edit names, so an edit based on an older version is a conflict, never a
    silent overwrite) and the current version's content.

    Status: "draft" after a change, "discussion" once someone comments, asks for agreement
    or agrees, "agreed" when the client and a clinician on their care team both agreed to
    the current version.
    """

    client = models.OneToOneField(User, on_delete=models.CASCADE, related_name="care_plan")
    status = models.CharField(max_length=16, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    version = models.PositiveIntegerField(default=0)
    content = EncryptedTextField(blank=True)
    started_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(version__gte=0), name="careplan_version_gte_0"),
            models.CheckConstraint(
                condition=Q(status__in=PlanStatus.values), name="careplan_status_valid"
            ),
        ]


class CarePlanVersion(PublicModel):
    """One saved version of a care plan: who saved it, when, why (`change`, and the
    author's own `note`), what it said, and who agreed to it and when."""

    plan = models.ForeignKey(CarePlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = EncryptedTextField(blank=True)
    author = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    change = models.CharField(max_length=16, choices=ChangeKind.choices, default=ChangeKind.EDIT)
    note = EncryptedTextField(blank=True)
    client_agreed_at = models.DateTimeField(null=True, blank=True)
    client_agreed_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    clinician_agreed_at = models.DateTimeField(null=True, blank=True)
    clinician_agreed_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="careplanversion_one_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="careplanversion_number_gte_1"),
        ]

    @property
    def agreed(self) -> bool:
        """Both sides agreed to this version."""
        return self.client_agreed_at is not None and self.clinician_agreed_at is not None


class PlanComment(PublicModel):
    """A comment on the plan, by the client or someone on their care team, about the
    version that was current when it was written."""

    plan = models.ForeignKey(CarePlan, on_delete=models.CASCADE, related_name="comments")
    version = models.PositiveIntegerField()
    author = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = EncryptedTextField()

    class Meta:
        ordering = ["created_at", "pk"]


class GoalRating(PublicModel):
    """The client's own rating of how close they feel to one goal, 0 (not started) to 10
    (reached), at one moment. `goal_key` is the goal's key, the same in every version."""

    plan = models.ForeignKey(CarePlan, on_delete=models.CASCADE, related_name="ratings")
    goal_key = models.CharField(max_length=16)
    value = models.PositiveSmallIntegerField()
    note = EncryptedTextField(blank=True)
    reached = models.BooleanField(default=False)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gte=0, value__lte=10), name="goalrating_value_0_to_10"
            ),
        ]
        indexes = [models.Index(fields=["plan", "goal_key", "at"], name="goalrating_goal_at_idx")]
