"""The skills API: the same services as the pages; bad input is a 422 and stores nothing."""

import json

import pytest
from django.urls import reverse

from heard.api.api import api
from heard.checkins import services as checkins
from heard.checkins.rules import Values
from heard.safety.models import RiskAlert
from heard.skills import library, services
from heard.skills.models import Favourite, Practice, Recommendation
from heard.testing.base import sign_in

BASE = "/api/v1"


def post(client, url, body, **headers):
    return client.post(BASE + url, json.dumps(body), content_type="application/json", **headers)


def client_url(personas, tail):
    return f"/clients/{personas.casey.public_id}/{tail}"


def test_every_endpoint_is_in_the_openapi_document():
    paths = api.get_openapi_schema()["paths"]
    for path, methods in [
        ("/api/v1/skills", {"get"}),
        ("/api/v1/skills/suggestions", {"get"}),
        ("/api/v1/skills/{skill_key}", {"get"}),
        ("/api/v1/skills/{skill_key}/favourite", {"put", "delete"}),
        ("/api/v1/practice", {"get", "post"}),
        ("/api/v1/recommendations/{recommendation_id}/dismiss", {"post"}),
        ("/api/v1/clients/{client_id}/practice", {"get"}),
        ("/api/v1/clients/{client_id}/recommendations", {"post"}),
    ]:
        assert methods <= set(paths[path]), path


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/skills"),
        ("get", "/skills/suggestions"),
        ("get", "/skills/paced_breathing"),
        ("put", "/skills/paced_breathing/favourite"),
        ("get", "/practice"),
        ("post", "/practice"),
    ],
)
def test_anonymous_callers_get_401(client, method, url):
    response = client.generic(method.upper(), BASE + url, "{}", content_type="application/json")
    assert response.status_code == 401


def test_the_library_in_english_and_spanish(client, personas):
    sign_in(client, personas.casey)
    english = client.get(BASE + "/skills").json()
    spanish = client.get(BASE + "/skills", {"lang": "es"}).json()
    assert [s["key"] for s in english] == [s["key"] for s in spanish]
    assert len(english) == len(library.all_skills("en"))
    paced = next(s for s in spanish if s["key"] == "paced_breathing")
    assert paced["title"] == library.get_skill("paced_breathing", "es").title
    assert paced["pattern"] == [4, 0, 6, 0]
    one = client.get(BASE + "/skills/grounding_54321").json()
    assert one["player"] == "steps"
    assert one["kind_label"] == "Grounding"
    assert client.get(BASE + "/skills/no_such_skill").status_code == 404


def test_suggestions_explain_themselves_and_change_with_the_check_in(client, personas):
    casey = personas.casey
    sign_in(client, casey)
    starter = client.get(BASE + "/skills/suggestions").json()
    assert starter[0]["reasons"] == ["A gentle place to start"]
    checkins.record_checkin(casey, client=casey, values=Values(stress=9))
    stressed = client.get(BASE + "/skills/suggestions").json()
    assert "Your stress was high in today's check-in (9 of 10)" in stressed[0]["reasons"]
    assert [s["skill_key"] for s in stressed] != [s["skill_key"] for s in starter]


def test_favourites_are_put_and_deleted(client, personas):
    sign_in(client, personas.casey)
    url = BASE + "/skills/values_check/favourite"
    assert client.put(url).json() == {"skill_key": "values_check", "favourite": True}
    assert Favourite.objects.filter(client=personas.casey).count() == 1
    assert client.delete(url).json() == {"skill_key": "values_check", "favourite": False}
    assert not Favourite.objects.exists()
    assert client.put(BASE + "/skills/nope/favourite").status_code == 404


