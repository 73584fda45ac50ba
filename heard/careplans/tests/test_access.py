"""Who may load a care plan: the client always, their care team while the client shares the
care plan category, nobody else (404); a private plan tells the care team so (PlanNotShared).
Every branch of careplans/access.py."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from heard.audit.models import AuditEvent, Outcome
from heard.careplans import access, services
from heard.people import services as people
from heard.people.models import Category

pytestmark = pytest.mark.django_db


def test_only_active_clients_have_a_plan_of_their_own(personas):
    assert access.can_have_plan(personas.casey)
    assert not access.can_have_plan(personas.dana)
    assert not access.can_have_plan(AnonymousUser())
    personas.casey.is_active = False
    assert not access.can_have_plan(personas.casey)


def test_a_client_loads_their_own_plan_without_an_audit_trail(personas, drafted):
    client, plan = access.access_own_plan(personas.casey)
    assert (client, plan) == (personas.casey, None)
    saved = drafted()
    client, plan = access.access_own_plan(personas.casey)
    assert plan == saved.plan
    assert not AuditEvent.objects.filter(action__startswith="careplan:plan:read").exists()


@pytest.mark.parametrize("who", ["dana", "eli", "olive", "fay"])
def test_staff_have_no_plan_of_their_own(personas, who):
    with pytest.raises(Http404):
        access.access_own_plan(personas.by_name[who])
    with pytest.raises(Http404):
        access.access_own_plan(AnonymousUser())


@pytest.mark.parametrize("who", ["dana", "sam", "casey"])
def test_the_client_and_their_care_team_load_the_plan(personas, drafted, who):
    saved = drafted()
    client, plan = access.access_client_plan(
        personas.by_name[who], personas.casey.public_id, action="careplan:plan:read"
    )
    assert client == personas.casey
    assert plan == saved.plan
    staff_reads = AuditEvent.objects.filter(action="careplan:plan:read", outcome=Outcome.SUCCESS)
    assert staff_reads.count() == (0 if who == "casey" else 1)


@pytest.mark.parametrize("who", ["eli", "olive", "fay", "cam"])
def test_anyone_else_gets_404_and_the_attempt_is_audited(personas, drafted, who):
    drafted()
    with pytest.raises(Http404) as caught:
        access.access_client_plan(
            personas.by_name[who], personas.casey.public_id, action="careplan:plan:read"
        )
    assert not isinstance(caught.value, access.PlanNotShared)
    assert AuditEvent.objects.filter(outcome=Outcome.DENIED).exists()


def test_a_missing_client_looks_like_a_forbidden_one(personas):
    with pytest.raises(Http404) as caught:
        access.access_client_plan(personas.dana, uuid.uuid4(), action="careplan:plan:read")
    assert not isinstance(caught.value, access.PlanNotShared)


def test_a_private_plan_tells_the_care_team_so(personas, drafted):
    drafted()
    people.set_sharing(personas.casey, category=Category.CARE_PLAN, shared=False)
    with pytest.raises(access.PlanNotShared) as caught:
        access.access_client_plan(
            personas.dana, personas.casey.public_id, action="careplan:plan:read", for_write=True
        )
    assert caught.value.client == personas.casey
    denied = AuditEvent.objects.get(action="careplan:plan:read", outcome=Outcome.DENIED)
    assert denied.extra == {"category": "care_plan"}
    # The client still reads their own plan, whatever they share.
    assert access.access_client_plan(
        personas.casey, personas.casey.public_id, action="careplan:plan:read"
    )[1]


def test_only_a_treating_clinician_agrees_for_the_care_team(personas):
    assert access.can_agree_as_clinician(personas.dana, personas.casey)
    assert not access.can_agree_as_clinician(personas.sam, personas.casey)
    assert not access.can_agree_as_clinician(personas.eli, personas.casey)


def test_versions_comments_and_ratings_of_no_plan_are_empty(personas, drafted):
    assert list(access.plan_versions(None)) == []
    assert access.plan_version(None, 1) is None
    assert list(access.plan_comments(None)) == []
    assert list(access.goal_ratings(None)) == []
    plan = drafted().plan
    services.comment_on_plan(personas.dana, plan=plan, text="Hello")
    key = services.plan_content(plan)["goals"][0]["key"]
    services.rate_goal(personas.casey, plan=plan, goal_key=key, value=3)
    assert [v.number for v in access.plan_versions(plan)] == [1]
    assert access.plan_version(plan, 1) is not None
    assert access.plan_version(plan, 2) is None
    assert [c.text for c in access.plan_comments(plan)] == ["Hello"]
    assert [r.value for r in access.goal_ratings(plan)] == [3]


def test_someone_whose_care_ended_still_reads_their_plan_but_does_not_write(personas, drafted):
    plan = drafted().plan
    personas.casey.memberships.update(is_active=False)
    assert access.access_own_plan(personas.casey)[1] == plan
    with pytest.raises(Http404):
        access.access_own_plan(personas.casey, for_write=True)
