"""Benchmark: the caseload page and the service report over a large service.

    .venv/bin/python bench/reports.py [--clients 100000] [--assessments 2000000]
                                      [--database sqlite|postgres] [--repeat 5] [--reuse]

Generates a service (bench/scoring.py's generator: one or two episodes of weekly sessions per
client over two years, PHQ-9, GAD-7 and WHO-5 improving, flat or worsening; here with
--assessments / --clients assessments per client), gives every client a clinician (40 each,
except one clinician with 60), a supervisor for ten clinicians and an organization admin, then
times, as server time in this process (Django's test client: middleware, view, template; no
network):

* the caseload page (`people:caseload`) of the clinician with 60 clients;
* the service report page (`outcomes:report`) over the last 12 months: the whole service by
  program (organization admin), by month (supervisor) and the supervisor's team by clinician;
* `outcomes.services.service_report` alone (queries and rules, no page).

Each figure is the median and the 95th percentile of --repeat runs after one warm-up.
Targets (issue 7): caseload under 150 ms, service report under 3 s.

Databases are its own, never the ones in the environment: a SQLite file at
var/bench/reports.sqlite3 (rebuilt each run), or with --database postgres the PostgreSQL
database named by HEARD_BENCH_DATABASE_URL, else DATABASE_URL when it names a PostgreSQL
server with a database name ending in "bench" or "_bench_reports", else
postgres://heard:heard@127.0.0.1:5432/heard_bench_reports (dropped and created each run).

--reuse keeps that database when it already holds the generated service of the requested size
(the bench clinician, supervisor and admin and that many clients; migrations are still
applied) and times it without generating again: about 10 minutes saved at full size, for
iterating on speed. Without a usable service it generates as usual. The generated data holds
no encrypted text, so a reused database reads the same under any key.
bench/README.md has the last figures.
"""

from __future__ import annotations

import argparse
import base64
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import checkins as checkins_bench  # noqa: E402 - bench/checkins.py, for its PostgreSQL setup
import scoring  # noqa: E402 - bench/scoring.py, for its generator

SQLITE_PATH = ROOT / "var" / "bench" / "reports.sqlite3"
POSTGRES_URL = "postgres://heard:heard@127.0.0.1:5432/heard_bench_reports"
CASELOAD_SIZE = 60
TEAM_SIZE = 10


def postgres_url() -> str:
    url = os.environ.get("HEARD_BENCH_DATABASE_URL")
    if url:
        return url
    env = os.environ.get("DATABASE_URL", "")
    if env.startswith(("postgres://", "postgresql://")) and env.rsplit("/", 1)[-1].endswith(
        ("bench", "_bench_reports")
    ):
        return env
    return POSTGRES_URL


