"""Loading check-ins: only the person's own, or the care team's view when shared."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from heard.audit.models import AuditEvent
from heard.checkins import access, services
from heard.checkins.rules import Values
from heard.people import services as people
from heard.people.models import Category


def record(client):
    return services.record_checkin(client, client=client, values=Values(mood=5)).checkin


def test_a_person_loads_their_own_check_in(personas):
    checkin = record(personas.casey)
    assert access.access_own_checkin(personas.casey, checkin.public_id) == checkin
    assert list(access.own_checkins(personas.casey)) == [checkin]


@pytest.mark.parametrize("who", ["anonymous", "cam", "dana"])
def test_nobody_else_loads_it_not_even_the_care_team(personas, who):
    checkin = record(personas.casey)
    user = AnonymousUser() if who == "anonymous" else getattr(personas, who)
    with pytest.raises(Http404):
        access.access_own_checkin(user, checkin.public_id)


@pytest.mark.parametrize("bad_id", ["not-a-uuid", "5a35fc69-d60b-4bfe-a3c1-4d08e79a9a1b"])
def test_a_missing_or_malformed_id_is_not_found(personas, bad_id):
    with pytest.raises(Http404):
        access.access_own_checkin(personas.casey, bad_id)


def test_the_care_team_sees_check_ins_only_when_shared_and_it_is_audited(personas):
    casey = personas.casey
    record(casey)
    with pytest.raises(Http404):
        access.visible_checkins(personas.dana, casey.public_id)
    people.set_sharing(casey, category=Category.CHECKINS, shared=True)
    client, rows = access.visible_checkins(personas.dana, casey.public_id)
    assert client == casey
    assert rows.count() == 1
    assert AuditEvent.objects.filter(action="checkin:list", outcome="success").exists()
    with pytest.raises(Http404):
        access.visible_checkins(personas.eli, casey.public_id)
