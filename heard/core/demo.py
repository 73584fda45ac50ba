"""Demo data for `heard demo`: one clinic, its staff and thirty clients, built through services.

Loading is idempotent: a second run finds everything in place and changes nothing. Every demo
email ends in DEMO_EMAIL_DOMAIN, and `heard democode` refuses any other address.
"""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Protocol

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from heard.accounts import services as accounts
from heard.accounts.models import Membership, Organization, Role, User
from heard.appointments import services as appointments
from heard.appointments.models import Appointment, Episode
from heard.checkins import services as checkins
from heard.checkins.models import CheckIn
from heard.checkins.rules import Values as CheckInValues
from heard.core.demo_care import load_care_demo
from heard.instruments import services as measures
from heard.instruments.models import Assessment, AssessmentSource, AssessmentStatus
from heard.instruments.registry import get_instrument
from heard.instruments.scoring import score
from heard.journal import services as journal
from heard.milestones import services as milestones
from heard.people import services as people
from heard.people.models import CareAssignment, Category
from heard.safety import plan_rules, plan_services
from heard.safety import services as safety
from heard.safety.models import ContactRequest, SafetyPlan

DEMO_ORG_NAME = "Riverside Counselling"
DEMO_REGION = "US"
DEMO_EMAIL_DOMAIN = "@demo.heard.test"
DEMO_PASSWORD = "heard-demo-2026"  # noqa: S105 - printed to the person running the demo


class Writer(Protocol):
    """Anything with write(str): a text stream, or a management command's stdout/stderr."""

    def write(self, text: str, /) -> object: ...


@dataclass(frozen=True)
class DemoPerson:
    full_name: str
    preferred_name: str = ""

    @property
    def email(self) -> str:
        return demo_email(self.full_name)


SUPERVISOR = DemoPerson("Dr. Adaeze Okafor", "Adaeze")
CLINICIANS = (
    DemoPerson("Maya Chen"),
    DemoPerson("Luis Ortega"),
    DemoPerson("Priya Raman"),
)
FACILITATOR = DemoPerson("Jordan Reyes")
ORG_ADMIN = DemoPerson("Olivia Bennett")

CLIENTS = (
    DemoPerson("Aaliyah Johnson"),
    DemoPerson("Mateo Hernández"),
    DemoPerson("Sofia Rossi"),
    DemoPerson("Kenji Tanaka"),
    DemoPerson("Amara Nwosu"),
    DemoPerson("Liam O'Brien"),
    DemoPerson("Fatima Al-Sayed"),
    DemoPerson("Noah Goldberg"),
    DemoPerson("Zoe Papadopoulos"),
    DemoPerson("Ethan Kowalski"),
    DemoPerson("Leilani Kahale"),
    DemoPerson("Omar Haddad"),
    DemoPerson("Grace Kim"),
    DemoPerson("Diego Morales"),
    DemoPerson("Hannah Schmidt"),
    DemoPerson("Tariq Rahman"),
    DemoPerson("Mei Wong"),
    DemoPerson("Isabella Costa"),
    DemoPerson("Samuel Mensah"),
    DemoPerson("Ava Thompson"),
    DemoPerson("Arjun Patel"),
    DemoPerson("Nia Williams"),
    DemoPerson("Lucas Moreau"),
    DemoPerson("Alexander Petrov", "Sasha"),
    DemoPerson("Elijah Brooks"),
    DemoPerson("Camila Torres"),
    DemoPerson("Aisha Bello"),
    DemoPerson("Ryan Nakamura"),
    DemoPerson("Katherine Murphy", "Kate"),
    DemoPerson("Ingrid Larsen"),
)


def demo_email(full_name: str) -> str:
    """`<firstname>@demo.heard.test`, ASCII only ("Dr. Adaeze Okafor" → adaeze@…)."""
    words = [w for w in full_name.split() if not w.endswith(".")]
    ascii_name = unicodedata.normalize("NFKD", words[0]).encode("ascii", "ignore").decode()
    return "".join(c for c in ascii_name.lower() if c.isalnum()) + DEMO_EMAIL_DOMAIN


