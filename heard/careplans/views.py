"""Care plan pages: the client's own at /me/care-plan/, the care team's at
/care/clients/<id>/care-plan/ (the same templates, with each side's addresses passed in):
the plan, editing it together, comments, agreement, versions and comparing them, the
printable plan, and (the client's own) choices in decisions and goal ratings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from heard.accounts.models import User
from heard.careplans import access, display, plan_pdf, rules, services, words
from heard.careplans.models import CarePlan
from heard.core.http import request_user
from heard.milestones import rules as milestone_rules
from heard.milestones.models import Milestone
from heard.safety import respond
from heard.safety.services import TextCheck, crisis_lines_for_request

OWN_PAGES = {
    "view": "my_plan",
    "edit": "my_plan_edit",
    "versions": "my_versions",
    "compare": "my_compare",
    "print": "my_print",
    "comment": "my_comment",
    "agree": "my_agree",
    "choose": "my_choice",
    "rate": "my_rate",
    "pdf": "my_pdf",
}
TEAM_PAGES = {
    "view": "client_plan",
    "edit": "client_plan_edit",
    "versions": "client_versions",
    "compare": "client_compare",
    "print": "client_print",
    "comment": "client_comment",
    "agree": "client_agree",
    "pdf": "client_pdf",
}


@dataclass(frozen=True)
class Subject:
    """Whose plan a page is about, who is looking, and where that person's plan pages are."""

    viewer: User
    client: User
    plan: CarePlan | None
    pages: dict[str, str]

    @property
    def is_own(self) -> bool:
        return self.viewer.pk == self.client.pk

    @property
    def side(self) -> str | None:
        return services.side_of(self.viewer, self.client)


def _own_pages() -> dict[str, str]:
    return {kind: reverse(f"careplans:{name}") for kind, name in OWN_PAGES.items()}


def _own(request: HttpRequest, *, write: bool = False) -> Subject:
    client, plan = access.access_own_plan(request_user(request), for_write=write)
    return Subject(client, client, plan, _own_pages())


def _theirs(request: HttpRequest, client_id: str, action: str, *, write: bool = False) -> Subject:
    user = request_user(request)
    client, plan = access.access_client_plan(user, client_id, action=action, for_write=write)
    if user.pk == client.pk:
        # The client at the care team's address: their own pages.
        return Subject(user, client, plan, _own_pages())
    pages = {
        kind: reverse(f"careplans:{name}", args=[client.public_id])
        for kind, name in TEAM_PAGES.items()
    }
    return Subject(user, client, plan, pages)


View = Callable[..., HttpResponse]


