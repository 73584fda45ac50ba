"""Client pages (my space, sharing, access report) and the clinician's caseload and record."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from heard.accounts.models import Role, User
from heard.audit.labels import describe
from heard.careplans import access as careplan_access
from heard.careplans import services as careplan_services
from heard.core.http import request_user
from heard.instruments import services as measures
from heard.milestones import access as milestone_access
from heard.milestones.views import shown
from heard.people import access, policy, services
from heard.people.models import ALWAYS_SHARED, Category
from heard.profiles import access as profile_access
from heard.safety import access as safety_access
from heard.skills import suggest


def _roles(user: User) -> set[str]:
    return set(user.memberships.filter(is_active=True).values_list("role", flat=True))


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Send each person to the home that fits their role."""
    roles = _roles(request_user(request))
    if roles & {Role.CLINICIAN, Role.SUPERVISOR}:
        return redirect("people:caseload")
    if Role.ORG_ADMIN in roles:
        return redirect("accounts:org_home")
    if Role.FACILITATOR in roles:
        return render(request, "people/facilitator_home.html")
    return redirect("people:client_home")


@login_required
def client_home(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    is_client = Role.CLIENT in _roles(user)
    return render(
        request,
        "people/client_home.html",
        {
            "care_team": access.care_team(user),
            "is_client": is_client,
            "suggestion": next(iter(suggest.suggestions_for(user)), None) if is_client else None,
            "plan_waiting": is_client and _plan_waiting(user),
            "measures_waiting": any(d.state.waiting for d in measures.due_measures(user)),
            "support_open": safety_access.own_open_alerts(user).exists(),
            "new_milestones": shown(
                list(milestone_access.own_milestones(user).filter(seen_at__isnull=True)[:3])
            ),
        },
    )


def _plan_waiting(client: User) -> bool:
    """True when the newest version of the client's care plan still needs their agreement."""
    _client, plan = careplan_access.access_own_plan(client)
    version = careplan_services.current_version(plan)
    return version is not None and version.client_agreed_at is None


@login_required
def sharing(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    choices = [
        {
            "category": value,
            "label": label,
            "shared": policy.shares(user, value),
            "locked": value in ALWAYS_SHARED,
        }
        for value, label in Category.choices
    ]
    return render(request, "people/sharing.html", {"choices": choices})


@login_required
@require_POST
def sharing_update(request: HttpRequest) -> HttpResponse:
    chosen = set(request.POST.getlist("shared"))
    services.set_sharing_choices(request_user(request), shared=chosen)
    messages.success(request, _("Saved. Your care team sees only what you share."))
    return redirect("people:sharing")


@login_required
def access_report(request: HttpRequest) -> HttpResponse:
    events = [
        {
            "at": e.at,
            "who": e.actor_label,
            "what": describe(e.action),
            "denied": e.outcome == "denied",
        }
        for e in access.visible_access_events(request_user(request))[:200]
    ]
    return render(request, "people/access_report.html", {"events": events})


@login_required
def caseload(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    return render(
        request,
        "people/caseload.html",
        {
            "assignments": access.visible_assignments(user),
            "team": access.visible_supervised_assignments(user),
            "alerts": list(safety_access.visible_alerts(user)),
            "contact_requests": list(safety_access.visible_contact_requests(user)),
        },
    )


@login_required
def client_record(request: HttpRequest, client_id: str) -> HttpResponse:
    user = request_user(request)
    client = access.access_client(user, client_id, category=None, action="client:record:read")
    shared = [label for value, label in Category.choices if policy.shares(client, value)]
    return render(
        request,
        "people/client_record.html",
        {
            "client": client,
            # The person-centred profile at the top (None: the client keeps it private).
            "profile": profile_access.visible_profile(user, client),
            "shared": shared,
            "care_team": access.care_team(client),
            "shares_measures": policy.shares(client, Category.MEASURES),
            "shares_checkins": policy.shares(client, Category.CHECKINS),
            "shares_journal": policy.shares(client, Category.JOURNAL),
            "alerts": list(safety_access.visible_alerts(user).filter(client=client)),
            "contact_requests": list(
                safety_access.visible_contact_requests(user).filter(client=client)
            ),
        },
    )
