"""GET /api/v1/questionnaires and /questionnaires/{id}: the instruments as FHIR Questionnaires."""

from __future__ import annotations

import pytest
from django.test import Client
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire

from heard.instruments.registry import all_instruments, instrument_ids

pytestmark = pytest.mark.django_db


def test_it_lists_every_questionnaire_as_a_valid_fhir_bundle(client_for):
    response = client_for("casey").get("/api/v1/questionnaires")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    bundle = response.json()
    Bundle.model_validate(bundle)
    assert bundle["type"] == "searchset"
    assert bundle["total"] == len(instrument_ids())
    ids = [entry["resource"]["id"] for entry in bundle["entry"]]
    assert ids == list(instrument_ids())
    assert bundle["entry"][0]["fullUrl"] == f"http://testserver/api/v1/questionnaires/{ids[0]}"
    for entry in bundle["entry"]:
        Questionnaire.model_validate(entry["resource"])


@pytest.mark.parametrize("instrument", all_instruments(), ids=lambda i: i.id)
def test_it_serves_each_questionnaire_exactly_as_defined(client_for, instrument):
    response = client_for("dana").get(f"/api/v1/questionnaires/{instrument.id}")
    assert response.status_code == 200
    body = response.json()
    Questionnaire.model_validate(body)
    assert body == instrument.questionnaire
    assert body["url"] == instrument.url


def test_an_unknown_questionnaire_is_not_found(client_for):
    assert client_for("casey").get("/api/v1/questionnaires/phq-99").status_code == 404


@pytest.mark.parametrize("path", ["/api/v1/questionnaires", "/api/v1/questionnaires/phq-9"])
def test_questionnaires_need_a_signed_in_caller(path):
    assert Client().get(path).status_code == 401
