"""`heard createadmin`: the first organization admin of a service (or another one)."""

from __future__ import annotations

import getpass
import re
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email
from django.db import transaction

from heard.accounts import services
from heard.accounts.models import Membership, Organization, Role, User

REGION = re.compile(r"^[A-Za-z]{2}$")


def _messages(error: ValidationError) -> str:
    return " ".join(str(message) for message in error.messages)


class Command(BaseCommand):
    help = (
        "Create an organization admin: finds the organization by its exact name (or creates "
        "it), creates the account with a password read from --password-file or asked for "
        "twice (Django's password rules apply), and gives it the org_admin role. If the email "
        "already has an account, only the missing role is added and the password is left "
        "alone; running it again changes nothing. The admin sets up an authenticator app at "
        "first sign-in."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True, help="The admin's sign-in email.")
        parser.add_argument("--name", required=True, help="The admin's full name.")
        parser.add_argument(
            "--organization", required=True, help="Organization name (matched exactly)."
        )
        parser.add_argument(
            "--kind",
            choices=Organization.Kind.values,
            default=Organization.Kind.CLINIC,
            help="Kind of organization, when it is created (default: %(default)s).",
        )
        parser.add_argument(
            "--region",
            default=settings.HEARD_DEFAULT_REGION,
            help="ISO country code for crisis lines, when it is created (default: %(default)s).",
        )
        parser.add_argument(
            "--password-file",
            type=Path,
            help="Read the password from this file (first line) instead of asking.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        email = options["email"].strip().lower()
        name = options["name"].strip()
        org_name = options["organization"].strip()
        region = options["region"].strip().upper()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"{email!r} is not a valid email address.") from None
        if not name:
            raise CommandError("--name must not be empty.")
        if not org_name:
            raise CommandError("--organization must not be empty.")
        if not REGION.match(region):
            raise CommandError(f"--region must be a two-letter country code, not {region!r}.")

        user = User.objects.filter(email__iexact=email).first()
        # Ask for the password before writing anything, so a typo leaves no half-made admin.
        password = None if user else self.password(options["password_file"], email=email, name=name)
        changed = False
        with transaction.atomic():
            org, changed = self.organization(org_name, kind=options["kind"], region=region)
            if user is None:
                try:
                    user = services.create_account(email=email, password=password, full_name=name)
                except ValidationError as exc:
                    raise CommandError(_messages(exc)) from exc
                self.stdout.write(f"Created the account {email}.")
                changed = True
            else:
                self.stdout.write(f"The account {email} already exists; its password is unchanged.")
            existing = Membership.objects.filter(user=user, organization=org, role=Role.ORG_ADMIN)
            if existing.filter(is_active=True).exists():
                self.stdout.write(f"{email} is already an organization admin of {org.name!r}.")
            else:
                services.add_membership(None, user=user, organization=org, role=Role.ORG_ADMIN)
                self.stdout.write(f"Made {email} an organization admin of {org.name!r}.")
                changed = True

        outcome = "done" if changed else "nothing changed"
        self.stdout.write(
            f"Organization admin {email} of {org.name!r}: {outcome}. "
            "They set up an authenticator app when they first sign in."
        )

    def organization(self, name: str, *, kind: str, region: str) -> tuple[Organization, bool]:
        matches = list(Organization.objects.filter(name=name).order_by("pk")[:2])
        if len(matches) > 1:
            raise CommandError(f"More than one organization is named {name!r}; rename one first.")
        if matches:
            self.stdout.write(f"Using the existing organization {name!r}.")
            return matches[0], False
        org = services.create_organization(None, name=name, kind=kind, region=region)
        self.stdout.write(f"Created the organization {name!r} ({kind}, {region}).")
        return org, True

    def password(self, password_file: Path | None, *, email: str, name: str) -> str:
        if password_file is not None:
            try:
                lines = password_file.read_text(encoding="utf-8").splitlines()
            except OSError as exc:
                raise CommandError(f"Cannot read the password file: {exc}") from exc
            password = lines[0] if lines else ""
        else:
            password = getpass.getpass(f"Password for {email}: ")
            if getpass.getpass("The same password again: ") != password:
                raise CommandError("The two passwords do not match; nothing was changed.")
        if not password:
            raise CommandError("The password is empty; nothing was changed.")
        try:
            validate_password(password, user=User(email=email, full_name=name))
        except ValidationError as exc:
            raise CommandError(f"{_messages(exc)} Nothing was changed.") from exc
        return password
