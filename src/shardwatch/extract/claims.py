"""Quantitative claims: every figure about the subject, with measure, scope, as-of date and claimant.

For each sentence (the headline excepted, which repeats the body):

1. Figures are found by ``quantities.find_amounts``; years, ages, times, distances, figures
   inside names ("Flight 9268") and definite counts ("the two countries") are dropped.
2. What is counted is the noun the figure modifies ("15,000 battle-ready fighters"), or, when
   the noun is left out ("about 50,000 had been killed", "5,600 of them"), the noun of the
   figure before it in the sentence, or "the number of X".
3. The measure is the first entry of ``data/measures.jsonl`` whose conditions hold on the
   unit, the counted noun and the cue words around the figure (its stretch of the sentence
   and the verbs above it in the parse); otherwise "other", with the counted words kept.
4. The scope is the place (or "X and Y") written after the figure in its stretch, else
   before it in the sentence, never one inside the claimant's phrase; "the two countries
   together" is the union of the places of the article's earlier claims.
5. The as-of date is the date attached to the figure's clause or to its reporting verb
   ("estimated in December 2015", "by last December", "a year earlier" relative to the
   sentence's other date), else the date of the attribution a pronoun points back to, else
   the publication date with precision "reported".
6. The claimant comes from ``attribution``; nothing found means the publisher.
7. Hypothetical and negated statements ("as many as a million could be forced from their
   homes") are not claims.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from shardwatch.data import load_jsonl, measures
from shardwatch.extract.attribution import Speakers, claimant_for, register_sentence
from shardwatch.extract.claim_figures import _Figure, _figures
from shardwatch.extract.claim_dates import RELATIVE, date_ents, resolve
from shardwatch.extract.claim_dates import as_of_date as figure_as_of
from shardwatch.extract.claim_scope import figure_scope, origin_of, place_groups
from shardwatch.extract.mentions import actors
from shardwatch.extract.modality import modality_of
from shardwatch.extract.temporal import ResolvedDate
from shardwatch.nlp.pipeline import doc_text
from shardwatch.types import Article, Claim, Claimant, Evidence, Mention
from shardwatch.extract.versions import version_of

EXTRACTOR = "claims"
VERSION = version_of(__name__)
_TOGETHER = re.compile(r"\b(?:together|combined|overall|in total|in all|both countries|the two countries)\b", re.I)


@cache
def _basis_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(r["pattern"], re.I), r["basis"]) for r in load_jsonl("claim_cues.jsonl") if r["kind"] == "basis")


def claim_id(article_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{article_id}:claim:{start}:{end}".encode()).hexdigest()[:16]


def _has(context: str, cue: str) -> bool:
    return f" {cue.lower()} " in context


def classify(unit: str, per: str | None, noun_lemma: str | None, context: str, verb: str | None = None) -> str:
    """The first measure whose conditions hold, or "other"."""
    base = unit.split("/")[0]
    for measure in measures():
        for cond in measure.get("match", ()):
            if "units" in cond and base not in cond["units"]:
                continue
            if "per" in cond and per not in cond["per"]:
                continue
            if "per" not in cond and per and measure["unit"].count("/") == 0 and base in ("USD",):
                continue  # "$400 a month" is not a one-off sum
            if "nouns" in cond and (noun_lemma or "") not in cond["nouns"]:
                continue
            if "verbs" in cond and (verb or "") not in cond["verbs"]:
                continue
            if "cues" in cond and not any(_has(context, c) for c in cond["cues"]):
                continue
            if any(_has(context, c) for c in cond.get("not_cues", ())):
                continue
            return measure["id"]
    return "other"


# -- the claims of one article ----------------------------------------------------------------


def _subject(sent: Span, people: list[Mention], claimant: Claimant | None, article_org: str | None) -> str | None:
    for mention in people:
        if sent.start_char <= mention.start < sent.end_char and mention.actor_id:
            actor = actors().get(mention.actor_id)
            if actor and actor.kind == "organisation" and (claimant is None or claimant.actor_id != actor.id):
                return actor.id
    return article_org


def _evidence(article: Article, sent: Span) -> Evidence:
    text = sent.text.rstrip()
    return Evidence(article.id, sent.start_char, sent.start_char + len(text), text, EXTRACTOR, VERSION)


def main_organisation(people: list[Mention]) -> str | None:
    """The organisation an article names most: what its figures are about by default."""
    orgs = Counter(m.actor_id for m in people
                   if m.actor_id and actors().get(m.actor_id) and actors()[m.actor_id].kind == "organisation")
    return orgs.most_common(1)[0][0] if orgs else None


def main_speaker(people: list[Mention]) -> Claimant | None:
    """The article's main organisation as a speaker: who "the group said" is."""
    org = main_organisation(people)
    return Claimant(actors()[org].name, None, "organisation", org) if org else None


