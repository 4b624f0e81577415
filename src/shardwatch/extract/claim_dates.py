"""As-of dates of claims: which date of a sentence a figure is as of, resolved against the
publication date (see step 5 of ``claims``)."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span, Token

from shardwatch.extract.quantities import Amount
from shardwatch.extract.temporal import ResolvedDate, resolve_date
from shardwatch.types import Article

RELATIVE = re.compile(r"^(?:a|an|one|two|three|four|five|six|\d+)\s+(year|month|week)s?\s+(?:earlier|before)$", re.I)
_END_OF_YEAR = re.compile(r"\b(?:the\s+)?end\s+of\s+(?:the\s+)?(?:year|(?P<year>(?:19|20)\d\d))\b|\byear[- ]end\b", re.I)
_START_WORDS = {"since", "from", "after", "between"}


def date_ents(sent: Span) -> list[Span]:
    return [e for e in sent.ents if e.label_ == "DATE" or (e.label_ == "TIME" and not re.search(r"\d", e.text))]


def _linked(date: Span, fig, verb: Token | None) -> bool | None:
    """Whether a date hangs off the figure's clause or its reporting verb in the parse; None
    when it belongs to a relative clause of another noun (never the figure's date)."""
    targets = {t.i for t in [fig.noun or fig.tokens.root, *((fig.noun or fig.tokens.root).ancestors)]}
    if verb is not None:
        targets.add(verb.i)
    node = date.root
    for _ in range(6):
        if node.head.i == node.i:
            break
        node = node.head
        if node.i in targets:
            return True
        if node.dep_ == "relcl":
            return None  # "the territory it held in January 2015": the date is the territory's
        if node.lower_ == "according":
            return True  # "according to figures released on Thursday"
        if node.pos_ in ("VERB", "AUX") and node.i not in targets:
            return False
    return False


def _in_start_clause(date: Span) -> bool:
    """Dates that open a period ("since the campaign began in 2014") are not as-of dates."""
    for i, token in enumerate(list(date.root.ancestors)[:4]):
        if i == 0 and token.lower_ in _START_WORDS:
            # "between 1 January and 14 December": the second date ends the period
            return not (token.lower_ == "between" and date.root.dep_ == "conj")
        if token.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "mark" and c.lower_ in _START_WORDS for c in token.children)
        if token.pos_ != "ADP" and not (token.dep_ == "conj" or token.i == date.root.i):
            return False
    return False


def resolve(text: str, sent: Span, article: Article, anchor: ResolvedDate | None) -> ResolvedDate | None:
    text = " ".join(text.split())
    relative = RELATIVE.match(re.sub(r"^(?:by|in|since|as of)\s+", "", text, flags=re.I))
    if relative:
        if anchor is None:
            return None
        n_word = relative.group(0).split()[0].lower()
        n = int(n_word) if n_word.isdigit() else {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4,
                                                   "five": 5, "six": 6}.get(n_word, 1)
        unit = relative.group(1).lower()
        date = anchor.date
        if unit == "year":
            date = date.replace(year=date.year - n)
        elif unit == "month":
            month = date.month - n
            date = date.replace(year=date.year + (month - 1) // 12, month=(month - 1) % 12 + 1)
        else:
            date = date - dt.timedelta(weeks=n)
        return ResolvedDate(date, anchor.precision, text)
    end_of_year = _END_OF_YEAR.search(text)
    if end_of_year:
        year = end_of_year.group("year")
        if year is None:
            years = re.findall(r"\b((?:19|20)\d\d)\b", sent.text)
            if years:
                year = years[-1]
            elif article.published is not None:
                year = article.published.year - (1 if article.published.month <= 3 else 0)
        return ResolvedDate(dt.date(int(year), 12, 1), "month", text) if year else None
    between = re.match(r"^(?:between\s+)?(.+?)\s+(?:and|to|-|–)\s+(.+)$", text, re.I)
    if between and re.search(r"\d|january|february|march|april|may|june|july|august|september|october|november|december", between.group(2), re.I):
        text = between.group(2)
    text = re.sub(r"^(?:by|as of|as at|at|until|through|up to)\s+", "", text, flags=re.I)
    resolved = resolve_date(text, reference=article.published)
    return resolved if resolved is not None else _period_date(text, article)


_QUARTERS = {"first": 2, "second": 5, "third": 8, "fourth": 11, "last": 11, "final": 11}


def _period_date(text: str, article: Article) -> ResolvedDate | None:
    """Periods dateparser leaves alone: "the second quarter of 2017" (its middle month),
    "the middle of last year", "the same period of 2015" (the year)."""
    year_match = re.search(r"\b((?:19|20)\d\d)\b", text)
    year = int(year_match.group(1)) if year_match else None
    if year is None and article.published is not None:
        if re.search(r"\blast year\b", text, re.I):
            year = article.published.year - 1
        elif re.search(r"\bthis year\b", text, re.I):
            year = article.published.year
    if year is None:
        return None
    quarter = re.search(r"\b(first|second|third|fourth|last|final)\s+quarter\b", text, re.I)
    if quarter:
        return ResolvedDate(dt.date(year, _QUARTERS[quarter.group(1).lower()], 1), "month", text)
    if re.search(r"\b(?:middle|mid)\b", text, re.I):
        return ResolvedDate(dt.date(year, 6, 1), "month", text)
    return ResolvedDate(dt.date(year, 1, 1), "year", text)


def _distance(date: Span, amount: Amount) -> int:
    return min(abs(date.start_char - amount.end), abs(amount.start - date.end_char))


def as_of_date(fig, verb: Token | None, sent: Span, article: Article, anchor: ResolvedDate | None,
           inherited: ResolvedDate | None, others: tuple[Amount, ...] = ()) -> ResolvedDate | None:
    doc = sent.doc
    candidates = []
    for date in date_ents(sent):
        before = doc[date.start - 1].lower_ if date.start > 0 else ""
        relative = RELATIVE.match(date.text.strip()) is not None  # "a year earlier" is a point, never a start
        if before in _START_WORDS or date.text.lower().split()[0] in _START_WORDS or (
                _in_start_clause(date) and not relative):
            continue
        if fig.tokens.start <= date.start < fig.tokens.end:
            continue
        in_segment = fig.segment[0] <= date.start_char < fig.segment[1]
        linked = _linked(date, fig, verb)
        if linked is None or not (in_segment or linked):
            continue
        distance = _distance(date, fig.amount)
        on_verb = verb is not None and verb.i in {date.root.head.i, date.root.head.head.i}
        if not on_verb and any(_distance(date, other) < distance for other in others if other is not fig.amount):
            continue  # "$16 million in the second quarter of 2017, from $81 million in ...": the other figure's date
        rank = (0 if linked and in_segment else 1 if linked else 2, distance)
        candidates.append((rank, date))
    for _, date in sorted(candidates, key=lambda c: c[0]):
        resolved = resolve(date.text, sent, article, anchor)
        if resolved is not None:
            return resolved
    return inherited
