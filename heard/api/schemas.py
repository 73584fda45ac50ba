from __future__ import annotations

from django.core.exceptions import ValidationError
from ninja import Schema


class ErrorOut(Schema):
    detail: str


class FieldProblemOut(Schema):
    loc: list[str | int]
    msg: str


class FieldProblemsOut(Schema):
    """422: what is wrong with each field (loc ["body", field]); nothing was stored."""

    detail: list[FieldProblemOut]

    @classmethod
    def of(cls, exc: ValidationError) -> FieldProblemsOut:
        """From a Django ValidationError raised by a service."""
        if hasattr(exc, "error_dict"):
            return cls(
                detail=[
                    FieldProblemOut(loc=["body", name], msg=" ".join(msgs))
                    for name, msgs in exc.message_dict.items()
                ]
            )
        return cls(detail=[FieldProblemOut(loc=["body"], msg=" ".join(exc.messages))])
