"""A supervisor moves a client from one of their clinicians to another in the same team."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from heard.accounts import services as accounts
from heard.accounts.models import Role, User
from heard.audit.models import AuditEvent
from heard.people import services
from heard.people.models import CareAssignment
from heard.testing.base import PASSWORD, Personas

pytestmark = pytest.mark.django_db


def _teammate(personas: Personas, email: str = "rae@example.org") -> User:
    """Another clinician who reports to Sam."""
    rae = accounts.create_account(email=email, password=PASSWORD, full_name="Rae Lopez")
    accounts.add_membership(
        None,
        user=rae,
        organization=personas.org,
        role=Role.CLINICIAN,
        supervisor=personas.sam.memberships.get(role=Role.SUPERVISOR),
    )
    return rae


def _active(personas: Personas) -> list[User]:
    return [
        a.clinician
        for a in CareAssignment.objects.active().filter(client=personas.casey).order_by("pk")
    ]


def test_it_ends_the_old_assignment_and_starts_the_new_one_audited(personas: Personas) -> None:
    rae = _teammate(personas)
    old = CareAssignment.objects.active().get(client=personas.casey)

    new = services.reassign_client(
        personas.sam, client=personas.casey, to_clinician=rae, reason="caseload_balance"
    )

    old.refresh_from_db()
    assert old.active_to is not None
    assert old.ended_by == personas.sam
    assert new.clinician == rae
    assert new.active_to is None
    assert _active(personas) == [rae]
    event = AuditEvent.objects.get(action="care:assignment:reassign")
    assert event.actor_id == personas.sam.public_id
    assert event.client_id == personas.casey.public_id
    assert event.extra == {
        "from_assignment": str(old.public_id),
        "to_assignment": str(new.public_id),
        "reason": "caseload_balance",
    }
    actions = list(AuditEvent.objects.order_by("seq").values_list("action", flat=True))
    assert actions[-3:] == [
        "care:assignment:end",
        "care:assignment:start",
        "care:assignment:reassign",
    ]


def test_only_the_clinicians_supervisor_may_reassign(personas: Personas) -> None:
    rae = _teammate(personas)
    for someone in (personas.dana, personas.eli, personas.olive):
        with pytest.raises(ValidationError, match="clinicians you supervise"):
            services.reassign_client(
                someone, client=personas.casey, to_clinician=rae, reason="other"
            )
    # Cam's clinician (Eli) does not report to Sam.
    with pytest.raises(ValidationError, match="clinicians you supervise"):
        services.reassign_client(
            personas.sam, client=personas.cam, to_clinician=rae, reason="other"
        )
    assert _active(personas) == [personas.dana]
    assert not AuditEvent.objects.filter(action="care:assignment:reassign").exists()


def test_the_target_must_be_a_clinician_in_the_supervisors_team(personas: Personas) -> None:
    # Eli is a clinician in the service but not in Sam's team; Casey is not a clinician.
    for target in (personas.eli, personas.casey, personas.sam):
        with pytest.raises(ValidationError, match="clinician in your team"):
            services.reassign_client(
                personas.sam, client=personas.casey, to_clinician=target, reason="other"
            )
    with pytest.raises(ValidationError, match="already cares"):
        services.reassign_client(
            personas.sam, client=personas.casey, to_clinician=personas.dana, reason="other"
        )
    assert _active(personas) == [personas.dana]


def test_a_clinician_who_left_the_team_cannot_receive_clients(personas: Personas) -> None:
    rae = _teammate(personas)
    rae.memberships.update(is_active=False)
    with pytest.raises(ValidationError, match="clinician in your team"):
        services.reassign_client(
            personas.sam, client=personas.casey, to_clinician=rae, reason="other"
        )


def test_a_reason_from_the_list_is_required(personas: Personas) -> None:
    rae = _teammate(personas)
    with pytest.raises(ValidationError, match="Choose a reason"):
        services.reassign_client(
            personas.sam, client=personas.casey, to_clinician=rae, reason="she talks too much"
        )
    assert _active(personas) == [personas.dana]


def test_from_clinician_picks_the_assignment_when_two_teammates_share_a_client(
    personas: Personas,
) -> None:
    rae = _teammate(personas)
    ben = _teammate(personas, "ben@example.org")
    services.assign_clinician(None, organization=personas.org, client=personas.casey, clinician=rae)
    with pytest.raises(ValidationError, match="More than one"):
        services.reassign_client(
            personas.sam, client=personas.casey, to_clinician=ben, reason="other"
        )

    services.reassign_client(
        personas.sam,
        client=personas.casey,
        to_clinician=ben,
        reason="other",
        from_clinician=personas.dana,
    )
    assert set(_active(personas)) == {rae, ben}
