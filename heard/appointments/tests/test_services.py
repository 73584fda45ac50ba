"""Booking appointments, recording what happened, and opening and closing episodes of care."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from heard.accounts import services as accounts
from heard.accounts.models import Role
from heard.appointments import services
from heard.appointments.models import (
    Appointment,
    AppointmentKind,
    AppointmentStatus,
    Episode,
    EpisodeCloseReason,
)
from heard.audit.models import AuditEvent
from heard.people import services as people

pytestmark = pytest.mark.django_db


def _events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action).order_by("seq"))


def _second_service(personas):
    """Casey also joins a second service, after Harbor, with Eli (not Dana) caring for her."""
    other = accounts.create_organization(None, name="Bay Clinic", region="US")
    accounts.add_membership(None, user=personas.casey, organization=other, role=Role.CLIENT)
    accounts.add_membership(None, user=personas.eli, organization=other, role=Role.CLINICIAN)
    people.assign_clinician(None, organization=other, client=personas.casey, clinician=personas.eli)
    return other


# --- Which service -------------------------------------------------------------------------------


def test_the_service_is_where_the_client_is_a_client(personas):
    assert services.client_organization(personas.casey) == personas.org


def test_someone_who_is_not_a_client_has_no_service(personas):
    with pytest.raises(ValidationError, match="not a client"):
        services.client_organization(personas.dana)


def test_the_service_is_the_one_where_the_actor_cares_for_the_client(personas):
    other = _second_service(personas)
    # Without an actor, the newest client membership wins (Bay Clinic) ...
    assert services.client_organization(personas.casey) == other
    # ... but Dana and her supervisor Sam care for Casey at Harbor, and Eli at Bay Clinic.
    assert services.client_organization(personas.casey, actor=personas.dana) == personas.org
    assert services.client_organization(personas.casey, actor=personas.sam) == personas.org
    assert services.client_organization(personas.casey, actor=personas.eli) == other


# --- Appointments --------------------------------------------------------------------------------


def test_booking_an_appointment_stores_it_in_the_care_teams_service_and_audits_it(personas):
    _second_service(personas)
    when = timezone.now() + timedelta(days=3)
    appointment = services.add_appointment(
        personas.dana,
        client=personas.casey,
        starts_at=when,
        kind=AppointmentKind.ASSESSMENT,
        duration_minutes=60,
    )
    appointment.refresh_from_db()
    assert appointment.organization == personas.org
    assert appointment.clinician == personas.dana
    assert appointment.starts_at == when
    assert appointment.kind == AppointmentKind.ASSESSMENT
    assert appointment.duration_minutes == 60
    assert appointment.status == AppointmentStatus.SCHEDULED
    (event,) = _events("appointment:create")
    assert event.client_id == personas.casey.public_id
    assert event.object_id == str(appointment.public_id)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "group"}, "Choose a kind of appointment"),
        ({"duration_minutes": 0}, "between 5 and 480 minutes"),
        ({"duration_minutes": 481}, "between 5 and 480 minutes"),
        ({"starts_at": datetime(2030, 1, 1, 9, 0)}, "time zone"),  # noqa: DTZ001 - naive on purpose
    ],
)
def test_bad_bookings_are_refused_and_nothing_is_stored(personas, kwargs, message):
    args = {"client": personas.casey, "starts_at": timezone.now() + timedelta(days=1), **kwargs}
    with pytest.raises(ValidationError, match=message):
        services.add_appointment(personas.dana, **args)
    assert not Appointment.objects.exists()
    assert not _events("appointment:create")


def _appointment(personas, *, days: float, kind: str = AppointmentKind.TREATMENT) -> Appointment:
    return services.add_appointment(
        personas.dana,
        client=personas.casey,
        starts_at=timezone.now() + timedelta(days=days),
        kind=kind,
    )


def test_a_past_appointment_can_be_marked_attended_and_the_change_is_audited(personas):
    appointment = _appointment(personas, days=-1)
    services.set_appointment_status(
        personas.dana, appointment=appointment, status=AppointmentStatus.ATTENDED
    )
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.ATTENDED
    (event,) = _events("appointment:status")
    assert event.extra == {"status": "attended"}
    assert event.client_id == personas.casey.public_id


@pytest.mark.parametrize("status", [AppointmentStatus.ATTENDED, AppointmentStatus.DID_NOT_ATTEND])
def test_a_future_appointment_cannot_be_attended_or_missed_yet(personas, status):
    appointment = _appointment(personas, days=1)
    with pytest.raises(ValidationError, match="before it starts"):
        services.set_appointment_status(personas.dana, appointment=appointment, status=status)
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.SCHEDULED
    assert not _events("appointment:status")


def test_a_future_appointment_can_be_cancelled(personas):
    appointment = _appointment(personas, days=1)
    services.set_appointment_status(
        personas.dana, appointment=appointment, status=AppointmentStatus.CANCELLED
    )
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED


def test_an_appointment_can_be_marked_at_the_moment_it_starts(personas):
    appointment = _appointment(personas, days=1)
    services.set_appointment_status(
        personas.dana,
        appointment=appointment,
        status=AppointmentStatus.DID_NOT_ATTEND,
        now=appointment.starts_at,
    )
    assert appointment.status == AppointmentStatus.DID_NOT_ATTEND


def test_an_unknown_status_is_refused(personas):
    appointment = _appointment(personas, days=-1)
    with pytest.raises(ValidationError, match="Choose what happened"):
        services.set_appointment_status(personas.dana, appointment=appointment, status="late")


def test_setting_the_same_status_again_records_nothing_new(personas):
    appointment = _appointment(personas, days=-1)
    services.set_appointment_status(
        personas.dana, appointment=appointment, status=AppointmentStatus.ATTENDED
    )
    services.set_appointment_status(
        personas.dana, appointment=appointment, status=AppointmentStatus.ATTENDED
    )
    assert len(_events("appointment:status")) == 1


# --- Episodes ------------------------------------------------------------------------------------


def test_opening_an_episode_stores_it_in_the_care_teams_service_and_audits_it(personas):
    _second_service(personas)
    episode = services.open_episode(personas.dana, client=personas.casey)
    assert episode.is_open
    assert episode.organization == personas.org
    assert episode.opened_by == personas.dana
    (event,) = _events("episode:open")
    assert event.object_id == str(episode.public_id)


def test_a_client_has_one_open_episode_per_service(personas):
    other = _second_service(personas)
    services.open_episode(personas.dana, client=personas.casey)
    with pytest.raises(ValidationError, match="already has an open episode"):
        services.open_episode(personas.sam, client=personas.casey)
    assert Episode.objects.count() == 1
    # Another service may run its own course of care at the same time.
    assert services.open_episode(personas.eli, client=personas.casey).organization == other


def test_the_database_also_refuses_a_second_open_episode(personas):
    # The service checks first; the constraint catches two requests racing past the check.
    services.open_episode(personas.dana, client=personas.casey)
    with pytest.raises(IntegrityError), transaction.atomic():
        Episode.objects.create(organization=personas.org, client=personas.casey)


def test_an_episode_can_be_opened_in_the_past_but_not_in_the_future(personas):
    then = timezone.now() - timedelta(days=30)
    assert services.open_episode(
        personas.dana, client=personas.casey, opened_at=then
    ).opened_at == (then)
    Episode.objects.all().delete()
    with pytest.raises(ValidationError, match="can't start in the future"):
        services.open_episode(
            personas.dana, client=personas.casey, opened_at=timezone.now() + timedelta(days=1)
        )
    assert not Episode.objects.exists()


def test_closing_an_episode_records_who_why_and_when(personas):
    episode = services.open_episode(
        personas.dana, client=personas.casey, opened_at=timezone.now() - timedelta(days=60)
    )
    services.close_episode(personas.dana, episode=episode, reason=EpisodeCloseReason.COMPLETED)
    episode.refresh_from_db()
    assert not episode.is_open
    assert episode.closed_by == personas.dana
    assert episode.close_reason == EpisodeCloseReason.COMPLETED
    (event,) = _events("episode:close")
    assert event.extra == {"reason": "completed"}
    # Now a new course of care can begin.
    assert services.open_episode(personas.dana, client=personas.casey).is_open


@pytest.mark.parametrize("reason", ["", "bored"])
def test_closing_needs_a_reason(personas, reason):
    episode = services.open_episode(personas.dana, client=personas.casey)
    with pytest.raises(ValidationError, match="Choose why"):
        services.close_episode(personas.dana, episode=episode, reason=reason)
    episode.refresh_from_db()
    assert episode.is_open


def test_an_episode_cannot_be_closed_twice(personas):
    episode = services.open_episode(personas.dana, client=personas.casey)
    # Two browser tabs: both loaded the episode while it was open.
    stale = Episode.objects.get(pk=episode.pk)
    services.close_episode(personas.dana, episode=episode, reason=EpisodeCloseReason.COMPLETED)
    for copy in (episode, stale):
        with pytest.raises(ValidationError, match="already closed"):
            services.close_episode(personas.sam, episode=copy, reason=EpisodeCloseReason.OTHER)
    episode.refresh_from_db()
    assert episode.closed_by == personas.dana
    assert episode.close_reason == EpisodeCloseReason.COMPLETED
    assert len(_events("episode:close")) == 1


@pytest.mark.parametrize(
    ("closed", "message"),
    [
        (timedelta(days=-11), "before it started"),
        (timedelta(days=1), "in the future"),
    ],
)
def test_an_episode_ends_between_its_start_and_now(personas, closed, message):
    episode = services.open_episode(
        personas.dana, client=personas.casey, opened_at=timezone.now() - timedelta(days=10)
    )
    with pytest.raises(ValidationError, match=message):
        services.close_episode(
            personas.dana,
            episode=episode,
            reason=EpisodeCloseReason.COMPLETED,
            closed_at=timezone.now() + closed,
        )
    episode.refresh_from_db()
    assert episode.is_open
