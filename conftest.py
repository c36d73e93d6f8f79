"""The whole suite runs offline: any test that opens a network connection fails.

The guard wraps every test item, unit tests and notebook cells alike. It blocks
``connect`` on every socket and every host-name lookup; a test marked ``localhost`` may
connect to this machine's loopback addresses only (the JupyterLab browser test).
Kernels and subprocesses are separate processes: their sockets are not watched here,
but this machine, like CI's, has no network beyond the package registries.
"""

from __future__ import annotations

import ipaddress
import socket

import pytest


class NetworkBlocked(RuntimeError):
    """Raised when code under test tries to use the network."""


def _loopback(address: object) -> bool:
    if isinstance(address, (str, bytes)):
        return True  # a Unix socket path
    host = address[0] if isinstance(address, tuple) and address else None
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except (ValueError, TypeError):
        return False


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "localhost: the test may connect to this machine's loopback addresses")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item):
    allow_loopback = item.get_closest_marker("localhost") is not None
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_getaddrinfo, real_gethostbyname = socket.getaddrinfo, socket.gethostbyname

    def guard(address: object) -> None:
        if not (allow_loopback and _loopback(address)) and not isinstance(address, (str, bytes)):
            raise NetworkBlocked(f"{item.nodeid} tried to reach {address!r}: the kit must work offline")

    def connect(self, address):
        guard(address)
        return real_connect(self, address)

    def connect_ex(self, address):
        guard(address)
        return real_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        guard((host,))
        return real_getaddrinfo(host, *args, **kwargs)

    def gethostbyname(host):
        guard((host,))
        return real_gethostbyname(host)

    socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
    socket.getaddrinfo, socket.gethostbyname = getaddrinfo, gethostbyname
    try:
        yield
    finally:
        socket.socket.connect, socket.socket.connect_ex = real_connect, real_connect_ex
        socket.getaddrinfo, socket.gethostbyname = real_getaddrinfo, real_gethostbyname
