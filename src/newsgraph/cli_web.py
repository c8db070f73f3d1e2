"""CLI commands of the analyst's workbench: ``serve`` and ``graph`` (registered in cli.py)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
