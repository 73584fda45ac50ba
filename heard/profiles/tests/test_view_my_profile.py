"""The client's own profile page: four sections saved on their own, with HTMX or plain
forms, kind feedback, conflicts, refused input, the language switch and the safety path."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from heard.accounts.models import Membership
from heard.people import services as people
from heard.people.models import Category
from heard.profiles.models import Profile
from heard.profiles.tests.conftest import SOMEONE_ELSE, finding
from heard.safety.models import RiskAlert

pytestmark = pytest.mark.django_db

PAGE = "/me/profile/"
HTMX = {"HX-Request": "true"}


def post(c: Client, section: str, base_revision: int = 0, htmx: bool = False, **fields):
    data = {"section": section, "base_revision": str(base_revision), **fields}
    return c.post(PAGE, data, headers=HTMX if htmx else None)


def test_the_address():
    assert reverse("profiles:my_profile") == PAGE


def test_visitors_are_asked_to_sign_in():
    for response in (Client().get(PAGE), Client().post(PAGE, {"section": "care"})):
        assert response.status_code == 302
        assert "login" in response["Location"]


@pytest.mark.parametrize("who", ["dana", "eli", "olive", "fay"])
def test_staff_have_no_profile_page(client_for, who):
    assert client_for(who).get(PAGE).status_code == 404
    assert post(client_for(who), "care", modalities=["video"]).status_code == 404
    assert not Profile.objects.exists()


def test_the_page_invites_without_nagging(personas, client_for):
    page = client_for("casey").get(PAGE).content.decode()
    assert "<h1>About me</h1>" in page
    assert "Every question is optional" in page
    assert "Nothing here yet. Start with any part you like" in page
    for title in (
        "Name, pronouns and language",
        "What matters to me",
        "How I&#x27;d like my care",
        "Taking care with hard things",
    ):
        assert title in page
    assert page.count('hx-post="/me/profile/"') == 4
    assert page.count('name="base_revision" value="0"') == 4
    # Who sees it, and where to change that.
    assert "Your care team can read what you write here" in page
    assert f'href="{reverse("people:sharing")}"' in page
    assert 'role="status" aria-live="polite"' in page
    # The form starts from the account's language.
    assert 'value="en" id="id_language_0" checked' in page


def test_a_private_profile_says_only_you_see_it(personas, client_for):
    people.set_sharing(personas.casey, category=Category.PROFILE, shared=False)
    page = client_for("casey").get(PAGE).content.decode()
    assert "Only you can see this right now" in page


def test_saving_a_section_without_javascript(personas, client_for):
    c = client_for("casey")
    response = post(
        c,
        "gentle",
        approach_with_care="Hospitals",
        careful_tags=["memories", "eyes_closed"],
        when_overwhelmed="Quiet and water",
        contact_methods=["app"],
        contact_notes="",
    )
    assert response.status_code == 302
    assert response["Location"] == PAGE + "#section-gentle"
    profile = Profile.objects.get()
    assert profile.careful_tags == ["eyes_closed", "memories"]
    assert profile.when_overwhelmed == "Quiet and water"
    page = c.get(PAGE).content.decode()
    assert "Saved: Taking care with hard things." in page
    assert "1 of 4 parts has something in it." in page
    assert "Quiet and water" in page
    assert 'value="memories" id="id_careful_tags_3" checked' in page
    assert page.count('name="base_revision" value="1"') == 4


def test_unticking_every_box_clears_a_list(personas, client_for, screened, save):
    save(personas.casey, "care", modalities=["video", "phone"])
    post(client_for("casey"), "care", base_revision=1, clinician_preferences="")
    assert Profile.objects.get().modalities == []


def test_saving_with_htmx_answers_with_the_section_and_the_news(personas, client_for):
    response = post(
        client_for("casey"), "what_matters", htmx=True, strengths="I listen", what_matters=""
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="section-what_matters"')
    assert "Saved</span>" in html
    assert '<p id="profile-status" hx-swap-oob="innerHTML">Saved: What matters to me.</p>' in html
    assert 'id="profile-progress" class="heard-profile__progress" hx-swap-oob="true"' in html
    assert "1 of 4 parts has something in it." in html
    assert 'name="base_revision" value="1"' in html
    assert 'id="save-what_matters"' in html
    assert Profile.objects.get().strengths == "I listen"


def test_text_too_long_is_refused_and_the_words_are_kept(personas, client_for):
    long = "word " * 500
    response = post(client_for("casey"), "care", cultural_faith=long)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please keep this to 2,000 characters or fewer (it has 2,499)" in html
    assert "word word word" in html
    assert not Profile.objects.exists()
    htmx = post(client_for("casey"), "care", htmx=True, cultural_faith=long)
    # htmx swaps only 2xx answers, so the form with its notes comes back as 200.
    assert htmx.status_code == 200
    assert "Not saved yet: please look at the notes on the form." in htmx.content.decode()
    assert not Profile.objects.exists()


def test_a_choice_not_on_the_list_is_refused(personas, client_for):
    response = post(client_for("casey"), "care", modalities=["carrier_pigeon"])
    assert response.status_code == 400
    assert "usa-error-message" in response.content.decode()
    assert not Profile.objects.exists()


def test_an_unknown_section_saves_nothing(personas, client_for):
    response = post(client_for("casey"), "secrets", strengths="x")
    assert response["Location"] == PAGE
    assert not Profile.objects.exists()


def test_a_conflict_keeps_both_versions_in_view(personas, client_for, screened, save):
    save(personas.casey, "what_matters", strengths="Written in another tab")
    response = post(client_for("casey"), "what_matters", base_revision=0, strengths="Mine")
    assert response.status_code == 409
    html = response.content.decode()
    assert "changed somewhere else (maybe in another tab)" in html
    assert "What is saved now" in html
    assert "Written in another tab" in html
    assert "Mine</textarea>" in html
    # Saving again starts from what is saved now.
    assert 'name="base_revision" value="1"' in html
    assert Profile.objects.get().strengths == "Written in another tab"
    again = post(client_for("casey"), "what_matters", base_revision=1, strengths="Mine")
    assert again.status_code == 302
    assert Profile.objects.get().strengths == "Mine"


def test_a_conflict_with_htmx_says_so(personas, client_for, screened, save):
    save(personas.casey, "what_matters", strengths="Elsewhere")
    response = post(client_for("casey"), "what_matters", htmx=True, strengths="Mine")
    assert response.status_code == 200
    assert "Not saved: this part changed somewhere else." in response.content.decode()


def test_choosing_spanish_switches_the_app(personas, client_for):
    c = client_for("casey")
    response = post(c, "about", chosen_name="Casey", pronouns="", language="es")
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    personas.casey.refresh_from_db()
    assert personas.casey.language == "es"
    htmx = post(c, "about", base_revision=1, htmx=True, chosen_name="Casey", language="en")
    assert htmx["HX-Redirect"] == PAGE + "#section-about"
    assert htmx.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_the_chosen_name_is_used_across_the_app(personas, client_for):
    c = client_for("casey")
    post(c, "about", chosen_name="Kit", pronouns="they/them", language="en")
    personas.casey.refresh_from_db()
    assert personas.casey.display_name == "Kit"
    page = client_for("dana").get(reverse("people:client_record", args=[personas.casey.public_id]))
    assert "<h1>Kit</h1>" in page.content.decode()


def test_words_that_show_risk_lead_to_support_first(personas, client_for, screen_returns):
    screen_returns(finding())
    response = post(client_for("casey"), "gentle", when_overwhelmed="I want to die")
    alert = RiskAlert.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/me/support/?saved=1&alert={alert.public_id}"
    assert Profile.objects.get().when_overwhelmed == "I want to die"
    htmx = post(
        client_for("casey"), "gentle", base_revision=1, htmx=True, approach_with_care="dying"
    )
    assert htmx["HX-Redirect"].startswith("/me/support/?saved=1&alert=")


def test_worry_about_someone_else_shows_how_to_help(personas, client_for, screen_returns):
    screen_returns(SOMEONE_ELSE)
    response = post(client_for("casey"), "what_matters", what_matters="My friend is not safe")
    assert response.status_code == 200
    assert "worried about someone you care about" in response.content.decode()
    htmx = post(
        client_for("casey"), "what_matters", base_revision=1, htmx=True, strengths="I worry"
    )
    assert "worried about someone you care about" in htmx.content.decode()


def test_after_care_ends_the_profile_is_read_only(personas, client_for, screened, save):
    save(personas.casey, "what_matters", strengths="Patient")
    Membership.objects.filter(user=personas.casey).update(is_active=False)
    c = client_for("casey")
    page = c.get(PAGE).content.decode()
    assert "Patient" in page
    assert "<form" not in page.split("<main", 1)[1].split("</main>")[0]
    assert post(c, "what_matters", base_revision=1, strengths="x").status_code == 404


def test_what_people_write_is_escaped(personas, client_for, screened, save):
    save(personas.casey, "what_matters", strengths="<script>alert(1)</script>")
    page = client_for("casey").get(PAGE).content.decode()
    assert "<script>alert(1)</script>" not in page
