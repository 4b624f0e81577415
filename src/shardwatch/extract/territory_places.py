"""The places a territory cue's slot names, beyond the entities the model tagged as places.

The small model often tags town names as ORG or PERSON ("captures the towns of al-Qa'im [ORG],
Anah [PERSON] and Rawa [ORG]"), and GeoNames (towns of 5,000 or more) lacks villages and sites
("Tel Keppe", "the Tishrin Dam"). In the slot of a territory cue (the object of "captured", the
"of" of "the fall of"), where the words already say a place is meant:

1. a site noun with a proper name before it ("the strategic Mishtenur hill", "the Mosul Dam",
   "the Great Mosque of al-Nuri") is the site as written, placed at the town it names, if any;
2. a proper name the gazetteer resolves in the article's countries is that place, whatever the
   model's label; a name it lacks is kept as written, without coordinates, in the country the
   sentence or article names, when the words around it say it is a place (a place noun governs
   it, "the towns of", "cities including", an apposition "the last major settlement", or it
   stands in a list with other places); a PERSON-tagged name alone in the slot is not taken;
3. a list is one place per item, read along the parse (conjuncts, appositions) and along the
   text (", X", "and X", "as well as the X"), because the parser often hangs the items of a
   long list on a wrong word.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from spacy.tokens import Span, Token

from shardwatch.data import load_jsonl
from shardwatch.extract.common import PLACE_NOUNS, DocContext
from shardwatch.extract.gazetteer import get_gazetteer, replace_name
from shardwatch.extract.leadership import LEADER_ROLE
from shardwatch.extract.mentions import actors
from shardwatch.types import Mention, Place

# Nouns that name a site: with a proper name before them they are a place of their own.
SITE_NOUNS = {"dam", "hill", "airfield", "airport", "airbase", "base", "museum", "mosque", "refinery",
              "oilfield", "bridge", "crossing", "port", "university", "hospital", "palace", "citadel",
              "castle", "prison", "mountain", "mount", "ridge", "camp", "barracks", "plant", "field"}
# Words that open the list of what a plural place noun covers: "cities including Khanaqin".
LIST_OPENERS = {"notably", "including", "namely", "especially", "particularly", "like"}
# Objects of "take" that mean control of a place: "took control of Sirte", "took the last positions".
_CONTROL = {"control", "positions", "position", "buildings", "stronghold", "half", "side", "centre", "center",
            "neighbourhoods", "neighborhoods", "districts", "city", "town", "village"}
_NAME_LABELS = {"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"}
# Words inside a proper name that are not PROPN: "al-Qa'im", "Hamam al-Alil", "Deir ez-Zor".
_NAME_GLUE = {"-", "al", "el", "ez", "az", "as", "ad", "ar", "'s"}


def _name_tokens(token: Token) -> list[Token] | None:
    """The proper name a token belongs to: its entity (of a naming label), else the run of
    proper nouns around it; None when the token is no part of a name."""
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if ent is not None and ent.label_ in _NAME_LABELS:
        tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
        while tokens and tokens[-1].pos_ in ("ADP", "CCONJ", "DET", "PUNCT"):
            tokens.pop()  # the small model's "Baga in" (of "the town of Baga in Borno State") is "Baga"
        return tokens or None
    if token.pos_ != "PROPN":
        return None
    doc = token.doc
    start = end = token.i
    while start > token.sent.start and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].lower_ in _NAME_GLUE):
        start -= 1
    while end + 1 < token.sent.end and (doc[end + 1].pos_ == "PROPN" or doc[end + 1].lower_ in _NAME_GLUE):
        end += 1
    while start < end and doc[start].lower_ in _NAME_GLUE:
        start += 1
    return list(doc[start:end + 1])


def _site_tokens(token: Token) -> list[Token] | None:
    """"the strategic Mishtenur hill", "Mosul Museum", "the Great Mosque of al-Nuri": the site
    noun with its proper-name modifiers (and a proper "of" name after it)."""
    if token.lemma_.lower() not in SITE_NOUNS and token.lower_ not in SITE_NOUNS:
        return None
    names = [c for c in token.children if c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" and c.i < token.i]
    if not names:
        return None
    start = min(t.i for n in names for t in n.subtree if t.pos_ == "PROPN" or t.i == n.i)
    end = token.i
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == end + 1:
            pobj = [g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
            if pobj:
                end = max(t.i for t in pobj[0].subtree)
    return list(token.doc[start:end + 1])


def _is_actor(ctx: DocContext, tokens: list[Token]) -> bool:
    """A name of the actor data (not a PERSON-tagged name the data does not know: the model
    tags many towns as people)."""
    return any(ctx.token_actor.get(t.i) in actors() for t in tokens)


@cache
def home_country() -> dict[str, str]:
    """State forces' countries (``country`` in ``data/actors.jsonl``)."""
    return {r["id"]: r["country"] for r in load_jsonl("actors.jsonl") if r.get("country")}


