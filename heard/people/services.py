"""Every write to care relationships and sharing choices."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from heard.accounts.models import Membership, Organization, Role, User
from heard.audit import services as audit
from heard.people import policy
from heard.people.models import ALWAYS_SHARED, CareAssignment, Category, SharingPreference


def assign_clinician(
    actor: User | None, *, organization: Organization, client: User, clinician: User
) -> CareAssignment:
    """Put `clinician` on `client`'s care team in `organization`. Idempotent while active."""
    members = Membership.objects.filter(organization=organization, is_active=True)
    if not members.filter(user=client, role=Role.CLIENT).exists():
        raise ValidationError(_("This person is not a client of this service."))
    if not members.filter(user=clinician, role=Role.CLINICIAN).exists():
        raise ValidationError(_("This person is not a clinician in this service."))
    with transaction.atomic():
        existing = (
            CareAssignment.objects.active()
            .filter(organization=organization, client=client, clinician=clinician)
            .first()
        )
        if existing:
            return existing
        assignment = CareAssignment.objects.create(
            organization=organization, client=client, clinician=clinician
        )
        audit.record(actor, "care:assignment:start", client=client, obj=assignment)
    return assignment


def end_assignment(actor: User | None, *, assignment: CareAssignment) -> None:
    """Take a clinician off a care team. Takes effect on the next request."""
    with transaction.atomic():
        assignment.active_to = max(
            timezone.now(), assignment.active_from + timedelta(microseconds=1)
        )
        assignment.ended_by = actor
        assignment.save(update_fields=["active_to", "ended_by", "updated_at"])
        audit.record(actor, "care:assignment:end", client=assignment.client, obj=assignment)


# Why a supervisor moves a client to another clinician: a fixed list, so no free text (and
# nothing clinical) goes into the audit trail.
REASSIGN_REASONS = {
    "caseload_balance": gettext_lazy("Balancing caseloads"),
    "client_request": gettext_lazy("The client asked for a change"),
    "clinician_leaving": gettext_lazy("The clinician is leaving or away"),
    "better_fit": gettext_lazy("A better fit for the client's needs"),
    "other": gettext_lazy("Another reason"),
}


def supervised_clinicians(
    supervisor: User, *, organization_id: int | None = None
) -> QuerySet[User]:
    """The active clinicians who report to `supervisor` (in one organization, or in any), by
    name."""
    team = Q(
        memberships__role=Role.CLINICIAN,
        memberships__is_active=True,
        memberships__supervisor__user=supervisor,
        memberships__supervisor__role=Role.SUPERVISOR,
        memberships__supervisor__is_active=True,
    )
    if organization_id is not None:
        team &= Q(
            memberships__organization_id=organization_id,
            memberships__supervisor__organization_id=organization_id,
        )
    return User.objects.filter(team, is_active=True).distinct().order_by("full_name")


def team_clinicians(supervisor: User, *, organization_id: int) -> list[User]:
    """The active clinicians who report to `supervisor` in the organization, by name."""
    return list(supervised_clinicians(supervisor, organization_id=organization_id))


def reassign_client(
    supervisor: User,
    *,
    client: User,
    to_clinician: User,
    reason: str,
    from_clinician: User | None = None,
) -> CareAssignment:
    """Move `client` from one of `supervisor`'s clinicians to another clinician in the same
    team and organization: ends the old assignment and starts the new one in one transaction,
    audited as "care:assignment:reassign" (plus the usual end and start events).

    Refuses (ValidationError with a message to show) when `supervisor` does not supervise the
    client's clinician, when the target is not an active clinician reporting to `supervisor`
    in that organization, when the target already is the clinician, or for an unknown reason.
    `from_clinician` picks the assignment when two of the supervisor's clinicians share the
    client.
    """
    if reason not in REASSIGN_REASONS:
        raise ValidationError({"reason": _("Choose a reason for the change.")})
    with transaction.atomic():
        current = policy.supervised_assignments(supervisor).filter(client=client)
        if from_clinician is not None:
            current = current.filter(clinician=from_clinician)
        ids = list(current.values_list("pk", flat=True).distinct())
        olds = list(CareAssignment.objects.select_for_update().filter(pk__in=ids))
        if not olds:
            raise ValidationError(
                _("You can only reassign clients of the clinicians you supervise.")
            )
        if len(olds) > 1:
            raise ValidationError(_("More than one of your clinicians cares for this client."))
        old = olds[0]
        if old.clinician_id == to_clinician.pk:
            raise ValidationError(
                {"to_clinician": _("This clinician already cares for this client.")}
            )
        team = team_clinicians(supervisor, organization_id=old.organization_id)
        if to_clinician not in team:
            raise ValidationError(
                {"to_clinician": _("Choose a clinician in your team in this service.")}
            )
        end_assignment(supervisor, assignment=old)
        new = assign_clinician(
            supervisor, organization=old.organization, client=client, clinician=to_clinician
        )
        audit.record(
            supervisor,
            "care:assignment:reassign",
            client=client,
            obj=new,
            extra={
                "from_assignment": str(old.public_id),
                "to_assignment": str(new.public_id),
                "reason": reason,
            },
        )
    return new


def set_sharing(client: User, *, category: str, shared: bool) -> None:
    """The client decides whether their care team sees a category of their data.
    Recorded in the audit trail when it changes; repeating the same choice is a no-op."""
    if category not in Category.values:
        raise ValidationError(_("Unknown kind of information."))
    if category in ALWAYS_SHARED and not shared:
        raise ValidationError(_("Safety information always reaches your care team."))
    if policy.shares(client, category) == shared:
        return
    with transaction.atomic():
        SharingPreference.objects.update_or_create(
            client=client, category=category, defaults={"shared": shared}
        )
        audit.record(
            client, "sharing:update", client=client, extra={"category": category, "shared": shared}
        )


def set_sharing_choices(client: User, *, shared: set[str]) -> None:
    """Apply the whole sharing form: categories in `shared` on, the others off. Categories
    that are always shared stay on whatever the form says."""
    with transaction.atomic():
        for category in Category.values:
            if category not in ALWAYS_SHARED:
                set_sharing(client, category=category, shared=category in shared)
