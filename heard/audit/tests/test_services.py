from __future__ import annotations

import itertools

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from heard.audit import rules, services
from heard.audit.models import AuditChainHead, AuditEvent
from heard.core import context

pytestmark = pytest.mark.django_db


def test_events_chain_and_verify(personas):
    checked, problems = services.verify_chain()
    assert checked == AuditEvent.objects.count() > 0
    assert problems == []
    events = list(AuditEvent.objects.order_by("seq"))
    assert events[0].prev_hash == rules.GENESIS
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(events))


def test_an_event_records_the_request_context_and_labels_the_actor(personas):
    token = context.bind(context.RequestContext(ip="203.0.113.9", request_id="abc123"))
    try:
        e = services.record(personas.dana, "x:read", client=personas.casey, obj=personas.casey)
    finally:
        context.reset(token)
    assert (e.ip, e.request_id, e.actor_label) == ("203.0.113.9", "abc123", "Dana Reyes")
    assert e.object_type == "accounts.user"
    assert e.object_id == str(personas.casey.public_id)
    assert services.record(None, "system:x").actor_label == "system"
    assert services.record(AnonymousUser(), "visitor:x").actor_label == "anonymous"
    assert str(e).startswith(f"#{e.seq} x:read")
    assert str(AuditChainHead.objects.get()).startswith("audit head #")


def test_events_cannot_be_changed_or_deleted_through_the_orm(personas):
    event = AuditEvent.objects.first()
    event.action = "tampered"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(ValueError, match="append-only"):
        event.delete()


def test_verify_reports_an_edited_row(personas):
    with connection.cursor() as cur:
        cur.execute("UPDATE audit_auditevent SET action = 'edited' WHERE seq = 2")
    _, problems = services.verify_chain()
    assert [p.seq for p in problems] == [2]
    assert "edited" in problems[0].what


def test_verify_reports_a_head_that_does_not_match_the_last_row(personas):
    AuditChainHead.objects.update(last_hash="f" * 64)
    _, problems = services.verify_chain()
    assert problems[-1].what == "last row does not match the chain head"


def test_verify_on_an_empty_trail_is_clean(db):
    assert services.verify_chain() == (0, [])
