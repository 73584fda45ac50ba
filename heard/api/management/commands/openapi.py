"""`heard openapi`: the JSON API's OpenAPI document, for client generators and review."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


class Command(BaseCommand):
    help = (
        "Print the OpenAPI 3 document of Heard's JSON API (/api/v1/) to standard output, as "
        "indented JSON with sorted keys, so it can be saved or diffed. Reads nothing from the "
        "database."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            from heard.api.api import api  # late: loads every app's API
        except ImportError as exc:
            raise CommandError(f"The API could not be loaded: {exc}") from exc
        try:
            schema = api.get_openapi_schema()
        except Exception as exc:  # any schema error: one line
            raise CommandError(f"The OpenAPI document could not be built: {exc}") from exc
        self.stdout.write(json.dumps(schema, indent=2, sort_keys=True, cls=DjangoJSONEncoder))
        paths = schema.get("paths", {})
        operations = sum(1 for item in paths.values() for method in item if method in HTTP_METHODS)
        self.stderr.write(f"OpenAPI document: {len(paths)} paths, {operations} operations.")
