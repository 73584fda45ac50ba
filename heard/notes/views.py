"""Session note pages, for the care team only: a client's notes, writing a note from a
template, and one note (edit while a draft, sign, addenda once signed, delete a draft)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from heard.core.http import request_user
from heard.notes import access, rules, services
from heard.notes.forms import AddendumForm, NoteForm
from heard.notes.models import NoteKind, SessionNote


@login_required
@require_safe
def client_notes(request: HttpRequest, client_id: str) -> HttpResponse:
    user = request_user(request)
    client, progress, psychotherapy = access.visible_notes(user, client_id)
    context = {
        "client": client,
        "progress": progress,
        "psychotherapy": psychotherapy,
        "can_write": services.can_write_notes(user, client),
        "templates": list(rules.TEMPLATES.values()),
    }
    return render(request, "notes/client_notes.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def note_new(request: HttpRequest, client_id: str) -> HttpResponse:
    user = request_user(request)
    client = access.access_client_for_notes(user, client_id)
    template = rules.template_for(request.POST.get("template") or request.GET.get("template", ""))
    context: dict[str, Any] = {
        "client": client,
        "template": template,
        "templates": list(rules.TEMPLATES.values()),
        "can_write": services.can_write_notes(user, client),
        "kinds": NoteKind.choices,
        "kind": request.POST.get("kind", NoteKind.PROGRESS),
    }
    if template is None or not context["can_write"]:
        return render(request, "notes/note_new.html", context)
    appointments = {str(a.public_id): a for a in access.linkable_appointments(client)}
    choices = [
        (key, date_format(timezone.localtime(a.starts_at), "DATETIME_FORMAT"))
        for key, a in appointments.items()
    ]
    form = NoteForm(
        request.POST or None,
        template=template,
        appointments=choices,
        initial={"session_date": timezone.localdate()},
    )
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        try:
            note = services.create_note(
                user,
                client=client,
                template=template.key,
                kind=context["kind"],
                session_date=form.cleaned_data["session_date"],
                fields=form.note_fields(),
                appointment=appointments.get(form.cleaned_data.get("appointment") or ""),
            )
        except services.NoteProblem as problem:
            form.add_problems(problem.problems)
        else:
            messages.success(request, _("Draft saved. Sign it when it is ready."))
            return redirect("notes:note", note_id=note.public_id)
    return render(request, "notes/note_new.html", context)


def _note_page(
    request: HttpRequest, note: SessionNote, *, form: NoteForm | None = None, status: int = 200
) -> HttpResponse:
    user = request_user(request)
    is_author = note.author_id == user.pk
    template = rules.template_for(note.template)
    editable = template is not None and rules.may_edit(signed=note.is_signed, is_author=is_author)
    if editable and form is None and template is not None:
        initial = {
            "session_date": note.session_date,
            "revision": note.revision,
            **services.fields_of(note),
        }
        form = NoteForm(template=template, initial=initial)
    labels = {f.key: f.label for f in template.fields} if template else {}
    context = {
        "note": note,
        "client": note.client,
        "sections": [(labels.get(k, k), v) for k, v in services.fields_of(note).items()],
        "form": form if editable else None,
        "can_sign": rules.may_sign(signed=note.is_signed, is_author=is_author),
        "can_add_addendum": rules.may_add_addendum(
            signed=note.is_signed,
            is_author=is_author,
            treats_client=services.treats_client(user, note.client),
        ),
        "addenda": list(access.note_addenda(note)),
        "addendum_form": AddendumForm(),
    }
    return render(request, "notes/note_detail.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def note_detail(request: HttpRequest, note_id: str) -> HttpResponse:
    user = request_user(request)
    if request.method != "POST":
        return _note_page(request, access.access_note(user, note_id))
    note = access.access_note(user, note_id, action="notes:edit")
    template = rules.template_for(note.template)
    if template is None:
        raise Http404
    form = NoteForm(request.POST, template=template)
    if not form.is_valid():
        return _note_page(request, note, form=form, status=422)
    try:
        services.update_note(
            user,
            note=note,
            fields=form.note_fields(),
            base_revision=form.cleaned_data["revision"] or 0,
            session_date=form.cleaned_data["session_date"],
        )
    except services.NoteLocked:
        messages.error(request, _("This note is signed, so it can't be changed."))
        return redirect("notes:note", note_id=note.public_id)
    except services.NoteConflict:
        form.add_error(
            None,
            _(
                "This note was changed somewhere else since you opened it. Your text is "
                "still below: copy what you need, then reload the page to see the latest."
            ),
        )
        return _note_page(request, note, form=form, status=409)
    except services.NoteProblem as problem:
        form.add_problems(problem.problems)
        return _note_page(request, note, form=form, status=422)
    if request.POST.get("sign"):
        return _sign(request, note)
    messages.success(request, _("Draft saved."))
    return redirect("notes:note", note_id=note.public_id)


@login_required
@require_POST
def note_sign(request: HttpRequest, note_id: str) -> HttpResponse:
    return _sign(request, access.access_note(request_user(request), note_id, action="notes:edit"))


def _sign(request: HttpRequest, note: SessionNote) -> HttpResponse:
    try:
        services.sign_note(request_user(request), note=note)
    except services.NoteLocked:
        messages.error(request, _("Only the author can sign a draft note."))
    except services.NoteProblem:
        messages.error(request, _("Please write something in the note before signing."))
    else:
        messages.success(request, _("Note signed."))
    return redirect("notes:note", note_id=note.public_id)


@login_required
@require_POST
def note_addendum(request: HttpRequest, note_id: str) -> HttpResponse:
    user = request_user(request)
    note = access.access_note(user, note_id, action="notes:edit")
    form = AddendumForm(request.POST)
    if form.is_valid():
        try:
            services.add_addendum(user, note=note, text=form.cleaned_data["text"])
        except services.NoteLocked:
            messages.error(request, _("Addenda can be added to signed notes only."))
        except services.NoteProblem as problem:
            messages.error(request, next(iter(problem.problems.values())))
        else:
            messages.success(request, _("Addendum added."))
    else:
        messages.error(request, _("Please write the addendum before adding it."))
    return redirect("notes:note", note_id=note.public_id)


@login_required
@require_POST
def note_delete(request: HttpRequest, note_id: str) -> HttpResponse:
    user = request_user(request)
    note = access.access_note(user, note_id, action="notes:edit")
    try:
        services.delete_draft(user, note=note)
    except services.NoteLocked:
        messages.error(request, _("A signed note is kept for good and can't be deleted."))
        return redirect("notes:note", note_id=note.public_id)
    messages.success(request, _("Draft deleted."))
    return redirect("notes:client_notes", client_id=note.client.public_id)
