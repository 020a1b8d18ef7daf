"""An HTTP proxy between Rasa and the action server that can lose answers on purpose.

It stands where a load balancer would: Rasa calls it, it calls the action server.
:meth:`ActionProxy.lose_answer_of` makes it forward the next call of an action, let
the action server do all its work (a ticket is committed), and then drop the
connection without answering — the action server dying between its commit and its
reply, exactly, every time. An unreachable action server gets 502, as from nginx or a
Kubernetes Service without ready endpoints.
"""
from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

FORWARDED_HEADERS = ("Content-Type", "Content-Encoding", "X-Action-Token")


class ActionProxy:
    """``http://127.0.0.1:<port>/webhook`` → ``target`` (the action server's webhook)."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.calls: list[tuple[str, str]] = []  # (action, outcome)
        self._lose: Counter = Counter()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/webhook"

    def lose_answer_of(self, action: str, times: int = 1) -> None:
        """The next ``times`` calls of ``action`` run, but their answers never reach Rasa."""
        with self._lock:
            self._lose[action] += times

    def outcomes(self, action: str) -> list[str]:
        with self._lock:
            return [outcome for name, outcome in self.calls if name == action]

    def __enter__(self) -> ActionProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _take(self, action: str) -> bool:
        with self._lock:
            if self._lose[action] > 0:
                self._lose[action] -= 1
                return True
            return False

    def _record(self, action: str, outcome: str) -> None:
        with self._lock:
            self.calls.append((action, outcome))

    def _handler(self) -> type:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                try:
                    action = json.loads(body.decode("utf-8")).get("next_action", "?")
                except ValueError:
                    action = "?"  # compressed or not JSON: forwarded all the same
                headers = {name: self.headers[name] for name in FORWARDED_HEADERS if self.headers.get(name)}
                request = urllib.request.Request(proxy.target, data=body, headers=headers, method="POST")
                try:
                    with urllib.request.urlopen(request, timeout=120) as answer:
                        status, payload = answer.status, answer.read()
                        content_type = answer.headers.get("Content-Type", "application/json")
                except urllib.error.HTTPError as exc:
                    status, payload = exc.code, exc.read()
                    content_type = exc.headers.get("Content-Type", "application/json")
                except (urllib.error.URLError, OSError):
                    proxy._record(action, "502")
                    self._send(502, b"bad gateway: action server unreachable", "text/plain")
                    return
                if proxy._take(action):
                    proxy._record(action, "lost")
                    self.close_connection = True  # the answer is dropped: Rasa sees the connection end
                    return
                proxy._record(action, str(status))
                self._send(status, payload, content_type)

            def _send(self, status: int, payload: bytes, content_type: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: Any) -> None:
                pass

        return Handler
