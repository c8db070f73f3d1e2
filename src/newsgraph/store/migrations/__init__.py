"""Alembic migrations of the store schema (applied when a store is opened)."""
