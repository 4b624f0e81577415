"""Quotes: direct (in quotation marks) and indirect (reported speech), each with its speaker.

1. Direct: a span in quotation marks of at least ``MIN_DIRECT_WORDS`` words whose sentence
   (or the sentence right after it, for a quote that runs over sentences) has a speech verb
   outside the marks ("..., an analyst in London said"). Shorter quoted words are scare
   quotes or titles ("caliphate"), not quotes.
2. Indirect: a speech verb with a clause ("Warren said the jihadists had not taken any new
   ground") or "according to X, ..."; the clause is the quote.
3. The speaker is resolved by ``attribution`` against the article's speakers so far, so "he
   said" is the last named person and "Warren" is "Steve Warren" with his role.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from shardwatch.extract.attribution import (
    Speakers,
    claimant_of_np,
    register_sentence,
    speech_verbs,
    subject_of,
)
from shardwatch.nlp.pipeline import doc_text
from shardwatch.types import Article, Claimant, Evidence, Quote
from shardwatch.extract.versions import version_of

EXTRACTOR = "quotes"
VERSION = version_of(__name__)
# Quoted words shorter than this are scare quotes or names ("the 'caliphate'"). Set by
# reading the sample reports and MUC-4 train: real quotes there run to five words or more.
MIN_DIRECT_WORDS = 4
_QUOTED = re.compile(r"[\"“]([^\"“”]{2,}?)[\"”]")
# Speech reaches its verb through these: "said [that ...]" (ccomp), "..., he said" (parataxis).
_CLAUSE_DEPS = ("ccomp", "parataxis")


def quote_id(article_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{article_id}:quote:{start}:{end}".encode()).hexdigest()[:16]


def _evidence(article: Article, sent: Span) -> Evidence:
    text = sent.text.rstrip()
    return Evidence(article.id, sent.start_char, sent.start_char + len(text), text, EXTRACTOR, VERSION)


def _speech_verb(sents: list[Span], inside: tuple[int, int]) -> Token | None:
    """A speech verb outside the quoted characters, with a subject outside them too."""
    for sent in sents:
        for token in sent:
            if inside[0] <= token.idx < inside[1]:
                continue
            if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in speech_verbs():
                subject = subject_of(token)
                if subject is not None and not inside[0] <= subject.idx < inside[1]:
                    return token
    return None


def _direct(doc: Doc, article: Article, speakers: Speakers, sent: Span, taken: list[tuple[int, int]],
            all_sents: list[Span]) -> list[Quote]:
    quotes = []
    for match in _QUOTED.finditer(doc_text(doc), sent.start_char, sent.end_char + 400):
        start, end = match.span(1)
        if start >= sent.end_char or any(a <= start < b for a, b in taken):
            continue
        if len(match.group(1).split()) < MIN_DIRECT_WORDS:
            continue
        first = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if first is None:
            continue
        sents = [s for s in all_sents if s.end_char > match.start() and s.start_char <= match.end() + 1]
        after = [s for s in all_sents if s.start_char >= match.end()][:1]
        verb = _speech_verb(sents, (match.start(), match.end())) or (
            _speech_verb(after, (match.start(), match.end())) if after and after[0].start_char - match.end() < 3 else None)
        if verb is None:
            continue
        speaker = claimant_of_np(subject_of(verb), speakers)
        if speaker is None or speaker.kind == "publisher":
            continue
        taken.append((start, end))
        evidence = tuple(_evidence(article, s) for s in sents)
        quotes.append(Quote(quote_id(article.id, start, end), article.id, speaker, match.group(1).strip(" ,"), True,
                            evidence))
    return quotes


_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}\s[-–—]\s+")


def _clause_text(clause: Token) -> str:
    tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i and t.lower_ == "that")]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    if not tokens:
        return ""
    text = clause.doc[tokens[0].i: tokens[-1].i + 1].text
    return re.sub(r"^that\s+", "", _DATELINE.sub("", text))


def _indirect(doc: Doc, article: Article, speakers: Speakers, sent: Span, taken: list[tuple[int, int]]) -> list[Quote]:
    quotes = []
    for token in sent:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in speech_verbs():
            continue
        if any(a <= token.idx < b for a, b in taken):
            continue  # a verb inside a direct quote is the quoted person's, not ours
        clauses = [c for c in token.children if c.dep_ in _CLAUSE_DEPS and c.pos_ in ("VERB", "AUX", "NOUN")]
        subject = subject_of(token)
        if not clauses or subject is None:
            continue
        clause = clauses[0]
        if any(a <= clause.idx < b for a, b in taken) or any(a <= clause.left_edge.idx < b for a, b in taken):
            continue  # the words are a direct quote already
        text = _clause_text(clause)
        if len(text.split()) < MIN_DIRECT_WORDS:
            continue
        speaker = claimant_of_np(subject, speakers)
        if speaker is None:
            continue
        start = clause.left_edge.idx
        quotes.append(Quote(quote_id(article.id, start, start + len(text)), article.id, speaker, text, False,
                            (_evidence(article, sent),)))
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            source = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
            if source is None:
                continue
            speaker = claimant_of_np(source, speakers)
            if speaker is None:
                continue
            rest = [t for t in sent if not (token.i <= t.i <= source.right_edge.i)]
            while rest and rest[-1].is_punct:
                rest.pop()
            while rest and rest[0].is_punct:
                rest.pop(0)
            text = " ".join(t.text_with_ws.strip() for t in rest)
            text = re.sub(r"\s+([,.;:'’])", r"\1", text)
            if len(text.split()) >= MIN_DIRECT_WORDS:
                quotes.append(Quote(quote_id(article.id, sent.start_char, sent.end_char), article.id, speaker, text,
                                    False, (_evidence(article, sent),)))
    return quotes


def quotes_in(doc: Doc, article: Article, *, main_org: Claimant | None = None) -> list[Quote]:
    """Every quote of one article, in text order. ``main_org`` is what "the group" means."""
    speakers = Speakers(main_org=main_org)
    quotes: list[Quote] = []
    taken: list[tuple[int, int]] = []
    all_sents = list(doc.sents)  # once: iterating doc.sents rebuilds every span
    for sent in all_sents:
        if not sent.text.strip():
            continue
        found = _direct(doc, article, speakers, sent, taken, all_sents)
        found += _indirect(doc, article, speakers, sent, taken)
        quotes.extend(sorted(found, key=lambda q: q.evidence[0].start))
        register_sentence(sent, speakers)
    seen: set[str] = set()
    unique = []
    for quote in quotes:
        if quote.id in seen:
            continue
        seen.add(quote.id)
        speaker = quote.speaker
        if speaker.kind == "person" and speaker.actor_id is None and speaker.name:
            named = speakers.by_role_word(speaker.name.split()[-1].lower())  # "the American general" named later
            if named is not None:
                quote = replace(quote, speaker=named)
        unique.append(quote)
    return unique


def speaker_label(speaker: Claimant) -> str:
    """"Name (role)" for listings."""
    return f"{speaker.name} ({speaker.role})" if speaker.role else (speaker.name or "")
