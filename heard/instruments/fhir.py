"""FHIR R4 JSON for the measures API: a QuestionnaireResponse in, a stored assessment out.

Inbound (`parse_questionnaire_response`): the resource must be valid FHIR R4 (checked with
`fhir.resources`; otherwise `InvalidResource`, HTTP 400) and must fit the questionnaire it names
(otherwise `UnfitResponse`, HTTP 422). Both carry field-level errors whose `loc` is the path in
the posted JSON, e.g. `("item", 0, "item", 2, "answer", 0, "valueCoding")`.

* `questionnaire` is the canonical URL of one of our Questionnaires, optionally `|version`;
* each answer is found by `linkId`, nested in the questionnaire's groups or flat; `valueCoding`
  must be one of the item's answer codes (the system may be left out), `valueInteger` is the
  answer's score. A question that is absent or has no answer is skipped;
* an item with linkId `total-score` is ignored: Heard computes every score itself.

Outbound (`questionnaire_response`): the stored answers as codings (with the score of each in an
`ordinalValue` extension), the score in the `score` extension, the total again as a
`total-score` item carrying the instrument's LOINC total code, and a `meta.tag` that tells an
app to show crisis resources now when a critical answer was given.
See docs/decisions/0014-fhir-api.md. No queries except loading an assessment's client and
author when they are not loaded yet; no gettext (the messages are for developers).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from pydantic import ValidationError as PydanticError

from heard.instruments.models import Assessment, AssessmentStatus
from heard.instruments.registry import (
    HEARD_EXTENSION,
    LOINC,
    ORDINAL_VALUE,
    Instrument,
    Item,
    all_instruments,
    get_instrument,
)
from heard.instruments.scoring import DASH, AnswerError, score

FHIR_JSON = "application/fhir+json"
ACCEPTED_TYPES = (FHIR_JSON, "application/json")
SCORE_EXTENSION = HEARD_EXTENSION + "score"
TOTAL_LINK_ID = "total-score"
TOTAL_CODE_EXTENSION = HEARD_EXTENSION + "total-score-code"
FLAGS_SYSTEM = "https://heard.example/fhir/CodeSystem/response-flags"
CRISIS_TAG = {
    "system": FLAGS_SYSTEM,
    "code": "show-crisis-resources",
    "display": "A critical answer was given: show crisis resources now",
}
# QuestionnaireResponse.status codes in FHIR R4 (fhir.resources does not check the value set).
STATUSES = ("in-progress", "completed", "amended", "entered-in-error", "stopped")
PATIENT_REFERENCE = re.compile(r"^Patient/(?P<id>[0-9A-Fa-f-]{36})$")

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class FieldError:
    loc: Loc
    msg: str


class FhirError(ValueError):
    """The posted resource can't be stored. `errors` say where and why."""

    status = 422

    def __init__(self, errors: Sequence[FieldError]) -> None:
        super().__init__("; ".join(f"{'.'.join(map(str, e.loc))}: {e.msg}" for e in errors))
        self.errors = tuple(errors)


class InvalidResource(FhirError):
    """Not JSON, or not a valid FHIR R4 QuestionnaireResponse (HTTP 400)."""

    status = 400


class UnfitResponse(FhirError):
    """Valid FHIR, but wrong for the questionnaire it names (HTTP 422)."""

    status = 422


@dataclass(frozen=True)
class ParsedResponse:
    instrument: Instrument
    answers: tuple[int | None, ...]  # positional, one per `instrument.items`; None = skipped
    subject: uuid.UUID | None  # the client's public id; None when the caller answers for self
    authored: datetime | None


# --- Inbound ------------------------------------------------------------------------------------


def read_json(body: bytes) -> Any:
    """The request body as JSON, or InvalidResource."""
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InvalidResource([FieldError(("body",), "The body is not valid JSON.")]) from None


