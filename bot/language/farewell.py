"""Words of farewell: the one list that every reader of a goodbye uses.

Three readers draw three lines with it:

- :func:`says_farewell`: a farewell said outright («再见», «拜拜», «好的88», «先走了»), or a
  closing «先这样(吧)» at the end of the message; tiredness («心太累了») is none. A message
  that thanks without one is thanked, not sent off (:mod:`bot.dialogue.telling`).
- :func:`says_farewell` with ``closing=False``: a reply during a form leaves it only on a
  farewell word (:func:`bot.conversation.phrases.leaves`); «先这样吧» there may close a
  question, not the form.
- :func:`speaks_of_leaving`: a farewell word or any word of leaving («不聊了», «不打扰了»,
  «先忙») makes a short no a goodbye (:mod:`bot.language.interpret`); the closing «先这样»
  does not: «不用了 先这样» declines.
"""
from __future__ import annotations

import re

#: Said only when one goes: a farewell wherever it stands in the message.
FAREWELL_WORDS = ("再见", "拜拜", "拜了", "回见", "回头见", "下次见", "下回见", "改天见", "先走", "先下了", "先撤",
                  "告辞", "再会", "bye", "886")
#: Words of leaving that are no farewell by themselves («聊» of «不聊了», «打扰» of «不打扰了»).
LEAVING_WORDS = ("聊", "走", "下线", "忙", "打扰", "拜", "撤")
#: «88» standing alone in digits (not «1588元», nor a digit said in a correction: «最后两位是87不是88»).
_EIGHTY_EIGHT = r"(?<![0-9是为成号位])88(?![0-9元块号])"
#: A call or a talk closed («这通电话就到这», «今天就到这儿吧»: a 12345 agent's caller hung up — it got 接电's guide,
#: for the 通电 of 通电话).
_CALL_CLOSED = r"(?:电话|通话|今天|咱们|我们)(?:就|先)(?:到这|到这儿|到这里)(?:吧|了|啦)?(?=$|[\s,,。.!!~～])"
#: A call hung up by the one typing («好的 我跟来电人说一下 先挂了»: a 12345 agent's — it was put through to a person;
#: never someone else's «打过去就挂了»).
_HANGS_UP = (r"(?:^|(?<=[\s,,。.!!~～]))(?:那|好|好的|那我|我)?先挂(?:了|啦|喽|咯)?(?:啊|哈|哦|啦)?(?=$|[\s,,。.!!~～])"
             # (never a call back asked after it: «我先挂了 麻烦再打过来», «…你们的人直接打我手机吧»)
             r"(?![^。.!!]*(?:再打|打过来|回电|打我|联系我|打给我))")
_FAREWELL = re.compile("|".join([*map(re.escape, FAREWELL_WORDS), _EIGHTY_EIGHT, _CALL_CLOSED, _HANGS_UP]),
                       re.IGNORECASE)
#: «…先这样(吧)» closing the message (trailing punctuation aside).
_CLOSING = re.compile(r"先这样吧?[\s,,。.!!~～]*$")
_LEAVING = re.compile("|".join([*map(re.escape, FAREWELL_WORDS + LEAVING_WORDS), _EIGHTY_EIGHT]),
                      re.IGNORECASE)


def says_farewell(text: str | None, closing: bool = True) -> bool:
    """True when ``text`` says a farewell outright; with ``closing``, also when it ends on «先这样(吧)»."""
    text = text or ""
    return bool(_FAREWELL.search(text)) or (closing and bool(_CLOSING.search(text)))


def speaks_of_leaving(text: str | None) -> bool:
    """True when ``text`` has a farewell or a word of leaving («不聊了», «不打扰了», «先忙»)."""
    return bool(_LEAVING.search(text or ""))
