"""Alembic environment. Migrations run from code (nagato_desk.migrations) on a connection that is
already inside a transaction, in batch mode so SQLite can alter tables."""

from alembic import context

from nagato_desk.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through nagato_desk.migrations, which passes a connection.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transactional_ddl=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
