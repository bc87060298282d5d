"""PINs of ``ikm serve``: issued once (printed on a login card), kept only as a salted hash in the gradebook.

A participant logs in with their participant code and a 6-digit PIN; a facilitator (a hub admin) with a
12-character password. The hash is scrypt (RFC 7914, Python's :func:`hashlib.scrypt`) with a random 16-byte salt:
a copied gradebook does not give the PINs away without work, and the hub's rate limit
(:mod:`ikm_curriculum.serve.rate_limit`) keeps guessing at the login page slow.

Issuing again replaces the old PIN (a lost card): the old one stops working at once, even while the hub runs,
because the hub reads the hash from the gradebook at every login.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import select

from ikm_curriculum.cohort.gradebook import Gradebook, HubLogin, Participant, utcnow
from ikm_curriculum.errors import WorkspaceError

PIN_DIGITS = 6
ADMIN_PASSWORD_CHARS = 12
ADMIN_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read off a card without mistakes
PARTICIPANT = "participant"
FACILITATOR = "facilitator"
DEFAULT_ADMIN = "fasilitator"
USERNAME_PATTERN = re.compile(r"^[a-z][a-z0-9-]{0,30}$")  # also a valid Linux user name (``--create-users``)

# scrypt cost (RFC 7914 §2: N = CPU/memory cost, r = block size, p = parallelism); 16 MiB and ~50 ms per check here.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


@dataclass(frozen=True)
class IssuedLogin:
    """A login just issued: what goes on the card. ``pin`` exists only in this object, never in the gradebook."""

    username: str
    role: str
    pin: str
    nama: str = ""
    sentra: str = ""


def new_pin() -> str:
    """A random 6-digit PIN (leading zeros kept), from the operating system's CSPRNG."""
    return f"{secrets.randbelow(10**PIN_DIGITS):0{PIN_DIGITS}d}"


def new_admin_password() -> str:
    """A random 12-character password for a facilitator, from letters and digits that cannot be confused."""
    return "".join(secrets.choice(ADMIN_ALPHABET) for _ in range(ADMIN_PASSWORD_CHARS))


def hash_pin(pin: str) -> str:
    """``scrypt$N$r$p$<salt hex>$<hash hex>`` of ``pin`` with a fresh salt (RFC 7914).

    >>> stored = hash_pin("123456")
    >>> stored.startswith("scrypt$16384$8$1$"), pin_matches("123456", stored), pin_matches("123457", stored)
    (True, True, False)
    """
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    """Whether ``pin`` hashes to ``stored`` (constant-time comparison); False for a malformed ``stored``."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return False
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt, expected = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
        digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=len(expected))
    except ValueError:
        return False
    return hmac.compare_digest(digest, expected)


def check_username(username: str, what: str = "login name") -> str:
    """``username`` if it is a lowercase login name of 1–31 characters starting with a letter; else a clear error."""
    if not USERNAME_PATTERN.match(username):
        raise WorkspaceError(
            f"{what} {username!r}: expected lowercase letters, digits and '-', starting with a letter, "
            "at most 31 characters"
        )
    return username


def issue_logins(
    gradebook: Gradebook,
    cohort: str,
    participants: list[str] | None = None,
    admins: list[str] | None = None,
) -> list[IssuedLogin]:
    """New PINs for the cohort's participants (all, or the codes in ``participants``) and new passwords for
    the facilitator logins in ``admins``; the hashes replace any earlier ones in one transaction.

    Returns the participants' logins in roster order, then the admins'. An unknown participant code is an error
    that names it and lists none of the PINs (nothing is stored). A name given twice gets one PIN.
    """
    participants = list(dict.fromkeys(participants)) if participants is not None else None
    admins = list(dict.fromkeys(admins or []))
    issued: list[IssuedLogin] = []
    with gradebook.transaction() as session:
        row = gradebook.cohort(session, cohort)
        people = list(row.participants)
        if participants is not None:
            known = {p.code: p for p in people}
            unknown = [code for code in participants if code not in known]
            if unknown:
                raise WorkspaceError(f"cohort {cohort!r} has no participant {', '.join(unknown)}")
            people = [known[code] for code in participants]
        existing = {
            login.username: login for login in session.scalars(select(HubLogin).where(HubLogin.cohort_id == row.id))
        }
        wanted: list[tuple[str, str, Participant | None, str]] = [
            (check_username(p.code, f"participant code of {p.nama}"), PARTICIPANT, p, new_pin()) for p in people
        ]
        for admin in admins:
            if admin in {p.code for p in row.participants}:
                raise WorkspaceError(f"facilitator login {admin!r} is already a participant's code in {cohort!r}")
            wanted.append((check_username(admin, "facilitator login"), FACILITATOR, None, new_admin_password()))
        for username, role, person, pin in wanted:
            login = existing.get(username)
            if login is None:
                login = HubLogin(cohort_id=row.id, username=username, role=role)
                session.add(login)
            login.role = role
            login.participant_id = person.id if person is not None else None
            login.pin_hash = hash_pin(pin)
            login.issued_at = utcnow()
            nama, sentra = (person.nama, person.sentra) if person is not None else ("", "")
            issued.append(IssuedLogin(username, role, pin, nama, sentra))
    return issued


@dataclass(frozen=True)
class HubUsers:
    """Who may log in to a cohort's hub: participant codes (roster order) and facilitator logins."""

    participants: tuple[str, ...]
    admins: tuple[str, ...]


def hub_users(gradebook: Gradebook, cohort: str) -> HubUsers:
    """The logins issued for ``cohort`` (by ``ikm cards``), participants in roster order."""
    with gradebook.session() as session:
        row = gradebook.cohort(session, cohort)
        logins = session.scalars(select(HubLogin).where(HubLogin.cohort_id == row.id)).all()
        order = {p.code: p.roster_row for p in row.participants}
    participants = sorted((x.username for x in logins if x.role == PARTICIPANT), key=lambda code: order.get(code, 0))
    admins = sorted(x.username for x in logins if x.role == FACILITATOR)
    return HubUsers(tuple(participants), tuple(admins))


def login_matches(gradebook: Gradebook, cohort: str, username: str, pin: str) -> str | None:
    """The role of ``username`` if ``pin`` is theirs in ``cohort``; None otherwise (unknown name or wrong PIN).

    An unknown name still costs one scrypt, so the time taken does not tell which names exist.
    """
    with gradebook.session() as session:
        row = gradebook.cohort(session, cohort)
        login = session.scalar(select(HubLogin).where(HubLogin.cohort_id == row.id, HubLogin.username == username))
    if login is None:
        pin_matches(pin, _decoy_hash())
        return None
    return login.role if pin_matches(pin, login.pin_hash) else None


@functools.cache
def _decoy_hash() -> str:
    return hash_pin("decoy")
