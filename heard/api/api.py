"""The JSON API at /api/v1/. Each app's api.py defines a router; they are mounted here."""

from __future__ import annotations

from ninja import NinjaAPI

from heard.accounts.api import router as accounts_router
from heard.api.auth import HeardSessionAuth, TokenAuth
from heard.careplans.api import router as careplans_router
from heard.checkins.api import router as checkins_router
from heard.instruments.api import router as instruments_router
from heard.journal.api import router as journal_router
from heard.notes.api import router as notes_router
from heard.people.api import router as people_router
from heard.profiles.api import router as profiles_router
from heard.skills.api import router as skills_router

api = NinjaAPI(
    title="Heard API",
    version="1",
    description=(
        "Heard's JSON API. Authenticate with your browser session or a personal API token "
        "(`Authorization: Bearer <token>`). Missing and forbidden records both answer 404."
    ),
    auth=[HeardSessionAuth(), TokenAuth()],
    urls_namespace="api",
)
api.add_router("", accounts_router)
api.add_router("", people_router)
api.add_router("", instruments_router)
api.add_router("", checkins_router)
api.add_router("", journal_router)
api.add_router("", profiles_router)
api.add_router("", careplans_router)
api.add_router("", skills_router)
api.add_router("", notes_router)
