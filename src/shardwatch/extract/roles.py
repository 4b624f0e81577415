"""``shardwatch roles``: a document-level view of the attack events of each text, in the line
format of the shared scorer, with their evidence.

Each input document is extracted as ``shardwatch ingest`` extracts an article (``extract``);
its line gives the arguments its attack events hold (``extract.attack_arguments``), one
mention per entity:

    {"doc_id", "roles": {role: [[mention], ...]}, "events": [{"id", "evidence": [[start, end], ...]}],
     "arguments": [{"role", "text", "start", "end", "event_id"}]}

with an empty list for a role nothing fills, so any annotated corpus can be scored (the scorer
reads ``doc_id`` and ``roles``). A cased text with no attack event gives no role. Lower-cased
text (wire copy as in MUC-4) is the one exception: spaCy's entities need case, so the attack
frames seldom find its attacks, and its arguments (the CRF tagger's) are reported with no event
(``event_id`` null); on MUC-4 train's last 200 texts, keeping only those with an event cost
about 4 points of micro F1.

A space-tokenised text (research corpora ship text as "the U . S . Attorney , he said") is
read as news writes it (``learn.text.untokenise``), and its mentions and offsets are given back
as the input writes them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc

from shardwatch.extract import extract
from shardwatch.extract.cased_roles import cased_roles
from shardwatch.extract.role_phrases import compact_phrase
from shardwatch.extract.role_words import ROLES
from shardwatch.learn.text import Untokenised, repair_glued, untokenise
from shardwatch.types import Article, Extraction

__all__ = ["ROLES", "cased_roles", "compact_phrase", "role_line", "role_lines"]


def role_line(doc_id: str, extraction: Extraction) -> dict:
    """The output line of one document from its extraction."""
    roles: dict[str, list[list[str]]] = {role: [] for role in ROLES}
    for argument in extraction.arguments:
        roles[argument.role].append([argument.text])
    events = [{"id": e.id, "evidence": [[ev.start, ev.end] for ev in e.evidence]}
              for e in extraction.events if e.kind == "attack"]
    arguments = [{"role": a.role, "text": a.text, "start": a.start, "end": a.end, "event_id": a.event_id}
                 for a in extraction.arguments]
    return {"doc_id": doc_id, "roles": roles, "events": events, "arguments": arguments}


def role_lines(items: Iterable[tuple[str, str]], *, n_process: int = 1,
               progress: Callable[[Iterator[Doc]], Iterator[Doc]] = iter) -> Iterator[dict]:
    """One output record per (doc_id, text) input, in order.

    Texts are repaired where sentences were glued (``learn.text.repair_glued``) and parsed once.
    """
    from shardwatch.nlp import annotate

    read = []
    for doc_id, text in items:
        untokenised = untokenise(text)
        read.append((doc_id, untokenised.text if untokenised else repair_glued(text), untokenised))
    docs = progress(annotate((text for _, text, _ in read), n_process=n_process))
    for (doc_id, text, untokenised), doc in zip(read, docs):
        line = role_line(doc_id, extract(Article(id=str(doc_id), text=text), doc))
        yield _as_written(line, untokenised) if untokenised else line


def _as_written(line: dict, untokenised: Untokenised) -> dict:
    """``line`` with its mentions and offsets as the space-tokenised input writes them."""
    roles: dict[str, list[list[str]]] = {role: [] for role in ROLES}
    arguments = []
    for argument in line["arguments"]:
        text, start, end = untokenised.original_mention(argument["text"], argument["start"])
        roles[argument["role"]].append([text])
        arguments.append(argument | {"text": text, "start": start, "end": end})
    events = [event | {"evidence": [list(untokenised.original_span(a, b)) for a, b in event["evidence"]]}
              for event in line["events"]]
    return line | {"roles": roles, "events": events, "arguments": arguments}
