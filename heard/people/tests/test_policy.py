from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from heard.people import access, policy
from heard.people.models import Category

pytestmark = pytest.mark.django_db


def test_nobody_is_on_their_own_care_team(personas):
    assert not policy.is_on_care_team(personas.casey, personas.casey)


def test_a_deactivated_account_can_read_nothing(personas):
    personas.dana.is_active = False
    assert not policy.can_read(personas.dana, personas.casey, None)
    assert not policy.is_on_care_team(personas.dana, personas.casey)


def test_writing_follows_reading(personas):
    assert policy.can_write(personas.dana, personas.casey, Category.CARE_PLAN)
    assert not policy.can_write(personas.eli, personas.casey, Category.CARE_PLAN)
    assert policy.can_write(personas.casey, personas.casey, Category.JOURNAL)


def test_access_for_write_uses_the_write_rule(personas):
    assert (
        access.access_client(
            personas.dana,
            personas.casey.public_id,
            category=Category.CARE_PLAN,
            action="x",
            for_write=True,
        )
        == personas.casey
    )


def test_anonymous_visitors_get_404(personas):
    with pytest.raises(Http404):
        access.access_client(AnonymousUser(), personas.casey.public_id, category=None, action="x")
