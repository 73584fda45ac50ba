"""The care plan API over HTTP: reading and saving the plan (409 on a conflict, 422 on bad
input, nothing stored), comments, agreement, versions, goals and ratings, choices, the care
team's side, a private plan, and every route documented."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from heard.api.api import api
from heard.careplans.models import CarePlan, CarePlanVersion, GoalRating, PlanComment
from heard.careplans.tests.conftest import NOTHING, finding, plan_content
from heard.people import services as people
from heard.people.models import Category
from heard.safety.models import RiskAlert

pytestmark = pytest.mark.django_db

MINE = "/api/v1/care-plan"


def team(personas) -> str:
    return f"/api/v1/clients/{personas.casey.public_id}/care-plan"


def send(c: Client, method: str, url: str, data: dict[str, Any]) -> Any:
    return c.generic(method, url, data=json.dumps(data), content_type="application/json")


def test_every_route_is_documented_with_its_errors():
    paths = api.get_openapi_schema()["paths"]
    assert set(paths[MINE]) == {"get", "put"}
    assert {200, 401, 404, 409, 422} <= {int(s) for s in paths[MINE]["put"]["responses"]}
    for path in (
        "/comments",
        "/agreement",
        "/goals/{goal_key}/ratings",
        "/decisions/{decision_key}/choice",
    ):
        assert "post" in paths[MINE + path]
    for path in ("/versions", "/goals"):
        assert "get" in paths[MINE + path]
    staff = "/api/v1/clients/{client_id}/care-plan"
    assert set(paths[staff]) == {"get", "put"}
    assert {403, 409, 422} <= {int(s) for s in paths[staff]["put"]["responses"]}
    for path in ("/comments", "/agreement"):
        assert "post" in paths[staff + path]
    for path in ("/versions", "/goals"):
        assert "get" in paths[staff + path]


def test_visitors_get_401_and_strangers_404(personas, client_for):
    assert Client().get(MINE).status_code == 401
    assert Client().get(team(personas)).status_code == 401
    eli = client_for("eli")
    assert eli.get(MINE).status_code == 404
    assert eli.get(team(personas)).status_code == 404
    assert eli.get(team(personas) + "/goals").status_code == 404
    response = send(eli, "PUT", team(personas), {"base_revision": 0, "content": plan_content()})
    assert response.status_code == 404
    assert CarePlan.objects.count() == 0


def test_a_plan_not_started_reads_as_empty(personas, client_for):
    data = client_for("casey").get(MINE).json()
    assert data["exists"] is False
    assert data["revision"] == 0
    assert data["content"]["goals"] == []
    assert data["agreement"] is None
    assert client_for("dana").get(team(personas)).json()["exists"] is False


def test_writing_a_plan_together_over_the_api(personas, client_for, screen_returns):
    screen_returns(NOTHING)
    dana, casey = client_for("dana"), client_for("casey")
    response = send(
        dana,
        "PUT",
        team(personas),
        {"base_revision": 0, "content": plan_content(), "propose": True},
    )
    assert response.status_code == 200
    written = response.json()
    assert written["crisis"] is False
    assert written["plan"]["revision"] == 1
    assert written["plan"]["status"] == "discussion"
    assert written["plan"]["updated_by"] == "Dana Reyes"

    response = send(casey, "POST", MINE + "/comments", {"text": "Looks good"})
    assert response.status_code == 201
    assert response.json()["comment"]["version"] == 1

    assert send(casey, "POST", MINE + "/agreement", {"version": 1}).status_code == 200
    agreed = send(dana, "POST", team(personas) + "/agreement", {"version": 1}).json()
    assert agreed["status"] == "agreed"
    assert agreed["agreement"]["agreed"] is True
    assert agreed["agreement"]["clinician_agreed_by"] == "Dana Reyes"

    plan = casey.get(MINE).json()
    content = plan["content"]
    content["strengths"].append("Brave")
    response = send(casey, "PUT", MINE, {"base_revision": plan["revision"], "content": content})
    assert response.status_code == 200
    again = response.json()["plan"]
    assert again["revision"] == 2
    assert again["status"] == "draft"
    assert again["agreement"]["client_agreed_at"] is None
    assert again["comments"][0]["text"] == "Looks good"

    versions = dana.get(team(personas) + "/versions").json()
    assert [v["number"] for v in versions] == [2, 1]
    assert versions[0]["summary"] == "Strengths: 1 added"
    assert versions[1]["client_agreed_at"] is not None


def test_a_stale_put_is_409_and_stores_nothing(personas, client_for, drafted, screen_returns):
    screen_returns(NOTHING)
    drafted()
    casey = client_for("casey")
    content = casey.get(MINE).json()["content"]
    send(
        client_for("dana"),
        "PUT",
        team(personas),
        {"base_revision": 1, "content": {**content, "strengths": ["Kind"]}},
    )
    response = send(
        casey, "PUT", MINE, {"base_revision": 1, "content": {**content, "strengths": ["Brave"]}}
    )
    assert response.status_code == 409
    conflict = response.json()
    assert conflict["revision"] == 2
    assert conflict["saved_by"] == "Dana Reyes"
    assert conflict["sections"] == ["strengths"]
    assert conflict["current"]["strengths"] == ["Kind"]
    assert CarePlanVersion.objects.count() == 2


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ({"goals": [{"text": "x" * 100_000}]}, "goal-0-text"),
        ({"goals": [{"text": f"g{i}"} for i in range(11)]}, "goals"),
    ],
    ids=["100-kb", "too-many-goals"],
)
def test_bad_input_is_422_with_field_problems_and_stores_nothing(client_for, content, field):
    response = send(client_for("casey"), "PUT", MINE, {"base_revision": 0, "content": content})
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail[0]["loc"] == ["body", field]
    assert detail[0]["msg"]
    assert CarePlan.objects.count() == 0


def test_goals_and_ratings(client_for, drafted, screen_returns):
    screen_returns(NOTHING)
    drafted()
    casey = client_for("casey")
    goals = casey.get(MINE + "/goals").json()
    key = goals[0]["key"]
    assert goals[0]["latest"] is None
    url = f"{MINE}/goals/{key}/ratings"
    assert send(casey, "POST", url, {"value": 11}).status_code == 422
    assert GoalRating.objects.count() == 0
    assert send(casey, "POST", f"{MINE}/goals/nope0000/ratings", {"value": 3}).status_code == 404
    rated = send(casey, "POST", url, {"value": 6, "note": "Better week"})
    assert rated.status_code == 201
    assert rated.json()["milestone"] is None
    reached = send(casey, "POST", url, {"value": 0, "reached": True}).json()
    assert reached["rating"]["value"] == 10
    assert reached["milestone"] == "goal_reached"
    goals = casey.get(MINE + "/goals").json()
    assert [r["value"] for r in goals[0]["ratings"]] == [6, 10]
    assert goals[0]["reached"] is True


def test_the_care_team_reads_goals_but_cannot_rate_them(personas, client_for, drafted):
    drafted()
    dana = client_for("dana")
    goals = dana.get(team(personas) + "/goals").json()
    assert goals[0]["text"] == "Sleep through the night more often"
    # There is no staff rating route: a client's own route is not theirs.
    assert (
        send(dana, "POST", f"{MINE}/goals/{goals[0]['key']}/ratings", {"value": 5}).status_code
        == 404
    )


def test_a_risky_rating_note_asks_for_crisis_resources(client_for, drafted, screen_returns):
    drafted()
    key = client_for("casey").get(MINE + "/goals").json()[0]["key"]
    screen_returns(finding())
    data = send(
        client_for("casey"),
        "POST",
        f"{MINE}/goals/{key}/ratings",
        {"value": 2, "note": "I want to die"},
    ).json()
    alert = RiskAlert.objects.get()
    assert data["crisis"] is True
    assert data["support_url"].endswith(f"/me/support/?saved=1&alert={alert.public_id}")


def test_choosing_an_option_over_the_api(client_for, drafted, screen_returns):
    screen_returns(NOTHING)
    drafted()
    casey = client_for("casey")
    decision = casey.get(MINE).json()["content"]["decisions"][0]
    url = f"{MINE}/decisions/{decision['key']}/choice"
    option = decision["options"][1]["key"]
    assert (
        send(casey, "POST", f"{MINE}/decisions/nope0000/choice", {"option": option}).status_code
        == 404
    )
    assert send(casey, "POST", url, {"option": "nope"}).status_code == 422
    assert send(casey, "POST", url, {"option": option, "base_revision": 0}).status_code == 409
    response = send(casey, "POST", url, {"option": option, "reason": "My pace", "base_revision": 1})
    assert response.status_code == 200
    choice = response.json()["plan"]["content"]["decisions"][0]["choice"]
    assert choice["option"] == option
    assert choice["reason"] == "My pace"
    assert choice["by_name"] == "Casey Morgan"


def test_agreement_refusals(personas, client_for, drafted):
    assert send(client_for("casey"), "POST", MINE + "/agreement", {"version": 1}).status_code == 404
    drafted()
    assert (
        send(client_for("sam"), "POST", team(personas) + "/agreement", {"version": 1}).status_code
        == 422
    )
    assert (
        send(client_for("dana"), "POST", team(personas) + "/agreement", {"version": 0}).status_code
        == 409
    )
    assert send(client_for("casey"), "POST", MINE + "/comments", {"text": ""}).status_code == 422
    assert PlanComment.objects.count() == 0


def test_a_private_plan_is_403_for_the_care_team_with_a_reason(personas, client_for, drafted):
    drafted()
    people.set_sharing(personas.casey, category=Category.CARE_PLAN, shared=False)
    response = client_for("dana").get(team(personas))
    assert response.status_code == 403
    assert "chosen not to share" in response.json()["detail"]
    assert (
        send(client_for("dana"), "POST", team(personas) + "/comments", {"text": "Hi"}).status_code
        == 403
    )
    assert client_for("eli").get(team(personas)).status_code == 404
    assert client_for("casey").get(MINE).json()["exists"] is True
