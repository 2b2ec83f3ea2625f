"""Which hosts the scraper may connect to: public addresses, plus the networks the settings allow.

A feed URL pointing at 127.0.0.1, 10.x, 169.254.x (cloud metadata) and the like is refused,
so a hostile feed cannot turn the scraper against the network it runs in.
Known gap: the name is resolved here and again by the HTTP client, so a DNS answer that
changes in between (rebinding) is only caught after connecting, when the fetcher checks the
peer address (``fetch.peer_address``) and discards the answer.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable

from wirewatch.core.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class AddressRefused(FetchError):
    """The host resolves to an address the scraper must not contact."""


class ResolveFailed(FetchError):
    """The host name could not be resolved."""


def is_public(address: IPAddress) -> bool:
    """True unless the address is private, loopback, link-local, multicast, reserved or unspecified."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


class AddressGuard:
    """Resolve a host and refuse it when any of its addresses is non-public and not allowed."""

    def __init__(self, allowed: Iterable[str] = ()) -> None:
        self._allowed: tuple[IPNetwork, ...] = tuple(ipaddress.ip_network(n, strict=False) for n in allowed)

    def permitted(self, address: IPAddress) -> bool:
        """Whether the scraper may connect to ``address``."""
        return is_public(address) or any(address in net for net in self._allowed)

    async def check(self, host: str, port: int) -> None:
        """Raise ``AddressRefused`` or ``ResolveFailed``; return when every address of ``host`` is fine."""
        for address in await _resolve(host, port):
            if not self.permitted(address):
                raise AddressRefused(f"{host} resolves to {address}, a non-public address")


async def _resolve(host: str, port: int) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise ResolveFailed(f"cannot resolve {host}: {exc}") from None
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
