"""Every write to care relationships and sharing choices."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

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
