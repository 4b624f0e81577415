#!/usr/bin/env python3
"""Score a CRF role tagger for cased text against the cased rules, out of fold on WikiEvents train.

A tried alternative (stop 48; ``docs/EVALUATION.md``, Tried and not shipped): the shipped role
tagger is a CRF (``learn.tagger``) trained on lower-cased MUC-4 text; here the same features
(``learn.features``, features v3 with the shipped word classes, which were fitted on MUC-4 train
alone) and two of the original case, over the cased parse of WikiEvents train, labelled from its
argument offsets (``scripts/roles_corpus.py``'s mentions: Conflict.Attack arguments, no pronouns,
detokenised as ``shardwatch roles`` reads such text).

1. Five CRFs, each trained on four of the five folds (document position % 5) and reading the
   fifth, so that every document is read by a CRF that never saw it.
2. Each document's fillers: the CRF's spans (Viterbi and those whose tags all have a marginal of
   at least tau), one per entity, best first, at most K per role.
3. Scored by ``score_roles.py``'s own function as WikiEvents is (``--match suffix``, merges), the
   CRF alone and added to the roles view's own lines (``RULES``: ``shardwatch roles`` of
   WikiEvents train): for each role, its best filler at least ``--min`` that the view lacks.

WikiEvents dev is never read. About four minutes (the parse, then five CRFs, two at a time).

Usage: .venv/bin/python scripts/cased_crf_folds.py --shared ../shared --rules pred_wikievents_train.jsonl
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import tempfile
from pathlib import Path

import numpy as np
import pycrfsuite

from roles_bootstrap import load_scorer, score_options
from roles_corpus import mention_roles
from shardwatch.learn.features import WordClasses, _is_trigger, sentence_features
from shardwatch.learn.spans import Candidate, decode_spans, entities, normalize, posterior_spans, span_text
from shardwatch.learn.tagger import classes_path, model_dir
from shardwatch.learn.text import detokenise, repair_glued, space_tokenised
from shardwatch.nlp.pipeline import annotate

ROLES = ("perpetrator", "target", "weapon", "place")
SHORT = {"perpetrator": "PE", "target": "TG", "weapon": "WE", "place": "PL"}
ROLE_OF = {short: role for role, short in SHORT.items()}
PRONOUNS = frozenset("he she they them it him his her its their who which that this these those one i we you us".split())
WIKIEVENTS = ["--match", "suffix", "--merge", "perpetrator=perpetrator+perpetrator_individual+perpetrator_organization",
              "--merge", "target=target+victim"]
TAUS = (1.0, 0.3, 0.2, 0.15)
_JOBS: dict = {}


def labelled(record: dict, doc, mapping) -> list[str]:
    """BIO tags of ``doc``'s tokens from the record's argument offsets (longer mentions first)."""
    tags = ["O"] * len(doc)
    if mapping is None:
        return tags
    spans = []
    for (start, end), role in mention_roles(record).items():
        span = doc.char_span(mapping[start], mapping[end - 1] + 1, alignment_mode="expand")
        if span is not None:
            spans.append((span.start, span.end, SHORT[role]))
    for start, end, label in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if all(tag == "O" for tag in tags[start:end]):
            tags[start:end] = ["B-" + label] + ["I-" + label] * (end - start - 1)
    return tags


def sequences(doc, tags: list[str], classes: WordClasses) -> list[tuple[list, list[dict], list[str]]]:
    """Features v3 per sentence plus the token's own case and its left neighbour's."""
    triggers = sum(1 for t in doc if _is_trigger(t))
    codes = classes.of(doc)
    out = []
    for index, sent in enumerate(doc.sents):
        kept = [(t, f) for t, f in zip(sent, sentence_features(sent, index, triggers, codes)) if not t.is_space]
        for token, feats in kept:
            text = token.text
            feats["cshape=" + ("X" if text[:1].isupper() else "x" if text[:1].isalpha() else "o")
                  + ("X" if text[1:2].isupper() else "")] = 1.0
            if token.i > 0:
                feats["-1:cap=" + str(doc[token.i - 1].text[:1].isupper())] = 1.0
        if kept:
            out.append(([t for t, _ in kept], [f for _, f in kept], [tags[t.i] for t, _ in kept]))
    return out


def _train_fold(fold: int) -> str:
    path = str(Path(_JOBS["folder"]) / f"fold{fold}.crfsuite")
    trainer = pycrfsuite.Trainer(verbose=False)
    for i, seqs in enumerate(_JOBS["seqs"]):
        if i % 5 != fold:
            for _, feats, tags in seqs:
                trainer.append(feats, tags)
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": 100, "feature.possible_transitions": True})
    trainer.train(path)
    return path


def candidates(tagger: pycrfsuite.Tagger, seqs, tau: float) -> list[Candidate]:
    found: dict[tuple[str, str], Candidate] = {}
    labels = tagger.labels()
    short = [s for s in ROLE_OF if "B-" + s in labels]
    for tokens, feats, _ in seqs:
        tagger.set(feats)
        tags = tagger.tag()
        marginal = [{lab: tagger.marginal(lab, i) for lab in labels} for i in range(len(tags))]
        spans = decode_spans(tags, marginal) + (posterior_spans(marginal, short, tau) if tau < 1 else [])
        words, spaces = [t.text for t in tokens], [t.whitespace_ for t in tokens]
        for span in spans:
            text = span_text(words, spaces, span.start, span.end)
            if text.lower() in PRONOUNS or not any(c.isalpha() for c in text):
                continue
            key = (ROLE_OF[span.label], normalize(text))
            cand = found.setdefault(key, Candidate(key[0], text, span.score, 0, len(found)))
            cand.score, cand.count = max(cand.score, span.score), cand.count + 1
    return list(found.values())


def fillers(cands: list[Candidate], per_role: int, least: float = 0.0) -> dict[str, list[list[str]]]:
    return {role: [[c.text] for c in entities([c for c in cands if c.role == role and c.score >= least])[:per_role]]
            for role in ROLES}


def added(view: dict, learned: dict) -> dict:
    """The view's line plus, per role, the learned fillers whose last word it lacks."""
    out = {role: list(ents) for role, ents in view.items()}
    for role in ROLES:
        have = [m[0].lower() for r in ((role, "victim") if role == "target" else (role,)) for m in view.get(r, [])]
        have += [m[0].lower() for r in ("perpetrator_individual", "perpetrator_organization")
                 if role == "perpetrator" for m in view.get(r, [])]
        for ent in learned.get(role, []):
            text = ent[0].lower()
            if not any(h and (text.endswith(h.split()[-1]) or h.endswith(text.split()[-1])) for h in have):
                out.setdefault(role, []).append(ent)
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, required=True, help="the shared folder (data/ and eval/ inside)")
    parser.add_argument("--rules", type=Path, required=True,
                        help="`shardwatch roles` of WikiEvents train (the view the CRF's fillers are added to)")
    parser.add_argument("--min", type=float, nargs="+", default=[0.5, 0.7, 0.85], help="least score of an added filler")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.shared / "eval" / "score_roles.py")
    options = score_options(WIKIEVENTS)
    records = [json.loads(line) for line in open(args.shared / "data/wikievents/train.jsonl", encoding="utf-8")]
    view = {r["doc_id"]: r["roles"] for r in map(json.loads, open(args.rules, encoding="utf-8"))}
    missing = [r["doc_id"] for r in records if r["doc_id"] not in view]
    if missing:
        sys.exit(f"{args.rules} has no line for {len(missing)} WikiEvents train documents ({missing[0]}, ...)")
    read = [detokenise(r["text"]) if space_tokenised(r["text"]) else (repair_glued(r["text"]), None) for r in records]
    classes = WordClasses(np.load(classes_path(model_dir())))
    _JOBS["seqs"] = [sequences(doc, labelled(r, doc, mapping), classes)
                     for r, doc, (_, mapping) in zip(records, annotate(text for text, _ in read), read)]
    print(f"parsed {len(records)} documents", file=sys.stderr)
    gold = {r["doc_id"]: r["roles"] for r in records}
    folds = [[r["doc_id"] for i, r in enumerate(records) if i % 5 == k] for k in range(5)]

    def f1(pred: dict, docs: list[str]) -> float:
        return scorer.score({d: gold[d] for d in docs}, {d: pred[d] for d in docs}, **options)["micro_avg"]["f1"]

    with tempfile.TemporaryDirectory() as tmp:
        _JOBS["folder"] = tmp
        with multiprocessing.get_context("fork").Pool(2) as pool:
            paths = pool.map(_train_fold, range(5), chunksize=1)
        cands = {}
        for k, path in enumerate(paths):
            tagger = pycrfsuite.Tagger()
            tagger.open(path)
            for i, record in enumerate(records):
                if i % 5 == k:
                    cands[record["doc_id"]] = {tau: candidates(tagger, _JOBS["seqs"][i], tau) for tau in TAUS}
    ids = [r["doc_id"] for r in records]
    base = [f1(view, fold) for fold in folds]
    print(f"the view: {f1(view, ids):.2f} micro F1, by fold {' / '.join(f'{b:.2f}' for b in base)}")
    for tau in TAUS:
        for per_role in (1, 2, 3, 99):
            pred = {d: fillers(c[tau], per_role) for d, c in cands.items()}
            print(f"the CRF alone, tau {tau}, at most {per_role} per role: {f1(pred, ids):.2f}")
    for role in ROLES:
        for least in args.min:
            pred = {d: added(view[d], {role: fillers(c[0.2], 1, least)[role]}) for d, c in cands.items()}
            change = " / ".join(f"{f1(pred, fold) - b:+.2f}" for fold, b in zip(folds, base))
            print(f"the view plus the CRF's best {role} of at least {least}: {f1(pred, ids):.2f}, by fold {change}")


if __name__ == "__main__":
    main()
