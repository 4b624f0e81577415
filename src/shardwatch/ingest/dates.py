"""Publication dates: from metadata, else from a dateline or byline in the text.

Never the time of ingest: when no date is found the article's date is unknown, and says so.
"""

from __future__ import annotations

import datetime as dt
import re

import dateparser

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DAY_MONTH = rf"(?:\d{{1,2}}\s+(?:{MONTHS})\.?|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?)"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
# "BAGHDAD, June 26, 2016 (Meridian Wire) -" / "NICE, France, 15 July 2016 -" / "MOSUL (Reuters) -"
DATELINE = re.compile(
    rf"^\s*(?P<place>[A-Z][A-Z'.\- ]{{1,40}}(?:,\s+[A-Z][A-Za-z.\- ]{{1,30}})?)\s*,?\s*"
    rf"(?P<date>{_WEEKDAY}{_DAY_MONTH}(?:,?\s+(?P<year>\d{{4}}))?)?\s*"
    rf"(?:\((?P<agency>[^)]{{1,40}})\))?\s*[-–—:]+\s"
)
BYLINE = re.compile(
    r"^\s*(?:Published|Posted|Updated|Last updated|Date)\s*(?:on)?\s*:?\s*(?P<date>.{4,60}?)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
# "By Alex Wilner, Feb. 13, 2017" / "By A. Writer and B. Writer, staff writers, 13 February 2017":
# an author line whose last comma-separated parts are the date.
AUTHOR_LINE = re.compile(r"^\s*By\s+(?P<rest>[^\n]{2,160}?)\s*$", re.MULTILINE)
# Absolute dates only: a relative byline ("3 hours ago") would be read against the clock,
# dating the article on the day of ingest.
_PARSER_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"],
                    "PARSERS": ["timestamp", "custom-formats", "absolute-time"]}
_HAS_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def parse_metadata_date(value: object) -> tuple[dt.date | None, str]:
    """A date from a metadata field (ISO string, date or datetime); precision day/month/year."""
    if value is None or value == "":
        return None, "unknown"
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    text = str(value).strip()[:200]
    # Year 0, month 13, day 32: not a date; the caller says so and dates the text otherwise.
    try:
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 1, 1), "year"
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return dt.date(int(text[:4]), int(text[5:]), 1), "month"
    except ValueError:
        return None, "unknown"
    try:
        return dt.date.fromisoformat(text[:10]), "day"
    except ValueError:
        pass
    if not _HAS_YEAR.search(text):  # "12 March": dateparser would read 12 as the year 2012
        return None, "unknown"
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=_PARSER_SETTINGS)
    except (ValueError, OverflowError, OSError):  # a timestamp beyond the platform's range
        return None, "unknown"
    return (parsed.date(), "day") if parsed else (None, "unknown")


def date_from_text(text: str) -> tuple[dt.date | None, str, str]:
    """(date, precision, how) from a dateline at the top or a byline in the first lines.

    A dateline without a year ("BAGHDAD, June 26 (Wire) -") does not date the article; a
    byline still can, else the date is unknown and ``how`` says why.
    """
    how_failed = "none"
    match = DATELINE.match(text[:400])
    if match and match.group("date"):
        if match.group("year"):
            raw = re.sub(_WEEKDAY, "", match.group("date"))
            parsed = dateparser.parse(raw, languages=["en"], settings=_PARSER_SETTINGS)
            if parsed:
                return parsed.date(), "day", "dateline"
        else:
            # The year cannot be told from the dateline; guessing it from years the story
            # mentions gets recalled events wrong ("since 2014"). A byline may still date it.
            how_failed = "dateline without year"
    first_lines = "\n".join(text.split("\n")[:6])
    for byline in BYLINE.finditer(first_lines):
        date, precision = parse_metadata_date(byline.group("date"))
        if date:
            return date, precision, "byline"
    for author in AUTHOR_LINE.finditer(first_lines):
        date, precision = _author_line_date(author.group("rest"))
        if date:
            return date, precision, "byline"
    return None, "unknown", how_failed


def _author_line_date(rest: str) -> tuple[dt.date | None, str]:
    """The date ending an author line: the longest run of its last comma-separated parts that
    is a date with a year ("Feb. 13, 2017" after "Alex Wilner"); a name alone gives none."""
    parts = rest.split(",")
    if re.search(r"\d", parts[0]):  # "By 2016 the group had lost Ramadi, ...": a sentence, not an author
        return None, "unknown"
    for first in range(1, len(parts)):
        tail = ",".join(parts[first:]).strip()
        if len(tail) <= 40 and _HAS_YEAR.search(tail):
            date, precision = parse_metadata_date(tail)
            if date:
                return date, precision
    return None, "unknown"
