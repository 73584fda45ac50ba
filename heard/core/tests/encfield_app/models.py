"""A tiny model with two encrypted columns (two, so a value copied across can be tested)."""

from __future__ import annotations

from django.db import models

from heard.core.fields import EncryptedTextField


class EncNote(models.Model):
    label = models.CharField(max_length=50, blank=True)
    body = EncryptedTextField(blank=True)
    summary = EncryptedTextField(blank=True)

    def __str__(self) -> str:
        return self.label
