"""The help page: crisis lines and the emergency number, for anyone, signed in or not."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from heard.core.http import request_user
from heard.safety import access, services


@require_safe
def help_now(request: HttpRequest) -> HttpResponse:
    """No login, no audit event: reaching out for help must leave as little trace as possible."""
    viewer = services.viewer_for(request.user)
    region = services.resolve_region(request, viewer=viewer)
    lines = services.crisis_lines_for(
        region=region, language=get_language() or "en", organization=viewer.organization
    )
    context = {
        "lines": lines,
        "organization": viewer.organization,
        "region_choices": services.region_choices(),
        "show_safety_plan": viewer.is_client,
    }
    return render(request, "safety/help_now.html", context)


@login_required
@require_POST
def alert_acknowledge(request: HttpRequest, alert_id: str) -> HttpResponse:
    user = request_user(request)
    alert = access.access_alert(user, alert_id, action="safety:alert:acknowledge")
    services.acknowledge_alert(user, alert=alert)
    messages.success(request, _("Thank you. The team can see that you have this alert."))
    return redirect(_back(request))


@login_required
@require_POST
def alert_resolve(request: HttpRequest, alert_id: str) -> HttpResponse:
    user = request_user(request)
    alert = access.access_alert(user, alert_id, action="safety:alert:resolve")
    try:
        services.resolve_alert(user, alert=alert, note=request.POST.get("note", ""))
    except ValidationError:
        messages.error(request, _("Please say briefly what was done before closing the alert."))
    else:
        messages.success(request, _("Alert resolved."))
    return redirect(_back(request))


def _back(request: HttpRequest) -> str:
    """Return to the page the form was on, if it is one of ours."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("people:caseload")
