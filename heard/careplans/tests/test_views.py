"""The care plan pages in the browser's terms: a client and a clinician write a plan together
(draft → comments → both agree → a change → compare), "add another" rows without JavaScript,
refusals that keep the typed words, the conflict page, choices, goal ratings, the crisis
screen after risky client text, a private plan, the print page, and Spanish."""

from __future__ import annotations

import re
import zlib
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from heard.audit.models import AuditEvent
from heard.careplans import plan_pdf, services
from heard.careplans.models import CarePlan, CarePlanVersion, GoalRating, PlanComment
from heard.careplans.tests.conftest import NOTHING, finding
from heard.people import services as people
from heard.people.models import Category
from heard.safety.models import RiskAlert

pytestmark = pytest.mark.django_db

MINE = "/me/care-plan/"
OWN_PAGES = ["", "edit/", "versions/", "compare/", "print/", "pdf/"]
OWN_POSTS = ["comments/", "agree/", "choice/", "ratings/"]
TEAM_PAGES = ["", "edit/", "versions/", "compare/", "print/", "pdf/"]
TEAM_POSTS = ["comments/", "agree/"]


def team(personas) -> str:
    return f"/care/clients/{personas.casey.public_id}/care-plan/"


def form(content: dict[str, Any], base: int, **extra: str) -> dict[str, str]:
    """The edit form's fields for `content` (rows as the page would post them)."""
    data = {"base_revision": str(base), "save": "draft", **extra}
    for i, goal in enumerate(content.get("goals", [])):
        for name, value in goal.items():
            data[f"goal-{i}-{name}"] = value
    for section, kind in (("strengths", "strength"), ("supports", "support")):
        for i, line in enumerate(content.get(section, [])):
            data[f"{kind}-{i}"] = line
    for i, item in enumerate(content.get("interventions", [])):
        for name, value in item.items():
            data[f"intervention-{i}-{name}"] = value
    for i, decision in enumerate(content.get("decisions", [])):
        data[f"decision-{i}-key"] = decision.get("key", "")
        data[f"decision-{i}-question"] = decision["question"]
        for j, option in enumerate(decision["options"]):
            for name in ("key", "label", "pros", "cons"):
                data[f"decision-{i}-option-{j}-{name}"] = option.get(name, "")
    return data


def text(response: Any) -> str:
    return str(response.content.decode())


def test_visitors_are_sent_to_sign_in(personas):
    c = Client()
    for page in OWN_PAGES:
        assert c.get(MINE + page).status_code == 302
    for page in TEAM_PAGES:
        response = c.get(team(personas) + page)
        assert response.status_code == 302
        assert "login" in response["Location"]


def test_a_clinician_not_on_the_team_gets_404_everywhere(personas, client_for, drafted):
    drafted()
    eli = client_for("eli")
    for page in TEAM_PAGES:
        assert eli.get(team(personas) + page).status_code == 404, page
    for page in TEAM_POSTS:
        assert eli.post(team(personas) + page, {"text": "hi", "version": "1"}).status_code == 404
    assert PlanComment.objects.count() == 0
    # Staff have no plan of their own.
    for page in OWN_PAGES:
        assert eli.get(MINE + page).status_code == 404


@pytest.mark.parametrize("who", ["dana", "sam"])
def test_the_care_team_opens_every_page(personas, client_for, drafted, who):
    drafted()
    c = client_for(who)
    for page in TEAM_PAGES:
        assert c.get(team(personas) + page).status_code == 200, page
    assert "Sleep through the night more often" in text(c.get(team(personas)))


def test_the_client_opens_every_page(client_for, drafted):
    drafted()
    c = client_for("casey")
    for page in OWN_PAGES:
        assert c.get(MINE + page).status_code == 200, page


def test_an_empty_plan_invites_either_side_to_start(personas, client_for):
    assert "Start my care plan" in text(client_for("casey").get(MINE))
    assert "Draft a care plan" in text(client_for("dana").get(team(personas)))
    assert CarePlan.objects.count() == 0


