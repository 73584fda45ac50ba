"""The check-ins API: same services as the pages; bad input is a 4xx and stores nothing."""

import json

import pytest

from heard.checkins import services
from heard.checkins.models import CheckIn
from heard.checkins.rules import Values
from heard.people import services as people
from heard.people.models import Category
from heard.testing.base import sign_in

BASE = "/api/v1/checkins"


def post(client, body, **headers):
    return client.post(BASE, json.dumps(body), content_type="application/json", **headers)


def test_anonymous_callers_get_401(client):
    assert client.get(BASE).status_code == 401
    assert post(client, {"mood": 5}).status_code == 401


def test_a_check_in_is_created_listed_read_and_updated(client, personas, screen_returns):
    screen_returns()
    sign_in(client, personas.casey)
    created = post(client, {"mood": 5, "feelings": ["calm"], "sleep_hours": 7.5, "note": "ok day"})
    assert created.status_code == 201
    body = created.json()
    assert body["crisis"] is False
    assert body["support_url"] is None
    assert body["reflection"]["automated"] is True
    assert body["milestone"] == "first_checkin"
    checkin_id = body["checkin"]["id"]
    assert [c["id"] for c in client.get(BASE).json()] == [checkin_id]
    one = client.get(f"{BASE}/{checkin_id}").json()
    assert one["sleep_hours"] == 7.5
    patched = client.patch(
        f"{BASE}/{checkin_id}",
        json.dumps({"mood": 6, "note": None}),
        content_type="application/json",
    )
    assert patched.status_code == 200
    assert patched.json()["checkin"]["mood"] == 6
    assert patched.json()["checkin"]["note"] == ""
    assert patched.json()["checkin"]["revision"] == 2


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"mood": 11}, "mood"),
        ({"sleep_hours": -2}, "sleep_hours"),
        ({"note": "x" * 1_000_000}, "note"),
        ({"feelings": ["nope"]}, "feelings"),
        ({"alcohol_drinks": 3}, "substances"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_stored(
    client, personas, body, field
):
    sign_in(client, personas.casey)
    response = post(client, body)
    assert response.status_code == 422
    problems = response.json()["detail"]
    assert problems[0]["loc"] == ["body", field]
    assert problems[0]["msg"]
    assert CheckIn.objects.count() == 0


def test_a_value_of_the_wrong_type_is_refused(client, personas):
    sign_in(client, personas.casey)
    assert post(client, {"mood": "very"}).status_code == 422
    assert CheckIn.objects.count() == 0


def test_an_empty_check_in_is_refused(client, personas):
    sign_in(client, personas.casey)
    response = post(client, {})
    assert response.status_code == 422
    assert "at least one thing" in response.json()["detail"][0]["msg"]


def test_a_crisis_note_says_to_show_crisis_resources(client, personas, screen_returns):
    screen_returns("urgent", crisis=True, categories=("suicide",))
    sign_in(client, personas.casey)
    body = post(client, {"note": "(crisis)"}).json()
    assert body["crisis"] is True
    assert body["support_url"].startswith("/me/support/")
    assert body["reflection"] is None


def test_the_idempotency_key_stores_one_check_in(client, personas):
    sign_in(client, personas.casey)
    first = post(client, {"mood": 3}, HTTP_IDEMPOTENCY_KEY="same")
    again = post(client, {"mood": 3}, HTTP_IDEMPOTENCY_KEY="same")
    assert (first.status_code, again.status_code) == (201, 200)
    assert CheckIn.objects.count() == 1


def test_patching_with_bad_values_changes_nothing(client, personas):
    checkin = services.record_checkin(
        personas.casey, client=personas.casey, values=Values(mood=4)
    ).checkin
    sign_in(client, personas.casey)
    response = client.patch(
        f"{BASE}/{checkin.public_id}", json.dumps({"stress": 40}), content_type="application/json"
    )
    assert response.status_code == 422
    checkin.refresh_from_db()
    assert checkin.stress is None
    assert checkin.revision == 1


def test_someone_elses_check_in_is_not_found(client, personas):
    checkin = services.record_checkin(
        personas.cam, client=personas.cam, values=Values(mood=4)
    ).checkin
    sign_in(client, personas.casey)
    assert client.get(f"{BASE}/{checkin.public_id}").status_code == 404
    patch = client.patch(f"{BASE}/{checkin.public_id}", "{}", content_type="application/json")
    assert patch.status_code == 404


def test_the_care_team_reads_shared_check_ins_without_notes(client, personas):
    casey = personas.casey
    services.record_checkin(casey, client=casey, values=Values(mood=4, note="mine alone"))
    url = f"/api/v1/clients/{casey.public_id}/checkins"
    sign_in(client, personas.dana)
    assert client.get(url).status_code == 404
    people.set_sharing_choices(casey, shared={Category.CHECKINS})
    rows = client.get(url).json()
    assert rows[0]["mood"] == 4
    assert rows[0]["note"] == ""
    sign_in(client, personas.eli)
    assert client.get(url).status_code == 404
    sign_in(client, casey)
    assert client.get(url).json()[0]["note"] == "mine alone"
