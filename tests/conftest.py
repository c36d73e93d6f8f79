"""Shared fixtures. Every test runs with the network blocked: the kit must work offline."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

import kit

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
SEEDS = REPO / "seeds"


class NetworkBlocked(RuntimeError):
    """Raised when code under test tries to reach another machine."""


def _is_local(address: object) -> bool:
    if isinstance(address, (str, bytes)) and not isinstance(address, tuple):
        return True  # a Unix socket path
    host = address[0] if isinstance(address, tuple) else address
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that connects to, or looks up, a host other than this machine."""
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def guard(address: object) -> None:
        if not _is_local(address):
            raise NetworkBlocked(f"test tried to reach {address!r}: the kit must work offline")

    def connect(self: socket.socket, address: object) -> None:
        guard(address)
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: object) -> int:
        guard(address)
        return real_connect_ex(self, address)

    def getaddrinfo(host: object, *args: object, **kwargs: object):
        guard((host,))
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture(scope="session")
def seeds() -> kit.Corpus:
    """The bundled seed corpus, loaded once (tests must not modify it)."""
    return kit.load_corpus()


def read_raw(path: Path) -> str:
    """Return a file's text exactly as the kit reads it."""
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()
