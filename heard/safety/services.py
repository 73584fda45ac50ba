"""Crisis lines: which ones a person sees, for which region, and in what order.

The lines themselves are data (data/crisis_lines.json, reviewed against safety.md (b));
organizations can add their own through Organization.extra_crisis_lines. The help page
must always render, so bad entries are skipped and logged, never raised.

Safety signals (below) are the one path by which any risk signal reaches the care team.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language, get_language_info, gettext, gettext_lazy
from django.utils.translation import gettext as _

from heard.accounts.models import Membership, Organization, Role, User
from heard.audit import services as audit
from heard.core import notify
from heard.people import policy
from heard.safety import rules
from heard.safety.models import AlertStatus, RiskAlert

log = logging.getLogger("heard.safety")

DATA_FILE = Path(__file__).resolve().parent / "data" / "crisis_lines.json"

# Every region the data file has lines for. The test suite checks the two stay in step.
REGION_NAMES = {
    "US": gettext_lazy("United States"),
    "CA": gettext_lazy("Canada"),
    "GB": gettext_lazy("United Kingdom"),
    "IE": gettext_lazy("Ireland"),
    "AU": gettext_lazy("Australia"),
    "NZ": gettext_lazy("New Zealand"),
    "IN": gettext_lazy("India"),
    rules.EU: gettext_lazy("Another country in the European Union"),
}


@dataclass(frozen=True)
class Channel:
    """One way to reach a line: a tap-to-call, tap-to-text, email or web link."""

    kind: str
    label: str
    href: str
    language: str = ""
    # Secondary ways in (e.g. the veterans' option) are listed under the main buttons.
    more: bool = False


@dataclass(frozen=True)
class CrisisLine:
    service: str
    channels: tuple[Channel, ...]
    hours: str = ""
    languages: tuple[str, ...] = ()
    notes: str = ""
    emergency: bool = False
    from_organization: bool = False

    @property
    def main_channels(self) -> tuple[Channel, ...]:
        return tuple(c for c in self.channels if not c.more)

    @property
    def more_channels(self) -> tuple[Channel, ...]:
        return tuple(c for c in self.channels if c.more)


@dataclass(frozen=True)
class CrisisLines:
    """What the help page shows for one region.

    `emergency` is never silently empty for a known region; when it is empty (unknown
    region) the page falls back to "your local emergency number" and the 112 hint.
    """

    region: str
    region_name: str
    region_known: bool
    emergency: tuple[CrisisLine, ...]
    organization_lines: tuple[CrisisLine, ...]
    region_lines: tuple[CrisisLine, ...]

    @property
    def all(self) -> tuple[CrisisLine, ...]:
        """In order: the organization's own lines, the region's lines, the emergency number."""
        return self.organization_lines + self.region_lines + self.emergency


@dataclass(frozen=True)
class Viewer:
    """The organization whose region and lines apply to a person, and whether they are a client."""

    organization: Organization | None = None
    is_client: bool = False


# --- The data file ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def load_directory() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def directory_lines() -> tuple[Mapping[str, Any], ...]:
    """Valid entries of the data file. A broken entry is logged and left out."""
    valid: list[Mapping[str, Any]] = []
    for entry in load_directory().get("lines", []):
        errors = rules.line_errors(entry, directory=True)
        if errors:
            log.error("safety.crisis_line.invalid id=%s errors=%s", entry.get("id"), errors)
            continue
        valid.append(entry)
    return tuple(valid)


def known_regions() -> frozenset[str]:
    """Region codes we have lines for, including "EU" for the EU-wide number."""
    return frozenset(str(entry["country"]) for entry in directory_lines())


def region_choices() -> list[tuple[str, str]]:
    """(code, name) for the region picker: countries by name, the EU-wide choice last."""
    names = [(code, str(REGION_NAMES.get(code, code))) for code in known_regions()]
    return sorted(names, key=lambda pair: (pair[0] == rules.EU, pair[1]))


def normalize_region(code: str) -> str:
    return rules.normalize_region(code, own_lines=known_regions() - {rules.EU})


# --- Building lines -----------------------------------------------------------------------


def default_label(kind: str, value: str, keyword: str = "") -> str:
    if kind == "call":
        return _("Call %(number)s") % {"number": value}
    if kind == "text" and keyword:
        return _("Text %(keyword)s to %(number)s") % {"keyword": keyword, "number": value}
    if kind == "text":
        return _("Text %(number)s") % {"number": value}
    if kind == "email":
        return _("Email %(address)s") % {"address": value}
    if kind == "chat":
        return _("Chat online")
    return _("Visit their website")


def language_name(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def _text(value: Any, *, translate: bool) -> str:
    text = str(value or "")
    # Only our own data is translated (its strings are listed in crisis_strings.py);
    # an organization's lines are shown as the organization wrote them.
    return gettext(text) if translate and text else text


def build_line(
    raw: Mapping[str, Any], *, language: str, from_organization: bool = False
) -> CrisisLine:
    """A display-ready line from a validated entry, with channels in `language` first."""
    translate = not from_organization
    channels: list[Channel] = []
    for item in raw["channels"]:
        kind, value = str(item["kind"]), str(item["value"])
        keyword = str(item.get("keyword") or "")
        href = rules.channel_href(kind, value, keyword)
        if href is None:  # pragma: no cover - validated entries always have a link
            continue
        channel_language = str(item.get("language") or "")
        label = _text(item.get("label"), translate=translate) or default_label(kind, value, keyword)
        in_language = bool(channel_language) and channel_language == language
        channels.append(
            Channel(
                kind=kind,
                label=label,
                href=href,
                language=channel_language,
                more=bool(item.get("more")) and not in_language,
            )
        )
    # Channels in the person's language first; the sort is stable, so data order stays otherwise.
    channels.sort(key=lambda c: not (c.language and c.language == language))
    return CrisisLine(
        service=_text(raw["service"], translate=translate),
        channels=tuple(channels),
        hours=_text(raw.get("hours"), translate=translate),
        languages=tuple(language_name(code) for code in raw.get("languages", [])),
        notes=_text(raw.get("notes"), translate=translate),
        emergency=bool(raw.get("emergency")),
        from_organization=from_organization,
    )


def _offers(raw: Mapping[str, Any], language: str) -> bool:
    return language in raw.get("languages", []) or any(
        c.get("language") == language for c in raw["channels"]
    )


def organization_lines(organization: Organization, *, language: str) -> tuple[CrisisLine, ...]:
    """The organization's own lines (e.g. a campus line). Invalid entries are skipped."""
    raw_lines = organization.extra_crisis_lines
    if not isinstance(raw_lines, list):
        log.warning("safety.org_crisis_lines.not_a_list org=%s", organization.pk)
        return ()
    lines: list[CrisisLine] = []
    for index, entry in enumerate(raw_lines):
        errors = rules.line_errors(entry, directory=False)
        if errors:
            log.warning("safety.org_crisis_line.invalid org=%s index=%s", organization.pk, index)
            continue
        lines.append(build_line(entry, language=language, from_organization=True))
    return tuple(lines)


