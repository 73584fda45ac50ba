"""`heard keys generate | rotate`: encryption keys for data at rest (see heard/core/crypto.py)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import models, transaction
from django.db.models.functions import Cast

from heard.audit import services as audit
from heard.core import crypto
from heard.core.fields import EncryptedTextField
from heard.core.management.commands.serve import positive

KEY_ID = re.compile(r"^[A-Za-z0-9_.-]{1,32}$")
RAW = "_heard_raw"


class Writer(Protocol):
    def write(self, text: str, /) -> object: ...


def key_id(value: str) -> str:
    """argparse type: a key id that fits the `kid:base64` format."""
    if not KEY_ID.match(value):
        raise argparse.ArgumentTypeError(
            "a key id is 1-32 letters, digits, '.', '_' or '-' (no ':' or ',')"
        )
    return value


def encrypted_columns() -> Iterator[tuple[type[models.Model], EncryptedTextField]]:
    """Every EncryptedTextField of every installed model that owns a table."""
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or meta.swapped:
            continue
        for model_field in meta.local_concrete_fields:
            if isinstance(model_field, EncryptedTextField):
                yield model, model_field


@dataclass
class Rotation:
    rotated: int = 0
    current: int = 0
    plaintext: int = 0
    columns: set[str] = field(default_factory=set)
    failures: list[str] = field(default_factory=list)


def _raw_values(model: type[models.Model], column: EncryptedTextField) -> models.QuerySet[Any]:
    """The column as stored (ciphertext), skipping empty values. Casting to plain text keeps
    the field from decrypting, and filters on the cast never encrypt their arguments."""
    raw: models.QuerySet[Any] = (
        model._base_manager.annotate(**{RAW: Cast(column.attname, output_field=models.TextField())})
        .exclude(**{f"{RAW}__isnull": True})
        .exclude(**{RAW: ""})
    )
    return raw


def _plaintext(ring: crypto.KeyRing, raw: str, aad: str) -> str:
    """The value to store again: decrypted, or as is when it was never encrypted."""
    if raw.startswith("enc:"):
        return ring.decrypt(raw, aad)
    return raw


def rotate_column(
    model: type[models.Model],
    column: EncryptedTextField,
    *,
    dry_run: bool,
    batch_size: int,
    result: Rotation,
    progress: Writer,
) -> None:
    """Re-encrypt under the primary key every value of one column that is not already."""
    ring = crypto.keyring()
    label = f"{model._meta.label_lower}.{column.name}"
    pending: list[Any] = []
    for pk, raw in _raw_values(model, column).values_list("pk", RAW).iterator(chunk_size=2000):
        kid = crypto.key_id_of(raw)
        if kid == ring.primary_id:
            result.current += 1
        elif kid is None and raw.startswith("enc:"):
            result.failures.append(f"{label} pk={pk}: not in a format this version can read")
        elif kid is not None and kid not in ring.keys:
            result.failures.append(f"{label} pk={pk}: key {kid!r} is not in the key ring")
        else:
            pending.append(pk)
            if kid is None:
                result.plaintext += 1
    if not pending:
        return
    result.columns.add(label)
    if dry_run:
        result.rotated += len(pending)
        return
    done = 0
    for start in range(0, len(pending), batch_size):
        batch = pending[start : start + batch_size]
        with transaction.atomic():
            # Lock and re-read the batch, so a value edited since the scan is not overwritten.
            rows = _raw_values(model, column).filter(pk__in=batch).select_for_update()
            updates: list[models.Model] = []
            for pk, raw in rows.values_list("pk", RAW):
                if crypto.key_id_of(raw) == ring.primary_id:
                    continue
                try:
                    value = _plaintext(ring, raw, column.aad)
                except crypto.DecryptionError as exc:
                    result.failures.append(f"{label} pk={pk}: {exc}")
                    continue
                instance = model(pk=pk)
                setattr(instance, column.attname, value)
                updates.append(instance)
            # The field encrypts on the way in, with the primary key.
            model._base_manager.bulk_update(updates, [column.name])
        done += len(updates)
        result.rotated += len(updates)
        progress.write(f"{label}: {done}/{len(pending)} re-encrypted\n")


class Command(BaseCommand):
    help = (
        "Manage the encryption keys that protect free text at rest. "
        "`keys generate` prints a new random key line 'kid:base64' (nothing is stored). "
        "`keys rotate` re-encrypts, with the first (primary) key in HEARD_ENCRYPTION_KEYS, "
        "every encrypted value in every table that is under an older key or not encrypted "
        "yet; running it again finds nothing to do. Use --dry-run to only count."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="{generate,rotate}")
        generate = actions.add_parser(
            "generate",
            help="Print a new key line 'kid:base64' (32 random bytes) to standard output.",
            description="Print a new key line 'kid:base64' (32 random bytes). Put it first in "
            "HEARD_ENCRYPTION_KEYS, keep the old keys after it, then run `heard keys rotate`.",
        )
        generate.add_argument(
            "--key-id", type=key_id, help="Id for the new key (default: a random 'k' + 8 hex)."
        )
        rotate = actions.add_parser(
            "rotate",
            help="Re-encrypt every value not under the primary key.",
            description="Re-encrypt with the primary (first) key every encrypted value that "
            "uses another key (or was stored unencrypted). Idempotent.",
        )
        rotate.add_argument(
            "--dry-run", action="store_true", help="Count what would change; change nothing."
        )
        rotate.add_argument(
            "--batch-size",
            type=positive,
            default=500,
            help="Rows updated per transaction (default: %(default)s).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "generate":
            self.generate(options["key_id"])
        else:
            self.rotate(dry_run=options["dry_run"], batch_size=options["batch_size"])

    def generate(self, kid: str | None) -> None:
        line = crypto.new_key_line(kid)
        self.stdout.write(line)
        self.stderr.write(
            f"New key {line.partition(':')[0]!r}: put it first in HEARD_ENCRYPTION_KEYS "
            "(keep the old keys after it), restart, then run `heard keys rotate`."
        )

    def rotate(self, *, dry_run: bool, batch_size: int) -> None:
        try:
            ring = crypto.keyring()
        except ImproperlyConfigured as exc:  # no key, or a malformed key line
            raise CommandError(str(exc)) from exc
        result = Rotation()
        scanned = 0
        for model, column in encrypted_columns():
            scanned += 1
            rotate_column(
                model,
                column,
                dry_run=dry_run,
                batch_size=batch_size,
                result=result,
                progress=self.stderr,
            )
        for failure in result.failures:
            self.stderr.write(failure)
        if not dry_run and result.rotated:
            audit.record(
                None,
                "keys:rotate",
                extra={
                    "primary_key_id": ring.primary_id,
                    "values": result.rotated,
                    "columns": sorted(result.columns),
                },
            )
        verb = "Dry run: would re-encrypt" if dry_run else "Re-encrypted"
        summary = (
            f"{verb} {result.rotated} values in {len(result.columns)} columns; "
            f"{result.current} already current"
        )
        if result.plaintext:
            summary += f" ({result.plaintext} had been stored unencrypted)"
        self.stdout.write(f"{summary}. Primary key {ring.primary_id!r}; {scanned} columns scanned.")
        if result.failures:
            raise CommandError(
                f"{len(result.failures)} values could not be decrypted and were left unchanged."
            )
