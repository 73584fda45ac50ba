"""Care plan services: writing a plan together (draft → comments → both agree → a change
needs both agreements again), conflicts, refusals that store nothing, choices, goal ratings
and milestones, screening of the client's words, and the audit trail."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from heard.audit.models import AuditEvent
from heard.careplans import rules, services
from heard.careplans.models import CarePlan, CarePlanVersion, GoalRating, PlanComment
from heard.careplans.tests.conftest import NOTHING, finding, plan_content
from heard.milestones.models import Milestone
from heard.safety.models import RiskAlert

pytestmark = pytest.mark.django_db


def actions(action: str) -> int:
    return AuditEvent.objects.filter(action=action).count()


def edit(plan: CarePlan, **changes):
    content = services.plan_content(plan)
    content.update(changes)
    return content


def test_a_clinician_drafts_the_client_comments_both_agree_and_a_change_needs_both_again(
    personas, screen_returns
):
    screen_returns(NOTHING)
    casey, dana = personas.casey, personas.dana
    first = services.save_plan(dana, client=casey, content=plan_content(), base_revision=0)
    plan = first.plan
    assert (plan.version, plan.status, plan.started_by, plan.updated_by) == (1, "draft", dana, dana)
    assert first.check is None  # the clinician's words are not screened as a disclosure

    comment = services.comment_on_plan(casey, plan=plan, text="Could we add walking?").comment
    plan.refresh_from_db()
    assert comment.version == 1
    assert plan.status == "discussion"

    one = services.agree_to_plan(casey, plan=plan, version_number=1)
    assert (one.side, one.both) == ("client", False)
    both = services.agree_to_plan(dana, plan=plan, version_number=1)
    assert (both.side, both.both) == ("clinician", True)
    plan.refresh_from_db()
    assert plan.status == "agreed"
    v1 = CarePlanVersion.objects.get(plan=plan, number=1)
    assert v1.client_agreed_by == casey
    assert v1.clinician_agreed_by == dana
    assert v1.client_agreed_at <= v1.clinician_agreed_at

    content = edit(plan, strengths=["I keep going when things are hard", "I like walking"])
    second = services.save_plan(
        casey, client=casey, content=content, base_revision=1, note="Walking"
    )
    plan.refresh_from_db()
    assert (plan.version, plan.status) == (2, "draft")
    v2 = second.version
    assert v2.note == "Walking"
    assert (v2.client_agreed_at, v2.clinician_agreed_at) == (None, None)
    v1.refresh_from_db()
    assert v1.agreed  # the old version keeps its agreements

    changes = {
        s.section: s for s in rules.compare(rules.loads(v1.content), rules.loads(v2.content))
    }
    assert [(i.kind, i.title) for i in changes["strengths"].items] == [("added", "I like walking")]
    assert all(not s.items for name, s in changes.items() if name != "strengths")

    assert actions("careplan:plan:start") == 1
    assert actions("careplan:plan:update") == 2
    assert actions("careplan:comment:add") == 1
    assert actions("careplan:plan:agree") == 2
    event = AuditEvent.objects.filter(action="careplan:plan:agree").last()
    assert event.extra == {"version": 1, "side": "clinician", "both": True}


def test_the_client_can_propose_the_plan_and_ask_for_agreement(personas, screen_returns):
    screen_returns(NOTHING)
    saved = services.save_plan(
        personas.casey, client=personas.casey, content=plan_content(), base_revision=0, propose=True
    )
    assert saved.plan.status == "discussion"
    assert saved.plan.started_by == personas.casey


def test_saving_the_same_plan_again_makes_no_new_version(personas, drafted):
    plan = drafted().plan
    again = services.save_plan(
        personas.dana,
        client=personas.casey,
        content=services.plan_content(plan),
        base_revision=1,
        propose=True,
    )
    assert again.version.number == 1
    assert CarePlanVersion.objects.count() == 1
    plan.refresh_from_db()
    assert plan.status == "discussion"  # asking for agreement still counts


def test_an_edit_from_an_old_version_that_clashes_is_refused_and_nothing_is_saved(
    personas, drafted, screen_returns
):
    screen_returns(NOTHING)
    plan = drafted().plan
    base = services.plan_content(plan)
    casey_goal = {**base["goals"][0], "text": "Sleep well most nights"}
    services.save_plan(
        personas.casey,
        client=personas.casey,
        content={**base, "goals": [casey_goal]},
        base_revision=1,
    )
    dana_goal = {**base["goals"][0], "text": "Sleep seven hours"}
    with pytest.raises(services.PlanConflict) as caught:
        services.save_plan(
            personas.dana,
            client=personas.casey,
            content={**base, "goals": [dana_goal]},
            base_revision=1,
        )
    conflict = caught.value
    assert conflict.sections == ("goals",)
    assert conflict.revision == 2
    assert conflict.version.author == personas.casey
    assert conflict.theirs["goals"][0]["text"] == "Sleep well most nights"
    assert conflict.mine["goals"][0]["text"] == "Sleep seven hours"
    plan.refresh_from_db()
    assert plan.version == 2
    assert services.plan_content(plan)["goals"][0]["text"] == "Sleep well most nights"
    assert CarePlanVersion.objects.count() == 2


def test_edits_to_different_sections_are_merged(personas, drafted, screen_returns):
    screen_returns(NOTHING)
    plan = drafted().plan
    base = services.plan_content(plan)
    services.save_plan(
        personas.casey,
        client=personas.casey,
        content={**base, "supports": ["Ana", "My dog"]},
        base_revision=1,
    )
    saved = services.save_plan(
        personas.dana,
        client=personas.casey,
        content={**base, "strengths": ["Brave"]},
        base_revision=1,
    )
    assert saved.merged == ("supports",)
    content = services.plan_content(saved.plan)
    assert content["supports"] == ["Ana", "My dog"]
    assert content["strengths"] == ["Brave"]


def test_an_unknown_base_counts_every_difference_as_a_clash(personas, drafted):
    plan = drafted().plan
    content = edit(plan, strengths=["Different"])
    with pytest.raises(services.PlanConflict) as caught:
        services.save_plan(personas.dana, client=personas.casey, content=content, base_revision=7)
    assert caught.value.sections == ("strengths",)


@pytest.mark.parametrize(
    ("sections", "field"),
    [
        ({"goals": [{"text": f"Goal {i}"} for i in range(11)]}, "goals"),
        ({"goals": [{"text": "x" * 100_000}]}, "goal-0-text"),
        (
            {"decisions": [{"question": "Q", "options": [{"label": "Only one"}]}]},
            "decision-0-options",
        ),
        ({"goals": [{"text": "A", "target_date": "31/12/2030"}]}, "goal-0-target_date"),
    ],
    ids=["too-many-goals", "100-kb-goal", "one-option", "bad-date"],
)
def test_a_plan_that_cannot_be_saved_is_refused_with_clear_words_and_nothing_stored(
    personas, sections, field
):
    with pytest.raises(ValidationError) as caught:
        services.save_plan(
            personas.dana, client=personas.casey, content=plan_content(**sections), base_revision=0
        )
    assert field in caught.value.message_dict
    assert "Please" in caught.value.message_dict[field][0]
    assert CarePlan.objects.count() == 0
    assert CarePlanVersion.objects.count() == 0


def test_an_empty_first_plan_and_an_overlong_note_are_refused(personas, drafted):
    with pytest.raises(ValidationError) as caught:
        services.save_plan(personas.dana, client=personas.casey, content={}, base_revision=0)
    assert "goals" in caught.value.message_dict
    assert CarePlan.objects.count() == 0
    plan = drafted().plan
    with pytest.raises(ValidationError) as caught:
        services.save_plan(
            personas.dana,
            client=personas.casey,
            content=edit(plan),
            base_revision=1,
            note="n" * 501,
        )
    assert "note" in caught.value.message_dict


def test_starting_a_plan_is_idempotent(personas):
    first = services.start_plan(personas.dana, client=personas.casey)
    again = services.start_plan(personas.casey, client=personas.casey)
    assert first.pk == again.pk
    assert again.version == 0
    assert actions("careplan:plan:start") == 1


def test_comments_are_checked_and_stored_encrypted(personas, drafted, screen_returns):
    screen_returns(NOTHING)
    plan = drafted().plan
    with pytest.raises(ValidationError):
        services.comment_on_plan(personas.casey, plan=plan, text="   ")
    with pytest.raises(ValidationError):
        services.comment_on_plan(personas.casey, plan=plan, text="x" * 100_000)
    assert PlanComment.objects.count() == 0
    services.comment_on_plan(personas.dana, plan=plan, text="Shall we meet Tuesday?")
    comment = PlanComment.objects.get()
    assert comment.text == "Shall we meet Tuesday?"
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM careplans_plancomment")
        (raw,) = cursor.fetchone()
    assert "Tuesday" not in raw  # encrypted at rest


def test_only_the_client_and_a_treating_clinician_agree(personas, drafted):
    plan = drafted().plan
    with pytest.raises(ValidationError):
        services.agree_to_plan(personas.sam, plan=plan, version_number=1)
    with pytest.raises(services.StaleVersion):
        services.agree_to_plan(personas.casey, plan=plan, version_number=0)
    services.agree_to_plan(personas.casey, plan=plan, version_number=1)
    again = services.agree_to_plan(personas.casey, plan=plan, version_number=1)
    assert again.side == "client"
    assert not again.both
    assert actions("careplan:plan:agree") == 1


def test_there_is_nothing_to_agree_to_before_a_first_version(personas):
    plan = services.start_plan(personas.casey, client=personas.casey)
    with pytest.raises(ValidationError):
        services.agree_to_plan(personas.casey, plan=plan, version_number=0)


def test_the_clients_choice_is_a_new_version_kept_across_edits(personas, drafted, screen_returns):
    seen = screen_returns(NOTHING)
    plan = drafted().plan
    services.agree_to_plan(personas.casey, plan=plan, version_number=1)
    decision = services.plan_content(plan)["decisions"][0]
    option = decision["options"][1]
    saved = services.record_choice(
        personas.casey,
        plan=plan,
        decision_key=decision["key"],
        option_key=option["key"],
        reason="I like to go at my own pace",
        base_revision=1,
    )
    assert saved.version.number == 2
    assert saved.version.change == "choice"
    assert saved.plan.status == "discussion"
    choice = services.plan_content(saved.plan)["decisions"][0]["choice"]
    assert choice["option"] == option["key"]
    assert choice["reason"] == "I like to go at my own pace"
    assert choice["by_name"] == personas.casey.display_name
    assert choice["at"]
    assert seen == ["I like to go at my own pace"]
    assert actions("careplan:choice:record") == 1
    # The same choice again changes nothing.
    same = services.record_choice(
        personas.casey,
        plan=saved.plan,
        decision_key=decision["key"],
        option_key=option["key"],
        reason="I like to go at my own pace",
    )
    assert same.version.number == 2
    # Dana edits the strengths: the choice stays.
    kept = services.save_plan(
        personas.dana,
        client=personas.casey,
        content=edit(saved.plan, strengths=["Steady"]),
        base_revision=2,
    )
    assert services.plan_content(kept.plan)["decisions"][0]["choice"]["option"] == option["key"]
    # Dana removes the chosen option: the choice goes with it.
    content = services.plan_content(kept.plan)
    content["decisions"][0]["options"] = [
        content["decisions"][0]["options"][0],
        {"label": "Group sessions"},
    ]
    dropped = services.save_plan(
        personas.dana, client=personas.casey, content=content, base_revision=3
    )
    assert services.plan_content(dropped.plan)["decisions"][0]["choice"] is None


def test_a_choice_is_refused_when_it_cannot_be_recorded(personas, drafted):
    plan = drafted().plan
    decision = services.plan_content(plan)["decisions"][0]
    option = decision["options"][0]["key"]
    with pytest.raises(ValidationError):
        services.record_choice(
            personas.dana, plan=plan, decision_key=decision["key"], option_key=option
        )
    with pytest.raises(ValidationError):
        services.record_choice(
            personas.casey, plan=plan, decision_key="nope0000", option_key=option
        )
    with pytest.raises(ValidationError):
        services.record_choice(
            personas.casey, plan=plan, decision_key=decision["key"], option_key="x"
        )
    with pytest.raises(ValidationError):
        services.record_choice(
            personas.casey,
            plan=plan,
            decision_key=decision["key"],
            option_key=option,
            reason="r" * 1001,
        )
    with pytest.raises(services.StaleVersion):
        services.record_choice(
            personas.casey,
            plan=plan,
            decision_key=decision["key"],
            option_key=option,
            base_revision=0,
        )
    assert CarePlanVersion.objects.count() == 1


def test_rating_a_goal_and_reaching_it_celebrates_once(personas, drafted, screen_returns):
    seen = screen_returns(NOTHING)
    plan = drafted().plan
    key = services.plan_content(plan)["goals"][0]["key"]
    low = services.rate_goal(
        personas.casey, plan=plan, goal_key=key, value=4, note="Some good nights"
    )
    assert low.milestone is None
    assert seen == ["Some good nights"]
    top = services.rate_goal(personas.casey, plan=plan, goal_key=key, value=10)
    assert top.rating.reached
    assert top.milestone is not None
    assert (top.milestone.kind, top.milestone.key) == ("goal_reached", key)
    marked = services.mark_goal_reached(personas.casey, plan=plan, goal_key=key)
    assert marked.milestone is None  # once per goal
    assert [r.value for r in GoalRating.objects.order_by("at", "pk")] == [4, 10, 10]
    assert actions("careplan:goal:rate") == 1
    assert actions("careplan:goal:reached") == 2


def test_marking_a_goal_reached_awards_the_milestone(personas, drafted):
    plan = drafted().plan
    key = services.plan_content(plan)["goals"][0]["key"]
    rated = services.mark_goal_reached(personas.casey, plan=plan, goal_key=key)
    assert rated.rating.value == 10
    assert rated.rating.reached
    assert Milestone.objects.filter(client=personas.casey, kind="goal_reached", key=key).exists()


@pytest.mark.parametrize(
    ("value", "note", "goal", "field"),
    [
        (11, "", None, "value"),
        (-1, "", None, "value"),
        (5, "n" * 100_000, None, "note"),
        (5, "", "nope0000", "goal"),
    ],
    ids=["eleven", "negative", "100-kb-note", "unknown-goal"],
)
def test_a_rating_that_cannot_be_saved_is_refused_and_nothing_stored(
    personas, drafted, value, note, goal, field
):
    plan = drafted().plan
    key = goal or services.plan_content(plan)["goals"][0]["key"]
    with pytest.raises(ValidationError) as caught:
        services.rate_goal(personas.casey, plan=plan, goal_key=key, value=value, note=note)
    assert field in caught.value.message_dict
    assert GoalRating.objects.count() == 0
    assert Milestone.objects.count() == 0


def test_only_the_client_rates_their_goals(personas, drafted):
    plan = drafted().plan
    key = services.plan_content(plan)["goals"][0]["key"]
    with pytest.raises(ValidationError):
        services.rate_goal(personas.dana, plan=plan, goal_key=key, value=5)
    assert GoalRating.objects.count() == 0


def test_only_the_words_the_client_adds_are_screened(personas, drafted, screen_returns):
    seen = screen_returns(NOTHING)
    plan = drafted(actor=personas.casey).plan
    assert "Sleep through the night more often" in seen[0]
    seen.clear()
    content = edit(plan, supports=["My sister Ana", "The running club"])
    services.save_plan(
        personas.casey, client=personas.casey, content=content, base_revision=1, note="Added club"
    )
    assert seen == ["The running club\nAdded club"]
    seen.clear()
    services.comment_on_plan(personas.dana, plan=plan, text="Great idea")
    assert seen == []


def test_a_risky_comment_raises_an_alert_for_the_care_team(personas, drafted, screen_returns):
    plan = drafted().plan
    screen_returns(finding())
    result = services.comment_on_plan(personas.casey, plan=plan, text="I want to die")
    alert = RiskAlert.objects.get()
    assert (alert.client, alert.source, alert.source_id) == (
        personas.casey,
        "care_plan",
        result.comment.public_id,
    )
    assert result.check is not None
    assert result.check.show_crisis_screen
    assert PlanComment.objects.get().text == "I want to die"  # saved first, never lost


def test_the_real_screener_reads_a_goal_the_client_writes(personas):
    # No stand-in: the real engine, the real alert path.
    saved = services.save_plan(
        personas.casey,
        client=personas.casey,
        content={
            "goals": [{"text": "I have the pills ready and I am going to take them all tonight"}]
        },
        base_revision=0,
    )
    alert = RiskAlert.objects.get(source="care_plan")
    assert alert.source_id == saved.version.public_id
    assert alert.client == personas.casey
    assert saved.check is not None
    assert saved.check.show_crisis_screen
