"""Every write to milestones: reaching one, and marking them seen."""

from __future__ import annotations

import logging
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from heard.accounts.models import User
from heard.audit import services as audit
from heard.instruments.change import IMPROVEMENT, reliable_change
from heard.milestones import rules
from heard.milestones.models import Milestone, MilestoneKind

log = logging.getLogger(__name__)


def award(
    client: User, kind: str, *, key: str = "", at: datetime | None = None
) -> Milestone | None:
    """Record that `client` reached milestone `kind` (with `key` for repeatable kinds).

    Idempotent: each (client, kind, key) is reached once; a repeat returns None, as does an
    unknown kind. Returns the new milestone so the page can celebrate it at once. Runs in the
    caller's transaction when there is one, so a milestone exists exactly when what earned it
    does.
    """
    if kind not in MilestoneKind.values:
        return None
    if Milestone.objects.filter(client=client, kind=kind, key=key).exists():
        return None
    try:
        with transaction.atomic():
            milestone = Milestone.objects.create(
                client=client, kind=kind, key=key, achieved_at=at or timezone.now()
            )
            audit.record(client, "milestone:reach", client=client, obj=milestone)
    except IntegrityError:
        # The same milestone was reached by a request running at the same moment.
        return None
    log.info("milestone.reached kind=%s client=%s", kind, client.pk)
    return milestone


def note_checkin_count(client: User, total: int) -> Milestone | None:
    """Celebrate the first, tenth and fiftieth check-in (totals, never days in a row)."""
    kind = rules.checkin_milestone(total)
    return award(client, kind) if kind else None


def note_measure_progress(
    client: User, instrument_id: str, first: int, latest: int
) -> Milestone | None:
    """Celebrate a reliable improvement on a questionnaire, from the first total to the latest."""
    if reliable_change(instrument_id, first, latest) != IMPROVEMENT:
        return None
    return award(client, MilestoneKind.RELIABLE_IMPROVEMENT, key=instrument_id)


def mark_seen(client: User) -> int:
    """Mark the client's new milestones as seen (they were celebrated on screen)."""
    return Milestone.objects.filter(client=client, seen_at__isnull=True).update(
        seen_at=timezone.now()
    )
