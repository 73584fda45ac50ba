"""Milestones: steps of progress worth celebrating, each reached once."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from heard.accounts.models import User
from heard.core.models import PublicModel


class MilestoneKind(models.TextChoices):
    FIRST_CHECKIN = "first_checkin", _("First check-in")
    CHECKINS_10 = "checkins_10", _("Ten check-ins")
    CHECKINS_50 = "checkins_50", _("Fifty check-ins")
    FIRST_JOURNAL_ENTRY = "first_journal_entry", _("First journal entry")
    FIRST_SHARED_ENTRY = "first_shared_entry", _("First shared journal entry")
    SAFETY_PLAN = "safety_plan", _("A safety plan of your own")
    SKILL_PRACTISED = "skill_practised", _("A skill practised")
    GOAL_REACHED = "goal_reached", _("A goal reached")
    RELIABLE_IMPROVEMENT = "reliable_improvement", _("Real improvement on a questionnaire")


class Milestone(PublicModel):
    """One step of progress, reached once per (client, kind, key).

    `key` tells apart milestones of the same kind: the questionnaire for a reliable
    improvement, the goal for a goal reached. It is empty for one-off milestones.
    """

    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(max_length=32, choices=MilestoneKind.choices)
    key = models.CharField(max_length=64, blank=True, default="")
    achieved_at = models.DateTimeField()
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["client", "kind", "key"], name="milestone_once_per_client_kind_key"
            ),
        ]
        indexes = [
            models.Index(fields=["client", "-achieved_at"], name="milestone_client_when_idx")
        ]
        ordering = ["-achieved_at"]
