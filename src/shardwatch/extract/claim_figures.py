"""The figures of a sentence that a claim may state: what each counts, in what unit, and the
words around it that tell its measure (claims.py reads them into claims).

Split from claims.py, which had grown past the ~500-line guideline; the rules are unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from shardwatch.extract.attribution import cues
from shardwatch.extract.quantities import Amount, find_amounts
from shardwatch.nlp.pipeline import doc_text

_QUANTITY_WORDS = {"number", "count", "total", "figure", "tally", "strength", "ranks", "size", "estimate", "toll"}
_PER_RE = re.compile(r"\b(?:a|an|per|each|every)\s+(day|week|month|year)\b(?!\s+(?:earlier|before|ago|later|after|on))"
                     r"|\b(monthly|annually|daily|weekly|yearly)\b", re.I)
_PER_WORDS = {"monthly": "month", "annually": "year", "daily": "day", "weekly": "week", "yearly": "year"}
_DEFINITE = {"the", "its", "their", "these", "those", "his", "her", "our", "both", "each", "every", "which"}
_SMALL_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
_WORD_NUMBER = re.compile(r"^[a-z -]+$", re.I)
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


@dataclass
class _Figure:
    """A figure under way: the amount and what the sentence says around it."""

    amount: Amount
    tokens: Span
    noun: Token | None
    noun_text: str
    unit: str
    per: str | None
    context: str  # lowercased words and lemmas near the figure, space-separated, padded
    segment: tuple[int, int]  # character span of the figure's stretch of the sentence
    verb: str | None = None  # lemma of the verb the figure's phrase depends on
    baseline: bool = False  # "..., from about $80 million": the earlier value of the figure before it


def _skip(amount: Amount, span: Span, doc: Doc) -> bool:
    """Figures that are not claims: years, ages, times, distances, names, definite counts."""
    if amount.form in ("money", "percent", "share", "fraction", "rate", "area"):
        return False
    text = amount.text.lower()
    digits = re.sub(r"[^\d.]", "", text)
    bare = re.fullmatch(r"(?:between\s+)?\d{4}(?:\s*(?:-|–|to|and)\s*\d{2,4})?", text)
    if bare and 1800 <= int(digits[:4]) <= 2100:
        return True  # a year or a span of years
    if any(t.ent_type_ in ("DATE", "TIME", "ORDINAL") for t in span) and amount.form != "vague":
        return True
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None:
        lemma = after.lemma_.lower()
        if lemma in cues("skip_after") or after.lower_ in cues("skip_after") or after.lower_.startswith(("year", "-year")):
            return True
        if after.text in ("-", "–") and span.end + 1 < len(doc) and doc[span.end + 1].lower_ in ("year", "day", "month", "week", "hour", "mile", "kilometre"):
            return True
        if after.text in (":", ".") and span.end + 1 < len(doc) and doc[span.end + 1].like_num:
            return True  # times and decimals split by the tokenizer
    before = doc[span.start - 1] if span.start > 0 else None
    words = _WORD_NUMBER.match(amount.text) is not None
    if (after is not None and after.lower_ in _MONTHS) or (before is not None and before.lower_ in _MONTHS):
        return True  # "13 November", "January 1"
    counted = _counted(span)
    if (counted is not None and counted.tag_ in ("NN", "NNP") and amount.low not in (None, 1.0) and amount.form == "count"
            and counted.lemma_.lower() not in cues("human_noun") and counted.i > span.end - 1):
        return True  # "a 911 call", "a 19-tonne truck": a number inside a name or a description
    if before is not None:
        if before.lower_ in _DEFINITE and (words and text.split()[-1] in _SMALL_WORDS or amount.form == "part"):
            return True
        if before.pos_ == "PROPN" and before.is_title and not words and before.ent_type_ not in ("GPE", "NORP", "ORG"):
            return True  # "Flight 9268", "Resolution 2249"
        if before.lower_ in ("no.", "number", "no", "page", "article", "chapter", "section", "aged", "age"):
            return True
    if words and text in ("one", "a", "an", "once") or text in ("one",):
        return True
    if amount.form == "count" and words and text in _SMALL_WORDS and amount.low == amount.high and span.root.dep_ in ("pobj", "dobj", "nsubj") and after is not None and after.lower_ == "of":
        return True  # "two of the attackers", a subtotal, is kept as a part only with its whole
    return False


def _counted(span: Span) -> Token | None:
    """The noun a figure counts, if it is written next to the figure."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "of" and doc[span.end].head.i in range(span.start, span.end):
        for obj in doc[span.end].children:
            if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                return obj  # "tens of thousands of civilians", "dozens of militants"
    root = span.root
    if root.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i >= span.start:
        return root.head
    for token in span:
        if token.dep_ in ("nummod", "quantmod") and token.head.pos_ in ("NOUN", "PROPN") and token.head.i >= span.end - 1:
            return token.head
    if root.pos_ == "NOUN" and root.lemma_.lower() not in ("percent", "%", "dozen", "hundred", "thousand", "score"):
        return root
    if root.lower_ in ("dozen", "dozens", "hundreds", "thousands", "scores", "millions") or root.pos_ == "NOUN":
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for grand in child.children:
                    if grand.dep_ == "pobj" and grand.pos_ == "NOUN":
                        return grand
    return None


