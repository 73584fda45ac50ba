"""Idle session timeout, the staff MFA requirement, and each person's own time zone."""

from __future__ import annotations

import time
import zoneinfo
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from heard.accounts import services
from heard.accounts.models import User

SESSION_LAST_SEEN = "heard_last_seen"
SESSION_IS_STAFF = "heard_is_staff"
# Paths a signed-in staff member may use before finishing MFA.
MFA_EXEMPT_PREFIXES = ("/account/mfa/", "/account/logout/", "/static/", "/help-now/", "/i18n/")


def _is_staff(request: HttpRequest, user: User) -> bool:
    cached = request.session.get(SESSION_IS_STAFF)
    if cached is None:
        cached = services.is_staff_user(user)
        request.session[SESSION_IS_STAFF] = cached
    return bool(cached)


def idle_limit_seconds(is_staff: bool) -> int:
    minutes = settings.HEARD_STAFF_IDLE_MINUTES if is_staff else settings.HEARD_CLIENT_IDLE_MINUTES
    return int(minutes) * 60


class IdleTimeoutMiddleware:
    """Sign a person out after a period with no requests (15 minutes for staff by default)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if isinstance(user, User) and user.is_authenticated:
            now = time.time()
            last = request.session.get(SESSION_LAST_SEEN)
            limit = idle_limit_seconds(_is_staff(request, user))
            if last is not None and now - float(last) > limit:
                logout(request)
                if request.path.startswith("/api/"):
                    return JsonResponse({"detail": "Session expired"}, status=401)
                messages.info(
                    request,
                    _(
                        "You were signed out after a while without activity, "
                        "to keep your information private."
                    ),
                )
                return HttpResponseRedirect(f"{reverse('accounts:login')}?next={request.path}")
            # Write at most every 30 seconds to spare the session table.
            if last is None or now - float(last) > 30:
                request.session[SESSION_LAST_SEEN] = now
        return self.get_response(request)


class StaffMFARequiredMiddleware:
    """Every staff role must finish a second factor before seeing anything else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            isinstance(user, User)
            and user.is_authenticated
            and not request.path.startswith(MFA_EXEMPT_PREFIXES)
            and _is_staff(request, user)
            and not user.is_verified()  # type: ignore[attr-defined]  # set by OTPMiddleware
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": "Two-step verification required"}, status=401)
            target = (
                "accounts:mfa_verify" if services.confirmed_totp(user) else "accounts:mfa_setup"
            )
            return HttpResponseRedirect(f"{reverse(target)}?next={request.path}")
        return self.get_response(request)


def zone_of(user: object) -> zoneinfo.ZoneInfo:
    """The person's own time zone (their choice, else the service default)."""
    name = getattr(user, "time_zone", "") or settings.TIME_ZONE
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


class UserTimeZoneMiddleware:
    """Show every time in the signed-in person's own time zone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if isinstance(user, User) and user.time_zone:
            with timezone.override(zone_of(user)):
                return self.get_response(request)
        return self.get_response(request)