def test_writing_a_plan_together_in_the_browser(personas, client_for, screen_returns):
    screen_returns(NOTHING)
    dana, casey = client_for("dana"), client_for("casey")
    content = {
        "goals": [{"text": "Sleep better", "specific": "In bed by 11"}],
        "strengths": ["Patient"],
        "interventions": [{"text": "Keep a sleep diary", "who": "client"}],
    }
    # Dana drafts.
    response = dana.post(team(personas) + "edit/", form(content, 0))
    assert response.status_code == 302
    assert response["Location"] == team(personas)
    page = text(dana.get(team(personas)))
    assert "The care plan is saved as version 1." in page
    assert "Draft" in page
    # Casey reads it and comments.
    page = text(casey.get(MINE))
    assert "Sleep better" in page
    assert "In bed by 11" in page
    assert "Keep a sleep diary" in page
    assert casey.post(MINE + "comments/", {"text": "Can we add walks?"}).status_code == 302
    page = text(dana.get(team(personas)))
    assert "Can we add walks?" in page
    assert "In discussion" in page
    # Both agree.
    casey.post(MINE + "agree/", {"version": "1"})
    response = dana.post(team(personas) + "agree/", {"version": "1"}, follow=True)
    page = text(response)
    assert "You have both agreed to this version." in page
    assert "Dana Reyes (clinician)" in page
    assert CarePlan.objects.get().status == "agreed"
    # Casey changes it: a new version, which needs both agreements again.
    plan = CarePlan.objects.get()
    edited = services.plan_content(plan)
    edited["strengths"].append("I like walking")
    edited["goals"][0]["text"] = "Sleep much better"
    assert "The current version is agreed" in text(casey.get(MINE + "edit/"))
    response = casey.post(MINE + "edit/", form(edited, 1), follow=True)
    page = text(response)
    assert "The care plan is saved as version 2." in page
    assert "needs both agreements again" in page
    assert page.count("Not agreed yet") == 2
    # The comparison shows what changed, in words and not in colour alone.
    page = text(casey.get(MINE + "compare/?a=1&b=2"))
    assert "From version 1 to version 2" in page
    assert ">Added</span>" in page
    assert "I like walking" in page
    assert 'Added</span> <span class="heard-careplan__change-title">I like walking' in page
    assert "Sleep <ins" in page
    assert '<span class="usa-sr-only">Added: </span>much </ins>' in page
    versions = text(dana.get(team(personas) + "versions/"))
    assert "Version 2" in versions
    assert "Goals: 1 changed; Strengths: 1 added" in versions
    assert "Agreed by both." in versions


def test_add_another_gives_a_new_row_and_saves_nothing(client_for):
    c = client_for("casey")
    response = c.post(
        MINE + "edit/", {"base_revision": "0", "goal-0-text": "Feel calmer", "add": "goal"}
    )
    assert response.status_code == 200
    page = text(response)
    assert 'value="Feel calmer"' not in page  # a textarea keeps it as text
    assert "Feel calmer" in page
    assert 'id="goal-2-text"' in page  # the goal, the usual blank row, and one more
    assert CarePlan.objects.count() == 0


def test_a_refused_plan_keeps_the_typed_words_and_stores_nothing(client_for):
    long_goal = "x" * 100_000
    response = client_for("casey").post(
        MINE + "edit/", {"base_revision": "0", "goal-0-text": long_goal, "strength-0": "Kind"}
    )
    assert response.status_code == 400
    page = text(response)
    assert "Please check this page" in page
    assert "Goal 1: This is too long" in page
    assert 'href="#goal-0-text"' in page
    assert long_goal in page
    assert 'value="Kind"' in page
    assert CarePlan.objects.count() == 0


