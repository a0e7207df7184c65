"""Schedule slots: parsing, DST in both directions, restarts and clock jumps (injected clock)."""

from datetime import UTC, datetime, timedelta

import pytest

from briefing.slots import due_slot, latest_slot, next_slot, parse_every, time_zone

NY = time_zone("America/New_York")


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def test_parse_specs():
    assert parse_every("monday at 07:00").days == {0}
    assert parse_every("weekday at 08:00").days == {0, 1, 2, 3, 4}
    assert parse_every("day at 06:30").days == set(range(7))
    assert parse_every("Monday, Thursday at 7:05").days == {0, 3}
    assert parse_every("6 hours").interval == 21600
    for bad in ("someday at 07:00", "monday at 25:00", "monday 07:00", "5 seconds", ""):
        with pytest.raises(ValueError):
            parse_every(bad)
    with pytest.raises(ValueError, match="unknown time zone"):
        time_zone("Mars/Olympus")


def test_weekly_slot_is_local_time_across_dst():
    every = parse_every("monday at 07:00")
    summer = latest_slot(every, NY, utc(2026, 7, 6, 12))
    winter = latest_slot(every, NY, utc(2026, 12, 7, 13))
    assert summer.due == utc(2026, 7, 6, 11)  # 07:00 EDT
    assert winter.due == utc(2026, 12, 7, 12)  # 07:00 EST
    assert next_slot(every, NY, utc(2026, 7, 6, 12)).key == "2026-07-13T07:00"


def hourly_walk(every, start, hours, last_done=None):
    """Walk an injected clock in 10-minute steps, doing each due slot; return the keys done."""
    done = []
    now = start
    while now < start + timedelta(hours=hours):
        slot = due_slot(every, NY, now, last_done=last_done, started=start, catch_up=True)
        if slot:
            done.append(slot.key)
            last_done = slot.due
        now += timedelta(minutes=10)
    return done


def test_spring_forward_runs_the_skipped_time_once():
    # 2026-03-08 02:00 EST jumps to 03:00 EDT; 02:30 does not exist that day.
    every = parse_every("day at 02:30")
    done = hourly_walk(every, utc(2026, 3, 7, 12), 48, last_done=utc(2026, 3, 7, 7, 30))
    assert done == ["2026-03-08T02:30", "2026-03-09T02:30"]


def test_fall_back_runs_the_repeated_time_once():
    # 2026-11-01 02:00 EDT falls back to 01:00 EST; 01:30 happens twice that night.
    every = parse_every("day at 01:30")
    done = hourly_walk(every, utc(2026, 10, 31, 12), 48, last_done=utc(2026, 10, 31, 5, 30))
    assert done == ["2026-11-01T01:30", "2026-11-02T01:30"]


def test_restart_neither_repeats_nor_misses():
    every = parse_every("monday at 07:00")
    done_at = utc(2026, 11, 23, 12)  # Monday 07:00 EST
    # restarted the same day: nothing to do
    assert (
        due_slot(
            every,
            NY,
            utc(2026, 11, 23, 15),
            last_done=done_at,
            started=utc(2026, 11, 23, 15),
            catch_up=True,
        )
        is None
    )
    # down over the next Monday: catch up once at start-up, or skip when told not to
    later = utc(2026, 12, 2, 9)
    slot = due_slot(every, NY, later, last_done=done_at, started=later, catch_up=True)
    assert slot.key == "2026-11-30T07:00"
    assert due_slot(every, NY, later, last_done=done_at, started=later, catch_up=False) is None


def test_clock_jumping_back_does_not_run_a_slot_again():
    every = parse_every("monday at 07:00")
    done = utc(2026, 11, 23, 12)
    for now in (utc(2026, 11, 23, 11, 59), utc(2026, 11, 20), utc(2026, 11, 23, 12)):
        assert due_slot(every, NY, now, last_done=done, started=now, catch_up=True) is None


def test_interval_slots():
    every = parse_every("6 hours")
    slot = latest_slot(every, NY, utc(2026, 1, 1, 13))
    assert slot.due == utc(2026, 1, 1, 12)
    assert next_slot(every, NY, utc(2026, 1, 1, 13)).due == utc(2026, 1, 1, 18)