def _number_of(span: Span) -> Token | None:
    """X in "the number of X ... had dropped to about 200" (the figure is the value of a count)."""
    node = span.root
    for _ in range(4):
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            for child in node.children:
                if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in _QUANTITY_WORDS:
                    for prep in child.children:
                        if prep.dep_ == "prep" and prep.lower_ == "of":
                            for obj in prep.children:
                                if obj.dep_ == "pobj":
                                    return obj
            break
    return None


def _counts_something(span: Span) -> bool:
    """Whether the clause says what a bare figure counts elsewhere: "put the number killed at 45,000"."""
    for token in list(span.root.ancestors)[:5]:
        if token.lemma_.lower() in _QUANTITY_WORDS:
            return True
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "acl":
            return any(c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.lemma_.lower() in _QUANTITY_WORDS for c in token.children)
    return False


def _unit(amount: Amount, noun: Token | None, doc: Doc, span: Span) -> str:
    if amount.unit:
        return amount.unit
    after = doc[span.end: span.end + 2].text.lower() if span.end < len(doc) else ""
    if re.match(r"(?:us\s+)?dollars\b", after):
        return "USD"
    if noun is None:
        return "count"
    lemma = noun.lemma_.lower()
    if lemma in cues("human_noun") or noun.ent_type_ == "NORP":
        return "people"
    if lemma in ("country", "nation", "state"):
        return "countries"
    if lemma == "barrel":
        return "barrels"
    if lemma in ("dollar",):
        return "USD"
    return "count"


def _context(span: Span, noun: Token | None, own_noun: bool, seg: tuple[int, int], doc: Doc) -> str:
    words: set[str] = set()
    seg_span = doc.char_span(seg[0], seg[1], alignment_mode="expand")
    for token in seg_span or ():
        words.update((token.lower_, token.lemma_.lower()))
    node = noun if noun is not None and own_noun else span.root
    chain = [node] + list(node.ancestors)
    for token in chain:
        words.update((token.lower_, token.lemma_.lower()))
        for child in token.children:
            if child.dep_ in ("prt", "advmod", "amod", "compound", "neg", "acomp", "xcomp", "npadvmod") and not child.like_num:
                words.update((child.lower_, child.lemma_.lower()))
            if child.dep_ in ("dobj", "nsubj", "nsubjpass") and child.lemma_.lower() in _QUANTITY_WORDS:
                words.update(w for t in child.subtree for w in (t.lower_, t.lemma_.lower()))  # "the number killed"
            elif child.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("VERB", "AUX") and child.pos_ == "NOUN":
                # "monthly revenue has fallen ... to $56 million": what the verb's subject is
                words.update((child.lower_, child.lemma_.lower()))
                words.update(w for c in child.children if c.dep_ in ("amod", "compound") for w in (c.lower_, c.lemma_.lower()))
    if noun is not None:
        words.update((noun.lower_, noun.lemma_.lower()))
        if own_noun:
            for child in noun.children:
                if child.dep_ not in ("conj", "cc", "punct", "relcl", "appos"):
                    words.update((child.lower_, child.lemma_.lower()))
    text = " ".join(re.sub(r"[^\w'-]+", " ", seg_span.text.lower()).split()) if seg_span is not None else ""
    return f" {' '.join(sorted(words))} {text} "


def _segments(amounts: list[Amount], sent: Span) -> list[tuple[int, int]]:
    starts = [sent.start_char] + [a.end for a in amounts[:-1]]
    ends = [a.start for a in amounts[1:]] + [sent.end_char]
    return [(s, e) for s, e in zip(starts, ends)]


