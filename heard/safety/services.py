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
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from datetime import datetime, timedelta
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
from django_tasks import task

from heard.accounts.models import Membership, Organization, Role, User
from heard.audit import services as audit
from heard.core import notify
from heard.people import policy
from heard.safety import rules
from heard.safety.models import (
    AlertLevel,
    AlertStatus,
    ContactRequest,
    ContactRequestStatus,
    ContactWay,
    RiskAlert,
    SignalSource,
)

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
        _plan_escalation(alert)
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


# --- Escalation ---------------------------------------------------------------------------

# Levels that go to the supervisors when nobody on the care team acknowledges them in time.
ESCALATING_LEVELS = frozenset({AlertLevel.URGENT, AlertLevel.ACUTE})


def escalation_due_at(alert: RiskAlert) -> datetime:
    return alert.created_at + timedelta(minutes=settings.HEARD_ALERT_ESCALATE_MINUTES)


def _plan_escalation(alert: RiskAlert) -> None:
    """Queue escalate_task for the moment the alert is due to escalate. The task row is
    written to the database queue when the alert commits, so a worker restart loses nothing;
    with a backend that can't defer (most tests), `escalate_overdue_alerts` does the work."""
    if alert.level not in ESCALATING_LEVELS or not notify.can_defer():
        return
    when = escalation_due_at(alert)
    alert_id = alert.pk
    transaction.on_commit(lambda: escalate_task.using(run_after=when).enqueue(alert_id))


@task()
def escalate_task(alert_id: int) -> None:
    """Runs when an alert is due to escalate; does nothing if someone has acknowledged it."""
    alert = RiskAlert.objects.filter(pk=alert_id).first()
    if alert is not None:
        # The queue runs this no earlier than planned (the delay in force when the alert
        # was raised), so the time is not checked again here.
        escalate_if_unacknowledged(alert, check_due=False)


def supervisors_for(alert: RiskAlert) -> list[User]:
    """Who an unacknowledged alert goes to: the supervisors of the clinicians on the client's
    care team; if there are none (or no care team), every active supervisor in the client's
    organization, so an alert is never left with nobody to see it."""
    clinician_ids = (
        policy.live_assignments().filter(client=alert.client).values_list("clinician_id", flat=True)
    )
    named = Membership.objects.filter(
        supervisees__user_id__in=list(clinician_ids),
        supervisees__role=Role.CLINICIAN,
        supervisees__is_active=True,
        role=Role.SUPERVISOR,
        is_active=True,
    )
    users = list(User.objects.filter(memberships__in=named, is_active=True).distinct())
    if users or alert.organization_id is None:
        return users
    everyone = Membership.objects.filter(
        organization_id=alert.organization_id, role=Role.SUPERVISOR, is_active=True
    )
    return list(User.objects.filter(memberships__in=everyone, is_active=True).distinct())


