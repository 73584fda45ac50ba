"""The self-check's state as one signed token that travels in the form, never in the session.

Signed, not encrypted: the answers in it are the person's own and are on their screen
anyway. The signature means results kept in an account are exactly the answers the check
collected, and the state is checked again (flow.State.from_data) after the signature.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.core import signing

from heard.selfcheck import flow

SALT = "heard.selfcheck.state.v1"
# Long enough to take the check slowly and decide about keeping it; short enough that an
# old copy of the page can't be kept days later.
MAX_AGE = timedelta(hours=12)


class BadToken(Exception):
    """The token was changed, has expired, or holds a state the check can't produce."""


def new_state() -> flow.State:
    return flow.State(nonce=secrets.token_urlsafe(12))


def dumps(state: flow.State) -> str:
    return signing.dumps(state.to_data(), salt=SALT, compress=True)


def loads(token: str) -> flow.State:
    """The state in `token`. Raises BadToken, never anything else."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
        return flow.State.from_data(data)
    except (signing.BadSignature, flow.InvalidState, ValueError, TypeError) as exc:
        raise BadToken from exc
