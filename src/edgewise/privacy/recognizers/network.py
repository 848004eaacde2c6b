"""EMAIL and IP_ADDRESS.

IP decision: loopback, unspecified, multicast, link-local, reserved,
broadcast and netmask-shaped addresses are infrastructure, not personal, and
are never flagged. Private ranges (10/8, 172.16/12, 192.168/16, fc00::/7) are
flagged with a lower base score: they can still pin a device in a home or
office network, so redaction errs on the side of hiding them.
"""
from __future__ import annotations

import ipaddress
import re

from .base import Recognizer

# File extensions that follow '@' in asset names such as icon@2x.png.
_FILE_TLDS = frozenset(
    "png jpg jpeg gif svg webp bmp ico js ts jsx tsx css scss py rb go rs java kt "
    "json yaml yml xml html htm md txt csv pdf zip gz tar mp3 mp4 wav mov lock "
    "swift cpp hpp log ini cfg toml sh bat exe dll so".split())


# Shared role mailboxes of an organisation (RFC 2142 and common practice).
ROLE_MAILBOXES = frozenset("""support info service services help helpdesk sales contact hello enquiries inquiries
noreply no-reply donotreply do-not-reply admin webmaster postmaster hostmaster abuse security billing
accounts press media marketing careers jobs hr privacy legal feedback customerservice cs orders""".split())


class Email(Recognizer):
    entity = "EMAIL"
    patterns = (re.compile(
        r"(?<![A-Za-z0-9._%+-])(?P<v>[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?"
        r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24})"
        # not followed by more domain, nor ':path' (git@host:org/repo)
        r"(?![A-Za-z0-9_-]|\.[A-Za-z0-9]|:[A-Za-z0-9_./~-])"),)
    context = ("email", "e-mail", "mail", "邮箱", "邮件", "电邮", "contact")
    base_score = 0.9
    code_factor = 1.0  # an address in code is still someone's address

    def validate(self, text: str) -> bool:
        local, _, domain = text.rpartition("@")
        if ".." in local or ".." in domain:
            return False
        if local.lower() in ROLE_MAILBOXES:
            return False  # support@jd.com reaches a desk, not a person
        return domain.rsplit(".", 1)[-1].lower() not in _FILE_TLDS


_V4 = re.compile(
    r"(?<![0-9A-Za-z_.-])(?P<v>(?:[0-9]{1,3}\.){3}[0-9]{1,3})"
    r"(?![0-9A-Za-z_-]|\.[0-9A-Za-z])")
_V6 = re.compile(
    r"(?<![0-9A-Za-z_:.])(?P<v>(?:[0-9A-Fa-f]{0,4}:){2,7}"
    r"(?:[0-9A-Fa-f]{1,4}|(?:[0-9]{1,3}\.){3}[0-9]{1,3})?(?:%[0-9A-Za-z]{1,15})?)"
    r"(?![0-9A-Za-z_:]|\.[0-9A-Za-z])")


def _netmask(ip: ipaddress.IPv4Address) -> bool:
    bits = int(ip)
    inverted = ~bits & 0xFFFFFFFF
    return bits != 0 and (inverted & (inverted + 1)) == 0  # ones then zeros


_WELL_KNOWN = frozenset(("8.8.8.8", "8.8.4.4", "1.1.1.1", "1.0.0.1", "9.9.9.9", "114.114.114.114", "223.5.5.5",
                         "208.67.222.222", "192.168.0.1", "192.168.1.1", "2001:4860:4860::8888"))


def ip_flaggable(text: str) -> float:
    """Base score for an address, 0 when it is not a personal one."""
    try:
        ip = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return 0.0
    if ip.version == 6 and ip.ipv4_mapped is not None:  # ::ffff:a.b.c.d
        return ip_flaggable(str(ip.ipv4_mapped))
    if (ip.is_loopback or ip.is_unspecified or ip.is_multicast or ip.is_link_local
            or ip.is_reserved):
        return 0.0
    if ip.version == 4 and (_netmask(ip) or text.startswith("255.")):
        return 0.0
    if str(ip) in _WELL_KNOWN:
        return 0.0  # public resolvers and routers' default login addresses identify no one
    if ip.version == 6:
        groups = [g for g in text.split("%")[0].split(":") if g]
        # 'a::b' or 'arr[::2]' in code: demand two groups and a decimal digit.
        if len(groups) < 2 or not any(c.isdigit() for c in text):
            return 0.0
    return 0.6 if ip.is_private else 0.8


class IpAddress(Recognizer):
    entity = "IP_ADDRESS"
    patterns = (_V4, _V6)
    context = ("ip", "ip地址", "地址", "服务器", "主机", "server", "host", "address",
               "addr", "client", "客户端", "登录", "login", "from", "ssh")
    negative = ("version", "版本", "release", "build", "ver", "v", "序号", "编号", "firmware", "固件", "upgrade", "升级",
                "python", "node", "java", "chrome", "firefox", "windows", "sdk", "api")
    code_factor = 0.5

    def candidates(self, text):
        for s, e, _ in super().candidates(text):
            base = ip_flaggable(text[s:e])
            if base > 0:
                yield s, e, base
