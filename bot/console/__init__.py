"""The web console for 12345 hotline agents, department officers and the office (营商办).

An adapter sub-package (like ``bot/channels``): it may import Sanic and Jinja2; the
rules it applies live in framework-free modules — roles and permissions
(:mod:`bot.staff`), human handoff (:mod:`bot.handoff`), report figures
(:mod:`bot.reports`) and tickets (:mod:`bot.tickets.service`, the only way to read or
change a ticket). ``python -m bot.console`` serves it (``make run`` starts it on
``YS_CONSOLE_PORT``, 8000). Nothing here does I/O at import time.

- ``app``: builds the Sanic app; ``security``: sessions, CSRF, permissions, headers;
- ``*_routes``: one module per area (sign-in, assist, handoff, tickets, reports, users);
- ``assist``, ``transcript``, ``present``, ``charts``: what the routes show, no HTTP;
- ``rasa_client``: Rasa's HTTP API (parse, tracker, events) with the API token.
"""
