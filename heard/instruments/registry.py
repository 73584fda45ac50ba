"""The validated instruments, loaded from FHIR R4 Questionnaires and the scoring configuration.

Every instrument is data: `definitions/<id>.json` holds the exact published wording, answer
options, LOINC codes, licence and source as a FHIR R4 Questionnaire; `definitions/scoring.json`
holds the thresholds (bands, caseness, critical items, reliable change, skipped-item rule), each
with its source. This module reads both once and hands out frozen dataclasses. No Django imports.

How the Questionnaire JSON is read (see docs/decisions/0012-instruments-as-fhir-data.md):

* answerable items are the `choice` items, in document order, at any depth;
* an item's number is its 1-based position among the answerable items, so it always equals
  the position of its answer in `scoring.score(...)` (PHQ-9 item 9 is number 9; the PC-PTSD-5
  exposure question is number 1 and its five symptom questions 2-6). `prefix` keeps what the
  form prints ("1." for the first PC-PTSD-5 symptom question, nothing for the exposure one);
* the score of an answer is its `ordinalValue` extension; an item marked with the
  `item-scored` extension set to false is not added to the total (PHQ-9 item 10, the
  PC-PTSD-5 exposure gate);
* the stem is the text of the first group that has text; the preamble is the `display` item
  with linkId "preamble";
* name, recall period, licence, source, wording variant and total-score code are
  `https://heard.example/fhir/StructureDefinition/...` extensions on the Questionnaire.

The `questionnaire` mapping on each `Instrument` is the JSON as loaded and is shared: treat it
as read-only (`copy.deepcopy` it before changing anything).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

LOINC = "http://loinc.org"
ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
HEARD_EXTENSION = "https://heard.example/fhir/StructureDefinition/"


class UnknownInstrument(KeyError):
    """No instrument has this id. `str()` is a sentence that lists the ids we know."""

    def __init__(self, instrument_id: str) -> None:
        super().__init__(instrument_id)
        self.instrument_id = instrument_id

    def __str__(self) -> str:
        known = ", ".join(instrument_ids())
        return f"Unknown instrument {self.instrument_id!r}; the instruments are: {known}."


@dataclass(frozen=True)
class AnswerOption:
    value: int  # the score (ordinalValue)
    display: str  # the wording on the form
    code: str | None  # LOINC answer code, or None when LOINC has none
    system: str = LOINC  # the code system of the stored coding (LOINC or a Heard code system)
    local_code: str = ""  # the code in `system` (equals `code` for LOINC answers)


@dataclass(frozen=True)
class Item:
    link_id: str
    number: int  # 1-based position among the answerable items (= answer position)
    text: str
    code: str | None  # LOINC item code
    options: tuple[AnswerOption, ...]
    scored: bool
    prefix: str | None = None  # as printed on the form ("9."); None when unnumbered

    @property
    def min_value(self) -> int:
        return min(option.value for option in self.options)

    @property
    def max_value(self) -> int:
        return max(option.value for option in self.options)

    def option_for(self, value: int) -> AnswerOption | None:
        return next((option for option in self.options if option.value == value), None)


@dataclass(frozen=True)
class Band:
    lower: int
    upper: int
    label: str  # the exact reference label, e.g. "moderately severe"


@dataclass(frozen=True)
class Caseness:
    """The caseness (or positive-screen) threshold: `total <operator> value`.

    AUDIT-C picks its value by sex (`by_sex`, falling back to `value`); PC-PTSD-5 lets the
    caller pick one of `cut_points` (default `value`). `label` is what `Score.threshold` shows;
    it may hold `{value}`, `{sex}` or `{cut_point}` placeholders.
    """

    operator: str  # ">=" or "<"
    value: int
    label: str
    source: str
    by_sex: Mapping[str, int] = field(default_factory=dict)
    default_label: str | None = None
    cut_points: tuple[int, ...] = ()

    def met(self, total: int, value: int | None = None) -> bool:
        threshold = self.value if value is None else value
        return total < threshold if self.operator == "<" else total >= threshold


@dataclass(frozen=True)
class ItemRule:
    """An item answered at or above `at_least`: a critical item or a clinician flag."""

    item: int
    at_least: int
    source: str
    flag: str | None = None


@dataclass(frozen=True)
class ImpliedAnswer:
    """K10 skip rule: a skipped `item` scores `score` when `when_item` was answered `equals`."""

    item: int
    when_item: int
    equals: int
    score: int


@dataclass(frozen=True)
class Gate:
    """PC-PTSD-5 exposure question: answered `closed_when`, the screen ends with `total`."""

    item: int
    closed_when: int
    total: int


@dataclass(frozen=True)
class Instrument:
    id: str  # "phq-9"
    name: str  # "PHQ-9"
    title: str  # "Patient Health Questionnaire-9"
    url: str
    version: str
    stem: str | None
    preamble: str | None
    recall: str  # "last 2 weeks"
    loinc: str | None  # panel code
    total_code: str | None
    items: tuple[Item, ...]  # every answerable item in order, scored or not
    copyright: str
    licence: str
    source: str
    higher_is_better: bool  # True only for WHO-5
    min_total: int
    max_total: int
    bands: tuple[Band, ...]  # empty when the instrument has no severity bands
    reliable_change: int | None  # points on the stored (raw) total scale
    questionnaire: Mapping[str, Any]  # the FHIR JSON as loaded; read-only
    # Additions beyond the shared interface:
    language: str = "en"
    wording_variant: str | None = None
    caseness: Caseness | None = None
    critical_items: tuple[ItemRule, ...] = ()  # published safety-critical items only
    flag_items: tuple[ItemRule, ...] = ()  # clinician flags that are not safety-critical
    subscales: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    skipped_rule: str = "incomplete"  # "incomplete" or "implied"; see scoring.json
    skipped_rule_source: str = ""
    implied_answers: tuple[ImpliedAnswer, ...] = ()
    gate: Gate | None = None
    index_multiplier: int | None = None  # WHO-5: index = raw x 4
    answer_count: str | None = None  # how to say the accepted answer counts, for errors
    config: Mapping[str, Any] = field(default_factory=dict)  # the scoring.json section

    def band_for(self, total: int) -> Band | None:
        """The severity band containing `total`, or None (no bands, or out of range)."""
        return next((band for band in self.bands if band.lower <= total <= band.upper), None)

    def band_rank(self, total: int) -> int | None:
        """0 for the mildest band, rising with severity; None without bands."""
        band = self.band_for(total)
        return None if band is None else self.bands.index(band)

    def item(self, number: int) -> Item:
        """The item with this number (1-based position)."""
        for item in self.items:
            if item.number == number:
                return item
        raise KeyError(f"{self.id} has no item {number}")

    @property
    def scored_items(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.scored)


def _extension(resource: Mapping[str, Any], name: str) -> Any:
    for extension in resource.get("extension", ()):
        if extension["url"] == HEARD_EXTENSION + name:
            return next(value for key, value in extension.items() if key.startswith("value"))
    return None


def _loinc(codings: Any) -> str | None:
    for coding in codings or ():
        if coding.get("system") == LOINC:
            return str(coding["code"])
    return None


def _walk(items: Any) -> list[Mapping[str, Any]]:
    found: list[Mapping[str, Any]] = []
    for item in items or ():
        found.append(item)
        found.extend(_walk(item.get("item")))
    return found


def _option(raw: Mapping[str, Any]) -> AnswerOption:
    coding = raw["valueCoding"]
    ordinal = next(e["valueDecimal"] for e in raw["extension"] if e["url"] == ORDINAL_VALUE)
    is_loinc = coding["system"] == LOINC
    return AnswerOption(
        value=int(ordinal),
        display=coding["display"],
        code=coding["code"] if is_loinc else None,
        system=coding["system"],
        local_code=coding["code"],
    )


def _item(number: int, raw: Mapping[str, Any]) -> Item:
    return Item(
        link_id=raw["linkId"],
        number=number,
        text=raw["text"],
        code=_loinc(raw.get("code")),
        options=tuple(_option(option) for option in raw["answerOption"]),
        scored=_extension(raw, "item-scored") is not False,
        prefix=raw.get("prefix"),
    )


def _caseness(raw: Mapping[str, Any] | None) -> Caseness | None:
    if raw is None:
        return None
    value = raw.get("value", raw.get("default", raw.get("default_cut_point")))
    return Caseness(
        operator=raw["operator"],
        value=int(value),
        label=raw["label"],
        source=raw["source"],
        by_sex=MappingProxyType(dict(raw.get("by_sex", {}))),
        default_label=raw.get("default_label"),
        cut_points=tuple(raw.get("cut_points", ())),
    )


def _rules(raw: list[Mapping[str, Any]] | None) -> tuple[ItemRule, ...]:
    return tuple(
        ItemRule(item=r["item"], at_least=r["at_least"], source=r["source"], flag=r.get("flag"))
        for r in raw or ()
    )


def _build(
    instrument_id: str, questionnaire: Mapping[str, Any], config: Mapping[str, Any]
) -> Instrument:
    everything = _walk(questionnaire.get("item"))
    choices = [raw for raw in everything if raw["type"] == "choice"]
    items = tuple(_item(number, raw) for number, raw in enumerate(choices, start=1))
    stem = next(
        (raw["text"] for raw in everything if raw["type"] == "group" and raw.get("text")), None
    )
    preamble = next((raw["text"] for raw in everything if raw["linkId"] == "preamble"), None)
    total_coding = _extension(questionnaire, "total-score-code")
    scored = [item for item in items if item.scored]
    bands = tuple(Band(**band) for band in config.get("bands", {}).get("bands", ()))
    reliable = config.get("reliable_change")
    skipped = config["skipped"]
    gate = config.get("gate")
    return Instrument(
        id=instrument_id,
        name=_extension(questionnaire, "instrument-name"),
        title=questionnaire["title"],
        url=questionnaire["url"],
        version=questionnaire["version"],
        stem=stem,
        preamble=preamble,
        recall=_extension(questionnaire, "recall-period"),
        loinc=_loinc(questionnaire.get("code")),
        total_code=None if total_coding is None else total_coding["code"],
        items=items,
        copyright=questionnaire["copyright"],
        licence=_extension(questionnaire, "licence"),
        source=_extension(questionnaire, "source"),
        higher_is_better=config["direction"] == "higher-is-better",
        min_total=sum(item.min_value for item in scored),
        max_total=sum(item.max_value for item in scored),
        bands=bands,
        reliable_change=None if reliable is None else int(reliable["points"]),
        questionnaire=questionnaire,
        language=questionnaire["language"],
        wording_variant=_extension(questionnaire, "wording-variant"),
        caseness=_caseness(config.get("caseness")),
        critical_items=_rules(config.get("critical")),
        flag_items=_rules(config.get("flags")),
        subscales=MappingProxyType(
            {
                name: tuple(numbers)
                for name, numbers in config.get("subscales", {}).get("clusters", {}).items()
            }
        ),
        skipped_rule=skipped["rule"],
        skipped_rule_source=skipped["source"],
        implied_answers=tuple(ImpliedAnswer(**rule) for rule in skipped.get("implied", ())),
        gate=None if gate is None else Gate(gate["item"], gate["closed_when"], gate["total"]),
        index_multiplier=config.get("index_multiplier"),
        answer_count=config.get("answer_count"),
        config=MappingProxyType(dict(config)),
    )


def _read(name: str) -> Any:
    path = resources.files(__package__).joinpath("definitions", name)
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def scoring_config() -> Mapping[str, Any]:
    """`definitions/scoring.json` as loaded (read-only by convention)."""
    config: Mapping[str, Any] = _read("scoring.json")
    return config


@cache
def _instruments() -> Mapping[str, Instrument]:
    loaded = {
        instrument_id: _build(instrument_id, _read(f"{instrument_id}.json"), config)
        for instrument_id, config in scoring_config()["instruments"].items()
    }
    return MappingProxyType(loaded)


def instrument_ids() -> tuple[str, ...]:
    """Every instrument id, in the order of the scoring configuration."""
    return tuple(scoring_config()["instruments"])


def get_instrument(instrument_id: str) -> Instrument:
    """The instrument with this id (e.g. "phq-9"); raises `UnknownInstrument`."""
    try:
        return _instruments()[instrument_id]
    except KeyError:
        raise UnknownInstrument(instrument_id) from None


def all_instruments() -> tuple[Instrument, ...]:
    return tuple(_instruments().values())
