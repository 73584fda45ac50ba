"""Client pages (my space, sharing, access report) and the clinician's caseload and record."""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from heard.accounts.models import Role, User
from heard.audit.labels import describe
from heard.careplans import access as careplan_access
from heard.careplans import services as careplan_services
from heard.core.htmx import is_htmx
from heard.core.http import login_required_htmx, request_user
from heard.instruments import services as measures
from heard.milestones import access as milestone_access
from heard.milestones.views import shown
from heard.people import access, chart, needs, policy, services
from heard.people.forms import ReassignForm
from heard.people.models import ALWAYS_SHARED, CareAssignment, Category
from heard.people.ranking import Reason, ReasonCode, Tier
from heard.profiles import access as profile_access
from heard.safety import access as safety_access
from heard.safety.models import AlertLevel, AlertStatus
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


# --- Caseload ----------------------------------------------------------------------------------

_NEED_FILTERS = {
    "all": gettext_lazy("Everyone"),
    "attention": gettext_lazy("Needs attention"),
    "alerts": gettext_lazy("Open safety alerts only"),
}
_TIER_LABELS = {
    Tier.ALERT: gettext_lazy("Safety alert"),
    Tier.DETERIORATION: gettext_lazy("Getting worse"),
    Tier.OVERDUE: gettext_lazy("Questionnaire overdue"),
    Tier.NO_CONTACT: gettext_lazy("No recent contact"),
    Tier.NOT_ON_TRACK: gettext_lazy("Not on track"),
    Tier.STEADY: gettext_lazy("Nothing flagged"),
}


def _reason_text(reason: Reason) -> str:
    n = reason.number
    if reason.code is ReasonCode.ALERT:
        level = str(AlertLevel(reason.level).label) if reason.level in AlertLevel.values else ""
        return ngettext(
            "Open safety alert (%(level)s)", "%(n)d open safety alerts (%(level)s)", n
        ) % {"n": n, "level": level.lower()}
    if reason.code is ReasonCode.DETERIORATION:
        return _("Scores got reliably worse")
    if reason.code is ReasonCode.OVERDUE:
        return ngettext("A questionnaire is overdue", "%(n)d questionnaires are overdue", n) % {
            "n": n
        }
    if reason.code is ReasonCode.NO_CONTACT:
        return ngettext("No contact for %(n)d day", "No contact for %(n)d days", n) % {"n": n}
    return ngettext("Not on track after %(n)d session", "Not on track after %(n)d sessions", n) % {
        "n": n
    }


def _caseload_context(
    user: User, rows: list[CareAssignment], *, supervised: set[int], request: HttpRequest
) -> dict[str, Any]:
    """The ranked, filtered rows and everything the page and its partial show."""
    need = request.GET.get("need", "all")
    need = need if need in _NEED_FILTERS else "all"
    query = request.GET.get("q", "").strip()[:100]
    clinician_id = request.GET.get("clinician", "")
    clinicians = {user.pk: user} | {a.clinician_id: a.clinician for a in rows if a.pk in supervised}
    options = {
        org: services.team_clinicians(user, organization_id=org)
        for org in {a.organization_id for a in rows if a.pk in supervised}
    }
    # Translated once per page, not once per row (lazy strings are slow to render).
    tier_labels = {tier: str(label) for tier, label in _TIER_LABELS.items()}
    shown: list[dict[str, Any]] = []
    for r in needs.rank_assignments(rows, now=timezone.now()):
        a = r.item
        clinician = clinicians.get(a.clinician_id, user)
        if need == "attention" and not r.needs_attention:
            continue
        if need == "alerts" and r.tier is not Tier.ALERT:
            continue
        if clinician_id and str(clinician.public_id) != clinician_id:
            continue
        if (
            query
            and query.casefold() not in f"{a.client.full_name} {a.client.display_name}".casefold()
        ):
            continue
        shown.append(
            {
                "assignment": a,
                "client": a.client,
                "clinician": clinician,
                "tier": r.tier.name.lower(),
                "tier_label": tier_labels[r.tier],
                "reasons": [_reason_text(reason) for reason in r.reasons],
                "targets": [c for c in options.get(a.organization_id, []) if c.pk != a.clinician_id]
                if a.pk in supervised
                else [],
            }
        )
    fingerprint = hashlib.sha256(
        repr(
            [
                (str(x["assignment"].public_id), x["tier"], x["reasons"], x["clinician"].pk)
                for x in shown
            ]
        ).encode()
    ).hexdigest()[:16]
    params = {"need": need, "clinician": clinician_id, "q": query}
    has_own = any(a.pk not in supervised for a in rows)
    if supervised:
        caption = _("People you and your team care for") if has_own else _("Your team's clients")
    else:
        caption = _("People you care for")
    return {
        "caption": caption,
        "rows": shown,
        "total": len(rows),
        "need": need,
        "need_filters": list(_NEED_FILTERS.items()),
        "query": query,
        "clinician_filter": clinician_id,
        "clinicians": sorted(clinicians.values(), key=lambda c: c.full_name) if supervised else [],
        "is_supervisor": bool(supervised),
        "reassign_reasons": list(services.REASSIGN_REASONS.items()),
        "fingerprint": fingerprint,
        "poll_url": f"{request.path}?{urlencode(params)}",
        "no_contact_days": settings.HEARD_CASELOAD_NO_CONTACT_DAYS,
        "not_on_track_sessions": settings.HEARD_CASELOAD_NOT_ON_TRACK_SESSIONS,
    }


