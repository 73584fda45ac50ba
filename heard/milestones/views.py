"""Milestones pages: the client's own list. The care team sees them in the client's daily view."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from heard.core.http import request_user
from heard.milestones import access, rules, services
from heard.milestones.models import Milestone


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
        out.append(Shown(m, str(words.title), str(words.body), m.seen_at is None))
    return out


@login_required
def my_milestones(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    rows = shown(list(access.own_milestones(user)))
    services.mark_seen(user)
    return render(request, "milestones/my_milestones.html", {"milestones": rows})
