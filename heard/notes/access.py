"""The ONLY way to load session notes. Missing and forbidden both raise 404.

Session notes are care-team records, not data the client shares: clients do not see them
here, and access goes through people.access.access_client with care_team_only (the client's
clinician, or that clinician's supervisor), which audits every read and every refusal.
Drafts are their author's alone. Psychotherapy notes are their author's alone, always: never
a supervisor's, another clinician's, the client's, an export's or a report's.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from heard.accounts.models import Organization, User
from heard.appointments.models import Appointment
from heard.audit import services as audit
from heard.audit.models import Outcome
from heard.core.ids import parse_uuid
from heard.notes.models import NoteAddendum, NoteKind, NoteStatus, SessionNote
from heard.people import policy
from heard.people.access import access_client


def treating_organization(user: User, client: User) -> Organization | None:
    """The organization where `user` treats `client` now (None: `user` does not treat them,
    e.g. a supervisor, who reads progress notes but does not write them)."""
    assignment = (
        policy.clinician_assignments(user)
        .filter(client=client)
        .select_related("organization")
        .first()
    )
    return assignment.organization if assignment else None


def _readable(user: User) -> Q:
    """The notes `user` may read, for a client whose care team they are on."""
    # Signed progress notes: the care team's shared record.
    team_record = Q(kind=NoteKind.PROGRESS, status=NoteStatus.SIGNED)
    # Their own notes of any kind and state (drafts and psychotherapy notes are the
    # author's alone).
    own = Q(author=user)
    return team_record | own


def visible_notes(
    user: User | AnonymousUser, client_id: str | uuid.UUID
) -> tuple[User, QuerySet[SessionNote], QuerySet[SessionNote]]:
    """The client `client_id`, the progress notes `user` may read (the team's signed notes
    and `user`'s own drafts) and `user`'s own psychotherapy notes, each newest first.
    Audited as "notes:list"; Http404 unless `user` is on the client's care team now."""
    # Visitors never see notes (views also require login).
    if not isinstance(user, User):
        raise Http404
    client = access_client(user, client_id, category=None, action="notes:list", care_team_only=True)
    notes = (
        SessionNote.objects.filter(client=client)
        .filter(_readable(user))
        .select_related("author", "signed_by")
        .order_by("-session_date", "-created_at", "-pk")
    )
    progress = notes.filter(kind=NoteKind.PROGRESS)
    psychotherapy = notes.filter(kind=NoteKind.PSYCHOTHERAPY, author=user)
    return client, progress, psychotherapy


def access_client_for_notes(user: User | AnonymousUser, client_id: str | uuid.UUID) -> User:
    """The client `client_id`, for the "write a note" page. Audited as "notes:new";
    Http404 unless `user` is on the client's care team now (whether they may write is
    services.can_write_notes)."""
    return access_client(user, client_id, category=None, action="notes:new", care_team_only=True)


def access_note(
    user: User | AnonymousUser, note_id: str | uuid.UUID, *, action: str = "notes:read"
) -> SessionNote:
    """The note `note_id` if `user` may read it: on the client's care team now, and the
    note is a signed progress note or `user` wrote it. Audited as `action`; Http404
    otherwise, so a psychotherapy note or someone else's draft looks exactly like no note."""
    # Visitors never see notes (views also require login).
    if not isinstance(user, User):
        raise Http404
    parsed = parse_uuid(note_id)
    note = (
        SessionNote.objects.filter(public_id=parsed)
        .filter(_readable(user))
        .select_related("client", "author", "signed_by", "organization", "appointment")
        .first()
        if parsed
        else None
    )
    # The note must exist and be one `user` could read (someone else's psychotherapy note
    # or draft is "not found").
    if note is None:
        audit.record(user, action, outcome=Outcome.DENIED, extra={"reason": "not_found"})
        raise Http404
    # `user` must be on the client's care team now (audits the read, or the refusal).
    access_client(user, note.client.public_id, category=None, action=action, care_team_only=True)
    return note


def note_addenda(note: SessionNote) -> QuerySet[NoteAddendum]:
    """The addenda of a note the caller has already accessed, oldest first."""
    return note.addenda.select_related("author").order_by("created_at", "pk")


def linkable_appointments(client: User) -> QuerySet[Appointment]:
    """The client's appointments that have begun, newest first, that a new note may be
    about (client already checked with access_client_for_notes)."""
    return Appointment.objects.filter(client=client, starts_at__lte=timezone.now()).order_by(
        "-starts_at", "-pk"
    )[:20]
