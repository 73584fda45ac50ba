"""The self-check's path: which page comes next, how far along the person is, and what
they may keep. Pure: no Django, no database (STYLE rule 7).

The path (PRODUCT capability 1, issue #3):

1. the PHQ-2 ("mood") and the GAD-2 ("worry"), one page each;
2. the rest of the PHQ-9 (items 3-8, then items 9-10 under a content note) when the PHQ-2
   is positive, or incomplete: to be cautious, a screen with skipped questions still leads
   to the longer questions, which the person may then skip as a page;
3. a support page with crisis lines straight after the page with PHQ-9 item 9, when that
   answer is above 0 (a critical answer);
4. the rest of the GAD-7 (items 3-7), on the same rule as 2;
5. the WHO-5 ("wellbeing");
6. the results.

Answers live in three groups, one per instrument family ("phq" 10 items, "gad" 7, "who5" 5),
each a map from item number to the answer's score, or None when the person chose not to
answer. An item that is absent has not been reached. `history` lists the pages finished,
in order; answers on a page the person went back past stay in the map (so the page shows
them again), but only pages in `history` count.

The whole state travels with the page in a signed token (tokens.py): nothing is stored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from heard.instruments.registry import Instrument, get_instrument
from heard.instruments.scoring import Score, score

# Instrument families: the instrument whose items hold every answer, and the short screen.
GROUPS: dict[str, str] = {"phq": "phq-9", "gad": "gad-7", "who5": "who-5"}
SCREENS: dict[str, str] = {"phq": "phq-2", "gad": "gad-2"}
SCREEN_ITEMS = (1, 2)


@dataclass(frozen=True)
class Page:
    """One page of questions: some items of one instrument."""

    key: str
    instrument_id: str  # whose wording, stem and attribution the page shows
    group: str
    numbers: tuple[int, ...]
    # A longer questionnaire after a screen: only asked when the screen calls for it.
    followup: bool = False
    # The page asks about thoughts of death or self-harm: a content note comes first.
    content_note: bool = False


PAGES: dict[str, Page] = {
    page.key: page
    for page in (
        Page("mood", "phq-2", "phq", SCREEN_ITEMS),
        Page("worry", "gad-2", "gad", SCREEN_ITEMS),
        Page("mood-more", "phq-9", "phq", (3, 4, 5, 6, 7, 8), followup=True),
        Page("mood-last", "phq-9", "phq", (9, 10), followup=True, content_note=True),
        Page("worry-more", "gad-7", "gad", (3, 4, 5, 6, 7), followup=True),
        Page("wellbeing", "who-5", "who5", (1, 2, 3, 4, 5)),
    )
}
SUPPORT = "support"  # crisis lines, straight after a critical answer
RESULTS = "results"
STEPS: tuple[str, ...] = (
    "mood",
    "worry",
    "mood-more",
    "mood-last",
    SUPPORT,
    "worry-more",
    "wellbeing",
)

POSITIVE = "positive"
INCOMPLETE = "incomplete"


class InvalidState(ValueError):
    """The state is not one this module could have produced."""


Answers = Mapping[int, int | None]


@dataclass(frozen=True)
class State:
    answers: Mapping[str, Answers] = field(default_factory=dict)
    history: tuple[str, ...] = ()
    # A random id for this run of the check, so keeping the results twice stores them once.
    nonce: str = ""

    def to_data(self) -> dict[str, Any]:
        """Plain JSON data for the token."""
        return {
            "a": {
                group: {str(n): v for n, v in sorted(values.items())}
                for group, values in sorted(self.answers.items())
                if values
            },
            "h": list(self.history),
            "n": self.nonce,
        }

    @classmethod
    def from_data(cls, data: Any) -> State:
        """The state in `data`, checked as strictly as if it came from a stranger.

        Raises InvalidState for anything `to_data` would not write: unknown groups or items,
        answers that are not one of the item's scores, or a history out of order or taking
        a path the answers would not have led to.
        """
        if not isinstance(data, dict) or set(data) != {"a", "h", "n"}:
            raise InvalidState("shape")
        raw_answers, history, nonce = data["a"], data["h"], data["n"]
        if not isinstance(nonce, str) or not 0 < len(nonce) <= 32:
            raise InvalidState("nonce")
        if not isinstance(history, list):
            raise InvalidState("shape")
        if not isinstance(raw_answers, dict) or not set(raw_answers) <= set(GROUPS):
            raise InvalidState("groups")
        answers = {
            group: _checked_answers(GROUPS[group], values) for group, values in raw_answers.items()
        }
        state = cls(answers=answers, nonce=nonce)
        for step in history:
            # Each page finished must be the page the path led to at that point.
            if not isinstance(step, str) or step != current_step(state):
                raise InvalidState("history")
            state = cls(answers=answers, history=(*state.history, step), nonce=nonce)
        return state


def _checked_answers(instrument_id: str, values: Any) -> dict[int, int | None]:
    if not isinstance(values, dict):
        raise InvalidState("answers")
    items = {item.number: item for item in get_instrument(instrument_id).items}
    checked: dict[int, int | None] = {}
    for key, value in values.items():
        number = int(key) if isinstance(key, str) and key.isdigit() else 0
        if number not in items:
            raise InvalidState("item")
        allowed = {option.value for option in items[number].options}
        if value is not None and (type(value) is not int or value not in allowed):
            raise InvalidState("value")
        checked[number] = value
    return checked


# --- Where the person is ----------------------------------------------------------------


def asked(state: State, group: str) -> list[int | None]:
    """The group's answers in item order; None where skipped, not reached, or left behind."""
    count = len(get_instrument(GROUPS[group]).items)
    counted = {
        number
        for key in state.history
        if key in PAGES and PAGES[key].group == group
        for number in PAGES[key].numbers
    }
    values = state.answers.get(group, {})
    return [values.get(n) if n in counted else None for n in range(1, count + 1)]


