"""Rasa plug-ins: what Rasa loads by class path from ``endpoints*.yml``, and its turn repairs.

Apart from the input channels (:mod:`bot.channels`), which use the failure handling here.

- ``tracker_store``: Rasa's SQL tracker store riding out database restarts
  (``RetryingSQLTrackerStore``); ``compact_store`` (``CompactSQLTrackerStore``, the one
  ``endpoints*.yml`` name) reads a conversation's head and recent window instead of the
  whole session, with ``compact_tracker`` choosing where the window starts.
- ``lock_store``: one message of a conversation at a time across Rasa servers on one
  Redis (``RedisTicketLockStore``, endpoints.production.yml), with ``lock_scripts`` (its
  atomic steps in Lua) and ``lock_wakeups`` (waking waiters on release, not polling).
- ``failures``: every channel's turns: an apology instead of silence when Rasa could
  not finish one; ``action_results``: Rasa's validation of action answers without
  re-checking its schema each time.

Like every adapter, this package may import Rasa; nothing here does I/O at import time.
"""
