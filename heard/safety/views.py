"""The help page: crisis lines and the emergency number, for anyone, signed in or not."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from heard.safety import services


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
