"""POST and GET /api/v1/questionnaire-responses: FHIR QuestionnaireResponses stored as scored
assessments, over HTTP as an app would use them."""

from __future__ import annotations

import copy
import json
import uuid
from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from heard.audit.models import AuditEvent
from heard.instruments import fhir, services
from heard.instruments.models import Assessment, AssessmentSource
from heard.instruments.registry import Instrument, all_instruments, get_instrument
from heard.safety.models import RiskAlert

pytestmark = pytest.mark.django_db

URL = "/api/v1/questionnaire-responses"
PHQ9 = [1, 2, 0, 3, 1, 0, 2, 1, 0, 1]  # total 10, moderate, item 9 not endorsed


def resource(
    instrument_id: str,
    answers: list[int | None],
    *,
    subject: Any = None,
    style: str = "coding",
    **fields: Any,
) -> dict[str, Any]:
    """A QuestionnaireResponse in the questionnaire's own structure; None skips a question.
    style: "coding" (valueCoding), "integer" (valueInteger) or "mixed" (alternating)."""
    instrument = get_instrument(instrument_id)
    by_link = {item.link_id: item for item in instrument.items}

    def answer(number: int, value: int) -> dict[str, Any]:
        if style == "integer" or (style == "mixed" and number % 2):
            return {"valueInteger": value}
        option = by_link_number[number].option_for(value)
        assert option is not None
        return {"valueCoding": {"system": option.system, "code": option.local_code}}

    by_link_number = {item.number: item for item in instrument.items}

    def build(raw_items: Any) -> list[dict[str, Any]]:
        out = []
        for raw in raw_items or ():
            item = by_link.get(raw["linkId"])
            if raw["type"] == "group":
                children = build(raw.get("item"))
                if children:
                    out.append({"linkId": raw["linkId"], "item": children})
            elif item is not None:
                value = answers[item.number - 1]
                if value is not None:
                    out.append({"linkId": item.link_id, "answer": [answer(item.number, value)]})
        return out

    body: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": instrument.url,
        "status": "completed",
    }
    items = build(instrument.questionnaire["item"])
    if items:
        body["item"] = items
    if subject is not None:
        body["subject"] = {"reference": f"Patient/{subject.public_id}"}
    body.update(fields)
    return body


def post(
    client: Client,
    body: Any,
    *,
    key: str | None = None,
    content_type: str = "application/fhir+json",
) -> Any:
    data = body if isinstance(body, bytes) else json.dumps(body)
    headers = {"Idempotency-Key": key} if key else {}
    return client.post(URL, data=data, content_type=content_type, headers=headers)


def stored() -> tuple[int, int]:
    return Assessment.objects.count(), RiskAlert.objects.count()


def score_of(body: dict[str, Any]) -> dict[str, Any]:
    """The score extension as CLI-shaped fields (critical as item numbers)."""
    instrument = get_instrument(fhir.instrument_id_for(body["questionnaire"]) or "")
    numbers = {item.link_id: item.number for item in instrument.items}
    (extension,) = [e for e in body["extension"] if e["url"] == fhir.SCORE_EXTENSION]
    parts = extension["extension"]

    def one(name: str) -> Any:
        values = [next(v for k, v in p.items() if k.startswith("value")) for p in parts]
        found = [v for p, v in zip(parts, values, strict=True) if p["url"] == name]
        return found[0] if found else None

    return {
        "total": one("total"),
        "severity": one("severity"),
        "caseness": one("caseness"),
        "critical": [numbers[p["valueString"]] for p in parts if p["url"] == "critical-item"],
        "complete": one("complete"),
    }


def answers_by_link(body: dict[str, Any]) -> dict[str, Any]:
    """linkId -> the answer codes, from any nesting, leaving out the total."""
    found: dict[str, Any] = {}

    def walk(items: Any) -> None:
        for item in items or ():
            if "answer" in item and item["linkId"] != fhir.TOTAL_LINK_ID:
                found[item["linkId"]] = [a["valueCoding"]["code"] for a in item["answer"]]
            walk(item.get("item"))

    walk(body.get("item"))
    return found


