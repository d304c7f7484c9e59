"""python -m textlab serve: the Streamlit arguments, the link and QR code, and a real server on 127.0.0.1."""

from __future__ import annotations

import ipaddress
import os
import signal
import subprocess
import sys
import time
import urllib.request

import ifaddr
import pytest

from tests.browser.server import ROOT, free_port
from textlab import cli, serving


def option(command: list[str], name: str) -> str:
    return command[command.index(name) + 1]


def test_default_command_listens_on_this_machine_only():
    command = serving.streamlit_command(8600)
    assert command[:4] == [sys.executable, "-m", "streamlit", "run"]
    assert command[4] == str(serving.APP) and serving.APP.exists()
    assert option(command, "--server.address") == "localhost"
    assert option(command, "--server.port") == "8600"
    assert option(command, "--server.enableXsrfProtection") == "true"
    assert option(command, "--server.enableStaticServing") == "false"


def test_lan_command_listens_on_every_interface():
    assert option(serving.streamlit_command(8600, lan=True), "--server.address") == "0.0.0.0"


def test_lan_address_is_an_ipv4_address():
    address = ipaddress.ip_address(serving.lan_address())
    assert address.version == 4 and not address.is_unspecified


def _adapter(name: str, *addresses: str | tuple) -> ifaddr.Adapter:
    ips = [ifaddr.IP(address, 24 if isinstance(address, str) else 64, name) for address in addresses]
    return ifaddr.Adapter(name, name, ips)


def test_lan_addresses_put_the_schools_network_first_and_leave_out_what_no_student_reaches():
    adapters = [_adapter("lo", "127.0.0.1", ("::1", 0, 0)), _adapter("docker0", "172.17.0.1"),
                _adapter("eth1", "169.254.10.2"), _adapter("wlan0", "192.168.1.20", ("fe80::1", 0, 2)),
                _adapter("eth0", "150.162.4.7")]
    assert serving.lan_addresses(adapters) == ["192.168.1.20", "150.162.4.7", "172.17.0.1"]
    assert serving.lan_addresses([_adapter("lo", "127.0.0.1")]) == []


def test_a_machine_on_no_network_serves_itself(monkeypatch):
    monkeypatch.setattr(serving.ifaddr, "get_adapters", lambda: [_adapter("lo", "127.0.0.1")])
    assert serving.lan_address() == "127.0.0.1"
    assert serving.student_link(8600, lan=True) == "http://127.0.0.1:8600"


def test_student_link():
    assert serving.student_link(8600) == "http://localhost:8600"
    assert serving.student_link(8600, lan=True) == f"http://{serving.lan_address()}:8600"


def test_qr_code_is_a_square_of_block_characters():
    lines = serving.qr_code("http://192.168.1.20:8501").splitlines()
    assert len(lines) > 10
    assert len({len(line) for line in lines}) == 1  # every row as wide as the others
    assert set("".join(lines)) <= set("█▀▄ ")


@pytest.mark.parametrize("lang, words", [("en", "Students open"), ("pt", "Os alunos abrem")])
def test_banner_has_the_link_and_qr_code_in_the_users_language(lang, words):
    banner = cli.serve_banner("http://10.0.0.5:8501", lan=True, lang=lang)
    assert f"{words}: http://10.0.0.5:8501" in banner
    assert serving.qr_code("http://10.0.0.5:8501") in banner
    assert "TEXTLAB_MAX_JOBS" in banner


def test_banner_names_the_machines_other_links():
    banner = cli.serve_banner("http://192.168.1.20:8501", lan=True, lang="pt",
                              other_links=["http://172.17.0.1:8501"])
    assert "Se esse endereço não abrir nos dispositivos dos alunos, tente: http://172.17.0.1:8501" in banner
    assert "tente" not in cli.serve_banner("http://192.168.1.20:8501", lan=True, lang="pt")


def test_bad_port_is_a_one_line_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["serve", "--port", "70000", "--lang", "pt"])
    assert exit_info.value.code == cli.USAGE_ERROR
    assert "uma porta é um número inteiro de 1 a 65535, não 70000" in capsys.readouterr().err


def test_serve_starts_a_server_that_answers_on_localhost(tmp_path):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "textlab", "serve", "--port", str(port)], cwd=ROOT,
                              env={**os.environ, "TEXTLAB_DATA_DIR": str(tmp_path)},
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        banner = [server.stdout.readline() for _ in range(4)]
        assert banner[0].strip() == f"Students open: http://localhost:{port}"
        assert "█" in banner[1]  # the QR code follows the link
        deadline, body = time.monotonic() + 60, b""
        while body != b"ok" and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                    body = response.read()
            except OSError:
                time.sleep(0.3)
        assert body == b"ok"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.communicate(timeout=20)
