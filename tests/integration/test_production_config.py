"""endpoints.production.yml as Rasa reads it, and the ticket store's own tests on PostgreSQL."""
import os

import pytest
import sqlalchemy as sa

from bot.config import PROJECT_ROOT
from tests.integration.conftest import run_pytest

PRODUCTION = PROJECT_ROOT / "endpoints.production.yml"


@pytest.fixture()
def production_env(databases, monkeypatch):
    """The variables of endpoints.production.yml, pointing at this package's servers."""
    values = {"YS_ACTION_SERVER_URL": "http://actions.internal:5055/webhook",
              "YS_ACTION_TOKEN": "integration-action-token-0123", **databases.endpoint_values()}
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return values


def test_rasa_fills_the_production_endpoints_from_the_environment(production_env):
    from rasa.utils.endpoints import read_endpoint_config

    tracker = read_endpoint_config(str(PRODUCTION), "tracker_store")
    assert tracker.type == "bot.plugins.compact_store.CompactSQLTrackerStore"
    assert tracker.url == production_env["YS_TRACKER_DB_HOST"]
    assert tracker.kwargs["dialect"] == "postgresql" and tracker.kwargs["db"] == "rasa"
    assert tracker.kwargs["password"] == production_env["YS_TRACKER_DB_PASSWORD"]
    lock = read_endpoint_config(str(PRODUCTION), "lock_store")
    assert lock.type == "bot.plugins.lock_store.RedisTicketLockStore"
    assert (lock.url, lock.kwargs["port"]) == (production_env["YS_REDIS_HOST"], production_env["YS_REDIS_PORT"])
    action = read_endpoint_config(str(PRODUCTION), "action_endpoint")
    assert action.url == production_env["YS_ACTION_SERVER_URL"]
    assert action.headers == {"X-Action-Token": production_env["YS_ACTION_TOKEN"]}, "every call carries the secret"


def test_rasa_refuses_to_start_when_a_variable_is_missing(production_env, monkeypatch):
    from rasa.shared.exceptions import RasaException
    from rasa.utils.endpoints import read_endpoint_config

    monkeypatch.delenv("YS_REDIS_PASSWORD")
    with pytest.raises(RasaException, match="YS_REDIS_PASSWORD"):
        read_endpoint_config(str(PRODUCTION), "lock_store")


def test_the_production_stores_reach_postgresql_and_redis(production_env):
    from rasa.core.lock_store import LockStore
    from rasa.core.tracker_store import TrackerStore
    from rasa.utils.endpoints import read_endpoint_config

    from bot.plugins.compact_store import CompactSQLTrackerStore
    from bot.plugins.lock_store import RedisTicketLockStore

    lock_store = LockStore.create(read_endpoint_config(str(PRODUCTION), "lock_store"))
    assert isinstance(lock_store, RedisTicketLockStore) and lock_store.red.ping()
    assert lock_store.key_prefix == "ys:lock:"
    assert lock_store.issue_ticket("config-check") == 1 and lock_store.get_lock("config-check").tickets[0].number == 1
    lock_store.delete_lock("config-check")
    tracker_store = TrackerStore.create(read_endpoint_config(str(PRODUCTION), "tracker_store"))
    assert isinstance(tracker_store, CompactSQLTrackerStore)
    assert tracker_store.engine.dialect.name == "postgresql"
    with tracker_store.engine.connect() as connection:
        indexes = {i["name"] for i in sa.inspect(connection).get_indexes("events")}
    assert "ix_events_sender_id_id" in indexes, "the window read is an index range scan"
    tracker_store.engine.dispose()


def test_write_server_endpoints_names_every_missing_value(tmp_path):
    from services import production_endpoint_variables, write_server_endpoints

    names = production_endpoint_variables()
    assert "YS_TRACKER_DB_PASSWORD" in names and "YS_REDIS_PASSWORD" in names
    with pytest.raises(KeyError, match="YS_REDIS_PORT"):
        write_server_endpoints(tmp_path / "e.yml", "http://a/webhook", {"YS_TRACKER_DB_HOST": "db"})


def test_the_ticket_store_tests_pass_on_postgresql(databases):
    """tests/bot/tickets, unchanged, on this PostgreSQL (their conftest reads YS_TEST_DATABASE_URL)."""
    env = {**os.environ, "YS_TEST_DATABASE_URL": databases.postgres.url("ys_test")}
    result = run_pytest(["tests/bot/tickets", "-q", "-p", "no:cacheprovider", "-o", "addopts="], env)
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, f"{summary}\n{result.stdout[-4000:]}\n{result.stderr[-2000:]}"
    assert " passed" in summary and "failed" not in summary
    print(f"tests/bot/tickets on PostgreSQL: {summary}")


def test_the_compact_tracker_store_tests_pass_on_postgresql(databases):
    """tests/plugins/test_compact_store.py, unchanged, on this PostgreSQL (YS_TEST_TRACKER_URL)."""
    env = {**os.environ, "YS_TEST_TRACKER_URL": databases.postgres.url("ys_test")}
    result = run_pytest(["tests/plugins/test_compact_store.py", "-q", "-p", "no:cacheprovider", "-o", "addopts="],
                        env)
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, f"{summary}\n{result.stdout[-4000:]}\n{result.stderr[-2000:]}"
    assert " passed" in summary and "failed" not in summary and "skipped" not in summary
    print(f"tests/plugins/test_compact_store.py on PostgreSQL: {summary}")


def test_a_misspelt_lock_store_setting_stops_rasa_with_its_name(production_env):
    from rasa.core.lock_store import LockStore
    from rasa.utils.endpoints import EndpointConfig

    config = EndpointConfig(url=production_env["YS_REDIS_HOST"], type="bot.plugins.lock_store.RedisTicketLockStore",
                            port=production_env["YS_REDIS_PORT"], pasword="typo")
    with pytest.raises(Exception, match="pasword"):
        LockStore.create(config)