def setup_django(database: str, *, reuse: bool = False) -> None:
    """Settings for the bench database, migrated; a new, empty one unless `reuse`."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "heard.settings"
    os.environ["HEARD_DEBUG"] = "true"
    os.environ.pop("DATABASE_URL", None)
    os.environ["HEARD_ENCRYPTION_KEYS"] = "b1:" + base64.b64encode(os.urandom(32)).decode()
    os.environ["HEARD_HTTPS"] = "false"
    if database == "postgres":
        os.environ["DATABASE_URL"] = postgres_url()
    else:
        SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
        os.environ["HEARD_SQLITE_PATH"] = str(SQLITE_PATH)
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.SECURE_SSL_REDIRECT = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    if reuse and (database == "sqlite" or _postgres_database_exists(postgres_url())):
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    else:
        fresh_database()


def fresh_database() -> None:
    """Drop the bench database and create it again, migrated and empty."""
    from django.core.management import call_command
    from django.db import connection

    connection.close()
    if connection.vendor == "postgresql":
        checkins_bench._create_postgres_database(postgres_url())
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
    call_command("migrate", verbosity=0)


def _postgres_database_exists(url: str) -> bool:
    import dj_database_url
    import psycopg

    cfg = dj_database_url.parse(url)
    with psycopg.connect(
        host=cfg["HOST"],
        port=cfg["PORT"] or 5432,
        user=cfg["USER"],
        password=cfg["PASSWORD"],
        dbname="postgres",
    ) as admin:
        found = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [cfg["NAME"]])
        return found.fetchone() is not None


def _facts(started: float) -> dict[str, Any]:
    """What the report prints about the service, and the three bench staff."""
    from heard.accounts.models import Membership, Role, User
    from heard.appointments.models import Appointment, Episode
    from heard.instruments.models import Assessment

    return {
        "clients": Membership.objects.filter(role=Role.CLIENT).count(),
        "clinicians": Membership.objects.filter(role=Role.CLINICIAN).count(),
        "assessments": Assessment.objects.count(),
        "episodes": Episode.objects.count(),
        "appointments": Appointment.objects.count(),
        "seconds": time.perf_counter() - started,
        "dana": User.objects.get(email="dana@bench.invalid"),
        "sam": User.objects.get(email="sam@bench.invalid"),
        "olive": User.objects.get(email="olive@bench.invalid"),
    }


def reusable(clients: int, assessments: int) -> dict[str, Any] | None:
    """The facts of a service generated earlier with these sizes, or None (--reuse)."""
    from heard.accounts.models import User

    if not User.objects.filter(email="olive@bench.invalid").exists():
        return None
    facts = _facts(time.perf_counter())
    # As generate() sizes it: bench/scoring.py makes assessments // PER_CLIENT clients.
    expected_clients = max(1, assessments // max(1, assessments // clients))
    if facts["clients"] != expected_clients or facts["assessments"] != assessments:
        return None
    facts["seconds"] = None
    return facts


def generate(clients: int, assessments: int) -> dict[str, Any]:
    """The service, then care assignments, a 60-client clinician, a supervisor and an admin."""
    from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX as UNUSABLE
    from django.db import connection, transaction

    from heard.accounts.models import Membership, Organization, Role, User
    from heard.people.models import CareAssignment

    scoring.PER_CLIENT = max(1, assessments // clients)
    started = time.perf_counter()
    print(
        f"Generating {clients:,} clients and {assessments:,} assessments "
        f"(bench/scoring.py's generator; a few minutes at full size)…",
        flush=True,
    )
    scoring.generate("default", assessments)
    print(f"  service generated in {time.perf_counter() - started:.1f} s", flush=True)
    org = Organization.objects.get()
    client_ids = list(
        Membership.objects.filter(role=Role.CLIENT)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )
    staff = list(
        Membership.objects.filter(role=Role.CLINICIAN)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )
    with transaction.atomic():
        mine = User.objects.create(
            email="dana@bench.invalid", full_name="Dana Bench", password=UNUSABLE
        )
        sam = User.objects.create(
            email="sam@bench.invalid", full_name="Sam Bench", password=UNUSABLE
        )
        olive = User.objects.create(
            email="olive@bench.invalid", full_name="Olive Bench", password=UNUSABLE
        )
        supervision = Membership.objects.create(user=sam, organization=org, role=Role.SUPERVISOR)
        Membership.objects.create(user=olive, organization=org, role=Role.ORG_ADMIN)
        Membership.objects.create(
            user=mine, organization=org, role=Role.CLINICIAN, supervisor=supervision
        )
        Membership.objects.filter(role=Role.CLINICIAN, user_id__in=staff[: TEAM_SIZE - 1]).update(
            supervisor=supervision
        )
        print(f"  care assignments for {len(client_ids):,} clients…", flush=True)
        CareAssignment.objects.bulk_create(
            (
                CareAssignment(
                    organization=org,
                    client_id=client_id,
                    clinician_id=mine.pk
                    if n < CASELOAD_SIZE
                    else staff[n // scoring.CLIENTS_PER_CLINICIAN % len(staff)],
                    active_from=scoring.START,
                )
                for n, client_id in enumerate(client_ids)
            ),
            batch_size=5000,
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    facts = _facts(started)
    print(f"  ready in {facts['seconds']:.1f} s", flush=True)
    return facts


def timed(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and 95th percentile in seconds of `repeat` runs after one warm-up."""
    run()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    times.sort()
    p95 = times[min(len(times) - 1, max(0, round(0.95 * len(times) + 0.5) - 1))]
    return statistics.median(times), p95


