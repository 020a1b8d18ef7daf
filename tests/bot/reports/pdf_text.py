"""Reading back the text and fonts of a reportlab PDF (enough for tests; no PDF library needed).

Streams are ASCII85 + Flate encoded. Text drawn in an embedded TrueType subset is in
literal strings of one-byte codes, mapped back to Unicode by the font's ``/ToUnicode``
CMap; other text (the standard fonts) is Latin-1.
"""
from __future__ import annotations

import base64
import re
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.S)
_NAME = re.compile(rb"/Name\s*/([\w+.-]+)")
_TO_UNICODE = re.compile(rb"/ToUnicode\s+(\d+) 0 R")
_BFCHAR_BLOCK = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_TOKENS = re.compile(rb"/([\w+.-]+)\s+[\d.]+\s+Tf|(\((?:\\.|[^\\)])*\))\s*Tj", re.S)
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.S)
_SIMPLE = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _unescape(raw: bytes) -> bytes:
    def one(match: re.Match) -> bytes:
        code = match.group(1)
        if code[:1].isdigit():
            return bytes([int(code, 8) & 0xFF])
        return _SIMPLE.get(code, code)

    return _ESCAPE.sub(one, raw)


def _decode(stream: bytes) -> bytes:
    data = stream.strip()
    if data.endswith(b"~>"):
        data = base64.a85decode(data, adobe=True)
    try:
        return zlib.decompress(data)
    except zlib.error:
        return data


def _objects(pdf: bytes) -> dict[int, bytes]:
    return {int(number): body for number, body in _OBJECT.findall(pdf)}


def _stream_of(body: bytes) -> bytes:
    found = _STREAM.search(body)
    return _decode(found.group(1)) if found else b""


def _unicode_maps(objects: dict[int, bytes]) -> dict[bytes, dict[int, str]]:
    """Font resource name (``F2+0``, reportlab's ``/Name`` of the font) → {code: text}."""
    maps: dict[bytes, dict[int, str]] = {}
    for body in objects.values():
        name, reference = _NAME.search(body), _TO_UNICODE.search(body)
        if b"/Type /Font" not in body or name is None or reference is None:
            continue
        cmap = _stream_of(objects.get(int(reference.group(1)), b""))
        pairs = [pair for block in _BFCHAR_BLOCK.findall(cmap) for pair in _BFCHAR.findall(block)]
        maps[name.group(1)] = {int(code, 16): bytes.fromhex(text.decode()).decode("utf-16-be")
                               for code, text in pairs}
    return maps


def pdf_text(pdf: bytes) -> str:
    """Every string shown with ``Tj``, decoded through its font's ToUnicode map, one a line."""
    objects = _objects(pdf)
    maps = _unicode_maps(objects)
    shown: list[str] = []
    for body in objects.values():
        content = _stream_of(body) if b"stream" in body else b""
        font = None
        for name, literal in _TOKENS.findall(content):
            if name:
                font = name
                continue
            raw = _unescape(literal[1:-1])
            table = maps.get(font or b"")
            shown.append("".join(table.get(b, chr(b)) for b in raw) if table else raw.decode("latin-1"))
    return "\n".join(shown)


def embedded_fonts(pdf: bytes) -> list[str]:
    """The base names of the fonts whose files are embedded (``AAAAAA+WenQuanYiMicroHei``)."""
    objects = _objects(pdf)
    names = []
    for body in objects.values():
        if b"/FontFile2" in body or b"/FontFile3" in body:
            found = re.search(rb"/FontName\s*/([\w+.-]+)", body)
            if found:
                names.append(found.group(1).decode())
    return names


def font_names(pdf: bytes) -> list[str]:
    """Every ``/BaseFont`` the PDF names."""
    return [name.decode() for name in re.findall(rb"/BaseFont\s*/([\w+.-]+)", pdf)]
