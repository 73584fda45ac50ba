"""Who can load skills practice, favourites and recommendations (100% branch coverage)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from heard.audit.models import AuditEvent, Outcome
from heard.people import services as people
from heard.people.models import Category
from heard.skills import access, services


def recommend(personas, skill_key="values_check"):
    return services.recommend_skill(personas.dana, client=personas.casey, skill_key=skill_key)


def test_own_lists_hold_only_the_persons_own_rows_newest_first(personas):
    casey, cam = personas.casey, personas.cam
    first = services.log_practice(casey, client=casey, skill_key="box_breathing").practice
    second = services.log_practice(casey, client=casey, skill_key="reach_out").practice
    services.log_practice(cam, client=cam, skill_key="reach_out")
    services.set_favourite(casey, skill_key="reach_out")
    services.set_favourite(casey, skill_key="box_breathing")
    services.set_favourite(cam, skill_key="values_check")
    assert list(access.own_practices(casey)) == [second, first]
    assert [f.skill_key for f in access.own_favourites(casey)] == ["reach_out", "box_breathing"]


def test_open_recommendations_leave_out_the_ones_put_aside(personas):
    kept = recommend(personas, "values_check")
    gone = recommend(personas, "reach_out")
    services.dismiss_recommendation(personas.casey, recommendation=gone)
    assert list(access.open_recommendations(personas.casey)) == [kept]


def test_a_client_finds_their_own_open_recommendation(personas):
    rec = recommend(personas)
    assert access.access_own_recommendation(personas.casey, str(rec.public_id)) == rec


@pytest.mark.parametrize("who", ["cam", "dana", "anonymous"])
def test_nobody_else_finds_a_clients_recommendation(personas, who):
    rec = recommend(personas)
    user = AnonymousUser() if who == "anonymous" else personas.by_name[who]
    with pytest.raises(Http404):
        access.access_own_recommendation(user, rec.public_id)


@pytest.mark.parametrize("bad", ["not-a-uuid", "7c0e9b1a-3f4d-4e2a-8b6c-1d2e3f4a5b6c"])
def test_a_malformed_or_unknown_recommendation_id_is_not_found(personas, bad):
    with pytest.raises(Http404):
        access.access_own_recommendation(personas.casey, bad)


def test_a_recommendation_put_aside_is_not_found_again(personas):
    rec = recommend(personas)
    services.dismiss_recommendation(personas.casey, recommendation=rec)
    with pytest.raises(Http404):
        access.access_own_recommendation(personas.casey, rec.public_id)


@pytest.mark.parametrize("who", ["casey", "dana", "sam"])
def test_the_client_and_their_care_team_see_practice(personas, who):
    casey = personas.casey
    practice = services.log_practice(casey, client=casey, skill_key="box_breathing").practice
    client, rows = access.visible_practice(personas.by_name[who], casey.public_id)
    assert client == casey
    assert list(rows) == [practice]


def test_a_staff_read_of_practice_is_audited(personas):
    access.visible_practice(personas.dana, personas.casey.public_id)
    event = AuditEvent.objects.filter(action="skill:practice:list").get()
    assert event.actor_id == personas.dana.public_id
    assert event.outcome == Outcome.SUCCESS


@pytest.mark.parametrize("who", ["eli", "fay", "olive"])
def test_people_outside_the_care_team_cannot_see_practice(personas, who):
    with pytest.raises(Http404):
        access.visible_practice(personas.by_name[who], personas.casey.public_id)
    assert AuditEvent.objects.filter(action="skill:practice:list", outcome=Outcome.DENIED).exists()


def test_the_care_team_sees_no_practice_when_the_care_plan_is_not_shared(personas):
    people.set_sharing_choices(personas.casey, shared={Category.PROFILE})
    with pytest.raises(Http404):
        access.visible_practice(personas.dana, personas.casey.public_id)


@pytest.mark.parametrize("who", ["dana", "sam"])
def test_the_care_team_may_recommend(personas, who):
    client = access.access_client_to_recommend(personas.by_name[who], personas.casey.public_id)
    assert client == personas.casey


@pytest.mark.parametrize("who", ["casey", "eli", "cam", "olive"])
def test_nobody_else_may_recommend(personas, who):
    with pytest.raises(Http404):
        access.access_client_to_recommend(personas.by_name[who], personas.casey.public_id)
