"""The profile API over HTTP: the client's own profile (read, save a part), conflicts and bad
input refused with nothing stored, the safety path, and the care team's read."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from heard.accounts.models import Membership
from heard.api.api import api
from heard.audit.models import AuditEvent
from heard.people import services as people
from heard.people.models import Category
from heard.profiles.models import Profile
from heard.profiles.tests.conftest import SOMEONE_ELSE, finding
from heard.safety.models import RiskAlert

pytestmark = pytest.mark.django_db

OWN = "/api/v1/profile"


def patch(c: Client, section: str, fields: dict[str, object], base_revision: int = 0):
    body = {"section": section, "fields": fields, "base_revision": base_revision}
    return c.patch(OWN, data=json.dumps(body), content_type="application/json")


def client_url(personas) -> str:
    return f"/api/v1/clients/{personas.casey.public_id}/profile"


def test_every_route_is_documented_with_its_errors():
    paths = api.get_openapi_schema()["paths"]
    assert set(paths[OWN]) == {"get", "patch"}
    assert {200, 401, 404, 409, 422} <= set(map(int, paths[OWN]["patch"]["responses"]))
    assert {200, 401, 404} <= set(
        map(int, paths["/api/v1/clients/{client_id}/profile"]["get"]["responses"])
    )


def test_visitors_get_401(personas):
    c = Client()
    assert c.get(OWN).status_code == 401
    assert patch(c, "care", {"modalities": ["video"]}).status_code == 401
    assert c.get(client_url(personas)).status_code == 401


@pytest.mark.parametrize("who", ["dana", "eli", "olive"])
def test_staff_have_no_profile_of_their_own(client_for, who):
    assert client_for(who).get(OWN).status_code == 404
    assert patch(client_for(who), "care", {"modalities": ["video"]}).status_code == 404
    assert not Profile.objects.exists()


def test_a_blank_profile_before_the_first_save(personas, client_for):
    data = client_for("casey").get(OWN).json()
    assert data["id"] is None
    assert data["revision"] == 0
    assert data["language"] == "en"
    assert data["modalities"] == []
    assert data["updated"] is None


def test_saving_a_part_returns_the_profile(personas, client_for, screened):
    response = patch(
        client_for("casey"),
        "gentle",
        {"when_overwhelmed": "Cold water", "careful_tags": ["eyes_closed"]},
    )
    assert response.status_code == 200
    data = response.json()
    profile = Profile.objects.get()
    assert data["changed"] is True
    assert data["crisis"] is False
    assert data["support_url"] is None
    assert data["helping_someone"] is False
    assert data["profile"]["id"] == str(profile.public_id)
    assert data["profile"]["revision"] == 1
    assert data["profile"]["when_overwhelmed"] == "Cold water"
    assert data["profile"]["careful_tags"] == ["eyes_closed"]
    assert client_for("casey").get(OWN).json()["when_overwhelmed"] == "Cold water"
    again = patch(client_for("casey"), "gentle", {"when_overwhelmed": "Cold water"}, 1).json()
    assert again["changed"] is False


def test_a_stale_part_is_409_with_what_is_saved_now(personas, client_for, screened, save):
    save(personas.casey, "what_matters", strengths="From my phone")
    response = patch(client_for("casey"), "what_matters", {"strengths": "From my laptop"})
    assert response.status_code == 409
    data = response.json()
    assert data["section"] == "what_matters"
    assert "changed somewhere else" in data["detail"]
    assert data["profile"]["strengths"] == "From my phone"
    assert data["profile"]["revision"] == 1
    assert Profile.objects.get().strengths == "From my phone"


@pytest.mark.parametrize(
    ("section", "fields", "loc"),
    [
        ("nowhere", {}, ["body", "section"]),
        ("care", {"modalities": ["carrier_pigeon"]}, ["body", "modalities"]),
        ("care", {"cultural_faith": "x" * 2001}, ["body", "cultural_faith"]),
        ("about", {"strengths": "x"}, ["body", "strengths"]),
    ],
    ids=["section", "choice", "length", "field"],
)
def test_bad_input_is_422_and_nothing_is_stored(personas, client_for, section, fields, loc):
    response = patch(client_for("casey"), section, fields)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == loc
    assert not Profile.objects.exists()


def test_a_malformed_body_is_422(client_for):
    response = client_for("casey").patch(
        OWN, data=json.dumps({"section": "care"}), content_type="application/json"
    )
    assert response.status_code == 422
    assert not Profile.objects.exists()


def test_words_that_show_risk_ask_for_the_crisis_screen(personas, client_for, screen_returns):
    screen_returns(finding())
    data = patch(client_for("casey"), "gentle", {"approach_with_care": "I want to die"}).json()
    alert = RiskAlert.objects.get()
    assert data["crisis"] is True
    assert data["support_url"].endswith(f"/me/support/?saved=1&alert={alert.public_id}")
    assert Profile.objects.get().approach_with_care == "I want to die"


def test_worry_about_someone_else_asks_for_the_helping_panel(personas, client_for, screen_returns):
    screen_returns(SOMEONE_ELSE)
    data = patch(client_for("casey"), "what_matters", {"what_matters": "My brother"}).json()
    assert data["helping_someone"] is True
    assert data["crisis"] is False


def test_after_care_ends_the_profile_is_read_only(personas, client_for, screened, save):
    save(personas.casey, "care", modalities=["phone"])
    Membership.objects.filter(user=personas.casey).update(is_active=False)
    c = client_for("casey")
    assert c.get(OWN).json()["modalities"] == ["phone"]
    assert patch(c, "care", {"modalities": []}, 1).status_code == 404


@pytest.mark.parametrize("who", ["dana", "sam"])
def test_the_care_team_reads_the_profile(personas, client_for, screened, save, who):
    save(personas.casey, "gentle", when_overwhelmed="Quiet")
    response = client_for(who).get(client_url(personas))
    assert response.status_code == 200
    assert response.json()["when_overwhelmed"] == "Quiet"
    assert AuditEvent.objects.filter(action="profile:read").count() == 1


def test_others_and_a_private_profile_get_404(personas, client_for):
    assert client_for("eli").get(client_url(personas)).status_code == 404
    people.set_sharing(personas.casey, category=Category.PROFILE, shared=False)
    assert client_for("dana").get(client_url(personas)).status_code == 404
