"""EncryptedTextField: free text encrypted with AES-GCM before it reaches the database."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.expressions import Expression

from heard.core import crypto


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """Stores text encrypted at rest. Empty strings stay empty; lookups other than
    isnull/exact-empty are meaningless on ciphertext and must not be used."""

    description = "Text encrypted at rest (AES-256-GCM)"

    def contribute_to_class(
        self, cls: type[models.Model], name: str, private_only: bool = False
    ) -> None:
        super().contribute_to_class(cls, name, private_only)
        self.aad = f"{cls._meta.app_label}.{cls._meta.model_name}.{name}"

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.keyring().encrypt(str(value), self.aad)

    def from_db_value(
        self, value: str | None, expression: Expression, connection: BaseDatabaseWrapper
    ) -> str | None:
        if value is None or value == "":
            return value
        return crypto.keyring().decrypt(value, self.aad)
