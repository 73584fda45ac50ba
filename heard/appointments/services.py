"""Every write to appointments and episodes of care."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heard.accounts.models import Membership, Organization, Role, User
from heard.appointments.models import (
    Appointment,
    AppointmentKind,
    AppointmentStatus,
    Episode,
    EpisodeCloseReason,
)
from heard.audit import services as audit


def client_organization(client: User) -> Organization:
    """The service the client belongs to (their newest active client membership)."""
    membership = (
        Membership.objects.filter(user=client, role=Role.CLIENT, is_active=True)
        .select_related("organization")
        .order_by("-created_at")
        .first()
    )
    if membership is None:
        raise ValidationError(_("This person is not a client of a service."))
    return membership.organization


def add_appointment(
    actor: User,
    *,
    client: User,
    starts_at: datetime,
    kind: str = AppointmentKind.TREATMENT,
    duration_minutes: int = 50,
) -> Appointment:
    """Book an appointment for `client` with `actor`."""
    if kind not in AppointmentKind.values:
        raise ValidationError({"kind": _("Choose a kind of appointment.")})
    with transaction.atomic():
        appointment = Appointment.objects.create(
            organization=client_organization(client),
            client=client,
            clinician=actor,
            starts_at=starts_at,
            kind=kind,
            duration_minutes=duration_minutes,
        )
        audit.record(actor, "appointment:create", client=client, obj=appointment)
    return appointment


def set_appointment_status(actor: User, *, appointment: Appointment, status: str) -> Appointment:
    """Record that an appointment was attended, missed or cancelled."""
    if status not in AppointmentStatus.values:
        raise ValidationError({"status": _("Choose what happened.")})
    if status == AppointmentStatus.ATTENDED and appointment.starts_at > timezone.now():
        raise ValidationError({"status": _("An appointment can't be attended before it starts.")})
    with transaction.atomic():
        appointment.status = status
        appointment.save(update_fields=["status", "updated_at"])
        audit.record(
            actor,
            "appointment:status",
            client=appointment.client,
            obj=appointment,
            extra={"status": status},
        )
    return appointment


def open_episode(actor: User, *, client: User, opened_at: datetime | None = None) -> Episode:
    """Start a course of care. A client has at most one open episode per service."""
    organization = client_organization(client)
    try:
        with transaction.atomic():
            episode = Episode.objects.create(
                organization=organization,
                client=client,
                opened_by=actor,
                opened_at=opened_at or timezone.now(),
            )
            audit.record(actor, "episode:open", client=client, obj=episode)
    except IntegrityError as exc:
        raise ValidationError(_("This client already has an open episode of care.")) from exc
    return episode


def close_episode(
    actor: User, *, episode: Episode, reason: str, closed_at: datetime | None = None
) -> Episode:
    """End a course of care with a reason."""
    if reason not in EpisodeCloseReason.values:
        raise ValidationError({"reason": _("Choose why this episode is ending.")})
    if not episode.is_open:
        raise ValidationError(_("This episode is already closed."))
    closed_at = closed_at or timezone.now()
    if closed_at < episode.opened_at:
        raise ValidationError({"closed_at": _("An episode can't end before it started.")})
    with transaction.atomic():
        episode.closed_at = closed_at
        episode.closed_by = actor
        episode.close_reason = reason
        episode.save(update_fields=["closed_at", "closed_by", "close_reason", "updated_at"])
        audit.record(actor, "episode:close", client=episode.client, obj=episode)
    return episode
