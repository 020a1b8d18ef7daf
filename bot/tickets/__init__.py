"""Tickets (工单): filing, status, urges, ratings, SLA clocks and escalation.

Modules, from the core outwards (no Rasa anywhere):

* :mod:`bot.tickets.kinds`, :mod:`bot.tickets.model` — the ticket and its rules;
* :mod:`bot.tickets.clock` — due times from the SLA policies and the calendar;
* :mod:`bot.tickets.views` — what users may see; operation results;
* :mod:`bot.tickets.tables`, :mod:`bot.tickets.repository`, :mod:`bot.tickets.unit_of_work`
  — the store, on :mod:`bot.db` (engine, migrations, ``StoreUnavailable``);
* :mod:`bot.tickets.outbox`, :mod:`bot.tickets.outbox_repository` — notices written in
  the change's transaction (planned and sent by :mod:`bot.notify`);
* :mod:`bot.tickets.service` — :class:`~bot.tickets.service.TicketService`, the API
  (built from the settings by :func:`bot.bootstrap.ticket_service`);
* :mod:`bot.tickets.cli`, :mod:`bot.tickets.cli_db` — ``python -m bot tickets|db``.

Nothing is imported or opened at package import.
"""
