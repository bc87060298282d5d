"""Rate limit of wrong PINs at the hub's login page.

A 6-digit PIN has a million values; what keeps guessing useless is that wrong tries cost time. After
``max_failures`` wrong PINs in a row for one login name, or ``4 × max_failures`` from one address, further tries
wait ``lockout`` seconds, doubling with each further failure up to ``max_lockout`` (exponential back-off, as in
OWASP's Authentication Cheat Sheet, "Account lockout"). A right PIN clears the name's count and the address's.
Counts live in the hub's memory: a restart of the hub forgets them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable


@dataclass
class _Failures:
    count: int = 0
    last: float = 0.0


@dataclass
class RateLimit:
    """Failure counts per login name and per client address.

    >>> clock = [0.0]
    >>> limit = RateLimit(max_failures=2, lockout=30, clock=lambda: clock[0])
    >>> limit.failed("siti", "10.0.0.5"); limit.wait_seconds("siti", "10.0.0.5")
    0
    >>> limit.failed("siti", "10.0.0.5"); limit.wait_seconds("siti", "10.0.0.5")
    30
    >>> clock[0] = 31.0; limit.wait_seconds("siti", "10.0.0.5")
    0
    """

    max_failures: int = 5
    lockout: int = 30
    max_lockout: int = 900
    per_address_factor: int = 4
    clock: Callable[[], float] = time.monotonic
    _by_name: dict[str, _Failures] = field(default_factory=dict)
    _by_address: dict[str, _Failures] = field(default_factory=dict)

    def _wait(self, failures: _Failures | None, allowed: int) -> int:
        if failures is None or failures.count < allowed:
            return 0
        delay = min(self.lockout * 2 ** (failures.count - allowed), self.max_lockout)
        return max(0, int(round(failures.last + delay - self.clock())))

    def wait_seconds(self, username: str, address: str) -> int:
        """Seconds before ``username`` may try again from ``address`` (0: now)."""
        return max(
            self._wait(self._by_name.get(username), self.max_failures),
            self._wait(self._by_address.get(address), self.max_failures * self.per_address_factor),
        )

    def failed(self, username: str, address: str) -> None:
        now = self.clock()
        for table, key in ((self._by_name, username), (self._by_address, address)):
            entry = table.setdefault(key, _Failures())
            entry.count += 1
            entry.last = now

    def succeeded(self, username: str, address: str) -> None:
        self._by_name.pop(username, None)
        self._by_address.pop(address, None)
