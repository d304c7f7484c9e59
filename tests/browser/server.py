"""Start `streamlit run app.py` on a free localhost port and wait until it answers (browser tests, bench)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def app_server(data_dir: Path | str, log: Path, before_start: Callable[[], None] | None = None) -> Iterator[str]:
    """Yield the URL of a fresh app whose run store is ``data_dir``; its output goes to ``log``."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
               "--server.port", str(port), "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    with log.open("w") as log_file:
        server = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "TEXTLAB_DATA_DIR": str(data_dir)},
                                  stdout=log_file, stderr=subprocess.STDOUT, preexec_fn=before_start)
    url = f"http://localhost:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.read() == b"ok":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError(f"streamlit did not start:\n{log.read_text()}")
            time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)
