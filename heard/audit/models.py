"""The append-only, hash-chained audit trail."""

from __future__ import annotations

from typing import Any, NoReturn

from django.db import models


class Outcome(models.TextChoices):
    SUCCESS = "success", "success"
    DENIED = "denied", "denied"
    FAILURE = "failure", "failure"


class AuditEvent(models.Model):
    """One thing someone did. Rows are never updated or deleted: each row's hash covers its
    content and the previous row's hash, so `heard audit verify` finds edits and gaps."""

    seq = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField(db_index=True)
    # Public ids, not foreign keys: the trail must outlive the rows it talks about.
    actor_id = models.UUIDField(null=True, blank=True, db_index=True)
    actor_label = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=100, db_index=True)
    client_id = models.UUIDField(null=True, blank=True, db_index=True)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.SUCCESS)
    ip = models.CharField(max_length=45, null=True, blank=True)
    request_id = models.CharField(max_length=32, blank=True)
    extra = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["client_id", "at"], name="audit_client_at_idx")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} ({self.outcome})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ValueError("audit events are append-only")


class AuditChainHead(models.Model):
    """A single row holding the chain's last sequence number and hash. Writers lock it, so
    events are chained one at a time, and a deleted tail is detected."""

    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"audit head #{self.last_seq}"
