"""The hub's login: participant code (or facilitator login) and PIN, checked against the gradebook.

A JupyterHub :class:`~jupyterhub.auth.Authenticator` (the hub's extension point for logins). Every login reads
the hash from the gradebook (:func:`ikm_curriculum.serve.pins.login_matches`), so PINs issued by ``ikm cards``
while the hub runs work at once. The scrypt check runs in a thread, so 20 people logging in together do not stall
the hub. Wrong PINs are rate-limited (:mod:`ikm_curriculum.serve.rate_limit`); a locked-out try gets HTTP 429
with the wait in plain words.
"""

from __future__ import annotations

import asyncio
from typing import Any

from jupyterhub.auth import Authenticator
from tornado import web
from traitlets import Integer, Unicode, default

from ikm_curriculum.cohort.gradebook import Gradebook
from ikm_curriculum.serve.labels import serve_label
from ikm_curriculum.serve.pins import FACILITATOR, login_matches
from ikm_curriculum.serve.rate_limit import RateLimit


class PinAuthenticator(Authenticator):
    """Log in with a participant code and the PIN from the participant's card."""

    database_url = Unicode(config=True, help="SQLAlchemy URL of the ikm gradebook")
    cohort = Unicode(config=True, help="the cohort served")
    lang = Unicode("id", config=True, help="language of the messages: id or en")
    max_failures = Integer(5, config=True, help="wrong PINs in a row for one name before tries must wait")
    lockout_seconds = Integer(30, config=True, help="first wait after max_failures; doubles with each failure")

    @default("allow_all")
    def _allow_all(self) -> bool:
        return True  # only people with a PIN in the gradebook get past authenticate()

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._gradebook: Gradebook | None = None
        self.rate_limit = RateLimit(max_failures=self.max_failures, lockout=self.lockout_seconds)

    @property
    def gradebook(self) -> Gradebook:
        if self._gradebook is None:
            self._gradebook = Gradebook.open(self.database_url)
        return self._gradebook

    def normalize_username(self, username: str) -> str:
        return username.strip().lower()

    async def authenticate(self, handler: web.RequestHandler, data: dict[str, str]) -> dict[str, Any] | None:
        username = self.normalize_username(data.get("username", ""))
        pin = "".join(data.get("password", "").split())  # "482 913" as printed on the card works too
        address = handler.request.remote_ip or ""
        wait = self.rate_limit.wait_seconds(username, address)
        if wait:
            self.log.warning("login of %r from %s refused: %d s left of a lockout", username, address, wait)
            raise web.HTTPError(429, serve_label("too_many_tries", self.lang, seconds=wait))
        role = await asyncio.to_thread(login_matches, self.gradebook, self.cohort, username, pin)
        if role is None:
            self.rate_limit.failed(username, address)
            self.log.warning("wrong PIN or unknown name %r from %s", username, address)
            return None
        self.rate_limit.succeeded(username, address)
        return {"name": username, "admin": role == FACILITATOR}