def is_demo_email(email: str) -> bool:
    return email.strip().lower().endswith(DEMO_EMAIL_DOMAIN)


def demo_totp_key(email: str) -> str:
    """A 20-byte hex TOTP key derived from the email and SECRET_KEY, so reloading the demo
    (even into a fresh database) keeps any authenticator app that was already set up."""
    return (
        salted_hmac("heard.core.demo.totp", email.lower(), algorithm="sha256").digest()[:20].hex()
    )


def totp_for(device: TOTPDevice) -> TOTP:
    """The device's TOTP generator, set to the current time."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return totp


def format_token(totp: TOTP, digits: int) -> str:
    return f"{totp.token():0{digits}d}"


@dataclass(frozen=True)
class Login:
    role: str
    name: str
    email: str
    needs_code: bool


@dataclass
class DemoSummary:
    organization: Organization
    password: str
    logins: list[Login] = field(default_factory=list)
    changes: int = 0

    @property
    def already_loaded(self) -> bool:
        return self.changes == 0


class _Loader:
    def __init__(self) -> None:
        self.changes = 0

    def organization(self) -> Organization:
        org = Organization.objects.filter(name=DEMO_ORG_NAME).order_by("pk").first()
        if org is None:
            org = accounts.create_organization(
                None, name=DEMO_ORG_NAME, kind=Organization.Kind.CLINIC, region=DEMO_REGION
            )
            self.changes += 1
        return org

    def account(self, person: DemoPerson) -> User:
        user = User.objects.filter(email__iexact=person.email).first()
        if user is None:
            user = accounts.create_account(
                email=person.email,
                password=DEMO_PASSWORD,
                full_name=person.full_name,
                preferred_name=person.preferred_name,
            )
            self.changes += 1
        return user

    def member(
        self,
        person: DemoPerson,
        org: Organization,
        role: str,
        supervisor: Membership | None = None,
    ) -> tuple[User, Membership]:
        user = self.account(person)
        membership = Membership.objects.filter(user=user, organization=org, role=role).first()
        if (
            membership is None
            or not membership.is_active
            or (supervisor is not None and membership.supervisor_id != supervisor.pk)
        ):
            membership = accounts.add_membership(
                None, user=user, organization=org, role=role, supervisor=supervisor
            )
            self.changes += 1
        if role != Role.CLIENT:
            self.authenticator(user)
        return user, membership

    def authenticator(self, user: User) -> None:
        """Staff must use a second factor: give each a confirmed authenticator whose codes
        `heard democode EMAIL` prints, set up through the same services a person uses."""
        if accounts.confirmed_totp(user) is not None:
            return
        device = accounts.start_totp_setup(user)
        device.key = demo_totp_key(user.email)
        device.save(update_fields=["key"])
        accounts.confirm_totp(
            user, device=device, code=format_token(totp_for(device), device.digits)
        )
        self.changes += 1

    def assignment(self, org: Organization, client: User, clinician: User) -> None:
        active = CareAssignment.objects.active().filter(
            organization=org, client=client, clinician=clinician
        )
        if not active.exists():
            people.assign_clinician(None, organization=org, client=client, clinician=clinician)
            self.changes += 1


def _answers_for(total: int, count: int, *, critical_last: bool = False) -> list[int]:
    """Item answers (0-3) adding up to `total`, spread evenly; item 9 of the PHQ-9 is 0
    unless `critical_last`."""
    scored = count - 1 if count == 9 else count
    answers = [total // scored + (1 if i < total % scored else 0) for i in range(scored)]
    answers = [min(a, 3) for a in answers]
    if count == 9:
        answers.append(1 if critical_last else 0)
    return answers


# How far back the demo's care goes (issue 7: 90 days of check-ins and measures).
DEMO_DAYS = 90

# PHQ-9 and GAD-7 totals every two weeks for 12 weeks: some improve, some don't, a few worsen.
_TRAJECTORIES = (
    ((17, 15, 13, 11, 9, 7, 6), (14, 12, 11, 9, 7, 6, 5)),  # reliable recovery
    ((12, 12, 11, 13, 12, 11, 12), (9, 10, 9, 9, 10, 9, 9)),  # no reliable change
    ((8, 9, 11, 12, 13, 14, 15), (6, 7, 8, 10, 11, 12, 12)),  # reliable deterioration
    ((19, 18, 15, 14, 13, 12, 11), (15, 14, 12, 11, 10, 10, 9)),  # improving, not recovered
)


def _demo_assessment(
    client: User, instrument_id: str, answers: list[int], when: datetime
) -> Assessment:
    """A completed, scored assessment row for the demo history (inert: no audit, no alerts)."""
    instrument = get_instrument(instrument_id)
    result = score(instrument_id, answers)
    padded = answers + [None] * (len(instrument.items) - len(answers))
    return Assessment(
        client=client,
        instrument=instrument_id,
        instrument_version=instrument.version,
        source=AssessmentSource.CLIENT,
        entered_by=client,
        status=AssessmentStatus.COMPLETED,
        answers={str(n): v for n, v in enumerate(padded, start=1)},
        started_at=when,
        completed_at=when,
        total=result.total,
        severity=result.severity or "",
        caseness=result.caseness,
        complete=result.complete,
        critical=list(result.critical),
    )


def _demo_measures(loader: _Loader, client: User, clinician: User, index: int) -> None:
    """Ninety days of care: fortnightly PHQ-9 and GAD-7, weekly sessions, an episode, and a
    schedule for what comes next. The history is written in bulk as inert rows (it is the
    past: nothing to audit or alert); one client's latest answer goes through the real
    service, so the demo has an open safety alert. Skipped when the client has measures."""
    if Assessment.objects.filter(client=client).exists():
        return
    now = timezone.now()
    start = now - timedelta(days=DEMO_DAYS - index % 5)
    organization = appointments.client_organization(client, actor=clinician)
    # Half the clients have finished a course of care: with every clinician (assigned round
    # robin, index % 3) and across every trajectory (index % 4), so the service report has
    # something to compare.
    finished = (index // 3) % 2 == 0
    Episode.objects.create(
        organization=organization,
        client=client,
        # Referred one to three weeks before the course began (a waiting list).
        referred_on=timezone.localdate(start) - timedelta(days=7 * (1 + index % 3)),
        opened_at=start,
        opened_by=clinician,
        closed_at=now - timedelta(days=1) if finished else None,
        closed_by=clinician if finished else None,
        close_reason="completed" if finished else "",
    )
    Appointment.objects.bulk_create(
        Appointment(
            organization=organization,
            client=client,
            clinician=clinician,
            starts_at=start + timedelta(weeks=week, hours=2),
            # One in six sessions missed: real services have them.
            status="did_not_attend" if (week + index) % 6 == 5 else "attended",
        )
        for week in range(DEMO_DAYS // 7)
    )
    phq, gad = _TRAJECTORIES[index % len(_TRAJECTORIES)]
    rows = []
    for step, (p, g) in enumerate(zip(phq, gad, strict=True)):
        when = min(start + timedelta(weeks=2 * step, hours=1), now)
        rows.append(_demo_assessment(client, "gad-7", _answers_for(g, 7), when))
        if index == 3 and step == len(phq) - 1:
            # The latest PHQ-9 has a critical answer: through the service, so it alerts.
            measures.record_assessment(
                client,
                client=client,
                instrument_id="phq-9",
                answers=_answers_for(p, 9, critical_last=True),
                source="client",
                completed_at=when,
            )
        else:
            rows.append(_demo_assessment(client, "phq-9", _answers_for(p, 9), when))
    Assessment.objects.bulk_create(rows)
    if not finished:
        for instrument in ("phq-9", "gad-7"):
            measures.schedule_measure(
                clinician,
                client=client,
                instrument_id=instrument,
                every_days=14,
                before_appointments=False,
            )
    loader.changes += 1


def _demo_safety(loader: _Loader, client: User, clinician: User, index: int) -> None:
    """The first demo client has a safety plan, started alone and added to with her
    clinician; the second has asked her care team to get in touch. Skipped when present."""
    if index == 0 and not SafetyPlan.objects.filter(client=client).exists():
        content = plan_rules.empty_plan()
        content.update(
            {
                "warning_signs": ["I stop answering messages", "I can't sleep and go over things"],
                "coping": ["A walk round the block", "A warm shower", "Music I like, loud"],
                "distractions": ["My cousin Jada", "The library on Main Street"],
                "people_to_ask": [
                    {"name": "Mom", "phone": "555 201 3344"},
                    {"name": "Tasha (best friend)", "phone": "555 018 7720"},
                ],
                "professionals": [{"name": clinician.display_name, "phone": "555 010 2000"}],
                "safer_environment": ["Ask Mom to keep hold of things that could be unsafe"],
                "reasons_for_living": ["My little brother", "Finishing my course", "The ocean"],
            }
        )
        plan = plan_services.save_plan(client, client=client, content=content, based_on_version=0)
        content["coping"] = [*content["coping"], "Breathing: in for 4, out for 6"]
        plan_services.save_plan(
            clinician, client=client, content=content, based_on_version=plan.version
        )
        loader.changes += 1
    if index == 1 and not ContactRequest.objects.filter(client=client).exists():
        safety.ask_care_team(
            client, how="phone", note="Could we move Thursday's session? Work changed my shifts."
        )
        loader.changes += 1


# Daily check-ins for the first clients: (mood trend per day, sleep base) over DAILY_DAYS days.
DAILY_DAYS = DEMO_DAYS
# The daily client whose check-in today raises a safety alert.
HARD_DAY_CLIENT = 4
DAILY_CLIENTS = 6
DEMO_TIME_ZONE = "America/New_York"


def _demo_daily(loader: _Loader, client: User, index: int) -> None:
    """Ninety days of check-ins for the first clients (some getting better, one finding it
    hard lately), with the milestones they earned; the first client shares her check-ins.
    The old rows are inert and hold no free text; today's check-in goes through the service,
    so its note is screened like any other. Skipped when the client has check-ins."""
    if index >= DAILY_CLIENTS or CheckIn.objects.filter(client=client).exists():
        return
    client.time_zone = DEMO_TIME_ZONE
    client.save(update_fields=["time_zone"])
    slope = (0.05, 0.03, 0.0, -0.03, 0.04, 0.02)[index]
    now = timezone.now()
    rows = []
    for day in range(DAILY_DAYS, 0, -1):
        if (day * 7 + index * 3) % 11 == 0:  # a few days without a check-in, as in life
            continue
        wobble = ((day * 37 + index * 11) % 7 - 3) / 2
        sleep = 5.5 + ((day * 13 + index) % 7) / 2
        mood = round(4 + slope * (DAILY_DAYS - day) + wobble / 2 + (sleep - 7) / 2)
        rows.append(
            CheckIn(
                client=client,
                at=now - timedelta(days=day, hours=(day % 5) * 2),
                mood=max(0, min(10, mood)),
                feelings=[
                    ("tired", "hopeful", "anxious", "calm", "sad", "grateful")[(day + index) % 6]
                ],
                sleep_hours=Decimal(str(sleep)),
                sleep_quality=1 + (day + index) % 5,
                movement_minutes=(0, 10, 20, 30, 45)[(day * 3 + index) % 5],
                connection=(day + 2 * index) % 5,
                stress=max(0, min(10, 7 - mood // 2 + (day % 3))),
            )
        )
    CheckIn.objects.bulk_create(rows)
    first = rows[0].at
    milestones.award(client, "first_checkin", at=first)
    milestones.award(client, "checkins_10", at=rows[9].at)
    if len(rows) >= 50:
        milestones.award(client, "checkins_50", at=rows[49].at)
    today = CheckInValues(
        mood=6,
        feelings=("tired", "hopeful"),
        sleep_hours=Decimal("7"),
        note="Work was a lot today, but I called my cousin and we laughed for an hour.",
        what_helped="Calling my cousin",
    )
    if index == HARD_DAY_CLIENT:
        # One client is having a hard time today: the note goes through the safety path,
        # so the demo caseload has an open alert from a check-in as well as a questionnaire.
        today = CheckInValues(
            mood=2,
            feelings=("sad", "tired"),
            sleep_hours=Decimal("4.5"),
            stress=8,
            note="Couldn't get out of bed again. Lately I keep thinking everyone would be "
            "better off without me.",
        )
    checkins.record_checkin(client, client=client, values=today)
    if index == 0:
        people.set_sharing_choices(
            client,
            shared={Category.PROFILE, Category.MEASURES, Category.CARE_PLAN, Category.CHECKINS},
        )
        journal.create_entry(
            client,
            title="Three good things",
            body="My brother made me laugh at dinner. The sun came out on my walk. "
            "I finished the reading for class, even though I was tired.",
            prompt="gratitude",
        )
        saved = journal.create_entry(
            client,
            title="Before Thursday",
            body="I get nervous before sessions and then forget what I wanted to say. "
            "This week I want to talk about sleep, and about feeling left out at school.",
        )
        journal.share_entry(client, entry=saved.entry)
    loader.changes += 1


def load_demo_data(stdout: Writer) -> DemoSummary:
    """Create (or find) the demo clinic, its staff and clients; progress lines go to `stdout`.
    Idempotent: returns a summary whose `changes` is 0 when everything was already in place."""
    loader = _Loader()
    with transaction.atomic():
        org = loader.organization()
        summary = DemoSummary(organization=org, password=DEMO_PASSWORD)

        admin, _ = loader.member(ORG_ADMIN, org, Role.ORG_ADMIN)
        summary.logins.append(Login("Organization admin", ORG_ADMIN.full_name, admin.email, True))

        supervisor, supervision = loader.member(SUPERVISOR, org, Role.SUPERVISOR)
        summary.logins.append(Login("Supervisor", SUPERVISOR.full_name, supervisor.email, True))

        clinicians: list[User] = []
        for person in CLINICIANS:
            user, _ = loader.member(person, org, Role.CLINICIAN, supervisor=supervision)
            clinicians.append(user)
            summary.logins.append(Login("Clinician", person.full_name, user.email, True))

        facilitator, _ = loader.member(FACILITATOR, org, Role.FACILITATOR)
        summary.logins.append(
            Login("Group facilitator", FACILITATOR.full_name, facilitator.email, True)
        )

        for index, person in enumerate(CLIENTS):
            client, _ = loader.member(person, org, Role.CLIENT)
            # Round robin: ten clients per clinician.
            loader.assignment(org, client, clinicians[index % len(clinicians)])
            _demo_measures(loader, client, clinicians[index % len(clinicians)], index)
            _demo_safety(loader, client, clinicians[index % len(clinicians)], index)
            _demo_daily(loader, client, index)
            loader.changes += load_care_demo(client, clinicians[index % len(clinicians)], index)
            if index < 3:
                summary.logins.append(Login("Client", person.full_name, client.email, False))
            if (index + 1) % 10 == 0:
                stdout.write(f"Demo clients: {index + 1}/{len(CLIENTS)}\n")
    summary.changes = loader.changes
    return summary
