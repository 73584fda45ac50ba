"""The self-check pages: start, questions, the support page after a critical answer, results,
kind errors for bad input, and keeping the results."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core import signing
from django.test import Client
from django.urls import reverse

from heard.accounts.models import User
from heard.audit.models import AuditEvent
from heard.instruments.models import Assessment
from heard.instruments.registry import get_instrument
from heard.safety.models import RiskAlert
from heard.selfcheck import flow, tokens
from heard.selfcheck.tests.walk import (
    KEEP,
    NEGATIVE,
    POSITIVE,
    QUESTIONS,
    form_data,
    post_page,
    step_of,
    token_of,
    walk,
)
from heard.testing.base import PASSWORD, Personas

pytestmark = pytest.mark.django_db

CRITICAL = {**POSITIVE, "mood-last": {9: 1, 10: 2}}
PHQ9_ITEM_9 = "Thoughts that you would be better off dead or of hurting yourself in some way"


def text(response) -> str:
    body: str = response.content.decode()
    return body


def main(response) -> str:
    body = text(response)
    return body[body.index("<main") : body.index("</main>")]


def to_step(client: Client, pages, wanted: str):
    response = client.get(QUESTIONS)
    while (step := step_of(response)) != wanted:
        assert step != flow.RESULTS, f"never reached {wanted}"
        if step == flow.SUPPORT:
            response = client.post(QUESTIONS, form_data(response, action="next"))
        else:
            response = post_page(client, response, pages[step])
    return response


# --- Start ---------------------------------------------------------------------------------


def test_it_lives_at_check() -> None:
    assert reverse("selfcheck:start") == "/check/"


def test_the_start_page_says_what_to_expect_and_shows_quick_exit(client) -> None:
    response = client.get("/check/")
    assert response.status_code == 200
    body = text(response)
    assert "about 5 minutes" in body
    assert "It's not a diagnosis" in body
    assert "Nothing is saved" in body
    assert "skip any question" in body
    assert f'href="{QUESTIONS}"' in body
    assert "data-quick-exit-url" in body
    assert 'href="/help-now/"' in body


def test_the_welcome_page_links_to_the_check(client) -> None:
    assert 'href="/check/"' in text(client.get("/"))


# --- Question pages ------------------------------------------------------------------------


def test_the_first_page_asks_the_phq2_in_its_published_words(client) -> None:
    body = main(client.get(QUESTIONS))
    assert "<h1>Your mood</h1>" in body
    assert "Page 1 of 6" in body
    assert (
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    ) in body
    assert "Little interest or pleasure in doing things</legend>" in body
    assert "Feeling down, depressed, or hopeless</legend>" in body
    assert body.count("<fieldset") == 2
    assert body.count("Prefer not to answer") == 2
    assert body.count('type="radio"') == 10
    assert "Copyright © Pfizer Inc." in body
    # The first page has nowhere to go back to.
    assert 'value="back"' not in body


def test_an_unanswered_question_gets_a_kind_error_with_a_summary(client) -> None:
    first = client.get(QUESTIONS)
    response = post_page(client, first, {1: 2})
    assert response.status_code == 200
    body = text(response)
    assert "<title>Error: Your mood " in body
    assert 'role="alert"' in body
    assert (
        '<a href="#id_q2_0">Choose an answer for question 2, or choose “Prefer not to answer”.</a>'
    ) in body
    assert 'aria-describedby="id_q2-error"' in body
    # The answer already given stays chosen, and the state has not moved on. (The states,
    # not the tokens: a signed token carries the second it was made in, so two pages made a
    # second apart carry different tokens for the same state.)
    assert 'value="2" checked' in body
    assert tokens.loads(token_of(response)) == tokens.loads(token_of(first))


@pytest.mark.parametrize("value", ["7", "-1", "2.5", "", "Nearly every day"])
def test_an_answer_that_is_not_on_the_list_is_refused(client, value) -> None:
    response = post_page(client, client.get(QUESTIONS), {1: value, 2: 0})
    assert step_of(response) == "mood"
    assert "Choose" in text(response)
    assert Assessment.objects.count() == 0


def test_prefer_not_to_answer_skips_a_question_without_an_error(client) -> None:
    response = post_page(client, client.get(QUESTIONS), {1: "skip", 2: "skip"})
    assert step_of(response) == "worry"
    assert tokens.loads(token_of(response)).answers["phq"] == {1: None, 2: None}


def test_back_shows_the_previous_page_with_its_answers(client) -> None:
    worry = post_page(client, client.get(QUESTIONS), {1: 1, 2: 0})
    # A negative mood screen drops the two longer mood pages from the count.
    assert "Page 2 of 4" in text(worry)
    back = client.post(QUESTIONS, form_data(worry, action="back"))
    assert step_of(back) == "mood"
    body = text(back)
    assert 'id="id_q1_1" value="1" checked' in body
    assert 'id="id_q2_0" value="0" checked' in body


def test_the_item_9_page_starts_with_a_content_note(client) -> None:
    body = main(to_step(client, POSITIVE, "mood-last"))
    assert "Before the next question" in body
    assert body.index("thoughts of death or of hurting yourself") < body.index(PHQ9_ITEM_9)
    assert 'href="/help-now/"' in body


def test_an_incomplete_screen_still_offers_the_longer_questions_which_can_be_skipped(
    client,
) -> None:
    pages = {**NEGATIVE, "mood": {1: 0, 2: "skip"}}
    response = to_step(client, pages, "mood-more")
    body = text(response)
    assert "You skipped one or both of the first questions" in body
    assert 'value="skip">Skip these questions' in body
    skipped = client.post(QUESTIONS, form_data(response, action="skip"))
    assert step_of(skipped) == "mood-last"
    assert step_of(client.post(QUESTIONS, form_data(skipped, action="skip"))) == "wellbeing"


def test_a_positive_screen_cannot_skip_the_longer_questions_as_a_page(client) -> None:
    response = to_step(client, POSITIVE, "mood-more")
    assert 'value="skip">Skip these questions' not in text(response)
    # Posting "skip" anyway only asks for the answers.
    again = client.post(QUESTIONS, form_data(response, action="skip"))
    assert step_of(again) == "mood-more"
    assert "Please check this page" in text(again)


# --- Critical answer -----------------------------------------------------------------------


def test_a_critical_answer_shows_crisis_lines_next(client) -> None:
    response = to_step(client, CRITICAL, "support")
    body = main(response)
    assert "Thank you for telling us" in body
    assert 'href="tel:911"' in body
    assert 'href="tel:988"' in body
    assert 'href="sms:741741?&amp;body=HOME"' in body
    # The same crisis panel as a critical answer inside an account.
    assert "Support is here for you, right now" in body
    assert 'href="/help-now/">Go to help now</a>' in body
    assert 'value="next">Continue the check</button>' in body
    # Continue the check goes on with the questions.
    after = client.post(QUESTIONS, form_data(response, action="next"))
    assert step_of(after) == "worry-more"


def test_the_support_page_shows_the_lines_for_the_persons_region(client) -> None:
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en-GB"
    body = main(to_step(client, CRITICAL, "support"))
    assert 'href="tel:999"' in body
    assert 'href="tel:116123"' in body
    assert 'href="tel:988"' not in body


def test_results_after_a_critical_answer_show_crisis_resources_first(client) -> None:
    body = main(walk(client, CRITICAL))
    assert body.index("Support is here for you, right now") < body.index(
        "screening, not a diagnosis"
    )
    assert body.index('href="tel:988"') < body.index('<h2 id="heard-result-phq">')


# --- Results -------------------------------------------------------------------------------


def test_results_say_what_the_answers_suggest_with_the_score_and_range(client) -> None:
    response = walk(client, POSITIVE)
    body = main(response)
    assert "<h1>Your results</h1>" in body
    assert "This is a screening, not a diagnosis." in body
    # PHQ-9 2+2+2+1+1+2+1+0+0 = 11 (moderate); GAD-7 2+2+1+2+1+1+2 = 11 (moderate).
    assert "having a hard time with low mood" in body
    assert "Your score: 11 out of 27 on the PHQ-9." in body
    assert "Your score: 11 out of 21 on the GAD-7." in body
    # WHO-5 raw 8, index 32: higher is better.
    assert "Your score: 32 out of 100 on the WHO-5." in body
    assert "a higher score means better well-being" in body
    # No bare diagnosis labels.
    for label in ("moderately severe", "Moderate", "depression", "disorder"):
        assert label not in body
    assert body.count("<li>") >= 3  # things to try
    assert "Talk to a GP or family doctor" in body
    assert 'href="tel:988"' in body  # crisis lines for everyone, after the next steps
    assert "Support is here for you, right now" not in body
    assert "If things ever feel like too much" in body
    assert "Showing help lines for: <strong>United States</strong>." in body
    # Attribution for every instrument shown.
    assert "Patient Health Questionnaire-9 (PHQ-9)" in body
    assert "Generalized Anxiety Disorder-7 (GAD-7)" in body
    for instrument_id in ("phq-9", "gad-7", "who-5"):
        assert html.escape(get_instrument(instrument_id).copyright) in body
    assert "Keep these results" in body


def test_negative_screens_are_reported_on_the_short_questionnaires(client) -> None:
    body = main(walk(client, NEGATIVE))
    assert "Your score: 1 out of 6 on the PHQ-2." in body
    assert "Your score: 1 out of 6 on the GAD-2." in body
    assert "Patient Health Questionnaire-2 (PHQ-2)" in body


def test_skipped_longer_questions_fall_back_kindly_on_the_first_two(client) -> None:
    pages = {**POSITIVE, "worry-more": {3: "skip", 4: 1, 5: 1, 6: 1, 7: "skip"}}
    body = main(walk(client, pages))
    assert (
        "You chose not to answer 2 of the longer questions, so this is based on the first two."
    ) in body
    assert "Your score: 4 out of 6 on the GAD-2." in body
    assert "worry or anxiety may be affecting you" in body
    assert "out of 21" not in body


def test_a_part_with_too_many_skips_for_a_score_says_so_kindly(client) -> None:
    pages = {**NEGATIVE, "mood": {1: 1, 2: "skip"}, "mood-more": {}, "mood-last": {}}
    response = to_step(client, pages, "mood-more")
    response = client.post(QUESTIONS, form_data(response, action="skip"))
    response = client.post(QUESTIONS, form_data(response, action="skip"))
    assert step_of(response) == "wellbeing"
    body = main(post_page(client, response, NEGATIVE["wellbeing"]))
    assert "<h1>Your results</h1>" in body
    assert "we can&#x27;t give a score this time" in body
    assert "out of 6 on the PHQ-2" not in body


def test_a_signed_in_client_sees_their_care_team(client_for) -> None:
    body = main(walk(client_for("casey"), POSITIVE))
    assert "Your care team:" in body
    assert "Dana Reyes" in body
    assert 'value="on"' not in body  # no sign-up form: a button instead


# --- Bad tokens ----------------------------------------------------------------------------


def _finished_token(client: Client, pages=POSITIVE) -> str:
    return token_of(walk(client, pages))


@pytest.mark.parametrize("url", [QUESTIONS, KEEP])
def test_a_tampered_token_gets_a_kind_error_and_stores_nothing(client, url) -> None:
    token = _finished_token(client)
    data, signature = token.rsplit(":", 1)
    forged = f"{data}x:{signature}"
    users = User.objects.count()
    for bad in (forged, "", "garbage", token[:-2]):
        response = client.post(url, {"state": bad, "q1": "0", "q2": "0", "keep": "on"})
        assert response.status_code == 400
        assert "Sorry, we couldn't continue your check" in text(response)
        assert "Nothing has been saved" in text(response)
    assert Assessment.objects.count() == 0
    assert User.objects.count() == users


def test_a_forged_state_with_out_of_range_answers_is_refused(client) -> None:
    # Even correctly signed, a state the check could not have produced is refused.
    forged = signing.dumps(
        {"a": {"phq": {"1": 9, "2": 9}}, "h": ["mood"], "n": "abc"}, salt=tokens.SALT
    )
    assert client.post(QUESTIONS, {"state": forged}).status_code == 400


def test_an_expired_token_gets_the_same_kind_error(client, monkeypatch) -> None:
    token = token_of(client.get(QUESTIONS))
    monkeypatch.setattr(tokens, "MAX_AGE", timedelta(seconds=-1))
    assert client.post(QUESTIONS, {"state": token, "q1": "0", "q2": "0"}).status_code == 400


def test_get_on_keep_is_not_allowed(client) -> None:
    assert client.get(KEEP).status_code == 405


# --- Keeping the results -------------------------------------------------------------------


def test_a_signed_in_client_keeps_the_results_once(personas: Personas, client_for) -> None:
    casey = client_for("casey")
    token = _finished_token(casey)
    response = casey.post(KEEP, {"state": token})
    assert response.status_code == 302
    assert response["Location"] == reverse("instruments:my_measures")
    kept = Assessment.objects.filter(client=personas.casey).order_by("instrument")
    assert [(a.instrument, a.source, a.total) for a in kept] == [
        ("gad-7", "self_check", 11),
        ("phq-9", "self_check", 11),
        ("who-5", "self_check", 8),
    ]
    assert AuditEvent.objects.filter(action="measure:record").count() == 3
    # Sending the same form again stores nothing new.
    casey.post(KEEP, {"state": token})
    assert Assessment.objects.filter(client=personas.casey).count() == 3


def test_keeping_a_critical_answer_sends_it_down_the_safety_path(
    personas: Personas, client_for
) -> None:
    casey = client_for("casey")
    results = walk(casey, CRITICAL)
    # She is told before she chooses: her care team will hear about that answer.
    assert "your care team will be told about your answer" in text(results)
    # Signed in with a care team: the team was told at the critical answer itself.
    assert RiskAlert.objects.filter(client=personas.casey).count() == 1
    casey.post(KEEP, {"state": token_of(results)})
    alerts = RiskAlert.objects.filter(client=personas.casey)
    assert {a.source for a in alerts} == {"measure"}
    # Keeping the results doesn't tell the team a second time about the same answer.
    assert alerts.count() == 1


def test_a_signed_in_clients_care_team_hears_of_a_critical_answer_even_unkept(
    personas: Personas, client_for
) -> None:
    cam = client_for("cam")
    start = cam.get(reverse("selfcheck:start")).content.decode()
    assert "we&#x27;ll let your care team know" in start or "we'll let your care team know" in start
    walk(cam, CRITICAL)
    alert = RiskAlert.objects.get(client=personas.cam)
    assert "not kept" in alert.reason
    assert Assessment.objects.filter(client=personas.cam).count() == 0


def test_an_anonymous_critical_answer_raises_nothing(client) -> None:
    walk(client, CRITICAL)
    assert RiskAlert.objects.count() == 0


def test_keeping_an_unfinished_check_is_refused(client_for) -> None:
    casey = client_for("casey")
    token = token_of(casey.get(QUESTIONS))
    assert casey.post(KEEP, {"state": token}).status_code == 400
    assert Assessment.objects.count() == 0


def test_staff_are_not_offered_keeping_and_cannot_keep(client_for) -> None:
    dana = client_for("dana")
    response = walk(dana, POSITIVE)
    assert "<h1>Your results</h1>" in text(response)
    assert "Keep these results" not in text(response)
    assert dana.post(KEEP, {"state": _finished_token(Client())}).status_code == 403
    assert Assessment.objects.count() == 0


def _signup(**changes: str) -> dict[str, str]:
    return {
        "full_name": "Robin Park",
        "preferred_name": "Robin",
        "email": "robin@example.org",
        "password": PASSWORD,
        "keep": "on",
        **changes,
    }


def test_a_visitor_creates_an_account_and_keeps_the_results(client) -> None:
    results = walk(client, CRITICAL)
    body = text(results)
    assert 'name="email"' in body
    assert "Keep my self-check results in my account" in body
    # The choice to keep is the person's: never ticked for them.
    checkbox = re.search(r'<input[^>]*name="keep"[^>]*>', body)
    assert checkbox is not None
    assert "checked" not in checkbox.group(0)
    response = client.post(KEEP, {**form_data(results), **_signup()})
    assert response.status_code == 302
    assert response["Location"] == reverse("instruments:my_measures")
    robin = User.objects.get(email="robin@example.org")
    assert robin.check_password(PASSWORD)
    assert {a.instrument for a in Assessment.objects.filter(client=robin)} == {
        "phq-9",
        "gad-7",
        "who-5",
    }
    phq9 = Assessment.objects.get(client=robin, instrument="phq-9")
    assert phq9.entered_by == robin
    assert phq9.critical == [9]
    # They are signed in now: that is the first session the check ever made.
    assert Session.objects.count() == 1
    assert client.get(reverse("instruments:my_measures")).status_code == 200


def test_a_visitor_must_tick_keep_and_nothing_is_stored_until_they_do(client) -> None:
    results = walk(client, POSITIVE)
    response = client.post(KEEP, {**form_data(results), **_signup(keep="")})
    assert response.status_code == 200
    body = text(response)
    assert "To keep your results, tick" in body
    assert "<title>Error: Your results " in body
    # The summary takes the focus (and so scrolls into view) without JavaScript.
    summary = body.index('class="usa-alert usa-alert--error heard-error-summary"')
    assert body.index('id="heard-keep-heading"') < summary
    assert "autofocus" in body[summary : summary + 200]
    assert not User.objects.filter(email="robin@example.org").exists()
    assert Assessment.objects.count() == 0
    assert Session.objects.count() == 0


def test_a_taken_email_is_a_form_error_and_nothing_is_stored(client, personas) -> None:
    results = walk(client, POSITIVE)
    response = client.post(KEEP, {**form_data(results), **_signup(email="casey@example.org")})
    assert response.status_code == 200
    assert "An account with this email already exists." in text(response)
    assert Assessment.objects.count() == 0
    assert User.objects.filter(email="casey@example.org").count() == 1


def test_a_weak_password_is_a_form_error(client) -> None:
    results = walk(client, NEGATIVE)
    response = client.post(KEEP, {**form_data(results), **_signup(password="short")})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in text(response)
    assert not User.objects.filter(email="robin@example.org").exists()


# --- Language ------------------------------------------------------------------------------


def test_in_spanish_the_page_is_spanish_and_the_questions_stay_as_published(client) -> None:
    # The surrounding words follow the person's language; the instrument's wording is the
    # published English until a validated translation is added to its definition.
    client.cookies["django_language"] = "es"
    body = text(client.get(QUESTIONS))
    assert '<html lang="es"' in body
    assert "Little interest or pleasure in doing things</legend>" in body
