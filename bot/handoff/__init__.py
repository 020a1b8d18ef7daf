"""Human handoff (转人工): a conversation waits for a hotline agent, is held, is handed back.

- :mod:`bot.handoff.model`: the state machine (no database, no framework);
- :mod:`bot.handoff.store`: its tables and the repository (SQLAlchemy Core);
- :mod:`bot.handoff.service`: what the Rasa action and the console call.

The assistant's side (pausing and resuming the Rasa conversation, sending messages)
is done by the callers: ``actions/handoff.py`` and ``bot/console``.
"""
from bot.handoff.errors import HandoffClosed, HandoffError, HandoffNotFound, NotHolder, NotWaiting
from bot.handoff.model import Handoff, HandoffEvent, HandoffEventKind, HandoffStatus

__all__ = [
    "Handoff", "HandoffClosed", "HandoffError", "HandoffEvent", "HandoffEventKind", "HandoffNotFound",
    "HandoffStatus", "NotHolder", "NotWaiting",
]
