"""Simulated enterprises talking to a real Rasa server over its REST channel, all at once.

Each enterprise runs ``rounds`` rounds of three journeys, one conversation each, with
no think time (closed loop: the next turn is sent when the reply arrives):

- ``procedure``: 「注销要多久」, a click on the first of the two buttons it gets, then
  「简易注销要准备什么材料?」 and 「那要多久?」 (the ambiguous question comes first: asked after
  简易注销, 「注销要多久」 is about the 注销 in memory and offers no buttons);
- ``form`` + ``file``: the product specification example 3 — the complaint form, seven answers, then
  「确认」, which must answer with a ticket id;
- ``status_ask`` + ``status``: a new conversation asks for that ticket by id, gives the
  phone, and must get the ticket's status.

Every turn is timed; a turn is an error when the HTTP call fails or the reply lacks
what that step must say. The bare ``/model/parse`` of the same model is timed with the
same texts, for the ratio "what our actions and databases add to NLU".
"""
from __future__ import annotations

import asyncio
import re
import statistics
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import aiohttp

TICKET_ID = re.compile(r"YS\d{12}")
DESCRIPTION = "上周三去市场监管局窗口办营业执照变更,窗口让我去税务局,税务局又让我回窗口,来回跑了三趟"
COMPANY = "示例市华远机械制造有限公司"
PROCEDURE_TURNS = [("注销要多久", "注销"), ("简易注销要准备什么材料?", "材料"), ("那要多久?", "工作日")]
FORM_TURNS = [("窗口互相推诿,事情一直办不成", "请具体说说"), (DESCRIPTION, "企业的名称"), (COMPANY, "信用代码"),
              ("跳过", "怎么称呼"), ("王建国", "手机号"), (None, "哪个部门"), ("市场监管局", "请核对")]
#: Every text a user sends, for the bare-parse baseline.
PARSE_TEXTS = [t for t, _ in PROCEDURE_TURNS] + [t for t, _ in FORM_TURNS if t] + \
    ["确认", "YS202611200001的工单到哪了", "13812345678"]
TURN_TYPES = ("procedure", "form", "file", "status_ask", "status")


@dataclass
class Turn:
    kind: str
    seconds: float
    error: str | None = None


@dataclass
class LoadResult:
    """Every turn of a run, and what was filed."""

    users: int
    rounds: int
    wall_seconds: float
    turns: list[Turn] = field(default_factory=list)
    senders: list[str] = field(default_factory=list)  # conversations that filed a ticket
    told_ids: dict[str, str] = field(default_factory=dict)  # sender → ticket id in the reply

    @property
    def turns_per_second(self) -> float:
        return len(self.turns) / self.wall_seconds if self.wall_seconds else 0.0

    def latency(self, kind: str | None = None) -> dict[str, float]:
        return percentiles([t.seconds for t in self.turns if kind is None or t.kind == kind])

    def errors(self, kind: str | None = None) -> list[Turn]:
        return [t for t in self.turns if t.error and (kind is None or t.kind == kind)]


def percentiles(seconds: Sequence[float]) -> dict[str, float]:
    """n, p50, p95, p99 and mean in milliseconds."""
    if not seconds:
        return {"n": 0, "p50_ms": 0.0, "p95_ms": 0.0, "p99_ms": 0.0, "mean_ms": 0.0}
    ordered = sorted(seconds)

    def pick(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 1)

    return {"n": len(ordered), "p50_ms": pick(0.5), "p95_ms": pick(0.95), "p99_ms": pick(0.99),
            "mean_ms": round(statistics.fmean(ordered) * 1000, 1)}


