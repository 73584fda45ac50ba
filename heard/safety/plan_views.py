"""Safety plan pages: the client's own at /me/safety-plan/, the care team's at
/care/clients/<id>/safety-plan/ (same templates, different addresses), the PDF, and the
service worker that keeps the plan and the crisis lines available offline.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from heard.accounts.models import User
from heard.core.http import request_user
from heard.safety import access, plan_pdf, plan_rules, plan_services, services
from heard.safety.models import RiskAlert, SafetyPlan, SignalSource

# What each step is called, a short prompt and an example, in plain words (our own wording
# of the Safety Planning Intervention's steps).
STEP_TEXT: dict[str, tuple[Any, Any, Any]] = {
    plan_rules.WARNING_SIGNS: (
        gettext_lazy("Signs that a hard time is starting"),
        gettext_lazy("What thoughts, feelings or situations tell you things are getting hard?"),
        gettext_lazy("For example: “I stop answering messages” or “I can't sleep”."),
    ),
    plan_rules.COPING: (
        gettext_lazy("Things I can do on my own to feel a bit better"),
        gettext_lazy("What helps take your mind off things, even a little, without anyone else?"),
        gettext_lazy("For example: a walk, a warm shower, music, drawing."),
    ),
    plan_rules.DISTRACTIONS: (
        gettext_lazy("People and places that take my mind off things"),
        gettext_lazy(
            "Who can you be with, or where can you go, for company? "
            "You don't have to tell them how you feel."
        ),
        gettext_lazy("For example: my cousin Sam, the library, the café on the corner."),
    ),
    plan_rules.PEOPLE_TO_ASK: (
        gettext_lazy("People I can ask for help"),
        gettext_lazy("Who can you tell that you're having a hard time, and ask for help?"),
        gettext_lazy("For example: Alex (my sister), 555 123 4567."),
    ),
    plan_rules.PROFESSIONALS: (
        gettext_lazy("Professionals and services I can contact"),
        gettext_lazy(
            "Your clinician, your doctor, or a service you trust. "
            "Crisis lines for your area are added for you."
        ),
        gettext_lazy("For example: Dr. Rivera, 555 010 2000."),
    ),
    plan_rules.SAFER_ENVIRONMENT: (
        gettext_lazy("Making my space safer"),
        gettext_lazy("What can you do to keep yourself safer when things get hard?"),
        gettext_lazy(
            "For example: ask someone I trust to hold on to things that could be unsafe "
            "for me right now."
        ),
    ),
    plan_rules.REASONS_FOR_LIVING: (
        gettext_lazy("My reasons for living"),
        gettext_lazy("The people, pets, hopes and plans that matter to you."),
        gettext_lazy("For example: my daughter, my dog, seeing the sea again."),
    ),
}
BLANK_ROWS = 2  # empty rows under the entries, so most people never need "Add another"
ADD_ROWS = 3


@dataclass(frozen=True)
class Subject:
    """Whose plan a page is about, who is looking, and where that person's plan pages are."""

    viewer: User
    client: User
    plan: SafetyPlan | None
    pages: dict[str, str]

    @property
    def is_own(self) -> bool:
        return self.viewer.pk == self.client.pk


PAGE_KINDS = ("view", "edit", "versions", "pdf")


def _pages(prefix: str, *args: object) -> dict[str, str]:
    """The addresses of one person's plan pages ("my_plan…" or "client_plan…")."""
    suffixes = ("", "_edit", "_versions", "_pdf")
    return {
        kind: reverse(f"safety:{prefix}{suffix}", args=args)
        for kind, suffix in zip(PAGE_KINDS, suffixes, strict=True)
    }


def _own(request: HttpRequest) -> Subject:
    user = request_user(request)
    # Only clients have a plan of their own.
    if not plan_services.can_have_plan(user):
        raise Http404
    return Subject(user, user, access.access_own_plan(user), _pages("my_plan"))


def _theirs(request: HttpRequest, client_id: str, action: str, *, write: bool = False) -> Subject:
    user = request_user(request)
    client, plan = access.access_client_plan(user, client_id, action=action, for_write=write)
    return Subject(user, client, plan, _pages("client_plan", client.public_id))


def _lines(request: HttpRequest, subject: Subject) -> services.CrisisLines:
    if subject.is_own:
        return services.crisis_lines_for_request(request)
    return plan_services.crisis_lines_for_client(subject.client, language=get_language() or "en")


def steps(content: plan_rules.Content) -> list[dict[str, Any]]:
    """The plan as numbered steps for the page and the PDF, phone numbers made tap-to-call."""
    out = []
    for number, key in enumerate(plan_rules.SECTIONS, start=1):
        title, prompt, example = STEP_TEXT[key]
        entries = content.get(key, [])
        if key in plan_rules.CONTACT_SECTIONS:
            entries = [{**e, "href": plan_rules.phone_href(e["phone"])} for e in entries]
        out.append(
            {
                "key": key,
                "number": number,
                "title": title,
                "prompt": prompt,
                "example": example,
                "entries": entries,
                "contact": key in plan_rules.CONTACT_SECTIONS,
            }
        )
    return out