def _figures(sent: Span, doc: Doc, last_noun: Token | None, last_people: Token | None = None) -> list[_Figure]:
    found = [Amount(a.start + sent.start_char, a.end + sent.start_char, a.text, a.low, a.high, a.qualifier, a.unit,
                    a.per, a.total, a.form) for a in find_amounts(sent.text)]
    kept: list[tuple[Amount, Span]] = []
    for amount in found:
        span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
        if span is None or _skip(amount, span, doc):
            continue
        kept.append((amount, span))
    segments = _segments([a for a, _ in kept], sent)
    figures: list[_Figure] = []
    for (amount, span), seg in zip(kept, segments):
        noun = _counted(span) if amount.form not in ("percent", "share", "fraction", "area") else None
        if amount.form == "rate":  # "a senior commander every three days": the noun is inside the figure
            noun = next((t for t in span if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() not in
                         ("day", "week", "month", "year")), None)
        if noun is not None and (noun.lemma_.lower() in ("percent", "%") or noun.lemma_.lower() in _QUANTITY_WORDS):
            noun = None
        own_noun = noun is not None
        if noun is None and amount.unit is None:
            noun = _number_of(span)
            own_noun = noun is not None
            if noun is None and amount.form in ("count", "vague", "part"):
                # "about 50,000 had been killed", "5,600 of them": the noun of an earlier figure,
                # people first ("5,600 of them" after "40,000 fighters from 110 countries")
                earlier = [f for f in figures if f.noun is not None]
                people = [f for f in earlier if f.unit.startswith("people")]
                source = (people or earlier or [None])[-1]
                anaphor = re.match(r"\s+of\s+(?:them|those|these)\b", doc_text(doc)[amount.end: amount.end + 12])
                noun = source.noun if source is not None else (
                    (last_people or last_noun) if anaphor else last_noun if _counts_something(span) else None)
        unit = _unit(amount, noun, doc, span)
        per = amount.per
        baseline = bool(figures) and figures[-1].amount.unit == amount.unit and re.search(
            r"\b(?:from|compared with|against|up from|down from)\s+(?:about\s+|some\s+|roughly\s+|around\s+)?$",
            doc_text(doc)[figures[-1].amount.end: amount.start]) is not None
        if per is None and amount.unit != "percent":
            match = _PER_RE.search(doc_text(doc)[seg[0]: seg[1]])
            if match:
                per = match.group(1) or _PER_WORDS[match.group(2).lower()]
            elif noun is not None:
                per = next((f.per for f in reversed(figures) if f.noun is not None and f.noun.i == noun.i), None)
            elif baseline:
                per = figures[-1].per  # "$56 million a month ..., from about $80 million": the same rate
            elif amount.unit == "USD" and not re.match(r"\s+(?:for\s+each|for\s+every|per|each)\s", doc_text(doc)[amount.end: amount.end + 12]):
                # "monthly revenue has fallen by a third, to $56 million": the rate named earlier in the sentence
                match = _PER_RE.search(doc_text(doc)[sent.start_char: amount.start])
                if match and not any(f.amount.unit == "USD" for f in figures):
                    per = match.group(1) or _PER_WORDS[match.group(2).lower()]
        if noun is not None:
            noun_text = _noun_text(noun) if own_noun else noun.text
        elif amount.unit == "percent":
            noun_text = "percent" + _of_phrase(span)
        elif amount.unit == "km2":
            noun_text = "square kilometres"
        else:
            each = re.match(r"\s+(?:for\s+each|for\s+every|per|a|each)\s+([a-z]+)", doc_text(doc)[amount.end: amount.end + 30])
            noun_text = f"{unit} per {each.group(1)}" if amount.unit == "USD" and each and not per else unit
        context = _context(span, noun, own_noun, seg, doc)
        anchor_token = noun if noun is not None and own_noun else span.root
        verb = next((t.lemma_.lower() for t in [anchor_token, *anchor_token.ancestors] if t.pos_ in ("VERB", "AUX")), None)
        figures.append(_Figure(amount, span, noun, noun_text, unit, per, context, seg, verb, baseline))
    return figures


def _noun_text(noun: Token) -> str:
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i and not c.like_num]
    start = min([noun.i] + [m.left_edge.i for m in mods])
    tokens = [t for t in noun.doc[start: noun.i + 1] if not t.like_num and t.dep_ not in ("quantmod", "det", "nummod")]
    return " ".join(t.text for t in tokens).replace(" - ", "-")


def _of_phrase(span: Span) -> str:
    for token in span:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    return " of " + " ".join(t.text for t in objs[0].subtree if t.dep_ not in ("relcl",) and t.i <= objs[0].i)
    return ""
