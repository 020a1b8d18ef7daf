"""The SMS provider's side of the wire, for tests: a local HTTP server that records what it sends.

It speaks the protocol of :class:`bot.notify.senders.SmsGateway` (``POST`` JSON
``{"id", "phone", "text"}`` with a bearer token) and, like a real provider given a
client message id, sends a message with an id it has seen once only. It can be told
to answer the next requests with an error, to see the worker retry.
"""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TOKEN = "sms-test-token"


class FakeSmsGateway:
    """Records every request, and every message actually "sent" (once per id)."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.sent: list[dict[str, Any]] = []
        self._failures: list[int] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/sms/send"

    def __enter__(self) -> FakeSmsGateway:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._server.shutdown()
        self._server.server_close()

    def fail_next(self, *statuses: int) -> None:
        """The next requests are answered with these HTTP statuses, in order."""
        with self._lock:
            self._failures.extend(statuses)

    def sent_to(self, phone: str) -> list[str]:
        """The texts sent to ``phone``, in order."""
        with self._lock:
            return [m["text"] for m in self.sent if m["phone"] == phone]

    def _receive(self, authorization: str, raw: bytes) -> int:
        body = json.loads(raw.decode("utf-8"))
        with self._lock:
            self.requests.append(body)
            if authorization != f"Bearer {TOKEN}":
                return 401
            if self._failures:
                return self._failures.pop(0)
            if all(m["id"] != body["id"] for m in self.sent):
                self.sent.append(body)
        return 200

    def _handler(self) -> type:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status = fake._receive(self.headers.get("Authorization", ""), raw)
                data = json.dumps({"ok": status == 200} if status == 200 else {"error": "fake failure"}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        return Handler