def claims_in(doc: Doc, article: Article, places: list[Mention], people: list[Mention]) -> list[Claim]:
    """Every quantitative claim of one article, in text order."""
    article_org = main_organisation(people)
    speakers = Speakers(main_org=main_speaker(people))
    publisher = Claimant(article.source, "publisher", "publisher", None)
    claims: list[Claim] = []
    paragraph_of: dict[str, int] = {}
    said_when: dict[str, ResolvedDate] = {}  # claimant name -> date of the attribution
    last_noun: Token | None = None
    last_people: Token | None = None
    unnamed: list[int] = []  # claims of the sentence before whose claimant is an unnamed person
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        if article.title and sent.start_char < len(article.title) + 2 and sent.text.strip() == article.title.strip():
            continue
        paragraph = doc_text(doc).count("\n\n", 0, sent.start_char)
        figures = _figures(sent, doc, last_noun, last_people)
        groups = place_groups(places, sent, doc)
        anchor: ResolvedDate | None = None
        sentence_claims: list[Claim] = []
        for fig in figures:
            if fig.noun is not None:
                last_noun = fig.noun
                if fig.unit.startswith("people"):
                    last_people = fig.noun
            if modality_of(fig.noun if fig.noun is not None and fig.noun.sent == sent else fig.tokens.root) in ("hypothetical", "negated"):
                continue
            claimant, verb, excluded = claimant_for(fig.noun if fig.noun is not None and fig.noun.sent == sent else fig.tokens.root, speakers)
            by_pronoun = verb is not None and any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in verb.children)
            story = (ResolvedDate(claims[-1].as_of, claims[-1].as_of_precision, "") if claims and claims[-1].as_of
                     and claims[-1].as_of_precision not in ("reported", "unknown")
                     else ResolvedDate(article.published, "day", "") if article.published else None)
            as_of = figure_as_of(fig, verb, sent, article, anchor or story,
                           said_when.get(claimant.name) if claimant and by_pronoun else None,
                           tuple(f.amount for f in figures))
            if as_of is None and sentence_claims and sentence_claims[-1].as_of_precision not in ("reported", "unknown"):
                as_of = anchor  # one statement, one date: "estimates that X ..., and that Y ..."
            if as_of is None and claimant is not None:
                previous = claims[-1] if claims else None
                if (previous is not None and previous.claimant.kind != "publisher" and paragraph - paragraph_of[previous.id] <= 1
                        and previous.as_of_precision == "day" and previous.as_of_text and not re.search(r"\d{4}", previous.as_of_text)):
                    # a briefing "on Tuesday" dates the figures reported from it in the next lines
                    as_of = ResolvedDate(previous.as_of, previous.as_of_precision, previous.as_of_text)
            if as_of is not None and anchor is None and not RELATIVE.match(
                    re.sub(r"^(?:by|in|since|as of)\s+", "", as_of.text or "", flags=re.I)):
                anchor = as_of  # "a year earlier" counts back from the sentence's own date, never from itself
            measure = classify(fig.unit, fig.per, fig.noun.lemma_.lower() if fig.noun is not None else None, fig.context,
                               fig.verb)
            if measure == "other" and fig.noun is None and fig.amount.unit is None and fig.amount.form in ("count", "part"):
                continue  # a bare number that counts nothing the sentence names ("called 911")
            if measure == "other" and fig.baseline and sentence_claims:
                measure = sentence_claims[-1].measure  # the earlier value of the same measure
            scope_text, scope_countries = _scope_of(fig, groups, excluded, doc, claims, sentence_claims, measure,
                                                    paragraph, paragraph_of)
            basis = _basis(measure, fig, doc, sent, sentence_claims)
            if as_of is not None:
                as_of_date, precision, as_of_text = as_of.date, as_of.precision, as_of.text
            elif article.published is not None:
                as_of_date, precision, as_of_text = article.published, "reported", None
            else:
                as_of_date, precision, as_of_text = None, "unknown", None
            if claimant is not None and as_of is not None and claimant.name:
                said_when.setdefault(claimant.name, as_of)
            claim = Claim(
                id=claim_id(article.id, fig.amount.start, fig.amount.end), article_id=article.id, measure=measure,
                measure_text=fig.noun_text, low=fig.amount.low, high=fig.amount.high,
                unit=fig.unit + (f"/{fig.per}" if fig.per and "/" not in fig.unit else ""),
                qualifier=fig.amount.qualifier, value_text=fig.amount.text, as_of=as_of_date,
                as_of_precision=precision, claimant=claimant or publisher, evidence=(_evidence(article, sent),),
                subject_id=_subject(sent, people, claimant, article_org), scope=scope_text,
                scope_countries=scope_countries, basis=basis, total=fig.amount.total, as_of_text=as_of_text,
                reported=article.published, modality="reported" if claimant is not None else "asserted",
            )
            paragraph_of[claim.id] = paragraph
            sentence_claims.append(claim)
        claims.extend(sentence_claims)
        known = set(speakers.people)
        register_sentence(sent, speakers)
        named = [speakers.people[n] for n in speakers.people if n not in known]
        if len(named) == 1:
            # "a senior Kurdish official said ... . Fuad Hussein, chief of staff to ..., said": one person
            for i in unnamed:
                claims[i] = replace(claims[i], claimant=named[0])
        unnamed = [len(claims) - len(sentence_claims) + i for i, c in enumerate(sentence_claims)
                   if c.claimant.kind == "person" and c.claimant.actor_id is None]
        _note_attribution_dates(sent, speakers, said_when, article)
    return [_finish(c, speakers) for c in claims]


