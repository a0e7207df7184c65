"""Schedule slots as pure functions of a spec, a time zone and the current instant.

A slot has a key (local date and time, or interval number) and the instant it falls due. A
slot is done once by key, so a DST change or a clock jump never runs one twice, and a missed
slot is found again after a restart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

_DAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
_GROUPS = {
    "day": range(7),
    "daily": range(7),
    "every day": range(7),
    "weekday": range(5),
    "weekdays": range(5),
    "weekend": (5, 6),
    "weekends": (5, 6),
}
_UNITS = {"minute": 60, "minutes": 60, "min": 60, "hour": 3600, "hours": 3600, "h": 3600}


@dataclass(frozen=True)
class Every:
    """When a brief is due: on some weekdays at a local time, or every N seconds."""

    days: frozenset[int] = frozenset()
    at: time | None = None
    interval: int | None = None  # seconds


@dataclass(frozen=True)
class Slot:
    """One due time: its key (stable across DST and restarts) and its instant (UTC)."""

    key: str
    due: datetime


def parse_every(text: str) -> Every:
    """Parse "monday at 07:00", "weekday at 08:00", "day at 06:30", "6 hours", "30 minutes"."""
    spec = " ".join(text.lower().replace("every ", "", 1).split()) if text else ""
    m = re.fullmatch(r"(\d+)\s*([a-z]+)", spec)
    if m and m[2] in _UNITS:
        seconds = int(m[1]) * _UNITS[m[2]]
        if not 60 <= seconds <= 7 * 86400:
            raise ValueError("an interval must be between 1 minute and 7 days")
        return Every(interval=seconds)
    m = re.fullmatch(r"(.+?)\s+at\s+(\d{1,2}):(\d\d)", spec)
    if not m:
        raise ValueError(
            f"cannot read schedule {text!r}; write e.g. 'monday at 07:00', "
            "'weekday at 08:00', 'day at 06:30' or '6 hours'"
        )
    hour, minute = int(m[2]), int(m[3])
    if hour > 23 or minute > 59:
        raise ValueError(f"invalid time {m[2]}:{m[3]}")
    return Every(days=_parse_days(m[1]), at=time(hour, minute))


def _parse_days(text: str) -> frozenset[int]:
    if text in _GROUPS:
        return frozenset(_GROUPS[text])
    days = set()
    for part in re.split(r"\s*(?:,|\band\b)\s*", text):
        if part.rstrip("s") not in _DAYS and part not in _DAYS:
            raise ValueError(f"unknown day {part!r}")
        days.add(_DAYS.get(part, _DAYS.get(part.rstrip("s"), 0)))
    return frozenset(days)


def time_zone(name: str) -> ZoneInfo:
    """An IANA time zone; ValueError for an unknown name."""
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError) as exc:
        raise ValueError(
            f"unknown time zone {name!r} (use an IANA name like 'America/New_York')"
        ) from exc


def latest_slot(every: Every, tz: ZoneInfo, now: datetime) -> Slot | None:
    """The most recent slot due at or before ``now``."""
    if every.interval:
        index = int(now.timestamp()) // every.interval
        return Slot(
            f"every-{every.interval}s-{index}", datetime.fromtimestamp(index * every.interval, UTC)
        )
    return next((s for s in _daily_slots(every, tz, now, -1) if s.due <= now), None)


def next_slot(every: Every, tz: ZoneInfo, now: datetime) -> Slot | None:
    """The first slot due after ``now``."""
    if every.interval:
        index = int(now.timestamp()) // every.interval + 1
        return Slot(
            f"every-{every.interval}s-{index}", datetime.fromtimestamp(index * every.interval, UTC)
        )
    return next((s for s in _daily_slots(every, tz, now, +1) if s.due > now), None)


def _daily_slots(every: Every, tz: ZoneInfo, now: datetime, step: int) -> list[Slot]:
    """Candidate slots on the days around ``now``, walking back (-1) or forward (+1)."""
    assert every.at is not None
    today = now.astimezone(tz).date()
    slots = []
    for offset in range(-1, 9):
        day = today + timedelta(days=step * offset)
        if day.weekday() in every.days:
            # A local time skipped by DST (02:30 in spring) runs as far after the gap as it
            # was into it (03:30); a repeated one (01:30 in autumn) at its first occurrence
            # (fold=0). The key stays the local time, so either runs once.
            local = datetime.combine(day, every.at, tzinfo=tz)
            slots.append(Slot(f"{day.isoformat()}T{every.at:%H:%M}", local.astimezone(UTC)))
    return sorted(slots, key=lambda s: s.due, reverse=step < 0)


def due_slot(
    every: Every,
    tz: ZoneInfo,
    now: datetime,
    *,
    last_done: datetime | None,
    started: datetime,
    catch_up: bool,
) -> Slot | None:
    """The slot to build now, if any.

    A slot is due when it has come and is later than the last one done. One missed while
    the process was down (before ``started``) is built at start-up only with ``catch_up``;
    however many were missed, only the latest is built.
    """
    slot = latest_slot(every, tz, now)
    if slot is None or (last_done is not None and slot.due <= last_done):
        return None
    if slot.due < started and not catch_up:
        return None
    return slot
