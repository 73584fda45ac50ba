"""The ONLY way to load journal entries. Missing and forbidden both raise 404.

A journal is private: only its writer reads and writes their entries. The care team (the
client's clinician, or that clinician's supervisor: people.policy) reads an entry only while
the client shares that entry AND shares the journal category; every such read is audited by
people.access.access_client, and so is every denied attempt.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from heard.accounts.models import Role, User
from heard.audit import services as audit
from heard.audit.models import Outcome
from heard.core.ids import parse_uuid
from heard.journal.models import JournalEntry, JournalRevision
from heard.people import policy
from heard.people.access import access_client
from heard.people.models import Category


def can_keep_journal(user: User | AnonymousUser) -> bool:
    """Only a signed-in person who is a client now writes new journal entries."""
    # Visitors and staff have no journal of their own.
    if not isinstance(user, User) or not user.is_active:
        return False
    # An active client membership somewhere.
    return user.memberships.filter(role=Role.CLIENT, is_active=True).exists()


def own_entries(client: User) -> QuerySet[JournalEntry]:
    """The client's own entries, drafts included, newest first. Not audited: a person
    reading their own journal leaves no trace."""
    return JournalEntry.objects.filter(client=client).order_by("-created_at", "-pk")


def own_journal(user: User | AnonymousUser) -> QuerySet[JournalEntry]:
    """The signed-in person's own entries (access.own_entries), for the journal pages and the
    export. Http404 for someone with no journal: not a client now and no entries kept from
    when they were (staff, facilitators, org admins, visitors)."""
    # Visitors have no journal.
    if not isinstance(user, User):
        raise Http404
    entries = own_entries(user)
    # A client now, or someone who still has entries from before.
    if not can_keep_journal(user) and not entries.exists():
        raise Http404
    return entries


def access_own_entry(
    user: User | AnonymousUser, entry_id: str | uuid.UUID, *, for_write: bool = False
) -> JournalEntry:
    """The entry `entry_id` if `user` wrote it; for_write also needs `user` to be a client
    now (someone whose care ended can still read and export their journal, but not write
    to it). Http404 otherwise: someone else's entry looks exactly like no entry."""
    # Visitors have no entries.
    if not isinstance(user, User):
        raise Http404
    parsed = parse_uuid(entry_id)
    # The id must be a well-formed id.
    if parsed is None:
        raise Http404
    entry = JournalEntry.objects.filter(public_id=parsed, client=user).first()
    # The entry must exist and be the user's own.
    if entry is None:
        raise Http404
    # Writing needs an active client membership.
    if for_write and not can_keep_journal(user):
        raise Http404
    return entry


def entry_revisions(entry: JournalEntry) -> QuerySet[JournalRevision]:
    """Every saved version of an entry the caller has already accessed, newest first."""
    return entry.revisions.order_by("-number")


def latest_revision(entry: JournalEntry) -> JournalRevision | None:
    """The version saved last (None while the entry is a draft that was never saved)."""
    return entry.revisions.order_by("-number").first()


def _shared(client: User) -> QuerySet[JournalEntry]:
    """The entries the care team may read: shared one by one, saved, and only while the
    journal category is on (the master switch)."""
    # The client's journal category is off: nothing is shared, whatever each entry says.
    if not policy.shares(client, Category.JOURNAL):
        return JournalEntry.objects.none()
    return JournalEntry.objects.filter(client=client, shared_at__isnull=False).order_by(
        "-saved_at", "-pk"
    )


def visible_shared_entries(
    user: User | AnonymousUser, client_id: str | uuid.UUID
) -> tuple[User, QuerySet[JournalEntry]]:
    """The client `client_id` and the entries they share with their care team, newest first,
    for someone on the care team now (or the client themself, who sees what the team sees).
    Audited as "journal:list"; Http404 when the client does not exist, `user` is not on
    their care team, or the journal category is off (people.access.access_client)."""
    client = access_client(user, client_id, category=Category.JOURNAL, action="journal:list")
    return client, _shared(client)


def access_shared_entry(
    user: User | AnonymousUser, client_id: str | uuid.UUID, entry_id: str | uuid.UUID
) -> tuple[User, JournalEntry]:
    """One entry the client shares, for their care team. Audited as "journal:read" (the
    category check and audit come from people.access.access_client); Http404 when the
    entry is missing, someone else's, or not shared now."""
    client = access_client(user, client_id, category=Category.JOURNAL, action="journal:read")
    parsed = parse_uuid(entry_id)
    entry = _shared(client).filter(public_id=parsed).first() if parsed else None
    # The entry must exist, be this client's, and be shared now.
    if entry is None:
        audit.record(
            user, "journal:read", client=client, outcome=Outcome.DENIED, extra={"reason": "entry"}
        )
        raise Http404
    return client, entry