def parse_questionnaire_response(payload: Any) -> ParsedResponse:
    """Read a posted QuestionnaireResponse. Raises InvalidResource (not valid FHIR R4) or
    UnfitResponse (valid FHIR that does not fit the questionnaire or can't be scored)."""
    resource, authored_value = _valid_fhir(payload)
    errors: list[FieldError] = []
    if resource["status"] != "completed":
        errors.append(
            FieldError(("status",), 'Only finished responses are stored: send "completed".')
        )
    instrument = _instrument(resource.get("questionnaire"), errors)
    subject = _subject(resource.get("subject"), errors)
    authored = _authored(authored_value, errors)
    if instrument is None:
        raise UnfitResponse(errors)
    values: dict[int, int | None] = {}
    _read_items(instrument, resource.get("item"), ("item",), values, set(), errors)
    if errors:
        raise UnfitResponse(errors)
    answers = tuple(values.get(item.number) for item in instrument.items)
    try:
        score(instrument.id, answers)
    except AnswerError as exc:  # e.g. symptom questions answered after a closed gate
        raise UnfitResponse([FieldError(("item",), str(exc))]) from None
    return ParsedResponse(instrument, answers, subject, authored)


def _valid_fhir(payload: Any) -> tuple[dict[str, Any], object]:
    """The payload (checked as FHIR R4) and its parsed `authored`."""
    if not isinstance(payload, dict):
        raise InvalidResource([FieldError(("body",), "Send one JSON object.")])
    if payload.get("resourceType") != "QuestionnaireResponse":
        raise InvalidResource(
            [FieldError(("resourceType",), 'resourceType must be "QuestionnaireResponse".')]
        )
    try:
        model = QuestionnaireResponse.model_validate(payload)
    except PydanticError as exc:
        raise InvalidResource(
            [
                FieldError(tuple(e["loc"]), _message(e["msg"]))
                for e in exc.errors(include_url=False, include_input=False)
            ]
        ) from None
    if payload["status"] not in STATUSES:
        raise InvalidResource(
            [FieldError(("status",), f"status must be one of: {', '.join(STATUSES)}.")]
        )
    return payload, model.authored


def _message(pydantic_message: str) -> str:
    """pydantic's message on one line, without its "Value error, " prefix."""
    return " ".join(pydantic_message.split()).removeprefix("Value error, ")


def _instrument(canonical: str | None, errors: list[FieldError]) -> Instrument | None:
    loc = ("questionnaire",)
    if not canonical:
        errors.append(FieldError(loc, "Name the Questionnaire by its canonical URL."))
        return None
    url, _, version = canonical.partition("|")
    instrument = next((i for i in all_instruments() if i.url == url), None)
    if instrument is None:
        known = ", ".join(i.url for i in all_instruments())
        errors.append(FieldError(loc, f"Unknown Questionnaire; the Questionnaires are: {known}."))
        return None
    if version and version != instrument.version:
        errors.append(
            FieldError(loc, f"{instrument.name} is at version {instrument.version}, not {version}.")
        )
        return None
    return instrument


def _subject(subject: Mapping[str, Any] | None, errors: list[FieldError]) -> uuid.UUID | None:
    if subject is None:
        return None
    match = PATIENT_REFERENCE.match(subject.get("reference") or "")
    try:
        if match:
            return uuid.UUID(match["id"])
    except ValueError:
        pass  # 36 characters of hex digits and dashes, but not a UUID
    errors.append(
        FieldError(
            ("subject", "reference"),
            'Give the client as "Patient/<client id>", or leave subject out for your own answers.',
        )
    )
    return None


def _authored(authored: object, errors: list[FieldError]) -> datetime | None:
    """`authored` as fhir.resources parsed it: a datetime with its time zone (FHIR requires
    one when there is a time), a date, a "YYYY" or "YYYY-MM" string, or None."""
    if authored is None:
        return None
    if isinstance(authored, datetime) and authored.tzinfo is not None:
        return authored
    errors.append(FieldError(("authored",), "Give the date and time with its time zone."))
    return None


