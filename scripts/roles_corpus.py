#!/usr/bin/env python3
"""Build the spaCy training data of the attack-argument tagger (``configs/roles_ner.cfg``).

Two corpora, both allowed for training (``../shared/data/README.md``):

1. WikiEvents train, annotated by hand (below);
2. the incident reports of ``../shared/data/incidents/dev.jsonl``, by distant supervision: where
   the gold place or perpetrator of a report is written in its text, each occurrence is marked
   PLACE or PERPETRATOR (nothing else is marked in those reports). Reports at position % 5 == 4
   are the held-out part that ``make eval`` reports and are never read here; position % 5 == 3
   is kept out of training to measure the tagger's effect on records (``scripts/eval_events.py``
   reports it as the "measuring" part); every 4th of those also serves as spaCy's dev corpus.

WikiEvents train (``../shared/data/wikievents/train.jsonl``) marks the arguments of every
Conflict.Attack event with character offsets (role, text, start, end). The tagger learns to mark
those arguments as entities labelled with their role (PERPETRATOR, TARGET, WEAPON, PLACE), so
``shardwatch roles`` can read them off a document as the document-level roles the scorer wants.

- The train text is space-tokenised ("U . S . Attorney", "21 - year - old"), unlike the news
  the tagger will read; it is detokenised here (``learn.text.detokenise``, offsets carried
  along) so the two look alike, as ``shardwatch roles`` detokenises such text before reading it.
- Pronouns are left out: a pronoun is never a useful filler on its own, and the scorer counts
  only mentions it can match, which pronouns are not once coreference is out of scope.
- A mention argued with two roles in different events keeps its most frequent role; on a tie,
  the role listed first in ROLES.
- A fixed fifth of the documents (position in the file % 5 == 4) is kept out of training: it is
  the set the training run measures itself on (spaCy's dev corpus) and the figure reported for
  the tagger on WikiEvents-like text. WikiEvents dev (``../shared/data/wikievents/dev.jsonl``)
  is never read here.

Usage: .venv/bin/python scripts/roles_corpus.py --shared ../shared --out build/roles_ner
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from fingerprints import docbin_digest
from shardwatch.learn.text import detokenise

ROLES = ("perpetrator", "target", "weapon", "place")
PRONOUNS = frozenset(
    "he she they them it him his her hers its their theirs i me we us you who whom which that "
    "this these those himself herself themselves itself one".split()
)
def mention_roles(record: dict) -> dict[tuple[int, int], str]:
    """The role of each argument mention: its most frequent role across the events."""
    votes: dict[tuple[int, int], Counter] = {}
    for span in record.get("spans", []):
        if span.get("event") != "Conflict.Attack" or span["role"] not in ROLES:
            continue
        if span["text"].strip().lower() in PRONOUNS:
            continue
        votes.setdefault((span["start"], span["end"]), Counter())[span["role"]] += 1
    return {key: max(ROLES, key=lambda r: (c[r], -ROLES.index(r))) for key, c in votes.items()}


def to_doc(nlp, record: dict):
    text, mapping = detokenise(record["text"])
    doc = nlp.make_doc(text)
    spans = []
    for (start, end), role in sorted(mention_roles(record).items()):
        span = doc.char_span(mapping[start], mapping[end - 1] + 1, label=role.upper(), alignment_mode="expand")
        if span is not None:
            spans.append(span)
    # Overlapping mentions: keep the longer (spaCy's filter_spans), as NER needs a flat layer.
    doc.ents = spacy.util.filter_spans(spans)
    return doc


def _occurrences(text: str, value: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(value) + r"(?!\w)", text)]


def incident_doc(nlp, record: dict, gold: dict):
    """A report with each written occurrence of its gold place and perpetrator marked."""
    doc = nlp.make_doc(record["text"])
    spans = []
    for field_name, label in (("place", "PLACE"), ("perpetrator", "PERPETRATOR")):
        value = gold.get(field_name)
        if not value:
            continue
        for start, end in _occurrences(record["text"], value):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
    doc.ents = spacy.util.filter_spans(spans)
    return doc


def incident_part(index: int) -> str | None:
    """Which part a report at this position of incidents/dev.jsonl serves: None = never read."""
    if index % 5 == 4:
        return None  # held out: make eval's held-out figures
    if index % 5 == 3:
        return "dev" if index % 20 == 3 else "measure"
    return "train"


def build(shared: Path, *, incidents: bool = True) -> tuple[dict[str, list], Counter]:
    """The train and dev docs (a blank English tokeniser's), and what each part holds."""
    nlp = spacy.blank("en")
    parts: dict[str, list] = {"train": [], "dev": []}
    counts: Counter = Counter()

    def add(part: str | None, doc, source: str) -> None:
        if part not in parts:
            return
        parts[part].append(doc)
        counts[f"{source}_{part}"] += 1
        counts[f"{source}_{part}_ents"] += len(doc.ents)

    data = shared / "data"
    with (data / "wikievents" / "train.jsonl").open(encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            add("dev" if index % 5 == 4 else "train", to_doc(nlp, json.loads(line)), "wikievents")
    if incidents:
        golds = {}
        with (data / "incidents" / "dev.gold.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                gold = json.loads(line)
                golds[gold["doc_id"]] = gold
        with (data / "incidents" / "dev.jsonl").open(encoding="utf-8") as handle:
            for index, line in enumerate(handle):
                part = incident_part(index)
                if part is None:
                    continue
                record = json.loads(line)
                gold = golds.get(record.get("url", "").rsplit(":", 1)[-1])
                if gold is not None:
                    add(part, incident_doc(nlp, record, gold), "incidents")
    return parts, counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, required=True, help="the shared folder (data/ inside)")
    parser.add_argument("--out", type=Path, required=True,
                        help="folder for train.spacy, dev.spacy and fingerprint.json (scripts/fingerprints.py)")
    parser.add_argument("--no-incidents", action="store_true", help="WikiEvents train only")
    args = parser.parse_args(argv)
    parts, counts = build(args.shared, incidents=not args.no_incidents)
    args.out.mkdir(parents=True, exist_ok=True)
    for part, docs in parts.items():
        DocBin(docs=docs).to_disk(args.out / f"{part}.spacy")
    # ship_model.py writes it into the shipped meta.json; tests/test_models_reproducible.py checks it
    fingerprint = {part: docbin_digest(docs) for part, docs in parts.items()}
    (args.out / "fingerprint.json").write_text(json.dumps(fingerprint, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(dict(counts)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