# --- Reading ------------------------------------------------------------------------------------


def _show(request: HttpRequest, subject: Subject) -> HttpResponse:
    content = plan_services.plan_content(subject.plan)
    context = {
        "subject": subject,
        "plan": subject.plan,
        "steps": steps(content),
        "empty": plan_rules.is_empty(content),
        "lines": _lines(request, subject),
    }
    return render(request, "safety/plan.html", context)


@login_required
@require_safe
def my_plan(request: HttpRequest) -> HttpResponse:
    return _show(request, _own(request))


@login_required
@require_safe
def client_plan(request: HttpRequest, client_id: str) -> HttpResponse:
    return _show(request, _theirs(request, client_id, "safety:plan:read"))


# --- Editing ------------------------------------------------------------------------------------


CHOICE_LABELS = (
    (plan_rules.KEEP_MINE, gettext_lazy("Keep my version")),
    (plan_rules.KEEP_THEIRS, gettext_lazy("Keep what's saved now")),
    (plan_rules.KEEP_BOTH, gettext_lazy("Keep both: what's saved now, then my lines")),
)


def _rows(
    content: plan_rules.Content,
    *,
    add: str = "",
    errors: dict[str, list[str]] | None = None,
    clash: dict[str, dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """Form rows per step: the entries, then a few blank rows (more for the step where
    "Add another" was pressed), never more than the limit allows; with each step's error
    messages and, on the conflict page, what is saved now in that step."""
    out = steps(content)
    for step in out:
        entries = list(step["entries"])
        blanks = BLANK_ROWS + (ADD_ROWS if step["key"] == add else 0)
        room = max(plan_rules.MAX_ENTRIES - len(entries), 0)
        blank: Any = {"name": "", "phone": ""} if step["contact"] else ""
        step["rows"] = entries + [blank] * min(blanks, room)
        step["full"] = len(entries) + blanks >= plan_rules.MAX_ENTRIES
        step["errors"] = (errors or {}).get(step["key"], [])
        step["clash"] = (clash or {}).get(step["key"])
    return out


def _form(
    request: HttpRequest,
    subject: Subject,
    content: plan_rules.Content,
    *,
    based_on: int,
    status: int = 200,
    **options: Any,
) -> HttpResponse:
    """Render the edit form (also the conflict page when `clash` is given)."""
    rows = _rows(content, **options)
    summary = [
        (f"step-{step['key']}", f"{step['title']}: {message}")
        for step in rows
        for message in step["errors"]
    ]
    context = {
        "subject": subject,
        "based_on": based_on,
        "steps": rows,
        "error_summary": summary,
        "clash": options.get("clash"),
        "choice_labels": CHOICE_LABELS,
        **_saved_by(subject, based_on, options.get("clash")),
    }
    return render(request, "safety/plan_edit.html", context, status=status)


def _saved_by(subject: Subject, based_on: int, clash: Any) -> dict[str, Any]:
    """Who saved the version the person is reconciling with, and when (conflict page)."""
    if not clash:
        return {}
    version = access.plan_versions(subject.plan).filter(number=based_on).first()
    return {
        "saved_by": version.author if version else None,
        "saved_at": version.created_at if version else None,
    }


def _clash(
    theirs: plan_rules.Content, keys: list[str] | tuple[str, ...], choices: dict[str, str]
) -> dict[str, dict[str, Any]]:
    """For each clashing step: what is saved now, and the person's choice so far."""
    saved = {step["key"]: step for step in steps(theirs)}
    return {
        key: {**saved[key], "choice": choices.get(key, plan_rules.KEEP_MINE)}
        for key in keys
        if key in saved
    }


def _edit(request: HttpRequest, subject: Subject) -> HttpResponse:
    if request.method != "POST":
        based_on = subject.plan.version if subject.plan else 0
        return _form(request, subject, plan_services.plan_content(subject.plan), based_on=based_on)
    submitted = plan_rules.from_form(request.POST)
    based_on = _int(request.POST.get("based_on"))
    keys = [k for k in request.POST.getlist("clash") if k in plan_rules.SECTIONS]
    choices = {k: request.POST.get(f"choice-{k}", "") for k in keys}
    choices = {k: c for k, c in choices.items() if c in plan_rules.CHOICES}
    if "add" in request.POST:
        # "Add another" saves nothing: the same form again, with room for more lines.
        theirs = plan_services.version_content(subject.plan, based_on) if subject.plan else None
        clash = _clash(theirs, keys, choices) if theirs is not None and keys else None
        cleaned = plan_rules.clean(submitted)[0]
        return _form(
            request, subject, cleaned, based_on=based_on, add=request.POST["add"], clash=clash
        )
    try:
        plan = plan_services.save_plan(
            subject.viewer,
            client=subject.client,
            content=submitted,
            based_on_version=based_on,
            choices=choices,
        )
    except ValidationError as error:
        cleaned = plan_rules.clean(submitted)[0]
        return _form(
            request, subject, cleaned, based_on=based_on, errors=error.message_dict, status=400
        )
    except plan_services.PlanConflict as conflict:
        # The page again: the person's own words in every box, and per clashing step what is
        # saved now and a choice. Saving from there is based on the version now saved.
        subject = Subject(subject.viewer, subject.client, conflict.plan, subject.pages)
        clash = _clash(conflict.theirs, conflict.sections, {})
        return _form(
            request,
            subject,
            conflict.merged,
            based_on=conflict.saved_version,
            clash=clash,
            status=409,
        )
    _say_saved(request, plan_services.merged_sections(plan, submitted, choices))
    alert = _alert_for_latest(subject, plan)
    if alert is not None:
        # What they just wrote shows immediate risk: the plan is saved, and help comes first.
        return redirect(f"{reverse('safety:support')}?saved=1&alert={alert.public_id}")
    return redirect(subject.pages["view"])


def _alert_for_latest(subject: Subject, plan: SafetyPlan) -> RiskAlert | None:
    if not subject.is_own:
        return None
    version = plan_services.latest_version(plan)
    if version is None:  # pragma: no cover - a saved plan always has a version
        return None
    return access.own_alert_for(
        subject.client,
        source=(SignalSource.SAFETY_PLAN, SignalSource.UNSCREENED),
        source_id=version.public_id,
    )


def _int(value: str | None) -> int:
    try:
        return max(int(value or 0), 0)
    except ValueError:
        return 0


def _say_saved(request: HttpRequest, merged: tuple[str, ...]) -> None:
    if not merged:
        messages.success(request, _("Your safety plan is saved."))
        return
    names = ", ".join(f"“{STEP_TEXT[key][0]}”" for key in merged)
    messages.success(
        request,
        _(
            "Your safety plan is saved. While you were editing, %(steps)s also changed. "
            "We kept those changes as well as yours."
        )
        % {"steps": names},
    )


@login_required
def my_plan_edit(request: HttpRequest) -> HttpResponse:
    return _edit(request, _own(request))


@login_required
def client_plan_edit(request: HttpRequest, client_id: str) -> HttpResponse:
    return _edit(request, _theirs(request, client_id, "safety:plan:edit", write=True))


# --- Versions -----------------------------------------------------------------------------------


def _versions(request: HttpRequest, subject: Subject) -> HttpResponse:
    if request.method == "POST":
        if subject.plan is not None:
            try:
                plan_services.restore_version(
                    subject.viewer, subject.plan, _int(request.POST.get("restore"))
                )
            except ValidationError:
                messages.error(request, _("That version of the plan doesn't exist."))
            else:
                messages.success(request, _("That version is your plan again."))
                return redirect(subject.pages["view"])
        return redirect(subject.pages["versions"])
    versions = [
        {"version": v, "steps": steps(plan_rules.loads(v.content))}
        for v in access.plan_versions(subject.plan)
    ]
    return render(request, "safety/plan_versions.html", {"subject": subject, "versions": versions})


@login_required
def my_plan_versions(request: HttpRequest) -> HttpResponse:
    return _versions(request, _own(request))


@login_required
def client_plan_versions(request: HttpRequest, client_id: str) -> HttpResponse:
    write = request.method == "POST"
    action = "safety:plan:restore" if write else "safety:plan:versions"
    return _versions(request, _theirs(request, client_id, action, write=write))


# --- PDF ----------------------------------------------------------------------------------------


def _pdf(request: HttpRequest, subject: Subject) -> HttpResponse:
    content = plan_services.plan_content(subject.plan)
    data = plan_pdf.render(steps(content), _lines(request, subject), made_on=timezone.localdate())
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="safety-plan.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_safe
def my_plan_pdf(request: HttpRequest) -> HttpResponse:
    return _pdf(request, _own(request))


@login_required
@require_safe
def client_plan_pdf(request: HttpRequest, client_id: str) -> HttpResponse:
    return _pdf(request, _theirs(request, client_id, "safety:plan:pdf"))


# --- Offline ------------------------------------------------------------------------------------

# Everything the two offline pages need to look right; nothing else is ever cached.
OFFLINE_ASSETS = (
    "vendor/uswds/css/uswds.min.css",
    "heard/css/heard.css",
    "safety/plan.css",
    "vendor/uswds/js/uswds.min.js",
    "vendor/htmx/htmx.min.js",
    "heard/js/heard.js",
    "safety/plan-offline.js",
    "heard/img/favicon.svg",
)


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker at /sw.js (its scope is the whole site, so it can answer for
    /help-now/ and /me/safety-plan/ when the network is gone). No login: it holds no data."""
    context = {
        "pages": json.dumps([reverse("safety:help_now"), reverse("safety:my_plan")]),
        "assets": json.dumps([static(path) for path in OFFLINE_ASSETS]),
        "sign_out": json.dumps([reverse("accounts:logout"), reverse("accounts:login")]),
    }
    response = render(request, "safety/sw.js", context, content_type="application/javascript")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response