def screen_score(state: State, group: str) -> Score:
    return score(SCREENS[group], asked(state, group)[: len(SCREEN_ITEMS)])


def followup_reason(state: State, group: str) -> str | None:
    """POSITIVE or INCOMPLETE when the screen leads to the longer questions, else None."""
    result = screen_score(state, group)
    if result.caseness:
        return POSITIVE
    if not result.complete:
        return INCOMPLETE
    return None


def is_critical(state: State) -> bool:
    """True when an answer so far needs crisis resources now (PHQ-9 item 9 above 0)."""
    return bool(score(GROUPS["phq"], asked(state, "phq")).critical)


def applies(step: str, state: State) -> bool:
    """Whether the path includes `step`, given the answers so far."""
    if step == SUPPORT:
        return is_critical(state)
    page = PAGES[step]
    if page.followup:
        return followup_reason(state, page.group) is not None
    return True


def current_step(state: State) -> str:
    """The page to show now: the first step on the path not yet finished, or RESULTS."""
    for step in STEPS:
        if step not in state.history and applies(step, state):
            return step
    return RESULTS


@dataclass(frozen=True)
class Progress:
    number: int
    total: int


def progress(state: State) -> Progress:
    """Question page number and count. Pages that depend on answers not given yet are
    counted, so the count can only shrink: "2 of 6" may become "3 of 4", never "5 of 4"."""
    done = [key for key in state.history if key in PAGES]
    ahead = [
        key for key in STEPS if key in PAGES and key not in state.history and applies(key, state)
    ]
    return Progress(number=len(done) + 1, total=len(done) + len(ahead))


# --- Moving along -----------------------------------------------------------------------


def record(state: State, key: str, values: Answers) -> State:
    """The state after finishing page `key` with `values` (item number -> score or None).

    Items of the page missing from `values` count as skipped, so an empty map skips the page.
    """
    if key != current_step(state) or key not in PAGES:
        raise InvalidState("not the current page")
    page = PAGES[key]
    group = dict(state.answers.get(page.group, {}))
    for number in page.numbers:
        group[number] = values.get(number)
    answers = {**state.answers, page.group: group}
    return State(answers=answers, history=(*state.history, key), nonce=state.nonce)


def leave_support(state: State) -> State:
    """The person chose to continue the check after the support page."""
    if current_step(state) != SUPPORT:
        raise InvalidState("not on the support page")
    return State(answers=state.answers, history=(*state.history, SUPPORT), nonce=state.nonce)


def back(state: State) -> State:
    """The state one page earlier. Answers are kept so the page shows them again."""
    return State(answers=state.answers, history=state.history[:-1], nonce=state.nonce)


def may_skip_page(state: State, key: str) -> bool:
    """A longer questionnaire offered only because a screen was incomplete may be skipped
    as a whole page (every question can always be skipped one by one)."""
    page = PAGES[key]
    return page.followup and followup_reason(state, page.group) == INCOMPLETE


def initial(state: State, key: str) -> dict[int, int | None]:
    """Answers already given on page `key` (for showing it again after Back)."""
    page = PAGES[key]
    values = state.answers.get(page.group, {})
    return {n: values[n] for n in page.numbers if n in values}


# --- Results ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What one instrument family came to: the instrument actually answered and its score."""

    group: str
    instrument: Instrument
    answers: tuple[int | None, ...]
    score: Score
    # None for WHO-5; for the others, why the longer questions were asked (or None).
    followup: str | None = None
    # The PHQ-2 / GAD-2 part on its own (None for WHO-5), for when the longer part is
    # incomplete but the first two questions were answered.
    screen: Score | None = None


def _answered_any(values: Sequence[int | None]) -> bool:
    return any(value is not None for value in values)


def outcomes(state: State) -> list[Outcome]:
    """One outcome per family the person answered at least one question of, in page order.

    A family whose longer questions were asked and answered is reported on the longer
    instrument (PHQ-9, GAD-7), reusing the screen's answers for items 1-2; otherwise on the
    screen (PHQ-2, GAD-2). A family with every question skipped is left out.
    """
    found: list[Outcome] = []
    for group, instrument_id in GROUPS.items():
        values = asked(state, group)
        screen_id = SCREENS.get(group)
        followup = followup_reason(state, group) if screen_id else None
        screen = screen_score(state, group) if screen_id else None
        if screen_id and not _answered_any(values[len(SCREEN_ITEMS) :]):
            instrument_id, values = screen_id, values[: len(SCREEN_ITEMS)]
        if not _answered_any(values):
            continue
        found.append(
            Outcome(
                group=group,
                instrument=get_instrument(instrument_id),
                answers=tuple(values),
                score=score(instrument_id, values),
                followup=followup,
                screen=screen,
            )
        )
    return found


def finished(state: State) -> bool:
    return current_step(state) == RESULTS