# --- Storing ------------------------------------------------------------------------------------


def test_a_client_posts_their_own_answers_and_gets_them_back_scored(personas, client_for):
    response = post(client_for("casey"), resource("phq-9", PHQ9))

    assert response.status_code == 201
    assert response["Content-Type"] == "application/fhir+json"
    body = response.json()
    QuestionnaireResponse.model_validate(body)
    assessment = Assessment.objects.get()
    assert body["id"] == str(assessment.public_id)
    assert (assessment.client, assessment.entered_by) == (personas.casey, personas.casey)
    assert assessment.source == AssessmentSource.API
    assert assessment.answer_list(10) == PHQ9
    assert score_of(body) == {
        "total": 10,
        "severity": "moderate",
        "caseness": True,
        "critical": [],
        "complete": True,
    }
    assert body["questionnaire"] == "https://heard.example/fhir/Questionnaire/phq-9|1.0.0"
    assert body["status"] == "completed"
    assert body["subject"] == {"reference": f"Patient/{personas.casey.public_id}"}
    assert body["author"] == body["subject"]
    assert "meta" not in body  # no crisis tag
    total = next(item for item in body["item"] if item["linkId"] == fhir.TOTAL_LINK_ID)
    assert total["extension"][0]["valueCoding"]["code"] == "44261-6"
    assert total["answer"] == [{"valueInteger": 10}]


def test_a_clinician_on_the_team_enters_answers_for_their_client(personas, client_for):
    body = resource("gad-7", [1, 1, 1, 1, 1, 1, 1], subject=personas.casey, style="integer")
    response = post(client_for("dana"), body, content_type="application/json")

    assert response.status_code == 201
    assessment = Assessment.objects.get()
    assert (assessment.client, assessment.entered_by) == (personas.casey, personas.dana)
    assert response.json()["author"] == {"reference": f"Practitioner/{personas.dana.public_id}"}
    assert AuditEvent.objects.filter(
        action="measure:record",
        actor_id=personas.dana.public_id,
        client_id=personas.casey.public_id,
    ).exists()


def test_a_client_may_name_themself_as_the_subject(personas, client_for):
    response = post(client_for("casey"), resource("phq-2", [1, 1], subject=personas.casey))
    assert response.status_code == 201
    assert Assessment.objects.get().client == personas.casey


@pytest.mark.parametrize("who", ["eli", "cam"])
def test_nobody_outside_the_care_team_can_store_answers_for_a_client(personas, client_for, who):
    response = post(client_for(who), resource("phq-9", PHQ9, subject=personas.casey))
    assert response.status_code == 404
    assert stored() == (0, 0)


def test_a_made_up_client_is_not_found(client_for):
    body = resource("phq-9", PHQ9)
    body["subject"] = {"reference": f"Patient/{uuid.uuid4()}"}
    assert post(client_for("dana"), body).status_code == 404
    assert stored() == (0, 0)


def test_a_clinician_must_name_the_client(client_for):
    response = post(client_for("dana"), resource("phq-9", PHQ9))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["subject"]
    assert stored() == (0, 0)


def test_storing_needs_a_signed_in_caller(personas):
    response = post(Client(), resource("phq-9", PHQ9, subject=personas.casey))
    assert response.status_code == 401
    assert stored() == (0, 0)


def test_questions_may_be_sent_flat_and_skipped(personas, client_for):
    # No groups, valueInteger, item 3 absent and item 5 present without an answer.
    items = [{"linkId": str(n), "answer": [{"valueInteger": 1}]} for n in (1, 2, 4, 6, 7, 8, 9)]
    items.append({"linkId": "5"})
    body = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": "https://heard.example/fhir/Questionnaire/phq-9|1.0.0",
        "status": "completed",
        "item": items,
    }
    response = post(client_for("casey"), body)
    assert response.status_code == 201
    assessment = Assessment.objects.get()
    assert assessment.answer_list(10) == [1, 1, None, 1, None, 1, 1, 1, 1, None]
    assert score_of(response.json())["complete"] is False
    assert score_of(response.json())["total"] is None


