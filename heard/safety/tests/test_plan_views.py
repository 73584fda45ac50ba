"""Safety plan pages: the client's own, the care team's, editing without JavaScript, the
conflict page that never loses typed words, versions, the PDF, the service worker, and the
plan on /help-now/."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from heard.audit.models import AuditEvent
from heard.safety import plan_pdf, plan_rules, plan_services
from heard.safety.models import SafetyPlan
from heard.testing.base import Personas

pytestmark = pytest.mark.django_db

MINE = "/me/safety-plan/"
EDIT = "/me/safety-plan/edit/"


def content(**steps: list[Any]) -> dict[str, Any]:
    c = plan_rules.empty_plan()
    c.update(steps)
    return c


def save(actor, client, based_on: int = 0, **steps: list[Any]) -> SafetyPlan:
    return plan_services.save_plan(
        actor, client=client, content=content(**steps), based_on_version=based_on
    )


def care_url(personas: Personas, suffix: str = "") -> str:
    return f"/care/clients/{personas.casey.public_id}/safety-plan/{suffix}"


def body(response) -> str:
    return str(response.content.decode())


# --- Reading --------------------------------------------------------------------------------


def test_the_addresses() -> None:
    assert reverse("safety:my_plan") == MINE
    assert reverse("safety:my_plan_edit") == EDIT
    assert reverse("safety:service_worker") == "/sw.js"


def test_a_client_without_a_plan_is_told_what_it_is_and_how_to_start(client_for) -> None:
    page = body(client_for("casey").get(MINE))
    assert "What is a safety plan?" in page
    assert f'href="{EDIT}"' in page
    assert "Start my plan" in page
    assert "You can also make it with your clinician." in page
    assert 'href="tel:988"' in page  # the crisis lines are always there
    assert "Based on the Safety Planning Intervention by Stanley and Brown." in page


def test_the_plan_reads_top_to_bottom_with_tap_to_call(personas, client_for) -> None:
    save(
        personas.dana,
        personas.casey,
        warning_signs=["I stop answering messages"],
        people_to_ask=[{"name": "Alex", "phone": "555 123 4567"}, {"name": "Jo", "phone": ""}],
        reasons_for_living=["My dog"],
    )
    page = body(client_for("casey").get(MINE))
    assert page.index("Step 1") < page.index("I stop answering messages") < page.index("My dog")
    assert 'href="tel:5551234567"' in page
    assert "Call Alex:" in page
    assert "Last changed by Dana Reyes on" in page
    assert "Nothing written here yet." in page  # an empty step says so
    for label in ("Edit", "Print", "Download PDF", "Earlier versions"):
        assert label in page
    assert "safety/plan.css" in page
    assert "safety/plan-offline.js" in page


def test_the_client_sees_you_for_their_own_changes(personas, client_for) -> None:
    save(personas.casey, personas.casey, coping=["Music"])
    assert "Last changed by you on" in body(client_for("casey").get(MINE))


def test_a_plan_whose_author_left_still_says_when_it_changed(personas, client_for) -> None:
    plan = save(personas.casey, personas.casey, coping=["Music"])
    SafetyPlan.objects.filter(pk=plan.pk).update(updated_by=None)
    assert "Last changed on" in body(client_for("casey").get(MINE))


def test_staff_have_no_plan_of_their_own_and_visitors_sign_in(client, client_for) -> None:
    assert client_for("dana").get(MINE).status_code == 404
    assert client_for("olive").get(EDIT).status_code == 404
    response = client.get(MINE)
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_the_care_team_sees_the_plan_with_the_clients_name_and_it_is_audited(
    personas, client_for
) -> None:
    save(personas.casey, personas.casey, coping=["Music"])
    page = body(client_for("dana").get(care_url(personas)))
    assert "Safety plan for Casey Morgan" in page
    assert "Music" in page
    assert "Last changed by Casey Morgan" in page
    assert f'href="{care_url(personas, "edit/")}"' in page
    assert AuditEvent.objects.filter(action="safety:plan:read").count() == 1


def test_the_care_team_is_invited_to_start_a_plan_together(personas, client_for) -> None:
    page = body(client_for("sam").get(care_url(personas)))
    assert "Casey Morgan hasn't written a safety plan yet." in page
    assert "Start a plan together" in page


@pytest.mark.parametrize("who", ["eli", "cam", "fay", "olive"])
def test_no_one_else_can_open_any_plan_page(personas, client_for, who) -> None:
    save(personas.casey, personas.casey, coping=["Music"])
    c = client_for(who)
    for suffix in ("", "edit/", "versions/", "pdf/"):
        assert c.get(care_url(personas, suffix)).status_code == 404
    assert c.post(care_url(personas, "edit/"), {"coping-0": "x"}).status_code == 404
    assert SafetyPlan.objects.get().version == 1


def test_the_client_record_links_to_the_plan(personas, client_for) -> None:
    page = body(client_for("dana").get(f"/care/clients/{personas.casey.public_id}/"))
    assert f'href="{care_url(personas)}"' in page


# --- Editing --------------------------------------------------------------------------------


def test_the_form_has_every_step_a_prompt_an_example_and_blank_rows(client_for) -> None:
    page = body(client_for("casey").get(EDIT))
    assert '<input type="hidden" name="based_on" value="0">' in page
    for key in plan_rules.SECTIONS:
        assert f'id="step-{key}"' in page
    assert 'name="coping-0"' in page
    assert 'name="coping-1"' in page
    assert 'name="coping-2"' not in page
    assert 'name="people_to_ask-0-name"' in page
    assert 'name="people_to_ask-0-phone"' in page
    assert "For example:" in page
    assert "Add another line" in page


def test_a_client_starts_their_plan_alone(personas, client_for) -> None:
    c = client_for("casey")
    response = c.post(
        EDIT,
        {
            "based_on": "0",
            "warning_signs-0": "Can't sleep",
            "coping-0": "",
            "coping-1": "A warm shower",
            "people_to_ask-0-name": "Alex",
            "people_to_ask-0-phone": "555 123 4567",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == MINE
    plan = SafetyPlan.objects.get(client=personas.casey)
    assert plan_services.plan_content(plan)["coping"] == ["A warm shower"]
    page = body(c.get(MINE))
    assert "Your safety plan is saved." in page
    assert 'href="tel:5551234567"' in page


def test_add_another_saves_nothing_and_keeps_what_was_typed(personas, client_for) -> None:
    response = client_for("casey").post(
        EDIT, {"based_on": "0", "coping-0": "Music", "add": "coping"}
    )
    assert response.status_code == 200
    page = body(response)
    assert 'value="Music"' in page
    assert 'name="coping-5"' in page  # 1 entry + 2 blank + 3 more
    assert 'name="coping-6"' not in page
    assert not SafetyPlan.objects.exists()


def test_a_full_step_offers_no_more_rows(personas, client_for) -> None:
    save(personas.casey, personas.casey, coping=[f"idea {i}" for i in range(20)])
    page = body(client_for("casey").get(EDIT))
    assert 'name="coping-19"' in page
    assert 'name="coping-20"' not in page
    assert 'value="coping"' not in page  # no "Add another" for that step


def test_problems_are_shown_with_the_typed_words_kept(personas, client_for) -> None:
    long = "x" * 501
    response = client_for("casey").post(
        EDIT,
        {
            "based_on": "0",
            "coping-0": long,
            "people_to_ask-0-name": "Al",
            "people_to_ask-0-phone": "?",
        },
    )
    assert response.status_code == 400
    page = body(response)
    assert page.count("Please check this page") == 1
    assert "<title>Error:" in page
    assert f'value="{long}"' in page
    assert 'href="#step-coping"' in page
    assert "that phone number doesn&#x27;t look right" in page
    assert not SafetyPlan.objects.exists()


def test_a_clinician_edits_with_the_client_and_a_supervisor_may_too(personas, client_for):
    dana = client_for("dana")
    response = dana.post(
        care_url(personas, "edit/"),
        {
            "based_on": "0",
            "professionals-0-name": "Dana Reyes",
            "professionals-0-phone": "555 0100",
        },
    )
    assert response["Location"] == care_url(personas)
    page = body(dana.get(care_url(personas, "edit/")))
    assert "Edit the safety plan for Casey Morgan" in page
    assert '<input type="hidden" name="based_on" value="1">' in page
    assert AuditEvent.objects.filter(action="safety:plan:edit").exists()
    sam = client_for("sam")
    sam.post(care_url(personas, "edit/"), {"based_on": "1", "coping-0": "Walk"})
    assert SafetyPlan.objects.get().updated_by == personas.sam


def test_a_conflict_shows_both_versions_and_never_loses_typed_words(personas, client_for):
    save(personas.casey, personas.casey, coping=["Walk"])
    c = client_for("casey")
    assert 'name="based_on" value="1"' in body(c.get(EDIT))  # Casey opens the form...
    save(personas.dana, personas.casey, based_on=1, coping=["Walk", "Breathing slowly"])
    typed = {
        "based_on": "1",
        "coping-0": "Walk",
        "coping-1": "Singing loudly",
        "reasons_for_living-0": "My niece",
    }
    response = c.post(EDIT, typed)  # ...and saves after Dana did
    assert response.status_code == 409
    page = body(response)
    assert "Your plan changed while you were editing" in page
    assert "Dana Reyes saved changes to the same steps on" in page
    assert "What's saved now (by Dana Reyes," in page
    assert "Breathing slowly" in page
    assert 'value="Singing loudly"' in page
    assert 'value="My niece"' in page
    assert '<input type="hidden" name="based_on" value="2">' in page
    assert '<input type="hidden" name="clash" value="coping">' in page
    assert re.search(r'name="choice-coping" value="mine" checked', page)
    assert plan_services.plan_content(SafetyPlan.objects.get())["coping"] == [
        "Walk",
        "Breathing slowly",
    ]

    # "Add another" on the conflict page keeps the choice and what is saved now in view.
    again = c.post(
        EDIT,
        {**typed, "based_on": "2", "clash": "coping", "choice-coping": "both", "add": "coping"},
    )
    page = body(again)
    assert "Breathing slowly" in page
    assert re.search(r'name="choice-coping" value="both" checked', page)

    done = c.post(EDIT, {**typed, "based_on": "2", "clash": "coping", "choice-coping": "both"})
    assert done.status_code == 302
    now = plan_services.plan_content(SafetyPlan.objects.get())
    assert now["coping"] == ["Walk", "Breathing slowly", "Singing loudly"]
    assert now["reasons_for_living"] == ["My niece"]


def test_a_conflict_with_your_own_other_window_says_so(personas, client_for) -> None:
    save(personas.casey, personas.casey, coping=["Walk"])
    save(personas.casey, personas.casey, based_on=1, coping=["Run"])
    page = body(client_for("casey").post(EDIT, {"based_on": "1", "coping-0": "Swim"}))
    assert "You saved changes to the same steps on" in page
    assert "What's saved now (" in page


def test_a_conflict_with_an_author_who_left_still_shows_both(personas, client_for) -> None:
    save(personas.casey, personas.casey, coping=["Walk"])
    plan = save(personas.dana, personas.casey, based_on=1, coping=["Run"])
    plan.versions.filter(number=2).update(author=None)
    page = body(client_for("casey").post(EDIT, {"based_on": "1", "coping-0": "Swim"}))
    assert "Someone saved changes to the same steps on" in page


def test_changes_to_other_steps_are_merged_and_the_person_is_told(personas, client_for):
    save(personas.casey, personas.casey, coping=["Walk"])
    c = client_for("casey")
    save(
        personas.dana,
        personas.casey,
        based_on=1,
        coping=["Walk"],
        professionals=[{"name": "Dana", "phone": "555 0100"}],
    )
    c.post(EDIT, {"based_on": "1", "coping-0": "Walk", "coping-1": "Tea"})
    page = body(c.get(MINE))
    assert (
        "While you were editing, “Professionals and services I can contact” also changed." in page
    )
    assert "Tea" in page
    assert "555 0100" in page


def test_a_bad_based_on_value_counts_as_a_new_plan(personas, client_for) -> None:
    response = client_for("casey").post(EDIT, {"based_on": "three", "coping-0": "Walk"})
    assert response.status_code == 302
    assert SafetyPlan.objects.get().version == 1


# --- Versions -------------------------------------------------------------------------------


def test_versions_list_who_saved_each_and_what_it_said(personas, client_for) -> None:
    save(personas.casey, personas.casey, coping=["First words"])
    plan = save(personas.dana, personas.casey, based_on=1, coping=["Second words"])
    plan.versions.filter(number=1).update(author=None)
    save(personas.casey, personas.casey, based_on=2, coping=["Third words"])
    page = body(client_for("casey").get("/me/safety-plan/versions/"))
    assert page.index("Version 3") < page.index("Version 2") < page.index("Version 1")
    assert "Saved by you on" in page
    assert "Saved by Dana Reyes on" in page
    assert "Saved on" in page
    assert "First words" in page
    assert page.count('name="restore"') == 2  # not for the current version


def test_no_versions_yet(client_for) -> None:
    assert "There are no saved versions yet." in body(
        client_for("casey").get("/me/safety-plan/versions/")
    )


def test_restoring_a_version_from_the_page(personas, client_for) -> None:
    save(personas.casey, personas.casey, coping=["A"])
    save(personas.casey, personas.casey, based_on=1, coping=["B"])
    c = client_for("casey")
    response = c.post("/me/safety-plan/versions/", {"restore": "1"})
    assert response["Location"] == MINE
    assert plan_services.plan_content(SafetyPlan.objects.get())["coping"] == ["A"]
    assert "That version is your plan again." in body(c.get(MINE))
    missing = c.post("/me/safety-plan/versions/", {"restore": "99"})
    assert missing["Location"] == "/me/safety-plan/versions/"
    assert "That version of the plan doesn&#x27;t exist." in body(c.get(missing["Location"]))


def test_restoring_without_a_plan_does_nothing(client_for) -> None:
    response = client_for("casey").post("/me/safety-plan/versions/", {"restore": "1"})
    assert response["Location"] == "/me/safety-plan/versions/"
    assert not SafetyPlan.objects.exists()


def test_the_care_team_restores_and_it_is_audited(personas, client_for) -> None:
    save(personas.casey, personas.casey, coping=["A"])
    save(personas.casey, personas.casey, based_on=1, coping=["B"])
    dana = client_for("dana")
    assert "Version 2" in body(dana.get(care_url(personas, "versions/")))
    dana.post(care_url(personas, "versions/"), {"restore": "1"})
    assert AuditEvent.objects.filter(action="safety:plan:versions").count() == 1
    assert AuditEvent.objects.filter(action="safety:plan:restore").count() == 2  # access + write


# --- PDF ------------------------------------------------------------------------------------


def test_the_pdf_is_a_download_with_nothing_private_about_it(personas, client_for) -> None:
    save(
        personas.casey,
        personas.casey,
        coping=["Música y café, “despacio” \u2013 sin prisa…"],
        people_to_ask=[{"name": "Alex", "phone": "555 123 4567"}],
    )
    response = client_for("casey").get("/me/safety-plan/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="safety-plan.pdf"'
    assert response["Cache-Control"] == "no-store"
    data = response.content
    assert data.startswith(b"%PDF")
    for private in (
        b"Casey",
        b"Morgan",
        b"casey@example.org",
        str(personas.casey.public_id).encode(),
    ):
        assert private not in data
    assert b"/Author" not in data
    assert b"/Title (My safety plan)" in data


def test_the_care_team_pdf_is_audited(personas, client_for) -> None:
    response = client_for("dana").get(care_url(personas, "pdf/"))
    assert response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="safety:plan:pdf").count() == 1


def test_the_pdf_draws_latin1_text_and_replaces_what_it_cannot() -> None:
    assert plan_pdf.latin1("“Sí” \u2013 ¿qué? ñ…") == '"Sí" - ¿qué? ñ...'
    assert plan_pdf.latin1("Ok 🙂") == "Ok ?"


def test_the_pdf_renders_in_spanish_for_an_unknown_region(personas) -> None:
    from django.utils import timezone, translation

    from heard.safety import plan_views, services

    lines = services.crisis_lines_for(region="JP", language="es")
    with translation.override("es"):
        data = plan_pdf.render(
            plan_views.steps(content(coping=["Respirar 🙂"])), lines, made_on=timezone.localdate()
        )
    assert data.startswith(b"%PDF")


# --- Offline and signing out ----------------------------------------------------------------


def test_the_service_worker_is_served_from_the_root_and_never_cached(client) -> None:
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    script = body(response)
    assert '["/help-now/", "/me/safety-plan/"]' in script
    assert "/static/safety/plan.css" in script
    assert '["/account/logout/", "/account/login/"]' in script
    assert "&quot;" not in script


def test_signing_out_clears_the_offline_copy(client_for) -> None:
    response = client_for("casey").post("/account/logout/")
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_client_pages_offer_the_plan_in_one_tap_and_register_the_worker(client_for) -> None:
    page = body(client_for("casey").get("/me/"))
    assert page.count(f'href="{MINE}"') >= 2  # header button and navigation
    assert 'data-sw-url="/sw.js"' in page
    assert 'data-offline-copy=""' in page


@pytest.mark.parametrize("who", ["dana", "olive", None])
def test_staff_and_visitors_get_no_plan_link_and_no_worker(client, client_for, who) -> None:
    c = client_for(who) if who else client
    page = body(c.get("/help-now/"))
    assert f'href="{MINE}"' not in page
    assert "data-sw-url" not in page


# --- The plan on /help-now/ and the support pages --------------------------------------------


def test_help_now_shows_the_clients_own_plan_compactly(personas, client_for) -> None:
    save(
        personas.casey,
        personas.casey,
        coping=["Cold water on my face"],
        people_to_ask=[{"name": "Alex", "phone": "555 123 4567"}],
    )
    page = body(client_for("casey").get("/help-now/"))
    assert "Your safety plan" in page
    assert "Cold water on my face" in page
    assert 'href="tel:5551234567"' in page
    assert "Open my whole plan" in page
    assert "Signs that a hard time is starting" not in page  # empty steps are left out


def test_help_now_offers_to_start_a_plan(client_for) -> None:
    page = body(client_for("casey").get("/help-now/"))
    assert "Start my safety plan" in page


def test_the_slot_shows_nothing_to_staff_even_where_it_is_always_included(client_for) -> None:
    page = body(client_for("dana").get("/me/support/"))
    assert "Your safety plan" not in page


def test_the_slot_renders_nothing_without_a_request() -> None:
    from django.template.loader import render_to_string

    assert "Your safety plan" not in render_to_string("safety/_plan_slot.html", {})
