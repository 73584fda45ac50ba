"""Test helpers: take the self-check through the test client, as a browser would.

Each page carries the state in one hidden token; the helpers read it back with the real
token code to know which page the person is on.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from django.test import Client
from django.urls import reverse

from heard.selfcheck import flow, tokens

QUESTIONS = reverse("selfcheck:questions")
KEEP = reverse("selfcheck:keep")
_TOKEN = re.compile(r'name="state" value="([^"]+)"')
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

Answers = Mapping[int, Any]

# Answers that screen positive for low mood and worry, with PHQ-9 item 9 at 0.
POSITIVE: dict[str, Answers] = {
    "mood": {1: 2, 2: 2},
    "worry": {1: 2, 2: 2},
    "mood-more": {3: 2, 4: 1, 5: 1, 6: 2, 7: 1, 8: 0},
    "mood-last": {9: 0, 10: 1},
    "worry-more": {3: 1, 4: 2, 5: 1, 6: 1, 7: 2},
    "wellbeing": {1: 2, 2: 2, 3: 1, 4: 1, 5: 2},
}
# Answers that screen negative everywhere: only three pages.
NEGATIVE: dict[str, Answers] = {
    "mood": {1: 0, 2: 1},
    "worry": {1: 1, 2: 0},
    "wellbeing": {1: 4, 2: 4, 3: 3, 4: 4, 5: 4},
}


def token_of(response: Any) -> str:
    found: list[str] = _TOKEN.findall(response.content.decode())
    assert found, "the page has no state token"
    return html.unescape(found[-1])


def form_data(response: Any, **data: str) -> dict[str, str]:
    """The hidden fields a browser would send back (state, CSRF token), plus `data`."""
    body: str = response.content.decode()
    fields = {"state": token_of(response)}
    csrf = _CSRF.findall(body)
    if csrf:
        fields["csrfmiddlewaretoken"] = csrf[-1]
    return {**fields, **data}


def step_of(response: Any) -> str:
    return flow.current_step(tokens.loads(token_of(response)))


def post_page(client: Client, response: Any, answers: Answers, **extra: str) -> Any:
    data = form_data(response, **{f"q{n}": str(v) for n, v in answers.items()})
    return client.post(QUESTIONS, {**data, **extra})


def walk(client: Client, pages: Mapping[str, Answers], *, continue_support: bool = True) -> Any:
    """From the first page to the results, answering each page from `pages`."""
    response = client.get(QUESTIONS)
    for _ in range(len(flow.STEPS) + 1):
        if "<h1>Your results</h1>" in response.content.decode():
            return response  # staff are shown no token: they can't keep results
        step = step_of(response)
        if step == flow.RESULTS:
            return response
        if step == flow.SUPPORT:
            assert continue_support, "reached the support page"
            response = client.post(QUESTIONS, form_data(response, action="next"))
            continue
        response = post_page(client, response, pages[step])
        assert response.status_code == 200
    raise AssertionError("the check never reached the results")
