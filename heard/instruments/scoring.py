"""Exact scoring of the validated instruments. Pure functions: no Django, no gettext.

`score("phq-9", [1, 2, 0, 3, 1, 0, 2, 1, 0])` checks the answers against the instrument's
Questionnaire and applies the thresholds in `definitions/scoring.json`. Labels (severity bands,
flags, thresholds) are data from that file, in English, for clinicians and storage; pages
translate their own headings around them.

Answers are positional, one per answerable item in form order (`Instrument.items`); `None` means
skipped ("prefer not to answer"). A skipped scored item never gets an invented score: unless
the instrument's own rule covers it (K10 items 3 and 6, the PC-PTSD-5 exposure gate) the result
is incomplete, with `total`, `severity` and `caseness` all None. Critical items and clinician
flags are still checked on the answers that were given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from heard.instruments.registry import Instrument, get_instrument

OPTIONS = ("cut_point", "sex")
DASH = "\N{EN DASH}"  # ranges in messages read "0 to 3" with an en dash
SEXES = ("female", "male")


class AnswerError(ValueError):
    """The answers cannot be scored. The message is a plain sentence for a person."""


@dataclass(frozen=True)
class Score:
    instrument: str
    total: int | None
    severity: str | None  # the band label, e.g. "moderately severe"
    caseness: bool | None  # at or past the caseness / positive-screen threshold
    critical: tuple[int, ...]  # item numbers with a safety-critical answer (PHQ-9 item 9 > 0)
    complete: bool
    answered: int
    skipped: tuple[int, ...]  # item numbers left unanswered
    subscales: Mapping[str, int | None] = field(default_factory=dict)
    index: int | None = None  # WHO-5 percentage score (raw x 4)
    flags: tuple[str, ...] = ()  # clinician flags and provisional algorithm results
    threshold: str | None = None  # which caseness threshold applies, e.g. ">= 10"

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict: instrument, total, severity, caseness, critical, complete
        first (in that order), then the extras."""
        return {
            "instrument": self.instrument,
            "total": self.total,
            "severity": self.severity,
            "caseness": self.caseness,
            "critical": list(self.critical),
            "complete": self.complete,
            "answered": self.answered,
            "skipped": list(self.skipped),
            "subscales": dict(self.subscales),
            "index": self.index,
            "flags": list(self.flags),
            "threshold": self.threshold,
        }


def score(
    instrument_id: str,
    answers: Sequence[int | None],
    *,
    options: Mapping[str, Any] | None = None,
) -> Score:
    """Score one administration.

    `options`: `sex` ("female" / "male") picks the AUDIT-C cut-off (3 / 4; 3 when not given);
    `cut_point` (3 or 4, default 3) picks the PC-PTSD-5 cut-point. Options that do not apply
    to the instrument are ignored; unknown option names are an error.

    Raises `UnknownInstrument` for an unknown id and `AnswerError` for a wrong number of
    answers, a value that is not a whole number, an out-of-range answer or a bad option.
    """
    instrument = get_instrument(instrument_id)
    threshold_value, threshold = _threshold(instrument, options or {})
    given = _check(instrument, answers)
    values = dict(given)  # item number -> score used for the total

    for rule in instrument.implied_answers:
        if values.get(rule.item) is None and values.get(rule.when_item) == rule.equals:
            values[rule.item] = rule.score

    gate = instrument.gate
    gate_closed = gate is not None and given.get(gate.item) == gate.closed_when
    scored = [item.number for item in instrument.scored_items]
    # After a closed gate the other questions were never asked, so they are not "skipped".
    asked = {gate.item} if gate is not None and gate_closed else set(values)
    skipped = tuple(number for number, value in values.items() if value is None and number in asked)
    complete = gate_closed or all(values.get(number) is not None for number in scored)

    total: int | None = None
    if gate is not None and gate_closed:
        total = gate.total
    elif complete:
        total = sum(values[number] or 0 for number in scored)

    answered_values = {number: value for number, value in given.items() if value is not None}
    flags = [
        rule.flag or ""
        for rule in instrument.flag_items
        if _at_least(answered_values, rule.item, rule.at_least)
    ]
    if total is not None and not gate_closed:
        flags.extend(_algorithm_flags(instrument, values))
    band = None if total is None else instrument.band_for(total)
    caseness = instrument.caseness
    index_multiplier = instrument.index_multiplier
    return Score(
        instrument=instrument.id,
        total=total,
        severity=None if band is None else band.label,
        caseness=None
        if total is None or caseness is None
        else caseness.met(total, threshold_value),
        critical=tuple(
            rule.item
            for rule in instrument.critical_items
            if _at_least(answered_values, rule.item, rule.at_least)
        ),
        complete=complete,
        answered=len(answered_values),
        skipped=tuple(sorted(skipped)),
        subscales=MappingProxyType(
            {
                name: _sum_or_none([values.get(number) for number in numbers])
                for name, numbers in instrument.subscales.items()
            }
        ),
        index=None if total is None or index_multiplier is None else total * index_multiplier,
        flags=tuple(flags),
        threshold=threshold,
    )


