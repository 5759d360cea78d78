#!/usr/bin/env python
"""Django's command-line utility for Praxis (development settings by default)."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "praxis.settings.dev")
    try:
        from django.core.management import execute_from_command_line

        import praxis  # noqa: F401  (the folder site/, installed as "praxis")
    except ImportError as error:
        sys.exit(
            f"Praxis is not installed ({error}).\n"
            "Run `make demo` or `make test` (or `uv sync`) and use the project's "
            "environment: `uv run python manage.py ...` or `.venv/bin/python manage.py ...`."
        )
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
