"""Profile pages: the client's own at /me/profile/ (four sections, each saved on its own, with
HTMX when it is there and plain forms when it is not), and the full profile, read only, for
their care team at /care/clients/<id>/profile/."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from heard.accounts.models import User
from heard.core.htmx import is_htmx
from heard.core.http import request_user
from heard.people import policy
from heard.people.models import Category
from heard.profiles import access, services
from heard.profiles.forms import FORMS, SectionForm
from heard.profiles.models import SECTIONS, Profile
from heard.safety import respond
from heard.safety.services import crisis_lines_for_request

SameSite = Literal["Lax", "Strict", "None"]

TITLES: dict[str, Promise] = {
    "about": gettext_lazy("Name, pronouns and language"),
    "what_matters": gettext_lazy("What matters to me"),
    "care": gettext_lazy("How I'd like my care"),
    "gentle": gettext_lazy("Taking care with hard things"),
}
INTROS: dict[str, Promise] = {
    "about": gettext_lazy("How we should talk with you."),
    "what_matters": gettext_lazy("What makes you who you are, and what has helped."),
    "care": gettext_lazy("The kind of care that would suit you."),
    "gentle": gettext_lazy(
        "What your care team should be careful with, and what helps when things get hard."
    ),
}
# Short, neutral names for each field, for reading a profile back.
LABELS: dict[str, Promise] = {
    "chosen_name": gettext_lazy("Chosen name"),
    "pronouns": gettext_lazy("Pronouns"),
    "language": gettext_lazy("Language"),
    "what_matters": gettext_lazy("What matters"),
    "strengths": gettext_lazy("Strengths"),
    "helped_before": gettext_lazy("What has helped before"),
    "helpful_kinds": gettext_lazy("Kinds of skills that suit them"),
    "modalities": gettext_lazy("Ways to meet"),
    "clinician_preferences": gettext_lazy("What they'd like in a clinician"),
    "cultural_faith": gettext_lazy("Culture and faith"),
    "accessibility_needs": gettext_lazy("Accessibility needs"),
    "approach_with_care": gettext_lazy("Topics to approach with care"),
    "careful_tags": gettext_lazy("In exercises, go gently with"),
    "when_overwhelmed": gettext_lazy("What helps when overwhelmed"),
    "contact_methods": gettext_lazy("Ways to contact them"),
    "contact_notes": gettext_lazy("About contacting them"),
}
LIST_LABELS = {
    "helpful_kinds": "helpful_kind_labels",
    "careful_tags": "careful_tag_labels",
    "modalities": "modality_labels",
    "contact_methods": "contact_method_labels",
}


def rows(profile: Profile, section: str) -> list[tuple[str, str]]:
    """The filled-in fields of one section as (label, text); chosen items are listed with
    commas."""
    found: list[tuple[str, str]] = []
    for name in SECTIONS[section]:
        value: str
        if name in LIST_LABELS:
            value = ", ".join(getattr(profile, LIST_LABELS[name]))
        elif name == "language":
            value = profile.language_label
        else:
            value = getattr(profile, name)
        if value:
            found.append((str(LABELS[name]), value))
    return found


@dataclass
class Section:
    """One section of the client's page: its form, and what happened on the last save."""

    key: str
    form: SectionForm
    base_revision: int
    saved: bool = False
    conflict: Profile | None = None
    helping: bool = False

    @property
    def title(self) -> str:
        return str(TITLES[self.key])

    @property
    def intro(self) -> str:
        return str(INTROS[self.key])

    @property
    def saved_rows(self) -> list[tuple[str, str]]:
        """On a conflict: what is saved now in this section."""
        return rows(self.conflict, self.key) if self.conflict is not None else []

    @property
    def conflict_message(self) -> str:
        return services.conflict_message()


def _initial(profile: Profile, key: str) -> dict[str, Any]:
    return {name: getattr(profile, name) for name in SECTIONS[key]}


def _section(profile: Profile, key: str) -> Section:
    form = FORMS[key](initial=_initial(profile, key))
    return Section(key=key, form=form, base_revision=profile.revision)


def _progress(profile: Profile) -> dict[str, int]:
    return {"filled": len(profile.filled_sections), "total": len(SECTIONS)}


