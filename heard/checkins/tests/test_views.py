"""The check-in pages, as the client and their care team use them."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from heard.checkins import services
from heard.checkins.models import CheckIn
from heard.checkins.rules import Values
from heard.people import services as people
from heard.people.models import Category
from heard.safety.models import RiskAlert
from heard.testing.base import sign_in

CHECKIN = reverse("checkins:checkin")


def record(client, **kw):
    return services.record_checkin(client, client=client, values=Values(**kw)).checkin


def share_checkins(client, on=True):
    chosen = {Category.PROFILE, Category.MEASURES, Category.CARE_PLAN}
    if on:
        chosen.add(Category.CHECKINS)
    people.set_sharing_choices(client, shared=chosen)


def test_anonymous_visitors_are_asked_to_sign_in(client):
    response = client.get(CHECKIN)
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_the_form_offers_every_field_and_the_feelings_by_group(client, personas):
    sign_in(client, personas.casey)
    page = client.get(CHECKIN).content.decode()
    assert "Your first check-in" in page
    for name in (
        "mood",
        "feelings",
        "sleep_hours",
        "sleep_quality",
        "movement_minutes",
        "connection",
        "stress",
        "what_helped",
        "note",
    ):
        assert f'name="{name}"' in page
    assert "High energy, unpleasant" in page
    assert 'name="alcohol_drinks"' not in page  # substances only when opted in


def test_a_check_in_is_saved_and_answered_with_a_labelled_reflection(
    client, personas, screen_returns
):
    screen_returns()
    sign_in(client, personas.casey)
    response = client.post(
        CHECKIN,
        {
            "mood": "6",
            "feelings": ["tired"],
            "sleep_hours": "6.5",
            "key": "k1",
            "note": "I feel so drained after work but a walk helped.",
        },
    )
    checkin = CheckIn.objects.get()
    assert response["Location"] == reverse("checkins:detail", args=[checkin.public_id]) + "?saved=1"
    page = client.get(response["Location"]).content.decode()
    assert "Thanks for checking in" in page
    assert "Automated reflection" in page
    assert "not a person" in page
    assert "so drained" in page  # their own words
    assert checkin.sleep_hours == 6.5


def test_the_first_check_in_is_celebrated(client, personas, screen_returns):
    sign_in(client, personas.casey)
    response = client.post(CHECKIN, {"mood": "5"}, follow=True)
    assert "Your first check-in" in response.content.decode()


def test_bad_input_shows_a_kind_message_and_keeps_what_was_typed(client, personas):
    sign_in(client, personas.casey)
    response = client.post(CHECKIN, {"mood": "11", "sleep_hours": "-2", "note": "keep me"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Hours of sleep can be from 0 to 24." in page
    assert "keep me" in page
    assert CheckIn.objects.count() == 0
    empty = client.post(CHECKIN, {})
    assert "Add at least one thing" in empty.content.decode()


def test_a_crisis_note_goes_straight_to_the_crisis_screen_with_no_reflection(
    client, personas, screen_returns
):
    screen_returns("urgent", crisis=True, categories=("suicide",))
    sign_in(client, personas.casey)
    response = client.post(CHECKIN, {"note": "(words of crisis)"})
    alert = RiskAlert.objects.get()
    assert response["Location"].startswith(reverse("safety:support"))
    assert str(alert.public_id) in response["Location"]
    checkin = CheckIn.objects.get()  # what they wrote is saved
    page = client.get(reverse("checkins:detail", args=[checkin.public_id])).content.decode()
    assert "Automated reflection" not in page


def test_when_screening_fails_the_crisis_screen_is_shown_anyway(client, personas, monkeypatch):
    from heard.safety import services as safety_services

    def broken():
        def run(text, lang):
            raise RuntimeError("screener down")

        return run

    monkeypatch.setattr(safety_services, "_screener", broken)
    sign_in(client, personas.casey)
    response = client.post(CHECKIN, {"note": "anything"})
    assert "unscreened=1" in response["Location"]
    assert CheckIn.objects.count() == 1
    assert RiskAlert.objects.get().source == "unscreened"


def test_worry_about_a_friend_shows_how_to_help_them(client, personas, screen_returns):
    screen_returns("concern", about="someone_else")
    sign_in(client, personas.casey)
    response = client.post(CHECKIN, {"note": "my friend talks about ending it"}, follow=True)
    assert "When you're worried about someone" in response.content.decode()
    assert RiskAlert.objects.count() == 0


def test_welcome_back_after_a_while_without_shame(client, personas):
    casey = personas.casey
    services.record_checkin(
        casey, client=casey, values=Values(mood=4), at=timezone.now() - timedelta(days=12)
    )
    sign_in(client, casey)
    page = client.get(CHECKIN).content.decode()
    assert "Welcome back" in page
    for word in ("missed", "streak", "broke"):
        assert word not in page.lower()


def test_editing_keeps_the_earlier_version_visible(client, personas, screen_returns):
    screen_returns()
    checkin = record(personas.casey, mood=3, note="before")
    sign_in(client, personas.casey)
    url = reverse("checkins:edit", args=[checkin.public_id])
    assert client.get(url).status_code == 200
    response = client.post(url, {"mood": "7", "note": "after"}, follow=True)
    page = response.content.decode()
    assert "after" in page
    assert "Earlier versions" in page
    assert "before" in page
    bad = client.post(url, {"mood": "12"})
    assert bad.status_code == 200


def test_another_persons_check_in_is_not_found(client, personas):
    checkin = record(personas.cam, mood=3)
    sign_in(client, personas.casey)
    assert client.get(reverse("checkins:detail", args=[checkin.public_id])).status_code == 404
    assert client.get(reverse("checkins:edit", args=[checkin.public_id])).status_code == 404


def test_history_lists_check_ins_without_their_notes(
    client, personas, django_assert_max_num_queries
):
    for mood in range(5):
        record(personas.casey, mood=mood, note=f"private note {mood}")
    sign_in(client, personas.casey)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("checkins:history")).content.decode()
    assert page.count("heard-checkin-list__when") == 5
    assert "private note" not in page


@pytest.mark.parametrize("period", ["week", "month", "all", "nonsense"])
def test_insights_show_for_every_period(client, personas, period):
    for day in range(20):
        services.record_checkin(
            personas.casey,
            client=personas.casey,
            values=Values(mood=day % 10, sleep_hours=7 if day % 2 else 5),
            at=timezone.now() - timedelta(days=day),
        )
    sign_in(client, personas.casey)
    response = client.get(reverse("checkins:insights"), {"period": period})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'role="img"' in page
    assert "<table" in page


def test_settings_turn_on_substances_and_choose_a_time_zone(client, personas):
    sign_in(client, personas.casey)
    url = reverse("checkins:settings")
    assert client.get(url).status_code == 200
    client.post(url, {"track_substances": "on", "time_zone": "America/Chicago"})
    personas.casey.refresh_from_db()
    assert personas.casey.time_zone == "America/Chicago"
    assert 'name="alcohol_drinks"' in client.get(CHECKIN).content.decode()
    bad = client.post(url, {"time_zone": "Nowhere/Land"})
    assert "Choose a time zone" in bad.content.decode()


def test_times_show_in_the_persons_own_time_zone(client, personas):
    casey = personas.casey
    casey.time_zone = "Asia/Tokyo"
    casey.save()
    checkin = record(casey, mood=4)
    sign_in(client, casey)
    page = client.get(reverse("checkins:detail", args=[checkin.public_id])).content.decode()
    assert "+09:00" in page  # the datetime attribute carries the local offset


def test_the_browser_time_zone_is_taken_when_none_was_chosen(client, personas):
    sign_in(client, personas.casey)
    client.post(CHECKIN, {"mood": "5", "tz": "Europe/Madrid"})
    personas.casey.refresh_from_db()
    assert personas.casey.time_zone == "Europe/Madrid"


def test_export_as_csv_neutralises_formulas(client, personas):
    record(personas.casey, mood=4, note='=HYPERLINK("x")', feelings=("sad", "tired"))
    sign_in(client, personas.casey)
    response = client.get(reverse("checkins:export_csv"))
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["id", "at", "mood"]
    assert rows[1][12] == '\'=HYPERLINK("x")'
    assert rows[1][3] == "sad; tired"


def test_export_as_json_has_everything(client, personas):
    record(personas.casey, mood=4, note="hello")
    sign_in(client, personas.casey)
    data = json.loads(client.get(reverse("checkins:export_json")).content)
    assert data["format"] == "heard.checkins.v1"
    assert data["checkins"][0]["note"] == "hello"


def test_the_care_team_sees_trends_only_when_shared(client, personas):
    casey = personas.casey
    record(casey, mood=4, note="very private")
    url = reverse("checkins:client_daily", args=[casey.public_id])
    sign_in(client, personas.dana)
    assert client.get(url).status_code == 404  # check-ins are private by default
    share_checkins(casey)
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "very private" not in page
    assert "Your first check-in" in page  # the milestone, in the shared category


def test_an_unrelated_clinician_never_sees_them(client, personas):
    share_checkins(personas.casey)
    sign_in(client, personas.eli)
    url = reverse("checkins:client_daily", args=[personas.casey.public_id])
    assert client.get(url).status_code == 404
