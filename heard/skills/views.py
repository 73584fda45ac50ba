"""Skills pages: the library (suggestions first), one skill with its guided player and the
practice log, the client's own practice, and the care team's view with recommendations.

Views are thin: parse the form, load through access.py, call one service, render.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from heard.core.http import request_user
from heard.milestones import rules as milestone_rules
from heard.safety import respond
from heard.safety.services import crisis_lines_for_request
from heard.skills import access, library, services, suggest
from heard.skills.forms import PracticeForm, RecommendForm
from heard.skills.library import Skill

# Total times the breathing pacer offers, in minutes.
PACER_MINUTES = (1, 2, 3, 5)


def _lang() -> str:
    return "es" if (get_language() or "en").startswith("es") else "en"


def _skill_or_404(skill_key: str) -> Skill:
    skill = library.get_skill(skill_key, _lang())
    if skill is None:
        raise Http404
    return skill


def _form_errors(form: Any, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _grouped(skills: list[Skill]) -> list[dict[str, Any]]:
    """Skills grouped by kind, in the order of library.KINDS; empty kinds left out."""
    return [
        {"key": kind, "label": label, "skills": [s for s in skills if s.kind == kind]}
        for kind, label in library.KINDS.items()
        if any(s.kind == kind for s in skills)
    ]


@login_required
@require_safe
def library_page(request: HttpRequest) -> HttpResponse:
    """The library: "Suggested for you" with reasons, favourites, then every skill by kind
    (a kind filter that works without JavaScript)."""
    user = request_user(request)
    skills = library.all_skills(_lang())
    by_key = {s.key: s for s in skills}
    kinds = _grouped(skills)
    chosen = request.GET.get("kind", "")
    if chosen not in {k["key"] for k in kinds}:
        chosen = ""
    favourite_keys = access.own_favourites(user).values_list("skill_key", flat=True)
    context = {
        "suggestions": [] if chosen else suggest.suggestions_for(user, lang=_lang()),
        "favourites": [by_key[k] for k in favourite_keys if k in by_key],
        "kinds": kinds,
        "groups": [k for k in kinds if not chosen or k["key"] == chosen],
        "chosen": chosen,
    }
    return render(request, "skills/library.html", context)


def _after_log(request: HttpRequest, skill: Skill, logged: services.Logged) -> HttpResponse:
    """Crisis screen first when the note calls for it; otherwise thanks on the skill page."""
    if logged.check is not None and (url := respond.crisis_screen_url(logged.check)):
        return redirect(url)
    if logged.milestone is not None:
        words = milestone_rules.words_for(logged.milestone.kind)
        messages.success(request, f"{words.title}. {words.body}")
    if logged.practice.helped == "no":
        messages.success(
            request,
            _(
                "Thank you for trying it. Not every skill helps every time, "
                "and knowing that is useful too."
            ),
        )
    else:
        messages.success(request, _("Thank you for taking this time for yourself. It's saved."))
    url = reverse("skills:skill", args=[skill.key])
    if logged.check is not None and logged.check.show_helping_someone:
        url += "?someone=1"
    return redirect(url)


@login_required
def skill_page(request: HttpRequest, skill_key: str) -> HttpResponse:
    """One skill: why, how long, a content note before the steps, the steps, a guided player
    where it helps, the evidence, and the practice log (POST here saves it)."""
    user = request_user(request)
    skill = _skill_or_404(skill_key)
    form = PracticeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            logged = services.log_practice(
                user,
                client=user,
                skill_key=skill.key,
                distress_before=data.get("distress_before"),
                distress_after=data.get("distress_after"),
                helped=data.get("helped") or "",
                note=data.get("note") or "",
                idempotency_key=data.get("key") or "",
                lang=_lang(),
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            return _after_log(request, skill, logged)
    practices = access.own_practices(user).filter(skill_key=skill.key)
    summary = suggest.summaries(practices, lang=_lang())
    recommendation = access.open_recommendations(user).filter(skill_key=skill.key).first()
    context: dict[str, Any] = {
        "skill": skill,
        "kind_label": library.KINDS.get(skill.kind, skill.kind),
        "form": form,
        "is_favourite": access.own_favourites(user).filter(skill_key=skill.key).exists(),
        "summary": summary[0] if summary else None,
        "recommendation": recommendation,
        "pacer_minutes": PACER_MINUTES,
        "pacer_default": skill.minutes if skill.minutes in PACER_MINUTES else 3,
        "pattern": ",".join(str(n) for n in skill.pattern),
        "someone_else": request.GET.get("someone") == "1",
    }
    if context["someone_else"]:
        context["lines"] = crisis_lines_for_request(request)
    return render(request, "skills/skill.html", context)


@login_required
@require_POST
def favourite(request: HttpRequest, skill_key: str) -> HttpResponse:
    """Add a skill to my favourites (on=1) or take it off; back to the page it came from."""
    user = request_user(request)
    skill = _skill_or_404(skill_key)
    if request.POST.get("on") == "1":
        services.set_favourite(user, skill_key=skill.key)
        messages.success(request, _("Added to your favourites."))
    else:
        services.unset_favourite(user, skill_key=skill.key)
        messages.success(request, _("Taken off your favourites."))
    if request.POST.get("back") == "library":
        return redirect("skills:library")
    return redirect("skills:skill", skill_key=skill.key)


@login_required
@require_POST
def dismiss(request: HttpRequest, recommendation_id: str) -> HttpResponse:
    """Put a suggestion from the care team aside (the skill stays in the library)."""
    user = request_user(request)
    recommendation = access.access_own_recommendation(user, recommendation_id)
    services.dismiss_recommendation(user, recommendation=recommendation)
    messages.success(request, _("Done. That skill is still in the library whenever you want it."))
    return redirect("skills:library")


@login_required
@require_safe
def my_practice(request: HttpRequest) -> HttpResponse:
    """What I practised and how it went, per skill and one by one. No streaks, no gaps."""
    user = request_user(request)
    practices = access.own_practices(user)
    page = Paginator(practices, 30).get_page(request.GET.get("page"))
    titles = {s.key: s.title for s in library.all_skills(_lang())}
    context = {
        "summaries": suggest.summaries(practices, lang=_lang()),
        "page": page,
        "rows": [{"practice": p, "title": titles.get(p.skill_key, p.skill_key)} for p in page],
    }
    return render(request, "skills/my_practice.html", context)


@login_required
def client_practice(request: HttpRequest, client_id: str) -> HttpResponse:
    """The care team's view: practice and helpfulness, favourites, open suggestions, and a
    form to suggest a skill (POST). Practice notes stay private to the client."""
    user = request_user(request)
    form = RecommendForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        client = access.access_client_to_recommend(user, client_id)
        if form.is_valid():
            try:
                services.recommend_skill(
                    user,
                    client=client,
                    skill_key=form.cleaned_data["skill_key"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as exc:
                _form_errors(form, exc)
            else:
                messages.success(request, _("Suggested. The client will see it with your note."))
                return redirect("skills:client_practice", client_id=client.public_id)
    client, practices = access.visible_practice(user, client_id)
    titles = {s.key: s.title for s in library.all_skills(_lang())}
    recent = list(practices[:30])
    context = {
        "client": client,
        "form": form,
        "can_recommend": user.pk != client.pk,
        "summaries": suggest.summaries(practices, lang=_lang()),
        "rows": [{"practice": p, "title": titles.get(p.skill_key, p.skill_key)} for p in recent],
        "favourites": [titles.get(f.skill_key, f.skill_key) for f in access.own_favourites(client)],
        "recommendations": [
            {"recommendation": r, "title": titles.get(r.skill_key, r.skill_key)}
            for r in access.open_recommendations(client)
        ],
    }
    return render(request, "skills/client_practice.html", context)
