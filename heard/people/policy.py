"""The one shared access policy. Every app's access.py builds on these questions:
is this person on the client's care team right now, and has the client shared this category?

Rules, in order:
1. A client can always read and write their own data.
2. Staff can see a client only through an active CareAssignment in an organization where
   both the staff member (as clinician) and the client (as client) have active memberships,
   or as the supervisor of such a clinician.
3. Even then, staff see only categories the client shares; safety is always shared.
4. Facilitators and organization admins never see individual client data.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from heard.accounts.models import Membership, Role, User
from heard.people.models import (
    ALWAYS_SHARED,
    DEFAULT_SHARING,
    CareAssignment,
    SharingPreference,
)


def _member_here(user: int | OuterRef, role: str) -> Exists:
    """An active `role` membership of `user` (an id, or the assignment's own column) in the
    assignment's organization. An EXISTS, not a join: no duplicate rows, and PostgreSQL plans
    it in about half the time."""
    return Exists(
        Membership.objects.filter(
            Q(user_id=user), organization=OuterRef("organization"), role=role, is_active=True
        )
    )


def live_assignments() -> QuerySet[CareAssignment]:
    # Both sides must still belong to the organization the assignment is in.
    return CareAssignment.objects.active().filter(
        _member_here(OuterRef("client_id"), Role.CLIENT), client__is_active=True
    )


def clinician_assignments(clinician: User) -> QuerySet[CareAssignment]:
    """Active assignments where `clinician` treats the client, with the clinician's
    membership in that organization still active."""
    return live_assignments().filter(
        _member_here(clinician.pk, Role.CLINICIAN), clinician=clinician
    )


def supervised_assignments(supervisor: User) -> QuerySet[CareAssignment]:
    """Active assignments of clinicians whose active membership names `supervisor`'s active
    supervisor membership in the same organization."""
    supervisor_memberships = Membership.objects.filter(
        user=supervisor, role=Role.SUPERVISOR, is_active=True
    )
    # Most staff supervise nobody: one small query spares the database planning the joins
    # below (10-15 ms a time on PostgreSQL, several times a caseload page).
    if not supervisor_memberships.exists():
        return CareAssignment.objects.none()
    supervisees = Membership.objects.filter(
        supervisor__in=supervisor_memberships, role=Role.CLINICIAN, is_active=True
    )
    return live_assignments().filter(
        # The supervisees' ids first, so the database reads their assignments by index (an
        # EXISTS alone made SQLite scan every assignment in the service)...
        Q(clinician_id__in=supervisees.values("user_id")),
        # ...then the membership must be in the assignment's own organization.
        Exists(
            supervisees.filter(user=OuterRef("clinician"), organization=OuterRef("organization"))
        ),
    )


def is_on_care_team(user: User, client: User) -> bool:
    if not user.is_active or user.pk == client.pk:
        return False
    if clinician_assignments(user).filter(client=client).exists():
        return True
    return supervised_assignments(user).filter(client=client).exists()


def shares(client: User, category: str) -> bool:
    if category in ALWAYS_SHARED:
        return True
    pref = SharingPreference.objects.filter(client=client, category=category).first()
    return pref.shared if pref else DEFAULT_SHARING.get(category, False)


def shared_categories(client: User) -> set[str]:
    """Every category `client` shares now, in one query (what `shares` answers one by one)."""
    chosen = dict(SharingPreference.objects.filter(client=client).values_list("category", "shared"))
    defaults = {category for category, shared in DEFAULT_SHARING.items() if shared}
    return (
        set(ALWAYS_SHARED)
        | {c for c, shared in chosen.items() if shared}
        | (defaults - chosen.keys())
    )


def can_read(user: User, client: User, category: str | None) -> bool:
    """May `user` read `category` of `client`'s data? category=None asks only whether `user`
    may know the client at all (their name on a caseload or record header)."""
    if not user.is_active:
        return False
    if user.pk == client.pk:  # rule 1
        return True
    if not is_on_care_team(user, client):  # rules 2 and 4
        return False
    return category is None or shares(client, category)  # rule 3


def can_write(user: User, client: User, category: str | None) -> bool:
    # Writing follows reading for now; apps narrow it where care requires (e.g. notes).
    return can_read(user, client, category)
