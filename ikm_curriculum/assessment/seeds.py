"""Per-participant random generators derived from the cohort secret.

seed = first 8 bytes of HMAC-SHA256(cohort secret, "participant_id|exercise_id")
(RFC 2104 HMAC with SHA-256, FIPS 180-4), read as a big-endian integer. The same
secret, participant and exercise always give the same variant; without the
secret, which stays in the gradebook, a participant cannot compute anyone's
variant or key.
"""

from __future__ import annotations

import hashlib
import hmac

import numpy as np


def seed_for(secret: str, participant_id: str, exercise_id: str) -> int:
    """The integer seed of one participant's variant of one exercise.

    >>> seed_for("s3cret", "p1", "mutu.x") == seed_for("s3cret", "p1", "mutu.x")
    True
    >>> seed_for("s3cret", "p1", "mutu.x") != seed_for("s3cret", "p2", "mutu.x")
    True
    """
    message = f"{participant_id}|{exercise_id}".encode()
    digest = hmac.new(secret.encode(), message, hashlib.sha256).digest()
    return int.from_bytes(digest[:8], "big")


def rng_for(secret: str, participant_id: str, exercise_id: str) -> np.random.Generator:
    """A numpy random generator seeded by :func:`seed_for`."""
    return np.random.default_rng(seed_for(secret, participant_id, exercise_id))
