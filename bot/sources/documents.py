"""Reading the policy documents into passages that can be quoted.

``knowledge/sources/index.yml`` names each document and the lines that are the document
itself. A document is read into :class:`Passage` objects — one sentence each, with the
heading chain it stands under (「一、畅通政企沟通联系机制 › (八)建立企业问题投诉直达市长制度」)
— in simplified characters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.knowledge.errors import Issue, KnowledgeError
from bot.knowledge.yamlfile import read_yaml

INDEX_FILE = "index.yml"
SOURCES_DIR = "sources"

#: Headings, outermost first: 「一、」, 「(一)」, 「1.」/「1、」.
_HEADINGS = (
    re.compile(r"^[一二三四五六七八九十]+、"),
    re.compile(r"^[((][一二三四五六七八九十]+[))]"),
    re.compile(r"^\d+[.、．]"),
)
#: A heading's title ends at the first full stop; the rest of the line is its text.
_TITLE_END = re.compile(r"[。::]")
_SENTENCE = re.compile(r"[^。;;!?!?]+[。;;!?!?]?")
#: Sentences shorter than this are joined to the next (「一是…。」 fragments).
MIN_SENTENCE = 12
#: Damage left in copied web pages: a character replaced by ``?`` and its pinyin
#: (「专家?guī)」 for 专家库). Such sentences are not quoted: the text would be wrong.
_DAMAGED = re.compile(r"\?|[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")
#: 「(牵头单位:市工业和信息化局)」 names who is responsible; it answers no question alone.
_RESPONSIBLE = re.compile(r"^[((]?(牵头|责任|配合)(单位|部门)")


@dataclass(frozen=True)
class Document:
    """One policy document, as cited to users."""

    id: str
    title: str
    issuer: str
    region: str
    file: str
    lines: tuple[int, int]
    date: str | None = None
    number: str | None = None
    traditional: bool = False


@dataclass(frozen=True)
class Passage:
    """One quotable sentence of a document, under its headings."""

    document: Document
    section: tuple[str, ...]
    text: str
    #: The whole paragraph the sentence comes from (for quoting a little context).
    paragraph: str

    @property
    def section_label(self) -> str:
        """The innermost heading (「(八)建立企业问题投诉直达市长制度」), or ''."""
        return self.section[-1] if self.section else ""


_FIELDS = {"file": str, "title": str, "issuer": str, "region": str, "lines": list}
_OPTIONAL = {"date": str, "number": str, "traditional": bool}


def load_documents(knowledge_dir: Path) -> list[Document]:
    """Reads and checks ``sources/index.yml``; raises :class:`KnowledgeError` listing every problem."""
    root = Path(knowledge_dir)
    display = f"{root.name}/{SOURCES_DIR}/{INDEX_FILE}"
    path = root / SOURCES_DIR / INDEX_FILE
    if not path.is_file():
        raise KnowledgeError([Issue(display, None, "file not found")])
    doc, issues = read_yaml(path, display)
    issues = list(issues)
    documents: list[Document] = []
    data: dict[str, Any] = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    if doc is not None and not isinstance(doc.data, dict):
        issues.append(Issue(display, None, "expected a mapping of document id → fields", 1))
    for doc_id, fields in data.items():
        problems = _problems(fields, root / SOURCES_DIR)
        for field, message in problems:
            where = f"{doc_id}.{field}" if field else str(doc_id)
            issues.append(Issue(display, where, message, doc.line_of(where) if doc else None))
        if not problems:
            documents.append(Document(id=str(doc_id), title=fields["title"], issuer=fields["issuer"],
                                      region=fields["region"], file=fields["file"],
                                      lines=(fields["lines"][0], fields["lines"][1]), date=fields.get("date"),
                                      number=fields.get("number"), traditional=bool(fields.get("traditional"))))
    if issues:
        raise KnowledgeError(issues)
    return documents


def _problems(fields: Any, folder: Path) -> list[tuple[str, str]]:
    if not isinstance(fields, dict):
        return [("", "expected a mapping of fields (file, title, issuer, region, lines)")]
    problems = [(k, f"missing; expected {t.__name__}") for k, t in _FIELDS.items() if k not in fields]
    for key, value in fields.items():
        kind = _FIELDS.get(key) or _OPTIONAL.get(key)
        if kind is None:
            problems.append((key, f"unknown field; expected one of {', '.join([*_FIELDS, *_OPTIONAL])}"))
        elif not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
            problems.append((key, f"expected {'a non-empty string' if kind is str else kind.__name__}"))
    lines = fields.get("lines")
    if isinstance(lines, list) and not (len(lines) == 2 and all(isinstance(n, int) and n > 0 for n in lines)
                                        and lines[0] <= lines[1]):
        problems.append(("lines", "expected [first, last], 1-based line numbers with first <= last"))
    name = fields.get("file")
    if isinstance(name, str) and not (folder / name).is_file():
        problems.append(("file", f"expected a file sources/{name}; not found"))
    return problems


def passages(document: Document, knowledge_dir: Path) -> list[Passage]:
    """The document's sentences with their headings, in simplified characters."""
    raw = (Path(knowledge_dir) / SOURCES_DIR / document.file).read_text(encoding="utf-8").splitlines()
    first, last = document.lines
    out: list[Passage] = []
    headings: list[str] = ["", "", ""]
    for line in raw[first - 1:last]:
        text = _simplified(line.strip(), document.traditional)
        if not text:
            continue
        level = next((i for i, pattern in enumerate(_HEADINGS) if pattern.match(text)), None)
        body = text
        if level is not None:
            end = _TITLE_END.search(text)
            title = text[:end.start()] if end else text
            headings[level:] = [title] + [""] * (2 - level)
            body = text[end.end():] if end else ""
        section = tuple(h for h in headings if h)
        for sentence in _undamaged(sentences(body)):
            if not _RESPONSIBLE.match(sentence):
                out.append(Passage(document, section, sentence, body))
        if level is not None and not body and section:
            # a heading alone (「3.建立会商联办机制」) is still worth finding
            out.append(Passage(document, section, section[-1], section[-1]))
    # a heading alone whose text follows on the next lines is found through those (their
    # sections name it): quoting the bare title would answer nothing
    told = {p.section for p in out if p.text != p.paragraph or p.text != (p.section[-1] if p.section else "")}
    return [p for p in out if not (p.section and p.text == p.section[-1] == p.paragraph and p.section in told)]


