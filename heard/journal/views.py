"""Journal pages: the client's own at /me/journal/ (list and search, new entry, read, edit
with autosave, delete, export), and the entries a client shares, for their care team, at
/care/clients/<id>/journal/."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from heard.accounts.models import User
from heard.core.htmx import is_htmx
from heard.core.http import request_user
from heard.journal import access, prompts, services
from heard.journal.forms import EntryForm, NewEntryForm
from heard.journal.models import JournalEntry, Screening
from heard.milestones import rules as milestone_rules
from heard.milestones.models import Milestone
from heard.people import policy
from heard.people.models import Category
from heard.safety import respond
from heard.safety.services import crisis_lines_for_request


def _lang() -> str:
    return (get_language() or "en").split("-")[0]


def _celebrate(request: HttpRequest, milestone: Milestone | None) -> None:
    if milestone is not None:
        words = milestone_rules.words_for(milestone.kind)
        messages.success(
            request, _("%(title)s: %(body)s") % {"title": words.title, "body": words.body}
        )


# --- The client's own journal ------------------------------------------------------------------


@login_required
@require_safe
def entry_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    entries = access.own_journal(user)
    q = request.GET.get("q", "").strip()[:200]
    context: dict[str, Any] = {
        "q": q,
        "matches": services.search_entries(user, q) if q else None,
        "entries": [] if q else [(e, *services.text_of(e)) for e in entries],
        "can_write": access.can_keep_journal(user),
        "prompts": prompts.PROMPTS,
    }
    return render(request, "journal/entry_list.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def entry_new(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    # Only a client now starts new entries.
    if not access.can_keep_journal(user):
        raise Http404
    initial = {"prompt": request.GET.get("prompt", "")}
    form = NewEntryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        entry = services.start_entry(user, prompt=form.cleaned_data["prompt"], lang=_lang())
        return redirect("journal:entry_edit", entry_id=entry.public_id)
    return render(request, "journal/entry_new.html", {"form": form, "choices": prompts.choices()})


def _page(entry: JournalEntry) -> dict[str, Any]:
    title, body = services.text_of(entry)
    return {
        "entry": entry,
        "title": title,
        "body": body,
        "prompt": prompts.prompt_for(entry.prompt),
    }


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def entry_detail(request: HttpRequest, entry_id: str) -> HttpResponse:
    """Read one entry. After a save (?saved=1): the automated reflection, or the "helping
    someone" panel. POST action=share|unshare shares the entry or takes the share back."""
    user = request_user(request)
    if request.method == "POST":
        return _share(request, user, entry_id)
    entry = access.access_own_entry(user, entry_id)
    latest = access.latest_revision(entry)
    just_saved = request.GET.get("saved") == "1" and latest is not None
    someone_else = just_saved and latest is not None and latest.screening == Screening.SOMEONE_ELSE
    context = {
        **_page(entry),
        "just_saved": just_saved,
        "reflection": services.reflection_for(entry, latest) if just_saved else None,
        "someone_else": someone_else,
        "lines": crisis_lines_for_request(request) if someone_else else None,
        "journal_shared": policy.shares(user, Category.JOURNAL),
        "revisions": list(access.entry_revisions(entry)[1:]),
    }
    return render(request, "journal/entry_detail.html", context)


