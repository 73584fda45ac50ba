"""What a page does after client text was screened: the one place that picks the next page.

Every feature that saves client text calls `services.screen_client_text` and then
`crisis_screen_url(check)`: when it returns a URL, the page redirects there at once (the
text is already saved). When `check.show_helping_someone` is true, the page shows
"safety/_helping_someone.html" (with `lines` from `services.crisis_lines_for_request`).
"""

from __future__ import annotations

from django.urls import reverse

from heard.safety.models import RiskAlert
from heard.safety.services import TextCheck


def support_url(alert: RiskAlert, *, failed: bool) -> str:
    """The crisis screen for `alert`, saying that what the person wrote is saved."""
    query = f"saved=1&alert={alert.public_id}"
    if failed:
        query += "&unscreened=1"
    return f"{reverse('safety:support')}?{query}"


def crisis_screen_url(check: TextCheck) -> str | None:
    """The crisis screen when the writer should see it now, else None."""
    if not check.show_crisis_screen:
        return None
    if check.alert is None:
        # A crisis below the caller's alert level still shows the screen (no alert to name).
        return f"{reverse('safety:support')}?saved=1"
    return support_url(check.alert, failed=check.failed)
