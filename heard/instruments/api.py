"""The measures API in FHIR R4 JSON: Questionnaires, and QuestionnaireResponses stored and
scored as assessments. Conversion lives in fhir.py; see docs/decisions/0014-fhir-api.md."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from ninja import P, Router, Status
from ninja.params import HeaderEx

from heard.accounts.models import User
from heard.api.auth import current_user
from heard.api.schemas import ErrorOut
from heard.instruments import access, fhir, services
from heard.instruments.models import AssessmentSource
from heard.instruments.registry import UnknownInstrument, all_instruments, get_instrument
from heard.instruments.schemas import FhirBundleOut, FhirResourceOut, FieldErrorsOut
from heard.people import access as people_access
from heard.people.models import Category

router = Router(tags=["measures"])

_RESPONSE_BODY = {
    "requestBody": {
        "required": True,
        "description": "A FHIR R4 QuestionnaireResponse with status completed. Leave subject out "
        'for your own answers; a clinician names the client as "Patient/<client id>".',
        "content": {
            media_type: {"schema": {"type": "object", "required": ["resourceType", "status"]}}
            for media_type in fhir.ACCEPTED_TYPES
        },
    }
}


def _fhir(resource: Mapping[str, Any], status: int = 200) -> HttpResponse:
    body = json.dumps(resource, ensure_ascii=False)
    return HttpResponse(body, status=status, content_type=fhir.FHIR_JSON)


def _url(request: HttpRequest, name: str, key: object) -> str:
    return request.build_absolute_uri(reverse(f"api:{name}", args=[key]))


@router.get(
    "/questionnaires",
    response={200: FhirBundleOut, 401: ErrorOut},
    summary="Every questionnaire, as a FHIR Bundle of Questionnaires",
)
def list_questionnaires(request: HttpRequest) -> HttpResponse:
    return _fhir(
        fhir.searchset(
            [(_url(request, "questionnaire", i.id), i.questionnaire) for i in all_instruments()]
        )
    )


@router.get(
    "/questionnaires/{instrument_id}",
    response={200: FhirResourceOut, 401: ErrorOut, 404: ErrorOut},
    summary="One questionnaire (FHIR Questionnaire)",
    url_name="questionnaire",
)
def get_questionnaire(request: HttpRequest, instrument_id: str) -> HttpResponse:
    try:
        return _fhir(get_instrument(instrument_id).questionnaire)
    except UnknownInstrument:
        raise Http404 from None


def _client(user: User, subject: uuid.UUID | None) -> User:
    """The client the answers are about: the caller themself when subject is left out."""
    try:
        return people_access.access_client(
            user,
            subject or user.public_id,
            category=Category.MEASURES,
            action="measure:record",
            for_write=True,
        )
    except Http404:
        if subject is not None:
            raise
        # The caller is not a client, so they must say whose answers these are.
        hint = 'Name the client in subject.reference as "Patient/<client id>".'
        raise fhir.UnfitResponse([fhir.FieldError(("subject",), hint)]) from None


@router.post(
    "/questionnaire-responses",
    response={
        200: FhirResourceOut,
        201: FhirResourceOut,
        400: FieldErrorsOut,
        401: ErrorOut,
        404: ErrorOut,
        415: ErrorOut,
        422: FieldErrorsOut,
    },
    summary="Store and score a FHIR QuestionnaireResponse",
    description="201 with the stored response and its score. A repeated Idempotency-Key from "
    "the same caller returns the first stored response with 200 and stores nothing. When a "
    "critical answer was given, meta.tag holds show-crisis-resources: show crisis resources "
    "now. 400: not JSON or not valid FHIR R4; 422: wrong for the questionnaire. Nothing is "
    "stored on any error.",
    openapi_extra=_RESPONSE_BODY,
    url_name="questionnaire_responses",
)
def create_questionnaire_response(
    request: HttpRequest,
    idempotency_key: HeaderEx[
        str,
        P(alias="Idempotency-Key", max_length=128, description="Your id for this submission."),
    ] = "",
) -> HttpResponse | Status[Any]:
    user = current_user(request)
    if request.content_type not in fhir.ACCEPTED_TYPES:
        return Status(415, ErrorOut(detail="Send application/fhir+json or application/json."))
    try:
        parsed = fhir.parse_questionnaire_response(fhir.read_json(request.body))
        earlier = access.access_own_submission(user, idempotency_key, action="measure:read")
        if earlier is not None:
            return _fhir(fhir.questionnaire_response(earlier))
        assessment = services.record_assessment(
            user,
            client=_client(user, parsed.subject),
            instrument_id=parsed.instrument.id,
            answers=parsed.answers,
            source=AssessmentSource.API,
            language=parsed.instrument.language,
            completed_at=parsed.authored,
            idempotency_key=idempotency_key,
        )
    except fhir.FhirError as exc:
        return Status(exc.status, FieldErrorsOut.of(exc.errors))
    except ValidationError as exc:
        return Status(422, FieldErrorsOut.of(fhir.service_errors(exc)))
    return _fhir(fhir.questionnaire_response(assessment), status=201)


@router.get(
    "/questionnaire-responses/{response_id}",
    response={200: FhirResourceOut, 401: ErrorOut, 404: ErrorOut, 422: FieldErrorsOut},
    summary="One stored QuestionnaireResponse, with its score",
    url_name="questionnaire_response",
)
def get_questionnaire_response(request: HttpRequest, response_id: uuid.UUID) -> HttpResponse:
    assessment = access.access_assessment(current_user(request), response_id, action="measure:read")
    return _fhir(fhir.questionnaire_response(assessment))


@router.get(
    "/clients/{client_id}/questionnaire-responses",
    response={200: FhirBundleOut, 401: ErrorOut, 404: ErrorOut, 422: FieldErrorsOut},
    summary="A client's completed QuestionnaireResponses, oldest first (FHIR Bundle)",
)
def list_client_questionnaire_responses(
    request: HttpRequest, client_id: uuid.UUID, questionnaire: str | None = None
) -> HttpResponse | Status[FieldErrorsOut]:
    client = people_access.access_client(
        current_user(request), client_id, category=Category.MEASURES, action="measure:list"
    )
    instrument_id = None if questionnaire is None else fhir.instrument_id_for(questionnaire)
    if questionnaire is not None and instrument_id is None:
        known = ", ".join(i.id for i in all_instruments())
        error = fhir.FieldError(("query", "questionnaire"), f"Unknown; use one of: {known}.")
        return Status(422, FieldErrorsOut.of([error]))
    rows = access.client_assessments(client, instrument=instrument_id)
    return _fhir(
        fhir.searchset(
            [
                (
                    _url(request, "questionnaire_response", a.public_id),
                    fhir.questionnaire_response(a),
                )
                for a in rows.select_related("client", "entered_by")
            ]
        )
    )