def _scope_of(fig, groups, excluded, doc, claims, sentence_claims, measure, paragraph, paragraph_of):
    """The scope as (text, countries): the figure's own place, "the two countries together",
    or the place of the claim on the same measure just before it in the same paragraph."""
    mentions = figure_scope(fig, groups, excluded, doc)
    origin = origin_of(fig, groups, doc)
    if mentions:
        text = " and ".join(m.place.canonical for m in mentions)
        return (text + (f" (from {origin})" if origin and origin not in text else ""),
                tuple(sorted({m.place.country for m in mentions if m.place.country})))
    recent = claims[-4:] + sentence_claims
    if origin:
        # "several thousand ... came from the European Union": a subset by origin, not the whole
        previous = next((p.scope for p in reversed(recent) if p.scope), None)
        base = previous.split(" (from ")[0] if previous else None
        return (f"{base} (from {origin})" if base else f"from {origin}"), ()
    if _TOGETHER.search(doc_text(doc)[fig.segment[0]: fig.segment[1]]):
        names = sorted({n for cl in recent for n in (cl.scope or "").split(" and ") if n})
        return (" and ".join(names) or None), tuple(sorted({c for cl in recent for c in cl.scope_countries}))
    family = measure.split("_")[0]
    for previous in reversed(recent):
        if (measure != "other" and previous.measure.split("_")[0] == family and previous.scope
                and paragraph - paragraph_of.get(previous.id, -9) <= 1):
            return previous.scope, previous.scope_countries  # "The area under its control shrank to ..."
    return None, ()


def _basis(measure: str, fig: _Figure, doc: Doc, sent: Span, sentence_claims: list[Claim]) -> str | None:
    """What a share or area is measured against: since the peak, or over a period."""
    if measure not in ("territory_lost_share", "territory_held_share", "territory_lost_area"):
        return None
    window = doc_text(doc)[fig.segment[0]: fig.segment[1]]
    for text in (window, sent.text):
        for pattern, name in _basis_patterns():
            if pattern.search(text):
                return name
    if sentence_claims and sentence_claims[-1].measure == measure:
        return sentence_claims[-1].basis
    return None


def _finish(claim: Claim, speakers: Speakers) -> Claim:
    """Names for the subject, and "the American general" resolved to the person named later."""
    if claim.subject_id and claim.subject_id in actors():
        claim = replace(claim, subject_name=actors()[claim.subject_id].name)
    c = claim.claimant
    if c.kind == "person" and c.actor_id is None and c.name:
        named = speakers.by_role_word(c.name.split()[-1].lower())
        if named is not None:
            claim = replace(claim, claimant=named)
    return claim


def _note_attribution_dates(sent: Span, speakers: Speakers, said_when: dict, article: Article) -> None:
    """"Officials gave their tally last month": later "they estimated" is as of last month."""
    dates = date_ents(sent)
    if not dates:
        return
    for claimant in (speakers.last_group, speakers.last_person, speakers.last_org):
        if claimant is not None and claimant.name and claimant.name in sent.text or (claimant and claimant.name and claimant.name.split()[-1] in sent.text):
            resolved = resolve(dates[0].text, sent, article, None)
            if resolved is not None:
                said_when[claimant.name] = resolved
