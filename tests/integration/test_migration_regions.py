"""Migrations 0007, 0008 and 0009 (regions) on PostgreSQL: a 0006 database with tickets, a 0007 one
with handoffs, upgrade keeping them (in the default region) and downgrade (the SQLite tests
tests/bot/tickets/test_migration_regions.py and tests/bot/handoff/test_migration_handoff_regions.py,
unchanged)."""
from __future__ import annotations

import os

from tests.integration.conftest import run_pytest


def test_the_regions_migration_keeps_tickets_and_downgrades_on_postgresql(databases):
    env = {**os.environ, "YS_TEST_DATABASE_URL": databases.postgres.url("ys_test")}
    result = run_pytest(["tests/bot/tickets/test_migration_regions.py", "-q", "-p", "no:cacheprovider",
                         "-o", "addopts="], env)
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, f"{summary}\n{result.stdout[-4000:]}\n{result.stderr[-2000:]}"
    assert "2 passed" in summary and "failed" not in summary and "skipped" not in summary


def test_the_handoff_regions_migration_keeps_handoffs_and_downgrades_on_postgresql(databases):
    """Migration 0008 (tests/bot/handoff/test_migration_handoff_regions.py, unchanged) on PostgreSQL."""
    env = {**os.environ, "YS_TEST_DATABASE_URL": databases.postgres.url("ys_test")}
    result = run_pytest(["tests/bot/handoff/test_migration_handoff_regions.py", "-q", "-p", "no:cacheprovider",
                         "-o", "addopts="], env)
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, f"{summary}\n{result.stdout[-4000:]}\n{result.stderr[-2000:]}"
    assert "2 passed" in summary and "failed" not in summary and "skipped" not in summary


def test_the_supervisor_regions_migration_keeps_entries_and_downgrades_on_postgresql(databases):
    """Migration 0009 (tests/bot/regions/test_migration_supervisor_regions.py, unchanged) on PostgreSQL."""
    env = {**os.environ, "YS_TEST_DATABASE_URL": databases.postgres.url("ys_test")}
    result = run_pytest(["tests/bot/regions/test_migration_supervisor_regions.py", "-q", "-p", "no:cacheprovider",
                         "-o", "addopts="], env)
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, f"{summary}\n{result.stdout[-4000:]}\n{result.stderr[-2000:]}"
    assert "2 passed" in summary and "failed" not in summary and "skipped" not in summary
