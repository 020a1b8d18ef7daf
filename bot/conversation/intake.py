"""The ticket side of a first message: which kind of ticket, or no ticket at all.

``action_start_ticket`` and the console's assist view (the pre-filled form) take the
ticket's type from the same table.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from bot.conversation.message import Message
from bot.language.interpret import Reading
from bot.sources.search import ClauseIndex
from bot.tickets.kinds import TicketType
from bot.tickets.story import describes_case

#: The intents that ask to file, and the ticket each files.
TICKET_TYPES = {"complain": TicketType.COMPLAINT, "suggest": TicketType.SUGGESTION,
                "request_help": TicketType.REQUEST}
#: A message that ends by asking («…有个登记簿 真的假的», «…都能来查吗») asks, even when it tells.
_ASKS_OUTRIGHT = re.compile(r"(?:吗|么|嘛|呢|[??]|真的假的|是不是|对不对|行不行)[。.!!~]*$")
#: Below this confidence a complaint/suggestion/request phrased as a question, with no words
#: of filing and no case told, is answered as a question.
QUESTION_NOT_TICKET = 0.95


def ticket_type_of(intent: str | None, default: TicketType = TicketType.COMPLAINT) -> TicketType:
    """The kind of ticket ``intent`` asks to file (``default`` for any other intent)."""
    return TICKET_TYPES.get(intent or "", default)


def is_a_question_not_a_ticket(message: Message, reading: Reading,
                               clauses: Callable[[], ClauseIndex | None]) -> bool:
    """True for a question the classifier took for a ticket without good reason.

    A question with no words of filing and no case told is answered when the classifier
    was unsure, or, however sure it was, when the policy texts answer it («高新区执法检查
    是不是得领导批了才能进企业»).

    Args:
        message: the message the classifier read as a complaint, suggestion or request.
        reading: its reading.
        clauses: gives the policy-text index (None: none), asked only when needed.
    """
    text = message.typed
    asks_outright = bool(_ASKS_OUTRIGHT.search(text.strip()))
    if not (text and reading.question and not reading.files and not reading.vents
            and (asks_outright or not describes_case(text))):
        return False
    if message.confidence < QUESTION_NOT_TICKET:
        return True
    index = clauses()
    return index is not None and index.answer(text) is not None
