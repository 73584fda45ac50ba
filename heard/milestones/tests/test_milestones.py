"""Milestones: reached once, said warmly, never shaming; seen by the care team only when shared."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from heard.audit.models import AuditEvent
from heard.instruments import services as measures
from heard.milestones import access, rules, services
from heard.milestones.models import Milestone
from heard.people import services as people
from heard.people.models import Category
from heard.skills import services as skills
from heard.testing.base import sign_in


def test_a_milestone_is_reached_once_and_audited(personas):
    casey = personas.casey
    first = services.award(casey, "first_journal_entry")
    assert first is not None
    assert services.award(casey, "first_journal_entry") is None
    assert services.award(casey, "not_a_kind") is None
    assert Milestone.objects.filter(client=casey).count() == 1
    assert AuditEvent.objects.filter(action="milestone:reach").count() == 1


def test_repeatable_kinds_are_told_apart_by_key(personas):
    casey = personas.casey
    assert services.award(casey, "goal_reached", key="goal-1")
    assert services.award(casey, "goal_reached", key="goal-2")
    assert services.award(casey, "goal_reached", key="goal-1") is None


def test_a_race_for_the_same_milestone_keeps_one(personas, monkeypatch):
    casey = personas.casey
    services.award(casey, "first_checkin")
    # Pretend the existence check ran before the other request's insert.
    monkeypatch.setattr(Milestone.objects, "filter", lambda **kw: Milestone.objects.none())
    assert services.award(casey, "first_checkin") is None


def phq9(client, total_items):
    return measures.record_assessment(
        client, client=client, instrument_id="phq-9", answers=total_items, source="client"
    )


def test_reliable_improvement_on_a_questionnaire_is_celebrated(personas):
    casey = personas.casey
    phq9(casey, [2, 2, 2, 2, 2, 2, 2, 2, 0])  # 16
    assert not Milestone.objects.filter(kind="reliable_improvement").exists()
    phq9(casey, [2, 2, 2, 2, 2, 2, 1, 1, 0])  # 14: within day-to-day change
    assert not Milestone.objects.filter(kind="reliable_improvement").exists()
    phq9(casey, [1, 1, 1, 1, 1, 0, 0, 0, 0])  # 5: a reliable improvement (6+ points)
    milestone = Milestone.objects.get(kind="reliable_improvement")
    assert milestone.key == "phq-9"


def test_no_milestone_words_shame_or_count_gaps():
    for words in rules.WORDS.values():
        text = f"{words.title} {words.body}".lower()
        for bad in ("streak", "missed", "broke", "failed", "only", "finally", "should"):
            assert bad not in text


def test_the_check_in_counts_worth_marking():
    assert rules.checkin_milestone(1) == "first_checkin"
    assert rules.checkin_milestone(10) == "checkins_10"
    assert rules.checkin_milestone(11) is None


def test_the_care_team_sees_milestones_only_in_categories_the_client_shares(personas):
    casey = personas.casey
    services.award(casey, "first_checkin")
    services.award(casey, "first_shared_entry")
    services.award(casey, "reliable_improvement", key="phq-9")
    _client, seen = access.visible_milestones(personas.dana, casey.public_id)
    assert {m.kind for m in seen} == {"reliable_improvement"}  # measures shared by default
    people.set_sharing_choices(casey, shared={Category.CHECKINS, Category.JOURNAL})
    _client, seen = access.visible_milestones(personas.dana, casey.public_id)
    assert {m.kind for m in seen} == {"first_checkin", "first_shared_entry"}
    _client, own = access.visible_milestones(casey, casey.public_id)
    assert len(own) == 3


def test_the_milestones_page_celebrates_and_marks_them_seen(client, personas):
    casey = personas.casey
    services.award(casey, "first_checkin")
    sign_in(client, casey)
    home = client.get(reverse("people:client_home")).content.decode()
    assert "Something to celebrate" in home
    page = client.get(reverse("milestones:mine")).content.decode()
    assert "Your first check-in" in page
    assert Milestone.objects.get().seen_at is not None
    assert (
        "Something to celebrate" not in client.get(reverse("people:client_home")).content.decode()
    )


def test_the_milestones_page_is_gentle_when_empty(client, personas):
    sign_in(client, personas.casey)
    page = client.get(reverse("milestones:mine")).content.decode()
    assert "There's no rush" in page


@pytest.mark.parametrize("who", ["eli", "olive"])
def test_unrelated_staff_cannot_list_a_clients_milestones(personas, who):
    from django.http import Http404

    with pytest.raises(Http404):
        access.visible_milestones(getattr(personas, who), personas.casey.public_id)


def test_a_skill_milestone_names_the_skill_on_the_day_it_was_practised(client, personas):
    casey = personas.casey
    then = timezone.now() - timedelta(days=3)
    skills.log_practice(casey, client=casey, skill_key="box_breathing", practised_at=then)
    skills.log_practice(casey, client=casey, skill_key="grounding_54321")

    assert Milestone.objects.get(key="box_breathing").achieved_at == then
    page = sign_in(client, casey).get(reverse("milestones:mine")).content.decode()
    assert "A skill practised: Box breathing" in page
    assert "A skill practised: 5-4-3-2-1 grounding" in page
