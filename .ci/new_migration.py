"""Write a new Alembic revision by comparing the models with a database at the current head.

    python .ci/new_migration.py "what changed"

Then bump SCHEMA_HEAD in nagato_desk/database.py and add a fixture database of the old version.
"""

import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from nagato_desk import migrations  # noqa: E402


def main(message: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{tmp}/head.db")
        with engine.begin() as conn:
            command.upgrade(migrations.config(conn), "head")
        with engine.begin() as conn:
            heads = migrations.script_directory().get_heads()
            rev_id = (
                f"{len(list(migrations.script_directory().walk_revisions())) + 1:04d}" if heads else "0001"
            )
            command.revision(migrations.config(conn), message=message, autogenerate=True, rev_id=rev_id)


if __name__ == "__main__":
    main(" ".join(sys.argv[1:]) or "schema change")
