#!/usr/bin/env python3
"""Where the CRF's MUC-4 role fillers go wrong: each gold filler of the held-out texts, by cause.

1. Train the CRF on the first ``len - holdout`` texts of TRAIN (as ``scripts/train.py`` does; kept
   in ``--model`` so reruns skip it), unless ``--model`` exists already.
2. Read the last ``--holdout`` texts with it: the fillers the tagger keeps with the shipped
   decoding settings (``roles.json``: tau, per-role caps; no document gate), and every candidate it
   finds down to a span confidence of ``--floor``.
3. Put each gold entity (a set of mentions) of each role in the first class it fits:
   ``matched`` (a kept filler is one of its mentions); ``under_tau`` (a candidate of the role is one
   of its mentions, scored under tau); ``dropped`` (such a candidate scored at least tau, but
   another mention of the same entity or the role's cap took its place); ``wrong_span`` (a
   candidate of the role holds its head word, with other words around it); ``other_role`` (a
   candidate of another role is one of its mentions); ``not_in_text``; ``never`` (no candidate
   near it). Each kept filler no gold mention matches is counted as a false alarm, by the kind of
   template: ``fp_empty_text`` (no filler of any role), ``fp_empty_role``, ``fp_other``.

Only MUC-4 train is read. Usage:
  .venv/bin/python scripts/roles_misses.py --train ../shared/data/muc4/train.jsonl --model build/head.crfsuite
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

from train import sequences
from shardwatch.learn.spans import LABELS, normalize
from shardwatch.learn.tagger import RoleTagger, default_tagger, model_dir, train
from shardwatch.learn.text import model_text
from shardwatch.nlp import annotate, get_nlp


def classify(gold: list[list[str]], kept: list[str], cands: list, role: str, text: str, tau: float) -> Counter:
    """The classes of one role's gold entities in one text (step 3)."""
    out: Counter = Counter()
    kept_norm = {normalize(k) for k in kept}
    padded = f" {normalize(text)} "
    for entity in gold:
        mentions = {normalize(m) for m in entity} - {""}
        heads = {m.split()[-1] for m in mentions}
        same = [c.score for c in cands if c.role == role and normalize(c.text) in mentions]
        if kept_norm & mentions:
            out["matched"] += 1
        elif same:
            out["dropped" if max(same) >= tau else "under_tau"] += 1
        elif any(c.role == role and heads & set(normalize(c.text).split()) for c in cands):
            out["wrong_span"] += 1
        elif any(c.role != role and normalize(c.text) in mentions for c in cands):
            out["other_role"] += 1
        elif not any(f" {m} " in padded for m in mentions):
            out["not_in_text"] += 1
        else:
            out["never"] += 1
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", default="../shared/data/muc4/train.jsonl", help="MUC-4 train JSON Lines")
    parser.add_argument("--model", default="build/roles_head.crfsuite",
                        help="CRF trained on all but the held-out texts (trained here when missing)")
    parser.add_argument("--holdout", type=int, default=200, help="last N train texts to read (default: %(default)s)")
    parser.add_argument("--floor", type=float, default=0.02, help="lowest candidate confidence looked at")
    args = parser.parse_args(argv)

    records = [json.loads(line) for line in open(args.train, encoding="utf-8") if line.strip()]
    cut = len(records) - args.holdout
    shipped = json.loads((model_dir() / "roles.json").read_text(encoding="utf-8"))
    # the shipped model's settings and word classes (the classes were fitted without labels)
    settings, classes = default_tagger().settings, default_tagger().word_classes
    model = Path(args.model)
    nlp = get_nlp()
    if not model.exists():
        model.parent.mkdir(parents=True, exist_ok=True)
        head = list(annotate(model_text(r["text"]) for r in records[:cut]))
        train(sequences(head, records[:cut], nlp.tokenizer, classes), model, c1=shipped["params"]["c1"],
              c2=shipped["params"]["c2"], iterations=shipped["params"]["iterations"])
    tagger = RoleTagger(model, settings, classes)
    wide = RoleTagger(model, replace(settings, tau=args.floor, max_entities={}), classes)
    table = {role: Counter() for role in LABELS}
    for doc, record in zip(annotate(model_text(r["text"]) for r in records[cut:]), records[cut:]):
        kept = tagger.roles(doc)
        cands = wide.candidates(doc)
        told = any(record["roles"].get(role) for role in LABELS)
        for role in LABELS:
            gold = record["roles"].get(role, [])
            table[role] += classify(gold, [c.text for c in kept[role]], cands, role, doc.text, settings.tau)
            mentions = {normalize(m) for entity in gold for m in entity}
            wrong = sum(1 for c in kept[role] if normalize(c.text) not in mentions)
            kind = "fp_other" if gold else "fp_empty_role" if told else "fp_empty_text"
            table[role][kind] += wrong
    json.dump({role: dict(sorted(c.items())) for role, c in table.items()}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
