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

from heard.audit import services as audit
from heard.core.http import request_user
from heard.people import access as people_access
from heard.safety import access, respond, services
from heard.safety.forms import ContactRequestForm, reach_out_context


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


# --- The crisis screen and asking the care team to get in touch ---------------------------------


@require_safe
def support(request: HttpRequest) -> HttpResponse:
    """The crisis screen: calm words, crisis lines for the person's region and language, their
    own safety plan, and a way to ask their care team to reach out. Features that find risk in
    what a client wrote send them here (with `?alert=` and `saved=1`). Never a login wall:
    someone signed out gets the help page."""
    if not request.user.is_authenticated:
        return redirect("safety:help_now")
    user = request_user(request)
    alert = access.access_own_alert(user, request.GET.get("alert"))
    audit.record(user, "safety:crisis:shown", client=user, obj=alert)
    context = {
        "lines": services.crisis_lines_for_request(request),
        "alert": alert,
        "saved": request.GET.get("saved") == "1",
        "care_team": people_access.care_team(user),
        **reach_out_context(alert),
    }
    return render(request, "safety/support.html", context)


@login_required
def reach_out(request: HttpRequest) -> HttpResponse:
    """Ask my care team to get in touch. The note is client text: saved first, then screened;
    if it shows risk, the person goes straight to the crisis screen."""
    user = request_user(request)
    care_team = people_access.care_team(user)
    form = ContactRequestForm(request.POST or None)
    if request.method == "POST" and care_team and form.is_valid():
        alert = access.access_own_alert(user, form.cleaned_data["alert"])
        # The form has checked every field the service checks, so nothing here is refused.
        _request, check = services.ask_care_team(
            user,
            how=form.cleaned_data["how"],
            note=form.cleaned_data["note"],
            alert=alert,
            idempotency_key=form.cleaned_data["key"],
            lang=get_language(),
        )
        if check is not None and (url := respond.crisis_screen_url(check)):
            return redirect(url)
        if check is not None and check.show_helping_someone:
            return redirect(reverse("safety:reach_out_sent") + "?someone=1")
        return redirect("safety:reach_out_sent")
    return render(request, "safety/reach_out.html", {"form": form, "care_team": care_team})


@login_required
@require_safe
def reach_out_sent(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    context = {
        "care_team": people_access.care_team(user),
        "someone_else": request.GET.get("someone") == "1",
        "lines": services.crisis_lines_for_request(request),
    }
    return render(request, "safety/reach_out_sent.html", context)


@login_required
@require_POST
def contact_done(request: HttpRequest, request_id: str) -> HttpResponse:
    user = request_user(request)
    contact = access.access_contact_request(user, request_id, action="safety:contact:done")
    services.complete_contact_request(user, request=contact)
    messages.success(request, _("Marked as done. Thank you for getting in touch."))
    return redirect(_back(request))
