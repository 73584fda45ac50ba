"""What a score means, in plain, kind words for the person who answered.

Never a bare diagnosis label: each band gets a sentence about how things have been, and the
screening/monitoring nature of the questionnaire is always said. Staff pages show the
published band labels instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from heard.instruments.registry import all_instruments

# (instrument, band label as in scoring) -> sentence for the person.
_BAND_TEXT: dict[tuple[str, str], Promise] = {
    ("phq-9", "none/minimal"): _(
        "Your answers suggest few signs of low mood over the last two weeks."
    ),
    ("phq-9", "mild"): _("Your answers suggest some low mood over the last two weeks."),
    ("phq-9", "moderate"): _(
        "Your answers suggest you've been having a hard time with low mood over the last two weeks."
    ),
    ("phq-9", "moderately severe"): _(
        "Your answers suggest low mood has been weighing on you a lot over the last two weeks."
    ),
    ("phq-9", "severe"): _(
        "Your answers suggest low mood has been very hard for you over the last two weeks."
    ),
    ("gad-7", "minimal"): _("Your answers suggest few signs of anxiety over the last two weeks."),
    ("gad-7", "mild"): _("Your answers suggest some worry or anxiety over the last two weeks."),
    ("gad-7", "moderate"): _(
        "Your answers suggest worry and anxiety have been hard for you over the last two weeks."
    ),
    ("gad-7", "severe"): _(
        "Your answers suggest worry and anxiety have been very hard for you over the last two "
        "weeks."
    ),
}

_CASENESS_TEXT: dict[tuple[str, bool], Promise] = {
    ("who-5", True): _("Your answers suggest your sense of well-being has been low lately."),
    ("who-5", False): _("Your answers suggest a fair sense of well-being lately."),
    ("phq-2", True): _("Your answers suggest low mood may be affecting you."),
    ("phq-2", False): _("Your answers suggest few signs of low mood."),
    ("gad-2", True): _("Your answers suggest worry or anxiety may be affecting you."),
    ("gad-2", False): _("Your answers suggest few signs of anxiety."),
    ("pcl-5", True): _("Your answers suggest a stressful experience is still affecting you a lot."),
    ("pcl-5", False): _("Your answers suggest a stressful experience affects you less now."),
    ("pc-ptsd-5", True): _("Your answers suggest a hard experience may still be affecting you."),
    ("pc-ptsd-5", False): _("Your answers suggest few after-effects of a hard experience."),
    ("audit-c", True): _("Your answers suggest your drinking may be worth talking about."),
    ("audit-c", False): _("Your answers suggest your drinking is in a lower-risk range."),
    ("k10", True): _("Your answers suggest you've been feeling a lot of distress lately."),
    ("k10", False): _("Your answers suggest you've been feeling little distress lately."),
}

_CHANGE_TEXT: dict[str, Promise] = {
    "improvement": _("That's a real improvement since last time — well done for keeping going."),
    "deterioration": _(
        "That's harder than last time. It may help to talk about it with your care team."
    ),
}
_SMALL_CHANGE_TEXT: dict[int, Promise] = {
    1: _("That's a little better than last time."),
    0: _("That's the same as last time."),
    -1: _("That's a little harder than last time."),
}

NEXT_STEPS: dict[str, tuple[Promise, ...]] = {
    "low_mood": (
        _("Plan one small thing you usually enjoy, even for ten minutes."),
        _("Get outside or move your body a little today."),
        _("Tell someone you trust how things have been."),
    ),
    "anxiety": (
        _("Try slow breathing: in for 4, out for 6, for two minutes."),
        _("Name 5 things you can see, 4 you can hear and 3 you can touch."),
        _("Write a worry down and set it aside for a set 'worry time' later."),
    ),
    "general": (
        _("Keep a regular time for going to bed and getting up."),
        _("Spend a little time with someone who makes you feel at ease."),
    ),
}


def meaning(instrument_id: str, severity: str | None, caseness: bool | None) -> str:
    """One kind sentence saying what the score suggests."""
    if severity and (instrument_id, severity) in _BAND_TEXT:
        return str(_BAND_TEXT[(instrument_id, severity)])
    if caseness is not None and (instrument_id, caseness) in _CASENESS_TEXT:
        return str(_CASENESS_TEXT[(instrument_id, caseness)])
    return str(
        _("Some questions were skipped, so we can't give a score this time. That's completely OK.")
    )


def change_text(change: str | None, *, better_by: int = 0) -> str:
    """How this score compares with the previous one. `better_by` is positive when the score
    moved in the better direction (down for most instruments, up for WHO-5)."""
    if change in _CHANGE_TEXT:
        return str(_CHANGE_TEXT[change])
    if change is None:
        return ""
    return str(_SMALL_CHANGE_TEXT[(better_by > 0) - (better_by < 0)])


def next_steps(instrument_id: str) -> list[str]:
    key = {"phq-9": "low_mood", "phq-2": "low_mood", "who-5": "low_mood"}.get(
        instrument_id, "anxiety" if instrument_id in {"gad-7", "gad-2"} else "general"
    )
    return [str(s) for s in NEXT_STEPS[key]]


_ABOUT: dict[str, Promise] = {
    "phq-9": _("mood over the last two weeks (9 questions)"),
    "gad-7": _("worry and anxiety over the last two weeks (7 questions)"),
    "who-5": _("well-being over the last two weeks (5 questions)"),
    "k10": _("stress and distress over the last four weeks (10 questions)"),
    "pcl-5": _("how a very stressful experience affects you now (20 questions)"),
    "audit-c": _("drinking over the last year (3 questions)"),
}


@dataclass(frozen=True)
class StartChoice:
    id: str
    name: str
    about: str


def self_start_instruments() -> list[StartChoice]:
    """The questionnaires a client may take on their own, with a plain description."""
    return [
        StartChoice(i.id, i.name, str(_ABOUT[i.id])) for i in all_instruments() if i.id in _ABOUT
    ]
