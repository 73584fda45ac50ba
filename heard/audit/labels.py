"""Plain-language descriptions of audit actions, for the client's access report."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ACTION_LABELS: dict[str, Promise] = {
    "client:record:read": _("Opened your record"),
    "care:assignment:start": _("Joined your care team"),
    "care:assignment:end": _("Left your care team"),
    "membership:add": _("Added you to the service"),
    "membership:deactivate": _("Ended your place in the service"),
    "sharing:update": _("Changed what you share"),
}
DEFAULT_LABEL = _("Looked at or changed your information")


def describe(action: str) -> str:
    return str(ACTION_LABELS.get(action, DEFAULT_LABEL))
