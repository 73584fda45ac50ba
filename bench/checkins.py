"""Benchmark: recording check-ins, and insights over three years of daily check-ins.

    .venv/bin/python bench/checkins.py [--database sqlite|postgres] [--records 300] [--repeat 5]

Prints:

* check-ins recorded per second through the service layer (`checkins.services.record_checkin`,
  with and without a note; a note is screened for safety, as in the app);
* check-ins recorded per second through HTTP: the check-in page (`POST /me/checkin/`, the
  whole middleware stack and the redirect) and the API (`POST /api/v1/checkins`), with
  Django's test client in this process (no network, no server);
* insights for a client with three years of daily check-ins (1,096 days, some days twice):
  the computation alone (`insights.days` + `charts.insights_context`) per period, and the
  whole `GET /me/insights/` page (load, compute, render) per period. Median of --repeat runs.

It sets Django up with its own database, never DATABASE_URL: a SQLite file at
var/bench/checkins.sqlite3 (rebuilt on each run), or the PostgreSQL database named by
HEARD_BENCH_DATABASE_URL (default postgres://heard:heard@127.0.0.1:5432/heard_bench_checkins).
bench/README.md has the last figures.
"""

from __future__ import annotations

import argparse
import base64
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SQLITE_PATH = ROOT / "var" / "bench" / "checkins.sqlite3"
POSTGRES_URL = "postgres://heard:heard@127.0.0.1:5432/heard_bench_checkins"
SEED = 20261123
PASSWORD = "bench-" + "password-1"  # throwaway accounts in a throwaway database
DAYS = 1096
NOTES = [
    "Long day at work, but I got outside for a walk at lunch.",
    "Felt a bit on edge this morning. Talking to my sister helped.",
    "Slept badly and I'm so tired. Going to bed early tonight.",
    "Quiet day. Read a book and made soup.",
    "Stressed about money again, wrote a list and it feels smaller now.",
]


def setup_django(database: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "heard.settings"
    os.environ["HEARD_DEBUG"] = "true"
    os.environ.pop("DATABASE_URL", None)
    # A throwaway key for the throwaway data (encrypted columns need one).
    os.environ["HEARD_ENCRYPTION_KEYS"] = "b1:" + base64.b64encode(os.urandom(32)).decode()
    os.environ["HEARD_HTTPS"] = "false"
    if database == "postgres":
        os.environ["DATABASE_URL"] = os.environ.get("HEARD_BENCH_DATABASE_URL", POSTGRES_URL)
        _create_postgres_database(os.environ["DATABASE_URL"])
    else:
        SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
        os.environ["HEARD_SQLITE_PATH"] = str(SQLITE_PATH)
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False  # the debug cursor would keep every statement
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.SECURE_SSL_REDIRECT = False
    # Pages render without a collectstatic run (no hashed-name manifest needed).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _create_postgres_database(url: str) -> None:
    import dj_database_url
    import psycopg
    from psycopg import sql

    cfg = dj_database_url.parse(url)
    admin = psycopg.connect(
        host=cfg["HOST"],
        port=cfg["PORT"] or 5432,
        user=cfg["USER"],
        password=cfg["PASSWORD"],
        dbname="postgres",
        autocommit=True,
    )
    with admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(cfg["NAME"])))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(cfg["NAME"])))


def person(email: str) -> Any:
    from heard.accounts import services as accounts
    from heard.accounts.models import Organization, Role

    org = Organization.objects.first() or accounts.create_organization(
        None, name="Bench", region="US"
    )
    user = accounts.create_account(email=email, password=PASSWORD, full_name="Bench")
    accounts.add_membership(None, user=user, organization=org, role=Role.CLIENT)
    return user


def expect(response: Any, status: int) -> None:
    if response.status_code != status:
        raise SystemExit(
            f"expected {status}, got {response.status_code}: {response.content[:300]!r}"
        )


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:,.0f}/s ({seconds / n * 1000:.2f} ms each)"


def time_service(records: int) -> None:
    from heard.checkins import services
    from heard.checkins.rules import Values

    rng = random.Random(SEED)
    for label, with_note in (("service, no note", False), ("service, with a screened note", True)):
        client = person(f"service-{with_note}@example.org")
        start = time.perf_counter()
        for i in range(records):
            values = Values(
                mood=rng.randint(0, 10),
                feelings=("calm",),
                sleep_hours=Decimal("7.5"),
                stress=rng.randint(0, 10),
                note=NOTES[i % len(NOTES)] if with_note else "",
            )
            services.record_checkin(client, client=client, values=values)
        print(f"  {label:<40} {rate(records, time.perf_counter() - start)}")


