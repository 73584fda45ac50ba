"""What the results page says about each part of the check, in plain, kind words.

The sentence for a score comes from the measures app's wording (heard.instruments.wording),
so the self-check and a client's own measures speak the same way. Never a bare diagnosis
label: the page says what the answers suggest, then the score and its range for those who
want it.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain, zip_longest

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from heard.instruments import wording
from heard.instruments.registry import Instrument, get_instrument
from heard.instruments.scoring import Score
from heard.selfcheck import flow

HEADINGS: dict[str, Promise] = {
    "phq": gettext_lazy("Mood"),
    "gad": gettext_lazy("Worry and anxiety"),
    "who5": gettext_lazy("Well-being"),
}
MAX_SKILLS = 3


@dataclass(frozen=True)
class Section:
    group: str
    heading: str
    meaning: str  # what the answers suggest, in words
    score: str  # "12 out of 27", or "" when there is no total
    notes: tuple[str, ...]  # skipped questions, direction of the scale
    instrument: Instrument
    # Worth talking to someone about: a positive screen, low well-being or a critical answer.
    raised: bool


def _score_line(result: Score, instrument: Instrument) -> str:
    if result.total is None:
        return ""
    if result.index is not None:
        return _("%(index)s out of 100") % {"index": result.index}
    return _("%(total)s out of %(max)s") % {"total": result.total, "max": instrument.max_total}


def section(outcome: flow.Outcome) -> Section:
    """What to say about one part. When the longer questions have a skipped answer but the
    first two were answered, the part is described by those two (the PHQ-2 or GAD-2)."""
    result, instrument = outcome.score, outcome.instrument
    notes: list[str] = []
    screen = outcome.screen
    if result.total is None and screen is not None and screen.complete:
        skipped = len([n for n in result.skipped if n in _scored(instrument)])
        notes.append(
            _(
                "You chose not to answer %(count)s of the longer questions, so this is based "
                "on the first two."
            )
            % {"count": skipped}
        )
        result, instrument = screen, get_instrument(screen.instrument)
    if result.total is not None and instrument.higher_is_better:
        notes.append(_("On this scale, a higher score means better well-being."))
    return Section(
        group=outcome.group,
        heading=str(HEADINGS[outcome.group]),
        meaning=wording.meaning(instrument.id, result.severity, result.caseness),
        score=_score_line(result, instrument),
        notes=tuple(notes),
        instrument=instrument,
        raised=bool(result.caseness or outcome.score.critical),
    )


def _scored(instrument: Instrument) -> set[int]:
    return {item.number for item in instrument.scored_items}


def skills(sections: list[Section]) -> list[str]:
    """Two or three small things to try, drawn first from the parts that were raised."""
    lists = [wording.next_steps(s.instrument.id) for s in sections if s.raised]
    if not lists:
        return [str(step) for step in wording.NEXT_STEPS["general"]][:MAX_SKILLS]
    picked: list[str] = []
    for step in chain.from_iterable(zip_longest(*lists)):
        if step is not None and step not in picked:
            picked.append(step)
    return picked[:MAX_SKILLS]
