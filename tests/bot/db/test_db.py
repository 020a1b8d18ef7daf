"""bot.db: one engine per URL, one naming convention, one exception when the database is away."""
from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from bot.db import NAMING_CONVENTION, Database, StoreUnavailable, dispose_engines, get_engine
from bot.tickets.unit_of_work import SqlUnitOfWorkFactory

#: Nobody listens on port 1 of loopback: connecting is refused at once.
NOWHERE = "postgresql+psycopg2://ys:secret@127.0.0.1:1/ys?connect_timeout=2"


@pytest.fixture()
def nowhere():
    yield NOWHERE
    dispose_engines()


def test_every_store_of_one_url_shares_one_engine(database_url: str) -> None:
    from bot.channel_store import MessageStore
    from bot.handoff.service import HandoffService
    from bot.notify.store import OutboxStore
    from bot.staff.users import UserStore
    from bot.supervisors import SupervisorRegister

    engines = {id(store.database.engine()) for store in (
        MessageStore(database_url), OutboxStore(database_url), HandoffService(database_url),
        UserStore(database_url), SupervisorRegister(database_url), SqlUnitOfWorkFactory(database_url))}
    assert engines == {id(get_engine(database_url))}


def test_every_table_is_named_by_the_one_convention() -> None:
    from bot.channel_store import metadata as channels
    from bot.handoff.store import metadata as handoffs
    from bot.ratelimit import metadata as rates
    from bot.staff.tables import metadata as staff
    from bot.supervisors.tables import metadata as supervisors
    from bot.tickets.tables import metadata as tickets

    for metadata in (tickets, channels, handoffs, rates, staff, supervisors):
        assert dict(metadata.naming_convention) == NAMING_CONVENTION


def test_an_unreachable_server_is_store_unavailable_for_the_unit_of_work_and_the_stores(nowhere: str) -> None:
    from bot.handoff.service import HandoffService
    from bot.notify.store import OutboxStore

    with pytest.raises(StoreUnavailable, match="python -m bot db upgrade") as caught:
        SqlUnitOfWorkFactory(nowhere)()
    assert isinstance(caught.value.__cause__, sa.exc.OperationalError)
    with pytest.raises(StoreUnavailable):
        HandoffService(nowhere).waiting()
    with pytest.raises(StoreUnavailable):
        OutboxStore(nowhere).counts()


def test_a_database_error_inside_a_unit_of_work_leaves_it_as_store_unavailable(database_url: str) -> None:
    factory = SqlUnitOfWorkFactory(database_url)
    with pytest.raises(StoreUnavailable) as caught, factory() as uow:
        uow.session.execute(sa.text("SELECT * FROM no_such_table"))
    assert isinstance(caught.value.__cause__, sa.exc.OperationalError)


def test_a_refused_statement_is_not_turned_into_store_unavailable(database_url: str) -> None:
    database = Database(database_url)
    with database.writing() as connection:
        connection.execute(sa.text("INSERT INTO ticket_sequences (day, last) VALUES ('2026-11-20', 1)"))
    with pytest.raises(IntegrityError), database.writing() as connection:
        connection.execute(sa.text("INSERT INTO ticket_sequences (day, last) VALUES ('2026-11-20', 2)"))


def test_the_schema_is_checked_once_per_url_and_again_after_the_engines_are_disposed(tmp_path) -> None:
    from bot.db.migrate import upgrade

    url = f"sqlite:///{tmp_path / 'tickets.db'}"
    with pytest.raises(StoreUnavailable):
        Database(url).engine()
    upgrade(url)
    assert Database(url).engine() is get_engine(url)
    dispose_engines()
    with get_engine(url).begin() as connection:
        connection.execute(sa.text("DELETE FROM alembic_version"))
    with pytest.raises(StoreUnavailable):
        Database(url).engine()
    dispose_engines()
