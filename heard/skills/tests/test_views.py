"""The skills pages, as a client and their care team use them."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from heard.checkins import services as checkins
from heard.checkins.rules import Values
from heard.milestones.models import Milestone
from heard.safety.models import RiskAlert
from heard.skills import library, services
from heard.skills.models import Favourite, Practice, Recommendation
from heard.testing.base import sign_in

LIBRARY = reverse("skills:library")
MINE = reverse("skills:my_practice")


def skill_url(key):
    return reverse("skills:skill", args=[key])


def staff_url(personas):
    return reverse("skills:client_practice", args=[personas.casey.public_id])


def text(response):
    assert response.status_code == 200
    return response.content.decode()


def suggested_section(page):
    start = page.index('id="suggested-h"')
    return page[start : page.index("</section>", start)]


def test_the_pages_live_where_the_nav_and_record_expect(personas):
    assert LIBRARY == "/skills/"
    assert skill_url("paced_breathing") == "/skills/paced_breathing/"
    assert MINE == "/me/practice/"
    assert staff_url(personas) == f"/care/clients/{personas.casey.public_id}/skills/"


@pytest.mark.parametrize(
    "url",
    [LIBRARY, "/skills/paced_breathing/", MINE, "/care/clients/{id}/skills/"],
)
def test_anonymous_visitors_are_asked_to_sign_in(client, personas, url):
    response = client.get(url.replace("{id}", str(personas.casey.public_id)))
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_the_library_groups_every_skill_by_kind_with_minutes_and_content_notes(client, personas):
    sign_in(client, personas.casey)
    page = text(client.get(LIBRARY))
    for skill in library.all_skills("en"):
        assert f'href="{skill_url(skill.key)}"' in page
    for label in ("Breathing", "Grounding", "Reaching out"):
        assert f">{label}</h3>" in page
    assert "About 3 minutes" in page
    assert "Content note" in page


def test_the_kind_filter_works_without_javascript(client, personas):
    sign_in(client, personas.casey)
    page = text(client.get(LIBRARY, {"kind": "grounding"}))
    assert 'href="/skills/grounding_54321/"' in page
    assert 'href="/skills/paced_breathing/"' not in page
    assert 'aria-current="page">Grounding</a>' in page
    everything = text(client.get(LIBRARY, {"kind": "nonsense"}))
    assert 'aria-current="page">All kinds</a>' in everything


def test_suggestions_come_first_with_their_reasons_and_change_with_the_check_in(client, personas):
    casey = personas.casey
    sign_in(client, casey)
    starter = suggested_section(text(client.get(LIBRARY)))
    assert "A gentle place to start" in starter
    checkins.record_checkin(casey, client=casey, values=Values(sleep_hours=4))
    page = text(client.get(LIBRARY))
    assert page.index("Suggested for you") < page.index("All skills")
    tired = suggested_section(page)
    assert "You slept about 4 hours last night" in tired
    assert tired != starter
    first = re.search(r'href="/skills/(\w+)/"', tired)
    assert first is not None
    assert library.get_skill(first.group(1), "en").kind == "sleep"


def test_the_library_page_keeps_to_a_few_queries(client, personas, django_assert_max_num_queries):
    casey = personas.casey
    for key in ("box_breathing", "reach_out", "values_check"):
        services.log_practice(casey, client=casey, skill_key=key, distress_before=5)
        services.set_favourite(casey, skill_key=key)
    sign_in(client, casey)
    with django_assert_max_num_queries(16):
        text(client.get(LIBRARY))


def test_a_skill_page_shows_the_content_note_before_the_steps_and_its_player(client, personas):
    sign_in(client, personas.casey)
    page = text(client.get(skill_url("paced_breathing")))
    skill = library.get_skill("paced_breathing", "en")
    assert page.index(skill.content_note) < page.index('id="steps-h"')
    assert skill.purpose in page
    assert skill.evidence in page
    for step in skill.steps:
        assert step in page
    assert 'data-skill-player="breathing"' in page
    assert 'data-pattern="4,0,6,0"' in page
    assert 'aria-live="polite"' in page
    assert "heard/js/skill-player.js" in page
    # No inline script or style (CSP).
    assert "<script>" not in page
    assert "style=" not in page


def test_the_grounding_skill_gets_the_step_by_step_player(client, personas):
    sign_in(client, personas.casey)
    page = text(client.get(skill_url("grounding_54321")))
    assert 'data-skill-player="steps"' in page
    assert 'data-steps-from="skill-steps"' in page
    assert "Step {n} of {total}" in page


def test_an_unknown_skill_is_not_found(client, personas):
    sign_in(client, personas.casey)
    assert client.get(skill_url("no_such_skill")).status_code == 404


def test_logging_a_practice_thanks_the_person_and_celebrates_the_first_time(client, personas):
    sign_in(client, personas.casey)
    data = {"distress_before": "7", "distress_after": "4", "helped": "yes", "key": "k1"}
    response = client.post(skill_url("box_breathing"), data)
    assert response["Location"] == skill_url("box_breathing")
    page = text(client.get(response["Location"]))
    assert "Thank you for taking this time for yourself" in page
    assert "A skill practised" in page
    assert "You've practised this once." in page
    assert "your distress went down by 3" in page
    practice = Practice.objects.get()
    assert (practice.distress_before, practice.distress_after, practice.helped) == (7, 4, "yes")
    # The same form sent twice stores one practice, and the second time there is no party.
    client.post(skill_url("box_breathing"), data)
    assert Practice.objects.count() == 1
    assert Milestone.objects.filter(kind="skill_practised").count() == 1


def test_not_helping_is_met_kindly(client, personas):
    sign_in(client, personas.casey)
    response = client.post(skill_url("reach_out"), {"helped": "no"}, follow=True)
    page = text(response)
    assert "Not every skill helps every time" in page


def test_bad_input_shows_a_message_and_keeps_what_was_typed(client, personas):
    sign_in(client, personas.casey)
    response = client.post(skill_url("box_breathing"), {"distress_after": "11", "note": "keep me"})
    page = text(response)
    assert "Choose one of the numbers shown." in page
    assert "keep me" in page
    assert Practice.objects.count() == 0


def test_a_crisis_note_goes_straight_to_the_crisis_screen(client, personas, screen_returns):
    screen_returns("urgent", crisis=True, categories=("suicide",))
    sign_in(client, personas.casey)
    response = client.post(skill_url("box_breathing"), {"note": "(words of crisis)"})
    alert = RiskAlert.objects.get()
    assert response["Location"].startswith(reverse("safety:support"))
    assert str(alert.public_id) in response["Location"]
    assert Practice.objects.get().note == "(words of crisis)"


def test_worry_about_someone_else_shows_how_to_help(client, personas, screen_returns):
    screen_returns("concern", about="someone_else")
    sign_in(client, personas.casey)
    response = client.post(
        skill_url("reach_out"), {"note": "my friend talks about ending it"}, follow=True
    )
    assert "When you're worried about someone" in text(response)


def test_favourites_are_toggled_and_shown_in_the_library(client, personas):
    sign_in(client, personas.casey)
    url = reverse("skills:favourite", args=["values_check"])
    assert client.get(url).status_code == 405
    assert client.post(url, {"on": "1"})["Location"] == skill_url("values_check")
    assert Favourite.objects.filter(client=personas.casey, skill_key="values_check").exists()
    page = text(client.get(LIBRARY))
    favourites = page[page.index('id="favourites-h"') : page.index('id="all-h"')]
    assert 'href="/skills/values_check/"' in favourites
    assert "Take it off my favourites" in text(client.get(skill_url("values_check")))
    assert client.post(url, {"on": "0", "back": "library"})["Location"] == LIBRARY
    assert not Favourite.objects.exists()
    assert client.post(reverse("skills:favourite", args=["nope"]), {"on": "1"}).status_code == 404


def test_my_practice_shows_each_skill_and_each_time_without_streaks(client, personas):
    casey = personas.casey
    services.log_practice(
        casey, client=casey, skill_key="box_breathing", distress_before=8, distress_after=5,
        helped="yes", note="Calmer after",
    )  # fmt: skip
    services.log_practice(casey, client=casey, skill_key="box_breathing", helped="some")
    sign_in(client, casey)
    page = text(client.get(MINE))
    assert "Box breathing" in page
    assert "Down by 3" in page
    assert "Yes 1, a little 1, not this time 0" in page
    assert "Calmer after" in page  # their own note, for them
    for word in ("streak", "missed", "in a row"):
        assert word not in page.lower()


def test_my_practice_starts_empty_and_kind(client, personas):
    sign_in(client, personas.casey)
    assert "Nothing here yet" in text(client.get(MINE))


# --- The care team ---------------------------------------------------------------------------


def test_dana_sees_practice_and_helpfulness_but_not_the_notes(client, personas):
    casey = personas.casey
    services.log_practice(
        casey, client=casey, skill_key="reach_out", distress_before=6, distress_after=3,
        helped="yes", note="private words",
    )  # fmt: skip
    services.set_favourite(casey, skill_key="reach_out")
    sign_in(client, personas.dana)
    page = text(client.get(staff_url(personas)))
    assert "Casey Morgan's skills practice" in page
    assert "Reach out to someone" in page
    assert "Down by 3" in page
    assert "private words" not in page
    assert "Suggest this skill" in page


def test_eli_gets_not_found(client, personas):
    sign_in(client, personas.eli)
    assert client.get(staff_url(personas)).status_code == 404
    assert client.post(staff_url(personas), {"skill_key": "values_check"}).status_code == 404
    assert not Recommendation.objects.exists()


def test_a_clinician_suggestion_reaches_the_client_with_its_reason_and_note(client, personas):
    sign_in(client, personas.dana)
    response = client.post(
        staff_url(personas), {"skill_key": "values_check", "note": "When you feel stuck"}
    )
    assert response["Location"] == staff_url(personas)
    assert "When you feel stuck" in text(client.get(staff_url(personas)))
    sign_in(client, personas.casey)
    suggested = suggested_section(text(client.get(LIBRARY)))
    assert "Your clinician suggested it" in suggested
    assert "When you feel stuck" in suggested
    assert "Dana Reyes" in suggested
    assert "Your clinician suggested this skill." in text(client.get(skill_url("values_check")))
    # Casey puts it aside; the skill stays in the library.
    rec = Recommendation.objects.get()
    dismissed = client.post(reverse("skills:dismiss", args=[rec.public_id]))
    assert dismissed["Location"] == LIBRARY
    assert "Your clinician suggested it" not in text(client.get(LIBRARY))
    assert client.post(reverse("skills:dismiss", args=[rec.public_id])).status_code == 404


def test_a_bad_suggestion_shows_the_problem(client, personas):
    sign_in(client, personas.dana)
    page = text(client.post(staff_url(personas), {"skill_key": "nope"}))
    assert "Select a valid choice" in page
    assert not Recommendation.objects.exists()


def test_casey_sees_her_own_practice_page_without_the_suggest_form(client, personas):
    sign_in(client, personas.casey)
    page = text(client.get(staff_url(personas)))
    assert "Suggest this skill" not in page
    assert client.post(staff_url(personas), {"skill_key": "values_check"}).status_code == 404


# --- Spanish ---------------------------------------------------------------------------------


def test_the_skill_pages_speak_spanish(client, personas):
    sign_in(client, personas.casey)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    page = text(client.get(skill_url("paced_breathing")))
    assert '<html lang="es"' in page
    assert library.get_skill("paced_breathing", "es").title in page
    assert library.get_skill("paced_breathing", "es").steps[0] in page
    library_page = text(client.get(LIBRARY))
    assert library.get_skill("grounding_54321", "es").title in library_page


def test_a_reflections_skill_offer_links_to_the_skill_page():
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    offer = SimpleNamespace(kind="skill", key="paced_breathing", title="Paced breathing", text="")
    reflection = SimpleNamespace(heard="", validation="", offer=offer)
    html = render_to_string("journal/_reflection.html", {"reflection": reflection})
    assert f'href="{skill_url("paced_breathing")}"' in html
    assert "Try it: Paced breathing" in html
