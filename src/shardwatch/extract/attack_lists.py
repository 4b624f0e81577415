"""Several attacks in one sentence, and attacks named by their place.

Analysis pieces and one-line summaries name several attacks at once; the attack core makes one
frame per sentence, and this module splits it:

1. Attack nouns of one sentence, each with its own place ("the June 12 Orlando nightclub
   shooting and the July 14 Nice Bastille Day attack", "the Paris attacks, the Brussels bombings
   and the Berlin truck attack"): one attack per noun, with the place and the date of its own
   phrase, where they name two places or more. A noun with no place of its own gives none
   ("more attacks like ...").
2. One attack word with coordinated places ("bombings in Baghdad and Karbala kill 30"): one
   attack per place. The toll is of all of them together, so each keeps it only as an upper
   bound ("up to 30"): no place is given a toll that was not its own.

An attack named by a place ("the Nice attack", "the Paris attacks") is one real attack, not a
generic mention: ``named_attack`` tells the core so. Such a recalled attack keeps the date of
its own phrase ("the July 14 Nice attack") or none, never the report's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Span, Token

from shardwatch.extract.attack_lexicon import _weapons, trigger_of
from shardwatch.extract.common import _resolved
from shardwatch.extract.gazetteer import get_gazetteer
from shardwatch.extract.temporal import ResolvedDate
from shardwatch.types import Article, Mention, Quantity

# The modifiers that name an attack by its place: "the Paris attacks", "the Nice truck attack".
_MODIFIER_DEPS = ("compound", "amod", "nmod", "npadvmod")


def _is_attack_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and (trigger_of(token) or {}).get("kind") == "attack"


def _own_tokens(noun: Token, others: list[Token]) -> set[int]:
    """The noun's phrase without the phrases of the other conjuncts that hang on it."""
    own = {t.i for t in noun.subtree}
    for other in others:
        if other.i != noun.i and other.i in own:
            own -= {t.i for t in other.subtree}
    return own


def _modifier_place(noun: Token, article: Article) -> Mention | None:
    """A place named as the noun's modifier ("the Nice attack") that NER may have taken for an
    organisation: a run of proper nouns before the noun that the gazetteer knows as a city."""
    doc = noun.doc
    runs: list[list[Token]] = []
    for token in doc[noun.left_edge.i: noun.i]:
        if token.pos_ == "PROPN" and token.ent_type_ not in ("DATE", "PERSON", "NORP", "EVENT"):
            if runs and runs[-1][-1].i == token.i - 1:
                runs[-1].append(token)
            else:
                runs.append([token])
    gazetteer = get_gazetteer()
    for run in runs:
        # "Nice Bastille Day": the longest run's first word may be the place alone
        for words in (run, run[:1]):
            text = " ".join(t.text for t in words)
            place = gazetteer.resolve(text)
            if place is not None and place.precision == 1:
                span = doc[words[0].i: words[-1].i + 1]
                return Mention(article.id, span.start_char, span.end_char, span.text, "GPE", place=place)
    return None


def _places_in(tokens: set[int], places: list[Mention], sent: Span) -> list[Mention]:
    doc = sent.doc
    found = []
    for mention in places:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and all(t.i in tokens for t in span):
            found.append(mention)
    return found


def _where(item: Token, own: set[int], places: list[Mention]) -> list[Mention]:
    """The places an attack noun's own phrase puts it at: its modifiers ("the Paris attacks") and
    its "in"/"at" phrase ("the attacks in Paris and Brussels"), not a place it is compared with."""
    where = {t.i for c in item.children if c.i < item.i or (c.dep_ == "prep" and c.lower_ in ("in", "at"))
             for t in c.subtree} & own
    # the names right before it, however parsed ("the Brussels and Ankara attacks" as one list)
    i = item.i - 1
    while i >= item.sent.start and (item.doc[i].pos_ in ("PROPN", "ADJ", "NUM") or item.doc[i].lower_ in (
            "and", ",", "-")) and not _is_attack_noun(item.doc[i]):
        where.add(i)
        i -= 1
    return [m for m in _places_in(where, places, item.sent) if m.place.precision <= 2]


def _definite(trigger: Token) -> bool:
    # "the Brussels and Istanbul attacks": the parser may hang the article on the first name
    return trigger.left_edge.lower_ in ("the", "its", "their", "this", "that", "these", "those") or any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their", "this", "that", "these")
        for c in trigger.children)


