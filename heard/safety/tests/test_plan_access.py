"""Who may open a safety plan: the client, and their care team (clinician and supervisor).
Other clinicians, other clients, facilitators and org admins get the same 404 as a plan
that does not exist; every staff read and every refusal is in the audit trail."""

from __future__ import annotations

import uuid

import pytest
from django.http import Http404

from heard.audit.models import AuditEvent, Outcome
from heard.safety import access, plan_rules, plan_services
from heard.testing.base import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(personas: Personas):
    casey = personas.casey
    content = plan_rules.empty_plan()
    content["coping"] = ["Music"]
    return plan_services.save_plan(casey, client=casey, content=content, based_on_version=0)


def test_a_client_gets_their_own_plan_without_an_audit_event(personas, plan) -> None:
    before = AuditEvent.objects.count()
    assert access.access_own_plan(personas.casey) == plan
    assert AuditEvent.objects.count() == before


def test_someone_without_a_plan_gets_none(personas) -> None:
    from django.contrib.auth.models import AnonymousUser

    assert access.access_own_plan(personas.cam) is None
    assert access.access_own_plan(AnonymousUser()) is None  # type: ignore[arg-type]


@pytest.mark.parametrize("who", ["dana", "sam"])
def test_the_care_team_gets_the_plan_and_the_read_is_audited(personas, plan, who) -> None:
    user = personas.by_name[who]
    client, found = access.access_client_plan(
        user, personas.casey.public_id, action="safety:plan:read"
    )
    assert (client, found) == (personas.casey, plan)
    event = AuditEvent.objects.filter(action="safety:plan:read").latest("seq")
    assert event.actor_id == user.public_id
    assert event.client_id == personas.casey.public_id
    assert event.outcome == Outcome.SUCCESS


def test_the_care_team_sees_that_there_is_no_plan_yet(personas) -> None:
    client, found = access.access_client_plan(
        personas.dana, str(personas.casey.public_id), action="safety:plan:read", for_write=True
    )
    assert client == personas.casey
    assert found is None


@pytest.mark.parametrize("who", ["eli", "cam", "fay", "olive"])
def test_everyone_else_gets_404_and_the_attempt_is_audited(personas, plan, who) -> None:
    with pytest.raises(Http404):
        access.access_client_plan(
            personas.by_name[who], personas.casey.public_id, action="safety:plan:read"
        )
    assert AuditEvent.objects.filter(
        action="safety:plan:read", outcome=Outcome.DENIED, client_id=personas.casey.public_id
    ).exists()


def test_the_client_uses_their_own_pages_not_the_care_teams(personas, plan) -> None:
    with pytest.raises(Http404):
        access.access_client_plan(
            personas.casey, personas.casey.public_id, action="safety:plan:read"
        )


@pytest.mark.parametrize(
    "client_id", [uuid.UUID("0b6f1c1e-7d1a-4c8e-9a55-3f2d8e1b2c4d"), "not-a-uuid"]
)
def test_a_missing_client_looks_the_same_as_a_forbidden_one(personas, client_id) -> None:
    with pytest.raises(Http404):
        access.access_client_plan(personas.dana, client_id, action="safety:plan:read")


def test_versions_come_newest_first_and_none_without_a_plan(personas, plan) -> None:
    plan_services.save_plan(
        personas.dana, client=personas.casey, content=plan_rules.empty_plan(), based_on_version=1
    )
    assert [v.number for v in access.plan_versions(plan)] == [2, 1]
    assert list(access.plan_versions(None)) == []
