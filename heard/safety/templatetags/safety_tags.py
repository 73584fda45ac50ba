"""Template tags for pages rendered without a request, such as 500.html."""

from __future__ import annotations

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def quick_exit_url() -> str:
    """The neutral site Quick exit goes to (settings.HEARD_QUICK_EXIT_URL)."""
    return str(settings.HEARD_QUICK_EXIT_URL)