class Enterprise:
    """One simulated enterprise: its journeys, timed turn by turn."""

    def __init__(self, session: aiohttp.ClientSession, rasa_url: str | Sequence[str], run: str, index: int,
                 result: LoadResult, timeout: float = 120) -> None:
        self.session = session
        urls = [rasa_url] if isinstance(rasa_url, str) else list(rasa_url)
        self.urls = [f"{url}/webhooks/rest/webhook" for url in urls]
        self.sent = index  # with several servers, turns go to each in turn (no stickiness)
        self.run = run
        self.index = index
        self.result = result
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.phone = f"139{index:04d}{abs(hash(run)) % 10000:04d}"

    async def say(self, kind: str, sender: str, text: str, expect: str | None) -> tuple[list[dict[str, Any]], str]:
        started = time.perf_counter()
        error, messages = None, []
        try:
            url = self.urls[self.sent % len(self.urls)]
            self.sent += 1
            async with self.session.post(url, json={"sender": sender, "message": text},
                                         timeout=self.timeout) as response:
                if response.status != 200:
                    error = f"HTTP {response.status}"
                else:
                    messages = await response.json()
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            error = type(exc).__name__
        reply = "\n".join(m.get("text", "") for m in messages)
        if error is None and expect is not None and expect not in reply:
            error = "unexpected reply" if reply.strip() else "no reply"
        self.result.turns.append(Turn(kind, time.perf_counter() - started, error))
        return messages, reply

    def sender(self, journey: str, round_: int) -> str:
        return f"bench-{self.run}-{self.index}-{round_}-{journey}"

    async def procedure(self, round_: int) -> None:
        sender = self.sender("p", round_)
        (ambiguous, expect), *rest = PROCEDURE_TURNS
        messages, _ = await self.say("procedure", sender, ambiguous, expect)
        buttons = [b for m in messages for b in (m.get("buttons") or [])]
        if buttons:
            await self.say("procedure", sender, buttons[0]["payload"], "工作日")
        else:
            self.result.turns.append(Turn("procedure", 0.0, "no buttons to click"))
        for text, expect in rest:
            await self.say("procedure", sender, text, expect)

    async def file(self, round_: int) -> str | None:
        sender = self.sender("t", round_)
        for text, expect in FORM_TURNS:
            await self.say("form", sender, self.phone if text is None else text, expect)
        self.result.senders.append(sender)
        _, reply = await self.say("file", sender, "确认", "工单号")
        found = TICKET_ID.search(reply)
        if found:
            self.result.told_ids[sender] = found.group(0)
        return found.group(0) if found else None

    async def status(self, round_: int, ticket_id: str | None) -> None:
        if ticket_id is None:
            return
        sender = self.sender("s", round_)
        await self.say("status_ask", sender, f"{ticket_id}的工单到哪了", "手机号")
        await self.say("status", sender, self.phone, f"工单{ticket_id}")

    async def run_rounds(self, rounds: int) -> None:
        for round_ in range(rounds):
            await self.procedure(round_)
            await self.status(round_, await self.file(round_))


async def _drive(rasa_url: str | Sequence[str], users: int, rounds: int, run: str) -> LoadResult:
    result = LoadResult(users, rounds, 0.0)
    connector = aiohttp.TCPConnector(limit=users * 2)
    async with aiohttp.ClientSession(connector=connector) as session:
        enterprises = [Enterprise(session, rasa_url, run, i, result) for i in range(users)]
        started = time.perf_counter()
        await asyncio.gather(*(e.run_rounds(rounds) for e in enterprises))
        result.wall_seconds = time.perf_counter() - started
    return result


def run_load(rasa_url: str | Sequence[str], users: int, rounds: int, run: str | None = None) -> LoadResult:
    """``users`` enterprises at once, ``rounds`` rounds each; returns every turn.

    Several ``rasa_url`` are served turn by turn in turn, as a load balancer without
    affinity does (the integration tests' topology).
    """
    return asyncio.run(_drive(rasa_url, users, rounds, run or uuid.uuid4().hex[:8]))


async def _parse(rasa_url: str, token: str, concurrency: int, requests: int) -> tuple[list[float], int, float]:
    url = f"{rasa_url}/model/parse?token={token}"
    texts = [PARSE_TEXTS[i % len(PARSE_TEXTS)] for i in range(requests)]
    queue: asyncio.Queue = asyncio.Queue()
    for text in texts:
        queue.put_nowait(text)
    seconds: list[float] = []
    errors = 0

    async def worker(session: aiohttp.ClientSession) -> None:
        nonlocal errors
        while not queue.empty():
            text = queue.get_nowait()
            started = time.perf_counter()
            try:
                async with session.post(url, json={"text": text}) as response:
                    await response.read()
                    if response.status != 200:
                        errors += 1
            except aiohttp.ClientError:
                errors += 1
            seconds.append(time.perf_counter() - started)

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency * 2)) as session:
        started = time.perf_counter()
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))
        wall = time.perf_counter() - started
    return seconds, errors, wall


def run_parse(rasa_url: str, token: str, concurrency: int, requests: int) -> dict[str, Any]:
    """The bare NLU latency of ``/model/parse`` (same model, same texts)."""
    seconds, errors, wall = asyncio.run(_parse(rasa_url, token, concurrency, requests))
    return {"concurrency": concurrency, **percentiles(seconds), "errors": errors,
            "per_second": round(len(seconds) / wall, 1) if wall else 0.0}