def escalate_if_unacknowledged(
    alert: RiskAlert, *, now: datetime | None = None, check_due: bool = True
) -> bool:
    """Tell the supervisors about `alert` if it is still open (nobody acknowledged it) and
    its time has come. At most once per alert; audited. Returns whether it escalated."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = RiskAlert.objects.select_for_update().filter(pk=alert.pk).first()
        if (
            locked is None
            or locked.status != AlertStatus.OPEN
            or locked.escalated_at is not None
            or locked.level not in ESCALATING_LEVELS
            or (check_due and now < escalation_due_at(locked))
        ):
            return False
        supervisors = supervisors_for(locked)
        locked.escalated_at = now
        locked.save(update_fields=["escalated_at", "updated_at"])
        locked.escalated_to.set(supervisors)
        audit.record(
            None,
            "safety:alert:escalate",
            client=locked.client,
            obj=locked,
            extra={"supervisors": len(supervisors)},
        )
        for supervisor in supervisors:
            notify.send_notice(supervisor, "care_alert_escalated")
    if supervisors:
        log.warning("safety.alert.escalated alert=%s supervisors=%s", alert.pk, len(supervisors))
    else:
        log.error("safety.alert.escalated_to_nobody alert=%s", alert.pk)
    return True


def escalate_overdue_alerts(*, now: datetime | None = None) -> int:
    """Sweep: escalate every open alert past its time. Safe to run any time (each alert
    escalates once); `heard safety escalate` runs it, as a catch-up for a lost task."""
    now = now or timezone.now()
    cutoff = now - timedelta(minutes=settings.HEARD_ALERT_ESCALATE_MINUTES)
    overdue = RiskAlert.objects.filter(
        status=AlertStatus.OPEN,
        escalated_at__isnull=True,
        level__in=list(ESCALATING_LEVELS),
        created_at__lte=cutoff,
    )
    return sum(escalate_if_unacknowledged(alert, now=now) for alert in overdue)


# --- Screening client text: the one path for every place a client writes --------------------

# One small pool for inline screening, so a pathological input can be abandoned at the
# timeout instead of holding the request. The thread finishes on its own.
_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="heard-screen")


@dataclass(frozen=True)
class TextCheck:
    """What screening one piece of client text found, and what followed.

    `failed` means screening raised or timed out: the person is shown crisis resources and
    a person on the care team is asked to read the text, exactly as for a risk signal.
    """

    level: str
    categories: tuple[str, ...]
    crisis: bool
    about_someone_else: bool
    failed: bool
    explanation: str
    alert: RiskAlert | None

    @property
    def show_crisis_screen(self) -> bool:
        """Whether the writer should see the crisis screen now (fail-safe: yes on failure)."""
        return self.crisis or self.failed

    @property
    def show_helping_someone(self) -> bool:
        """Worry about someone else: resources for helping them, not a crisis of the writer."""
        return self.about_someone_else and not self.show_crisis_screen


def _screener() -> Callable[[str, str | None], Any]:
    from heard.safety.screening import screen

    semantic = settings.HEARD_SCREENING_SEMANTIC

    def run(text: str, lang: str | None) -> Any:
        return screen(text, lang, semantic=semantic)

    return run


def _screen_with_deadline(text: str, lang: str | None) -> Any:
    # Loading the learned model and building the rule indexes (once per process, a few
    # seconds) is not part of any one message's deadline: without this, the first text after a
    # restart timed out and raised a needless "unscreened" alert.
    from heard.safety.screening import prepare

    prepare()
    future = _POOL.submit(_screener(), text, lang)
    return future.result(timeout=settings.HEARD_SCREENING_TIMEOUT_MS / 1000)


def screen_client_text(
    *,
    client: User,
    text: str,
    source_id: uuid.UUID,
    lang: str | None = None,
    source: str = SignalSource.TEXT,
    alert_from: str = AlertLevel.URGENT,
) -> TextCheck:
    """Screen text a client wrote and raise a safety signal when it shows risk.

    Every feature that saves client free text calls this AFTER saving the text (what the
    person wrote is never lost because screening went wrong), with the saved object's public
    id as `source_id` (so a retried request never alerts twice). Alerts are raised from
    `alert_from` up (concern-level findings about the writer too, when alert_from is
    "concern"); worry about someone else never raises an alert about the writer.

    Fail-safe: if screening raises or takes longer than HEARD_SCREENING_TIMEOUT_MS, the
    result says `failed`, the caller shows crisis resources, and an "unscreened" alert asks
    the care team to read the text.
    """
    order: list[str] = [AlertLevel.CONCERN, AlertLevel.URGENT, AlertLevel.ACUTE]
    try:
        result = _screen_with_deadline(text, lang)
    except FutureTimeout:
        log.error("safety.screening.timeout source=%s id=%s", source, source_id)
        return _unscreened(client, source_id, reason=_("Automatic screening took too long."))
    except Exception:
        log.exception("safety.screening.failed source=%s id=%s", source, source_id)
        return _unscreened(client, source_id, reason=_("Automatic screening failed."))
    about_other = result.about == "someone_else"
    alert = None
    if (
        result.level in order
        and order.index(result.level) >= order.index(alert_from)
        and not about_other
    ):
        alert = raise_safety_signal(
            client=client,
            source=source,
            source_id=source_id,
            level=result.level,
            categories=list(result.categories),
            reason=result.explanation,
        )
    return TextCheck(
        level=result.level,
        categories=tuple(result.categories),
        crisis=bool(result.crisis) and not about_other,
        about_someone_else=about_other,
        failed=False,
        explanation=result.explanation,
        alert=alert,
    )


def _unscreened(client: User, source_id: uuid.UUID, *, reason: str) -> TextCheck:
    alert = raise_safety_signal(
        client=client,
        source=SignalSource.UNSCREENED,
        source_id=source_id,
        level=AlertLevel.URGENT,
        categories=[],
        reason=reason + " " + _("Please read what they wrote."),
    )
    return TextCheck(
        level=AlertLevel.URGENT,
        categories=(),
        crisis=False,
        about_someone_else=False,
        failed=True,
        explanation=reason,
        alert=alert,
    )


# --- Asking the care team to get in touch ------------------------------------------------------

NOTE_MAX_CHARS = 4000


def ask_care_team(
    client: User,
    *,
    how: str,
    note: str = "",
    alert: RiskAlert | None = None,
    idempotency_key: str = "",
    lang: str | None = None,
) -> tuple[ContactRequest, TextCheck | None]:
    """A client asks their care team to get in touch. The request (and the note in their own
    words) is saved first, then the note is screened; the care team gets a notice with no
    clinical content. With an idempotency key, a repeated submit returns the first request.

    Raises ValidationError for an unknown contact way or an over-long note, before anything
    is saved.
    """
    note = note.strip()
    if how not in ContactWay.values:
        raise ValidationError({"how": _("Please choose how you'd like to be contacted.")})
    if len(note) > NOTE_MAX_CHARS:
        raise ValidationError(
            {
                "note": _("Please keep the note under %(limit)s characters.")
                % {"limit": NOTE_MAX_CHARS}
            }
        )
    if alert is not None and alert.client_id != client.pk:
        raise ValidationError({"alert": _("That alert is not yours.")})
    key = idempotency_key[:64]
    if key:
        existing = ContactRequest.objects.filter(client=client, idempotency_key=key).first()
        if existing is not None:
            return existing, None
    with transaction.atomic():
        request = ContactRequest.objects.create(
            client=client,
            organization=viewer_for(client).organization,
            alert=alert,
            how=how,
            note=note,
            idempotency_key=key,
        )
        audit.record(client, "safety:contact:request", client=client, obj=request)
        for clinician in _care_team(client):
            notify.send_notice(clinician, "contact_request")
    check = None
    if note:
        check = screen_client_text(client=client, text=note, source_id=request.public_id, lang=lang)
        if request.alert is None and check.alert is not None:
            request.alert = check.alert
            request.save(update_fields=["alert", "updated_at"])
    log.info("safety.contact.requested request=%s", request.pk)
    return request, check


def complete_contact_request(actor: User, *, request: ContactRequest) -> ContactRequest:
    """Someone on the care team has been in touch. Idempotent."""
    with transaction.atomic():
        if request.status == ContactRequestStatus.OPEN:
            request.status = ContactRequestStatus.DONE
            request.done_at = timezone.now()
            request.done_by = actor
            request.save(update_fields=["status", "done_at", "done_by", "updated_at"])
            audit.record(actor, "safety:contact:done", client=request.client, obj=request)
    return request
