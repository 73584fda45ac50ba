"""`heard democode EMAIL`: the current authenticator code of a demo staff account."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from heard.accounts import services as accounts
from heard.accounts.models import User
from heard.core.demo import DEMO_EMAIL_DOMAIN, format_token, is_demo_email, totp_for


class Command(BaseCommand):
    help = (
        "Print the current 6-digit authenticator (TOTP) code of a demo staff account made by "
        f"`heard demo`, so you can sign in without a phone. Only for emails ending in "
        f"{DEMO_EMAIL_DOMAIN}; it refuses every other account. If the current code was already "
        "used, waits for the next one (at most 30 seconds)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help=f"A demo staff email, e.g. maya{DEMO_EMAIL_DOMAIN}")

    def handle(self, *args: Any, **options: Any) -> None:
        email = options["email"].strip().lower()
        if not is_demo_email(email):
            raise CommandError(
                f"democode only works for demo accounts (emails ending in {DEMO_EMAIL_DOMAIN})."
            )
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No demo account {email}; run `heard demo --no-serve` first.")
        device = accounts.confirmed_totp(user)
        if device is None:
            raise CommandError(
                f"{email} has no authenticator: demo clients sign in with the password only."
            )
        totp = totp_for(device)
        if totp.t() <= device.last_t:
            # Each code works once; wait for the first step that has not been used.
            wait = device.t0 + (device.last_t + 1 - device.drift) * device.step - totp.time
            if wait > 2 * device.step:
                raise CommandError(f"{email}'s authenticator is out of step with this clock.")
            self.stderr.write(f"The current code was just used; waiting {wait:.0f} s for the next.")
            time.sleep(max(0.0, wait) + 0.05)
            totp = totp_for(device)
        remaining = device.step - (totp.time - device.t0) % device.step
        self.stdout.write(format_token(totp, device.digits))
        self.stderr.write(f"Code for {email}, valid for about {remaining:.0f} more seconds.")
