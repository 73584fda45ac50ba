"""Care relationships (who looks after whom) and what each client chooses to share."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heard.accounts.models import Organization, User
from heard.core.models import PublicModel, TimestampedModel


class Category(models.TextChoices):
    """Kinds of client data a client can choose to share with their care team."""

    PROFILE = "profile", _("My profile: name, pronouns, what matters to me")
    MEASURES = "measures", _("Questionnaire answers and scores")
    CHECKINS = "checkins", _("Daily check-ins")
    JOURNAL = "journal", _("Journal entries I choose to share")
    CARE_PLAN = "care_plan", _("My care plan and goals")
    SAFETY = "safety", _("Safety plan and safety alerts")


# Defaults when a client has not chosen. Daily life stays private until the client shares it;
# what care needs (profile, measures, plan) is shared, and the client can turn it off.
DEFAULT_SHARING: dict[str, bool] = {
    Category.PROFILE: True,
    Category.MEASURES: True,
    Category.CHECKINS: False,
    Category.JOURNAL: False,
    Category.CARE_PLAN: True,
    Category.SAFETY: True,
}
# Safety signals always reach the care team: the client cannot turn this category off.
ALWAYS_SHARED = frozenset({Category.SAFETY})


class CareAssignmentQuerySet(models.QuerySet["CareAssignment"]):
    def active(self) -> CareAssignmentQuerySet:
        now = timezone.now()
        return self.filter(active_from__lte=now).filter(
            Q(active_to__isnull=True) | Q(active_to__gt=now)
        )


class CareAssignment(PublicModel):
    """A clinician on a client's care team, within one organization, for a period."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="care_received")
    clinician = models.ForeignKey(User, on_delete=models.CASCADE, related_name="care_given")
    active_from = models.DateTimeField(default=timezone.now)
    active_to = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = CareAssignmentQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(active_to__isnull=True) | Q(active_to__gt=models.F("active_from")),
                name="careassignment_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(client=models.F("clinician")), name="careassignment_not_self"
            ),
        ]
        indexes = [models.Index(fields=["clinician", "client"], name="careassign_clin_client_idx")]


class SharingPreference(TimestampedModel):
    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sharing")
    category = models.CharField(max_length=16, choices=Category.choices)
    shared = models.BooleanField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["client", "category"], name="sharing_one_per_category"),
        ]
