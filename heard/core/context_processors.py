"""Context every page needs: the Quick exit button and the navigation for the person's roles."""

from __future__ import annotations

import functools
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from heard.accounts import services as accounts
from heard.accounts.middleware import SESSION_IS_STAFF
from heard.accounts.models import Role, User

NavItems = list[tuple[str, str]]

# (URL name, label, roles that see it). None means every signed-in person. Order is display order.
NAV: tuple[tuple[str, Any, frozenset[str] | None], ...] = (
    ("people:client_home", _("My space"), frozenset({Role.CLIENT})),
    ("checkins:checkin", _("Check in"), frozenset({Role.CLIENT})),
    ("journal:entries", _("Journal"), frozenset({Role.CLIENT})),
    ("checkins:insights", _("Insights"), frozenset({Role.CLIENT})),
    ("skills:library", _("Skills"), frozenset({Role.CLIENT})),
    ("careplans:my_plan", _("My care plan"), frozenset({Role.CLIENT})),
    ("learn:articles", _("Learn"), frozenset({Role.CLIENT})),
    ("safety:my_plan", _("My safety plan"), frozenset({Role.CLIENT})),
    ("profiles:my_profile", _("About me"), frozenset({Role.CLIENT})),
    ("people:sharing", _("What I share"), frozenset({Role.CLIENT})),
    ("people:access_report", _("Who saw my record"), frozenset({Role.CLIENT})),
    ("people:caseload", _("Caseload"), frozenset({Role.CLINICIAN, Role.SUPERVISOR})),
    ("accounts:org_home", _("Organization"), frozenset({Role.ORG_ADMIN})),
    ("outcomes:report", _("Service report"), frozenset({Role.SUPERVISOR, Role.ORG_ADMIN})),
    ("accounts:security", _("Account and security"), None),
)


def nav_items_for(roles: set[str]) -> NavItems:
    """(url, label) pairs a signed-in person with these active roles sees, in order.

    A URL name that does not resolve (its view is not written yet) is left out rather than
    breaking every page.
    """
    items: NavItems = []
    for url_name, label, wanted in NAV:
        if wanted is not None and not roles & wanted:
            continue
        try:
            items.append((reverse(url_name), str(label)))
        except NoReverseMatch:
            continue
    return items


def active_roles(user: User) -> set[str]:
    return set(user.memberships.filter(is_active=True).values_list("role", flat=True))


def show_quick_exit(request: HttpRequest) -> bool:
    """True for visitors and clients; False once the person holds any active staff role.

    The staff flag is cached in the session by the accounts middleware, so this is usually
    free; it falls back to one query.
    """
    user = getattr(request, "user", None)
    if not isinstance(user, User) or not user.is_authenticated:
        return True
    session = getattr(request, "session", None)
    cached = session.get(SESSION_IS_STAFF) if session is not None else None
    if cached is None:
        cached = accounts.is_staff_user(user)
    return not cached


def shell(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    nav: Any = []
    alert_count: Any = 0
    is_client: Any = False
    if isinstance(user, User) and user.is_authenticated:
        signed_in = user
        roles = functools.cache(lambda: active_roles(signed_in))
        # Lazy: HTMX partials never touch the navigation, so they never pay for the query.
        nav = SimpleLazyObject(lambda: nav_items_for(roles()))
        # "My safety plan" in the header of every page a client sees (the same one query).
        is_client = SimpleLazyObject(lambda: Role.CLIENT in roles())
        if not show_quick_exit(request):
            # A callable: the template calls it only when it shows the navigation, once.
            alert_count = functools.cache(lambda: open_alert_count(signed_in))
    return {
        "quick_exit_url": settings.HEARD_QUICK_EXIT_URL,
        "show_quick_exit": show_quick_exit(request),
        "nav_items": nav,
        "caseload_url": reverse("people:caseload"),
        "open_alert_count": alert_count,
        "show_plan_link": is_client,
    }


def open_alert_count(user: User) -> int:
    """Open (unacknowledged) safety alerts on the staff member's caseload, for the badge on
    the Caseload link in every page's navigation."""
    from heard.safety import access as safety_access
    from heard.safety.models import AlertStatus

    return safety_access.visible_alerts(user).filter(status=AlertStatus.OPEN).count()