def _read_items(
    instrument: Instrument,
    items: list[Mapping[str, Any]] | None,
    loc: Loc,
    values: dict[int, int | None],
    seen: set[str],
    errors: list[FieldError],
) -> None:
    """Collect answers by linkId from `items` (and their nested groups) into `values`."""
    by_link = {item.link_id: item for item in instrument.items}
    containers = _containers(instrument.questionnaire.get("item"))
    for index, raw in enumerate(items or ()):
        here = (*loc, index)
        link_id = raw["linkId"]
        answers = raw.get("answer") or []
        if link_id == TOTAL_LINK_ID:
            continue  # Heard computes the total itself
        if link_id in seen:
            errors.append(FieldError((*here, "linkId"), f"linkId {link_id!r} appears twice."))
            continue
        seen.add(link_id)
        item = by_link.get(link_id)
        if item is None and link_id not in containers:
            errors.append(
                FieldError(
                    (*here, "linkId"), f"{instrument.name} has no item with linkId {link_id!r}."
                )
            )
        elif item is None:
            if answers:
                errors.append(FieldError((*here, "answer"), f"linkId {link_id!r} takes no answer."))
            _read_items(instrument, raw.get("item"), (*here, "item"), values, seen, errors)
        else:
            if raw.get("item"):
                errors.append(
                    FieldError((*here, "item"), f"linkId {link_id!r} has no nested items.")
                )
            if len(answers) > 1:
                errors.append(FieldError((*here, "answer", 1), "Give one answer per question."))
            if answers:
                values[item.number] = _value(item, answers[0], (*here, "answer", 0), errors)


def _containers(items: Any) -> set[str]:
    """linkIds of the questionnaire's groups and display items (which take no answer)."""
    found: set[str] = set()
    for raw in items or ():
        if raw["type"] != "choice":
            found.add(raw["linkId"])
        found |= _containers(raw.get("item"))
    return found


def _value(item: Item, answer: Mapping[str, Any], loc: Loc, errors: list[FieldError]) -> int | None:
    """The score of one answer, or None after adding an error."""
    if answer.get("item"):
        errors.append(FieldError((*loc, "item"), f"linkId {item.link_id!r} has no nested items."))
    coding = answer.get("valueCoding")
    if coding is not None:
        code, system = coding.get("code"), coding.get("system")
        for option in item.options:
            if option.local_code == code and system in (None, option.system):
                return option.value
        given = code if system is None else f"{system}|{code}"
        choices = "; ".join(f"{o.local_code} ({o.display})" for o in item.options)
        errors.append(
            FieldError(
                (*loc, "valueCoding"),
                f"{given} is not an answer to linkId {item.link_id!r}; the answers are "
                f"{item.options[0].system} codes {choices}.",
            )
        )
        return None
    if "valueInteger" in answer:
        value = answer["valueInteger"]
        if isinstance(value, int) and not isinstance(value, bool) and item.option_for(value):
            return value
        errors.append(
            FieldError(
                (*loc, "valueInteger"),
                f"linkId {item.link_id!r} takes a score of {item.min_value}{DASH}{item.max_value}; "
                f"got {value}.",
            )
        )
        return None
    errors.append(
        FieldError(
            loc,
            "Answer with valueCoding (one of the item's answer codes) or valueInteger (its "
            "score); leave the answer out to skip the question.",
        )
    )
    return None


def service_errors(exc: ValidationError) -> list[FieldError]:
    """The service's ValidationError as field errors on the posted resource."""
    fields = {"completed_at": ("authored",), "answers": ("item",), "instrument": ("questionnaire",)}
    if not hasattr(exc, "error_dict"):
        return [FieldError((), message) for message in exc.messages]
    return [
        FieldError(fields.get(name, (name,)), message)
        for name, messages in exc.message_dict.items()
        for message in messages
    ]


# --- Outbound -----------------------------------------------------------------------------------


def questionnaire_response(assessment: Assessment) -> dict[str, Any]:
    """`assessment` as a FHIR R4 QuestionnaireResponse (checked with fhir.resources). Loads
    `assessment.client` and `assessment.entered_by`: select_related them for lists."""
    instrument = get_instrument(assessment.instrument)
    answers = assessment.answer_list(len(instrument.items))
    completed = assessment.status == AssessmentStatus.COMPLETED
    client_ref = {"reference": f"Patient/{assessment.client.public_id}"}
    resource: dict[str, Any] = {"resourceType": "QuestionnaireResponse"}
    resource["id"] = str(assessment.public_id)
    if completed and assessment.critical:
        resource["meta"] = {"tag": [CRISIS_TAG]}
    if completed:
        resource["extension"] = [_score_extension(assessment, instrument)]
    resource["questionnaire"] = f"{instrument.url}|{assessment.instrument_version}"
    resource["status"] = "completed" if completed else "in-progress"
    resource["subject"] = client_ref
    resource["authored"] = (assessment.completed_at or assessment.started_at).isoformat()
    if assessment.entered_by_id == assessment.client_id:
        resource["author"] = client_ref
    elif assessment.entered_by is not None:
        resource["author"] = {"reference": f"Practitioner/{assessment.entered_by.public_id}"}
    items = _answered(instrument.questionnaire.get("item"), instrument, answers)
    if completed and assessment.total is not None and instrument.total_code:
        items.append(_total_item(instrument, assessment.total))
    if items:
        resource["item"] = items
    QuestionnaireResponse.model_validate(resource)  # a bug here is ours: fail loudly
    return resource