def test_someone_elses_change_to_the_same_part_shows_the_conflict_page(
    personas, client_for, drafted, screen_returns
):
    screen_returns(NOTHING)
    plan = drafted().plan
    base = services.plan_content(plan)
    services.save_plan(
        personas.dana,
        client=personas.casey,
        content={**base, "strengths": ["Steady"]},
        base_revision=1,
    )
    mine = {**base, "strengths": ["Hopeful"]}
    response = client_for("casey").post(MINE + "edit/", form(mine, 1))
    assert response.status_code == 409
    page = text(response)
    assert "The plan changed while you were editing" in page
    assert "Dana Reyes saved version 2" in page
    assert "Steady" in page  # what is saved now
    assert 'value="Hopeful"' in page  # and the person's own words, still in the box
    assert 'name="base_revision" value="2"' in page
    assert CarePlanVersion.objects.count() == 2
    # Saving again from there is a deliberate choice, and works.
    assert client_for("casey").post(MINE + "edit/", form(mine, 2)).status_code == 302
    assert services.plan_content(CarePlan.objects.get())["strengths"] == ["Hopeful"]


def test_a_risky_comment_shows_the_crisis_screen(client_for, drafted, screen_returns):
    drafted()
    screen_returns(finding())
    response = client_for("casey").post(MINE + "comments/", {"text": "I want to die"})
    alert = RiskAlert.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/me/support/?saved=1&alert={alert.public_id}"
    assert PlanComment.objects.get().text == "I want to die"


def test_a_risky_edit_shows_the_crisis_screen(personas, client_for, screen_returns):
    screen_returns(finding())
    response = client_for("casey").post(
        MINE + "edit/", form({"goals": [{"text": "Not be here"}]}, 0)
    )
    assert response["Location"].startswith("/me/support/?saved=1&alert=")
    assert CarePlan.objects.get().version == 1


def test_worry_about_someone_else_shows_how_to_help_them(client_for, drafted, screen_returns):
    drafted()
    screen_returns(finding("urgent", crisis=True, about="someone_else"))
    response = client_for("casey").post(
        MINE + "comments/", {"text": "My friend said she wants to die"}
    )
    assert response["Location"] == MINE + "?helping=1"
    assert "When you're worried about someone" in text(
        client_for("casey").get(response["Location"])
    )
    assert RiskAlert.objects.count() == 0


def test_the_client_chooses_an_option_on_the_plan_page(client_for, drafted, screen_returns):
    screen_returns(NOTHING)
    plan = drafted().plan
    decision = services.plan_content(plan)["decisions"][0]
    option = decision["options"][0]
    c = client_for("casey")
    page = text(c.get(MINE))
    assert "You haven't chosen yet" in page
    response = c.post(
        MINE + "choice/",
        {
            "decision": decision["key"],
            "option": option["key"],
            "reason": "I want someone to talk to",
            "base_revision": "1",
        },
        follow=True,
    )
    page = text(response)
    assert "Your choice is saved." in page
    assert "Your choice:" in page
    assert "I want someone to talk to" in page
    assert CarePlan.objects.get().version == 2
    # A stale or wrong choice is refused with a message, and nothing changes.
    page = text(
        c.post(
            MINE + "choice/",
            {"decision": decision["key"], "option": option["key"], "base_revision": "1"},
            follow=True,
        )
    )
    assert "The plan changed since you opened it" in page
    page = text(
        c.post(
            MINE + "choice/",
            {"decision": decision["key"], "option": "nope", "base_revision": "2"},
            follow=True,
        )
    )
    assert "Please choose one of the options." in page
    assert CarePlan.objects.get().version == 2


