"""Private, loopback and link-local addresses are refused unless allowed."""

from __future__ import annotations

import ipaddress

import pytest

from wirewatch.scraper.addresses import AddressGuard, AddressRefused, ResolveFailed, is_public


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "::1", "fe80::1", "fc00::1", "0.0.0.0",
     "224.0.0.1", "::ffff:127.0.0.1"],
)  # fmt: skip
def test_non_public_addresses(address):
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["8.8.8.8", "151.101.1.1", "2a00:1450:4001::1"])
def test_public_addresses(address):
    assert is_public(ipaddress.ip_address(address))


async def test_guard_refuses_literals_unless_allowed():
    with pytest.raises(AddressRefused):
        await AddressGuard().check("127.0.0.1", 80)
    with pytest.raises(AddressRefused):
        await AddressGuard(["127.0.0.0/8"]).check("169.254.169.254", 80)
    await AddressGuard(["127.0.0.0/8"]).check("127.0.0.1", 80)
    await AddressGuard().check("8.8.8.8", 443)


async def test_localhost_name_is_refused():
    with pytest.raises(AddressRefused):
        await AddressGuard().check("localhost", 80)


async def test_unresolvable_name():
    with pytest.raises(ResolveFailed):
        await AddressGuard().check("no-such-host.invalid", 80)
