"""Benchmark: instrument scoring, and service-wide trajectories and episode outcomes.

    .venv/bin/python bench/scoring.py [--rows 1000000] [--database sqlite|postgres|both] [--fresh]

Times, and prints as a table:

* scoring throughput per instrument: responses scored per second by the pure
  `heard.instruments.scoring.score`, on random valid answers (median of several runs);
* `heard.instruments.bulk.trajectories` over every stored assessment (one streamed, ordered
  pass), and the window-function query it was chosen over, for comparison;
* `heard.instruments.bulk.episode_outcomes` over every episode of care;
* the per-client page code (`change.trajectory_summary` over one client's rows,
  `trends.episode_summary`) on a sample, extrapolated to the whole service, as the baseline.

It sets Django up itself with its own databases, never the ones in the environment: a SQLite
file at var/bench/scoring.sqlite3 and the PostgreSQL database named by
HEARD_BENCH_DATABASE_URL (default postgres://heard:heard@127.0.0.1:5432/heard_bench, created
when missing; skipped with a note when the server cannot be reached). It migrates them and
fills them with a generated service of ~50 assessments per client (PHQ-9, GAD-7, WHO-5 over
two years, improving, flat or worsening), episodes and appointments. A later run reuses the
data when the row count matches; `--fresh` rebuilds it. bench/README.md has the last figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import time
import uuid
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from django.db.models import Model, QuerySet

    from heard.instruments.change import Trajectory
    from heard.instruments.models import Assessment

ROOT = Path(__file__).resolve().parent.parent
SQLITE_PATH = ROOT / "var" / "bench" / "scoring.sqlite3"
POSTGRES_URL = "postgres://heard:heard@127.0.0.1:5432/heard_bench"
ALIASES = {"sqlite": "default", "postgres": "postgres"}
LABELS = {"sqlite": "SQLite", "postgres": "PostgreSQL"}

# The generated service. Bump GENERATOR when the data it makes changes, so old data is rebuilt.
GENERATOR = 3
SEED = 20261123
END = datetime(2026, 11, 23, tzinfo=UTC)  # the service's "now": open episodes run to here
START = END - timedelta(days=730)
PER_CLIENT = 50  # assessments per client
CLIENTS_PER_CLINICIAN = 40
MEASURES = ("phq-9", "gad-7", "who-5")
SCORING_RESPONSES = 5_000  # random responses per instrument, per timed run
SAMPLE = 200  # clients / episodes timed with the per-client page code

T = TypeVar("T")


# --- Setting Django up -------------------------------------------------------------------------


def postgres_note(url: str) -> str | None:
    """None when PostgreSQL at `url` is usable (its database created if missing), else why not."""
    import dj_database_url
    import psycopg
    from psycopg import sql

    config = dj_database_url.parse(url)
    try:
        with psycopg.connect(
            host=config["HOST"],
            port=config["PORT"] or 5432,
            user=config["USER"],
            password=config["PASSWORD"],
            dbname="postgres",
            connect_timeout=3,
            autocommit=True,
        ) as conn:
            name = config["NAME"]
            if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                return None
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return f"PostgreSQL skipped: cannot use {config['HOST']}:{config['PORT']} ({reason})."
    return None


def setup_django(postgres_url: str | None) -> None:
    """Django with the bench databases only: the SQLite file as "default", PostgreSQL as
    "postgres". DATABASE_URL is ignored so a run can never touch a real database."""
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "heard.settings"
    os.environ["HEARD_DEBUG"] = "true"
    os.environ.pop("DATABASE_URL", None)
    os.environ["HEARD_SQLITE_PATH"] = str(SQLITE_PATH)
    SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)

    import dj_database_url
    import django
    from django.conf import settings

    if postgres_url:
        settings.DATABASES["postgres"] = dj_database_url.parse(postgres_url)
    django.setup()
    # HEARD_DEBUG only supplies a secret key; the debug cursor would log every statement.
    settings.DEBUG = False


# --- The generated service ---------------------------------------------------------------------


@dataclass
class Response:
    """One prepared, scored response: the stored columns that depend on the answers."""

    answers: str  # JSON
    total: int | None
    severity: str
    caseness: bool | None
    complete: bool
    critical: str  # JSON
    detail: str  # JSON


@dataclass
class Service:
    """What was generated (or found) in one database."""

    assessments: int = 0
    clients: int = 0
    episodes: int = 0
    appointments: int = 0
    seconds: float | None = None  # None when the data was reused
    timings: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def marker(rows: int) -> str:
    return f"Bench service: {rows} assessments, generator {GENERATOR}, seed {SEED}"


def response_pool(rng: random.Random) -> dict[str, list[list[Response]]]:
    """For each measure, 31 severity levels (0.0 to 3.0 mean item score) of 48 scored
    responses each, some with a skipped item. Scoring a pool instead of every row keeps
    generating a million rows fast; scoring speed is measured separately."""
    from heard.instruments.registry import get_instrument
    from heard.instruments.scoring import score

    pool: dict[str, list[list[Response]]] = {}
    for measure in MEASURES:
        instrument = get_instrument(measure)
        levels = []
        for level in range(31):
            mean = level / 10
            responses = []
            for _ in range(48):
                values: list[int | None] = []
                for item in instrument.items:
                    top = item.max_value
                    # WHO-5 asks about wellbeing: the more severe, the lower the answer.
                    centre = top * (1 - mean / 3) if instrument.higher_is_better else mean
                    values.append(max(0, min(top, round(rng.gauss(centre, 0.7)))))
                if rng.random() < 0.02:
                    values[rng.randrange(len(values))] = None  # prefer not to answer
                result = score(measure, values)
                details = result.as_dict()
                for key in ("instrument", "total", "severity", "caseness", "critical", "complete"):
                    details.pop(key)
                responses.append(
                    Response(
                        answers=json.dumps({str(n): v for n, v in enumerate(values, start=1)}),
                        total=result.total,
                        severity=result.severity or "",
                        caseness=result.caseness,
                        complete=result.complete,
                        critical=json.dumps(list(result.critical)),
                        detail=json.dumps(details),
                    )
                )
            levels.append(responses)
        pool[measure] = levels
    return pool


ASSESSMENT_COLUMNS = (
    "public_id",
    "created_at",
    "updated_at",
    "client_id",
    "instrument",
    "instrument_version",
    "language",
    "status",
    "source",
    "entered_by_id",
    "schedule_id",
    "answers",
    "options",
    "started_at",
    "completed_at",
    "total",
    "severity",
    "caseness",
    "complete",
    "critical",
    "score_detail",
    "idempotency_key",
)
APPOINTMENT_COLUMNS = (
    "public_id",
    "created_at",
    "updated_at",
    "organization_id",
    "client_id",
    "clinician_id",
    "starts_at",
    "duration_minutes",
    "kind",
    "status",
)


def generate(alias: str, rows: int) -> Service:
    """Fill an empty, migrated database with a service of `rows` assessments."""
    from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX as UNUSABLE
    from django.db import connections, transaction

    from heard.accounts.models import Membership, Organization, Role, User
    from heard.appointments.models import Appointment, Episode
    from heard.instruments.models import Assessment
    from heard.instruments.registry import get_instrument

    started = time.perf_counter()
    rng = random.Random(SEED)
    pool = response_pool(rng)
    versions = {m: get_instrument(m).version for m in MEASURES}
    clients = max(1, rows // PER_CLIENT)
    connection = connections[alias]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            # For loading this throwaway file only: no fsync, and a 1 GiB page cache so the
            # random public_id index does not thrash. Timings use a new, default connection.
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA cache_size=-1048576")
    service = Service(assessments=rows, clients=clients)
    with transaction.atomic(using=alias):
        org = Organization.objects.using(alias).create(name=marker(rows), join_code="BENCH")
        staff = User.objects.using(alias).bulk_create(
            User(email=f"clinician{n}@bench.invalid", full_name=f"Clinician {n}", password=UNUSABLE)
            for n in range(max(1, clients // CLIENTS_PER_CLINICIAN))
        )
        people = User.objects.using(alias).bulk_create(
            (
                User(email=f"client{n}@bench.invalid", full_name=f"Client {n}", password=UNUSABLE)
                for n in range(clients)
            ),
            batch_size=2000,
        )
        Membership.objects.using(alias).bulk_create(
            (Membership(user=u, organization=org, role=Role.CLIENT) for u in people),
            batch_size=2000,
        )
        Membership.objects.using(alias).bulk_create(
            Membership(user=u, organization=org, role=Role.CLINICIAN) for u in staff
        )
        episodes: list[Episode] = []
        appointments: list[tuple[Any, ...]] = []
        assessments: list[tuple[Any, ...]] = []
        for n, person in enumerate(people):
            count = rows // clients + (1 if n < rows % clients else 0)
            clinician = staff[n // CLIENTS_PER_CLINICIAN % len(staff)]
            plan = _client(rng, person.pk, org.pk, clinician.pk, count, pool, versions)
            episodes.extend(plan.episodes)
            appointments.extend(plan.appointments)
            assessments.extend(plan.assessments)
        Episode.objects.using(alias).bulk_create(episodes, batch_size=2000)
        # In arrival order, as a live service stores them (ids rise with time across clients).
        appointments.sort(key=itemgetter(6))
        assessments.sort(key=itemgetter(13))
        insert(alias, Appointment, APPOINTMENT_COLUMNS, appointments)
        insert(alias, Assessment, ASSESSMENT_COLUMNS, assessments)
    with connection.cursor() as cursor:
        # Statistics for the planners, as autovacuum / a maintenance job would keep them.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    connection.close()
    service.episodes = len(episodes)
    service.appointments = len(appointments)
    service.seconds = time.perf_counter() - started
    return service


@dataclass
class ClientPlan:
    episodes: list[Any]
    appointments: list[tuple[Any, ...]]
    assessments: list[tuple[Any, ...]]


def _client(
    rng: random.Random,
    client_id: int,
    org_id: int,
    clinician_id: int,
    count: int,
    pool: dict[str, list[list[Response]]],
    versions: dict[str, str],
) -> ClientPlan:
    """One client's two years: one or two episodes of weekly sessions (some stopped early),
    PHQ-9 and GAD-7 at sessions, other answers at any time. Severity (mean item score, 0-3)
    changes during treatment, by course: most improve, some stay flat, a few get worse;
    between episodes it holds, and a second episode starts after a relapse."""
    from heard.appointments.models import Episode

    course = rng.choices(("improving", "flat", "worsening"), weights=(60, 28, 12))[0]
    severity = rng.uniform(1.1, 2.4)
    joined = START + timedelta(days=rng.uniform(0, 290))
    span = (END - joined).total_seconds()
    changes = [(joined, severity)]  # (time, severity); straight lines in between

    def level(when: datetime) -> int:
        """The severity at `when`, in tenths: which pool of responses to draw from."""
        at = bisect_right(changes, when, key=itemgetter(0))
        if at == len(changes):
            value = changes[-1][1]
        else:
            (t0, v0), (t1, v1) = changes[at - 1], changes[at]
            value = v0 + (v1 - v0) * (when - t0) / (t1 - t0)
        return max(0, min(30, round(value * 10)))

    episodes, appointments, sessions = [], [], []
    opened = joined
    for number in range(2 if rng.random() < 0.3 else 1):
        if opened >= END:
            break
        dropped = rng.random() < 0.15
        weeks = rng.randint(1, 3) if dropped else rng.randint(6, 20)
        closes = opened + timedelta(weeks=weeks, days=rng.randint(0, 6))
        still_open = closes > END
        if number:
            severity = min(3.0, severity + rng.uniform(0.4, 1.0))  # relapse
        change = {
            "improving": -rng.uniform(0.7, 1.6),
            "flat": rng.uniform(-0.3, 0.3),
            "worsening": rng.uniform(0.4, 1.0),
        }[course] * (0.3 if dropped else 1)
        changes.append((opened, severity))
        severity = max(0.0, min(3.0, severity + change))
        changes.append((closes, severity))
        episodes.append(
            Episode(
                organization_id=org_id,
                client_id=client_id,
                opened_at=opened,
                opened_by_id=clinician_id,
                closed_at=None if still_open else closes,
                closed_by_id=None if still_open else clinician_id,
                close_reason="" if still_open else "dropped_out" if dropped else "completed",
            )
        )
        for week in range(weeks + 1):
            when = opened + timedelta(weeks=week, hours=rng.randint(1, 8))
            if when > END:
                status = "scheduled"
            else:
                status = rng.choices(("attended", "did_not_attend", "cancelled"), (80, 10, 10))[0]
            kind = "assessment" if week == 0 else "treatment"
            appointments.append(
                (
                    _public_id(rng),
                    when,
                    when,
                    org_id,
                    client_id,
                    clinician_id,
                    when,
                    50,
                    kind,
                    status,
                )
            )
            if kind == "treatment" and status == "attended":
                sessions.append(when)
        opened = closes + timedelta(days=rng.randint(60, 240))

    rows = []
    # Session-by-session PHQ-9 and GAD-7 (as NHS Talking Therapies asks), then the rest at any
    # time: self-checks between sessions, WHO-5 wellbeing, follow-ups.
    at_sessions = sorted(rng.sample(sessions, min(len(sessions), int(count * 0.35))))
    for when in at_sessions:
        rows.append(("phq-9", when + timedelta(minutes=5)))
        rows.append(("gad-7", when + timedelta(minutes=9)))
    for _ in range(count - len(rows)):
        measure = rng.choices(MEASURES, (30, 30, 40))[0]
        rows.append((measure, joined + timedelta(seconds=rng.uniform(0, span))))
    assessments = []
    for measure, when in rows:
        response = rng.choice(pool[measure][level(when)])
        done = rng.random() >= 0.005  # a few still being answered
        assessments.append(
            (
                _public_id(rng),
                when,
                when,
                client_id,
                measure,
                versions[measure],
                "en",
                "completed" if done else "in_progress",
                "client",
                None,
                None,
                response.answers,
                "{}",
                when - timedelta(minutes=3),
                when if done else None,
                response.total if done else None,
                response.severity if done else "",
                response.caseness if done else None,
                response.complete and done,
                response.critical if done else "[]",
                response.detail if done else "{}",
                "",
            )
        )
    return ClientPlan(episodes, appointments, assessments)


def _public_id(rng: random.Random) -> uuid.UUID:
    """A version 4 UUID from the seeded generator: as random as uuid4, faster, repeatable."""
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def insert(
    alias: str, model: type[Model], columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Insert rows fast: COPY on PostgreSQL, one prepared statement on SQLite. Values are
    Python values with JSON already dumped; dates and UUIDs are adapted here the way Django
    stores them, so the ORM reads the rows back exactly as if it had written them."""
    from django.db import connections
    from django.db.models import DateTimeField, UUIDField

    connection = connections[alias]
    by_name = {f.attname: f for f in model._meta.concrete_fields}
    fields = [by_name[name] for name in columns]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(name) for name in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor  # psycopg's own cursor, for COPY
            with raw.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        # SQLite keeps datetimes and UUIDs as text. Django's per-value adapters cost more than
        # the insert itself, so convert directly, after checking that we agree with Django.
        dates = [i for i, f in enumerate(fields) if isinstance(f, DateTimeField)]
        uuids = [i for i, f in enumerate(fields) if isinstance(f, UUIDField)]
        for i in dates + uuids:
            value = rows[0][i] if rows else None
            if value is not None and _sqlite_text(value) != fields[i].get_db_prep_save(
                value, connection
            ):
                raise RuntimeError(f"{columns[i]}: stored differently from Django; fix insert().")
        placeholders = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {table} ({names}) VALUES ({placeholders})"  # noqa: S608 - our names
        for batch in _batches(rows, 20_000):
            prepared = []
            for row in batch:
                values = list(row)
                for i in dates + uuids:
                    if values[i] is not None:
                        values[i] = _sqlite_text(values[i])
                prepared.append(values)
            cursor.executemany(sql, prepared)


