"""Real servers for reliability tests: a ``chroma run`` process and a token-checking proxy.

Chroma 1.5's server (the Rust ``chroma run``) has no token authentication of its own, so a
deployment puts a proxy in front of it that checks ``Authorization: Bearer <token>``. The proxy
here does exactly that and records the headers it saw, so a test can check what the client sent.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, process: subprocess.Popen | None, log: Path | None,
                  timeout_s: float = 90) -> None:
    deadline = time.time() + timeout_s
    while True:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            if (process is not None and process.poll() is not None) or time.time() > deadline:
                raise RuntimeError(f"{url} did not come up: "
                                   + (log.read_text()[-3000:] if log and log.exists() else ""))
            time.sleep(0.2)


class ChromaServer:
    """``chroma run`` on 127.0.0.1 and a free port; stopped by its PID."""

    def __init__(self, folder: Path) -> None:
        self.port = free_port()
        self.log_path = folder / "chroma.log"
        chroma = Path(sys.executable).with_name("chroma")
        with open(self.log_path, "w") as log:  # the child keeps its own copy of the descriptor
            self.process = subprocess.Popen(
                [str(chroma), "run", "--path", str(folder / "chroma-server"), "--host",
                 "127.0.0.1", "--port", str(self.port)], stdout=log, stderr=subprocess.STDOUT,
                env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
        wait_for_http(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", self.process,
                      self.log_path)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


class TokenProxy:
    """Forwards HTTP to ``upstream_port`` only when ``Authorization: Bearer <token>`` is sent;
    answers 401 otherwise. ``seen`` holds the Authorization header of every request."""

    def __init__(self, upstream_port: int, token: str) -> None:
        self.seen: list[str | None] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def _forward(self) -> None:
                auth = self.headers.get("Authorization")
                proxy.seen.append(auth)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                if auth != f"Bearer {token}":
                    payload = b'{"error":"Unauthorized","message":"missing or wrong token"}'
                    self.send_response(401)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                upstream = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=60)
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() not in ("host", "authorization", "connection")}
                upstream.request(self.command, self.path, body=body, headers=headers)
                response = upstream.getresponse()
                data = response.read()
                self.send_response(response.status)
                for key, value in response.getheaders():
                    if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                upstream.close()

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _forward

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
