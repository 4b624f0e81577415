#!/usr/bin/env python3
"""Score choices of the role tagger's features on MUC-4 train, as stop 44 chose features v3.

1. Every MUC-4 train text is parsed as ``scripts/train.py`` parses it (``--cache`` keeps the
   parses and their token vectors), and the shipped word classes are read (fitted by
   ``scripts/train.py`` on the first 1,100 texts, labels unused).
2. For each ``--variant`` (features v3 as shipped, or changed), a CRF is trained on the first
   1,100 texts and reads the last 200 (``--split last200``, tau 0.15 / 0.2 / 0.3), or 4 CRFs,
   each on three quarters of the first 1,100, read the quarter they did not see (``--split
   folds``, tau 0.15); the tagger alone (no gate), one organisation per text, scored by
   ``score_roles.py``'s own function.
3. With ``--gate``, the document gate's settings are scored out of fold as well: 4 gates
   (``scripts/train_gate.py``'s config) on the same quarters, over the grid stop 25 chose from.

MUC-4 dev is never read. A CRF takes about 4 CPU minutes; ``folds`` trains 4.

Usage: .venv/bin/python scripts/crf_folds.py --shared ../shared --split last200 --variant shipped no-head
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import tempfile
from pathlib import Path

import train as trainer
from train import DEFAULT_CAPS, gold_mentions, load_scorer, parse_caps, parsed
from shardwatch.learn.features import WordClasses
from shardwatch.learn.features import doc_sequences
from shardwatch.learn.gate import GateSettings, gate_settings
from shardwatch.learn.spans import bio_labels
from shardwatch.learn.tagger import RoleTagger, Settings, choose_fillers, default_tagger, model_dir, train
from shardwatch.learn.text import model_text
from shardwatch.nlp import get_nlp

HEAD = 1100  # the texts train.py's held-out CRF is trained on
QUARTER = HEAD // 4
# What each variant changes in features v3 (stop 44's figures, last 200, tau 0.15):
# shipped 43.37; no-head 42.03; two-away 43.36; no-head,two-away 43.16; no-head,classes50 41.48;
# iterations200 42.87.
VARIANTS = ("shipped", "no-head", "two-away", "classes50", "iterations200")
GRID = [(w, t, m) for w in (1.0, 0.7, 0.5, 0.3) for t in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
        for m in (0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)]


class VariantTagger(RoleTagger):
    """The shipped features with the changes ``names`` name (``VARIANTS``)."""

    def __init__(self, model_path, settings, word_classes, names: set[str], extra: WordClasses | None):
        super().__init__(model_path, settings, word_classes)
        self.names, self.extra = names, extra

    def sequences(self, doc):
        return changed(super().sequences(doc), doc, self.word_classes, self.names, self.extra)


def changed(seqs, doc, classes: WordClasses, names: set[str], extra: WordClasses | None):
    """``seqs`` (the shipped features of ``doc``) with the changes ``names`` name."""
    base = classes.of(doc)
    more = extra.of(doc) if extra is not None else None
    for tokens, feats in seqs:
        for k, (token, f) in enumerate(zip(tokens, feats)):
            if "no-head" in names:
                del f[f"head_c={base[token.head.i]}"]
            for offset in (-2, 2) if "two-away" in names else ():
                if 0 <= k + offset < len(tokens):
                    f[f"{offset}:c={base[tokens[k + offset].i]}"] = 1.0
            if more is not None:
                f[f"k50={more[token.i]}"] = 1.0
                for offset in (-1, 1):
                    if 0 <= k + offset < len(tokens):
                        f[f"{offset}:k50={more[tokens[k + offset].i]}"] = 1.0
    return seqs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, required=True, help="the shared folder (data/ and eval/ inside)")
    parser.add_argument("--split", choices=("last200", "folds"), default="last200", help="what is read (step 2)")
    parser.add_argument("--variant", nargs="+", default=["shipped"],
                        help=f"comma-joined changes, one run each, from {', '.join(VARIANTS)}")
    parser.add_argument("--gate", action="store_true", help="score the gate's settings out of fold too (step 3)")
    parser.add_argument("--cache", type=Path, help="DocBin for the parsed texts (as scripts/train.py --cache)")
    parser.add_argument("--members", type=int, default=0,
                        help="read by an ensemble: the CRF and this many on bootstrap samples (as scripts/train.py)")
    parser.add_argument("--decode", choices=("viterbi", "argmax"), default="viterbi",
                        help="the ensemble's tags (learn.tagger.Settings.decode)")
    parser.add_argument("--tau", type=float, nargs="+", help="the posterior thresholds read (default: as step 2 says)")
    args = parser.parse_args(argv)

    records = [json.loads(line) for line in (args.shared / "data/muc4/train.jsonl").open(encoding="utf-8")
               if line.strip()]
    nlp = get_nlp()
    docs = parsed((model_text(r["text"]) for r in records), nlp, args.cache)
    scorer = load_scorer(args.shared / "eval/score_roles.py")
    shipped = default_tagger()
    settings = Settings(max_entities=parse_caps(DEFAULT_CAPS), word_classes=shipped.settings.word_classes,
                        members=args.members, decode=args.decode)
    params = json.loads((model_dir() / "roles.json").read_text(encoding="utf-8"))["params"]
    if args.split == "last200":
        splits = [(list(range(HEAD)), list(range(HEAD, len(records))))]
        taus = (0.15, 0.2, 0.3)
    else:
        quarters = [list(range(q * QUARTER, (q + 1) * QUARTER)) for q in range(4)]
        splits = [([i for j, part in enumerate(quarters) if j != q for i in part], quarters[q]) for q in range(4)]
        taus = (0.15,)
    taus = tuple(args.tau) if args.tau else taus
    if args.members and args.variant != ["shipped"]:
        parser.error("--members reads the shipped features only")
    for variant in args.variant:
        names = set(variant.split(","))
        if names - set(VARIANTS):
            parser.error(f"unknown variant {variant}: choose from {', '.join(VARIANTS)}")
        extra = WordClasses.fit(docs[:HEAD], k=50) if "classes50" in names else None
        iterations = 200 if "iterations200" in names else params["iterations"]
        all_cands = {}
        for trained, read in splits:
            with tempfile.TemporaryDirectory() as tmp:
                if args.members:
                    trainer._TRAINING.update(
                        sequences=functools.partial(trainer.sequences, word_classes=shipped.word_classes),
                        docs=[docs[i] for i in trained], records=[records[i] for i in trained],
                        tokenizer=nlp.tokenizer, params={k: params[k] for k in ("c1", "c2", "iterations")})
                    paths = trainer.train_ensemble(len(trained), args.members, Path(tmp), "crf")
                    tagger = RoleTagger(paths[0], settings, shipped.word_classes, paths[1:])
                    label = f"ensemble of {1 + args.members} {args.decode}"
                else:
                    def labelled():
                        for i in trained:
                            mentions = gold_mentions(records[i]["roles"], nlp.tokenizer)
                            seqs = changed(doc_sequences(docs[i], shipped.word_classes), docs[i],
                                           shipped.word_classes, names, extra)
                            for tokens, feats in seqs:
                                yield feats, bio_labels([t.lower_ for t in tokens], mentions)

                    path = Path(tmp) / "crf.crfsuite"
                    train(labelled(), path, c1=params["c1"], c2=params["c2"], iterations=iterations)
                    tagger = VariantTagger(path, settings, shipped.word_classes, names, extra)
                    label = variant
                for tau in taus:
                    tagger.settings.tau = tau
                    cands = {records[i]["doc_id"]: (docs[i].text, tagger.candidates(docs[i])) for i in read}
                    all_cands.setdefault(tau, {}).update(cands)
                    print(f"{label} read {read[0]}-{read[-1]} tau {tau}: "
                          f"{score(scorer, records, cands, settings)}", flush=True)
        if args.gate and args.split == "folds":
            gate_grid(records, all_cands[taus[0]], settings, scorer)
    return 0


def score(scorer, records, cands, settings, floors: dict[str, float] | None = None) -> float:
    """Micro F1 of the fillers chosen from ``cands``; with ``floors`` (the gate's, per text) as the
    roles view chooses them, victims named without their titles."""
    from shardwatch.extract.attack_arguments import PERSON_TITLES

    gold = {r["doc_id"]: r["roles"] for r in records if r["doc_id"] in cands}
    pred = {}
    for doc_id, (text, found) in cands.items():
        if floors is None:
            chosen = choose_fillers(found, text, settings)
        else:
            chosen = choose_fillers(found, text, settings, floor=floors.get(doc_id, 0.0), titles=PERSON_TITLES)
        pred[doc_id] = {role: [[c.text] for c in kept] for role, kept in chosen.items()}
    return scorer.score(gold, pred)["micro_avg"]["f1"]


def gate_grid(records, cands, settings, scorer) -> None:
    """Step 3: the gate's settings out of fold on the first 1,100 (4 gates, one per quarter)."""
    import spacy
    from train_gate import LABEL, docbin, examples, spacy_train

    pairs = examples(records[:HEAD])
    probability = {}
    with tempfile.TemporaryDirectory() as tmp:
        for q in range(4):
            read = range(q * QUARTER, (q + 1) * QUARTER)
            folder = Path(tmp) / f"gate{q}"
            folder.mkdir()
            docbin([p for i, p in enumerate(pairs) if i not in read], folder / "train.spacy")
            docbin([pairs[i] for i in read], folder / "read.spacy")
            model = spacy.load(spacy_train(folder / "train.spacy", folder / "read.spacy", folder / "out"))
            for i, doc in zip(read, model.pipe(pairs[i][0] for i in read)):
                probability[records[i]["doc_id"]] = doc.cats[LABEL]

    def floors(gate: GateSettings | None) -> dict[str, float]:
        if gate is None:
            return {}
        return {d: gate.floor(probability[d], max((c.score for c in found), default=0.0))
                for d, (_, found) in cands.items()}

    print(f"no gate: {score(scorer, records, cands, settings, floors(None))}")
    print(f"shipped gate: {score(scorer, records, cands, settings, floors(gate_settings()))}")
    table = sorted(((score(scorer, records, cands, settings, floors(GateSettings(t, w, m))), w, t, m)
                    for w, t, m in GRID), reverse=True)
    for f1, w, t, m in table[:12]:
        print(f"weight {w} threshold {t} minimum {m}: {f1}")


if __name__ == "__main__":
    sys.exit(main())
