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


def access_admin_organization(user: User) -> Organization:
    """The organization `user` administers (the first, if several)."""
    # An active org_admin membership is required.
    org = (
        Organization.objects.filter(
            memberships__user=user, memberships__role=Role.ORG_ADMIN, memberships__is_active=True
        )
        .order_by("name")
        .first()
    )
    if org is None:
        raise Http404
    return org


def access_care_organization(user: User) -> Organization:
    """The organization where `user` works as a clinician or supervisor (the first, if several)."""
    # An active clinician or supervisor membership is required.
    org = (
        Organization.objects.filter(
            memberships__user=user,
            memberships__role__in=[Role.CLINICIAN, Role.SUPERVISOR],
            memberships__is_active=True,
        )
        .order_by("name")
        .first()
    )
    if org is None:
        raise Http404
    return org


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
