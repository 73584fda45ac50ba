"""Shapes of the measures API. Resources themselves are FHIR R4 JSON (see fhir.py); these
schemas describe them for the OpenAPI document and carry the field-level errors."""

from __future__ import annotations

from typing import Any

from ninja import Schema
from pydantic import ConfigDict, Field

from heard.instruments.fhir import FieldError


class FhirResourceOut(Schema):
    """A FHIR R4 resource in JSON (served as application/fhir+json)."""

    model_config = ConfigDict(extra="allow")

    resourceType: str  # FHIR's own spelling


class FhirBundleOut(FhirResourceOut):
    """A FHIR R4 Bundle of type searchset; `entry` is left out when nothing matched."""

    type: str
    total: int
    entry: list[dict[str, Any]] = []


class FieldErrorOut(Schema):
    loc: list[str | int] = Field(
        description='Where the problem is, as a path into the posted JSON, e.g. ["item", 0, '
        '"item", 2, "answer", 0, "valueCoding"]; empty for the whole resource.'
    )
    msg: str


class FieldErrorsOut(Schema):
    detail: list[FieldErrorOut]

    @classmethod
    def of(cls, errors: tuple[FieldError, ...] | list[FieldError]) -> FieldErrorsOut:
        return cls(detail=[FieldErrorOut(loc=list(e.loc), msg=e.msg) for e in errors])