def _share(request: HttpRequest, user: User, entry_id: str) -> HttpResponse:
    action = request.POST.get("action")
    if action not in ("share", "unshare"):
        entry = access.access_own_entry(user, entry_id)
        return redirect("journal:entry_detail", entry_id=entry.public_id)
    if action == "unshare":
        entry = access.access_own_entry(user, entry_id)
        services.unshare_entry(user, entry=entry)
        messages.success(request, _("This entry is private again. Your care team can't see it."))
        return redirect("journal:entry_detail", entry_id=entry.public_id)
    entry = access.access_own_entry(user, entry_id, for_write=True)
    try:
        shared = services.share_entry(user, entry=entry)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("journal:entry_detail", entry_id=entry.public_id)
    text = _("This entry is shared with your care team.")
    if shared.category_turned_on:
        text += " " + _(
            "Journal sharing was off, so we turned it on. Only the entries you share are "
            "visible to them; the rest stay private."
        )
    messages.success(request, text)
    _celebrate(request, shared.milestone)
    return redirect("journal:entry_detail", entry_id=entry.public_id)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def entry_edit(request: HttpRequest, entry_id: str) -> HttpResponse:
    """Write or edit an entry. "Save entry" keeps a saved version (then screening: the crisis
    screen when it shows risk); "Save draft" and autosave (HTMX-style partial) keep a draft."""
    user = request_user(request)
    entry = access.access_own_entry(user, entry_id, for_write=True)
    if request.method != "POST":
        title, body = (
            (entry.draft_title, entry.draft_body)
            if entry.has_draft
            else (
                entry.title,
                entry.body,
            )
        )
        form = EntryForm(initial={"title": title, "body": body})
        return _edit_page(request, entry, form)
    form = EntryForm(request.POST)
    form.is_valid()  # every field is optional: only the services refuse text
    title, body = form.cleaned_data.get("title", ""), form.cleaned_data.get("body", "")
    if request.POST.get("save") == "entry":
        return _save(request, user, entry, form, title, body)
    try:
        drafted = services.autosave_draft(user, entry=entry, title=title, body=body, lang=_lang())
    except ValidationError as error:
        form.add_service_errors(error)
        if is_htmx(request):
            return render(request, "journal/_autosave_status.html", {"error": error})
        return _edit_page(request, entry, form, status=400)
    check = drafted.check
    context: dict[str, Any] = {
        "entry": drafted.entry,
        "drafted": True,
        "changed": drafted.changed,
        # Never a redirect mid-typing: a calm note that links to support instead.
        "support": check is not None and check.show_crisis_screen,
    }
    if is_htmx(request):
        return render(request, "journal/_autosave_status.html", context)
    return _edit_page(
        request,
        drafted.entry,
        form,
        drafted=True,
        changed=drafted.changed,
        support=context["support"],
    )


def _save(
    request: HttpRequest, user: User, entry: JournalEntry, form: EntryForm, title: str, body: str
) -> HttpResponse:
    try:
        saved = services.save_entry(user, entry=entry, title=title, body=body, lang=_lang())
    except ValidationError as error:
        form.add_service_errors(error)
        return _edit_page(request, entry, form, status=400)
    url = respond.crisis_screen_url(saved.check)
    if url:
        # What they wrote is saved; help comes first: no reflection, no celebration.
        return redirect(url)
    messages.success(request, _("Your entry is saved."))
    _celebrate(request, saved.milestone)
    return redirect(reverse("journal:entry_detail", args=[entry.public_id]) + "?saved=1")


def _edit_page(
    request: HttpRequest, entry: JournalEntry, form: EntryForm, status: int = 200, **extra: Any
) -> HttpResponse:
    errors = [(f"id_{name}", " ".join(str(e) for e in errs)) for name, errs in form.errors.items()]
    context = {**_page(entry), "form": form, "error_summary": errors, **extra}
    return render(request, "journal/entry_edit.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def entry_delete(request: HttpRequest, entry_id: str) -> HttpResponse:
    user = request_user(request)
    entry = access.access_own_entry(user, entry_id)
    if request.method == "POST":
        services.delete_entry(user, entry=entry)
        messages.success(request, _("The entry is deleted."))
        return redirect("journal:entries")
    return render(request, "journal/entry_delete.html", _page(entry))


@login_required
@require_safe
def export_csv(request: HttpRequest) -> HttpResponse:
    return _export(request, "csv")


@login_required
@require_safe
def export_json(request: HttpRequest) -> HttpResponse:
    return _export(request, "json")


def _export(request: HttpRequest, fmt: str) -> HttpResponse:
    user = request_user(request)
    access.own_journal(user)
    data = services.export_entries(user, fmt="csv" if fmt == "csv" else "json")
    kind = "text/csv" if fmt == "csv" else "application/json"
    response = HttpResponse(data, content_type=f"{kind}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="my-journal.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


# --- The care team -----------------------------------------------------------------------------


@login_required
@require_safe
def client_entries(request: HttpRequest, client_id: str) -> HttpResponse:
    client, entries = access.visible_shared_entries(request_user(request), client_id)
    rows = [(e, e.title, services.snippet(e.body, 0, 0)) for e in entries]
    return render(request, "journal/client_entries.html", {"client": client, "rows": rows})


@login_required
@require_safe
def client_entry(request: HttpRequest, client_id: str, entry_id: str) -> HttpResponse:
    client, entry = access.access_shared_entry(request_user(request), client_id, entry_id)
    context = {"client": client, **_page(entry), "prompt": prompts.prompt_for(entry.prompt)}
    return render(request, "journal/client_entry.html", context)
