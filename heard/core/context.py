"""Per-request context (IP address, request id) that services read without taking the request."""

from __future__ import annotations

import contextvars
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    ip: str | None = None
    request_id: str | None = None


_current: contextvars.ContextVar[RequestContext] = contextvars.ContextVar(
    "heard_request_context",
    default=RequestContext(),  # noqa: B039 - immutable default
)


def current() -> RequestContext:
    return _current.get()


def bind(ctx: RequestContext) -> contextvars.Token[RequestContext]:
    return _current.set(ctx)


def reset(token: contextvars.Token[RequestContext]) -> None:
    _current.reset(token)
