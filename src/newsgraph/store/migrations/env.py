"""Alembic environment: migrations run on the connection newsgraph hands over.

``newsgraph`` migrates the store itself when it opens it (``Store(url)``); to run
Alembic by hand, set NEWSGRAPH_DB and use ``alembic -c <this folder>/alembic.ini``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from newsgraph import settings
from newsgraph.store.schema import Base

connection = context.config.attributes.get("connection")


def _run(conn) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=conn, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:
    with create_engine(str(settings.get("db"))).begin() as conn:
        _run(conn)
