"""decide and apply, read path

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 14:54:58.471052
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.add_column(sa.Column("effective_due", sa.Date(), nullable=True))
    op.execute('UPDATE "case" SET effective_due = coalesce(extended_due, due)')
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.alter_column("effective_due", existing_type=sa.Date(), nullable=False)
        batch_op.create_index("ix_case_effective_due", ["effective_due", "id"], unique=False)
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("refusal_ground", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True)
        )
        batch_op.add_column(
            sa.Column("refusal_partial", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.create_index("ix_case_due", ["due"], unique=False)
        batch_op.create_index("ix_case_received", ["received", "id"], unique=False)

    with op.batch_alter_table("inbound_message", schema=None) as batch_op:
        batch_op.add_column(sa.Column("verdict", sa.JSON(), nullable=True))

    with op.batch_alter_table("outbox_item", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_to_created", ["to_address", "created"], unique=False)

    # ### end Alembic commands ###


def downgrade() -> None:
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_index("ix_case_effective_due")
        batch_op.drop_column("effective_due")
    with op.batch_alter_table("outbox_item", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_to_created")

    with op.batch_alter_table("inbound_message", schema=None) as batch_op:
        batch_op.drop_column("verdict")

    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_index("ix_case_received")
        batch_op.drop_index("ix_case_due")
        batch_op.drop_column("refusal_partial")
        batch_op.drop_column("refusal_ground")

    # ### end Alembic commands ###
