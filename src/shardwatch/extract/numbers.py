"""Counts as people write them: "86", "at least 130", "more than 400", "two", "dozens",
"12,000 to 15,000", "twenty-two".

Written by hand: the libraries that turn words into numbers (word2number, text2num) handle
"twenty-two" but not qualifiers, ranges or vague plurals ("dozens", "scores"), which carry
most of the meaning in casualty reporting.
"""

from __future__ import annotations

import re

from shardwatch.types import Quantity

_UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
# Vague amounts as ranges: "dozens" is at least 24; "scores" at least 40; an upper bound
# is left open where usage has none.
_VAGUE = {
    "a dozen": (12, 12), "dozen": (12, 12), "dozens": (24, None), "dozens of": (24, None),
    "scores": (40, None), "scores of": (40, None), "hundreds": (200, None),
    "hundreds of": (200, None), "thousands": (2000, None), "thousands of": (2000, None),
    "several": (3, 9), "a few": (2, 5), "few": (2, 5), "a handful of": (2, 6),
    "a number of": (2, None), "many": (2, None),
}
_QUALIFIERS = {
    "at least": "at least", "no fewer than": "at least", "not less than": "at least",
    "a minimum of": "at least", "more than": "more than", "over": "more than",
    "well over": "more than", "upwards of": "more than", "in excess of": "more than",
    "about": "about", "around": "about", "some": "about", "roughly": "about",
    "approximately": "about", "nearly": "about", "almost": "about", "an estimated": "about",
    "estimated": "about", "up to": "up to", "as many as": "up to", "at most": "up to",
    "fewer than": "fewer than", "less than": "fewer than", "under": "fewer than",
    # "killing all 224 on board": an exact count, no qualifier
    "all": None, "all of the": None,
}
_WORD = "|".join(sorted({*_UNITS, *_TENS, *_SCALES} - {"a", "an", "no"}, key=len, reverse=True))
_NUMBER_WORDS = rf"(?:(?:{_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD}))*)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*(?:million|billion|thousand))?"
NUMBER = rf"(?:{_DIGITS}|{_NUMBER_WORDS})"
QUALIFIER = "|".join(sorted(_QUALIFIERS, key=len, reverse=True))
VAGUE = "|".join(sorted((re.escape(v) for v in _VAGUE), key=len, reverse=True))
# "between 11 and 20 people": a range (ACLED tuning part: "killed between 11 and 20 people",
# "executed between 15 and 25 men" had no toll)
QUANTITY = (
    rf"(?:(?P<qual>{QUALIFIER})\s+|between\s+)?"
    rf"(?:(?P<low>{NUMBER})(?:\s*(?:to|-|–|and|or)\s*(?P<high>{NUMBER}))?|(?P<vague>{VAGUE}))"
)
QUANTITY_RE = re.compile(rf"\b{QUANTITY}\b", re.IGNORECASE)


def parse_number(text: str) -> float | None:
    """A number from digits ("12,000", "1.5 million") or words ("twenty-two", "two hundred")."""
    text = text.strip().lower()
    match = re.fullmatch(r"((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(million|billion|thousand)?", text)
    if match:
        value = float(match.group(1).replace(",", ""))
        return value * _SCALES[match.group(2)] if match.group(2) else value
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", text):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            scale = _SCALES[word]
            if scale in (12, 100):  # "two dozen" is 24 (a blast that "wounded two dozen pupils" read as 2)
                current = max(current, 1) * scale
            else:
                total += max(current, 1) * scale
                current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def quantity_from_match(match: re.Match) -> Quantity | None:
    """A ``Quantity`` from a match of ``QUANTITY`` (named groups qual, low, high, vague)."""
    qualifier = _QUALIFIERS.get((match.group("qual") or "").lower())
    text = match.group(0)
    if match.group("vague"):
        low, high = _VAGUE[match.group("vague").lower()]
        return Quantity(float(low), None if high is None else float(high), qualifier or "about", text)
    low = parse_number(match.group("low"))
    if low is None:
        return None
    high = parse_number(match.group("high")) if match.group("high") else low
    if high is None or high < low:
        high = low
    if qualifier in ("at least", "more than"):
        return Quantity(low, None if high == low else high, qualifier, text)
    if qualifier in ("up to", "fewer than"):
        return Quantity(None if high == low else low, high, qualifier, text)
    return Quantity(low, high, qualifier, text)


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity in a text, or None."""
    match = QUANTITY_RE.search(text)
    return quantity_from_match(match) if match else None