def _sqlite_text(value: datetime | uuid.UUID) -> str:
    """How Django stores an aware datetime (naive UTC, `str`) or a UUID (hex) in SQLite."""
    if isinstance(value, uuid.UUID):
        return value.hex
    return str(value.astimezone(UTC).replace(tzinfo=None))


def _batches(rows: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def prepare(database: str, rows: int, *, fresh: bool) -> Service:
    """Migrate the database, then reuse its service when it has `rows` assessments from this
    generator, or wipe and generate it."""
    from django.core.management import call_command
    from django.db import connections

    from heard.accounts.models import Organization, Role
    from heard.appointments.models import Appointment, Episode
    from heard.instruments.models import Assessment

    alias = ALIASES[database]
    call_command("migrate", database=alias, verbosity=0)
    org = Organization.objects.using(alias).filter(name=marker(rows)).first()
    if not fresh and org and Assessment.objects.using(alias).count() == rows:
        return Service(
            assessments=rows,
            clients=org.memberships.filter(role=Role.CLIENT).count(),
            episodes=Episode.objects.using(alias).count(),
            appointments=Appointment.objects.using(alias).count(),
        )
    if database == "sqlite":
        # A new file is quicker than deleting a million rows, and gives the space back.
        connections[alias].close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
        call_command("migrate", database=alias, verbosity=0)
    else:
        call_command("flush", database=alias, interactive=False, verbosity=0)
    return generate(alias, rows)


# --- Timing ------------------------------------------------------------------------------------


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    """Median wall time of `repeat` runs after one warm-up run."""
    run()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def scoring_rates(repeat: int) -> dict[str, float]:
    """Responses scored per second, per instrument: median of `repeat` runs over the same
    random valid responses. A draw the instrument refuses (for example PC-PTSD-5 symptom
    answers after "no" to the exposure question) is replaced by its valid form or dropped."""
    from heard.instruments.registry import all_instruments
    from heard.instruments.scoring import AnswerError, score

    rng = random.Random(SEED)
    rates = {}
    for instrument in all_instruments():
        responses: list[list[int | None]] = []
        while len(responses) < SCORING_RESPONSES:
            values: list[int | None] = [rng.choice(item.options).value for item in instrument.items]
            gate = instrument.gate
            if gate is not None and values[gate.item - 1] == gate.closed_when:
                values = [v if n == gate.item else None for n, v in enumerate(values, start=1)]
            try:
                score(instrument.id, values)
            except AnswerError:
                continue
            responses.append(values)

        def run(instrument_id: str = instrument.id, batch: Sequence[Any] = responses) -> None:
            for values in batch:
                score(instrument_id, values)

        rates[instrument.id] = SCORING_RESPONSES / median_seconds(run, repeat)
    return rates


def window_trajectories(assessments: QuerySet[Assessment]) -> dict[tuple[int, str], Trajectory]:
    """The alternative `bulk.trajectories` was measured against: window functions number each
    (client, instrument) group's rows and carry its last total and size onto its first row,
    so the database sends one row per group instead of every assessment. Its fastest form:
    one window for all three functions (SQLite sorts once per distinct window) and a unary
    plus on client_id (a full scan and one sort beat walking the index, as in bulk)."""
    from django.db.models import Count, F, Func, IntegerField, RowRange, Window
    from django.db.models.functions import LastValue, RowNumber

    from heard.instruments.bulk import _trajectory  # the same maths, cached the same way

    # Not `client_id + 0`: each copy would get its own parameter, and SQLite would no
    # longer see the three windows as one.
    client = Func(F("client_id"), template="+%(expressions)s", output_field=IntegerField())

    def over_group(function: Func) -> Window:
        return Window(
            function,
            partition_by=[client, F("instrument")],
            order_by=[F("completed_at").asc(), F("pk").asc()],
            frame=RowRange(start=None, end=None),  # the whole group, for LAST_VALUE
        )

    rows = cast(
        "Iterable[tuple[int, str, int, int, int]]",  # scored rows only: no None totals
        assessments.filter(total__isnull=False)
        .annotate(
            position=over_group(RowNumber()),
            last_total=over_group(LastValue("total")),
            scored=over_group(Count("pk")),
        )
        .filter(position=1)
        .order_by()
        .values_list("client_id", "instrument", "total", "last_total", "scored"),
    )
    return {
        (client_id, instrument): _trajectory(instrument, first, last, scored)
        for client_id, instrument, first, last, scored in rows
    }


def sample_trajectories(alias: str, groups: int) -> float:
    """Seconds the per-client page code would take for every (client, instrument): one query
    per pair as a client's charts do, timed on SAMPLE clients and scaled up."""
    from heard.instruments.change import trajectory_summary
    from heard.instruments.models import Assessment

    assessments = Assessment.objects.using(alias)
    clients = list(assessments.values_list("client_id", flat=True).distinct()[:SAMPLE])
    pairs = [(c, m) for c in clients for m in MEASURES]

    def run() -> None:
        for client_id, measure in pairs:
            totals = (
                assessments.filter(client_id=client_id, instrument=measure, total__isnull=False)
                .order_by("completed_at", "pk")
                .values_list("total", flat=True)
            )
            trajectory_summary(measure, list(totals))

    return median_seconds(run, 1) / len(pairs) * groups


def sample_episodes(alias: str, episodes: int) -> float:
    """Seconds `trends.episode_summary`, one episode at a time, would take for every
    episode: timed on SAMPLE episodes and scaled up."""
    from heard.appointments.models import Episode
    from heard.instruments.trends import episode_summary

    sample = list(Episode.objects.using(alias).order_by("pk")[:SAMPLE])

    def run() -> None:
        for episode in sample:
            episode_summary(episode, now=END)

    return median_seconds(run, 1) / len(sample) * episodes


@contextmanager
def default_database(alias: str) -> Iterator[None]:
    """Point the "default" connection at `alias` for a while: the per-client page code reads
    the default database."""
    from django.db import connections

    default = connections["default"]
    connections["default"] = connections[alias]
    try:
        yield
    finally:
        connections["default"] = default


def measure(database: str, service: Service, repeat: int) -> None:
    """Time the set-based functions, and the alternatives, on one database."""
    from heard.appointments.models import Episode
    from heard.instruments import bulk
    from heard.instruments.models import Assessment

    alias = ALIASES[database]
    assessments = Assessment.objects.using(alias).all()
    episodes = Episode.objects.using(alias).all()
    streamed = bulk.trajectories(assessments)
    groups = len(streamed)
    if window_trajectories(assessments) != streamed:
        service.notes.append("window-function and streamed trajectories differ!")
    timings = service.timings
    timings["trajectories"] = median_seconds(lambda: bulk.trajectories(assessments), repeat)
    timings["window"] = median_seconds(lambda: window_trajectories(assessments), repeat)
    timings["episode_outcomes"] = median_seconds(
        lambda: bulk.episode_outcomes(episodes, now=END), repeat
    )
    with default_database(alias):
        timings["per-client trajectories"] = sample_trajectories(alias, groups)
        timings["per-episode summaries"] = sample_episodes(alias, service.episodes)
    service.notes.append(f"{groups:,} client-instrument trajectories")
    labels = Counter(
        o.label or "not assessed" for o in bulk.episode_outcomes(episodes, now=END).values()
    )
    service.notes.append(
        "episode outcomes: "
        + ", ".join(f"{label} {n / service.episodes:.0%}" for label, n in labels.most_common())
    )


# --- Report ------------------------------------------------------------------------------------


def machine_facts(databases: Iterable[str]) -> list[tuple[str, str]]:
    import django
    from django.db import connections

    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text(encoding="utf-8").split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    facts = [
        ("Machine", f"{os.cpu_count()} CPUs ({cpu}){memory}; load {_load()}"),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("Django", django.get_version()),
        ("SQLite", sqlite3.sqlite_version),
    ]
    if "postgres" in databases:
        with connections["postgres"].cursor() as cursor:
            settings = []
            for name in ("server_version", "shared_buffers", "work_mem"):
                cursor.execute(f"SHOW {name}")
                settings.append(cursor.fetchone()[0])
        facts.append(
            ("PostgreSQL", f"{settings[0]} (shared_buffers {settings[1]}, work_mem {settings[2]})")
        )
    return facts


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.1f} (1 min), {five:.1f} (5 min)"


