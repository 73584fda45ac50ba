"""Writing and checking the audit trail. Services call `record` explicitly; no signals."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterator
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone

from heard.accounts.models import User
from heard.audit import rules
from heard.audit.models import AuditChainHead, AuditEvent, Outcome
from heard.core import context

log = logging.getLogger("heard.audit")


def _head_for_update() -> AuditChainHead:
    head = AuditChainHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        head, _ = AuditChainHead.objects.get_or_create(pk=1)
        head = AuditChainHead.objects.select_for_update().get(pk=1)
    return head


def record(
    actor: User | AnonymousUser | None,
    action: str,
    *,
    client: User | None = None,
    obj: Any = None,
    outcome: str = Outcome.SUCCESS,
    extra: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain. Runs inside the caller's transaction when there is one,
    so an event is kept exactly when the change it describes is kept."""
    ctx = context.current()
    actor_user = actor if isinstance(actor, User) else None
    object_type = ""
    object_id = ""
    if obj is not None:
        object_type = obj._meta.label_lower if hasattr(obj, "_meta") else type(obj).__name__
        object_id = str(getattr(obj, "public_id", None) or getattr(obj, "pk", "") or "")
    with transaction.atomic():
        head = _head_for_update()
        row: dict[str, Any] = {
            "seq": head.last_seq + 1,
            "at": timezone.now(),
            "actor_id": actor_user.public_id if actor_user else None,
            # No actor: Heard itself (a command or the demo loader); AnonymousUser: a visitor.
            "actor_label": (
                actor_user.display_name
                if actor_user
                else "system"
                if actor is None
                else "anonymous"
            ),
            "action": action,
            "client_id": client.public_id if client else None,
            "object_type": object_type,
            "object_id": object_id,
            "outcome": str(outcome),
            "ip": ctx.ip,
            "request_id": ctx.request_id or "",
            "extra": extra or {},
        }
        event = AuditEvent(**row, prev_hash=head.last_hash)
        event.hash = rules.chain_hash(head.last_hash, _hashable(event))
        event.save(force_insert=True)
        head.last_seq = event.seq
        head.last_hash = event.hash
        head.save(update_fields=["last_seq", "last_hash"])
    log.debug("audit.recorded action=%s seq=%s outcome=%s", action, event.seq, outcome)
    return event


def _hashable(event: AuditEvent) -> dict[str, Any]:
    """The row as the database returns it, so hashing before and after storage agrees."""
    return {
        "seq": int(event.seq),
        "at": event.at.astimezone(datetime.UTC).isoformat(timespec="microseconds"),
        "actor_id": str(event.actor_id) if event.actor_id else None,
        "actor_label": event.actor_label,
        "action": event.action,
        "client_id": str(event.client_id) if event.client_id else None,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "outcome": event.outcome,
        "ip": event.ip,
        "request_id": event.request_id,
        "extra": event.extra,
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }


def _rows() -> Iterator[dict[str, Any]]:
    for event in AuditEvent.objects.order_by("seq").iterator(chunk_size=2000):
        yield _hashable(event)


def verify_chain() -> tuple[int, list[rules.Problem]]:
    """Check every row of the trail; returns (rows checked, problems)."""
    head = AuditChainHead.objects.filter(pk=1).first()
    return rules.verify(
        _rows(),
        head_seq=head.last_seq if head else 0,
        head_hash=head.last_hash if head else rules.GENESIS,
    )