def test_the_client_rates_a_goal_and_reaching_it_is_celebrated(client_for, drafted):
    plan = drafted().plan
    key = services.plan_content(plan)["goals"][0]["key"]
    c = client_for("casey")
    page = text(c.post(MINE + "ratings/", {"goal": key, "value": "11"}, follow=True))
    assert "Please choose a number from 0 to 10." in page
    assert GoalRating.objects.count() == 0
    c.post(MINE + "ratings/", {"goal": key, "value": "4"})
    page = text(c.post(MINE + "ratings/", {"goal": key, "reached": "1"}, follow=True))
    assert "A goal reached" in page
    assert "From 4 to 10 out of 10: 6 higher than at the start." in page
    assert "Marked reached on" in page
    # The care team sees the progress but gets no rating form.
    dana_page = text(client_for("dana").get(f"/care/clients/{plan.client.public_id}/care-plan/"))
    assert "From 4 to 10 out of 10" in dana_page
    assert "How close do you feel to this goal now?" not in dana_page


def test_a_supervisor_reads_and_comments_but_does_not_agree(personas, client_for, drafted):
    drafted()
    sam = client_for("sam")
    page = text(sam.get(team(personas)))
    assert "I agree to this version" not in page
    assert "Only the client and a clinician treating them agree" in page
    page = text(sam.post(team(personas) + "agree/", {"version": "1"}, follow=True))
    assert "Only the client and a clinician treating them agree" in page
    assert CarePlanVersion.objects.get().clinician_agreed_at is None


def test_agreeing_to_an_old_version_asks_to_read_it_again(personas, client_for, drafted):
    drafted()
    page = text(client_for("dana").post(team(personas) + "agree/", {"version": "0"}, follow=True))
    assert "The plan changed since you opened it" in page
    assert CarePlanVersion.objects.get().clinician_agreed_at is None


def test_posts_before_a_plan_exists_say_so(personas, client_for):
    dana = client_for("dana")
    assert dana.post(team(personas) + "comments/", {"text": "Hi"}).status_code == 302
    assert dana.post(team(personas) + "agree/", {"version": "1"}).status_code == 302
    casey = client_for("casey")
    assert casey.post(MINE + "choice/", {}).status_code == 302
    assert casey.post(MINE + "ratings/", {}).status_code == 302
    assert "There is nothing to agree to yet." in text(dana.get(team(personas)))
    assert CarePlan.objects.count() == 0


def test_an_empty_comment_is_refused(client_for, drafted):
    drafted()
    page = text(client_for("casey").post(MINE + "comments/", {"text": " "}, follow=True))
    assert "Please write your comment before sending it." in page
    assert PlanComment.objects.count() == 0


def test_a_private_plan_is_explained_kindly_to_the_care_team(personas, client_for, drafted):
    drafted()
    people.set_sharing(personas.casey, category=Category.CARE_PLAN, shared=False)
    dana = client_for("dana")
    response = dana.get(team(personas))
    assert response.status_code == 403
    assert "This care plan isn't shared right now" in text(response)
    assert "Sleep through the night" not in text(response)
    assert dana.post(team(personas) + "comments/", {"text": "Hi"}).status_code == 403
    assert PlanComment.objects.count() == 0
    # Eli still sees nothing at all.
    assert client_for("eli").get(team(personas)).status_code == 404
    # And Casey still has her plan.
    assert client_for("casey").get(MINE).status_code == 200


def test_the_print_page_shows_the_plan_and_both_agreements(personas, client_for, drafted):
    drafted()
    plan = CarePlan.objects.get()
    services.agree_to_plan(personas.casey, plan=plan, version_number=1)
    services.agree_to_plan(personas.dana, plan=plan, version_number=1)
    page = text(client_for("casey").get(MINE + "print/"))
    assert "Care plan for Casey Morgan" in page
    assert "Sleep through the night more often" in page
    assert "Weekly talking therapy" in page
    assert page.count(">Agreed</span>") == 2
    assert "Dana Reyes (clinician)" in page
    assert "careplans/print.js" in page
    assert "<form" not in page.split('id="main-content"')[1]
    staff = text(client_for("dana").get(team(personas) + "print/"))
    assert "Care plan for Casey Morgan" in staff


