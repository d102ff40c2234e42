"""The hub as a real server for the tests: `papi-desktop serve` in its own process on loopback, and a
TCP proxy in front of it that cuts connections (a rural link that keeps dropping)."""

from __future__ import annotations

import contextlib
import json
import os
import random
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from sync_world import PASS

ROOT = Path(__file__).resolve().parents[1]


class HubProcess:
    """`papi-desktop --data-dir DIR serve --port 0`: the URL it prints, a restart on the same port."""

    def __init__(self, data_dir: Path, port: int = 0, extra: list[str] | None = None,
                 db_url: str | None = None) -> None:
        self.data_dir, self.port, self.extra, self.db_url = data_dir, port, extra or [], db_url
        self.proc: subprocess.Popen[str] | None = None
        self.url = ""
        self.start()

    @property
    def stderr_path(self) -> Path:
        return self.data_dir.parent / f"{self.data_dir.name}-hub-stderr.log"

    def start(self) -> None:
        env = {**os.environ, "HUB_PASS": PASS, "PYTHONPATH": str(ROOT)}
        # stderr to a file: a pipe nobody reads fills up and stops the server
        with self.stderr_path.open("ab") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "papi_desktop", "--data-dir", str(self.data_dir),
                 *(["--db", self.db_url] if self.db_url else []), "serve", "--host",
                 "127.0.0.1", "--port", str(self.port), "--passphrase-env", "HUB_PASS", *self.extra],
                stdout=subprocess.PIPE, stderr=err, env=env)
        line = self._first_line(120)
        info = json.loads(line)
        self.port, self.url = int(info["port"]), str(info["url"])

    def _first_line(self, timeout: float) -> bytes:
        assert self.proc is not None and self.proc.stdout is not None
        ready, _w, _x = select.select([self.proc.stdout], [], [], timeout)
        line = self.proc.stdout.readline() if ready else b""
        if not line:
            self.proc.kill()
            self._reap()
            raise RuntimeError(f"the hub did not start: {self.stderr_path.read_text(errors='replace')[-3000:]}")
        return line

    def _reap(self) -> None:
        assert self.proc is not None
        self.proc.wait(30)
        if self.proc.stdout is not None:
            self.proc.stdout.close()

    def kill(self) -> None:
        """SIGKILL: a power cut on the province server."""
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.send_signal(signal.SIGKILL)
            self._reap()

    def stop(self) -> str:
        """A clean stop; returns what the server wrote to stderr."""
        if self.proc is None:
            return ""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self._reap()
        return self.stderr_path.read_text(errors="replace")

    def restart(self) -> None:
        self.kill()
        self.start()


class CuttingProxy:
    """Forwards loopback TCP to the hub; a connection is cut once it has carried `cut_every` bytes from
    the client (or a random amount below it, with `jitter`). `sent` counts every byte the client got
    through to the hub."""

    def __init__(self, upstream_port: int, cut_every: int | None = None, jitter: bool = False,
                 seed: int = 7, least: int = 1) -> None:
        self.upstream_port, self.cut_every, self.jitter, self.least = upstream_port, cut_every, jitter, least
        self.random = random.Random(seed)
        self.sent = 0
        self.cuts = 0
        self.connections = 0
        self._lock = threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._stop = True
        self.listener.close()

    def _accept(self) -> None:
        while not self._stop:
            try:
                client, _addr = self.listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=10)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self.connections += 1
                budget = None
                if self.cut_every is not None:
                    budget = self.random.randint(self.least, self.cut_every) if self.jitter else self.cut_every
            threading.Thread(target=self._pump, args=(client, upstream, budget), daemon=True).start()

    def _pump(self, client: socket.socket, upstream: socket.socket, budget: int | None) -> None:
        carried = 0
        socks = [client, upstream]
        try:
            while True:
                readable, _w, _x = select.select(socks, [], [], 60)
                if not readable:
                    return
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    if sock is client:
                        if budget is not None and carried + len(data) >= budget:
                            data = data[: budget - carried]
                            upstream.sendall(data)
                            with self._lock:
                                self.sent += len(data)
                                self.cuts += 1
                            return
                        carried += len(data)
                        with self._lock:
                            self.sent += len(data)
                        upstream.sendall(data)
                    else:
                        client.sendall(data)
        except OSError:
            return
        finally:
            for sock in socks:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()


def wait_until(check, timeout: float = 30.0) -> bool:  # noqa: ANN001
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.05)
    return False
