"""CLI commands for scale and exchange: ``export``, ``load``, ``spark-extract`` (registered in cli.py)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
