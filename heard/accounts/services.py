"""Every write to accounts, organizations, invites, MFA devices and API tokens."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from heard.accounts.models import (
    STAFF_ROLES,
    ApiToken,
    Invite,
    Membership,
    Organization,
    Role,
    User,
    hash_token,
)
from heard.audit import services as audit

log = logging.getLogger("heard.accounts")

RECOVERY_CODE_COUNT = 10


def is_staff_user(user: User) -> bool:
    return user.memberships.filter(is_active=True, role__in=list(STAFF_ROLES)).exists()


def create_organization(
    actor: User | None, *, name: str, kind: str = Organization.Kind.CLINIC, region: str = "US"
) -> Organization:
    """Create an organization. Used by `heard createadmin` and the demo loader."""
    with transaction.atomic():
        org = Organization.objects.create(name=name, kind=kind, region=region.upper())
        audit.record(actor, "org:create", obj=org)
    return org


def create_account(
    *,
    email: str,
    password: str | None,
    full_name: str,
    preferred_name: str = "",
    language: str = "en",
) -> User:
    """A new person who can sign in. Raises ValidationError if the email is taken."""
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("An account with this email already exists.")})
    with transaction.atomic():
        user = User.objects.create_user(
            email,
            password,
            full_name=full_name.strip(),
            preferred_name=preferred_name.strip(),
            language=language,
        )
        audit.record(user, "account:create", obj=user)
    return user


def add_membership(
    actor: User | None,
    *,
    user: User,
    organization: Organization,
    role: str,
    supervisor: Membership | None = None,
) -> Membership:
    """Give `user` a role in `organization` (or re-activate it). Idempotent."""
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            user=user,
            organization=organization,
            role=role,
            defaults={"supervisor": supervisor},
        )
        if not created and not membership.is_active:
            membership.is_active = True
            membership.save(update_fields=["is_active", "updated_at"])
        if supervisor is not None and membership.supervisor_id != supervisor.pk:
            membership.supervisor = supervisor
            membership.save(update_fields=["supervisor", "updated_at"])
        audit.record(
            actor,
            "membership:add",
            obj=membership,
            client=user if role == Role.CLIENT else None,
            extra={"role": role},
        )
    return membership


def deactivate_membership(actor: User, *, membership: Membership) -> None:
    """End a role. Access it granted stops on the next request."""
    with transaction.atomic():
        membership.is_active = False
        membership.save(update_fields=["is_active", "updated_at"])
        audit.record(
            actor, "membership:deactivate", obj=membership, extra={"role": membership.role}
        )


# --- Invites and join codes -------------------------------------------------------------------


def can_invite(actor: User, organization: Organization, role: str) -> bool:
    roles = actor.roles_in(organization)
    if Role.ORG_ADMIN in roles:
        return True
    # Clinicians and supervisors may invite clients to the service.
    return role == Role.CLIENT and bool(roles & {Role.CLINICIAN, Role.SUPERVISOR})


def create_invite(
    actor: User, *, organization: Organization, role: str, email: str = ""
) -> tuple[Invite, str]:
    """Make a one-time invite link. Returns the invite and the secret token (shown once)."""
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a role.")})
    if not can_invite(actor, organization, role):
        raise PermissionDenied
    token = secrets.token_urlsafe(24)
    with transaction.atomic():
        invite = Invite.objects.create(
            organization=organization,
            role=role,
            email=email.strip().lower(),
            token_hash=hash_token(token),
            created_by=actor,
            expires_at=timezone.now() + timedelta(days=settings.HEARD_INVITE_DAYS),
        )
        audit.record(actor, "invite:create", obj=invite, extra={"role": role})
    return invite, token


def find_invite(token: str) -> Invite | None:
    invite = (
        Invite.objects.select_related("organization").filter(token_hash=hash_token(token)).first()
    )
    return invite if invite and invite.is_usable else None


def accept_invite(user: User, *, invite: Invite) -> Membership:
    """Use an invite: `user` joins the organization in the invited role. One use only."""
    with transaction.atomic():
        locked = Invite.objects.select_for_update().get(pk=invite.pk)
        if not locked.is_usable:
            raise ValidationError(_("This invite link has expired or has already been used."))
        if locked.email and locked.email != user.email.lower():
            raise ValidationError(_("This invite was sent to a different email address."))
        locked.accepted_at = timezone.now()
        locked.accepted_by = user
        locked.save(update_fields=["accepted_at", "accepted_by", "updated_at"])
        membership = add_membership(
            user, user=user, organization=locked.organization, role=locked.role
        )
        audit.record(user, "invite:accept", obj=locked, extra={"role": locked.role})
        # A client invited by their clinician joins that clinician's care team.
        inviter = locked.created_by
        if (
            locked.role == Role.CLIENT
            and inviter is not None
            and Role.CLINICIAN in inviter.roles_in(locked.organization)
        ):
            from heard.people.services import assign_clinician

            assign_clinician(
                inviter, organization=locked.organization, client=user, clinician=inviter
            )
    return membership


def find_organization_by_code(code: str) -> Organization | None:
    cleaned = code.strip().upper().replace(" ", "").replace("-", "")
    return Organization.objects.filter(join_code=cleaned).first() if cleaned else None


def join_with_code(user: User, *, organization: Organization) -> Membership:
    """A client joins a service with its join code."""
    return add_membership(user, user=user, organization=organization, role=Role.CLIENT)


# --- Sessions and passwords -------------------------------------------------------------------


def change_password(user: User, *, new_password: str) -> None:
    """Set a new password. Every other session ends (the session hash changes); the view
    keeps the current one with update_session_auth_hash."""
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password", "updated_at"])
        audit.record(user, "account:password:change", obj=user)


def sign_out_everywhere(user: User) -> None:
    """End every session this person has, on every device, including this one."""
    with transaction.atomic():
        user.session_generation += 1
        user.save(update_fields=["session_generation", "updated_at"])
        audit.record(user, "account:sessions:end_all", obj=user)


# --- Multi-factor authentication --------------------------------------------------------------


def confirmed_totp(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def start_totp_setup(user: User) -> TOTPDevice:
    """An unconfirmed authenticator device (reused until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


def confirm_totp(user: User, *, device: TOTPDevice, code: str) -> list[str]:
    """Confirm the authenticator with a current code; returns fresh recovery codes."""
    if device.user_id != user.pk or not device.verify_token(code.strip().replace(" ", "")):
        raise ValidationError(
            {"code": _("That code didn't match. Check the time on your phone and try again.")}
        )
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save()
        codes = regenerate_recovery_codes(user)
        audit.record(user, "account:mfa:enable", obj=user)
    return codes


def regenerate_recovery_codes(user: User) -> list[str]:
    """Replace the recovery codes (each works once). Returns them to show once."""
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(user=user, name="Recovery codes")
        device.token_set.all().delete()
        codes = [
            f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODE_COUNT)
        ]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
        audit.record(user, "account:mfa:recovery_codes", obj=user)
    return codes


