"""What a reader worked out for a text is remembered, and forgotten on demand (bot/language/memo.py)."""
from dataclasses import dataclass, field

from bot.language import memo
from bot.language.memo import forget, remembered


@dataclass(frozen=True)
class Counter:
    """A frozen reader counting how often its work is really done."""

    word: str
    calls: list[str] = field(default_factory=list, compare=False)

    @remembered
    def count(self, text: str) -> int:
        self.calls.append(text)
        return text.count(self.word)


@dataclass
class Holder:
    reader: Counter


def test_a_text_is_worked_out_once_per_reader():
    first, second = Counter("办"), Counter("办")
    assert first.count("办执照 办许可") == 2
    assert first.count("办执照 办许可") == 2
    assert first.calls == ["办执照 办许可"]
    # another reader (equal, but its own) works it out again
    assert second.count("办执照 办许可") == 2
    assert second.calls == ["办执照 办许可"]
    # the memory is no field: equality and hashing stay the reader's
    assert first == second and hash(first) == hash(second)


def test_forget_empties_the_memory_of_a_reader_and_of_the_readers_it_holds():
    reader = Counter("证")
    reader.count("证照")
    forget(Holder(reader))
    reader.count("证照")
    assert reader.calls == ["证照", "证照"]


def test_the_memory_is_bounded(monkeypatch):
    monkeypatch.setattr(memo, "SIZE", 3)
    reader = Counter("a")
    for text in ["a", "aa", "aaa", "aaaa", "a"]:
        reader.count(text)
    # «a» was the least recently used when the fourth came: forgotten, worked out again
    assert reader.calls == ["a", "aa", "aaa", "aaaa", "a"]


def test_the_interpreter_reads_the_same_with_and_without_its_memory(interpreter):
    texts = ["简易注消要多久", "营业只照丢了咋办", "改个地质", "我们是上海的公司 想在这边开个分公司",
             "施工许可怎么申请 要带啥", "注册了个网店公司 一直没营业 想把它关了"]

    def readings():
        return [(r.intent, r.recognition, r.facets, r.thing, r.topic_size, r.reason, r.question)
                for r in (interpreter.read(text, "nlu_fallback", 0.0) for text in texts)]

    forget(interpreter)
    fresh = readings()
    assert readings() == fresh
    forget(interpreter)
    assert readings() == fresh
