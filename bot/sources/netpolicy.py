"""Which addresses a feed fetch may connect to (pure; no network, no HTTP library).

Feeds are untrusted: a feed, or a redirect it answers with, must not make
policybot fetch from the machine itself, the local network or a cloud metadata
service. Every resolved address is classified here; anything not on the public
internet is refused unless ``defaults.allow_hosts`` in feeds.yaml lists the host
name, the address or a CIDR range holding it. The fetching module applies this
to every connection it opens (bot/sources/fetch.py: ``_GuardedResolver`` for host
names, ``Fetcher._check_literal`` for addresses written in a URL); config
validation applies it to literal addresses in feed URLs.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_UNIQUE_LOCAL = ipaddress.ip_network("fc00::/7")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
# What inet_aton accepts besides dotted quads: 2130706433, 0x7f000001, 0177.0.0.1, 127.1
_LEGACY_IPV4 = re.compile(r"^(0x[0-9a-f]+|[0-9]+)(\.(0x[0-9a-f]+|[0-9]+)){0,3}$", re.I)
SETTING = "defaults.allow_hosts in feeds.yaml"


@lru_cache(maxsize=4096)  # feeds share a handful of hosts; each is parsed once
def literal_address(host: str) -> IPAddress | None:
    """The address a host string denotes by itself (no DNS): dotted, IPv6 with or
    without brackets, and the decimal, octal and hex forms resolvers also accept."""
    text = host.strip().strip("[]").rstrip(".")
    try:
        return ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        pass
    if _LEGACY_IPV4.match(text):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(text))
        except OSError:
            return None
    return None


def refused_class(address: IPAddress) -> str | None:
    """Why ``address`` is not a public internet address (None when it is)."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or (
            ipaddress.IPv4Address(int(address) & 0xFFFFFFFF) if address in _NAT64 else None
        )
        if embedded is not None:
            inner = refused_class(embedded)
            return f"IPv4-mapped {inner}" if inner else None
        if address in _UNIQUE_LOCAL:
            return "IPv6 unique-local"
    checks = (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local (cloud metadata)", address.is_link_local),
        ("multicast", address.is_multicast),
        ("carrier-grade NAT", isinstance(address, ipaddress.IPv4Address) and address in _CGNAT),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
    )
    for name, hit in checks:
        if hit:
            return name
    return None if address.is_global else "non-public"


@dataclass(frozen=True)
class NetworkPolicy:
    """``allow_hosts``: host names, addresses or CIDR ranges that may be private."""

    allow_hosts: tuple[str, ...] = ()
    _names: frozenset[str] = field(init=False, repr=False)
    _networks: tuple[IPNetwork, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        names, networks = split_allow_list(self.allow_hosts)
        object.__setattr__(self, "_names", frozenset(names))
        object.__setattr__(self, "_networks", tuple(networks))

    def refusal(self, host: str, address: str | IPAddress) -> str | None:
        """The class of ``address`` when connecting to it for ``host`` is refused."""
        ip = ipaddress.ip_address(address) if isinstance(address, str) else address
        reason = refused_class(ip)
        if reason is None or _host_key(host) in self._names:
            return None
        candidates = [ip]
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            candidates.append(ip.ipv4_mapped)
        if any(c in net for c in candidates for net in self._networks if c.version == net.version):
            return None
        return reason

    def listed(self, host: str) -> bool:
        """Whether the host NAME is in allow_hosts: a server you named as your own
        (addresses and ranges there open a network, they name no server)."""
        return literal_address(host) is None and _host_key(host) in self._names

    def problem(self, host: str, address: str) -> tuple[str, str]:
        """(problem, fix) for a refused connection, naming the address and the setting."""
        reason = self.refusal(host, address) or "non-public"
        named = literal_address(host) is None
        via = f", which {host!r} resolves to" if named else ""
        also = f" (or the host name {host!r})" if named else ""
        return (
            f"refused to connect to {address} ({reason} address){via}",
            f"policybot only fetches public addresses; if this feed really is on your "
            f"network, add {address}{also} or its CIDR range to {SETTING}",
        )


def split_allow_list(items: Iterable[str]) -> tuple[list[str], list[IPNetwork]]:
    """Host names (lower-cased) and networks; raises ValueError naming a bad item."""
    names: list[str] = []
    networks: list[IPNetwork] = []
    for item in items:
        text = str(item).strip()
        if not text:
            raise ValueError("an empty entry")
        address = literal_address(text) if "/" not in text else None
        if address is not None:
            networks.append(ipaddress.ip_network(address))
        elif "/" in text:
            try:
                networks.append(ipaddress.ip_network(text.strip("[]"), strict=False))
            except ValueError as exc:
                raise ValueError(f"{text!r} is not a CIDR range ({exc})") from None
        elif re.fullmatch(r"[A-Za-z0-9_.-]+", text):
            names.append(_host_key(text))
        else:
            raise ValueError(f"{text!r} is not a host name, an address or a CIDR range")
    return names, networks


def _host_key(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()
