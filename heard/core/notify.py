"""Notices by email that carry no clinical content.

A notice is one of a fixed set of kinds, each with three templates in
core/emails/<kind>-subject.txt, -body.txt and -body.html. They say only that something is
waiting in Heard — never a name, a symptom, a score or a condition — and are rendered in the
recipient's language. Sending happens on the task queue so a slow mail server never blocks a
page, and a failure is retried by the worker rather than lost.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import default_task_backend, task

from heard.accounts.models import User

log = logging.getLogger("heard.notify")

# Every kind of notice there is. Adding one means adding its three templates.
KINDS = frozenset({"measure_due", "care_alert", "care_alert_escalated", "contact_request"})


def _render(kind: str, user: User) -> tuple[str, str, str]:
    context: dict[str, Any] = {"user": user, "site_url": settings.HEARD_SITE_URL}
    with translation.override(user.language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"core/emails/{kind}-subject.txt", context).strip()
        text = render_to_string(f"core/emails/{kind}-body.txt", context)
        html = render_to_string(f"core/emails/{kind}-body.html", context)
    return " ".join(subject.split()), text, html


def send_notice_now(user: User, kind: str) -> None:
    """Send one notice to `user` at once (the task below calls this)."""
    if kind not in KINDS:
        raise ValueError(f"unknown notice kind {kind!r}")
    if not user.is_active or not user.email:
        return
    subject, text, html = _render(kind, user)
    message = EmailMultiAlternatives(subject, text, to=[user.email])
    message.attach_alternative(html, "text/html")
    message.send()
    log.info("notice.sent kind=%s user=%s", kind, user.pk)


@task()
def send_notice_task(user_id: int, kind: str) -> None:
    user = User.objects.filter(pk=user_id).first()
    if user is not None:
        send_notice_now(user, kind)


def send_notice(user: User, kind: str) -> None:
    """Queue a notice for after the current transaction commits."""
    if kind not in KINDS:
        raise ValueError(f"unknown notice kind {kind!r}")
    transaction.on_commit(lambda: send_notice_task.enqueue(user.pk, kind))


def can_defer() -> bool:
    """Whether the task backend can run a task later (the database backend can; the
    immediate backend used in most tests cannot)."""
    return bool(default_task_backend.supports_defer)
