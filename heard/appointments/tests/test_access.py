"""Who may change a client's appointments and episodes: their care team, nobody else."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from heard.appointments import access, services
from heard.appointments.models import EpisodeCloseReason
from heard.audit.models import AuditEvent
from heard.people import policy
from heard.people import services as people

pytestmark = pytest.mark.django_db


@pytest.fixture
def appointment(personas):
    return services.add_appointment(
        personas.dana, client=personas.casey, starts_at=timezone.now() + timedelta(days=2)
    )


@pytest.fixture
def episode(personas):
    return services.open_episode(personas.dana, client=personas.casey)


def _last_event() -> AuditEvent:
    event = AuditEvent.objects.order_by("-seq").first()
    assert event is not None
    return event


@pytest.mark.parametrize("who", ["dana", "sam"])
def test_the_care_team_may_change_an_appointment(personas, appointment, who):
    user = personas.by_name[who]
    found = access.access_appointment(user, str(appointment.public_id), action="appointment:x")
    assert found == appointment
    event = _last_event()
    assert (event.action, event.outcome, event.actor_id) == (
        "appointment:x",
        "success",
        user.public_id,
    )
    assert event.client_id == personas.casey.public_id
    assert event.object_id == str(appointment.public_id)


def test_an_appointment_id_may_be_given_as_a_uuid(personas, appointment):
    assert (
        access.access_appointment(personas.dana, appointment.public_id, action="a") == appointment
    )


@pytest.mark.parametrize("who", ["eli", "casey", "cam", "fay", "olive"])
def test_nobody_else_may_change_an_appointment_not_even_the_client(personas, appointment, who):
    with pytest.raises(Http404):
        access.access_appointment(personas.by_name[who], appointment.public_id, action="a")
    event = _last_event()
    assert (event.outcome, event.client_id) == ("denied", personas.casey.public_id)


@pytest.mark.parametrize("bad_id", ["not-a-uuid", "0b0e4a4e-9d77-4a3c-9f4e-2f0d3c1a7b55"])
def test_a_missing_appointment_is_a_404_and_audited(personas, bad_id):
    with pytest.raises(Http404):
        access.access_appointment(personas.dana, bad_id, action="appointment:x")
    event = _last_event()
    assert (event.outcome, event.client_id, event.extra) == (
        "denied",
        None,
        {"reason": "not_found"},
    )


@pytest.mark.parametrize("who", ["dana", "sam"])
def test_the_care_team_may_change_an_episode(personas, episode, who):
    user = personas.by_name[who]
    assert access.access_episode(user, str(episode.public_id), action="episode:x") == episode
    event = _last_event()
    assert (event.action, event.outcome, event.object_id) == (
        "episode:x",
        "success",
        str(episode.public_id),
    )


@pytest.mark.parametrize("who", ["eli", "casey", "cam", "fay", "olive"])
def test_nobody_else_may_change_an_episode_not_even_the_client(personas, episode, who):
    with pytest.raises(Http404):
        access.access_episode(personas.by_name[who], episode.public_id, action="episode:x")
    assert _last_event().outcome == "denied"


@pytest.mark.parametrize("bad_id", ["", "0b0e4a4e-9d77-4a3c-9f4e-2f0d3c1a7b55"])
def test_a_missing_episode_is_a_404_and_audited(personas, bad_id):
    with pytest.raises(Http404):
        access.access_episode(personas.dana, bad_id, action="episode:x")
    assert _last_event().extra == {"reason": "not_found"}


def test_a_clinician_who_left_the_team_can_no_longer_change_anything(
    personas, appointment, episode
):
    for assignment in policy.clinician_assignments(personas.dana):
        people.end_assignment(None, assignment=assignment)
    with pytest.raises(Http404):
        access.access_appointment(personas.dana, appointment.public_id, action="a")
    with pytest.raises(Http404):
        access.access_episode(personas.dana, episode.public_id, action="e")


def test_a_clients_appointments_come_oldest_first_and_only_theirs(personas):
    now = timezone.now()
    later = services.add_appointment(
        personas.dana, client=personas.casey, starts_at=now + timedelta(days=9)
    )
    sooner = services.add_appointment(
        personas.dana, client=personas.casey, starts_at=now + timedelta(days=1)
    )
    services.add_appointment(personas.eli, client=personas.cam, starts_at=now)
    assert list(access.client_appointments(personas.casey)) == [sooner, later]


def test_a_clients_episodes_come_newest_first_and_only_theirs(personas):
    now = timezone.now()
    old = services.open_episode(
        personas.dana, client=personas.casey, opened_at=now - timedelta(days=90)
    )
    services.close_episode(
        personas.dana,
        episode=old,
        reason=EpisodeCloseReason.COMPLETED,
        closed_at=now - timedelta(days=30),
    )
    new = services.open_episode(personas.dana, client=personas.casey)
    services.open_episode(personas.eli, client=personas.cam)
    assert list(access.client_episodes(personas.casey)) == [new, old]
