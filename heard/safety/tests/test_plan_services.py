"""Saving safety plans: versions, audit, conflicts on the same step, automatic merges on
different steps, restoring, and two saves at the same moment."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from heard.audit.models import AuditEvent
from heard.safety import plan_rules, plan_services
from heard.safety.models import SafetyPlan, SafetyPlanVersion
from heard.testing.base import Personas, make_personas

pytestmark = pytest.mark.django_db


def content(**steps: list[Any]) -> dict[str, Any]:
    c = plan_rules.empty_plan()
    c.update(steps)
    return c


def saved(plan: SafetyPlan) -> dict[str, Any]:
    plan.refresh_from_db()
    return plan_rules.loads(plan.content)


def test_the_first_save_creates_the_plan_as_version_1(personas: Personas) -> None:
    casey = personas.casey
    plan = plan_services.save_plan(
        casey, client=casey, content=content(coping=["Music"]), based_on_version=0
    )
    assert plan.version == 1
    assert plan.updated_by == casey
    assert saved(plan)["coping"] == ["Music"]
    version = plan.versions.get()
    assert (version.number, version.author) == (1, casey)
    assert plan_rules.loads(version.content)["coping"] == ["Music"]


def test_every_save_is_audited_with_its_version_number(personas: Personas) -> None:
    casey = personas.casey
    plan = plan_services.save_plan(casey, client=casey, content=content(), based_on_version=0)
    plan_services.save_plan(
        casey, client=casey, content=content(coping=["Tea"]), based_on_version=1
    )
    events = AuditEvent.objects.filter(action="safety:plan:update").order_by("seq")
    assert [e.extra["version"] for e in events] == [1, 2]
    assert events[0].client_id == casey.public_id
    assert events[0].object_id == str(plan.public_id)


def test_the_plan_text_is_encrypted_at_rest(personas: Personas) -> None:
    casey = personas.casey
    plan = plan_services.save_plan(
        casey, client=casey, content=content(safer_environment=["Ask Sam"]), based_on_version=0
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT content FROM safety_safetyplan WHERE id = %s", [plan.pk])
        raw = cursor.fetchone()[0]
    assert raw.startswith("enc:")
    assert "Ask Sam" not in raw


def test_a_clinicians_first_edit_starts_the_plan_with_them(personas: Personas) -> None:
    plan = plan_services.save_plan(
        personas.dana,
        client=personas.casey,
        content=content(professionals=[{"name": "Dana Reyes", "phone": "555 010 2000"}]),
        based_on_version=0,
    )
    assert plan.client == personas.casey
    assert plan.updated_by == personas.dana
    assert plan.versions.get().author == personas.dana


def test_content_that_cannot_be_saved_is_refused_with_words_per_step(personas) -> None:
    casey = personas.casey
    with pytest.raises(ValidationError) as caught:
        plan_services.save_plan(
            casey,
            client=casey,
            content=content(
                coping=["x" * 501],
                people_to_ask=[{"name": "Alex", "phone": "call me"}],
                distractions=[f"place {i}" for i in range(21)],
            ),
            based_on_version=0,
        )
    errors = caught.value.message_dict
    assert errors["coping"] == [
        "Entry 1 is too long. Please shorten it to 500 characters or fewer."
    ]
    assert errors["people_to_ask"] == [
        "Entry 1: that phone number doesn't look right. Please check it."
    ]
    assert errors["distractions"] == ["Please keep this step to 20 entries or fewer."]
    assert not SafetyPlan.objects.exists()


def test_an_edit_of_the_same_step_made_meanwhile_is_a_conflict_not_an_overwrite(personas):
    casey, dana = personas.casey, personas.dana
    plan_services.save_plan(
        casey, client=casey, content=content(coping=["Walk"]), based_on_version=0
    )
    # Both open version 1. Dana saves first.
    plan = plan_services.save_plan(
        dana, client=casey, content=content(coping=["Walk", "Breathing"]), based_on_version=1
    )
    with pytest.raises(plan_services.PlanConflict) as caught:
        plan_services.save_plan(
            casey,
            client=casey,
            content=content(coping=["Walk", "Music"], reasons_for_living=["My dog"]),
            based_on_version=1,
        )
    conflict = caught.value
    assert conflict.sections == ("coping",)
    assert conflict.saved_version == 2
    assert conflict.plan.updated_by == dana
    assert conflict.theirs["coping"] == ["Walk", "Breathing"]
    # Casey's words travel with the conflict, so the page can show them again.
    assert conflict.mine["coping"] == ["Walk", "Music"]
    assert conflict.merged["coping"] == ["Walk", "Music"]
    assert conflict.merged["reasons_for_living"] == ["My dog"]
    assert saved(plan)["coping"] == ["Walk", "Breathing"]  # nothing overwritten
    assert SafetyPlanVersion.objects.count() == 2


def test_edits_to_different_steps_are_merged_and_both_kept(personas: Personas) -> None:
    casey, dana = personas.casey, personas.dana
    plan_services.save_plan(
        casey, client=casey, content=content(coping=["Walk"]), based_on_version=0
    )
    plan_services.save_plan(
        dana,
        client=casey,
        content=content(coping=["Walk"], professionals=[{"name": "Dana", "phone": "555 0100"}]),
        based_on_version=1,
    )
    submitted = content(coping=["Walk", "Music"])
    plan = plan_services.save_plan(casey, client=casey, content=submitted, based_on_version=1)
    assert plan.version == 3
    now = saved(plan)
    assert now["coping"] == ["Walk", "Music"]
    assert now["professionals"] == [{"name": "Dana", "phone": "555 0100"}]
    assert plan_services.merged_sections(plan, submitted) == ("professionals",)


def test_an_unchanged_resubmit_of_an_old_version_is_not_a_conflict(personas) -> None:
    casey = personas.casey
    plan_services.save_plan(casey, client=casey, content=content(coping=["A"]), based_on_version=0)
    plan_services.save_plan(casey, client=casey, content=content(coping=["B"]), based_on_version=1)
    # Saved again from a tab opened at version 1, without touching anything.
    plan = plan_services.save_plan(
        casey, client=casey, content=content(coping=["A"]), based_on_version=1
    )
    assert saved(plan)["coping"] == ["B"]


def test_a_base_version_that_does_not_exist_treats_every_difference_as_a_clash(personas):
    casey = personas.casey
    plan_services.save_plan(casey, client=casey, content=content(coping=["A"]), based_on_version=0)
    with pytest.raises(plan_services.PlanConflict) as caught:
        plan_services.save_plan(
            casey, client=casey, content=content(coping=["B"]), based_on_version=7
        )
    assert caught.value.sections == ("coping",)
    same = plan_services.save_plan(
        casey, client=casey, content=content(coping=["A"]), based_on_version=7
    )
    assert same.version == 2


def test_choices_from_the_conflict_page_decide_the_clashing_steps(personas) -> None:
    casey, dana = personas.casey, personas.dana
    plan_services.save_plan(
        casey, client=casey, content=content(coping=["Walk"]), based_on_version=0
    )
    plan_services.save_plan(
        dana, client=casey, content=content(coping=["Walk", "Breathing"]), based_on_version=1
    )
    submitted = content(coping=["Walk", "Music"], warning_signs=["Can't sleep"])
    plan = plan_services.save_plan(
        casey,
        client=casey,
        content=submitted,
        based_on_version=2,
        choices={"coping": plan_rules.KEEP_BOTH},
    )
    now = saved(plan)
    assert now["coping"] == ["Walk", "Breathing", "Music"]
    assert now["warning_signs"] == ["Can't sleep"]
    assert plan_services.merged_sections(plan, submitted, {"coping": "both"}) == ()


def test_restoring_a_version_makes_a_new_version_with_the_old_words(personas) -> None:
    casey, dana = personas.casey, personas.dana
    plan_services.save_plan(casey, client=casey, content=content(coping=["A"]), based_on_version=0)
    plan = plan_services.save_plan(
        dana, client=casey, content=content(coping=["B"]), based_on_version=1
    )
    plan = plan_services.restore_version(casey, plan, 1)
    assert plan.version == 3
    assert saved(plan)["coping"] == ["A"]
    assert [v.number for v in plan.versions.all()] == [3, 2, 1]
    event = AuditEvent.objects.get(action="safety:plan:restore")
    assert event.extra == {"version": 3, "restored": 1}


def test_restoring_a_version_that_does_not_exist_changes_nothing(personas) -> None:
    casey = personas.casey
    plan = plan_services.save_plan(casey, client=casey, content=content(), based_on_version=0)
    with pytest.raises(ValidationError):
        plan_services.restore_version(casey, plan, 9)
    assert saved(plan) == plan_rules.empty_plan()
    assert plan.versions.count() == 1


def test_the_crisis_lines_on_a_clients_plan_are_the_clients_own(personas) -> None:
    personas.org.region = ""
    personas.org.save(update_fields=["region"])
    personas.casey.region = "GB"
    personas.casey.save(update_fields=["region"])
    lines = plan_services.crisis_lines_for_client(personas.casey, language="en")
    assert lines.region == "GB"
    personas.org.region = "AU"
    personas.org.save(update_fields=["region"])
    assert plan_services.crisis_lines_for_client(personas.casey, language="en").region == "AU"


def test_a_person_with_no_organization_gets_the_default_regions_lines(personas) -> None:
    from heard.accounts import services as accounts

    loner = accounts.create_account(email="l@example.org", password="x" * 12, full_name="L")
    assert plan_services.crisis_lines_for_client(loner, language="en").region == "US"
    assert not plan_services.can_have_plan(loner)
    assert plan_services.can_have_plan(personas.casey)


@pytest.mark.django_db(transaction=True)
def test_two_saves_of_the_same_step_at_once_never_both_win() -> None:
    personas = make_personas()
    casey, dana = personas.casey, personas.dana
    plan_services.save_plan(casey, client=casey, content=content(coping=["A"]), based_on_version=0)
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def save(actor, words) -> None:
        start.wait()
        try:
            plan_services.save_plan(
                actor, client=casey, content=content(coping=words), based_on_version=1
            )
            outcomes.append("saved")
        except plan_services.PlanConflict:
            outcomes.append("conflict")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=(casey, ["From Casey"])),
        threading.Thread(target=save, args=(dana, ["From Dana"])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "saved"]
    assert SafetyPlanVersion.objects.count() == 2
