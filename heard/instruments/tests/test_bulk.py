"""Service-wide trajectories and episode outcomes equal the per-client page code."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from heard.accounts import services as accounts
from heard.accounts.models import Organization, Role, User
from heard.appointments import services as appointments
from heard.appointments.models import (
    Appointment,
    AppointmentKind,
    AppointmentStatus,
    Episode,
    EpisodeCloseReason,
)
from heard.instruments import bulk, trends
from heard.instruments.change import Trajectory, trajectory_summary
from heard.instruments.models import Assessment, AssessmentSource, AssessmentStatus
from heard.testing.base import Personas

# Services refuse episodes in the future, so the service lives in the 400 days before today.
NOW = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
START = NOW - timedelta(days=400)
MAX_TOTAL = {"phq-9": 27, "gad-7": 21, "who-5": 25}


def assessment(
    client: User, instrument: str, when: datetime | None, total: int | None, *, done: bool = True
) -> Assessment:
    """An inert stored row; `done=False` is one still being answered."""
    return Assessment(
        client=client,
        instrument=instrument,
        instrument_version="1",
        source=AssessmentSource.CLIENT,
        status=AssessmentStatus.COMPLETED if done else AssessmentStatus.IN_PROGRESS,
        started_at=when or NOW,
        completed_at=when if done else None,
        total=total if done else None,
        complete=done and total is not None,
    )


def appointment(
    personas: Personas,
    client: User,
    when: datetime,
    *,
    kind: str = AppointmentKind.TREATMENT,
    status: str = AppointmentStatus.ATTENDED,
    organization: Organization | None = None,
) -> Appointment:
    return Appointment(
        organization=organization or personas.org,
        client=client,
        clinician=personas.dana,
        starts_at=when,
        kind=kind,
        status=status,
    )


def new_client(personas: Personas, n: int) -> User:
    user = accounts.create_account(email=f"client{n}@example.org", password=None, full_name="C")
    accounts.add_membership(None, user=user, organization=personas.org, role=Role.CLIENT)
    return user


def make_service(personas: Personas, *, seed: int = 7, clients: int = 10) -> list[User]:
    """Clients with episodes (closed, or still open), sessions of every kind and status, and
    PHQ-9 / GAD-7 / WHO-5 answers inside and outside the episodes: some skipped, some
    unfinished, some at the very edges of an episode."""
    rng = random.Random(seed)
    people = [personas.casey, personas.cam, *(new_client(personas, n) for n in range(clients))]
    rows: list[Assessment] = []
    sessions: list[Appointment] = []
    minutes = iter(rng.sample(range(400 * 24 * 60), k=5000))  # distinct times, no ties

    def at_random() -> datetime:
        return START + timedelta(minutes=next(minutes))

    for person in people:
        opened = START + timedelta(days=rng.randint(0, 60))
        for number in range(rng.randint(0, 2)):
            episode = appointments.open_episode(personas.dana, client=person, opened_at=opened)
            weeks = rng.randint(0, 10)
            start = {m: rng.randint(0, MAX_TOTAL[m]) for m in ("phq-9", "gad-7")}
            end = {m: rng.randint(0, MAX_TOTAL[m]) for m in ("phq-9", "gad-7")}
            for week in range(weeks):
                when = opened + timedelta(weeks=week, hours=number + 1, minutes=rng.randint(0, 59))
                sessions.append(
                    appointment(
                        personas,
                        person,
                        when,
                        kind=rng.choice([AppointmentKind.TREATMENT] * 3 + list(AppointmentKind)),
                        status=rng.choice(
                            [AppointmentStatus.ATTENDED] * 3 + list(AppointmentStatus)
                        ),
                    )
                )
                for offset, measure in enumerate(("phq-9", "gad-7"), start=1):
                    if rng.random() < 0.8:
                        share = week / max(weeks - 1, 1)
                        total = round(start[measure] + (end[measure] - start[measure]) * share)
                        skipped = rng.random() < 0.1  # incomplete: no total
                        rows.append(
                            assessment(
                                person,
                                measure,
                                when + timedelta(seconds=offset),
                                None if skipped else total,
                            )
                        )
            closed = opened + timedelta(weeks=weeks, days=rng.randint(0, 6))
            if rng.random() < 0.3:
                break  # stays open
            appointments.close_episode(
                personas.dana,
                episode=episode,
                reason=EpisodeCloseReason.COMPLETED,
                closed_at=closed,
            )
            # Answers exactly at the edges count; a second outside does not.
            rows.append(assessment(person, "phq-9", closed, rng.randint(0, 27)))
            rows.append(assessment(person, "gad-7", closed + timedelta(seconds=1), 21))
            sessions.append(appointment(personas, person, closed + timedelta(seconds=1)))
            opened = closed + timedelta(days=rng.randint(0, 30))
        for _ in range(rng.randint(0, 12)):
            instrument = rng.choice(list(MAX_TOTAL))
            total = rng.choice([None, *range(MAX_TOTAL[instrument] + 1)])
            rows.append(assessment(person, instrument, at_random(), total))
        rows.append(assessment(person, "phq-9", None, None, done=False))
    Assessment.objects.bulk_create(rows)
    Appointment.objects.bulk_create(sessions)
    return people


def per_client_trajectory(client: User, instrument: str) -> Trajectory:
    totals = (
        Assessment.objects.filter(client=client, instrument=instrument, completed_at__isnull=False)
        .order_by("completed_at")
        .values_list("total", flat=True)
    )
    return trajectory_summary(instrument, list(totals))


@pytest.mark.django_db
class TestTrajectories:
    def test_they_equal_the_per_client_summaries(self, personas: Personas) -> None:
        people = make_service(personas)
        result = bulk.trajectories(Assessment.objects.all())
        expected = {
            (person.pk, instrument): per_client_trajectory(person, instrument)
            for person in people
            for instrument in MAX_TOTAL
        }
        # Pairs with no scored total are left out rather than given an empty Trajectory.
        assert result == {key: t for key, t in expected.items() if t.scored_count}
        changes = {t.change for t in result.values()}
        assert changes >= {"improvement", "deterioration", "no reliable change", None}

    def test_who5_improves_upwards(self, personas: Personas) -> None:
        Assessment.objects.bulk_create(
            [
                assessment(personas.casey, "who-5", START, 8),
                assessment(personas.casey, "who-5", START + timedelta(days=1), None),
                assessment(personas.casey, "who-5", START + timedelta(days=9), 20),
            ]
        )
        assert bulk.trajectories(Assessment.objects.all()) == {
            (personas.casey.pk, "who-5"): Trajectory(8, 20, "improvement", True, False, 2)
        }

    def test_a_pair_with_only_unscored_answers_is_left_out(self, personas: Personas) -> None:
        Assessment.objects.bulk_create(
            [
                assessment(personas.casey, "phq-9", START, None),
                assessment(personas.casey, "gad-7", START, 12),
                assessment(personas.cam, "phq-9", None, None, done=False),
            ]
        )
        result = bulk.trajectories(Assessment.objects.all())
        assert result == {(personas.casey.pk, "gad-7"): Trajectory(12, 12, None, True, True, 1)}

    def test_groups_may_span_chunks(self, personas: Personas) -> None:
        make_service(personas)
        assessments = Assessment.objects.all()
        assert bulk.trajectories(assessments, chunk_size=3) == bulk.trajectories(assessments)

    def test_it_reads_only_the_queryset_given(self, personas: Personas) -> None:
        make_service(personas)
        result = bulk.trajectories(Assessment.objects.filter(client=personas.cam))
        assert {client_id for client_id, _ in result} == {personas.cam.pk}

    def test_it_is_one_query(self, personas: Personas, django_assert_num_queries) -> None:
        make_service(personas)
        with django_assert_num_queries(1):
            bulk.trajectories(Assessment.objects.all())


@pytest.mark.django_db
class TestEpisodeOutcomes:
    def test_they_equal_the_per_episode_summaries(self, personas: Personas) -> None:
        make_service(personas, clients=14)
        episodes = Episode.objects.all()
        result = bulk.episode_outcomes(episodes, now=NOW)
        expected = {e.pk: trends.episode_summary(e, now=NOW).outcome for e in episodes}
        assert result == expected
        # The generated service reaches every kind of outcome, open episodes included.
        labels = {outcome.label for outcome in result.values()}
        assert labels >= {None, "reliable recovery", "reliable deterioration"}
        assert Episode.objects.filter(closed_at__isnull=True).exists()

    def test_a_closed_episode_pairs_first_and_last_within_its_window(
        self, personas: Personas
    ) -> None:
        casey = personas.casey
        # Casey is also a client of another service, whose sessions are not this episode's.
        elsewhere = accounts.create_organization(None, name="Elsewhere")
        accounts.add_membership(None, user=casey, organization=elsewhere, role=Role.CLIENT)
        opened, closed = START, START + timedelta(weeks=12)
        episode = appointments.open_episode(personas.dana, client=casey, opened_at=opened)
        appointments.close_episode(
            personas.dana, episode=episode, reason=EpisodeCloseReason.COMPLETED, closed_at=closed
        )
        second = timedelta(seconds=1)
        Assessment.objects.bulk_create(
            [
                assessment(casey, "phq-9", opened - second, 3),  # before: ignored
                assessment(casey, "phq-9", opened, 18),  # the edges count
                assessment(casey, "phq-9", closed, 6),
                assessment(casey, "phq-9", closed + second, 27),  # after: ignored
                assessment(casey, "gad-7", opened + second, 15),
                assessment(casey, "gad-7", opened + 2 * second, None),  # unscored: ignored
                assessment(casey, "gad-7", closed - second, 5),
                assessment(personas.cam, "gad-7", opened + 3 * second, 21),  # someone else
            ]
        )
        Appointment.objects.bulk_create(
            [
                appointment(personas, casey, opened),
                appointment(personas, casey, closed),
                appointment(personas, casey, closed, kind=AppointmentKind.ASSESSMENT),
                appointment(personas, casey, closed, status=AppointmentStatus.DID_NOT_ATTEND),
                appointment(personas, casey, closed + second),
                appointment(personas, personas.cam, opened),
                appointment(personas, casey, opened, organization=elsewhere),
            ]
        )
        outcome = bulk.episode_outcomes(Episode.objects.all(), now=NOW)[episode.pk]
        assert (outcome.phq9, outcome.gad7, outcome.attended_sessions) == ((18, 6), (15, 5), 2)
        assert outcome.label == "reliable recovery"
        assert outcome == trends.episode_summary(episode, now=NOW).outcome

    def test_an_open_episode_counts_no_sessions_yet(self, personas: Personas) -> None:
        casey = personas.casey
        episode = appointments.open_episode(personas.dana, client=casey, opened_at=START)
        Assessment.objects.bulk_create(
            [
                assessment(casey, "phq-9", START, 20),
                assessment(casey, "phq-9", NOW, 4),  # `now` closes the window, included
                assessment(casey, "gad-7", START, 12),
                assessment(casey, "gad-7", NOW + timedelta(seconds=1), 2),  # not yet
            ]
        )
        Appointment.objects.bulk_create([appointment(personas, casey, START) for _ in range(3)])
        outcome = bulk.episode_outcomes(Episode.objects.all(), now=NOW)[episode.pk]
        assert (outcome.phq9, outcome.gad7, outcome.attended_sessions) == ((20, 4), None, 0)
        assert outcome.label is None

    def test_an_episode_with_nothing_recorded_has_no_outcome(self, personas: Personas) -> None:
        episode = appointments.open_episode(personas.dana, client=personas.casey, opened_at=START)
        appointments.close_episode(
            personas.dana, episode=episode, reason=EpisodeCloseReason.DROPPED_OUT, closed_at=NOW
        )
        outcome = bulk.episode_outcomes(Episode.objects.all(), now=NOW)[episode.pk]
        assert (outcome.phq9, outcome.gad7, outcome.attended_sessions) == (None, None, 0)
        assert not outcome.finished_treatment

    def test_it_reads_only_the_episodes_given(self, personas: Personas) -> None:
        make_service(personas)
        episodes = Episode.objects.filter(client=personas.casey)
        assert set(bulk.episode_outcomes(episodes, now=NOW)) == set(
            episodes.values_list("pk", flat=True)
        )

    def test_it_is_one_query(self, personas: Personas, django_assert_num_queries) -> None:
        make_service(personas)
        with django_assert_num_queries(1):
            bulk.episode_outcomes(Episode.objects.all(), now=NOW)
