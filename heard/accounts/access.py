"""Loading account-scoped rows: missing and forbidden both raise 404."""

from __future__ import annotations

import uuid

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from heard.accounts.models import ApiToken, Invite, Organization, Role, User


def access_api_token(user: User, token_id: str) -> ApiToken:
    """One of `user`'s own API tokens."""
    try:
        parsed = uuid.UUID(str(token_id))
    except ValueError:
        raise Http404 from None
    # Only the owner may see or revoke a token.
    token = ApiToken.objects.filter(public_id=parsed, user=user).first()
    if token is None:
        raise Http404
    return token


def _organization_where(user: User, roles: list[str]) -> Organization:
    """The organization (first by name) where `user` holds one of `roles`, actively."""
    # An active membership in one of the roles is required.
    org = (
        Organization.objects.filter(
            memberships__user=user, memberships__role__in=roles, memberships__is_active=True
        )
        .order_by("name")
        .first()
    )
    if org is None:
        raise Http404
    return org


def access_admin_organization(user: User) -> Organization:
    """The organization `user` administers (the first, if several)."""
    return _organization_where(user, [Role.ORG_ADMIN])


def access_care_organization(user: User) -> Organization:
    """The organization where `user` works as a clinician or supervisor (the first, if several)."""
    return _organization_where(user, [Role.CLINICIAN, Role.SUPERVISOR])


def pending_invites(user: User, organization: Organization) -> QuerySet[Invite]:
    """Unused, unexpired invites of an organization `user` administers."""
    if organization != access_admin_organization(user):
        raise Http404
    return Invite.objects.filter(
        organization=organization,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).order_by("-created_at")
