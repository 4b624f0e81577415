"""Date expressions resolved against the article's publication date.

dateparser does the calendar work; this module only trims the words around a date that
dateparser does not accept ("early on 1 January", "last December") and maps dateparser's
period to our precision.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from dateparser.date import DateDataParser

_PERIOD_TO_PRECISION = {"day": "day", "time": "day", "part_of_day": "day", "week": "week",
                        "month": "month", "year": "year"}
_LEADING = re.compile(
    r"^(?:(?:early|late|mid|middle|on|in|at|since|by|from|during|until|of|the|night of|"
    r"morning of|evening of|last|this|past|earlier|later|end of|beginning of|start of)[\s-]+)+",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"\s+(?:night|morning|evening|afternoon)$", re.IGNORECASE)
# Durations and vague spans are not dates: "three years", "the past two years", "decades".
_NOT_A_DATE = re.compile(
    r"^(?:(?!\bago\b).)*\b(?:years|months|weeks|days|hours|minutes|decades?|centur(?:y|ies))\b(?:(?!\bago\b).)*$"
    r"|\bfor\b|\b\d{2,4}s\b|^(?:the )?(?:year|month|week|day)$|^(?:now|recently|currently|once)$",
    re.IGNORECASE,
)
# An age or a length of time the tagger took for a date: "Ali, 35, was shot" (DATE "35"), "a
# 45-minute firefight", "(40)", "2-3 crude bombs". dateparser reads a bare number as a year of the 1900s; ACLED dev
# tuning part (i % 9 != 4) gave 12 attacks such a year (1932, 1935, 1940, 1945, ...).
_BARE_NUMBER = re.compile(r"^\(?\d{1,3}(?:\s*[-–]\s*\d{1,3})?\)?(?:[\s-]+(?:minutes?|hours?|seconds?|days?|weeks?|months?|years?)(?:[\s-]+old)?)?$",
                          re.IGNORECASE)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
# A span of days, "April 23-28", "between 4 - 5 July": dateparser reads the second day as a year
# (1928-04-23); the span's first day is the date (ACLED dev tuning part: its "Around 24 May 2020
# (between 24 - 25 May)" notes are coded on the first day).
_DAY_SPAN = re.compile(rf"\b(\d{{1,2}})\s*[-–]\s*\d{{1,2}}(?=\s+{_MONTH}\b)|\b({_MONTH}\s+\d{{1,2}})\s*[-–]\s*\d{{1,2}}\b",
                       re.IGNORECASE)
_RELATIVE_YEAR = re.compile(r"^(.*\S)\s+(?:of\s+)?(last|this|previous)\s+year$", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"^(?:in |the )?(\d{4})$")
# "the middle of 2015", "mid-2015": dateparser reads these as the year; the text means its middle
_MID_YEAR = re.compile(r"^(?:in\s+)?(?:the\s+)?(?:middle\s+of|mid-?)\s*(\d{4})$", re.IGNORECASE)


_WEEKDAYS = {name: i for i, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}


@dataclass(frozen=True)
class ResolvedDate:
    date: dt.date
    precision: str  # day, week, month, year
    text: str


@cache
def _parser(base: dt.date) -> DateDataParser:
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime.combine(base, dt.time()),
            "PREFER_DATES_FROM": "past",
            "RETURN_TIME_AS_PERIOD": True,
            "PREFER_DAY_OF_MONTH": "first",
        },
    )


def resolve_date(expression: str, *, reference: dt.date | None) -> ResolvedDate | None:
    """The date an expression refers to, relative to ``reference`` (the publication date).

    Without a reference only absolute expressions with a year resolve; "last week" in an
    undated article stays unresolved rather than being pinned to today.
    """
    text = " ".join(expression.split())
    if not text or _NOT_A_DATE.search(text) or _BARE_NUMBER.match(_LEADING.sub("", text)):
        return None
    text = _DAY_SPAN.sub(lambda m: m.group(1) or m.group(2), text)
    year_only = _YEAR_ONLY.match(text)
    if year_only:
        year = int(year_only.group(1))
        return ResolvedDate(dt.date(year, 1, 1), "year", expression) if 1900 <= year <= 2100 else None
    relative_year = _RELATIVE_YEAR.match(text)
    if relative_year and reference is not None:
        # "June of last year", "14 July last year": the named day or month in that year
        offset = {"last": -1, "this": 0, "previous": -1}[relative_year.group(2).lower()]
        text = f"{relative_year.group(1)} {reference.year + offset}"
    mid_year = _MID_YEAR.match(text)
    if mid_year and 1900 <= int(mid_year.group(1)) <= 2100:
        return ResolvedDate(dt.date(int(mid_year.group(1)), 6, 1), "month", expression)
    core = _TRAILING.sub("", _LEADING.sub("", text)) or text
    has_year = bool(re.search(r"\b\d{4}\b", core))
    if reference is None and not has_year:
        return None
    base = reference or dt.date(2000, 1, 1)
    weekday = _WEEKDAYS.get(core.lower())
    if reference is not None and weekday == reference.weekday() and not re.match(r"(last|past|previous)\b", text, re.I):
        # wire copy names the day of the report itself: "on Wednesday" in a Wednesday story
        return ResolvedDate(reference, "day", expression)
    for candidate in (text, core):
        data = _parser(base).get_date_data(candidate)
        if data.date_obj is not None:
            precision = _PERIOD_TO_PRECISION.get(data.period or "day", "day")
            date = data.date_obj.date()
            if precision == "month":
                date = date.replace(day=1)
            elif precision == "year":
                date = date.replace(month=1, day=1)
            if reference is not None and date > reference and not has_year:
                return None  # "in May" never points after the report
            if (reference is not None and precision == "month" and not has_year
                    and text.lower().startswith("last ") and (date.year, date.month) == (reference.year, reference.month)):
                date = date.replace(year=date.year - 1)  # "last December" in a December report
            return ResolvedDate(date, precision, expression)
    return None