def verify_second_factor(user: User, code: str) -> TOTPDevice | StaticDevice | None:
    """The device that accepts `code` (authenticator first, then a recovery code), or None."""
    cleaned = code.strip().replace(" ", "")
    totp = confirmed_totp(user)
    if totp is not None and cleaned.isdigit() and totp.verify_token(cleaned):
        return totp
    static = StaticDevice.objects.filter(user=user, confirmed=True).first()
    if static is not None and static.verify_token(cleaned.lower()):
        audit.record(user, "account:mfa:recovery_code_used", obj=user)
        return static
    return None


# --- API tokens -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str


def create_api_token(user: User, *, name: str) -> NewToken:
    secret = "hrd_" + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            name=name.strip()[:100] or "API token",
            prefix=secret[:12],
            token_hash=hash_token(secret),
            expires_at=timezone.now() + timedelta(days=settings.HEARD_API_TOKEN_DAYS),
        )
        audit.record(user, "account:api_token:create", obj=token)
    return NewToken(token=token, secret=secret)


def revoke_api_token(user: User, *, token: ApiToken) -> None:
    if token.user_id != user.pk:
        raise PermissionDenied
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
        audit.record(user, "account:api_token:revoke", obj=token)


def authenticate_api_token(secret: str) -> User | None:
    token = ApiToken.objects.select_related("user").filter(token_hash=hash_token(secret)).first()
    if token is None or not token.is_usable or not token.user.is_active:
        return None
    now = timezone.now()
    # Touch last_used_at at most once a minute to keep API reads cheap.
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


# --- Organization admin -----------------------------------------------------------------------

SMALL_CELL = 5


@dataclass(frozen=True)
class Figure:
    label: str
    count: int | None  # None when suppressed

    @property
    def suppressed(self) -> bool:
        return self.count is None


def suppress(count: int) -> int | None:
    """Counts below SMALL_CELL (but above zero) are hidden so nobody can be singled out."""
    return None if 0 < count < SMALL_CELL else count


def organization_figures(organization: Organization) -> list[Figure]:
    """Anonymous, aggregate figures for an org admin: people per role. The client count is
    hidden when small, so no client can be singled out; staff counts are shown as they are."""
    active = Membership.objects.filter(organization=organization, is_active=True)
    labels = {
        Role.CLIENT: _("Clients"),
        Role.CLINICIAN: _("Clinicians"),
        Role.SUPERVISOR: _("Supervisors"),
        Role.FACILITATOR: _("Group facilitators"),
    }
    return [
        Figure(
            str(label),
            suppress(count) if role == Role.CLIENT else count,
        )
        for role, label in labels.items()
        for count in [active.filter(role=role).count()]
    ]


def set_organization_region(actor: User, *, organization: Organization, region: str) -> None:
    with transaction.atomic():
        organization.region = region.upper()
        organization.save(update_fields=["region", "updated_at"])
        audit.record(
            actor, "org:region:update", obj=organization, extra={"region": organization.region}
        )
