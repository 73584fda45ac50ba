"""The skills API (issue 6). Calls the same access and services as the pages."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["skills"])
