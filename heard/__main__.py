"""The `heard` console script: Django's management commands with Heard's settings."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heard.settings")
    from django.core.management import execute_from_command_line

    from heard.core.env import ConfigError

    try:
        execute_from_command_line(["heard", *(argv if argv is not None else sys.argv[1:])])
    except ConfigError as exc:
        # A setting is missing or malformed: one clear line, not a traceback.
        sys.stderr.write(f"heard: configuration error: {exc}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