def named_attack(trigger: Token, places: list[Mention], article: Article) -> Mention | None:
    """The place an attack noun is named by ("the Nice attack", "the Paris attacks", "the
    attacks in Paris"), or None: a definite noun with a city of its own names one real attack."""
    if not _is_attack_noun(trigger) or not _definite(trigger):
        return None
    own = [m for m in _where(trigger, {t.i for t in trigger.subtree}, places) if m.place.precision == 1]
    if own:
        return own[0]
    return _modifier_place(trigger, article)


def _coordinated(mentions: list[Mention], sent: Span) -> bool:
    """Places joined by "and"/"or" (one a conjunct of another), not a town and its country, nor
    a town and its region that the parser made conjuncts ("in Salamanca, Guanajuato, a man was
    shot": no "and" joins them, ``_joined``)."""
    spans = [sent.doc.char_span(m.start, m.end, alignment_mode="expand") for m in mentions]
    return any(span is not None and span.root.dep_ == "conj" and _joined(span.root.head) for span in spans)


def _joined(first: Token) -> bool:
    """Whether ``first`` and its conjuncts are joined by "and"/"or" ("in Baghdad and Karbala"),
    not only by commas ("in Salamanca, Guanajuato": a town and its region)."""
    return any(c.dep_ in ("cc", "preconj") for t in (first, *first.conjuncts) for c in t.children)


def _own_date(tokens: set[int], sent: Span, article: Article) -> ResolvedDate | None:
    for ent in sent.ents:
        if ent.label_ == "DATE" and all(t.i in tokens for t in ent):
            resolved = _resolved(ent, article)
            if resolved is not None:
                return resolved
    return None


def _upper_bound(quantity: Quantity | None) -> Quantity | None:
    if quantity is None or quantity.high is None:
        return None
    return Quantity(None, quantity.high, "up to", quantity.text)


def _fresh(frame, **changes):
    """A copy of a frame whose lists are its own (later stages append to them)."""
    return replace(frame, perpetrator_orgs=list(frame.perpetrator_orgs),
                   perpetrator_people=list(frame.perpetrator_people), targets=list(frame.targets),
                   victims=list(frame.victims), cue_sentences=[], mentions=[], segment=[], claim_sentences=[],
                   **changes)


def _listed_nouns(frame, places: list[Mention], article: Article) -> list:
    """Case 1: one frame per attack noun of the sentence with a place of its own, where two or
    more name different places ("attacks like the Orlando shooting and the Nice attack": the
    generic "attacks" has none and gives none)."""
    sent = frame.sentence
    nouns = [t for t in sent if _is_attack_noun(t)]
    if len(nouns) < 2:
        return []
    parts = []
    for item in nouns:
        own = _own_tokens(item, nouns)
        item_places = _where(item, own, places)
        if len(item_places) > 1 and _coordinated(item_places, sent):
            parts += [(item, own, m) for m in item_places]  # "the Brussels and Istanbul attacks"
            continue
        place = min(item_places, key=lambda m: (m.place.precision, m.start)) if item_places else \
            _modifier_place(item, article)
        if place is not None:
            parts.append((item, own, place))
    if len({place.place.canonical for _, _, place in parts}) < 2:
        return []
    frames = []
    for item, own, place in parts:
        record = trigger_of(item) or {}
        text = " ".join(sent.doc[i].text for i in sorted(own))
        weapon = next(((p, w) for p, w in _weapons() if p.search(text)), None)
        attack_type = (weapon[1].get("attack_type") if weapon else None) or record.get("attack_type") or \
            "Armed Assault"  # the core's type of an attack that names no weapon
        frames.append(_fresh(frame, trigger=item, place=place, date=_own_date(own, sent, article),
                             killed=_upper_bound(frame.killed), wounded=_upper_bound(frame.wounded),
                             attack_type=attack_type, weapon=weapon[0].search(text).group(0) if weapon else None,
                             weapon_type=weapon[1]["weapon_type"] if weapon else None,
                             part=f"{item.i}:{place.start}", own_date_only=True))
    return frames


