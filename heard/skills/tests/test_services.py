"""Skills services: logging practice (checks, milestone, screening, audit), favourites, the
care team's recommendations, and suggestions built from a client's real data."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from heard.audit.models import AuditEvent
from heard.checkins import services as checkins
from heard.checkins.rules import Values
from heard.milestones.models import Milestone
from heard.people import services as people
from heard.people.models import Category
from heard.profiles import services as profiles
from heard.safety.models import RiskAlert, SignalSource
from heard.skills import services, suggest
from heard.skills.models import Favourite, Practice, Recommendation


def log(client, skill_key="paced_breathing", **kw):
    return services.log_practice(client, client=client, skill_key=skill_key, **kw)


def actions(client):
    return list(
        AuditEvent.objects.filter(client_id=client.public_id)
        .order_by("seq")
        .values_list("action", flat=True)
    )


# --- Logging practice ----------------------------------------------------------------------


def test_a_practice_is_stored_with_its_ratings_and_audited(personas):
    casey = personas.casey
    logged = log(casey, distress_before=7, distress_after=4, helped="yes")
    practice = Practice.objects.get()
    assert logged.practice == practice
    assert (practice.distress_before, practice.distress_after, practice.helped) == (7, 4, "yes")
    assert practice.change == -3
    assert logged.check is None  # no note, nothing to screen
    assert "skill:practice:record" in actions(casey)


def test_every_rating_is_optional(personas):
    practice = log(personas.casey).practice
    assert practice.distress_before is None
    assert practice.change is None
    assert practice.helped == ""


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"skill_key": "no_such_skill"}, "skill_key"),
        ({"distress_before": 11}, "distress_before"),
        ({"distress_after": -1}, "distress_after"),
        ({"distress_after": True}, "distress_after"),
        ({"helped": "maybe"}, "helped"),
        ({"note": "x" * 2001}, "note"),
        ({"practised_at": timezone.now() + timedelta(days=1)}, "practised_at"),
    ],
    ids=["unknown-skill", "before-11", "after-minus-1", "bool", "helped", "note", "future"],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_stored(personas, kw, field):
    args = {"skill_key": "paced_breathing", **kw}
    with pytest.raises(ValidationError) as caught:
        services.log_practice(personas.casey, client=personas.casey, **args)
    assert field in caught.value.message_dict
    assert caught.value.message_dict[field][0]
    assert Practice.objects.count() == 0


def test_an_unknown_skill_says_so_plainly(personas):
    with pytest.raises(ValidationError) as caught:
        log(personas.casey, skill_key="nope")
    assert "We don't have that skill" in caught.value.message_dict["skill_key"][0]


def test_only_the_client_logs_their_own_practice(personas):
    with pytest.raises(PermissionDenied):
        services.log_practice(personas.dana, client=personas.casey, skill_key="paced_breathing")
    assert Practice.objects.count() == 0


def test_the_first_practice_of_each_skill_reaches_a_milestone_once(personas):
    casey = personas.casey
    first = log(casey, skill_key="paced_breathing")
    again = log(casey, skill_key="paced_breathing")
    other = log(casey, skill_key="grounding_54321")
    assert first.milestone is not None
    assert first.milestone.kind == "skill_practised"
    assert first.milestone.key == "paced_breathing"
    assert again.milestone is None
    assert other.milestone is not None
    assert other.milestone.key == "grounding_54321"
    assert Milestone.objects.filter(client=casey, kind="skill_practised").count() == 2


def test_a_repeated_idempotency_key_returns_the_first_practice(personas):
    first = log(personas.casey, idempotency_key="k1", distress_before=5)
    again = log(personas.casey, idempotency_key="k1", distress_before=5)
    assert again.created is False
    assert again.practice == first.practice
    assert Practice.objects.count() == 1


def test_a_note_is_saved_then_screened_under_the_practice(personas, screen_returns):
    screen_returns("urgent", crisis=True, categories=("suicide",))
    logged = log(personas.casey, note="(words of crisis)")
    assert logged.check is not None
    assert logged.check.show_crisis_screen
    alert = RiskAlert.objects.get()
    assert alert.source == SignalSource.PRACTICE
    assert alert.source_id == logged.practice.public_id
    assert Practice.objects.get().note == "(words of crisis)"  # what they wrote is kept


def test_an_ordinary_note_raises_nothing(personas, screen_returns):
    screen_returns()
    logged = log(personas.casey, note="  That was calming.  ")
    assert logged.check is not None
    assert not logged.check.show_crisis_screen
    assert RiskAlert.objects.count() == 0
    assert logged.practice.note == "That was calming."


# --- Favourites ------------------------------------------------------------------------------


def test_favourites_are_set_once_unset_and_audited(personas):
    casey = personas.casey
    services.set_favourite(casey, skill_key="box_breathing")
    services.set_favourite(casey, skill_key="box_breathing")
    assert Favourite.objects.filter(client=casey).count() == 1
    assert services.unset_favourite(casey, skill_key="box_breathing") is True
    assert services.unset_favourite(casey, skill_key="box_breathing") is False
    assert actions(casey).count("skill:favourite:set") == 1
    assert actions(casey).count("skill:favourite:unset") == 1


def test_an_unknown_skill_cannot_be_a_favourite(personas):
    with pytest.raises(ValidationError):
        services.set_favourite(personas.casey, skill_key="nope")


# --- Recommendations ----------------------------------------------------------------------


def test_the_care_team_recommends_and_a_repeat_replaces_the_note(personas):
    casey, dana = personas.casey, personas.dana
    first = services.recommend_skill(dana, client=casey, skill_key="values_check", note="Try it")
    again = services.recommend_skill(
        personas.sam, client=casey, skill_key="values_check", note="When you feel stuck"
    )
    assert again.pk == first.pk
    again.refresh_from_db()
    assert again.note == "When you feel stuck"
    assert again.recommended_by == personas.sam
    assert actions(casey).count("skill:recommend") == 2


@pytest.mark.parametrize("who", ["eli", "casey", "olive", "fay"])
def test_only_the_care_team_can_recommend(personas, who):
    with pytest.raises(PermissionDenied):
        services.recommend_skill(
            personas.by_name[who], client=personas.casey, skill_key="values_check"
        )
    assert Recommendation.objects.count() == 0


def test_no_recommending_when_the_client_stops_sharing_their_care_plan(personas):
    people.set_sharing_choices(personas.casey, shared={Category.PROFILE})
    with pytest.raises(PermissionDenied):
        services.recommend_skill(personas.dana, client=personas.casey, skill_key="values_check")


@pytest.mark.parametrize(
    ("kw", "field"),
    [({"skill_key": "nope"}, "skill_key"), ({"note": "x" * 1001}, "note")],
)
def test_a_bad_recommendation_is_refused(personas, kw, field):
    args = {"skill_key": "values_check", **kw}
    with pytest.raises(ValidationError) as caught:
        services.recommend_skill(personas.dana, client=personas.casey, **args)
    assert field in caught.value.message_dict
    assert Recommendation.objects.count() == 0


def test_the_client_puts_a_recommendation_aside(personas):
    casey = personas.casey
    rec = services.recommend_skill(personas.dana, client=casey, skill_key="values_check")
    services.dismiss_recommendation(casey, recommendation=rec)
    services.dismiss_recommendation(casey, recommendation=rec)  # a repeat changes nothing
    rec.refresh_from_db()
    assert rec.dismissed_at is not None
    assert actions(casey).count("skill:recommendation:dismiss") == 1
    with pytest.raises(PermissionDenied):
        services.dismiss_recommendation(personas.cam, recommendation=rec)
    # Suggesting it again opens a new suggestion.
    fresh = services.recommend_skill(personas.dana, client=casey, skill_key="values_check")
    assert fresh.pk != rec.pk


# --- Suggestions from real data ------------------------------------------------------------


def keys(client, **kw):
    return [s.skill.key for s in suggest.suggestions_for(client, lang="en", **kw)]


def reasons(client, key):
    found = next(s for s in suggest.suggestions_for(client, lang="en") if s.skill.key == key)
    return found.reasons


def test_with_no_data_a_gentle_starter_set_is_suggested(personas):
    result = suggest.suggestions_for(personas.casey, lang="en")
    assert 3 <= len(result) <= 5
    assert all(s.reasons == ["A gentle place to start"] for s in result)


def test_todays_check_in_changes_the_suggestions(personas):
    casey = personas.casey
    starter = keys(casey)
    checkins.record_checkin(casey, client=casey, values=Values(stress=8))
    stressed = keys(casey)
    assert stressed != starter
    top = suggest.suggestions_for(casey, lang="en")[0]
    assert top.skill.kind in {"breathing", "grounding", "relaxation"}
    assert "Your stress was high in today's check-in (8 of 10)" in top.reasons
    checkins.record_checkin(casey, client=casey, values=Values(sleep_hours=4))
    assert suggest.suggestions_for(casey, lang="en")[0].skill.kind == "sleep"


def test_a_check_in_from_yesterday_is_not_todays_state(personas):
    casey = personas.casey
    checkins.record_checkin(
        casey, client=casey, values=Values(stress=9), at=timezone.now() - timedelta(hours=13)
    )
    assert suggest.current_state(casey).stress is None
    assert all(s.reasons == ["A gentle place to start"] for s in suggest.suggestions_for(casey))


def test_what_helped_before_changes_the_suggestions(personas):
    casey = personas.casey
    assert "problem_solving" not in keys(casey)
    log(casey, skill_key="problem_solving", distress_before=8, distress_after=5)
    log(casey, skill_key="problem_solving", distress_before=6, distress_after=3)
    assert keys(casey)[0] == "problem_solving"
    assert "It helped you before: your distress went down by 3 on average" in reasons(
        casey, "problem_solving"
    )


def test_the_profile_shapes_suggestions_and_careful_tags_exclude(personas, screen_returns):
    screen_returns()
    casey = personas.casey
    profiles.update_profile(
        casey,
        client=casey,
        section="gentle",
        data={"careful_tags": ["breath_focus"], "when_overwhelmed": "I go for a walk"},
        base_revision=0,
    )
    checkins.record_checkin(casey, client=casey, values=Values(stress=9))
    result = suggest.suggestions_for(casey, lang="en")
    assert not [s for s in result if "breath_focus" in s.skill.tags]
    walking = [s for s in result if s.skill.kind == "movement"]
    assert walking
    assert "Matches what you wrote helps when you're overwhelmed" in walking[0].reasons


def test_the_clinicians_suggestion_shows_with_its_note(personas):
    casey = personas.casey
    rec = services.recommend_skill(personas.dana, client=casey, skill_key="values_check", note="x")
    first = suggest.suggestions_for(casey, lang="en")[0]
    assert first.skill.key == "values_check"
    assert first.reasons[0] == "Your clinician suggested it"
    assert first.recommendation == rec
    services.dismiss_recommendation(casey, recommendation=rec)
    assert "values_check" not in keys(casey)


def test_favourites_and_feelings_are_reasons_in_words(personas):
    casey = personas.casey
    services.set_favourite(casey, skill_key="reach_out")
    checkins.record_checkin(casey, client=casey, values=Values(feelings=("lonely",), mood=2))
    words = reasons(casey, "reach_out")
    assert "One of your favourites" in words
    assert "You said you feel lonely" in words
    assert "Your mood was low in today's check-in (2 of 10)" in words


def test_summaries_count_practice_and_average_the_change(personas):
    casey = personas.casey
    log(casey, skill_key="box_breathing", distress_before=8, distress_after=5, helped="yes")
    log(casey, skill_key="box_breathing", distress_before=6, distress_after=4, helped="some")
    log(casey, skill_key="box_breathing", helped="no")
    log(casey, skill_key="reach_out", distress_before=3, distress_after=4)
    rows = {s.skill_key: s for s in suggest.summaries(Practice.objects.filter(client=casey))}
    box = rows["box_breathing"]
    assert (box.times, box.average_change, box.drop) == (3, -2.5, 2.5)
    assert (box.helped_yes, box.helped_some, box.helped_no) == (1, 1, 1)
    assert rows["reach_out"].average_change == 1.0
    assert rows["reach_out"].drop is None


@pytest.mark.parametrize(
    ("code", "value", "words"),
    [
        ("sleep_short", 4.5, "You slept about 4.5 hours last night"),
        ("connection_low", 0, "You felt less connected to people in today's check-in"),
        ("helped_said", None, "You said it helped you before"),
        ("kind_preferred", "breathing", "You said this kind of skill suits you: Breathing"),
        ("helped_before_words", None, "Matches what you wrote has helped you before"),
    ],
)
def test_each_reason_has_plain_words(code, value, words):
    from heard.skills.rules import Reason

    assert suggest.describe(Reason(code, value)) == words
