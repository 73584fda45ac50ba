"""The anonymous self-check at /check/: questions, a support page after a critical answer,
results, and keeping them in an account.

Stateless by design: no view here writes to the session or the database, except `keep`, and
only when the person asks. The answers so far travel in one signed token (tokens.py) posted
with each page, and the pages are never cached.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from heard.accounts import services as accounts
from heard.accounts.forms import SignupForm
from heard.accounts.models import User
from heard.instruments.registry import get_instrument
from heard.people import access as people
from heard.safety import services as safety
from heard.selfcheck import flow, results, services, tokens
from heard.selfcheck.forms import SKIP, KeepChoiceForm, PageForm

BACKEND = "django.contrib.auth.backends.ModelBackend"

HEADINGS: dict[str, Promise] = {
    "mood": gettext_lazy("Your mood"),
    "worry": gettext_lazy("Worry and nerves"),
    "mood-more": gettext_lazy("A few more questions about your mood"),
    "mood-last": gettext_lazy("Two last questions about your mood"),
    "worry-more": gettext_lazy("A few more questions about worry"),
    "wellbeing": gettext_lazy("Your well-being"),
}
# Our words, for an instrument whose data has no stem (the WHO-5).
STEM = gettext_lazy(
    "For each statement, choose the answer that is closest to how you have been feeling "
    "over the last two weeks."
)


@never_cache
@require_safe
def start(request: HttpRequest) -> HttpResponse:
    user = _signed_in(request)
    has_team = user is not None and people.care_team(user).exists()
    return render(request, "selfcheck/start.html", {"has_team": has_team})


@never_cache
@require_http_methods(["GET", "POST"])
def questions(request: HttpRequest) -> HttpResponse:
    """GET starts the check; each POST carries the token and one page's answers."""
    if request.method == "GET":
        return _show(request, tokens.new_state())
    try:
        state = tokens.loads(request.POST.get("state", ""))
    except tokens.BadToken:
        return _invalid(request)
    step, action = flow.current_step(state), request.POST.get("action", "")
    if action == "back":
        state = flow.back(state)
    elif step == flow.SUPPORT:
        state = flow.leave_support(state)
    elif step in flow.PAGES and action == "skip" and flow.may_skip_page(state, step):
        state = flow.record(state, step, {})
    elif step in flow.PAGES:
        form = PageForm(request.POST, page=flow.PAGES[step])
        if not form.is_valid():
            return _page(request, state, form)
        state = flow.record(state, step, form.values())
    return _show(request, state)


@never_cache
@require_POST
def keep(request: HttpRequest) -> HttpResponse:
    """Keep finished results: as the signed-in client, or in a new account made here."""
    try:
        state = tokens.loads(request.POST.get("state", ""))
    except tokens.BadToken:
        return _invalid(request)
    if not flow.finished(state):
        return _invalid(request)
    language = get_language() or "en"
    user = _signed_in(request)
    if user is not None:
        if accounts.is_staff_user(user):
            raise PermissionDenied
        services.keep_results(user, state=state, language=language)
        messages.success(request, _("Your self-check results are kept in your account."))
        return redirect("instruments:my_measures")
    return _join_and_keep(request, state, language=language)


def _join_and_keep(request: HttpRequest, state: flow.State, *, language: str) -> HttpResponse:
    """A visitor keeps the results: a new account with them in it, then signed in. Until
    the form is right, nothing is stored and the results page shows what to fix."""
    signup, choice = SignupForm(request.POST), KeepChoiceForm(request.POST)
    if not all([signup.is_valid(), choice.is_valid()]):
        return _results(request, state, signup=signup, choice=choice)
    try:
        user = services.join_and_keep(
            email=signup.cleaned_data["email"],
            password=signup.cleaned_data["password"],
            full_name=signup.cleaned_data["full_name"],
            preferred_name=signup.cleaned_data["preferred_name"],
            language=language,
            state=state,
        )
    except ValidationError as exc:
        for field, errors in exc.message_dict.items():
            signup.add_error(field if field in signup.fields else None, errors)
        return _results(request, state, signup=signup, choice=choice)
    login(request, user, backend=BACKEND)
    messages.success(request, _("Welcome to Heard. Your self-check results are in your account."))
    return redirect("instruments:my_measures")