def _page(
    user: User, profile: Profile, current: Section | None = None, **extra: Any
) -> dict[str, Any]:
    """The whole page; `current` is the section just posted, shown as it now is."""
    sections = [
        current if current is not None and current.key == key else _section(profile, key)
        for key in SECTIONS
    ]
    return {
        "profile": profile,
        "sections": sections,
        "read_rows": [(TITLES[key], rows(profile, key)) for key in SECTIONS],
        "can_edit": access.can_keep_profile(user),
        "shares_profile": policy.shares(user, Category.PROFILE),
        "progress": _progress(profile),
        **extra,
    }


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def my_profile(request: HttpRequest) -> HttpResponse:
    """The client's own profile. POST saves one section (its form names it)."""
    user = request_user(request)
    if request.method == "POST":
        return _save(request, user)
    profile = access.own_profile(user)
    return render(request, "profiles/my_profile.html", _page(user, profile))


def _save(request: HttpRequest, user: User) -> HttpResponse:
    profile = access.own_profile(user, for_write=True)
    form_class = FORMS.get(request.POST.get("section", ""))
    if form_class is None:
        return redirect("profiles:my_profile")
    form = form_class(request.POST)
    section = Section(key=form_class.section, form=form, base_revision=profile.revision)
    if not form.is_valid():
        return _answer(request, user, profile, section, status=400)
    try:
        updated = services.update_profile(
            user,
            client=user,
            section=section.key,
            data=form.data_for_service(),
            base_revision=_int(request.POST.get("base_revision")),
        )
    except ValidationError as error:
        form.add_service_errors(error)
        return _answer(request, user, profile, section, status=400)
    except services.ProfileConflict as conflict:
        # The person's words stay in the boxes, what is saved now is shown next to them,
        # and saving again is based on the revision saved now.
        section.conflict = conflict.profile
        section.base_revision = conflict.profile.revision
        return _answer(request, user, conflict.profile, section, status=409)
    url = respond.crisis_screen_url(updated.check) if updated.check else None
    if url:
        # What they wrote is saved; help comes first.
        return _go(request, url)
    if updated.language_changed:
        return _switch_language(request, updated.profile.language)
    section.saved = True
    section.helping = updated.check is not None and updated.check.show_helping_someone
    section.form = FORMS[section.key](initial=_initial(updated.profile, section.key))
    section.base_revision = updated.profile.revision
    if is_htmx(request) or section.helping:
        return _answer(request, user, updated.profile, section)
    messages.success(request, _("Saved: %(part)s.") % {"part": section.title})
    return redirect(reverse("profiles:my_profile") + f"#section-{section.key}")


def _answer(
    request: HttpRequest, user: User, profile: Profile, section: Section, status: int = 200
) -> HttpResponse:
    """After a save: with HTMX, the section again (and the progress and the status line, out
    of band); without, the whole page with this section as it now is."""
    extra = {"lines": crisis_lines_for_request(request) if section.helping else None}
    if is_htmx(request):
        # htmx swaps only 2xx answers: errors and conflicts come back as 200 with the form.
        context = {"s": section, "progress": _progress(profile), "oob": True, **extra}
        return render(request, "profiles/_section.html", context)
    context = _page(user, profile, section, **extra)
    return render(request, "profiles/my_profile.html", context, status=status)


def _go(request: HttpRequest, url: str) -> HttpResponse:
    if is_htmx(request):
        return HttpResponse(headers={"HX-Redirect": url})
    return redirect(url)


def _switch_language(request: HttpRequest, language: str) -> HttpResponse:
    """The app speaks the language just chosen, from this answer on (the same cookie as the
    language switch)."""
    translation.activate(language)
    messages.success(request, _("Saved. The app now uses the language you chose."))
    response = _go(request, reverse("profiles:my_profile") + "#section-about")
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=cast(SameSite, settings.LANGUAGE_COOKIE_SAMESITE),
    )
    return response


def _int(value: str | None) -> int:
    try:
        return max(int(value or 0), 0)
    except ValueError:
        return 0


# --- The care team -----------------------------------------------------------------------------


@login_required
@require_safe
def client_profile(request: HttpRequest, client_id: str) -> HttpResponse:
    client, profile = access.access_client_profile(request_user(request), client_id)
    context = {
        "client": client,
        "profile": profile,
        "read_rows": [(TITLES[key], rows(profile, key)) for key in SECTIONS],
    }
    return render(request, "profiles/client_profile.html", context)
