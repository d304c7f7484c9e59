"""Serving a class: the Streamlit command line, the link students open, and its QR code.

Nothing here sends network traffic: the LAN address is read from the machine's network interfaces.
"""

from __future__ import annotations

import io
import ipaddress
import sys
from collections.abc import Sequence
from pathlib import Path

import ifaddr
import segno

APP = Path(__file__).resolve().parents[1] / "app.py"
DEFAULT_PORT = 8501
LOCALHOST = "localhost"
ALL_INTERFACES = "0.0.0.0"
LOOPBACK = "127.0.0.1"
# Interfaces of containers and virtual machines on a teacher's laptop: their addresses look local, but
# no student's device is on those networks, so they come after the real ones.
VIRTUAL_INTERFACES = ("docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "cni", "flannel", "tun", "tap")


def lan_addresses(adapters: Sequence[ifaddr.Adapter] | None = None) -> list[str]:
    """This machine's IPv4 addresses other students' devices may reach, most likely first.

    Private addresses (a school's network) before others, real interfaces before virtual ones;
    loopback and link-local addresses are left out.
    """
    found = []
    for adapter in ifaddr.get_adapters() if adapters is None else adapters:
        virtual = adapter.nice_name.startswith(VIRTUAL_INTERFACES)
        for ip in adapter.ips:
            if not ip.is_IPv4:
                continue
            address = ipaddress.ip_address(ip.ip)
            if not (address.is_loopback or address.is_link_local or address.is_unspecified):
                found.append((virtual, not address.is_private, str(address)))
    return [address for *_, address in sorted(found, key=lambda entry: entry[:2])]


def lan_address() -> str:
    """The likeliest of ``lan_addresses``, or 127.0.0.1 when the machine is on no network."""
    return next(iter(lan_addresses()), LOOPBACK)


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
