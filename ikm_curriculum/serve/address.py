"""The address participants type (or scan): this machine's address on the training room's network."""

from __future__ import annotations

import socket

DEFAULT_PORT = 8000


def lan_ip() -> str:
    """The IPv4 address of the interface that would carry traffic out (no packet is sent); 127.0.0.1 offline.

    A UDP ``connect`` only picks a route, so this works without internet as long as the machine has a network
    (the training room's Wi-Fi router is enough).
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"


def hub_url(host: str = "0.0.0.0", port: int = DEFAULT_PORT) -> str:
    """The address to give participants for a hub listening on ``host:port`` (``0.0.0.0`` = every interface)."""
    shown = lan_ip() if host in ("", "0.0.0.0") else host
    return f"http://{shown}:{port}/"


def login_url(base_url: str, username: str) -> str:
    """The hub's login page with the name filled in (what a card's QR code holds).

    >>> login_url("http://192.168.1.10:8000/", "siti-rahmawati-3f2a")
    'http://192.168.1.10:8000/hub/login?username=siti-rahmawati-3f2a'
    """
    return f"{base_url.rstrip('/')}/hub/login?username={username}"
