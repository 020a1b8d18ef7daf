"""Console staff: roles and what each may do, accounts, sessions, sign-in throttling.

- :mod:`bot.staff.roles`: roles, permissions and the visibility rules (pure);
- :mod:`bot.staff.passwords`: bcrypt hashing and the password rule;
- :mod:`bot.staff.tables`: the tables (schema by migration 0003);
- :mod:`bot.staff.users`, :mod:`bot.staff.sessions`, :mod:`bot.staff.throttle`: stores;
- :mod:`bot.staff.cli`: ``python -m bot users ...``.

Nothing here imports a web framework; ``bot/console`` is the HTTP adapter.
"""