def report(
    rows: int,
    rates: dict[str, float],
    services: dict[str, Service],
    facts: list[tuple[str, str]],
    notes: list[str],
) -> None:
    print()
    for name, value in facts:
        print(f"{name + ':':<12}{value}")
    print()
    print(f"Scoring, pure function ({SCORING_RESPONSES:,} random valid responses, median)")
    print(f"  {'instrument':<12}{'responses/s':>14}{'µs each':>10}")
    for instrument_id, rate in rates.items():
        print(f"  {instrument_id:<12}{rate:>14,.0f}{1e6 / rate:>10.1f}")
    if not services:
        for note in notes:
            print(note)
        return
    print()
    names = list(services)
    width = 14
    print(f"{rows:,} stored assessments" + "".join(f"{LABELS[n]:>{width}}" for n in names))

    def line(label: str, values: Iterable[str]) -> None:
        print(f"  {label:<40}" + "".join(f"{v:>{width}}" for v in values))

    line("clients", (f"{services[n].clients:,}" for n in names))
    line("episodes", (f"{services[n].episodes:,}" for n in names))
    line("appointments", (f"{services[n].appointments:,}" for n in names))
    line(
        "generate + insert (s)",
        ("reused" if s.seconds is None else f"{s.seconds:.1f}" for s in services.values()),
    )
    rows_of = (
        ("trajectories: streamed pass (s)", "trajectories"),
        ("  window functions, for comparison (s)", "window"),
        ("  per-client queries, extrapolated (s)", "per-client trajectories"),
        ("episode_outcomes: subqueries (s)", "episode_outcomes"),
        ("  per-episode summaries, extrapolated (s)", "per-episode summaries"),
    )
    for label, key in rows_of:
        line(label, (f"{services[n].timings[key]:.2f}" for n in names))
    for name, service in services.items():
        for note in service.notes:
            notes.append(f"{LABELS[name]}: {note}")
    if notes:
        print()
        for note in notes:
            print(note)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=1_000_000, help="stored assessments")
    parser.add_argument("--database", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--fresh", action="store_true", help="rebuild the data even if it fits")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per figure (median)")
    args = parser.parse_args(argv)
    if args.rows < 1:
        parser.error("--rows must be at least 1")

    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    notes = []
    url = os.environ.get("HEARD_BENCH_DATABASE_URL", POSTGRES_URL)
    if "postgres" in databases:
        note = postgres_note(url)
        if note:
            notes.append(note)
            print(note)
            databases.remove("postgres")
    setup_django(url if "postgres" in databases else None)

    runs = max(args.repeat, 5)
    print(f"Scoring every instrument ({SCORING_RESPONSES:,} responses, {runs} timed runs)…")
    rates = scoring_rates(runs)
    services = {}
    for database in databases:
        print(f"{LABELS[database]}: preparing {args.rows:,} assessments…", flush=True)
        service = prepare(database, args.rows, fresh=args.fresh)
        if service.seconds is not None:
            print(f"  generated in {service.seconds:.1f} s", flush=True)
        print(f"{LABELS[database]}: timing…", flush=True)
        measure(database, service, args.repeat)
        services[database] = service
    report(args.rows, rates, services, machine_facts(databases), notes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
