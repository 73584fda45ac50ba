"""Every write to appointments and episodes of care."""

from __future__ import annotations

from datetime import date, datetime, timedelta

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
from heard.people import policy

# Shortest and longest appointment a clinician can book, in minutes.
MIN_DURATION = 5
MAX_DURATION = 480
# Clocks differ a little between the browser, the server and the database.
_CLOCK_SLACK = timedelta(minutes=5)


def client_organization(client: User, *, actor: User | None = None) -> Organization:
    """The service an appointment or episode for `client` belongs to: a service where the
    client is an active client and `actor` is on their care team (as clinician or through
    supervision); without such a service (or without an actor), the client's newest active
    client membership. Raises ValidationError when the person is not a client anywhere."""
    memberships = (
        Membership.objects.filter(user=client, role=Role.CLIENT, is_active=True)
        .select_related("organization")
        .order_by("-created_at", "-pk")
    )
    membership = None
    if actor is not None:
        care_team_orgs = {
            *policy.clinician_assignments(actor)
            .filter(client=client)
            .values_list("organization_id", flat=True),
            *policy.supervised_assignments(actor)
            .filter(client=client)
            .values_list("organization_id", flat=True),
        }
        membership = memberships.filter(organization_id__in=care_team_orgs).first()
    membership = membership or memberships.first()
    if membership is None:
        raise ValidationError(_("This person is not a client of a service."))
    return membership.organization


def _aware(value: datetime, field: str) -> None:
    if timezone.is_naive(value):
        # A naive time has no agreed meaning (which time zone?); callers must say.
        raise ValidationError({field: _("Give a date and time with a time zone.")})


def add_appointment(
    actor: User,
    *,
    client: User,
    starts_at: datetime,
    kind: str = AppointmentKind.TREATMENT,
    duration_minutes: int = 50,
) -> Appointment:
    """Book an appointment for `client` with `actor`, in the service where `actor` cares for
    them. Past times are allowed (recording sessions that already happened, still
    `scheduled` until marked). Raises ValidationError and stores nothing on bad input."""
    if kind not in AppointmentKind.values:
        raise ValidationError({"kind": _("Choose a kind of appointment.")})
    if not MIN_DURATION <= duration_minutes <= MAX_DURATION:
        raise ValidationError(
            {
                "duration_minutes": _("Choose a length between %(min)d and %(max)d minutes.")
                % {"min": MIN_DURATION, "max": MAX_DURATION}
            }
        )
    _aware(starts_at, "starts_at")
    organization = client_organization(client, actor=actor)
    with transaction.atomic():
        appointment = Appointment.objects.create(
            organization=organization,
            client=client,
            clinician=actor,
            starts_at=starts_at,
            kind=kind,
            duration_minutes=duration_minutes,
        )
        audit.record(actor, "appointment:create", client=client, obj=appointment)
    return appointment


def set_appointment_status(
    actor: User, *, appointment: Appointment, status: str, now: datetime | None = None
) -> Appointment:
    """Record that an appointment was attended, missed or cancelled (or put it back to
    scheduled, to correct a mistake). Attended and did-not-attend need the appointment to have
    started. Setting the status it already has changes and records nothing."""
    if status not in AppointmentStatus.values:
        raise ValidationError({"status": _("Choose what happened.")})
    started = appointment.starts_at <= (now or timezone.now())
    if status == AppointmentStatus.ATTENDED and not started:
        raise ValidationError({"status": _("An appointment can't be attended before it starts.")})
    if status == AppointmentStatus.DID_NOT_ATTEND and not started:
        raise ValidationError({"status": _("An appointment can't be missed before it starts.")})
    if appointment.status == status:
        return appointment
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


def open_episode(
    actor: User,
    *,
    client: User,
    opened_at: datetime | None = None,
    referred_on: date | None = None,
) -> Episode:
    """Start a course of care in the service where `actor` cares for `client`. A client has at
    most one open episode per service; opening a second raises ValidationError.

    `referred_on` is the day the referral arrived when that was earlier (a waiting list); it
    can't be after the day the episode opens."""
    now = timezone.now()
    opened_at = opened_at or now
    _aware(opened_at, "opened_at")
    if opened_at > now + _CLOCK_SLACK:
        raise ValidationError({"opened_at": _("An episode can't start in the future.")})
    if referred_on is not None and referred_on > timezone.localdate(opened_at):
        raise ValidationError(
            {"referred_on": _("The referral date can't be after the day the episode opens.")}
        )
    organization = client_organization(client, actor=actor)
    already_open = _("This client already has an open episode of care.")
    if Episode.objects.filter(
        client=client, organization=organization, closed_at__isnull=True
    ).exists():
        raise ValidationError(already_open)
    try:
        with transaction.atomic():
            episode = Episode.objects.create(
                organization=organization,
                client=client,
                opened_by=actor,
                opened_at=opened_at,
                referred_on=referred_on,
            )
            audit.record(actor, "episode:open", client=client, obj=episode)
    except IntegrityError as exc:
        # Two requests raced past the check above; the constraint kept one.
        raise ValidationError(already_open) from exc
    return episode


def close_episode(
    actor: User, *, episode: Episode, reason: str, closed_at: datetime | None = None
) -> Episode:
    """End a course of care with a reason. Raises ValidationError (and changes nothing) for a
    missing reason, an episode that is already closed, or an end before its start or in the
    future."""
    if reason not in EpisodeCloseReason.values:
        raise ValidationError({"reason": _("Choose why this episode is ending.")})
    now = timezone.now()
    closed_at = closed_at or now
    _aware(closed_at, "closed_at")
    if closed_at > now + _CLOCK_SLACK:
        raise ValidationError({"closed_at": _("An episode can't end in the future.")})
    if closed_at < episode.opened_at:
        raise ValidationError({"closed_at": _("An episode can't end before it started.")})
    with transaction.atomic():
        # Re-read under a lock: a second click (or a colleague) may have closed it already.
        current = Episode.objects.select_for_update().get(pk=episode.pk)
        if not current.is_open:
            raise ValidationError(_("This episode is already closed."))
        episode.closed_at = closed_at
        episode.closed_by = actor
        episode.close_reason = reason
        episode.save(update_fields=["closed_at", "closed_by", "close_reason", "updated_at"])
        audit.record(
            actor, "episode:close", client=episode.client, obj=episode, extra={"reason": reason}
        )
    return episode
