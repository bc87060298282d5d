"""PINs: random, stored only as scrypt hashes, checked at login; bad names refused with a clear message."""

from __future__ import annotations

import hashlib

import pytest

from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.serve.pins import (
    ADMIN_ALPHABET,
    FACILITATOR,
    PARTICIPANT,
    check_username,
    hash_pin,
    hub_users,
    issue_logins,
    login_matches,
    new_admin_password,
    new_pin,
    pin_matches,
)


def test_pins_are_six_digits_and_vary() -> None:
    pins = {new_pin() for _ in range(200)}
    assert all(len(p) == 6 and p.isdigit() for p in pins)
    assert len(pins) > 190  # 200 draws from 10^6 values: a repeat or two at most (birthday bound ≈ 0.02)


def test_admin_passwords_avoid_confusable_characters() -> None:
    password = new_admin_password()
    assert len(password) == 12 and set(password) <= set(ADMIN_ALPHABET)
    assert not set("01ilo") & set(ADMIN_ALPHABET)


def test_hash_is_scrypt_of_the_pin_with_its_salt() -> None:
    """Recomputed with hashlib.scrypt directly (RFC 7914 parameters as stored), not through pin_matches."""
    stored = hash_pin("482913")
    name, n, r, p, salt, digest = stored.split("$")
    expected = hashlib.scrypt(b"482913", salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32)
    assert name == "scrypt" and digest == expected.hex()
    assert hash_pin("482913") != stored  # a fresh salt each time


@pytest.mark.parametrize("stored", ["", "plain$123456", "scrypt$x$8$1$00$00", "scrypt$16384$8$1$zz$00"])
def test_malformed_hash_never_matches(stored: str) -> None:
    assert not pin_matches("123456", stored)


@pytest.mark.parametrize("name", ["", "Siti", "1abc", "a b", "siti_rahma", "a" * 32])
def test_bad_login_names_are_refused_with_the_rule(name: str) -> None:
    with pytest.raises(WorkspaceError, match="lowercase letters, digits and '-'"):
        check_username(name)


def test_issued_pins_log_in_and_only_hashes_are_stored(workspace, cohort) -> None:
    gradebook = workspace.gradebook()
    issued = issue_logins(gradebook, cohort, admins=["fasilitator"])
    people = [x for x in issued if x.role == PARTICIPANT]
    assert len(people) == 3 and issued[-1].role == FACILITATOR and issued[-1].username == "fasilitator"
    first = people[0]
    assert login_matches(gradebook, cohort, first.username, first.pin) == PARTICIPANT
    assert login_matches(gradebook, cohort, "fasilitator", issued[-1].pin) == FACILITATOR
    wrong = f"{(int(first.pin) + 1) % 10**6:06d}"
    assert login_matches(gradebook, cohort, first.username, wrong) is None
    assert login_matches(gradebook, cohort, "nobody-here", first.pin) is None
    gradebook.dispose()
    data = b"".join(path.read_bytes() for path in workspace.root.glob("ikm.db*"))  # the file and any WAL left
    for login in issued:
        assert login.pin.encode() not in data


def test_reissuing_one_participant_changes_only_theirs(workspace, cohort) -> None:
    gradebook = workspace.gradebook()
    first = issue_logins(gradebook, cohort)
    again = issue_logins(gradebook, cohort, participants=[first[0].username])
    assert [x.username for x in again] == [first[0].username]
    assert login_matches(gradebook, cohort, first[0].username, first[0].pin) is None or again[0].pin == first[0].pin
    assert login_matches(gradebook, cohort, first[0].username, again[0].pin) == PARTICIPANT
    assert login_matches(gradebook, cohort, first[1].username, first[1].pin) == PARTICIPANT
    assert hub_users(gradebook, cohort).participants == tuple(x.username for x in first)
    gradebook.dispose()


def test_unknown_participant_or_clashing_admin_stores_nothing(workspace, cohort) -> None:
    gradebook = workspace.gradebook()
    with pytest.raises(WorkspaceError, match="no participant bukan-peserta"):
        issue_logins(gradebook, cohort, participants=["bukan-peserta"])
    code = hub_users(gradebook, cohort).participants  # nothing issued yet
    assert code == ()
    from ikm_curriculum.cohort.gradebook import Participant

    with gradebook.session() as session:
        someone = session.query(Participant).first().code
    with pytest.raises(WorkspaceError, match="already a participant's code"):
        issue_logins(gradebook, cohort, admins=[someone])
    assert hub_users(gradebook, cohort).participants == ()
    gradebook.dispose()