def _score_extension(assessment: Assessment, instrument: Instrument) -> dict[str, Any]:
    parts: list[dict[str, Any]] = []
    if assessment.total is not None:
        parts.append({"url": "total", "valueInteger": assessment.total})
    if assessment.severity:
        parts.append({"url": "severity", "valueString": assessment.severity})
    if assessment.caseness is not None:
        parts.append({"url": "caseness", "valueBoolean": assessment.caseness})
    parts.append({"url": "complete", "valueBoolean": assessment.complete})
    parts.append({"url": "critical", "valueBoolean": bool(assessment.critical)})
    parts.extend(
        {"url": "critical-item", "valueString": instrument.item(number).link_id}
        for number in assessment.critical
    )
    index = (assessment.score_detail or {}).get("index")
    if index is not None:
        parts.append({"url": "index", "valueInteger": index})
    return {"url": SCORE_EXTENSION, "extension": parts}


def _answered(
    raw_items: Any, instrument: Instrument, answers: list[int | None]
) -> list[dict[str, Any]]:
    """The questionnaire's items that have answers, in its own structure; skipped questions,
    empty groups and display items are left out."""
    by_link = {item.link_id: item for item in instrument.items}
    out: list[dict[str, Any]] = []
    for raw in raw_items or ():
        item = by_link.get(raw["linkId"])
        if item is None:
            children = _answered(raw.get("item"), instrument, answers)
            if raw["type"] == "group" and children:
                group = {"linkId": raw["linkId"], "text": raw.get("text"), "item": children}
                out.append({key: value for key, value in group.items() if value})
            continue
        value = answers[item.number - 1]
        option = None if value is None else item.option_for(value)
        if option is None:
            continue
        coding = {
            "extension": [{"url": ORDINAL_VALUE, "valueDecimal": option.value}],
            "system": option.system,
            "code": option.local_code,
            "display": option.display,
        }
        out.append({"linkId": item.link_id, "text": item.text, "answer": [{"valueCoding": coding}]})
    return out


def _total_item(instrument: Instrument, total: int) -> dict[str, Any]:
    """The total as an item; its LOINC code rides in the same extension the Questionnaire uses
    (a QuestionnaireResponse item has no `code` of its own)."""
    coding = {"system": LOINC, "code": instrument.total_code}
    for extension in instrument.questionnaire.get("extension", ()):
        if extension["url"] == TOTAL_CODE_EXTENSION:
            coding = dict(extension["valueCoding"])
    return {
        "extension": [{"url": TOTAL_CODE_EXTENSION, "valueCoding": coding}],
        "linkId": TOTAL_LINK_ID,
        "text": "Total score",
        "answer": [{"valueInteger": total}],
    }


def searchset(entries: Sequence[tuple[str, Mapping[str, Any]]]) -> dict[str, Any]:
    """A FHIR searchset Bundle of (fullUrl, resource) pairs."""
    bundle: dict[str, Any] = {"resourceType": "Bundle", "type": "searchset", "total": len(entries)}
    if entries:
        bundle["entry"] = [
            {"fullUrl": url, "resource": resource, "search": {"mode": "match"}}
            for url, resource in entries
        ]
    return bundle


def instrument_id_for(questionnaire: str) -> str | None:
    """The instrument named by an id ("phq-9") or canonical URL (with or without |version)."""
    url = questionnaire.partition("|")[0]
    for instrument in all_instruments():
        if questionnaire == instrument.id or url == instrument.url:
            return instrument.id
    return None