def _adjective_country(tokens: list[Token]) -> str | None:
    """"the Syrian city of Tadmur", "the western Libyan town of Sabratha": the country an
    adjective of the name's phrase gives."""
    demonyms = get_gazetteer().demonyms
    head = tokens[-1]
    while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        head = head.head.head  # from "Sabratha" up to "town"
    for token in [*head.children, *tokens[0].lefts]:
        if token.dep_ in ("amod", "compound", "nmod") and token.lower_ in demonyms:
            return demonyms[token.lower_]
    return None


def _country(ctx: DocContext, sent: Span, tokens: list[Token]) -> str | None:
    """The country a place the gazetteer lacks lies in: the one an adjective of its phrase
    gives, else the one the sentence names most, else the article's."""
    adjective = _adjective_country(tokens)
    if adjective:
        return adjective
    for pool in (ctx.sentence_places(sent), ctx.all_places or ctx.places):
        counts = Counter(m.place.country for m in pool if m.place is not None and m.place.country)
        if counts:
            return counts.most_common(1)[0][0]
    demonyms = get_gazetteer().demonyms
    counts = Counter(demonyms[t.lower_] for t in sent if t.lower_ in demonyms
                     and t.head.lemma_.lower() not in ("border", "frontier"))
    return counts.most_common(1)[0][0] if counts else None


def _countries(ctx: DocContext) -> set[str]:
    """The countries an article is about: the places it names, the state forces it names, and
    the countries its adjectives name ("Iraqi", "Syrian")."""
    found = {m.place.country for m in (ctx.all_places or ctx.places) if m.place and m.place.country}
    found |= {home_country()[i] for i in set(ctx.token_actor.values()) if i in home_country()}
    demonyms = get_gazetteer().demonyms
    # "near the Syrian border" names a neighbour as much as the place's own country
    found |= {demonyms[t.lower_] for t in ctx.doc if t.lower_ in demonyms and t.pos_ in ("ADJ", "PROPN")
              and t.head.lemma_.lower() not in ("border", "frontier")}
    return found


def _in_context(ctx: DocContext, mention: Mention, tokens: list[Token]) -> Mention:
    """A tagged place re-read when an adjective of its phrase names another country that has a
    place of that name ("the Syrian city of X")."""
    if mention.place is None or mention.place.precision != 1:
        return mention
    wanted = _adjective_country(tokens)
    if not wanted or mention.place.country == wanted:
        return mention
    better = next((p for p in get_gazetteer().candidates(mention.text) if p.country == wanted), None)
    if better is None:
        return mention
    return Mention(mention.article_id, mention.start, mention.end, mention.text, mention.label,
                   place=replace_name(better, mention.place.name))