def _listed_place(item: Token, sibling: Mention, article: Article) -> Mention | None:
    if item.pos_ != "PROPN":
        return None
    words = [t for t in item.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [item]
    span = item.doc[words[0].i: item.i + 1]
    place = get_gazetteer().resolve(span.text)
    if place is None or place.precision != 1 or place.country != sibling.place.country:
        return None
    return Mention(article.id, span.start_char, span.end_char, span.text, "GPE", place=place)


def _respective_years(word: Token, count: int) -> list[ResolvedDate] | None:
    """"the 2015 and 2016 attacks in Paris and Brussels": as many years before the word as
    places after it go with them in order."""
    years = [t for t in word.doc[word.left_edge.i: word.i]
             if t.like_num and len(t.text) == 4 and t.text.isdigit() and 1900 <= int(t.text) <= 2100]
    if len(years) != count:
        return None
    return [ResolvedDate(dt.date(int(t.text), 1, 1), "year", t.text) for t in years]


def _coordinated_places(frame, places: list[Mention], article: Article) -> list:
    """Case 2: one frame per coordinated place of one attack word ("bombings in A and B")."""
    trigger = frame.trigger
    words = [trigger] + [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass") and _is_attack_noun(c)]
    sent = frame.sentence
    for word in words:
        for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "on")):
            heads = [g for g in prep.children if g.dep_ == "pobj"]
            if not heads:
                continue
            if not _joined(heads[0]):
                # "in Salamanca, Guanajuato": one town and its region, one attack. ACLED tuning
                # slices i % 9 == 0-3 killed 82.86 -> 85.71, 79.49 (unchanged), 81.25 -> 83.93,
                # 80.20 -> 83.17 (the note's closing count then goes to its one attack), record
                # +0.87, 0, +0.77, +0.84; incidents dev residue 0 record 78.64 -> 78.74, residue 3
                # unchanged; detection, places and false alarms unchanged everywhere
                continue
            items = [heads[0], *(t for t in heads[0].conjuncts if t.dep_ == "conj")]
            found = [next(iter(_places_in({item.i} | {t.i for t in item.lefts}, places, sent)), None)
                     for item in items]
            known = [m for m in found if m is not None]
            if not known:
                continue
            # "in Jableh and Tartus" with Tartus taken for an organisation: a proper noun listed
            # with a place is a place where the gazetteer knows it in the same country
            listed = [m if m is not None else _listed_place(item, known[0], article)
                      for item, m in zip(items, found)]
            listed = [m for m in listed if m is not None]
            if len(listed) >= 2 and len({m.place.canonical for m in listed}) == len(listed) and \
                    len(listed) == len(items):
                dates = _respective_years(word, len(listed)) or [frame.date] * len(listed)
                return [_fresh(frame, place=m, date=date, killed=_upper_bound(frame.killed),
                               wounded=_upper_bound(frame.wounded), part=f"{m.start}")
                        for m, date in zip(listed, dates)]
    return []


def split_listed(frame, places: list[Mention], article: Article) -> list:
    """The attacks one sentence's frame tells: itself, or one per listed attack or place."""
    return _listed_nouns(frame, places, article) or _coordinated_places(frame, places, article) or [frame]


_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
               "northern", "southern", "eastern", "western", "central", "north-east", "north-west",
               "south-east", "south-west", "northeastern", "northwestern", "southeastern", "southwestern"}


def as_written(mention: Mention | None, doc) -> Mention | None:
    """A city's part or surroundings as the text names them, the city itself as canonical:
    "in northern Ramadi", "a stadium south of Baghdad" (the Current Events summaries name the
    place so; the city stays the canonical place, so incidents and maps are unchanged)."""
    if mention is None or mention.place is None or mention.place.precision != 1:
        return mention
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return mention
    root = span.root
    start = None
    before = doc[span.start - 1] if span.start > span.sent.start else None
    if before is not None and before.lower_ in _DIRECTIONS and before.dep_ in ("amod", "compound", "nmod") \
            and before.head.i == root.i:
        start = before.idx  # "northern Ramadi"
    elif root.dep_ == "pobj" and root.head.lower_ == "of" and span.start >= 2 \
            and doc[span.start - 2].lower_ in _DIRECTIONS and root.head.i == span.start - 1:
        start = doc[span.start - 2].idx  # "south of Baghdad"
    if start is None:
        return mention
    text = doc.text[start:mention.end]
    # the name stays the city's ("Baghdad"), as the lists of incidents name the place; the
    # phrase is the place's written form (incidents dev tuning residues 0-3: 4 reports named
    # "Samarra", "Salamiyah" ... that had been "central Samarra", "east of Salamiyah")
    return Mention(mention.article_id, start, mention.end, text, mention.label,
                   place=replace(mention.place, written=text))
