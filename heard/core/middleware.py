"""Binds the request's IP address and id to the request context for the audit trail."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from heard.core import context


def client_ip(request: HttpRequest) -> str | None:
    """The caller's IP: REMOTE_ADDR, or the address HEARD_PROXY_COUNT trusted proxies saw."""
    proxies = int(getattr(settings, "AXES_IPWARE_PROXY_COUNT", 0))
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        if len(hops) >= proxies:
            return str(hops[-proxies])
    addr = request.META.get("REMOTE_ADDR")
    return str(addr) if addr else None


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = context.bind(
            context.RequestContext(ip=client_ip(request), request_id=uuid.uuid4().hex[:12])
        )
        try:
            return self.get_response(request)
        finally:
            context.reset(token)
