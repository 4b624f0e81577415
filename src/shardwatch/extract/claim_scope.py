"""Scopes of claims: the place a figure is about, and the origin of people who travelled (see
step 4 of ``claims``)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from shardwatch.nlp.pipeline import doc_text
from shardwatch.types import Mention

# -- scope ------------------------------------------------------------------------------------


def place_groups(places: list[Mention], sent: Span, doc: Doc) -> list[tuple[int, int, list[Mention]]]:
    """Places of the sentence, with "Iraq and Syria" as one group."""
    inside = sorted((m for m in places if sent.start_char <= m.start < sent.end_char), key=lambda m: m.start)
    groups: list[tuple[int, int, list[Mention]]] = []
    for mention in inside:
        if groups and re.fullmatch(r"\s*(?:,|and|or|, and)\s*", doc_text(doc)[groups[-1][1]: mention.start]):
            start, _, members = groups[-1]
            groups[-1] = (start, mention.end, members + [mention])
        else:
            groups.append((mention.start, mention.end, [mention]))
    return groups


def figure_scope(fig, groups, excluded: tuple[int, int] | None, doc: Doc) -> list[Mention] | None:
    def allowed(group) -> bool:
        start, end, _ = group
        if excluded and excluded[0] <= start < excluded[1]:
            return False
        before = doc_text(doc)[max(0, start - 12): start].lower()
        return not re.search(r"\b(?:from|link from|based in)\s+(?:the\s+)?$", before) or fig.unit == "countries"

    seg_start, seg_end = fig.segment
    after = [g for g in groups if fig.amount.end <= g[0] < seg_end and allowed(g)]
    if after:
        return after[0][2]
    verb = _governing_verb(fig)
    if verb is not None:
        for group in groups:
            if group[0] >= fig.amount.end and allowed(group) and _governing_verb_of(group[2][0], doc) is verb:
                return group[2]
    before = [g for g in groups if g[1] <= fig.amount.start and allowed(g)]
    if before:
        return before[-1][2]
    later = [g for g in groups if g[0] >= fig.amount.end and allowed(g)]
    return later[0][2] if later else None


_ORIGIN = re.compile(r"\b(?:came|come|coming|travelled|traveled|went|gone|arrived)?\s*from\s+(?:the\s+)?"
                     r"((?:[A-Z][\w'-]*\s+)*[A-Z][\w'-]*(?:\s+countries)?|western\s+countries|europe)\b")


def origin_of(fig, groups, doc: Doc) -> str | None:
    """Where the counted people came from ("fighters ... from the European Union", "from Western
    countries"): a subset of the whole, so a scope of its own."""
    if fig.unit.split("/")[0] != "people":
        return None
    match = _ORIGIN.search(doc_text(doc), fig.amount.end, fig.segment[1])
    if match is None or match.group(1).split()[0] in ("Syria", "Iraq"):
        return None
    return match.group(1)


def _governing_verb(fig) -> Token | None:
    node = fig.noun if fig.noun is not None and fig.tokens.start <= fig.noun.i <= fig.tokens.end + 6 else fig.tokens.root
    for token in [node, *node.ancestors]:
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _governing_verb_of(mention: Mention, doc: Doc) -> Token | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    for token in span.root.ancestors:
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None