def test_authored_becomes_the_completion_time(client_for):
    when = timezone.now().replace(microsecond=0) - timedelta(days=2)
    body = resource("phq-2", [0, 1], authored=when.isoformat())
    assert post(client_for("casey"), body).status_code == 201
    assert Assessment.objects.get().completed_at == when


# --- Reading ------------------------------------------------------------------------------------


def test_a_stored_response_reads_back_as_valid_fhir_with_the_same_answers(personas, client_for):
    # PC-PTSD-5 has its symptom questions in a nested group; one of them is skipped.
    posted = resource("pc-ptsd-5", [1, 1, 0, None, 1, 1])
    created = post(client_for("casey"), posted).json()

    for who in ("casey", "dana", "sam"):
        response = client_for(who).get(f"{URL}/{created['id']}")
        assert response.status_code == 200, who
        body = response.json()
        QuestionnaireResponse.model_validate(body)
        assert body == created
    assert answers_by_link(body) == answers_by_link(posted)
    assert fhir.parse_questionnaire_response(body).answers == (1, 1, 0, None, 1, 1)
    symptoms = next(item for item in body["item"] if item["linkId"] == "symptoms")
    assert [item["linkId"] for item in symptoms["item"]] == ["1", "2", "4", "5"]
    assert AuditEvent.objects.filter(
        action="measure:read", actor_id=personas.dana.public_id, client_id=personas.casey.public_id
    ).exists()


def test_what_was_read_can_be_posted_again_unchanged(client_for):
    c = client_for("casey")
    first = post(c, resource("phq-9", PHQ9)).json()
    again = copy.deepcopy(first)
    del again["id"]
    second = post(c, again)
    assert second.status_code == 201
    assert answers_by_link(second.json()) == answers_by_link(first)
    assert score_of(second.json()) == score_of(first)


def test_an_unfinished_questionnaire_reads_as_in_progress_without_a_score(personas, client_for):
    # Casey started the PHQ-9 in Heard and answered the first question only.
    started = services.start_assessment(
        personas.casey, client=personas.casey, instrument_id="phq-9"
    )
    services.answer_item(personas.casey, assessment=started, number=1, value=2)

    body = client_for("dana").get(f"{URL}/{started.public_id}").json()
    QuestionnaireResponse.model_validate(body)
    assert body["status"] == "in-progress"
    assert "extension" not in body
    assert answers_by_link(body) == {"1": ["LA6570-1"]}


@pytest.mark.parametrize("who", ["eli", "cam", "fay", "olive"])
def test_a_response_is_hidden_from_everyone_outside_the_care_team(client_for, who):
    created = post(client_for("casey"), resource("phq-9", PHQ9)).json()
    assert client_for(who).get(f"{URL}/{created['id']}").status_code == 404


def test_reading_a_response_needs_a_signed_in_caller(client_for):
    created = post(client_for("casey"), resource("phq-9", PHQ9)).json()
    assert Client().get(f"{URL}/{created['id']}").status_code == 401


def test_a_missing_response_is_not_found(client_for):
    assert client_for("dana").get(f"{URL}/{uuid.uuid4()}").status_code == 404


