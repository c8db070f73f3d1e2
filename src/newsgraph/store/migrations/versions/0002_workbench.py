"""workbench: indexes for the API's joins, events.reciprocal

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_event_actors_event", "event_actors", ["article_id", "event_local_id"])
    op.create_index("ix_event_actors_actor", "event_actors", ["article_id", "actor_local_id"])
    op.create_index("ix_quotes_speaker", "quotes", ["article_id", "speaker"])
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("reciprocal", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("reciprocal")
    for name, table in (
        ("ix_quotes_speaker", "quotes"),
        ("ix_event_actors_actor", "event_actors"),
        ("ix_event_actors_event", "event_actors"),
    ):
        op.drop_index(name, table_name=table)
