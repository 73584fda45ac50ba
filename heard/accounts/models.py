"""People who sign in, the organizations they belong to, and their roles there."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from heard.core.models import PublicModel


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(email__iexact=username or "")


class User(PublicModel, AbstractBaseUser, PermissionsMixin):
    """Anyone who signs in. Email is the login; the name shown is the person's chosen name."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    preferred_name = models.CharField(_("name to call you"), max_length=100, blank=True)
    language = models.CharField(max_length=8, default="en")
    region = models.CharField(
        max_length=2, blank=True, help_text="ISO country code used for crisis lines."
    )
    # IANA time zone (e.g. "America/Chicago") for the person's own days and times; empty means
    # the service's default (TIME_ZONE).
    time_zone = models.CharField(max_length=64, blank=True, default="")
    is_active = models.BooleanField(default=True)
    # Bumped by "sign out everywhere"; part of the session hash, so old sessions stop working.
    session_generation = models.PositiveIntegerField(default=0)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["full_name"]

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.full_name or self.email

    def get_session_auth_hash(self) -> str:
        # Django invalidates a session whose stored hash no longer matches. Mixing in the
        # generation counter lets "sign out everywhere" end every session without a
        # password change; a password change still ends them too.
        return salted_hmac(
            "heard.accounts.User.get_session_auth_hash",
            f"{self.password}:{self.session_generation}",
            algorithm="sha256",
        ).hexdigest()

    def roles_in(self, organization: Organization) -> set[str]:
        return set(
            self.memberships.filter(organization=organization, is_active=True).values_list(
                "role", flat=True
            )
        )


def new_join_code() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to read aloud
    return "".join(secrets.choice(alphabet) for _ in range(8))


class Organization(PublicModel):
    class Kind(models.TextChoices):
        CLINIC = "clinic", _("Clinic")
        SCHOOL = "school", _("School or campus")
        WORKPLACE = "workplace", _("Workplace")
        COMMUNITY = "community", _("Community service")

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.CLINIC)
    region = models.CharField(
        max_length=2, default="US", help_text="ISO country code: whose crisis lines to show first."
    )
    join_code = models.CharField(max_length=16, unique=True, default=new_join_code)
    # Extra crisis lines this service wants shown (e.g. a campus line), same shape as
    # heard/safety/data/crisis_lines.json entries.
    extra_crisis_lines = models.JSONField(default=list, blank=True)

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    CLIENT = "client", _("Client")
    CLINICIAN = "clinician", _("Clinician")
    SUPERVISOR = "supervisor", _("Supervisor")
    FACILITATOR = "facilitator", _("Group facilitator")
    ORG_ADMIN = "org_admin", _("Organization admin")


STAFF_ROLES = frozenset({Role.CLINICIAN, Role.SUPERVISOR, Role.FACILITATOR, Role.ORG_ADMIN})


class Membership(PublicModel):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=16, choices=Role.choices)
    is_active = models.BooleanField(default=True)
    # For clinicians: the supervisor membership (same organization) they report to.
    supervisor = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="supervisees"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization", "role"], name="membership_one_per_role"
            ),
        ]
        indexes = [
            # Who reports to a supervisor (people.policy.supervised_assignments, on every
            # caseload). Only clinicians' rows have one; without the condition SQLite judges
            # the plain foreign-key index useless (nearly every row is NULL) and scans.
            models.Index(
                fields=["supervisor"],
                condition=models.Q(supervisor__isnull=False),
                name="membership_supervisor_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}@{self.organization_id}:{self.role}"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Invite(PublicModel):
    """A one-time link from an org admin (staff) or clinician (client) to join a service."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="invites")
    role = models.CharField(max_length=16, choices=Role.choices)
    email = models.EmailField(blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    @property
    def is_usable(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )


class ApiToken(PublicModel):
    """A personal API token. Only a hash is stored; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12, db_index=True)
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