def test_the_care_team_lists_a_clients_responses_as_a_bundle(personas, client_for):
    casey = client_for("casey")
    post(casey, resource("phq-9", PHQ9))
    post(casey, resource("gad-7", [0, 1, 2, 3, 0, 1, 2]))
    url = f"/api/v1/clients/{personas.casey.public_id}/questionnaire-responses"

    response = client_for("dana").get(url)
    assert response.status_code == 200
    bundle = response.json()
    Bundle.model_validate(bundle)
    assert bundle["total"] == 2
    assert [e["resource"]["questionnaire"].split("|")[0][-5:] for e in bundle["entry"]] == [
        "phq-9",
        "gad-7",
    ]
    first = bundle["entry"][0]
    assert first["fullUrl"] == f"http://testserver{URL}/{first['resource']['id']}"
    assert AuditEvent.objects.filter(
        action="measure:list", actor_id=personas.dana.public_id, client_id=personas.casey.public_id
    ).exists()
    for query in ("phq-9", "https://heard.example/fhir/Questionnaire/phq-9|1.0.0"):
        only = client_for("casey").get(url, {"questionnaire": query}).json()
        assert only["total"] == 1
        assert only["entry"][0]["resource"]["id"] == first["resource"]["id"]
    unknown = client_for("dana").get(url, {"questionnaire": "phq-99"})
    assert unknown.status_code == 422
    assert unknown.json()["detail"][0]["loc"] == ["query", "questionnaire"]


def test_an_empty_list_is_an_empty_bundle(personas, client_for):
    url = f"/api/v1/clients/{personas.casey.public_id}/questionnaire-responses"
    bundle = client_for("dana").get(url).json()
    Bundle.model_validate(bundle)
    assert bundle["total"] == 0
    assert "entry" not in bundle


def test_listing_takes_the_same_queries_however_many_responses(personas, client_for):
    url = f"/api/v1/clients/{personas.casey.public_id}/questionnaire-responses"
    casey, dana = client_for("casey"), client_for("dana")
    post(casey, resource("phq-9", PHQ9))
    with CaptureQueriesContext(connection) as one:
        dana.get(url)
    post(casey, resource("phq-9", PHQ9))
    post(dana, resource("phq-9", PHQ9, subject=personas.casey))
    with CaptureQueriesContext(connection) as three:
        assert dana.get(url).json()["total"] == 3
    assert len(three) == len(one)


@pytest.mark.parametrize("who", ["eli", "cam", "fay", "olive"])
def test_a_clients_list_is_hidden_from_everyone_outside_the_care_team(personas, client_for, who):
    post(client_for("casey"), resource("phq-9", PHQ9))
    url = f"/api/v1/clients/{personas.casey.public_id}/questionnaire-responses"
    assert client_for(who).get(url).status_code == 404
    assert Client().get(url).status_code == 401


# --- Idempotency --------------------------------------------------------------------------------


def test_a_repeated_idempotency_key_returns_the_first_response_and_stores_nothing(client_for):
    c = client_for("casey")
    first = post(c, resource("phq-9", PHQ9), key="tablet-42")
    # A retry, even one whose body changed, gets the first stored response back.
    again = post(c, resource("phq-9", [3] * 9 + [None]), key="tablet-42")

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert stored() == (1, 0)


def test_different_callers_with_the_same_key_are_independent(personas, client_for):
    post(client_for("casey"), resource("phq-9", PHQ9), key="same")
    response = post(client_for("dana"), resource("phq-9", PHQ9, subject=personas.casey), key="same")
    assert response.status_code == 201
    assert Assessment.objects.count() == 2


def test_an_overlong_idempotency_key_is_refused(client_for):
    response = post(client_for("casey"), resource("phq-9", PHQ9), key="k" * 129)
    assert response.status_code == 422
    assert stored() == (0, 0)


# --- Bad payloads: nothing is stored ------------------------------------------------------------

CRITICAL = [0, 0, 0, 0, 0, 0, 0, 0, 2, None]  # item 9 endorsed: would raise an alert if stored


def _good() -> dict[str, Any]:
    return resource("phq-9", CRITICAL)


def _with(change: Any) -> dict[str, Any]:
    body = _good()
    change(body)
    return body


def _answer(body: dict[str, Any], n: int) -> Any:
    return body["item"][0]["item"][n - 1]["answer"][0]


def _answer_with(n: int, **value: Any) -> Any:
    """A change that replaces the answer to question n with `value`."""

    def change(body: dict[str, Any]) -> None:
        answer = _answer(body, n)
        answer.clear()
        answer.update(value)

    return change


