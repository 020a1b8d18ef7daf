"""The ticket tests' fixtures (real policies and calendar, a migrated SQLite file per test)."""
from tests.bot.tickets.conftest import (  # noqa: F401 - fixtures re-used by name
    calendar,
    database_url,
    departments,
    migrated_template,
    policies,
    service,
    service_for,
)