def time_http(records: int) -> None:
    import json

    from django.test import Client

    for label, path in (
        ("HTTP page POST /me/checkin/", "page"),
        ("HTTP API POST /api/v1/checkins", "api"),
    ):
        user = person(f"http-{path}@example.org")
        browser = Client()
        browser.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        start = time.perf_counter()
        for i in range(records):
            if path == "page":
                response = browser.post("/me/checkin/", {"mood": str(i % 11), "note": NOTES[i % 5]})
                expect(response, 302)
            else:
                body = json.dumps({"mood": i % 11, "note": NOTES[i % 5]})
                response = browser.post("/api/v1/checkins", body, content_type="application/json")
                expect(response, 201)
        print(f"  {label:<40} {rate(records, time.perf_counter() - start)}")


def three_years(client: Any) -> int:
    """Daily check-ins for 1,096 days (a second one on about a third of days), bulk-inserted."""
    from heard.checkins.models import CheckIn

    rng = random.Random(SEED)
    end = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)
    rows = []
    for day in range(DAYS):
        for extra in range(1 + (rng.random() < 0.33)):
            sleep = rng.choice([5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5, 9])
            rows.append(
                CheckIn(
                    client=client,
                    at=end - timedelta(days=day, hours=extra * 9),
                    mood=max(0, min(10, round(rng.gauss(4 + (sleep - 6), 1.5)))),
                    feelings=rng.sample(["calm", "tired", "anxious", "hopeful", "sad"], 2),
                    sleep_hours=Decimal(str(sleep)),
                    sleep_quality=rng.randint(1, 5),
                    movement_minutes=rng.choice([0, 10, 20, 30, 45, 60]),
                    connection=rng.randint(0, 4),
                    stress=rng.randint(0, 10),
                )
            )
    CheckIn.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def median_ms(fn: Callable[[], object], repeat: int) -> str:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return f"{statistics.median(times):7.1f} ms (min {min(times):.1f}, max {max(times):.1f})"


def time_insights(repeat: int) -> None:
    from django.test import Client
    from django.utils import timezone

    from heard.accounts.middleware import zone_of
    from heard.checkins import access, export
    from heard.checkins.charts import insights_context
    from heard.checkins.insights import days

    client = person("three-years@example.org")
    client.time_zone = "America/Chicago"
    client.save()
    count = three_years(client)
    print(f"  three years: {count:,} check-ins over {DAYS:,} days")
    zone = zone_of(client)
    today = timezone.now().astimezone(zone).date()
    points = export.points(access.own_checkins(client))
    print(
        f"  {'load rows + make points':<40} "
        + median_ms(
            lambda: export.points(access.own_checkins(client)),
            repeat,
        )
    )
    grouped = days(points, zone)
    print(
        f"  {'insights.days (group by local day)':<40} "
        + median_ms(lambda: days(points, zone), repeat)
    )
    for period in ("week", "month", "all"):
        label = f"insights_context, period={period}"
        print(
            f"  {label:<40} "
            + median_ms(lambda p=period: insights_context(grouped, period=p, today=today), repeat)
        )
    browser = Client()
    browser.force_login(client, backend="django.contrib.auth.backends.ModelBackend")
    for period in ("week", "month", "all"):

        def page(p: str = period) -> None:
            response = browser.get("/me/insights/", {"period": p})
            expect(response, 200)

        label = f"GET /me/insights/?period={period}"
        print(f"  {label:<40} " + median_ms(page, repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--records", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    setup_django(args.database)
    import django
    from django.db import connection

    print(
        f"Heard check-ins bench — {args.database} ({connection.vendor}), Python "
        f"{platform.python_version()}, Django {django.get_version()}, {os.cpu_count()} CPUs, "
        f"load {os.getloadavg()[0]:.2f}"
    )
    print("Recording:")
    time_service(args.records)
    time_http(args.records)
    print(f"Insights (median of {args.repeat}):")
    time_insights(args.repeat)


if __name__ == "__main__":
    main()