BAD_PAYLOADS = {
    "not JSON": (b"{not json", 400, ["body"]),
    "a JSON list": ([_good()], 400, ["body"]),
    "another resource type": (
        {"resourceType": "Patient", "status": "completed"},
        400,
        ["resourceType"],
    ),
    "no status": (_with(lambda b: b.pop("status")), 400, ["status"]),
    "a status FHIR does not have": (_with(lambda b: b.update(status="done")), 400, ["status"]),
    "a field FHIR does not have": (_with(lambda b: b.update(score=9)), 400, ["score"]),
    "an integer that is text": (
        _with(_answer_with(2, valueInteger="two")),
        400,
        ["item", 0, "item", 1, "answer", 0, "valueInteger"],
    ),
    "a date and time without a time zone": (
        _with(lambda b: b.update(authored="2025-01-02T10:00:00")),
        400,
        ["authored"],
    ),
    "an unknown questionnaire": (
        _with(lambda b: b.update(questionnaire="https://heard.example/fhir/Questionnaire/bdi")),
        422,
        ["questionnaire"],
    ),
    "another version": (
        _with(lambda b: b.update(questionnaire=b["questionnaire"] + "|0.9")),
        422,
        ["questionnaire"],
    ),
    "no questionnaire": (_with(lambda b: b.pop("questionnaire")), 422, ["questionnaire"]),
    "an unfinished response": (
        _with(lambda b: b.update(status="in-progress")),
        422,
        ["status"],
    ),
    "an answer code not in the options": (
        _with(lambda b: _answer(b, 3)["valueCoding"].update(code="LA6572-7")),
        422,
        ["item", 0, "item", 2, "answer", 0, "valueCoding"],
    ),
    "a code from another system": (
        _with(lambda b: _answer(b, 3)["valueCoding"].update(system="http://snomed.info/sct")),
        422,
        ["item", 0, "item", 2, "answer", 0, "valueCoding"],
    ),
    "an out-of-range score": (
        _with(_answer_with(4, valueInteger=7)),
        422,
        ["item", 0, "item", 3, "answer", 0, "valueInteger"],
    ),
    "an answer of the wrong type": (
        _with(_answer_with(4, valueString="often")),
        422,
        ["item", 0, "item", 3, "answer", 0],
    ),
    "two answers to one question": (
        _with(lambda b: b["item"][0]["item"][0]["answer"].append({"valueInteger": 1})),
        422,
        ["item", 0, "item", 0, "answer", 1],
    ),
    "a question with nested items": (
        _with(lambda b: b["item"][0]["item"][0].update(item=[{"linkId": "1a"}])),
        422,
        ["item", 0, "item", 0, "item"],
    ),
    "an answer with nested items": (
        _with(lambda b: _answer(b, 1).update(item=[{"linkId": "1a"}])),
        422,
        ["item", 0, "item", 0, "answer", 0, "item"],
    ),
    "an unknown linkId": (
        _with(lambda b: b["item"][0]["item"].append({"linkId": "11"})),
        422,
        ["item", 0, "item", 9, "linkId"],
    ),
    "the same question twice": (
        _with(lambda b: b["item"].append(copy.deepcopy(b["item"][0]["item"][0]))),
        422,
        ["item", 1, "linkId"],
    ),
    "an answer to a group": (
        _with(lambda b: b["item"][0].update(answer=[{"valueInteger": 1}])),
        422,
        ["item", 0, "answer"],
    ),
    "a date without a time": (_with(lambda b: b.update(authored="2025-01-02")), 422, ["authored"]),
    "a time in the future": (
        _with(lambda b: b.update(authored=(timezone.now() + timedelta(days=1)).isoformat())),
        422,
        ["authored"],
    ),
    "a Patient reference that is not an id": (
        _with(lambda b: b.update(subject={"reference": "Patient/" + "-" * 36})),
        422,
        ["subject", "reference"],
    ),
    "a subject that is not a Patient": (
        _with(lambda b: b.update(subject={"reference": "Group/1"})),
        422,
        ["subject", "reference"],
    ),
}


