#!/usr/bin/env python3
"""Build the spaCy training data of the learned filler chooser (``configs/roles_fillers.cfg``).

Each document of WikiEvents train (``../shared/data/wikievents/train.jsonl``) is read as
``shardwatch roles`` reads it (detokenised, parsed by the shipped pipeline); every candidate
filler the cased rules weigh (``extract.cased_roles.cased_candidates``) becomes one example:
its feature words (``learn.fillers.features``) and the category FILLER, 1 when the candidate
matches a gold entity of its role as the scorer matches (``--match suffix``, perpetrators and
targets merged as WikiEvents is scored) that no better-ranked candidate has taken, else 0.

Documents at position % 5 == 4 are the tuning fifth (as ``scripts/roles_corpus.py`` splits):
spaCy's dev corpus here, and the set the chooser's threshold is chosen on. WikiEvents dev is
never read.

Usage: .venv/bin/python scripts/fillers_corpus.py --shared ../shared --out build/roles_fillers
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from spacy.tokens import DocBin

from fingerprints import FILLERS_SAMPLE, digest
from shardwatch.extract.cased_roles import cased_candidates
from shardwatch.learn.fillers import LABEL, feature_doc, features
from shardwatch.learn.spans import normalize
from shardwatch.learn.text import repair_glued, untokenise
from shardwatch.nlp import annotate
from shardwatch.types import Article

MERGED = {"perpetrator": ("perpetrator", "perpetrator_individual", "perpetrator_organization"),
          "target": ("target", "victim"), "weapon": ("weapon",), "place": ("place",)}


def gold_entities(roles: dict, role: str) -> list[set[str]]:
    out = []
    for name in MERGED[role]:
        for entity in roles.get(name) or []:
            mentions = {normalize(m) for m in ([entity] if isinstance(entity, str) else entity)} - {""}
            if mentions:
                out.append(mentions)
    return out


def _matches(text: str, entity: set[str]) -> bool:
    mention = normalize(text)
    return any(mention == g or mention.endswith(" " + g) for g in entity)


def labelled(records: list[dict]):
    """(record index, feature words, label) of every candidate of every record, in order."""
    read = []
    for record in records:
        untokenised = untokenise(record["text"])
        read.append((untokenised.text if untokenised else repair_glued(record["text"]), untokenised))
    for index, ((text, untokenised), doc) in enumerate(zip(read, annotate(t for t, _ in read))):
        _, candidates = cased_candidates(doc, Article(id=str(index), text=text))
        taken: dict[str, set[int]] = {}
        for candidate in sorted(candidates, key=lambda c: (c.role, c.rank)):
            written = candidate.text
            if untokenised is not None:
                written = untokenised.original_mention(candidate.text, doc[min(candidate.at, len(doc) - 1)].idx)[0]
            golds = gold_entities(records[index].get("roles") or {}, candidate.role)
            free = [i for i, entity in enumerate(golds) if i not in taken.get(candidate.role, set())
                    and _matches(written, entity)]
            if free:
                taken.setdefault(candidate.role, set()).add(free[0])
            yield index, features(doc, candidate, candidates), bool(free)


def build(shared: Path):
    """The train and dev DocBins, their fingerprint and counts."""
    import spacy

    vocab = spacy.blank("en").vocab
    with (shared / "data" / "wikievents" / "train.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    parts: dict[str, list] = {"train": [], "dev": []}
    rows: dict[str, list] = {"train": [], "dev": []}
    counts: Counter = Counter()
    for index, words, label in labelled(records):
        part = "dev" if index % 5 == 4 else "train"
        doc = feature_doc(vocab, words)
        doc.cats = {LABEL: float(label)}
        parts[part].append(doc)
        rows[part].append([words, label])
        counts[f"{part}_{'positive' if label else 'negative'}"] += 1
    fingerprint = {part: digest(r) for part, r in rows.items()}
    fingerprint["sample"] = sample_fingerprint(records)
    return parts, fingerprint, counts


def sample_fingerprint(records: list[dict]) -> str:
    """The labelled candidates of the first ``FILLERS_SAMPLE`` records (what
    ``tests/test_models_reproducible.py`` makes again in seconds)."""
    return digest([words, label] for _, words, label in labelled(records[:FILLERS_SAMPLE]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, required=True, help="the shared folder (data/ inside)")
    parser.add_argument("--out", type=Path, required=True,
                        help="folder for train.spacy, dev.spacy and fingerprint.json (scripts/fingerprints.py)")
    args = parser.parse_args(argv)
    parts, fingerprint, counts = build(args.shared)
    args.out.mkdir(parents=True, exist_ok=True)
    for part, docs in parts.items():
        DocBin(docs=docs, store_user_data=False).to_disk(args.out / f"{part}.spacy")
    (args.out / "fingerprint.json").write_text(json.dumps(fingerprint, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(dict(counts)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