def crisis_lines_for(
    *, region: str, language: str, organization: Organization | None = None
) -> CrisisLines:
    """Every line to show, for `region`, with lines and channels in `language` first.

    Order: the organization's extra lines, then the region's lines, then the region's
    emergency number (the page shows the emergency number at the top as well). For a region
    we have no data for, `region_known` is False and `emergency` is empty.
    """
    code = normalize_region(region)
    base_language = (language or "").split("-")[0].lower()
    entries = [e for e in directory_lines() if e["country"] == code]
    # Lines that speak the person's language first; stable, so data order stays otherwise.
    entries.sort(key=lambda e: not _offers(e, base_language))
    built = [build_line(e, language=base_language) for e in entries]
    return CrisisLines(
        region=code,
        region_name=str(REGION_NAMES.get(code, "")),
        region_known=code in known_regions(),
        emergency=tuple(line for line in built if line.emergency),
        organization_lines=(
            organization_lines(organization, language=base_language) if organization else ()
        ),
        region_lines=tuple(line for line in built if not line.emergency),
    )


# --- Who is asking ------------------------------------------------------------------------


def viewer_for(user: Any) -> Viewer:
    """The organization that applies to this person (a client membership first, then the
    newest other active membership), and whether they are a client anywhere. One query."""
    if not isinstance(user, User) or not user.is_authenticated:
        return Viewer()
    memberships = list(
        Membership.objects.filter(user=user, is_active=True)
        .select_related("organization")
        .order_by("-created_at", "-pk")
    )
    clients = [m for m in memberships if m.role == Role.CLIENT]
    chosen = (clients or memberships)[:1]
    return Viewer(
        organization=chosen[0].organization if chosen else None,
        is_client=bool(clients),
    )


def _first_known(codes: Iterable[str]) -> str:
    known = known_regions()
    for code in codes:
        normalized = normalize_region(code)
        if normalized in known:
            return normalized
    return ""