@pytest.mark.parametrize(("payload", "status", "loc"), BAD_PAYLOADS.values(), ids=BAD_PAYLOADS)
def test_a_bad_payload_is_refused_with_where_and_why_and_nothing_is_stored(
    client_for, payload, status, loc
):
    response = post(client_for("casey"), payload)
    assert response.status_code == status, response.content
    detail = response.json()["detail"]
    assert detail[0]["loc"] == loc
    assert detail[0]["msg"]
    assert stored() == (0, 0)


def test_symptom_answers_after_a_closed_gate_are_refused(client_for):
    # PC-PTSD-5: "No" to the exposure question closes the screen.
    response = post(client_for("casey"), resource("pc-ptsd-5", [0, 1, 0, 0, 0, 0]))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["item"]
    assert stored() == (0, 0)


def test_only_json_bodies_are_accepted(client_for):
    response = post(client_for("casey"), _good(), content_type="text/plain")
    assert response.status_code == 415
    assert stored() == (0, 0)


# --- Safety -------------------------------------------------------------------------------------


def test_a_critical_answer_raises_an_alert_and_the_response_says_show_crisis_resources(
    personas, client_for
):
    response = post(client_for("casey"), resource("phq-9", CRITICAL))

    assert response.status_code == 201
    body = response.json()
    assert body["meta"]["tag"] == [fhir.CRISIS_TAG]
    assert score_of(body)["critical"] == [9]
    (extension,) = body["extension"]
    assert {"url": "critical", "valueBoolean": True} in extension["extension"]
    alert = RiskAlert.objects.get()
    assert alert.client == personas.casey
    assert alert.source_id == uuid.UUID(body["id"])


# --- The CLI and the API agree ------------------------------------------------------------------


def answer_sets(instrument: Instrument) -> list[list[int | None]]:
    """All lowest, all highest, a mixture, one scored question skipped, and the instrument's
    own rules: K10's implied answers and PC-PTSD-5's closed gate."""
    items = instrument.items
    mixed: list[int | None] = [
        item.options[n % len(item.options)].value for n, item in enumerate(items)
    ]
    sets: list[list[int | None]] = [
        [i.min_value for i in items],
        [i.max_value for i in items],
        mixed,
    ]
    gate = instrument.gate
    if gate is not None:
        opened = next(o.value for o in items[gate.item - 1].options if o.value != gate.closed_when)
        for answers in sets:
            answers[gate.item - 1] = opened
        sets.append([gate.closed_when, *[None] * (len(items) - 1)])
    skipped = list(mixed)
    skipped[instrument.scored_items[-1].number - 1] = None
    sets.append(skipped)
    for rule in instrument.implied_answers:
        implied = list(mixed)
        implied[rule.when_item - 1] = rule.equals
        implied[rule.item - 1] = None
        sets.append(implied)
    return sets


def cli_score(instrument_id: str, answers: list[int | None]) -> dict[str, Any]:
    out = StringIO()
    args = ["-" if a is None else str(a) for a in answers]
    call_command("score", instrument_id, *args, stdout=out)
    result = json.loads(out.getvalue())
    return {key: result[key] for key in ("total", "severity", "caseness", "critical", "complete")}


@pytest.mark.parametrize("instrument", all_instruments(), ids=lambda i: i.id)
def test_the_cli_and_the_api_score_every_instrument_alike(client_for, instrument):
    c = client_for("casey")
    for answers in answer_sets(instrument):
        response = post(c, resource(instrument.id, answers, style="mixed"))
        assert response.status_code == 201, (answers, response.content)
        stored_row = Assessment.objects.get(public_id=response.json()["id"])
        expected = cli_score(instrument.id, answers)
        assert score_of(response.json()) == expected, answers
        assert {
            "total": stored_row.total,
            "severity": stored_row.severity or None,
            "caseness": stored_row.caseness,
            "critical": stored_row.critical,
            "complete": stored_row.complete,
        } == expected, answers
