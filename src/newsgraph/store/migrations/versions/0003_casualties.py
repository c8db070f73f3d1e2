"""casualties: events.killed and events.injured

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

Both columns are nullable with no default: null means the sentence reports no deaths (or
injuries), so the rows already stored, coded before these counts existed, read as "none
reported" until their articles are coded again.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("killed", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("injured", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("injured")
        batch.drop_column("killed")
