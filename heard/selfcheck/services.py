"""The self-check's only writes: keeping finished results in the person's own account, and
telling a signed-in client's care team about a critical answer.

Nothing else in the self-check touches the database. Keeping goes through the measures
service, which scores, stores, audits and sends a critical answer down the safety path.
"""

from __future__ import annotations

import uuid

from django.db import transaction

from heard.accounts import services as accounts
from heard.accounts.models import User
from heard.instruments.models import Assessment, AssessmentSource
from heard.instruments.services import record_assessment
from heard.people import access as people_access
from heard.safety import services as safety
from heard.safety.models import AlertLevel, SignalSource
from heard.selfcheck import flow


def signal_id(state: flow.State) -> uuid.UUID:
    """The one safety-signal id for one run of the self-check, kept or not."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"heard:self-check:{state.nonce}")


def keep_results(actor: User, *, state: flow.State, language: str) -> list[Assessment]:
    """Store a finished self-check as `actor`'s own assessments, one per instrument family
    answered. All or nothing. Keeping the same check again stores nothing new (each
    instrument's idempotency key is the check's nonce), so a resent form is harmless.
    Raises ValidationError if the answers don't fit an instrument."""
    with transaction.atomic():
        return [
            record_assessment(
                actor,
                client=actor,
                instrument_id=outcome.instrument.id,
                answers=list(outcome.answers),
                source=AssessmentSource.SELF_CHECK,
                language=language,
                idempotency_key=f"self-check:{state.nonce}:{outcome.instrument.id}",
                # If the check already alerted the care team, keeping it doesn't alert again.
                signal_id=signal_id(state),
            )
            for outcome in flow.outcomes(state)
        ]


def join_and_keep(
    *,
    email: str,
    password: str,
    full_name: str,
    preferred_name: str,
    language: str,
    state: flow.State,
) -> User:
    """Create an account (no organization yet) and keep the results in it, together: if
    either fails, neither happens. Raises ValidationError (e.g. the email is taken)."""
    with transaction.atomic():
        user = accounts.create_account(
            email=email,
            password=password,
            full_name=full_name,
            preferred_name=preferred_name,
            language=language,
        )
        keep_results(user, state=state, language=language)
    return user


def alert_care_team(user: User, *, state: flow.State) -> bool:
    """A signed-in client with a care team gave a critical answer: tell the team now, even
    though the answers themselves are not kept (safety first; the start page says so).
    One alert per run of the check. Returns whether the care team was told."""
    if not people_access.care_team(user).exists():
        return False
    safety.raise_safety_signal(
        client=user,
        source=SignalSource.MEASURE,
        source_id=signal_id(state),
        level=AlertLevel.URGENT,
        categories=["suicide"],
        reason=(
            "Self-check: PHQ-9 question 9 (thoughts that you would be better off dead or of "
            "hurting yourself in some way) answered above “Not at all”. The answers were not kept."
        ),
    )
    return True
