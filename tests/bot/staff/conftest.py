"""A migrated SQLite file per test (the ticket tests' fixture)."""
from tests.bot.tickets.conftest import database_url, migrated_template  # noqa: F401 - fixtures by name