def _mention(ctx: DocContext, tokens: list[Token], *, site: bool, listed: bool,
             near: frozenset[str] = frozenset()) -> Mention | None:
    """The place a name (or site) in a slot names; ``near``: the countries of the places listed
    with it, which the list's other towns share."""
    if not tokens or _is_actor(ctx, [t for t in tokens if t.pos_ == "PROPN" or not site]):
        return None
    doc = ctx.doc
    if not site and tokens[0].i > 0 and LEADER_ROLE.fullmatch(doc[tokens[0].i - 1].text):
        return None  # "the capture of ISIS commander X": a person named by their title
    if not site and (tokens[0].dep_ == "appos" or tokens[-1].dep_ == "appos"):
        title = tokens[-1].head if tokens[-1].dep_ == "appos" else tokens[0].head
        if LEADER_ROLE.fullmatch(title.text):
            return None  # "captured a senior ISIS commander, Abu Ahmed al-Alwani, near Fallujah"
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc.text[start:end]
    known = next((ctx.token_place[t.i] for t in tokens if t.i in ctx.token_place), None)
    if known is not None and not site:
        return known
    countries = _countries(ctx)
    sent = tokens[0].sent
    if site:
        # the site lies at (or near: a dam named after a town) the town named in it
        anchor = known.place if known is not None else None
        place = Place(name=text, canonical=text,
                      country=anchor.country if anchor else _country(ctx, sent, tokens),
                      lat=anchor.lat if anchor else None, lon=anchor.lon if anchor else None,
                      gazetteer_id=None, precision=2 if anchor else 1)
        return Mention(ctx.article.id, start, end, text, "FAC", place=place)
    wanted = _adjective_country(tokens)
    named = {m.place.country for m in (ctx.all_places or ctx.places) if m.place and m.place.country}
    # the countries of the places the article names rank the candidates, as for every place
    # mention; the countries of its adjectives and forces only when it names none
    gazetteer = get_gazetteer()
    resolved = gazetteer.resolve(text, context={wanted} if wanted else (near or named or countries))
    if resolved is None:
        # "Anah": two towns of one country and neither dominant; the country is enough
        candidates = gazetteer.candidates(text)
        if candidates and len({c.country for c in candidates}) == 1 and candidates[0].precision <= 2:
            resolved = candidates[0]
    countries = countries | near
    # a resolution in a country the article does not name is no resolution ("Sidra" is no
    # Puerto Rican town in a story on Libya); an article naming no place leaves it open
    fits = resolved is not None and (resolved.country == wanted if wanted else (
        resolved.country in countries or not named))
    if resolved is not None and resolved.precision <= 2 and fits:
        return Mention(ctx.article.id, start, end, text, "GPE", place=replace_name(resolved, text))
    label = next((e.label_ for e in doc.ents if e.start <= tokens[0].i < e.end), "")
    if not listed or label == "NORP":
        return None  # a name the gazetteer lacks is a place only where the words say so
    place = Place(name=text, canonical=text, country=_country(ctx, sent, tokens), lat=None, lon=None,
                  gazetteer_id=None, precision=1)
    return Mention(ctx.article.id, start, end, text, "GPE", place=place)


def _place_noun(token: Token) -> bool:
    return token.lower_ in PLACE_NOUNS or token.lemma_.lower() in PLACE_NOUNS or token.lemma_.lower() in (
        "settlement", "village", "town", "city", "port", "harbour", "harbor")  # "the oil port of Sidra"


# Common nouns of a site or an area that a territory cue can name with the place it lies in or
# by: "the main government compound in Fallujah", "several villages north of Ba'aj".
_ANCHORED_NOUNS = SITE_NOUNS | {"compound", "building", "buildings", "complex", "headquarters", "village",
                                "villages", "neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods",
                                "district", "districts", "quarter", "positions", "area", "areas"}
# not "of": "the villages of X, Y and Z" is a list (``_openers``), "the port of X" the place itself
_ANCHOR_PREPS = {"in", "near", "outside", "around"}
_QUANTIFIERS = {"several", "many", "some", "few", "numerous", "other", "dozens", "various"}
_ANCHOR_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}


def _anchored(ctx: DocContext, token: Token) -> Mention | None:
    """A site or area named by a common noun and the place it lies in or by: the phrase as
    written (from its first modifier, without article or number: "villages north of Ba'aj"),
    placed at that place. Only where the noun has no proper name of its own (``_site_tokens``)."""
    if token.pos_ != "NOUN" or (token.lemma_.lower() not in _ANCHORED_NOUNS and token.lower_ not in _ANCHORED_NOUNS):
        return None
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in _ANCHOR_PREPS]
    # "villages north of Ba'aj": the direction word carries the "of"
    preps += [p for c in token.children if c.dep_ in ("advmod", "npadvmod", "amod") and c.lower_ in _ANCHOR_DIRECTIONS
              and c.i > token.i for p in c.children if p.dep_ == "prep" and p.lower_ == "of"]
    doc = token.doc
    if token.i + 2 < token.sent.end and doc[token.i + 1].lower_ in _ANCHOR_DIRECTIONS \
            and doc[token.i + 2].lower_ == "of":
        preps.append(doc[token.i + 2])  # the parser hangs "north of X" on the verb
    for prep in preps:
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if pobj is None:
            continue
        anchor = ctx.place_of(pobj) or (slot_places(ctx, pobj) or [None])[0]
        if anchor is None or anchor.place is None or anchor.place.precision != 1:
            continue
        first = min((c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod")
                     and c.lower_ not in _QUANTIFIERS), key=lambda t: t.i, default=token)
        start, end = first.idx, anchor.end
        text = ctx.doc.text[start:end]
        place = Place(name=text, canonical=text, country=anchor.place.country, lat=anchor.place.lat,
                      lon=anchor.place.lon, gazetteer_id=None, precision=2 if token.lemma_.lower() in
                      ("village", "area", "district", "position", "neighbourhood", "neighborhood") else 1)
        return Mention(ctx.article.id, start, end, text, "FAC", place=place)
    return None


