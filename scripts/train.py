#!/usr/bin/env python3
"""Train the attack role tagger on MUC-4 train and write it into the package.

1. Parse every text of TRAIN (``learn.text.model_text``: glued sentences split, lower case)
   with shardwatch's spaCy pipeline, and mark the gold role mention strings as BIO tags.
2. Train a CRF on all but the last ``--holdout`` documents and decode the held-out ones with
   each candidate setting of the posterior threshold ``tau``, and for each role the minimum
   candidate score with the best held-out F1 of that role; keep the setting with the best
   micro F1 (``../shared/eval/score_roles.py``). Only MUC-4 train is used: the dev sets are
   never looked at.
3. Train the final CRF on all documents and write ``roles.crfsuite`` and ``roles.json`` (the
   chosen settings and the held-out figures) into ``--out``.

Deterministic: the same TRAIN gives the same model (L-BFGS, fixed document order).

Usage: .venv/bin/python scripts/train.py --train ../shared/data/muc4/train.jsonl
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

from spacy.tokens import DocBin

from shardwatch.learn.features import FEATURE_VERSION, doc_sequences
from shardwatch.learn.spans import LABELS
from shardwatch.learn.tagger import MODEL_NAME, RoleTagger, Settings, model_dir, train
from shardwatch.learn.text import model_text
from shardwatch.nlp import annotate, get_nlp

ROOT = Path(__file__).resolve().parent.parent
TAUS = (1.0, 0.3, 0.2, 0.15)
# The minimum candidate score of each role, chosen per role on the held-out documents after tau
# (a role's fillers are scored apart from the others'); 0.0 keeps every candidate tau gives.
MIN_SCORES = (0.0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)


def decode(settings: Settings, held: list[tuple[str, str, list]]) -> dict:
    """The role lines of the held-out documents (doc id, text, candidates) under ``settings``."""
    return {doc_id: {role: [[c.text] for c in found] for role, found in settings.chosen(cands, text).items()}
            for doc_id, text, cands in held}


def choose_min_scores(settings: Settings, held: list[tuple[str, str, list]], gold: dict, scorer) -> Settings:
    """``settings`` with each role's minimum score the one of MIN_SCORES that gives that role the
    best held-out F1 (the lowest on a tie)."""
    chosen = {}
    for role in LABELS:
        best_f1 = -1.0
        for floor in MIN_SCORES:
            trial = Settings(tau=settings.tau, min_score={role: floor})
            f1 = scorer.score(gold, decode(trial, held))[role]["f1"]
            if f1 > best_f1:
                best_f1, chosen[role] = f1, floor
    return Settings(tau=settings.tau, min_score={role: floor for role, floor in chosen.items() if floor > 0.0})


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_roles", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_mentions(roles: dict, tokenizer) -> list[tuple[list[str], str]]:
    out = []
    for role, ents in roles.items():
        if role not in LABELS:
            continue
        for ent in ents:
            for mention in ent:
                words = [t.lower_ for t in tokenizer(mention.lower()) if not t.is_space]
                out.append((words, LABELS[role]))
    return out


def sequences(docs, records, tokenizer):
    from shardwatch.learn.spans import bio_labels
    for doc, record in zip(docs, records):
        mentions = gold_mentions(record["roles"], tokenizer)
        for tokens, feats in doc_sequences(doc):
            yield feats, bio_labels([t.lower_ for t in tokens], mentions)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", default="../shared/data/muc4/train.jsonl", help="MUC-4 train JSON Lines")
    parser.add_argument("--scorer", default="../shared/eval/score_roles.py", help="the shared scorer")
    parser.add_argument("--out", default=str(model_dir()), help="folder the model is written to")
    parser.add_argument("--holdout", type=int, default=200, help="last N train documents for choosing settings")
    parser.add_argument("--c1", type=float, default=0.05, help="L1 regularisation")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 regularisation")
    parser.add_argument("--iterations", type=int, default=100, help="L-BFGS iterations")
    parser.add_argument("--cache", help="DocBin file to keep the parsed train texts in (speeds reruns)")
    args = parser.parse_args(argv)

    started = time.time()
    records = [json.loads(line) for line in open(args.train, encoding="utf-8") if line.strip()]
    nlp = get_nlp()
    cache = Path(args.cache) if args.cache else None
    if cache and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        docs = list(annotate(model_text(r["text"]) for r in records))
        if cache:
            bin_ = DocBin(store_user_data=False)
            for doc in docs:
                bin_.add(doc)
            bin_.to_disk(cache)
    print(f"parsed {len(docs)} documents in {time.time() - started:.0f} s", file=sys.stderr)
    tokenizer = nlp.tokenizer
    scorer = load_scorer(Path(args.scorer))
    params = {"c1": args.c1, "c2": args.c2, "iterations": args.iterations}

    cut = len(records) - args.holdout
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "heldout.crfsuite"
        train(sequences(docs[:cut], records[:cut], tokenizer), path, **params)
        gold = {r["doc_id"]: r["roles"] for r in records[cut:]}
        best, figures = None, {}
        for tau in TAUS:
            tagger = RoleTagger(path, Settings(tau=tau))
            held = [(record["doc_id"], doc.text, tagger.candidates(doc)) for doc, record in zip(docs[cut:], records[cut:])]
            settings = choose_min_scores(Settings(tau=tau), held, gold, scorer)
            table = scorer.score(gold, decode(settings, held))
            figures[str(tau)] = table["micro_avg"]
            print(f"held-out tau={tau} min_score={settings.min_score}: {table['micro_avg']}", file=sys.stderr)
            if best is None or table["micro_avg"]["f1"] > figures[str(best.tau)]["f1"]:
                best = settings
    print(f"chose tau={best.tau}, min_score={best.min_score}; training on all {len(records)} documents",
          file=sys.stderr)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    train(sequences(docs, records, tokenizer), out / f"{MODEL_NAME}.crfsuite", **params)
    meta = best.to_json() | {
        "trained_on": Path(args.train).name, "documents": len(records), "params": params,
        "heldout_documents": args.holdout, "heldout_micro": figures[str(best.tau)],
        "feature_version": FEATURE_VERSION,
    }
    (out / f"{MODEL_NAME}.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    size = (out / f"{MODEL_NAME}.crfsuite").stat().st_size
    print(f"wrote {out / MODEL_NAME}.crfsuite ({size / 1e6:.1f} MB) in {time.time() - started:.0f} s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
