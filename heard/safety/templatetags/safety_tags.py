"""Template tags: the Quick exit address (also for pages rendered without a request, such as
500.html) and the signed-in client's own safety plan for safety/_plan_slot.html."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings

from heard.accounts.models import User
from heard.core.context_processors import show_quick_exit
from heard.safety import access, plan_services, plan_views

register = template.Library()


@register.simple_tag
def quick_exit_url() -> str:
    """The neutral site Quick exit goes to (settings.HEARD_QUICK_EXIT_URL)."""
    return str(settings.HEARD_QUICK_EXIT_URL)


@register.simple_tag(takes_context=True)
def own_safety_plan(context: template.Context) -> dict[str, Any] | None:
    """The signed-in client's own plan for safety/_plan_slot.html: {"steps": the steps that
    have entries} (none yet: an empty list), or None for visitors and staff."""
    request = context.get("request")
    user = getattr(request, "user", None)
    # Visitors have no plan; staff (the session's cached staff flag) are never offered one.
    if request is None or not isinstance(user, User) or not show_quick_exit(request):
        return None
    content = plan_services.plan_content(access.access_own_plan(user))
    return {"steps": [step for step in plan_views.steps(content) if step["entries"]]}
