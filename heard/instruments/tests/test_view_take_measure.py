"""A client answers a questionnaire one question at a time, on their own pages."""

import re

import pytest
from django.urls import reverse

from heard.instruments import services
from heard.instruments.models import Assessment, AssessmentStatus
from heard.safety.models import RiskAlert


def start(client, instrument="phq-9"):
    response = client.post(reverse("instruments:start", args=[instrument]))
    assert response.status_code == 302
    return Assessment.objects.get(instrument=instrument, status=AssessmentStatus.IN_PROGRESS)


def q_url(a, n):
    return reverse("instruments:question", args=[a.public_id, n])


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(reverse("instruments:my_measures"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_whole_phq9_with_a_skip_and_a_pause(client_for, personas):
    casey = client_for("casey")
    a = start(casey)
    intro = casey.get(reverse("instruments:take", args=[a.public_id]))
    assert "Content note" in intro.content.decode()
    page = casey.get(q_url(a, 1)).content.decode()
    assert "Question 1 of 10" in page
    assert "Prefer not to answer" in page
    assert "Little interest or pleasure in doing things" in page
    # Nothing chosen: a kind error, nothing saved.
    response = casey.post(q_url(a, 1), {"next": ""})
    assert "Choose an answer" in response.content.decode()
    a.refresh_from_db()
    assert a.answers == {}
    casey.post(q_url(a, 1), {"answer": "1"})
    casey.post(q_url(a, 2), {"answer": "skip"})
    # Save and finish later, then resume where we left off.
    response = casey.post(q_url(a, 3), {"answer": "2", "later": ""})
    assert response["Location"] == reverse("instruments:my_measures")
    listing = casey.get(reverse("instruments:my_measures")).content.decode()
    assert "Continue" in listing
    resume = casey.get(reverse("instruments:take", args=[a.public_id])).content.decode()
    assert q_url(a, 4) in resume
    for n in range(4, 10):
        casey.post(q_url(a, n), {"answer": "0"})
    response = casey.post(q_url(a, 10), {"answer": "0"})
    assert response["Location"] == reverse("instruments:result", args=[a.public_id])
    a.refresh_from_db()
    assert a.status == AssessmentStatus.COMPLETED
    # Item 2 was skipped: no invented score.
    assert a.total is None
    result = casey.get(response["Location"]).content.decode()
    assert "can&#x27;t give a score" in result or "can't give a score" in result


def test_save_later_without_an_answer_keeps_what_was_there(client_for):
    casey = client_for("casey")
    a = start(casey, "gad-2")
    response = casey.post(q_url(a, 1), {"later": ""})
    assert response.status_code == 302
    a.refresh_from_db()
    assert a.answers == {}


def test_a_critical_answer_shows_support_at_once(client_for, personas):
    casey = client_for("casey")
    a = start(casey)
    for n in range(1, 9):
        casey.post(q_url(a, n), {"answer": "1"})
    response = casey.post(q_url(a, 9), {"answer": "1"})
    assert response["Location"] == reverse("instruments:support", args=[a.public_id])
    assert RiskAlert.objects.filter(client=personas.casey).count() == 1
    page = casey.get(response["Location"]).content.decode()
    assert 'href="tel:988"' in page
    assert "Your safety plan" in page
    assert "Continue the questionnaire" in page
    # Finishing: the results page shows the crisis lines first.
    casey.post(q_url(a, 10), {"answer": "skip"})
    result = casey.get(reverse("instruments:result", args=[a.public_id])).content.decode()
    assert result.index("tel:988") < result.index("What your PHQ-9 answers suggest")


def test_results_compare_with_last_time_in_kind_words(client_for, personas):
    casey = personas.casey
    services.record_assessment(
        casey, client=casey, instrument_id="gad-7", answers=[3, 3, 2, 2, 2, 1, 1], source="client"
    )
    c = client_for("casey")
    a = start(c, "gad-7")
    for n in range(1, 8):
        c.post(q_url(a, n), {"answer": "0" if n > 2 else "1"})
    page = c.get(reverse("instruments:result", args=[a.public_id])).content.decode()
    assert "Your score: 2" in page
    assert "Last time" in page
    assert "real improvement" in page
    assert "not a diagnosis" in page
    # No bare diagnosis label for the client.
    assert "minimal" not in page.lower()


def test_my_measures_shows_trends_with_a_table(client_for, personas):
    casey = personas.casey
    for answers in ([2] * 9, [1] * 9, [0] * 9):
        services.record_assessment(
            casey, client=casey, instrument_id="phq-9", answers=answers, source="client"
        )
    page = client_for("casey").get(reverse("instruments:my_measures")).content.decode()
    assert 'role="img"' in page
    assert len(re.findall(r"<tr", page)) >= 4


@pytest.mark.parametrize("who", ["dana", "cam"])
def test_nobody_else_can_answer_or_open_a_clients_unfinished_questionnaire(client_for, who):
    casey = client_for("casey")
    a = start(casey, "gad-2")
    other = client_for(who)
    assert other.get(q_url(a, 1)).status_code == 404
    assert other.post(q_url(a, 1), {"answer": "1"}).status_code == 404
    assert other.get(reverse("instruments:take", args=[a.public_id])).status_code == 404


def test_unknown_instrument_and_questions_out_of_range(client_for):
    casey = client_for("casey")
    response = casey.post(reverse("instruments:start", args=["nope"]))
    assert response["Location"] == reverse("instruments:my_measures")
    a = start(casey, "gad-2")
    response = casey.get(q_url(a, 7))
    assert response["Location"] == reverse("instruments:take", args=[a.public_id])


def test_a_care_team_member_cannot_use_the_client_result_page(client_for, personas):
    a = services.record_assessment(
        personas.casey,
        client=personas.casey,
        instrument_id="gad-2",
        answers=[1, 1],
        source="client",
    )
    response = client_for("dana").get(reverse("instruments:result", args=[a.public_id]))
    assert response["Location"] == reverse("instruments:my_measures")