# --- Rendering --------------------------------------------------------------------------


def _signed_in(request: HttpRequest) -> User | None:
    user = request.user
    return user if isinstance(user, User) and user.is_authenticated else None


def _show(request: HttpRequest, state: flow.State) -> HttpResponse:
    step = flow.current_step(state)
    if step == flow.RESULTS:
        return _results(request, state)
    if step == flow.SUPPORT:
        return _support(request, state)
    page = flow.PAGES[step]
    return _page(request, state, PageForm.with_answers(page, flow.initial(state, step)))


def _page(request: HttpRequest, state: flow.State, form: PageForm) -> HttpResponse:
    page = form.page
    instrument = get_instrument(page.instrument_id)
    progress = flow.progress(state)
    context = {
        "form": form,
        "page": page,
        "heading": HEADINGS[page.key],
        "stem": instrument.stem or STEM,
        "instrument": instrument,
        "token": tokens.dumps(state),
        "progress": progress,
        "progress_segments": _segments(progress),
        "error_links": form.error_links(),
        "skip": SKIP,
        "reason": flow.followup_reason(state, page.group) if page.followup else None,
        "may_skip_page": flow.may_skip_page(state, page.key),
        "can_go_back": bool(state.history),
    }
    return render(request, "selfcheck/questions.html", context)


def _segments(progress: flow.Progress) -> list[str]:
    """One entry per page for the progress bar: "complete", "current" or ""."""
    before, after = progress.number - 1, progress.total - progress.number
    return ["complete"] * before + ["current"] + [""] * after


def _crisis(request: HttpRequest) -> dict[str, Any]:
    """The same crisis lines /help-now/ would show this person, for their region."""
    viewer = safety.viewer_for(request.user)
    region = safety.resolve_region(request, viewer=viewer)
    lines = safety.crisis_lines_for(
        region=region, language=get_language() or "en", organization=viewer.organization
    )
    return {"lines": lines, "organization": viewer.organization, "viewer": viewer}


def _support(request: HttpRequest, state: flow.State) -> HttpResponse:
    user = _signed_in(request)
    team_told = user is not None and services.alert_care_team(user, state=state)
    context = {"token": tokens.dumps(state), "team_told": team_told, **_crisis(request)}
    return render(request, "selfcheck/support.html", context)


def _results(
    request: HttpRequest,
    state: flow.State,
    *,
    signup: SignupForm | None = None,
    choice: KeepChoiceForm | None = None,
) -> HttpResponse:
    sections = [results.section(outcome) for outcome in flow.outcomes(state)]
    user = _signed_in(request)
    is_staff = user is not None and accounts.is_staff_user(user)
    keep_error_links = [
        _error_link(form, name, str(error))
        for form in (signup, choice)
        if form is not None
        for name, errors in form.errors.items()
        for error in errors
    ]
    context = {
        "token": tokens.dumps(state),
        "sections": sections,
        "skills": results.skills(sections),
        "critical": flow.is_critical(state),
        "care_team": people.care_team(user) if user is not None and not is_staff else [],
        "signed_in": user is not None,
        "can_keep": not is_staff,
        "signup": signup or SignupForm(),
        "choice": choice or KeepChoiceForm(),
        "keep_errors": bool(keep_error_links),
        "keep_error_links": keep_error_links,
        **_crisis(request),
    }
    return render(request, "selfcheck/results.html", context)


def _error_link(form: forms.Form, name: str, error: str) -> tuple[str, str]:
    """(id to link to, message) for the error summary; the label says which field it is."""
    if name not in form.fields or name == "keep":
        return ("id_keep" if name == "keep" else "heard-keep-heading", error)
    return (form[name].auto_id, f"{form[name].label}: {error}")


def _invalid(request: HttpRequest) -> HttpResponse:
    return render(request, "selfcheck/invalid.html", status=400)