def caseness_for(
    instrument_id: str, total: int, *, options: Mapping[str, Any] | None = None
) -> bool | None:
    """Caseness of a stored total with the instrument's threshold (None if it has none)."""
    instrument = get_instrument(instrument_id)
    value, _ = _threshold(instrument, options or {})
    return None if instrument.caseness is None else instrument.caseness.met(total, value)


def severity_for(instrument_id: str, total: int) -> str | None:
    """The band label for a stored total (None when the instrument has no bands)."""
    band = get_instrument(instrument_id).band_for(total)
    return None if band is None else band.label


# --- Checking the answers ------------------------------------------------------------------------


def _check(instrument: Instrument, answers: Sequence[int | None]) -> dict[int, int | None]:
    """Item number -> answer, after checking the count and every value."""
    items = instrument.items
    accepted = {len(items)}
    # Unscored items at the end (PHQ-9 item 10) may be left off altogether.
    while items and not items[-1].scored:
        items = items[:-1]
        accepted.add(len(items))
    gate = instrument.gate
    if gate is not None:
        # Only the exposure question, when it says there is nothing more to ask.
        accepted.add(1)
    if len(answers) not in accepted:
        counted = instrument.answer_count or f"{len(instrument.items)} answers"
        raise AnswerError(f"{instrument.id} takes {counted}; got {len(answers)}.")

    given: dict[int, int | None] = {}
    for position, (item, answer) in enumerate(
        zip(instrument.items, answers, strict=False), start=1
    ):
        low, high = item.min_value, item.max_value
        if answer is not None and (not isinstance(answer, int) or isinstance(answer, bool)):
            raise AnswerError(
                f"Answer {position} of {instrument.id} must be a whole number {low}{DASH}{high} "
                f"(or left blank when skipped); got {answer!r}."
            )
        if answer is not None and item.option_for(answer) is None:
            raise AnswerError(
                f"Answer {position} of {instrument.id} must be {low}{DASH}{high}; got {answer}."
            )
        given[item.number] = answer

    if gate is not None:
        exposure = given[gate.item]
        later = [
            number for number, value in given.items() if number != gate.item and value is not None
        ]
        if exposure == gate.closed_when and later:
            raise AnswerError(
                f"{instrument.id}: the first answer is No, so the symptom questions are not asked; "
                "leave them out or skip them."
            )
        if len(answers) == 1 and exposure is not None and exposure != gate.closed_when:
            raise AnswerError(
                f"{instrument.id}: the first answer is Yes, so it takes 6 answers; got 1."
            )
    return given


def _threshold(instrument: Instrument, options: Mapping[str, Any]) -> tuple[int | None, str | None]:
    """The caseness value to use and how to describe it, from the options given."""
    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        raise AnswerError(
            f"Unknown scoring option {unknown[0]!r}; the options are {' and '.join(OPTIONS)}."
        )
    caseness = instrument.caseness
    if caseness is None:
        return None, None
    if caseness.by_sex:
        sex = options.get("sex")
        if sex is None:
            return caseness.value, caseness.default_label
        if sex not in SEXES:
            raise AnswerError(f"sex must be 'female' or 'male' (or left out); got {sex!r}.")
        value = caseness.by_sex[sex]
        return value, caseness.label.format(value=value, sex=sex)
    if caseness.cut_points:
        cut_point = options.get("cut_point", caseness.value)
        if cut_point not in caseness.cut_points or isinstance(cut_point, bool):
            allowed = " or ".join(str(point) for point in caseness.cut_points)
            raise AnswerError(
                f"cut_point for {instrument.id} must be {allowed}; got {cut_point!r}."
            )
        return cut_point, caseness.label.format(cut_point=cut_point)
    return caseness.value, caseness.label


# --- Derived results -----------------------------------------------------------------------------


def _at_least(values: Mapping[int, int], number: int, at_least: int) -> bool:
    return values.get(number, -1) >= at_least


def _sum_or_none(values: Sequence[int | None]) -> int | None:
    present = [value for value in values if value is not None]
    return sum(present) if len(present) == len(values) else None


def _algorithm_flags(instrument: Instrument, values: Mapping[int, int | None]) -> list[str]:
    """Provisional classifications from a published symptom-count algorithm (complete answers)."""
    algorithm = instrument.config.get("algorithm")
    if algorithm is None:
        return []
    symptom_at = algorithm["symptom_at_least"]
    overrides = {int(number): at for number, at in algorithm.get("item_at_least", {}).items()}
    counted = {
        number
        for number, value in values.items()
        if (value or 0) >= overrides.get(number, symptom_at)
    }
    if "cluster_minimums" in algorithm:
        # PCL-5: enough symptoms in every DSM-5 cluster.
        met = all(
            len(counted & set(instrument.subscales[name])) >= minimum
            for name, minimum in algorithm["cluster_minimums"].items()
        )
        return [algorithm["flag"]] if met else []
    # PHQ-9: a core item counted, and the number of symptoms counted.
    core = counted & set(algorithm["core_items"])
    scored = counted & {item.number for item in instrument.scored_items}
    return [
        syndrome["flag"]
        for syndrome in algorithm["syndromes"]
        if core and syndrome["min_count"] <= len(scored) <= syndrome["max_count"]
    ]
