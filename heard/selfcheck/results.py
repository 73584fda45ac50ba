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
from django.utils.translation import gettext_lazy, ngettext

from heard.instruments import wording
from heard.instruments.registry import Instrument
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


def _score_line(outcome: flow.Outcome) -> str:
    result, instrument = outcome.score, outcome.instrument
    if result.total is None:
        return ""
    if result.index is not None:
        return _("%(index)s out of 100") % {"index": result.index}
    return _("%(total)s out of %(max)s") % {"total": result.total, "max": instrument.max_total}


def _notes(outcome: flow.Outcome) -> tuple[str, ...]:
    notes: list[str] = []
    scored = {item.number for item in outcome.instrument.scored_items}
    skipped = [n for n in outcome.score.skipped if n in scored]
    if skipped:
        notes.append(
            ngettext(
                "You chose not to answer %(count)s question, so there is no total for this part.",
                "You chose not to answer %(count)s questions, so there is no total for this part.",
                len(skipped),
            )
            % {"count": len(skipped)}
        )
    if outcome.score.total is not None and outcome.instrument.higher_is_better:
        notes.append(_("On this scale, a higher score means better well-being."))
    return tuple(notes)


def section(outcome: flow.Outcome) -> Section:
    result = outcome.score
    return Section(
        group=outcome.group,
        heading=str(HEADINGS[outcome.group]),
        meaning=wording.meaning(outcome.instrument.id, result.severity, result.caseness),
        score=_score_line(outcome),
        notes=_notes(outcome),
        instrument=outcome.instrument,
        raised=bool(result.caseness or result.critical),
    )


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
