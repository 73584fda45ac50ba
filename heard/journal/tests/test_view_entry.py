"""One entry as pages: writing with autosave (and without JavaScript), saving, the crisis
screen when what was written shows risk, the automated reflection otherwise, sharing and
taking it back, and deleting."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from heard.audit.models import AuditEvent
from heard.journal import services
from heard.journal.models import BODY_MAX_CHARS, JournalEntry, JournalRevision
from heard.journal.tests.conftest import NOTHING, finding
from heard.people import policy
from heard.people import services as people
from heard.people.models import Category
from heard.safety.models import RiskAlert

pytestmark = pytest.mark.django_db


def edit_url(entry: JournalEntry) -> str:
    return reverse("journal:entry_edit", args=[entry.public_id])


def detail_url(entry: JournalEntry) -> str:
    return reverse("journal:entry_detail", args=[entry.public_id])


def delete_url(entry: JournalEntry) -> str:
    return reverse("journal:entry_delete", args=[entry.public_id])


@pytest.fixture
def draft(personas):
    return services.start_entry(personas.casey, prompt="gratitude")


def page(response) -> str:
    return str(response.content.decode())


# --- Who may open an entry ---------------------------------------------------------------------


def test_visitors_sign_in_and_others_get_404(personas, client_for, draft):
    for url in (detail_url(draft), edit_url(draft), delete_url(draft)):
        assert Client().get(url).status_code == 302
        for who in ("cam", "dana", "eli", "sam"):
            assert client_for(who).get(url).status_code == 404, (who, url)
            assert client_for(who).post(url, {"action": "share"}).status_code == 404
    assert JournalEntry.objects.get().status == "draft"


# --- Writing -------------------------------------------------------------------------------------


def test_the_editor_shows_the_prompt_and_loads_autosave_without_inline_script(client_for, draft):
    body = page(client_for("casey").get(edit_url(draft)))
    assert "Gratitude" in body
    assert "What is one thing, big or small, that you" in body
    assert 'aria-live="polite"' in body
    assert "heard/js/journal-autosave" in body
    assert "<script>" not in body
    assert 'name="save" value="entry"' in body
    assert 'name="save" value="draft"' in body
    assert "sessionStorage" not in body
    assert "localStorage" not in body


def test_autosave_keeps_a_draft_and_answers_with_a_short_status(client_for, draft, screen_returns):
    screen_returns(NOTHING)
    c = client_for("casey")
    response = c.post(
        edit_url(draft), {"title": "", "body": "Slowly", "save": "draft"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "Draft saved at" in page(response)
    assert "<html" not in page(response)
    again = c.post(edit_url(draft), {"title": "", "body": "Slowly"}, HTTP_HX_REQUEST="true")
    assert "Your draft is up to date." in page(again)
    draft.refresh_from_db()
    assert draft.draft_body == "Slowly"
    assert JournalRevision.objects.count() == 0
    # The editor comes back with the draft in it.
    assert "Slowly" in page(c.get(edit_url(draft)))


def test_an_autosaved_crisis_shows_a_calm_note_not_a_redirect(client_for, draft, screen_returns):
    screen_returns(finding())
    response = client_for("casey").post(
        edit_url(draft), {"body": "I want to die", "save": "draft"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert reverse("safety:support") in page(response)
    assert "support is here" in page(response)
    assert RiskAlert.objects.get().source_id == draft.public_id


def test_saving_a_draft_without_javascript_stays_on_the_page(client_for, draft, screen_returns):
    screen_returns(finding())
    response = client_for("casey").post(
        edit_url(draft), {"title": "Hm", "body": "I want to die", "save": "draft"}
    )
    assert response.status_code == 200
    body = page(response)
    assert "Draft saved at" in body
    assert "I want to die" in body
    assert reverse("safety:support") in body


def test_an_over_long_draft_keeps_the_typed_text_and_says_why(client_for, draft):
    text = "x" * (BODY_MAX_CHARS + 5)
    c = client_for("casey")
    partial = c.post(edit_url(draft), {"body": text}, HTTP_HX_REQUEST="true")
    assert "too long" in page(partial)
    assert "Your words are still here on the page." in page(partial)
    response = c.post(edit_url(draft), {"body": text, "save": "draft"})
    assert response.status_code == 400
    assert text in page(response)


def test_saving_an_entry_shows_it_with_an_automated_reflection(client_for, draft):
    # The real screening engine and the team's reflection templates.
    c = client_for("casey")
    response = c.post(
        edit_url(draft),
        {"title": "Before the exam", "body": "I felt so anxious and on edge.", "save": "entry"},
    )
    assert response["Location"] == detail_url(draft) + "?saved=1"
    body = page(c.get(response["Location"]))
    assert "Your entry is saved." in body
    assert "Your first journal entry" in body  # the milestone, celebrated once
    assert "Automated reflection" in body
    assert "Written by the app, not a person" in body
    assert "diagnose" in body
    assert "I felt so anxious and on edge." in body
    assert "autofocus" in body  # focus moves to the "saved" status
    # The reflection follows a save only; reading the entry later shows none.
    assert "Automated reflection" not in page(c.get(detail_url(draft)))


def test_a_prompt_offer_links_to_a_new_entry_with_that_prompt(personas, client_for, draft):
    saved = services.save_entry(personas.casey, entry=draft, title="", body="Just a plain day.")
    reflection = services.reflection_for(saved.entry, saved.revision)
    assert reflection is not None
    body = page(client_for("casey").get(detail_url(draft) + "?saved=1"))
    assert reflection.offer.title in body
    if reflection.offer.kind == "prompt":
        assert f"{reverse('journal:new')}?prompt={reflection.offer.key}" in body


def test_a_crisis_entry_goes_to_the_crisis_screen_saved_and_without_a_reflection(client_for, draft):
    # The real screening engine.
    c = client_for("casey")
    text = "I'm going to kill myself tonight. I have the pills ready."
    response = c.post(edit_url(draft), {"body": text, "save": "entry"})
    alert = RiskAlert.objects.get()
    assert alert.source == "journal"
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('safety:support')}?saved=1&alert={alert.public_id}"
    assert JournalEntry.objects.get().body == text
    after = page(c.get(detail_url(draft) + "?saved=1"))
    assert "Automated reflection" not in after


def test_when_screening_fails_the_crisis_screen_is_shown_and_the_entry_kept(
    client_for, draft, screening_breaks
):
    response = client_for("casey").post(edit_url(draft), {"body": "Words", "save": "entry"})
    alert = RiskAlert.objects.get()
    assert alert.source == "unscreened"
    assert "unscreened=1" in response["Location"]
    assert JournalEntry.objects.get().body == "Words"


def test_worry_about_a_friend_shows_the_helping_someone_panel(client_for, draft, screen_returns):
    screen_returns(finding("concern", crisis=False, about="someone_else"))
    c = client_for("casey")
    response = c.post(
        edit_url(draft), {"body": "My friend says she wants to die.", "save": "entry"}
    )
    body = page(c.get(response["Location"]))
    assert "worried about someone" in body
    assert 'href="tel:988"' in body
    assert "Automated reflection" not in body


def test_saving_nothing_keeps_the_page_and_says_what_to_do(client_for, draft):
    response = client_for("casey").post(
        edit_url(draft), {"title": "Only a title", "body": " ", "save": "entry"}
    )
    assert response.status_code == 400
    body = page(response)
    assert "Please write something before saving." in body
    assert "Only a title" in body
    assert "Please check this page" in body


def test_an_over_long_entry_is_refused_and_the_typed_text_reshown(client_for, draft):
    text = "z" * (BODY_MAX_CHARS + 1)
    response = client_for("casey").post(edit_url(draft), {"body": text, "save": "entry"})
    assert response.status_code == 400
    assert text in page(response)
    assert JournalRevision.objects.count() == 0


def test_editing_keeps_the_earlier_version_on_the_page(personas, client_for, draft, screen_returns):
    screen_returns(NOTHING)
    services.save_entry(personas.casey, entry=draft, title="", body="First version")
    c = client_for("casey")
    c.post(edit_url(draft), {"body": "Second version", "save": "entry"})
    body = page(c.get(detail_url(draft)))
    assert "Second version" in body
    assert "1 earlier version" in body
    assert "First version" in body


def test_an_unsaved_draft_says_so_on_the_entry_page(client_for, draft):
    body = page(client_for("casey").get(detail_url(draft)))
    assert "This entry is a draft." in body
    assert "Keep writing" in body
    assert "Share this entry" not in body


# --- Sharing -------------------------------------------------------------------------------------


def test_sharing_explains_who_sees_it_and_turns_journal_sharing_on(
    personas, client_for, draft, screen_returns
):
    screen_returns(NOTHING)
    services.save_entry(personas.casey, entry=draft, title="", body="For Dana")
    c = client_for("casey")
    before = page(c.get(detail_url(draft)))
    assert "Only you can read this entry." in before
    assert "Your clinician, and their supervisor, will be able to read this one entry" in before
    response = c.post(detail_url(draft), {"action": "share"})
    assert response["Location"] == detail_url(draft)
    after = page(c.get(detail_url(draft)))
    assert "This entry is shared with your care team." in after
    assert "Journal sharing was off, so we turned it on." in after
    assert "You shared an entry" in after  # the milestone
    assert "Stop sharing this entry" in after
    assert policy.shares(personas.casey, Category.JOURNAL)
    # Sharing a second entry: journal sharing is on already, so nothing more is said.
    second = services.start_entry(personas.casey)
    services.save_entry(personas.casey, entry=second, title="", body="Also for Dana")
    c.post(detail_url(second), {"action": "share"})
    assert "turned it on" not in page(c.get(detail_url(second)))
    assert (
        client_for("dana")
        .get(reverse("journal:client_entry", args=[personas.casey.public_id, draft.public_id]))
        .status_code
        == 200
    )


def test_unsharing_hides_the_entry_from_dana_at_once(personas, client_for, draft, screen_returns):
    screen_returns(NOTHING)
    services.save_entry(personas.casey, entry=draft, title="", body="For Dana")
    c = client_for("casey")
    c.post(detail_url(draft), {"action": "share"})
    dana = client_for("dana")
    url = reverse("journal:client_entry", args=[personas.casey.public_id, draft.public_id])
    assert dana.get(url).status_code == 200
    c.post(detail_url(draft), {"action": "unshare"})
    assert dana.get(url).status_code == 404
    assert "private again" in page(c.get(detail_url(draft)))


def test_a_shared_entry_says_when_journal_sharing_is_off(
    personas, client_for, draft, screen_returns
):
    screen_returns(NOTHING)
    services.save_entry(personas.casey, entry=draft, title="", body="For Dana")
    services.share_entry(personas.casey, entry=draft)
    people.set_sharing(personas.casey, category=Category.JOURNAL, shared=False)
    body = page(client_for("casey").get(detail_url(draft)))
    assert "journal sharing is turned off" in body
    assert reverse("people:sharing") in body


def test_a_draft_cannot_be_shared_from_the_page(client_for, draft):
    c = client_for("casey")
    response = c.post(detail_url(draft), {"action": "share"})
    assert response.status_code == 302
    assert "Please save the entry before you share it." in page(c.get(detail_url(draft)))
    assert not JournalEntry.objects.get().is_shared


def test_an_unknown_action_changes_nothing(client_for, draft):
    response = client_for("casey").post(detail_url(draft), {"action": "explode"})
    assert response["Location"] == detail_url(draft)


def test_the_edit_page_says_a_shared_entry_will_update_for_the_team(
    personas, client_for, draft, screen_returns
):
    screen_returns(NOTHING)
    services.save_entry(personas.casey, entry=draft, title="", body="For Dana")
    services.share_entry(personas.casey, entry=draft)
    body = page(client_for("casey").get(edit_url(draft)))
    assert "they'll see the new version. Drafts stay private." in body


# --- Deleting ------------------------------------------------------------------------------------


def test_deleting_asks_first_and_says_what_it_means(personas, client_for, draft, screen_returns):
    screen_returns(NOTHING)
    services.save_entry(personas.casey, entry=draft, title="", body="Gone soon")
    services.share_entry(personas.casey, entry=draft)
    c = client_for("casey")
    confirm = page(c.get(delete_url(draft)))
    assert "We can't bring them back." in confirm
    assert "your care team won't be able to see it any more" in confirm
    response = c.post(delete_url(draft))
    assert response["Location"] == reverse("journal:entries")
    assert JournalEntry.objects.count() == 0
    assert AuditEvent.objects.filter(action="journal:entry:delete").count() == 1
    assert c.get(detail_url(draft)).status_code == 404
