"""Places of the cased attack-argument rules: candidates in a sentence with their weights,
datelines, and the text and key a place is reported and grouped by."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from shardwatch.extract.gazetteer import get_gazetteer
from shardwatch.extract.mentions import actor_of
from shardwatch.extract.role_words import BUILDING_HEADS, LOCATIVE_PREPS, PLACE_NOUNS

DATELINE = re.compile(r"^([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)*)(?:,| \(| --| -| —)", re.M)
# The agency named in a dateline's parentheses: "MOGADISHU (Horn Dispatch) -".
DATELINE_AGENCY = re.compile(r"^[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)*(?:, [A-Za-z .]+)? \(([^)\n]{2,60})\)", re.M)

DATELINE_WEIGHT = 0.5  # where the story was filed: the place only when the text names no other

def _locative_weight(token: Token, trigger_ids: set[int]) -> float | None:
    """Weight of a place word by where it stands: "in/near/at X" counts, more so under an attack word."""
    if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS:
        governor = token.head.head
        if governor.i in trigger_ids or any(t.i in trigger_ids for t in governor.subtree if t.i < token.i):
            return 2.5
        return 2.0
    return None


def place_candidates(sent: Span, trigger_ids: set[int], origins: set[tuple[int, int]]) -> Iterator[tuple[Span, float]]:
    """Places of a sentence with their weights: GPE/LOC/FAC entities not used as actors or
    origins, and names the parse puts where a place stands ("the village of X", "X district",
    "in X" when the gazetteer knows X), whatever label NER gave them."""
    doc = sent.doc
    gazetteer = get_gazetteer()
    seen: set[int] = set()
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC") or (ent.start_char, ent.end_char) in origins:
            continue
        seen.update(range(ent.start, ent.end))
        root = ent.root
        if root.lower_ in BUILDING_HEADS:
            continue
        if root.dep_ == "compound" and root.head.lemma_.lower() in PLACE_NOUNS - {"camp", "capital"}:
            yield ent, _locative_weight(root.head, trigger_ids) or 1.0  # "in Mandera county"
            continue
        if root.dep_ in ("nsubj", "poss", "agent", "compound", "amod", "nsubjpass", "dobj"):
            continue  # "Russia's foray", "Syria-based", "Turkey said": not where it happened
        yield ent, _locative_weight(root, trigger_ids) or 1.0
    for token in sent:
        if token.pos_ != "PROPN" or token.i in seen or token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL",
                                                                             "MONEY", "PERCENT", "QUANTITY"):
            continue
        ent = next((e for e in sent.ents if e.start <= token.i < e.end), None)
        if ent is not None and ent.root.i != token.i:
            continue
        if ent is None:
            if token.dep_ == "compound" and (token.head.pos_ == "PROPN" or (
                    token.i + 1 < sent.end and doc[token.i + 1].pos_ == "PROPN"
                    and doc[token.i + 1].dep_ == "compound")):
                continue  # not the end of the name ("County" of "the County Tyrone market town")
            start = token.i
            while start > sent.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
                start -= 1
            span = doc[start: token.i + 1]
        else:
            span = ent
        if (span.start_char, span.end_char) in origins or actor_of(span) is not None or \
                span.root.lower_ in BUILDING_HEADS:
            continue
        weight = None
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in PLACE_NOUNS:
            weight = _locative_weight(token.head.head, trigger_ids) or 2.0  # "the village of X"
        elif token.dep_ == "compound" and token.head.lemma_.lower() in PLACE_NOUNS - {"camp", "capital"} and \
                token.ent_type_ != "NORP":  # "X district", not "a mainly Shia district"
            weight = _locative_weight(token.head, trigger_ids) or 1.0  # "X district"
        elif (ent is None or ent.label_ not in NOT_PLACE_ENTS) and gazetteer.candidates(span.text):
            weight = _locative_weight(token, trigger_ids)  # "in Kidal", tagged as something else
        if weight is not None:
            span = _hyphen_whole(span)
            seen.update(range(span.start, span.end))
            yield span, weight


def _hyphen_whole(span: Span) -> Span:
    """A name the tokenizer split at its hyphens, made whole: "Dasht" of "Dasht-e-Barchi"."""
    doc = span.doc
    start, end = span.start, span.end
    while end + 1 < len(doc) and doc[end].text in ("-", "–") and not doc[end - 1].whitespace_ and \
            not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    while start - 2 >= 0 and doc[start - 1].text in ("-", "–") and not doc[start - 2].whitespace_ and \
            not doc[start - 1].whitespace_ and doc[start - 2].is_alpha:
        start -= 2
    return doc[start:end]


# Names a gazetteer may know as a town but NER saw as something else: "Willis", "the Rotterdam
# Film Festival", "Beyond the Sea".
NOT_PLACE_ENTS = {"PERSON", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE"}


def datelines(doc: Doc) -> list[Span]:
    """The place of a dateline ("MOGADISHU (Wire) -", "LASHKAR GAH, Afghanistan --") in the
    first lines of the text, where the gazetteer knows it."""
    found = []
    head = doc.text[:400]
    for match in DATELINE.finditer(head):
        name = match.group(1)
        if len(name) < 3 or not get_gazetteer().candidates(name):
            continue
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if span is not None:
            found.append(span)
    return found



def cut_entity(ent: Span) -> str:
    """An entity up to its root: "Islamic State of Iraq and Syria" -> "Islamic State"."""
    root = ent.root
    if root.is_stop or root.is_punct or root.lower_ in PLACE_GENERIC:
        root = ent[-1]  # a parse rooted at "the" or at "County" (County Tyrone): keep the name whole
    end = root.i + 1
    while end + 1 < ent.end and ent.doc[end].text in ("-", "–") and not ent.doc[end].whitespace_:
        end += 2  # "Dasht-e-Barchi" rooted at "Dasht"
    words = ent.doc[ent.start: end]
    while len(words) > 1 and words[0].lower_ == "the":
        words = words[1:]
    return words.text


PLACE_GENERIC = {"province", "city", "district", "region", "governorate", "town", "village", "state", "county",
                 "area", "capital", "the"}


def place_key(ent: Span) -> str:
    """"Helmand province" and "Helmand" are one place."""
    words = [t.lower_ for t in ent if t.lower_ not in PLACE_GENERIC and not t.is_punct]
    return "place:" + " ".join(words or [ent.text.lower()])