def get(client: Any, url: str, data: dict[str, str] | None = None) -> Callable[[], object]:
    def run() -> object:
        response = client.get(url, data or {})
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code} {response.content[:300]!r}")
        return response

    return run


def measure(facts: dict[str, Any], repeat: int) -> list[tuple[str, float, float]]:
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from heard.outcomes import access, services
    from heard.testing.base import sign_in

    dana = sign_in(Client(), facts["dana"])
    sam = sign_in(Client(), facts["sam"])
    olive = sign_in(Client(), facts["olive"])
    report = reverse("outcomes:report")
    today = timezone.localdate()
    scope = access.report_scope(facts["olive"])
    twelve = {"period": "12"}
    rows = []
    plan: list[tuple[str, Callable[[], object], int]] = [
        (
            f"caseload page, clinician with {CASELOAD_SIZE} clients",
            get(dana, reverse("people:caseload")),
            max(repeat, 20),
        ),
        (
            "report page, whole service by program (admin)",
            get(olive, report, {**twelve, "group_by": "program"}),
            repeat,
        ),
        (
            "report page, whole service by month (supervisor)",
            get(sam, report, {**twelve, "group_by": "month"}),
            repeat,
        ),
        (
            f"report page, team of {TEAM_SIZE} by clinician",
            get(sam, report, {**twelve, "group_by": "clinician"}),
            repeat,
        ),
        (
            "report page, whole service, all 2 years, by quarter",
            get(
                olive,
                report,
                {
                    "period": "custom",
                    "start": (today - timedelta(days=800)).isoformat(),
                    "end": today.isoformat(),
                    "group_by": "quarter",
                },
            ),
            repeat,
        ),
        (
            "service_report() alone, whole service",
            lambda: services.service_report(
                None, scope, start=today - timedelta(days=365), end=today, group_by="program"
            ),
            repeat,
        ),
    ]
    for label, run, runs in plan:
        print(f"  timing: {label} ({runs} runs)…", flush=True)
        median, p95 = timed(run, runs)
        rows.append((label, median, p95))
    report_rows = services.service_report(
        None, scope, start=today - timedelta(days=365), end=today, group_by="program"
    )
    facts["ended_in_12_months"] = report_rows.total.episodes
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--assessments", type=int, default=2_000_000)
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per figure")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the database and skip generation when it holds this service already",
    )
    args = parser.parse_args(argv)
    if args.clients < CASELOAD_SIZE or args.assessments < args.clients:
        parser.error(f"--clients must be at least {CASELOAD_SIZE}, and --assessments at least that")
    setup_django(args.database, reuse=args.reuse)
    facts = reusable(args.clients, args.assessments) if args.reuse else None
    if facts is None:
        if args.reuse:
            fresh_database()  # it held something else: start again
        facts = generate(args.clients, args.assessments)
    else:
        print("Reusing the service generated earlier (--reuse).", flush=True)
    print("Timing…", flush=True)
    rows = measure(facts, args.repeat)
    from django.db import connection

    print()
    if connection.vendor == "sqlite":
        version = f"SQLite {connection.Database.sqlite_version}"
    else:
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = f"PostgreSQL {cursor.fetchone()[0]}"
    load = os.getloadavg()[0]
    print(f"Database:   {version}")
    print(f"Machine:    {os.cpu_count()} CPUs, load {load:.1f} (1 min)")
    print(f"Python:     {platform.python_version()}")
    print(
        f"Service:    {facts['clients']:,} clients, {facts['clinicians']:,} clinicians, "
        f"{facts['assessments']:,} assessments, {facts['episodes']:,} episodes "
        f"({facts['ended_in_12_months']:,} ended in the last 12 months), "
        f"{facts['appointments']:,} appointments; "
        + (
            "generated earlier (--reuse)"
            if facts["seconds"] is None
            else f"generated in {facts['seconds']:.0f} s"
        )
    )
    print(f"{'':52} {'median':>9} {'p95':>9}")
    for label, median, p95 in rows:
        print(f"  {label:50} {median * 1000:7.0f}ms {p95 * 1000:7.0f}ms")
    print("Targets: caseload page under 150 ms; service report under 3 s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