def _slim(assignments: QuerySet[CareAssignment], *people: str) -> QuerySet[CareAssignment]:
    """Only the columns the caseload reads: the client (and `people`, e.g. the clinician) by
    name and id. Django builds and converts a fraction of each row (a third of the page's
    Python time went on assignment rows)."""
    names = ("client", *people)
    person = ("public_id", "full_name", "preferred_name", "email")
    return (
        assignments.select_related(None)
        .select_related(*names)
        .only(
            "public_id",
            "organization",
            "client",
            "clinician",
            "active_from",
            *(f"{name}__{field}" for name in names for field in person),
        )
    )


@login_required_htmx
def caseload(request: HttpRequest) -> HttpResponse:
    """Everyone the user cares for (and, for a supervisor, their team's clients) ranked by
    need, with filters and name search. HTMX polls send `since` (the fingerprint of what is
    on screen): unchanged → 204, nothing swapped; changed → only the list partial."""
    user = request_user(request)
    own = list(_slim(access.visible_assignments(user)))
    team = [
        a
        for a in _slim(access.visible_supervised_assignments(user), "clinician")
        if a.clinician_id != user.pk
    ]
    everyone = own + team
    view = _caseload_context(user, everyone, supervised={a.pk for a in team}, request=request)
    # The team just read stands for the care-team subqueries (the database plans them once).
    alerts = list(safety_access.visible_alerts(user, team=everyone))
    contact_requests = list(safety_access.visible_contact_requests(user, team=everyone))
    # What is on screen: the ranked rows, and the alerts and requests above them (a colleague
    # acknowledging an alert changes the page too).
    seen = [(str(a.public_id), a.status) for a in alerts]
    seen += [(str(r.public_id), r.status) for r in contact_requests]
    fingerprint = hashlib.sha256(f"{view['fingerprint']}{seen}".encode()).hexdigest()[:16]
    context = {
        **view,
        "fingerprint": fingerprint,
        "poll_url": f"{view['poll_url']}&{urlencode({'since': fingerprint})}",
        "has_own": bool(own),
        "has_team": bool(team),
        "alerts": alerts,
        "contact_requests": contact_requests,
        # The navigation's badge, counted from the alerts above instead of another query.
        "open_alert_count": sum(a.status == AlertStatus.OPEN for a in alerts),
    }
    if is_htmx(request):
        if request.GET.get("since") == fingerprint:
            return HttpResponse(status=204)
        return render(request, "people/_caseload_list.html", {**context, "updated": True})
    return render(request, "people/caseload.html", context)


@login_required
@require_POST
def caseload_reassign(request: HttpRequest, client_id: str) -> HttpResponse:
    """A supervisor moves a client to another clinician in their team (people.services)."""
    user = request_user(request)
    client = access.access_client(
        user, client_id, category=None, action="care:assignment:reassign", care_team_only=True
    )
    form = ReassignForm(request.POST, supervisor=user)
    try:
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        services.reassign_client(
            user,
            client=client,
            to_clinician=form.cleaned_data["to_clinician"],
            reason=form.cleaned_data["reason"],
            from_clinician=form.cleaned_data["from_clinician"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("%(name)s has a new clinician.") % {"name": client.display_name}
        )
    return redirect("people:caseload")


@login_required
def client_record(request: HttpRequest, client_id: str) -> HttpResponse:
    """The client chart: safety first, then who the person is (profile), their trajectories
    and one timeline of everything the care team may see (people.chart), filterable by kind
    and period. Every kind read is audited by its own access function."""
    user = request_user(request)
    client = access.access_client(user, client_id, category=None, action="client:record:read")
    shares = policy.shared_categories(client)
    shared = [label for value, label in Category.choices if value in shares]
    kinds = chart.parse_kinds(request.GET.getlist("kind"))
    period = chart.parse_period(request.GET.get("period"))
    timeline = chart.chart_for(user, client, kinds=kinds, period=period, shares=shares)
    return render(
        request,
        "people/client_record.html",
        {
            "client": client,
            "chart": timeline,
            "kind_choices": [
                (kind.value, label, kind in kinds)
                for kind, label in chart.KIND_LABELS.items()
                if user != client or kind not in chart.CARE_TEAM_ONLY
            ],
            "period_choices": list(chart.PERIODS.items()),
            "kind_counts": [(chart.KIND_LABELS[k], n) for k, n in chart.counts(timeline.events)],
            "private_labels": [chart.KIND_LABELS[k] for k in timeline.private],
            # The person-centred profile at the top (None: the client keeps it private).
            "profile": profile_access.visible_profile(user, client),
            "shared": shared,
            "care_team": access.care_team(client),
            "shares_measures": Category.MEASURES in shares,
            "shares_checkins": Category.CHECKINS in shares,
            "shares_journal": Category.JOURNAL in shares,
            "alerts": list(safety_access.visible_alerts(user).filter(client=client)),
            "contact_requests": list(
                safety_access.visible_contact_requests(user).filter(client=client)
            ),
        },
    )