def test_compare_asks_for_two_versions_that_exist(client_for, drafted, screen_returns):
    screen_returns(NOTHING)
    drafted()
    c = client_for("casey")
    assert "There is only one version so far" in text(c.get(MINE + "compare/"))
    plan = CarePlan.objects.get()
    services.save_plan(
        plan.client,
        client=plan.client,
        content={**services.plan_content(plan), "supports": []},
        base_revision=1,
    )
    assert "Please choose two versions that exist." in text(c.get(MINE + "compare/?a=1&b=9"))
    page = text(c.get(MINE + "compare/"))
    assert ">Removed</span>" in page
    assert "My sister Ana" in page


def test_the_plan_page_speaks_spanish(client_for, drafted):
    drafted()
    c = client_for("casey")
    c.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    response = c.get(MINE)
    assert response.status_code == 200
    page = text(response)
    assert '<html lang="es"' in page
    assert "Ir al contenido principal" in page
    assert "Sleep through the night more often" in page  # the plan's own words, as written


def test_the_plan_page_needs_a_bounded_number_of_queries(
    client_for, drafted, django_assert_max_num_queries
):
    plan = drafted().plan
    key = services.plan_content(plan)["goals"][0]["key"]
    for value in range(5):
        services.rate_goal(plan.client, plan=plan, goal_key=key, value=value)
    for n in range(5):
        services.comment_on_plan(plan.client, plan=plan, text=f"Comment {n}")
    c = client_for("casey")
    with django_assert_max_num_queries(20):
        assert c.get(MINE).status_code == 200


def pdf_text(data: bytes) -> str:
    """The text drawn in a PDF made by fpdf2 (its page streams, inflated)."""
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, flags=re.DOTALL)
    out = []
    for stream in streams:
        try:
            out.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            out.append(stream.decode("latin-1"))
    return "".join(out).replace("\\(", "(").replace("\\)", ")")


def test_the_pdf_is_a_download_with_the_plan_and_both_agreements(personas, client_for, drafted):
    plan = drafted().plan
    services.agree_to_plan(personas.casey, plan=plan, version_number=1)
    services.agree_to_plan(personas.dana, plan=plan, version_number=1)
    response = client_for("casey").get(MINE + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="care-plan.pdf"'
    assert response["Cache-Control"] == "no-store"
    assert response.content.startswith(b"%PDF")
    assert b"/Author" not in response.content
    drawn = pdf_text(response.content)
    for words in (
        "Sleep through the night more often",
        "Weekly talking therapy",
        "Keep a sleep diary",
    ):
        assert words in drawn
    assert "Dana Reyes (clinician) agreed on" in drawn
    assert "Casey Morgan agreed on" in drawn


def test_the_care_teams_pdf_is_audited_and_an_empty_plan_says_so(personas, client_for):
    response = client_for("dana").get(team(personas) + "pdf/")
    assert response.status_code == 200
    assert "There is no care plan yet." in pdf_text(response.content)
    assert AuditEvent.objects.filter(action="careplan:plan:pdf").count() == 1


def test_the_pdf_draws_spanish_and_a_choice(personas, drafted, screen_returns):
    from django.utils import timezone, translation

    from heard.careplans import display

    screen_returns(NOTHING)
    plan = drafted(strengths=["Música y café, “despacio” \u2013 sin prisa…"]).plan
    decision = services.plan_content(plan)["decisions"][0]
    saved = services.record_choice(
        personas.casey,
        plan=plan,
        decision_key=decision["key"],
        option_key=decision["options"][0]["key"],
        reason="Hablar ayuda 🙂",
    )
    data = display.plan(services.plan_content(saved.plan), own=False)
    with translation.override("es"):
        made = plan_pdf.render(
            personas.casey,
            saved.plan,
            saved.version,
            data,
            region="ES",
            made_on=timezone.localdate(),
        )
    drawn = pdf_text(made)
    assert "Música y café" in drawn
    assert "Hablar ayuda ?" in drawn