def test_a_practice_is_logged_listed_and_repeated_safely(client, personas):
    sign_in(client, personas.casey)
    body = {"skill_key": "box_breathing", "distress_before": 7, "distress_after": 3}
    created = post(client, "/practice", {**body, "helped": "yes"}, HTTP_IDEMPOTENCY_KEY="k1")
    assert created.status_code == 201
    data = created.json()
    assert data["crisis"] is False
    assert data["milestone"] == "skill_practised"
    assert data["practice"]["helped"] == "yes"
    again = post(client, "/practice", {**body, "helped": "yes"}, HTTP_IDEMPOTENCY_KEY="k1")
    assert again.status_code == 200
    assert again.json()["practice"]["id"] == data["practice"]["id"]
    assert [p["id"] for p in client.get(BASE + "/practice").json()] == [data["practice"]["id"]]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"skill_key": "box_breathing", "distress_before": 11}, "distress_before"),
        ({"skill_key": "box_breathing", "distress_after": -2}, "distress_after"),
        ({"skill_key": "no_such_skill"}, "skill_key"),
        ({"skill_key": "box_breathing", "helped": "maybe"}, "helped"),
        ({"skill_key": "box_breathing", "note": "x" * 5000}, "note"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_stored(
    client, personas, body, field
):
    sign_in(client, personas.casey)
    response = post(client, "/practice", body)
    assert response.status_code == 422
    problems = response.json()["detail"]
    assert problems[0]["loc"] == ["body", field]
    assert problems[0]["msg"]
    assert Practice.objects.count() == 0


def test_a_crisis_note_says_to_show_crisis_resources(client, personas, screen_returns):
    screen_returns("urgent", crisis=True, categories=("suicide",))
    sign_in(client, personas.casey)
    response = post(client, "/practice", {"skill_key": "reach_out", "note": "(crisis words)"})
    assert response.status_code == 201
    assert response.json()["crisis"] is True
    assert response.json()["support_url"].startswith(reverse("safety:support"))
    assert RiskAlert.objects.get().source == "practice"


def test_the_care_team_reads_practice_without_notes(client, personas):
    casey = personas.casey
    services.log_practice(
        casey, client=casey, skill_key="reach_out", distress_before=6, distress_after=2,
        helped="yes", note="private words",
    )  # fmt: skip
    services.set_favourite(casey, skill_key="reach_out")
    sign_in(client, personas.dana)
    body = client.get(BASE + client_url(personas, "practice")).json()
    assert body["summary"][0]["average_change"] == -4.0
    assert body["summary"][0]["helped_yes"] == 1
    assert body["practices"][0]["note"] == ""
    assert body["favourites"] == ["reach_out"]
    sign_in(client, casey)
    own = client.get(BASE + client_url(personas, "practice")).json()
    assert own["practices"][0]["note"] == "private words"


def test_eli_gets_404_for_the_client_routes(client, personas):
    sign_in(client, personas.eli)
    assert client.get(BASE + client_url(personas, "practice")).status_code == 404
    response = post(client, client_url(personas, "recommendations"), {"skill_key": "reach_out"})
    assert response.status_code == 404
    assert not Recommendation.objects.exists()


def test_the_care_team_recommends_and_the_client_sees_and_dismisses_it(client, personas):
    sign_in(client, personas.dana)
    created = post(
        client,
        client_url(personas, "recommendations"),
        {"skill_key": "values_check", "note": "When you feel stuck"},
    )
    assert created.status_code == 201
    assert created.json()["recommended_by"] == "Dana Reyes"
    bad = post(client, client_url(personas, "recommendations"), {"skill_key": "nope"})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "skill_key"]
    assert Recommendation.objects.count() == 1
    sign_in(client, personas.casey)
    first = client.get(BASE + "/skills/suggestions").json()[0]
    assert first["skill_key"] == "values_check"
    assert first["reasons"][0] == "Your clinician suggested it"
    assert first["clinician_note"] == "When you feel stuck"
    dismissed = client.post(BASE + f"/recommendations/{first['recommendation_id']}/dismiss")
    assert dismissed.status_code == 200
    assert dismissed.json()["dismissed"] is True
    again = client.post(BASE + f"/recommendations/{first['recommendation_id']}/dismiss")
    assert again.status_code == 404


def test_a_client_cannot_recommend_to_themself(client, personas):
    sign_in(client, personas.casey)
    response = post(client, client_url(personas, "recommendations"), {"skill_key": "reach_out"})
    assert response.status_code == 404