def quotable(paragraph: str) -> list[str]:
    """The paragraph's sentences that may be quoted (:func:`sentences`, damage left out)."""
    return _undamaged(sentences(paragraph))


def _undamaged(found: list[str]) -> list[str]:
    """The sentences without damage; a damaged fragment joined to a whole sentence
    («guī)靹讨B管理。严禁评标专家…») leaves that sentence, not the fragment, to be quoted."""
    out = []
    for sentence in found:
        if not _DAMAGED.search(sentence):
            out.append(sentence)
            continue
        parts = [part + "。" for part in sentence.split("。") if part]
        out.extend(p for p in parts[1:] if len(p) >= MIN_SENTENCE and not _DAMAGED.search(p))
    return out


def sentences(paragraph: str) -> list[str]:
    """The paragraph's sentences, short fragments joined to their neighbour."""
    sentences: list[str] = []
    carry = ""
    for match in _SENTENCE.finditer(paragraph):
        piece = (carry + match.group(0)).strip()
        if len(piece) < MIN_SENTENCE:
            carry = piece
            continue
        sentences.append(piece)
        carry = ""
    if carry:
        if sentences:
            sentences[-1] += carry
        else:
            sentences.append(carry)
    return sentences


def _simplified(text: str, traditional: bool) -> str:
    if not traditional:
        return text
    import zhconv

    simplified: str = zhconv.convert(text, "zh-cn")  # zhconv is untyped
    return simplified
