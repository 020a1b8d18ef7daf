"""Reading back the text a reportlab PDF shows (enough for tests; no PDF library needed).

Page streams are ASCII85 + Flate encoded; text drawn in the CID font STSong-Light is
in literal strings as UTF-16BE with octal escapes.
"""
from __future__ import annotations

import base64
import re
import zlib

_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.S)
_LITERAL = re.compile(rb"\((?:\\.|[^\\)])*\)\s*Tj", re.S)
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


def _text(raw: bytes) -> str:
    if len(raw) % 2 == 0:
        try:
            wide = raw.decode("utf-16-be")
        except UnicodeDecodeError:
            wide = ""
        if wide and all(ch.isprintable() for ch in wide):
            return wide
    return raw.decode("latin-1")


def pdf_text(pdf: bytes) -> str:
    """Every string shown with ``Tj``, decoded (UTF-16BE where it reads as text, else Latin-1), one a line."""
    shown = []
    for stream in _STREAM.findall(pdf):
        for literal in _LITERAL.findall(_decode(stream)):
            raw = _unescape(literal[1:literal.rindex(b")")])
            shown.append(_text(raw))
    return "\n".join(shown)
