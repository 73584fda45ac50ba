"""The ONLY way to load appointments and episodes. Missing and forbidden both raise 404.

Appointments and episodes are part of the care relationship: the client sees their own, and
their care team sees and changes them. Staff access is audited.
"""

from __future__ import annotations

import uuid

from django.db.models import QuerySet
from django.http import Http404

from heard.accounts.models import User
from heard.appointments.models import Appointment, Episode
from heard.audit import services as audit
from heard.audit.models import Outcome
from heard.core.ids import parse_uuid
from heard.people import policy


def _care_team_only(user: User, client: User, *, action: str, obj: object) -> None:
    # Changing appointments and episodes is for the care team only.
    if not policy.is_on_care_team(user, client):
        audit.record(user, action, client=client, outcome=Outcome.DENIED)
        raise Http404
    audit.record(user, action, client=client, obj=obj)


def access_appointment(user: User, appointment_id: str | uuid.UUID, *, action: str) -> Appointment:
    """An appointment `user` may change (the client's care team); Http404 otherwise."""
    parsed = parse_uuid(appointment_id)
    appointment = (
        Appointment.objects.select_related("client").filter(public_id=parsed).first()
        if parsed
        else None
    )
    # It must exist.
    if appointment is None:
        audit.record(user, action, outcome=Outcome.DENIED, extra={"reason": "not_found"})
        raise Http404
    _care_team_only(user, appointment.client, action=action, obj=appointment)
    return appointment


def access_episode(user: User, episode_id: str | uuid.UUID, *, action: str) -> Episode:
    """An episode `user` may change (the client's care team); Http404 otherwise."""
    parsed = parse_uuid(episode_id)
    episode = (
        Episode.objects.select_related("client").filter(public_id=parsed).first()
        if parsed
        else None
    )
    # It must exist.
    if episode is None:
        audit.record(user, action, outcome=Outcome.DENIED, extra={"reason": "not_found"})
        raise Http404
    _care_team_only(user, episode.client, action=action, obj=episode)
    return episode


def client_appointments(client: User) -> QuerySet[Appointment]:
    """A client's appointments, oldest first, with their clinician loaded (client already
    checked with people.access.access_client)."""
    return (
        Appointment.objects.filter(client=client)
        .select_related("clinician")
        .order_by("starts_at", "pk")
    )


def client_episodes(client: User) -> QuerySet[Episode]:
    """A client's episodes of care, newest first, with who opened and closed them loaded
    (client already checked)."""
    return (
        Episode.objects.filter(client=client)
        .select_related("opened_by", "closed_by")
        .order_by("-opened_at", "-pk")
    )