def _named_here(ctx: DocContext, token: Token, *, listed: bool, near: frozenset[str] = frozenset()
                ) -> Mention | None:
    site = _site_tokens(token)
    if site is not None:
        return _mention(ctx, site, site=True, listed=True)
    anchored = _anchored(ctx, token)
    if anchored is not None:
        return anchored
    if token.i in ctx.token_place:
        return _directed(ctx, token, _in_context(ctx, ctx.token_place[token.i], [token]))
    known = ctx.place_of(token)  # "the city of Mosul", "the capital, Raqqa"
    if known is not None:
        return known
    if _place_noun(token):
        # "the Al-Qaryatain town": the name before the place noun
        names = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if names:
            return _named_here(ctx, names[-1], listed=True, near=near)
    name = _name_tokens(token)
    if name is None:
        return None
    appos_place = any(c.dep_ == "appos" and _place_noun(c) for c in token.children)
    return _mention(ctx, name, site=False, listed=listed or appos_place, near=near)


_DIRECTIONS = {"western", "eastern", "northern", "southern", "central", "west", "east", "north", "south"}


def _directed(ctx: DocContext, token: Token, mention: Mention) -> Mention:
    """"western Mosul": the part of the place as written, the place itself as canonical."""
    words = [c for c in token.children if c.dep_ == "amod" and c.lower_ in _DIRECTIONS and c.i < token.i]
    if not words or mention.place is None or mention.place.precision != 1:
        return mention
    start = words[0].idx
    text = ctx.doc.text[start:mention.end]
    return Mention(mention.article_id, start, mention.end, text, mention.label,
                   place=replace_name(mention.place, text))


def _list_after(ctx: DocContext, last: Token, found: list[Mention]) -> None:
    """Items that follow a listed place in the text: ", Jalawla, Bashiqa ... and Rabia, as well
    as the Mosul Dam". A phrase attached to an item ("Khanaqin near the Iranian border") is
    skipped up to the next comma."""
    doc = ctx.doc
    i = last.i + 1
    end = last.sent.end
    skipping = False
    while i < end:
        token = doc[i]
        if token.text in (";", ".", ":") or token.pos_ in ("VERB", "AUX") and token.lower_ != "including":
            return
        if token.text == ",":
            skipping = False
            i += 1
            continue
        if token.lower_ in ("and", "or", "the") or (token.lower_ in ("as", "well") and i + 1 < end):
            i += 1
            continue
        if skipping:
            i += 1
            continue
        if token.pos_ in ("ADP", "ADV") and token.lower_ not in ("as",):
            skipping = True  # "near the Iranian border", "in northern Iraq"
            i += 1
            continue
        head = token
        # the head of the item's noun phrase: "the Mosul Dam" -> "Dam"
        while head.i + 1 < end and doc[head.i + 1].pos_ in ("PROPN", "NOUN") and head.dep_ == "compound":
            head = doc[head.i + 1]
        near = frozenset(m.place.country for m in found if m.place.country and m.place.precision == 1)
        mention = _named_here(ctx, head, listed=True, near=near)
        if mention is None:
            return
        if mention.place.precision > 1 and any(m.place.precision == 1 for m in found):
            return  # ", Homs Governorate": where the listed town lies
        if all(m.start != mention.start for m in found):
            found.append(mention)
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        i = max(head.i, span.end - 1 if span is not None else head.i) + 1


def _covered(token: Token) -> list[Token]:
    """The token and its conjuncts and appositions (a list the parser got right)."""
    out, stack = [], [token]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(c for c in current.children if c.dep_ in ("conj", "appos") and c.i > current.i)
    return sorted(out, key=lambda t: t.i)