def resolve_region(request: HttpRequest, *, viewer: Viewer | None = None) -> str:
    """Whose crisis lines to show. The first of:

    1. `?region=XX`, if we have lines for it (a person choosing always wins);
    2. the region of the signed-in person's organization;
    3. the person's own region;
    4. the country in the browser's Accept-Language header, if we have lines for it;
    5. settings.HEARD_DEFAULT_REGION.

    2 and 3 are returned even when we have no lines for them, so the page can say so and
    offer the list, rather than show another country's numbers as if they were local.
    """
    asked = _first_known([request.GET.get("region", "")])
    if asked:
        return asked
    user = getattr(request, "user", None)
    if isinstance(user, User) and user.is_authenticated:
        viewer = viewer if viewer is not None else viewer_for(user)
        for code in (viewer.organization.region if viewer.organization else "", user.region):
            normalized = normalize_region(code or "")
            if normalized:
                return normalized
    header = str(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
    from_browser = _first_known(rules.regions_from_accept_language(header))
    return from_browser or normalize_region(settings.HEARD_DEFAULT_REGION)


def crisis_lines_for_request(request: HttpRequest) -> CrisisLines:
    """The crisis lines /help-now/ would show the person making `request`: their region
    (resolve_region), their language first, and their organization's own lines."""
    viewer = viewer_for(request.user)
    return crisis_lines_for(
        region=resolve_region(request, viewer=viewer),
        language=get_language() or "en",
        organization=viewer.organization,
    )


# --- Safety signals ---------------------------------------------------------------------------


def raise_safety_signal(
    *,
    client: User,
    source: str,
    source_id: uuid.UUID | None,
    level: str,
    categories: Sequence[str],
    reason: str,
) -> RiskAlert:
    """The one path for every safety signal: a critical questionnaire answer, and every place
    a client writes text. Stores a RiskAlert for the care team and queues a notice (with no
    clinical content) to each clinician on the team.

    Idempotent per source object: raising again for the same (source, source_id) returns the
    existing alert, so a retried request never alerts twice. The alert is written in the
    caller's transaction, so it exists exactly when what raised it exists. The caller shows
    the person crisis resources at once, whatever happens here.
    """
    with transaction.atomic():
        if source_id is not None:
            existing = RiskAlert.objects.filter(source=source, source_id=source_id).first()
            if existing is not None:
                return existing
        viewer = viewer_for(client)
        alert = RiskAlert.objects.create(
            client=client,
            organization=viewer.organization,
            source=source,
            source_id=source_id,
            level=level,
            categories=list(categories),
            reason=reason,
        )
        audit.record(
            None,
            "safety:alert:raise",
            client=client,
            obj=alert,
            extra={"level": level, "source": source},
        )
        for clinician in _care_team(client):
            notify.send_notice(clinician, "care_alert")
    log.info("safety.alert.raised alert=%s level=%s source=%s", alert.pk, level, source)
    return alert


def _care_team(client: User) -> list[User]:
    ids = policy.live_assignments().filter(client=client).values_list("clinician_id", flat=True)
    return list(User.objects.filter(pk__in=list(ids), is_active=True))


def acknowledge_alert(actor: User, *, alert: RiskAlert) -> RiskAlert:
    """A member of the care team says they have seen the alert. Idempotent."""
    with transaction.atomic():
        if alert.status == AlertStatus.OPEN:
            alert.status = AlertStatus.ACKNOWLEDGED
            alert.acknowledged_at = timezone.now()
            alert.acknowledged_by = actor
            alert.save(update_fields=["status", "acknowledged_at", "acknowledged_by", "updated_at"])
            audit.record(actor, "safety:alert:acknowledge", client=alert.client, obj=alert)
    return alert


def resolve_alert(actor: User, *, alert: RiskAlert, note: str) -> RiskAlert:
    """Close an alert with a note saying what was done. A note is required."""
    note = note.strip()
    if not note:
        raise ValidationError({"note": _("Please say briefly what was done.")})
    with transaction.atomic():
        now = timezone.now()
        if alert.acknowledged_at is None:
            alert.acknowledged_at = now
            alert.acknowledged_by = actor
        alert.status = AlertStatus.RESOLVED
        alert.resolved_at = now
        alert.resolved_by = actor
        alert.resolution_note = note
        alert.save()
        audit.record(actor, "safety:alert:resolve", client=alert.client, obj=alert)
    return alert