def _kindly(view: View) -> View:
    """A care team page: when the client keeps their plan private, say so kindly (403)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except access.PlanNotShared as private:
            context = {"client": private.client}
            return render(request, "careplans/not_shared.html", context, status=403)

    return wrapped


def _int(value: str | None) -> int:
    try:
        return max(int(value or 0), 0)
    except ValueError:
        return 0


def _after_client_text(request: HttpRequest, subject: Subject, check: TextCheck | None) -> str:
    """Where to go after saving text the client wrote: the crisis screen when it shows risk
    (what they wrote is saved), the plan with help for someone else, or the plan."""
    url = respond.crisis_screen_url(check) if check is not None else None
    if url:
        return url
    if check is not None and check.show_helping_someone:
        return subject.pages["view"] + "?helping=1"
    return subject.pages["view"]


def _celebrate(request: HttpRequest, milestone: Milestone | None) -> None:
    if milestone is not None:
        said = milestone_rules.words_for(milestone.kind)
        messages.success(
            request, _("%(title)s: %(body)s") % {"title": said.title, "body": said.body}
        )


def _agreement(subject: Subject) -> dict[str, Any]:
    version = services.current_version(subject.plan)
    side = subject.side
    agreed = version is not None and (
        (side == services.CLIENT_SIDE and version.client_agreed_at is not None)
        or (side == services.CLINICIAN_SIDE and version.clinician_agreed_at is not None)
    )
    return {"version": version, "side": side, "can_agree": side is not None and not agreed}


# --- Reading ------------------------------------------------------------------------------------


def _show(request: HttpRequest, subject: Subject) -> HttpResponse:
    content = services.plan_content(subject.plan)
    helping = subject.is_own and request.GET.get("helping") == "1"
    context = {
        "subject": subject,
        "plan": subject.plan,
        "data": display.plan(
            content, own=subject.is_own, ratings=access.goal_ratings(subject.plan)
        ),
        "agreement": _agreement(subject),
        "comments": access.plan_comments(subject.plan),
        "scale": range(rules.RATING_MIN, rules.RATING_MAX + 1),
        "helping": helping,
        "lines": crisis_lines_for_request(request) if helping else None,
        "max_comment": rules.MAX_COMMENT,
    }
    return render(request, "careplans/plan.html", context)


@login_required
@require_safe
def my_plan(request: HttpRequest) -> HttpResponse:
    return _show(request, _own(request))


@login_required
@require_safe
@_kindly
def client_plan(request: HttpRequest, client_id: str) -> HttpResponse:
    return _show(request, _theirs(request, client_id, "careplan:plan:read"))


def _print(request: HttpRequest, subject: Subject) -> HttpResponse:
    content = services.plan_content(subject.plan)
    context = {
        "subject": subject,
        "plan": subject.plan,
        "data": display.plan(
            content, own=subject.is_own, ratings=access.goal_ratings(subject.plan)
        ),
        "agreement": _agreement(subject),
        "printed_on": timezone.localdate(),
    }
    return render(request, "careplans/print.html", context)


@login_required
@require_safe
def my_print(request: HttpRequest) -> HttpResponse:
    return _print(request, _own(request))


@login_required
@require_safe
@_kindly
def client_print(request: HttpRequest, client_id: str) -> HttpResponse:
    return _print(request, _theirs(request, client_id, "careplan:plan:print"))


def _pdf(request: HttpRequest, subject: Subject) -> HttpResponse:
    content = services.plan_content(subject.plan)
    data = display.plan(content, own=False, ratings=access.goal_ratings(subject.plan))
    region = subject.client.region or settings.HEARD_DEFAULT_REGION
    made = plan_pdf.render(
        subject.client,
        subject.plan,
        services.current_version(subject.plan),
        data,
        region=region.upper(),
        made_on=timezone.localdate(),
    )
    response = HttpResponse(made, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="care-plan.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_safe
def my_pdf(request: HttpRequest) -> HttpResponse:
    return _pdf(request, _own(request))


@login_required
@require_safe
@_kindly
def client_pdf(request: HttpRequest, client_id: str) -> HttpResponse:
    return _pdf(request, _theirs(request, client_id, "careplan:plan:pdf"))


# --- Editing ------------------------------------------------------------------------------------


def _form(
    request: HttpRequest,
    subject: Subject,
    content: rules.Content,
    *,
    base: int,
    status: int = 200,
    note: str = "",
    conflict: services.PlanConflict | None = None,
    **options: Any,
) -> HttpResponse:
    errors = options.pop("errors", {})
    sections = display.form_sections(
        content,
        own=subject.is_own,
        errors=errors,
        clashes=conflict.sections if conflict else (),
        theirs=conflict.theirs if conflict else None,
        **options,
    )
    current = services.current_version(subject.plan)
    context = {
        "subject": subject,
        "base": base,
        "sections": sections,
        "note": note,
        "note_errors": errors.get("note", []),
        "error_summary": display.error_summary(errors),
        "conflict": conflict,
        "was_agreed": current is not None and current.agreed,
        "who_choices": list(words.who_words(subject.is_own).items()),
        "smart_fields": [
            (n, words.SMART_LABELS[n], words.SMART_HINTS[n]) for n in rules.SMART_FIELDS
        ],
        "limits": {"text": rules.MAX_TEXT, "detail": rules.MAX_DETAIL, "note": rules.MAX_NOTE},
    }
    return render(request, "careplans/plan_edit.html", context, status=status)


def _edit(request: HttpRequest, subject: Subject) -> HttpResponse:
    if request.method != "POST":
        base = subject.plan.version if subject.plan else 0
        return _form(request, subject, services.plan_content(subject.plan), base=base)
    submitted, add = rules.from_form(request.POST)
    base, note = _int(request.POST.get("base_revision")), request.POST.get("note", "")
    if add:
        # "Add another" saves nothing: the same form again, with room for one more.
        return _form(request, subject, rules.clean(submitted)[0], base=base, note=note, add=add)
    try:
        saved = services.save_plan(
            subject.viewer,
            client=subject.client,
            content=submitted,
            base_revision=base,
            note=note,
            propose=request.POST.get("save") == "propose",
        )
    except ValidationError as error:
        cleaned = rules.clean(submitted)[0]
        return _form(
            request, subject, cleaned, base=base, note=note, errors=error.message_dict, status=400
        )
    except services.PlanConflict as conflict:
        # The form again: their own words in every box, what is saved now beside each
        # section both changed. Saving from here is based on the version saved now.
        subject = Subject(subject.viewer, subject.client, conflict.plan, subject.pages)
        return _form(
            request,
            subject,
            conflict.merged,
            base=conflict.revision,
            note=note,
            conflict=conflict,
            status=409,
        )
    _say_saved(request, saved)
    return redirect(_after_client_text(request, subject, saved.check))


def _say_saved(request: HttpRequest, saved: services.Saved) -> None:
    text = _("The care plan is saved as version %(n)s.") % {"n": saved.version.number}
    if saved.merged:
        names = ", ".join(f"“{words.SECTION_TITLES[s]}”" for s in saved.merged)
        text += " " + _(
            "While you were editing, someone else changed %(sections)s. We kept their "
            "changes there as well as yours."
        ) % {"sections": names}
    earlier = access.plan_version(saved.plan, saved.version.number - 1)
    if earlier is not None and earlier.agreed and saved.version.number == saved.plan.version:
        text += " " + _("The earlier version was agreed; this one needs both agreements again.")
    messages.success(request, text)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def my_plan_edit(request: HttpRequest) -> HttpResponse:
    return _edit(request, _own(request, write=True))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@_kindly
def client_plan_edit(request: HttpRequest, client_id: str) -> HttpResponse:
    return _edit(request, _theirs(request, client_id, "careplan:plan:edit", write=True))


# --- Comments and agreement ---------------------------------------------------------------------


def _comment(request: HttpRequest, subject: Subject) -> HttpResponse:
    if subject.plan is None:
        messages.error(request, _("There's no plan to comment on yet."))
        return redirect(subject.pages["view"])
    try:
        result = services.comment_on_plan(
            subject.viewer, plan=subject.plan, text=request.POST.get("text", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(subject.pages["view"] + "#comments")
    messages.success(request, _("Your comment is added."))
    url = _after_client_text(request, subject, result.check)
    return redirect(url + "#comments" if url == subject.pages["view"] else url)


@login_required
@require_POST
def my_comment(request: HttpRequest) -> HttpResponse:
    return _comment(request, _own(request, write=True))


@login_required
@require_POST
@_kindly
def client_comment(request: HttpRequest, client_id: str) -> HttpResponse:
    return _comment(request, _theirs(request, client_id, "careplan:comment:add", write=True))


def _agree(request: HttpRequest, subject: Subject) -> HttpResponse:
    if subject.plan is None:
        messages.error(request, _("There is nothing to agree to yet."))
        return redirect(subject.pages["view"])
    number = _int(request.POST.get("version"))
    try:
        agreed = services.agree_to_plan(subject.viewer, plan=subject.plan, version_number=number)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except services.StaleVersion as stale:
        messages.error(
            request,
            _(
                "The plan changed since you opened it: it is at version %(n)s now. Please "
                "read it again before you agree."
            )
            % {"n": stale.revision},
        )
    else:
        if agreed.both:
            messages.success(request, _("Thank you. You have both agreed to this version."))
        else:
            messages.success(request, _("Thank you. Your agreement is recorded."))
    return redirect(subject.pages["view"] + "#agreement")


@login_required
@require_POST
def my_agree(request: HttpRequest) -> HttpResponse:
    return _agree(request, _own(request, write=True))


@login_required
@require_POST
@_kindly
def client_agree(request: HttpRequest, client_id: str) -> HttpResponse:
    return _agree(request, _theirs(request, client_id, "careplan:plan:agree", write=True))


# --- The client's own choices and ratings -------------------------------------------------------


@login_required
@require_POST
def my_choice(request: HttpRequest) -> HttpResponse:
    subject = _own(request, write=True)
    if subject.plan is None:
        return redirect(subject.pages["view"])
    try:
        saved = services.record_choice(
            subject.viewer,
            plan=subject.plan,
            decision_key=request.POST.get("decision", ""),
            option_key=request.POST.get("option", ""),
            reason=request.POST.get("reason", ""),
            base_revision=_int(request.POST.get("base_revision")),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(subject.pages["view"] + "#decisions")
    except services.StaleVersion:
        messages.error(
            request,
            _("The plan changed since you opened it. Please look at the options again."),
        )
        return redirect(subject.pages["view"] + "#decisions")
    messages.success(request, _("Your choice is saved."))
    url = _after_client_text(request, subject, saved.check)
    return redirect(url + "#decisions" if url == subject.pages["view"] else url)


@login_required
@require_POST
def my_rate(request: HttpRequest) -> HttpResponse:
    subject = _own(request, write=True)
    if subject.plan is None:
        return redirect(subject.pages["view"])
    goal, note = request.POST.get("goal", ""), request.POST.get("note", "")
    try:
        if request.POST.get("reached") == "1":
            rated = services.mark_goal_reached(subject.viewer, plan=subject.plan, goal_key=goal)
        else:
            value = request.POST.get("value", "")
            rated = services.rate_goal(
                subject.viewer,
                plan=subject.plan,
                goal_key=goal,
                value=int(value) if value.strip().isdigit() else -1,
                note=note,
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(subject.pages["view"] + f"#goal-{goal}")
    url = _after_client_text(request, subject, rated.check)
    if url != subject.pages["view"]:
        return redirect(url)
    messages.success(request, _("Your rating is saved."))
    _celebrate(request, rated.milestone)
    return redirect(url + f"#goal-{goal}")


# --- Versions -----------------------------------------------------------------------------------


def _versions(request: HttpRequest, subject: Subject) -> HttpResponse:
    rows = display.version_rows(list(access.plan_versions(subject.plan)))
    return render(request, "careplans/versions.html", {"subject": subject, "rows": rows})


@login_required
@require_safe
def my_versions(request: HttpRequest) -> HttpResponse:
    return _versions(request, _own(request))


@login_required
@require_safe
@_kindly
def client_versions(request: HttpRequest, client_id: str) -> HttpResponse:
    return _versions(request, _theirs(request, client_id, "careplan:plan:versions"))


def _compare(request: HttpRequest, subject: Subject) -> HttpResponse:
    latest = subject.plan.version if subject.plan else 0
    b = _int(request.GET.get("b")) or latest
    a = _int(request.GET.get("a")) if "a" in request.GET else max(b - 1, 0)
    old, new = access.plan_version(subject.plan, a), access.plan_version(subject.plan, b)
    context: dict[str, Any] = {
        "subject": subject,
        "numbers": list(range(latest, 0, -1)),
        "a": a,
        "b": b,
        "old": old,
        "new": new,
        "changes": None,
    }
    if old is not None and new is not None:
        context["changes"] = display.changes(
            rules.loads(old.content), rules.loads(new.content), own=subject.is_own
        )
    return render(request, "careplans/compare.html", context)


@login_required
@require_safe
def my_compare(request: HttpRequest) -> HttpResponse:
    return _compare(request, _own(request))


@login_required
@require_safe
@_kindly
def client_compare(request: HttpRequest, client_id: str) -> HttpResponse:
    return _compare(request, _theirs(request, client_id, "careplan:plan:compare"))
