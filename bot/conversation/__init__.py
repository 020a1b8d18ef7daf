"""The conversation layer: what the user said and what the assistant answers, read once.

Shared by the Rasa actions (``actions/``) and the console's assist view
(:mod:`bot.console.assist`), so that an agent sees what an enterprise typing the same
words is told. Framework-free: it takes plain values (Rasa's parse result, slot values,
event dicts), never a tracker or a dispatcher.

- ``message``: the latest user message as NLU parsed it (text, intent, entities, the
  ``understanding`` reading the NLU pipeline made of it).
- ``answering``: the question turn (message and memory → :func:`bot.dialogue.questions.decide`)
  and the assistant's wording (the first text of each ``domain.yml`` response).
- ``memory``: what the question turns remember, to and from slot values.
- ``intake``: the ticket side of a first message (its type, a question that is no ticket).
- ``history``: what earlier events of the conversation tell (a slot's value before this turn,
  the last words typed, the client's address).
- ``phrases``: the short replies during ticket intake (取消, 跳过, 确认, corrections, ratings).
- ``chat_format``: the values of chat replies about tickets (dates, countdowns, the summary).
"""
