"""Figures as analysts write them, found in running text with their character offsets.

``numbers.py`` reads casualty counts; claims need more: money ("$1,000 a month", "$81m"),
shares ("at least 75%", "a quarter", "about half", "one in five"), parts ("five of the ten"),
rates ("one every three days"), areas ("60,400 square kilometres", converted to km2), ranges
("12,000 to 15,000", "between $400 and $1,200") and vague amounts ("dozens", "well over a
dozen", "tens of thousands"), each with its qualifier. The scan is a regular expression
whose alternatives are tried most specific first; ``find_amounts`` returns them in text order
without overlaps. Deciding whether a figure is a claim (not a year, an age or a distance) is
the caller's job, because that needs the sentence around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shardwatch.extract.numbers import NUMBER, parse_number

# Qualifier words before a figure -> the design's qualifiers. Longest first in the pattern.
QUALIFIERS = {
    "well over": "more than", "well above": "more than", "just over": "more than", "more than": "more than",
    "over": "more than", "above": "more than", "upwards of": "more than", "in excess of": "more than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least", "not less than": "at least",
    "a minimum of": "at least", "about": "about", "around": "about", "some": "about", "roughly": "about",
    "approximately": "about", "nearly": "about", "almost": "about", "close to": "about", "an estimated": "about",
    "estimated": "about", "perhaps": "about", "possibly": "about", "probably": "about", "as few as": "about",
    "more or less": "about", "an average of": "about", "on average": "about", "average": "about",
    "up to": "up to", "as many as": "up to", "as much as": "up to", "at most": "up to", "no more than": "up to",
    "a maximum of": "up to", "fewer than": "fewer than", "less than": "fewer than", "under": "fewer than",
    "just under": "fewer than", "well under": "fewer than", "below": "fewer than", "only": None, "just": None,
    "barely": None, "exactly": None, "all": None,
}
_QUAL = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9}
_DIG = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MONEY_NUM = rf"(?:{_DIG})(?:\s?(?:million|billion|thousand|mln|mn|bn|m|k)\b)?"
def _per(name: str) -> str:
    return (rf"(?:\s+(?:a|an|per|each|every)\s+(?P<{name}>day|week|month|year))"
            r"(?!\s+(?:earlier|before|ago|later|after|on|since))")

_RANGE_SEP = r"\s*(?:to|-|–|—)\s*"
_BETWEEN_SEP = r"\s*(?:and|to|-|–|—)\s*"
_FRACTIONS = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "a quarter": 25.0, "one quarter": 25.0, "a third": 100 / 3,
    "one third": 100 / 3, "two thirds": 200 / 3, "three quarters": 75.0, "a fifth": 20.0, "one fifth": 20.0,
    "two fifths": 40.0, "a tenth": 10.0, "one tenth": 10.0, "a sixth": 100 / 6,
}
_FRACTION = "|".join(sorted((f.replace(" ", r"[\s-]") for f in _FRACTIONS), key=len, reverse=True))
# Vague amounts as (low, high); an open upper bound where usage has none. "dozens" is at
# least two dozen; "tens of thousands" at least 20,000.
VAGUE = {
    "a dozen": (12, 12), "dozens": (24, None), "scores": (40, None), "hundreds": (200, None),
    "thousands": (2000, None), "tens of thousands": (20000, None), "hundreds of thousands": (200000, None),
    "millions": (2e6, None), "a handful": (2, 6), "a couple of dozen": (24, 24), "two dozen": (24, 24),
    "three dozen": (36, 36), "several hundred": (300, 900), "a few hundred": (200, 500),
    "several thousand": (3000, 9000), "a few thousand": (2000, 5000), "several dozen": (36, 108),
}
_VAGUE = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
_AREA = (r"(?P<area>square\s+kilomet(?:re|er)s?|sq\.?\s*km|km2|km²|square\s+miles?|sq\.?\s*mi(?:les?)?)")
SQUARE_MILE_KM2 = 2.589988

_PATTERN = re.compile(
    rf"(?<![\w$.,])(?:(?P<qual>{_QUAL})\s+)?(?:"
    # money: "$400", "US$1.2 million", "between $400 and $1,200 a month", "$81m a month"
    rf"(?:(?P<between_m>between\s+)(?:US\s?)?\$\s?(?P<mb_low>{_MONEY_NUM}){_BETWEEN_SEP}(?:US\s?)?\$?\s?(?P<mb_high>{_MONEY_NUM})"
    rf"|(?:US\s?)?\$\s?(?P<m_low>{_MONEY_NUM})(?:{_RANGE_SEP}(?:US\s?)?\$?\s?(?P<m_high>{_MONEY_NUM}))?)(?:{_per('m_per')})?"
    # percent: "23 percent", "at least 75%", "between 20 and 25 per cent"
    rf"|(?:between\s+(?P<pb_low>{NUMBER}){_BETWEEN_SEP}(?P<pb_high>{NUMBER})|(?P<p_low>{NUMBER})(?:{_RANGE_SEP}(?P<p_high>{NUMBER}))?)"
    r"\s*(?:%|percent\b|per\s+cent\b)"
    # shares: "one in five", "one in every four"
    rf"|(?P<in_part>{NUMBER})\s+in\s+(?:every\s+)?(?P<in_whole>{NUMBER})\b(?!\s*(?:days|weeks|months|years))"
    # rates: "one every three days", "a senior leader every three days", "once a week"
    rf"|(?P<r_one>one|a|an|once)\s+(?:[A-Za-z-]+\s+){{0,6}}?(?:once\s+)?every\s+(?:(?P<r_n>{NUMBER})\s+)?(?P<r_per>day|week|month|year)s?\b"
    # fractions: "a quarter of", "about half", "two-thirds"
    rf"|(?P<frac>{_FRACTION})\b(?=\s+(?:of|its|their|the)\b|\s*[,;.]|\s+(?:to|from|since|over|during|in)\b)"
    # vague: "dozens", "well over a dozen", "tens of thousands"
    rf"|(?P<vague>{_VAGUE})\b"
    # parts: "five of the ten", "5,600 of them" (the latter is a plain count, see below)
    rf"|(?P<part>{NUMBER})\s+(?:of|out\s+of)\s+(?:the\s+|its\s+|their\s+)?(?P<whole>{NUMBER})\b"
    # counts and ranges: "12,000 to 15,000", "between 27,000 and 31,000", "45,000", "two or three"
    rf"|(?:(?P<between_n>between\s+)(?P<nb_low>{NUMBER}){_BETWEEN_SEP}(?P<nb_high>{NUMBER})"
    rf"|(?P<n_low>{NUMBER})(?:(?:{_RANGE_SEP}|\s+or\s+)(?P<n_high>{NUMBER}))?)"
    rf"(?:\s*{_AREA})?(?:{_per('n_per')})?"
    r")(?!\w|,\d)",
    re.IGNORECASE,
)


_ORDINAL_BEFORE = re.compile(r"\b(?:first|second|third|fourth|last|latter|former|other|next|final|eastern|western|northern|southern|east|west|north|south|lower|upper|bottom|top)\s+$", re.I)
_PERIOD_AFTER = re.compile(r"\s+of\s+(?:the\s+|this\s+|last\s+|that\s+)?(?:\d{4}|year|decade|century|month|day)\b", re.I)


@dataclass(frozen=True)
class Amount:
    """One figure in a text: where it is, its value or range, and what the words around it fix."""

    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    qualifier: str | None
    unit: str | None = None  # percent, USD or km2 when the figure itself says so
    per: str | None = None  # the period of a rate: "month", "3 days"
    total: float | None = None  # "five of the ten": 10
    form: str = "count"  # count, money, percent, share, rate, fraction, vague, part, area


def _number(text: str) -> float | None:
    text = text.strip().lower().replace("–", "-")
    match = re.fullmatch(rf"({_DIG})\s?(million|billion|thousand|mln|mn|bn|m|k)?", text)
    if match:
        value = float(match.group(1).replace(",", ""))
        return value * _SCALE[match.group(2)] if match.group(2) else value
    return parse_number(text)


def _pair(low_text: str, high_text: str | None) -> tuple[float | None, float | None]:
    """Both ends of a range; "12 to 15 million" carries the scale back to the low end."""
    low = _number(low_text)
    if not high_text:
        return low, None
    high = _number(high_text)
    scale = re.search(r"(million|billion|thousand|mln|mn|bn|m|k)\s*$", high_text.strip(), re.I)
    if low is not None and high is not None and scale and not re.search(r"[a-z]\s*$", low_text.strip(), re.I):
        if re.fullmatch(_DIG, low_text.strip()):
            low *= _SCALE[scale.group(1).lower()]
    return low, high


def _bounded(low: float, high: float | None, qualifier: str | None) -> tuple[float | None, float | None]:
    """Low and high of a figure under its qualifier: "more than 40,000" has no upper bound."""
    high = low if high is None or high < low else high
    if qualifier in ("at least", "more than"):
        return low, None if high == low else high
    if qualifier in ("up to", "fewer than"):
        return (None if high == low else low), high
    return low, high


def _amount(match: re.Match) -> Amount | None:
    g = dict(match.groupdict())
    for kind in ("m", "p", "n"):  # "between X and Y" fills the same slots as "X to Y"
        if g.get(f"{kind}b_low"):
            g[f"{kind}_low"], g[f"{kind}_high"] = g[f"{kind}b_low"], g[f"{kind}b_high"]
    qualifier = QUALIFIERS.get((g["qual"] or "").lower())
    text = match.group(0)
    start, end = match.start(), match.end()
    if g["m_low"]:
        low, high = _pair(g["m_low"], g["m_high"])
        if low is None:
            return None
        lo, hi = _bounded(low, high, qualifier)
        return Amount(start, end, text, lo, hi, qualifier, "USD", g["m_per"] and g["m_per"].lower(), form="money")
    if g["p_low"]:
        low = _number(g["p_low"])
        high = _number(g["p_high"]) if g["p_high"] else None
        if low is None:
            return None
        lo, hi = _bounded(low, high, qualifier)
        return Amount(start, end, text, lo, hi, qualifier, "percent", form="percent")
    if g["in_part"]:
        part, whole = _number(g["in_part"]), _number(g["in_whole"])
        if not part or not whole or part > whole:
            return None
        lo, hi = _bounded(round(100 * part / whole, 1), None, qualifier)
        return Amount(start, end, text, lo, hi, qualifier, "percent", total=whole, form="share")
    if g["r_one"]:
        n = _number(g["r_n"]) if g["r_n"] else 1
        if n is None:
            return None
        period = g["r_per"].lower()
        per = period if n == 1 else f"{n:g} {period}s"
        return Amount(start, end, text, 1.0, 1.0, qualifier, None, per, form="rate")
    if g["frac"]:
        value = _FRACTIONS[re.sub(r"[\s-]+", " ", g["frac"].lower())]
        lo, hi = _bounded(round(value, 1), None, qualifier)
        return Amount(start, end, text, lo, hi, qualifier, "percent", form="fraction")
    if g["vague"]:
        low, high = VAGUE[re.sub(r"\s+", " ", g["vague"].lower())]
        if qualifier is None and high is None:
            qualifier = "at least"
        lo, hi = _bounded(float(low), None if high is None else float(high), qualifier)
        if high is None:
            hi = None
        return Amount(start, end, text, lo, hi, qualifier, None, form="vague")
    if g["part"]:
        part, whole = _number(g["part"]), _number(g["whole"])
        if part is None or whole is None or part > whole:
            return None
        lo, hi = _bounded(part, None, qualifier)
        return Amount(start, end, text, lo, hi, qualifier, None, total=whole, form="part")
    if g["n_low"]:
        low, high = _pair(g["n_low"], g["n_high"])
        if low is None:
            return None
        unit, form = None, "count"
        if g["area"]:
            unit, form = "km2", "area"
            if "mi" in g["area"].lower():
                low = round(low * SQUARE_MILE_KM2)
                high = round(high * SQUARE_MILE_KM2) if high is not None else None
        if g["n_high"] and not g["between_n"] and high is not None and high <= low:
            return None  # "2014-2015" style spans and "one to one" are not ranges
        lo, hi = _bounded(low, high, qualifier)
        return Amount(start, end, text, lo, hi, qualifier, unit, g["n_per"] and g["n_per"].lower(), form=form)
    return None


def find_amounts(text: str) -> list[Amount]:
    """Every figure in ``text``, in order, with offsets into ``text``."""
    amounts = []
    for match in _PATTERN.finditer(text):
        if match.group("frac") and (_ORDINAL_BEFORE.search(text, 0, match.start()) or _PERIOD_AFTER.match(text, match.end())):
            continue  # "the first half of 2016", "half of the year" are periods, not shares
        amount = _amount(match)
        if amount is not None:
            amounts.append(amount)
    return amounts
