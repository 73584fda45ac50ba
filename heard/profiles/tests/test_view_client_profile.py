"""The care team's view of a profile: the full page, read only, and the summary at the top of
the client's record; hidden when the client keeps their profile private."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from heard.audit.models import AuditEvent
from heard.people import services as people
from heard.people.models import Category

pytestmark = pytest.mark.django_db


def profile_url(personas) -> str:
    return f"/care/clients/{personas.casey.public_id}/profile/"


def record_url(personas) -> str:
    return reverse("people:client_record", args=[personas.casey.public_id])


@pytest.fixture
def filled(personas, screened, save):
    casey = personas.casey
    save(casey, "about", chosen_name="Case", pronouns="they/them", language="es")
    save(casey, "what_matters", strengths="Good with animals", helpful_kinds=["grounding"])
    save(casey, "care", modalities=["video"], accessibility_needs="Captions")
    save(
        casey,
        "gentle",
        approach_with_care="Hospitals, my father",
        careful_tags=["eyes_closed"],
        when_overwhelmed="Slow down and name five things",
        contact_methods=["app", "text_message"],
        contact_notes="After 5pm",
    )


def test_the_address(personas):
    url = reverse("profiles:client_profile", args=[personas.casey.public_id])
    assert url == profile_url(personas)


def test_visitors_are_asked_to_sign_in(personas):
    response = Client().get(profile_url(personas))
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("who", ["eli", "olive", "fay", "cam"])
def test_anyone_outside_the_care_team_gets_404(personas, client_for, filled, who):
    response = client_for(who).get(profile_url(personas))
    assert response.status_code == 404
    assert "Hospitals" not in response.content.decode()


@pytest.mark.parametrize("who", ["dana", "sam"])
def test_the_care_team_reads_the_whole_profile(personas, client_for, filled, who):
    response = client_for(who).get(profile_url(personas))
    assert response.status_code == 200
    page = response.content.decode()
    for words in (
        "Profile: Case",
        "they/them",
        "Español",
        "Good with animals",
        "Grounding",
        "Video",
        "Captions",
        "Hospitals, my father",
        "Closing my eyes",
        "Slow down and name five things",
        "A message in Heard, Text message",
        "After 5pm",
        "wrote this in their own words",
    ):
        assert words in page, words
    assert "<form" not in page.split("<main", 1)[1]
    assert AuditEvent.objects.filter(action="profile:read").count() == 1


def test_the_client_sees_what_their_team_sees(personas, client_for, filled):
    response = client_for("casey").get(profile_url(personas))
    assert response.status_code == 200
    assert "Good with animals" in response.content.decode()


def test_an_empty_profile_says_so(personas, client_for):
    page = client_for("dana").get(profile_url(personas)).content.decode()
    assert "hasn't filled in their profile yet" in page
    assert "Nothing here yet." in page


def test_a_private_profile_is_404(personas, client_for, filled):
    people.set_sharing(personas.casey, category=Category.PROFILE, shared=False)
    assert client_for("dana").get(profile_url(personas)).status_code == 404


# --- The top of the client record --------------------------------------------------------------


def test_the_record_opens_with_what_matters_most_in_a_session(personas, client_for, filled):
    page = client_for("dana").get(record_url(personas)).content.decode()
    summary = page.split('id="profile-summary-h"', 1)[1].split("</section>", 1)[0]
    # Right under the name, before anything else on the record.
    assert page.index("<h1>") < page.index('id="profile-summary-h"') < page.index("Safety plan")
    for words in (
        "Case</span> (they/them)",
        "App language: Español",
        "Topics to approach with care",
        "Hospitals, my father",
        "What helps when overwhelmed",
        "Slow down and name five things",
        "Contact by: A message in Heard, Text message",
        "Prefers to meet: Video",
        "In exercises, go gently with: Closing my eyes",
        f'href="{profile_url(personas)}"',
    ):
        assert words in summary, words
    # The full profile's other text stays one click away.
    assert "Good with animals" not in summary
    assert AuditEvent.objects.filter(action="profile:summary:read").count() == 1


def test_the_record_says_kindly_when_the_profile_is_private(personas, client_for, filled):
    people.set_sharing(personas.casey, category=Category.PROFILE, shared=False)
    page = client_for("dana").get(record_url(personas)).content.decode()
    assert "This person has chosen to keep their profile private." in page
    assert "Hospitals" not in page
    assert profile_url(personas) not in page


def test_the_record_says_when_nothing_is_filled_in_yet(personas, client_for):
    page = client_for("dana").get(record_url(personas)).content.decode()
    assert "They haven't filled in their profile yet." in page
    assert "Casey Morgan</span>" in page


def test_the_record_with_a_profile_runs_a_fixed_number_of_queries(
    personas, client_for, filled, django_assert_max_num_queries
):
    c = client_for("dana")
    c.get(record_url(personas))  # warm the session and any per-process caches
    # The record is the client chart: each kind of data is read (and audited) through its
    # own app's access function, a fixed number of queries whatever the history holds.
    with django_assert_max_num_queries(100) as captured:
        assert c.get(record_url(personas)).status_code == 200
    profile_queries = [q for q in captured.captured_queries if "profiles_profile" in q["sql"]]
    assert len(profile_queries) == 1
