"""Milestones pages: the client's own list. The care team sees them in the client's daily view."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from heard.core.http import request_user
from heard.milestones import access, rules, services
from heard.milestones.models import Milestone, MilestoneKind
from heard.skills import library


@dataclass(frozen=True)
class Shown:
    milestone: Milestone
    title: str
    body: str
    new: bool


def shown(milestones: list[Milestone]) -> list[Shown]:
    """Milestones with their words, for templates (no logic in templates)."""
    out = []
    for m in milestones:
        words = rules.words_for(m.kind)
        title = str(words.title)
        # A skill milestone names the skill, so several read differently.
        skill = library.get_skill(m.key) if m.kind == MilestoneKind.SKILL_PRACTISED else None
        if skill is not None:
            title = _("A skill practised: %(skill)s") % {"skill": skill.title}
        out.append(Shown(m, title, str(words.body), m.seen_at is None))
    return out


@login_required
def my_milestones(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    rows = shown(list(access.own_milestones(user)))
    services.mark_seen(user)
    return render(request, "milestones/my_milestones.html", {"milestones": rows})
