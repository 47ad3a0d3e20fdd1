"""Swedish wording shared by the site, the study guide and the command line.

How dates, lengths, counts and formats read to a Swedish learner: one place, so a film's
length reads the same on screen, on paper and in `make check`.
"""

from __future__ import annotations

from datetime import date

MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december"]
FORMAT_NAMES = {"individual": "ensam", "group": "i grupp"}
#: A place in a list of at most five (a self-check question's answers), as Swedes say it.
ORDINALS = ["första", "andra", "tredje", "fjärde", "femte"]


def swedish_date(day: date) -> str:
    """A date as Swedes write it in running text: '23 november 2026'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def clock(seconds: int) -> str:
    """Seconds as m:ss (or h:mm:ss), the way a player shows time."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def hours_minutes(minutes: int) -> str:
    """Minutes from the start of a session as a clock time: 95 → '1:35'."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def about_hours(minutes: int) -> str:
    """A course's length to the half hour: 400 minutes → 'cirka 6,5 timmar'."""
    halves = max(1, round(minutes / 30))
    hours = str(halves // 2) if halves % 2 == 0 else f"{halves / 2:.1f}".replace(".", ",")
    return f"cirka {hours} {'timme' if halves == 2 else 'timmar'}"


def count(n: int, one: str, many: str) -> str:
    """'1 film', '3 filmer'."""
    return f"{n} {one if n == 1 else many}"


def ordinal(place: int) -> str:
    """A place counted from 0 as a word: 1 → 'andra'."""
    return ORDINALS[place]


def formats(names: list[str]) -> str:
    """['individual', 'group'] as 'ensam eller i grupp'."""
    return " eller ".join(FORMAT_NAMES[n] for n in names)


def exercise_time(exercise) -> str:
    """An exercise's time: "20 minuter", or "ensam 20 minuter, i grupp 30 minuter"."""
    versions = exercise.variants()
    if not versions:
        return f"{exercise.minutes} minuter"
    names = {"solo": "ensam", "group": "i grupp"}
    return ", ".join(f"{names[name]} {v.minutes} minuter" for name, v in versions)


def megabytes(size: int) -> str:
    """A file size as a Swedish reader expects it: "1,2 MB"."""
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")