def _openers(token: Token) -> list[Token]:
    """The first item after a plural place noun's opener: "towns of X", "cities including X",
    "cities ..., notably X"."""
    items = []
    for child in token.subtree:
        if child.i <= token.i:
            continue
        if child.dep_ == "prep" and child.lower_ in ("of", "including", "like") and child.head.i == token.i:
            items += [g for g in child.children if g.dep_ == "pobj"]
        elif child.lower_ in LIST_OPENERS and child.dep_ in ("advmod", "prep"):
            target = child.head if child.dep_ == "advmod" else next(
                (g for g in child.children if g.dep_ == "pobj"), None)
            if target is not None and target.i > child.i:
                items.append(target)
    return items


def slot_places(ctx: DocContext, token: Token) -> list[Mention]:
    """Every place one argument token of a territory cue names (see the module's rules)."""
    found: list[Mention] = []
    heads = [token]
    if _place_noun(token) or token.lemma_.lower() in ("territory", "range", "number", "control"):
        heads += _openers(token)
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (_place_noun(pobj) or pobj.lemma_.lower() == "territory"):
                        heads += _openers(pobj)
    listed = len(heads) > 1
    for head in heads:
        for item in _covered(head):
            near = frozenset(m.place.country for m in found if m.place.country and m.place.precision == 1)
            mention = _named_here(ctx, item, listed=listed or item is not head, near=near)
            if mention is None:
                continue
            if item.dep_ == "appos" and mention.place.precision > 1 and any(
                    m.place.precision == 1 for m in found):
                continue  # "al-Qaryatayn, Homs Governorate": where the town lies, not another place
            if all(m.start != mention.start for m in found):
                found.append(mention)
    if found and (listed or len(found) > 1 or _conjoined(token)):
        for mention in list(found):
            span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                _list_after(ctx, span[-1], found)
    return sorted(found, key=lambda m: m.start)


def _conjoined(token: Token) -> bool:
    return any(c.dep_ == "conj" for c in token.children) or any(
        t.text == "," for t in token.doc[token.i + 1: min(token.i + 3, token.sent.end)])


def _pronoun_place(ctx: DocContext, token: Token) -> Mention | None:
    """"lose it to the group": the place named before the pronoun in the sentence."""
    before = [m for m in ctx.sentence_places(token.sent) if m.end <= token.idx and m.place.precision <= 2]
    return before[-1] if before else None


def places_of(ctx: DocContext, tokens: list[Token]) -> tuple[list[Mention], bool]:
    """Places named by the tokens, and whether a token is a place noun or pronoun that names
    a place without saying which ("the town", "it", "the last positions")."""
    places: list[Mention] = []
    vague = False
    for token in tokens:
        found = slot_places(ctx, token)
        if not found and token.lower_ == "it":
            place = _pronoun_place(ctx, token)
            found = [place] if place else []
            vague = vague or not found
        definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
                       for c in token.children)
        if not found and (token.lemma_.lower() in _CONTROL or token.lower_ in _CONTROL) and (
                definite or token.lower_ == "control"):
            # "took control of the coastal city of Sirte", "the centre of Ramadi"
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "at"):
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            found = slot_places(ctx, pobj)
                            if not found and (pobj.lemma_.lower() in _CONTROL):
                                vague = True
            vague = vague or not found
        if found and all(p.place.precision > 2 for p in found):
            # "Iraq's second-largest city": a country is not the place itself
            found, vague = [], True
        for place in found:
            if all(p.start != place.start for p in places) and place.place.precision <= 2:
                places.append(place)
    return places, vague


def fallback_place(ctx: DocContext, sent: Span, focus: Mention | None, *, vague: bool) -> Mention | None:
    """The place a sentence is about when its event names none. "The offensive began in May":
    the sentence's only city or region, else the place of the article's previous territory
    event. "took the last positions" (a place noun that names no place) refers back: the
    previous event's place in the same paragraph comes first."""
    local = {m.place.canonical: m for m in ctx.sentence_places(sent) if m.place.precision <= 2}
    if vague and focus is not None and ctx.paragraph_of(sent) == ctx.doc.text.count("\n\n", 0, focus.start):
        return focus
    if len(local) == 1:
        return next(iter(local.values()))
    return focus
