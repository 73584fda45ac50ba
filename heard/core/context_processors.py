"""Context every page needs (filled in by the web shell)."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def shell(request: HttpRequest) -> dict[str, Any]:
    return {"quick_exit_url": settings.HEARD_QUICK_EXIT_URL}
