"""Serving a class: the Streamlit command line, the link students open, and its QR code.

Nothing here sends network traffic: the LAN address is read from the operating system's
routing choice for a private address (a UDP ``connect`` sends no packet).
"""

from __future__ import annotations

import io
import socket
import sys
from pathlib import Path

import segno

APP = Path(__file__).resolve().parents[1] / "app.py"
DEFAULT_PORT = 8501
LOCALHOST = "localhost"
ALL_INTERFACES = "0.0.0.0"
# Any private address works: connect() on a UDP socket only picks the outgoing interface.
_PRIVATE_PROBE = ("10.254.254.254", 9)


def lan_address() -> str:
    """This machine's address on the local network, or 127.0.0.1 when it has none."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(_PRIVATE_PROBE)
            address = probe.getsockname()[0]
        except OSError:  # no network interface with a route: only this machine can connect
            return "127.0.0.1"
    return address if address != ALL_INTERFACES else "127.0.0.1"


def streamlit_command(port: int = DEFAULT_PORT, lan: bool = False, app: Path = APP) -> list[str]:
    """``streamlit run app.py`` on ``port``: every interface with ``lan``, else this machine only."""
    return [sys.executable, "-m", "streamlit", "run", str(app),
            "--server.address", ALL_INTERFACES if lan else LOCALHOST,
            "--server.port", str(port),
            "--server.headless", "true",
            # Set explicitly so a config file or environment variable cannot switch them off for a class.
            "--server.enableXsrfProtection", "true",
            "--server.enableCORS", "true",
            "--server.enableStaticServing", "false",
            "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none"]


def student_link(port: int = DEFAULT_PORT, lan: bool = False) -> str:
    """The address students type or scan."""
    return f"http://{lan_address() if lan else LOCALHOST}:{port}"


def qr_code(link: str) -> str:
    """``link`` as a QR code drawn with block characters, for a terminal."""
    text = io.StringIO()
    segno.make(link, error="m").terminal(out=text, compact=True)
    return text.getvalue()
