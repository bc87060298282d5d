"""Wrong PINs: a wait after 5 in a row for one name (or 20 from one address), doubling, capped; a right PIN clears."""

from __future__ import annotations

from ikm_curriculum.serve.rate_limit import RateLimit


def _limit() -> tuple[RateLimit, list[float]]:
    clock = [1000.0]
    return RateLimit(max_failures=5, lockout=30, max_lockout=900, clock=lambda: clock[0]), clock


def test_five_wrong_pins_lock_the_name_then_the_wait_doubles_and_is_capped() -> None:
    limit, clock = _limit()
    for _ in range(4):
        limit.failed("siti", "10.0.0.5")
    assert limit.wait_seconds("siti", "10.0.0.5") == 0
    limit.failed("siti", "10.0.0.5")
    assert limit.wait_seconds("siti", "10.0.0.5") == 30  # 5th failure: 30 s
    assert limit.wait_seconds("siti", "10.0.0.9") == 30  # the name is locked from any address
    assert limit.wait_seconds("hamzah", "10.0.0.9") == 0  # others are not
    clock[0] += 30
    limit.failed("siti", "10.0.0.5")
    assert limit.wait_seconds("siti", "10.0.0.5") == 60  # 6th: 30 × 2
    for _ in range(10):
        limit.failed("siti", "10.0.0.5")
    assert limit.wait_seconds("siti", "10.0.0.5") == 900  # capped at max_lockout


def test_one_address_trying_many_names_is_locked_too() -> None:
    limit, _ = _limit()
    for i in range(20):
        limit.failed(f"name-{i}", "10.0.0.66")  # one wrong PIN each: no name reaches 5
    assert limit.wait_seconds("name-99", "10.0.0.66") == 30
    assert limit.wait_seconds("name-99", "10.0.0.67") == 0


def test_a_right_pin_clears_the_count() -> None:
    limit, _ = _limit()
    for _ in range(4):
        limit.failed("siti", "10.0.0.5")
    limit.succeeded("siti", "10.0.0.5")
    limit.failed("siti", "10.0.0.5")
    assert limit.wait_seconds("siti", "10.0.0.5") == 0
