"""Browser test: the anonymous self-check on a phone, with the keyboard only.

Debian's chromium driven by Playwright against a live server, at 390 px wide. Every page is
reached and answered with Tab, Space, the arrow keys and Enter; screenshots go to
var/screenshots/selfcheck-*.png for a human to look at. No Content Security Policy errors.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session

from heard.accounts.models import User
from heard.instruments.models import Assessment
from heard.testing.base import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(settings.VAR_DIR) / "screenshots"


# Answer positions (0 = first option) for each page: positive screens, PHQ-9 item 9 above 0.
# None = "Prefer not to answer" (the last option).
PAGES: dict[str, dict[int, int | None]] = {
    "Your mood": {1: 2, 2: 2},
    "Worry and nerves": {1: 2, 2: 3},
    "A few more questions about your mood": {3: 1, 4: 2, 5: 0, 6: 1, 7: None, 8: 0},
    "Two last questions about your mood": {9: 1, 10: 1},
    "A few more questions about worry": {3: 1, 4: 2, 5: 1, 6: 0, 7: 1},
    "Your well-being": {1: 3, 2: 3, 3: 4, 4: 2, 5: 3},
}


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-US")
    pg = context.new_page()
    pg.csp_errors = []
    pg.on(
        "console",
        lambda m: pg.csp_errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    yield pg
    context.close()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"selfcheck-{name}.png"), full_page=True)


def _focused(page) -> dict[str, str]:
    focused: dict[str, str] = page.evaluate(
        "() => { const e = document.activeElement;"
        " return {tag: e.tagName, name: e.name || '', value: e.value || '',"
        " text: (e.innerText || '').trim(), id: e.id || ''}; }"
    )
    return focused


def _tab_to(page, test, limit: int = 80) -> dict[str, str]:
    """Press Tab until the focused element passes `test`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if test(focused):
            return focused
    raise AssertionError("never reached the element with Tab")


def _skip_to_main(page) -> None:
    """From the top of a fresh page, the skip link is the first stop."""
    if _focused(page)["tag"] != "BODY":
        return  # focus was already moved into the page (the error summary)
    page.keyboard.press("Tab")
    assert _focused(page)["text"] == "Skip to main content"
    page.keyboard.press("Enter")


def _press_button(page, label: str) -> None:
    _tab_to(page, lambda f: f["tag"] in {"BUTTON", "A"} and f["text"] == label)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _answer(page, answers: dict[int, int | None]) -> None:
    """Choose each answer with the keyboard: Tab into the group, Space, then arrow down."""
    for number, position in answers.items():
        name = f"q{number}"
        _tab_to(page, lambda f, name=name: f["name"] == name)
        count = page.locator(f"input[name={name}]").count()
        page.keyboard.press("Space")
        for _ in range(count - 1 if position is None else position):
            page.keyboard.press("ArrowDown")
        chosen = page.locator(f"input[name={name}]:checked")
        assert chosen.count() == 1


def test_a_visitor_takes_the_check_with_the_keyboard_on_a_phone(live_server, page) -> None:
    page.goto(f"{live_server.url}/")
    _skip_to_main(page)
    _press_button(page, "Take a 5-minute self-check")
    assert page.url.endswith("/check/")
    assert page.locator("[data-quick-exit-url]").first.is_visible()
    _shot(page, "1-start")
    _skip_to_main(page)
    _press_button(page, "Start the check")

    # Continue without answering: an error summary, focused, with links to the questions.
    _skip_to_main(page)
    _press_button(page, "Continue")
    assert page.title().startswith("Error:")
    assert _focused(page)["text"].startswith("Please check this page")
    _shot(page, "2-mood-error")

    seen = []
    while True:
        heading = page.get_by_role("heading", level=1).inner_text()
        seen.append(heading)
        if heading in PAGES:
            progress = page.locator(".heard-progress__text").inner_text()
            assert progress.startswith("Page ")
            _shot(page, f"{len(seen) + 1}-{heading.lower().replace(' ', '-')}")
            _skip_to_main(page)
            _answer(page, PAGES[heading])
            _press_button(page, "Continue")
        elif heading == "Thank you for telling us":
            # The critical answer: crisis lines first, then a clear choice.
            assert page.locator('a[href="tel:988"]').first.is_visible()
            assert page.locator('a[href="tel:911"]').first.is_visible()
            assert page.get_by_role("link", name="Go to help now").is_visible()
            _shot(page, f"{len(seen) + 1}-support")
            _skip_to_main(page)
            _press_button(page, "Continue the check")
        else:
            break
    assert seen == [
        "Your mood",
        "Worry and nerves",
        "A few more questions about your mood",
        "Two last questions about your mood",
        "Thank you for telling us",
        "A few more questions about worry",
        "Your well-being",
        "Your results",
    ]
    assert page.get_by_role("heading", name="Support is here for you, right now").is_visible()
    # Mood item 7 was skipped: no PHQ-9 total, so the first two answers speak; the GAD-7
    # has a total.
    assert page.get_by_text("You chose not to answer 1 of the longer questions").is_visible()
    assert page.get_by_text("on the PHQ-2.").is_visible()
    assert page.get_by_text("on the GAD-7.").is_visible()
    _shot(page, "9-results")
    assert Session.objects.count() == 0
    assert Assessment.objects.count() == 0

    # Keep the results: type into the sign-up form and tick the box with the keyboard.
    _tab_to(page, lambda f: f["name"] == "full_name")
    page.keyboard.type("Robin Park")
    _tab_to(page, lambda f: f["name"] == "email")
    page.keyboard.type("robin@example.org")
    _tab_to(page, lambda f: f["name"] == "password")
    page.keyboard.type(PASSWORD)
    _tab_to(page, lambda f: f["name"] == "keep")
    page.keyboard.press("Space")
    _press_button(page, "Create account and keep results")
    assert page.url.endswith("/me/measures/")
    _shot(page, "10-kept")
    robin = User.objects.get(email="robin@example.org")
    assert Assessment.objects.filter(client=robin).count() == 3
    assert page.csp_errors == []


def test_the_content_note_and_results_read_well_at_desktop_width(live_server, page) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/check/questions/")
    first_pages: list[tuple[str, dict[int, int | None]]] = [
        ("Your mood", {1: 0, 2: None}),
        ("Worry and nerves", {1: 0, 2: 1}),
    ]
    for heading, answers in first_pages:
        assert page.get_by_role("heading", level=1).inner_text() == heading
        for number, position in answers.items():
            options = page.locator(f"input[name=q{number}]")
            index = options.count() - 1 if position is None else position
            page.locator(f"label[for=id_q{number}_{index}]").click()
        page.get_by_role("button", name="Continue").click()
    # A skipped screen question: the longer questions are offered, and can be skipped.
    offered = page.get_by_text("You skipped one or both of the first questions")
    offered.wait_for()  # the next page may still be loading on a busy machine
    assert offered.is_visible()
    _shot(page, "desktop-1-offered")
    page.get_by_role("button", name="Skip these questions").click()
    assert page.get_by_role("heading", name="Before the next question").is_visible()
    _shot(page, "desktop-2-content-note")
    page.get_by_role("button", name="Skip these questions").click()
    for number in range(1, 6):
        page.locator(f"label[for=id_q{number}_1]").click()
    page.get_by_role("button", name="Continue").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Your results"
    _shot(page, "desktop-3-results")
    assert page.csp_errors == []
