"""Who may run a service report, and over what."""

from __future__ import annotations

import pytest
from django.http import Http404

from heard.accounts import services as accounts
from heard.accounts.models import Role
from heard.outcomes import access
from heard.outcomes.tests.service import build

pytestmark = pytest.mark.django_db


def test_a_supervisor_sees_the_service_and_their_team_by_name(personas) -> None:
    scope = access.report_scope(personas.sam)
    assert scope.organization_ids == {personas.org.pk}
    assert scope.team_ids == {personas.dana.pk}
    assert not scope.aggregate_only
    assert scope.group_choices == ("clinician", "program", "month", "quarter")


def test_an_admin_sees_aggregates_only(personas) -> None:
    scope = access.report_scope(personas.olive)
    assert scope.organization_ids == {personas.org.pk}
    assert scope.team_ids == frozenset()
    assert scope.aggregate_only
    assert "clinician" not in scope.group_choices


@pytest.mark.parametrize("name", ["casey", "dana", "eli", "fay"])
def test_everyone_else_gets_not_found(personas, name) -> None:
    with pytest.raises(Http404):
        access.report_scope(personas.by_name[name])


def test_a_deactivated_supervisor_gets_not_found(personas) -> None:
    personas.sam.is_active = False
    personas.sam.save()
    with pytest.raises(Http404):
        access.report_scope(personas.sam)


def test_admin_in_another_service_makes_the_whole_report_aggregate_only(personas) -> None:
    other = accounts.create_organization(None, name="Second Service", region="US")
    accounts.add_membership(None, user=personas.sam, organization=other, role=Role.ORG_ADMIN)
    scope = access.report_scope(personas.sam)
    assert scope.organization_ids == {personas.org.pk, other.pk}
    assert scope.aggregate_only


def test_scoped_episodes_stay_in_the_scopes_services(personas) -> None:
    build(personas)
    other = accounts.create_organization(None, name="Second Service", region="US")
    mine = access.scoped_episodes(access.report_scope(personas.sam))
    assert mine.count() == 10
    assert not mine.filter(organization=other).exists()
    olive = access.scoped_episodes(access.report_scope(personas.olive))
    assert set(olive) == set(mine)
