"""The Redis side of the conversation lock (``bot.plugins.lock_store``): one Lua script per step.

Redis runs a script as one step that nothing else interleaves with, so each of these is
atomic whichever server calls it. The keys of one conversation share a hash tag
(``{conversation}``), so they stay on one node of a Redis Cluster, as scripts need.

For a conversation, under ``<base>`` = ``<key prefix>{<conversation id>}:``:

- ``<base>n``: the last ticket number issued (``INCR``: 1, 2, 3…);
- ``<base>t:<number>``: one key per ticket, its value the holder's token, expiring by
  itself ``lifetime`` ms after it was issued or last renewed;
- ``<base>q``: the queue, a sorted set of the ticket numbers (score = number).

The conversation's turn belongs to the lowest number in the queue whose ticket key still
exists; numbers whose key expired (a crashed holder, a waiter that gave up) are dropped
from the queue on the way. ``n`` and ``q`` are kept alive at least as long as the longest
ticket, so a number is never issued twice while a ticket of it may still be alive.
A ticket is only changed by the token that issued it: a holder whose ticket expired
cannot remove or renew a ticket that took its number afterwards.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from redis.exceptions import NoScriptError


class Script:
    """A Lua script run by its SHA1 (``EVALSHA``), sent again when Redis forgot it (a restart)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sha = hashlib.sha1(text.encode("utf-8")).hexdigest()

    def __call__(self, client: Any, keys: Sequence[str], args: Sequence[Any]) -> Any:
        """Runs the script on a ``redis.Redis`` client."""
        try:
            return client.evalsha(self.sha, len(keys), *keys, *args)
        except NoScriptError:
            return client.eval(self.text, len(keys), *keys, *args)

    async def run_async(self, client: Any, keys: Sequence[str], args: Sequence[Any]) -> Any:
        """Runs the script on a ``redis.asyncio.Redis`` client."""
        try:
            return await client.evalsha(self.sha, len(keys), *keys, *args)
        except NoScriptError:
            return await client.eval(self.text, len(keys), *keys, *args)


#: place(queue, prefix, number): 0 = this ticket's turn, n > 0 = tickets before it,
#: -1 = not in the queue (expired and dropped, or the queue was lost).
_PLACE = """
local function place(queue, prefix, number)
  while true do
    if not redis.call('ZSCORE', queue, number) then return -1 end
    local first = redis.call('ZRANGE', queue, 0, 0)[1]
    if first == number then return 0 end
    if redis.call('EXISTS', prefix .. first) == 1 then
      return redis.call('ZCOUNT', queue, '-inf', '(' .. number)
    end
    redis.call('ZREM', queue, first)
  end
end
local function keep(keys, lifetime)
  for _, key in ipairs(keys) do
    if redis.call('PTTL', key) < lifetime then redis.call('PEXPIRE', key, lifetime) end
  end
end
"""

#: KEYS n, q; ARGV ticket prefix, lifetime ms, token → {number, place}.
#: Idempotent per token: a retry after a lost reply finds the ticket already issued.
ISSUE = Script(_PLACE + """
local number = nil
for _, member in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  if redis.call('GET', ARGV[1] .. member) == ARGV[3] then number = member break end
end
if not number then
  number = tostring(redis.call('INCR', KEYS[1]))
  redis.call('SET', ARGV[1] .. number, ARGV[3], 'PX', ARGV[2])
  redis.call('ZADD', KEYS[2], number, number)
end
keep(KEYS, tonumber(ARGV[2]))
return {tonumber(number), place(KEYS[2], ARGV[1], number)}
""")

#: KEYS q; ARGV ticket prefix, number, token → place (see above); -1 if the ticket expired.
TURN = Script(_PLACE + """
if redis.call('GET', ARGV[1] .. ARGV[2]) ~= ARGV[3] then return -1 end
return place(KEYS[1], ARGV[1], ARGV[2])
""")

#: KEYS n, q; ARGV ticket prefix, number, token, lifetime ms → 1 renewed, 0 expired (lost).
RENEW = Script(_PLACE + """
local ticket = ARGV[1] .. ARGV[2]
if redis.call('GET', ticket) ~= ARGV[3] then return 0 end
redis.call('PEXPIRE', ticket, ARGV[4])
keep(KEYS, tonumber(ARGV[4]))
return 1
""")

#: KEYS q; ARGV ticket prefix, number, token ('' = whoever holds it), channel, conversation
#: → 1 released, 0 it had expired already, -1 the number is another live ticket's now.
#: Publishes the conversation id on the channel when someone is still queued.
RELEASE = Script("""
local ticket = ARGV[1] .. ARGV[2]
local holder = redis.call('GET', ticket)
if holder and ARGV[3] ~= '' and holder ~= ARGV[3] then return -1 end
if holder then redis.call('DEL', ticket) end
redis.call('ZREM', KEYS[1], ARGV[2])
if redis.call('ZCARD', KEYS[1]) > 0 then
  redis.call('PUBLISH', ARGV[4], ARGV[5])
else
  redis.call('DEL', KEYS[1])
end
if holder then return 1 end
return 0
""")

#: KEYS q; ARGV ticket prefix → {number, ms left, number, ms left, …} of the live tickets, in order.
SNAPSHOT = Script("""
local found = {}
for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local left = redis.call('PTTL', ARGV[1] .. member)
  if left > 0 then
    table.insert(found, tonumber(member))
    table.insert(found, left)
  end
end
return found
""")

#: KEYS q; ARGV ticket prefix → how many expired numbers were dropped from the queue.
PRUNE = Script("""
local dropped = 0
for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  if redis.call('EXISTS', ARGV[1] .. member) == 0 then
    redis.call('ZREM', KEYS[1], member)
    dropped = dropped + 1
  end
end
return dropped
""")

#: KEYS n, q; ARGV ticket prefix → deletes every ticket, the queue and the counter.
DELETE = Script("""
local deleted = 0
for _, member in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  deleted = deleted + redis.call('DEL', ARGV[1] .. member)
end
redis.call('DEL', KEYS[1], KEYS[2])
return deleted
""")

#: KEYS n, q; ARGV ticket prefix, token, then number, ms left pairs → adds those tickets
#: (never removes one) and keeps the counter at least at the highest number.
ADD = Script(_PLACE + """
local longest = 0
for i = 3, #ARGV, 2 do
  local number, left = ARGV[i], tonumber(ARGV[i + 1])
  redis.call('SET', ARGV[1] .. number, ARGV[2], 'PX', left, 'NX')
  redis.call('ZADD', KEYS[2], number, number)
  if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(number) then redis.call('SET', KEYS[1], number) end
  if left > longest then longest = left end
end
keep(KEYS, longest)
return 1
""")
