"""The migrated database of the ticket tests, for the bot.db tests."""
from tests.bot.tickets.conftest import database_url, migrated_template  # noqa: F401
