"""Notices (通知): the department's answer and the ticket's progress reach the enterprise.

* :mod:`bot.notify.rules` — ``knowledge/notifications.yml``: what is told, to whom, how
  deliveries are retried;
* :mod:`bot.notify.planner` — which notices a ticket change produces (the service
  writes them to the outbox in the change's transaction);
* :mod:`bot.notify.store` — the outbox table: claims, marks, listings;
* :mod:`bot.notify.senders` — SMS gateway (HTTP), WeChat and WeCom (wechatpy);
* :mod:`bot.notify.worker` — sends due notices once, retries with backoff;
* :mod:`bot.notify.cli` — ``python -m bot outbox run|list|resend``.

Widget notices are delivered by the Rasa process holding the browser's connection
(``bot/channels/widget_notices.py``). Nothing is opened at import.
"""
