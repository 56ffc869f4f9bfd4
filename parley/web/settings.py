"""The dashboard's settings: where it listens, the write token, page sizes.

    >>> Settings(host="0.0.0.0", token="s3cret").require_token
    True

Writes (POST/PUT/PATCH/DELETE) need the token whenever the app listens on anything but a
loopback address, and :meth:`Settings.check` refuses such a host without one.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, fields

from ..errors import ParleyError

__all__ = ["HELP", "LOOPBACK_NAMES", "TOKEN_ENV", "Settings", "is_loopback"]

TOKEN_ENV = "PARLEY_TOKEN"
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


HELP = {
    "host": "Address the server listens on.",
    "port": "Port the server listens on.",
    "token": f"Token that writes must carry (Authorization: Bearer …); default ${TOKEN_ENV}.",
    "page_size": "Articles per page of /articles.",
    "search_limit": "Search results when ?limit= is not given.",
    "refresh_seconds": "How often the page of a running ingest job reloads itself.",
    "keep_jobs": "Ingest jobs remembered (the oldest finished ones are forgotten first).",
}


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address) only reaches this machine."""
    host = host.strip("[]").lower()
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class Settings:
    """How the app is served (each field is described in :data:`HELP`)."""

    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    page_size: int = 100
    search_limit: int = 20
    refresh_seconds: int = 2
    keep_jobs: int = 100

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)

    @property
    def require_token(self) -> bool:
        """Writes need the token: always when one is set, and the app refuses to listen
        beyond loopback without one."""
        return bool(self.token) or not self.loopback

    @property
    def address(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def check(self) -> Settings:
        """Raise :class:`ParleyError` for settings the app must not run with."""
        if not self.loopback and not self.token:
            raise ParleyError(
                f"refusing to listen on {self.host}: anyone who can reach it could write to the "
                f"store. Give a token with --token or ${TOKEN_ENV} (writes must then send "
                "'Authorization: Bearer TOKEN'), or listen on 127.0.0.1"
            )
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("port", "page_size", "search_limit", "refresh_seconds", "keep_jobs"):
                if not isinstance(value, int) or value < (0 if f.name == "port" else 1):
                    raise ParleyError(f"setting {f.name} must be a positive integer (not {value!r})")
        return self
