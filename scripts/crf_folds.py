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
import json
import sys
import tempfile
from pathlib import Path

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
# Features v4 (stop 45; last 200, the tagger alone at tau 0.15 / 0.2 / 0.3): shipped, the encoder's
# 400 classes, TBD; tok2vec (v3's 200 classes of the pipeline's own vectors in their place) 43.37 /
# 42.67 / 42.18.
VARIANTS = ("shipped", "no-head", "two-away", "classes50", "iterations200", "tok2vec")
# and c1=X, c2=X: the CRF's regularisation in place of roles.json's
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
    if "tok2vec" in names:
        base = more
    for tokens, feats in seqs:
        for k, (token, f) in enumerate(zip(tokens, feats)):
            if "tok2vec" in names:  # the pipeline's classes in place of the encoder's
                for key in [key for key in f if key.startswith(("c=", "-1:c=", "1:c=", "head_c="))]:
                    del f[key]
                f[f"c={base[token.i]}"] = f[f"head_c={base[token.head.i]}"] = 1.0
                for offset in (-1, 1):
                    if 0 <= k + offset < len(tokens):
                        f[f"{offset}:c={base[tokens[k + offset].i]}"] = 1.0
            if "no-head" in names:
                del f[f"head_c={base[token.head.i]}"]
            for offset in (-2, 2) if "two-away" in names else ():
                if 0 <= k + offset < len(tokens):
                    f[f"{offset}:c={base[tokens[k + offset].i]}"] = 1.0
            if more is not None and "classes50" in names:
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
    parser.add_argument("--quarters", type=int, nargs="+", help="with --split folds: only these quarters (0-3)")
    parser.add_argument("--gate", action="store_true", help="score the gate's settings out of fold too (step 3)")
    parser.add_argument("--cache", type=Path, help="DocBin for the parsed texts (as scripts/train.py --cache)")
    args = parser.parse_args(argv)

    records = [json.loads(line) for line in (args.shared / "data/muc4/train.jsonl").open(encoding="utf-8")
               if line.strip()]
    nlp = get_nlp()
    docs = parsed((model_text(r["text"]) for r in records), nlp, args.cache)
    scorer = load_scorer(args.shared / "eval/score_roles.py")
    shipped = default_tagger()
    settings = Settings(max_entities=parse_caps(DEFAULT_CAPS), word_classes=shipped.settings.word_classes)
    params = json.loads((model_dir() / "roles.json").read_text(encoding="utf-8"))["params"]
    if args.split == "last200":
        splits = [(list(range(HEAD)), list(range(HEAD, len(records))))]
        taus = (0.15, 0.2, 0.3)
    else:
        quarters = [list(range(q * QUARTER, (q + 1) * QUARTER)) for q in range(4)]
        splits = [([i for j, part in enumerate(quarters) if j != q for i in part], quarters[q]) for q in range(4)
                  if args.quarters is None or q in args.quarters]
        taus = (0.15,)
    for variant in args.variant:
        names = set(variant.split(","))
        reg = {n.split("=")[0]: float(n.split("=")[1]) for n in names if n.startswith(("c1=", "c2="))}
        names = {n for n in names if not n.startswith(("c1=", "c2="))}
        if names - set(VARIANTS):
            parser.error(f"unknown variant {variant}: choose from {', '.join(VARIANTS)}")
        # of the pipeline's own vectors (doc.tensor): 50 beside the encoder's, or v3's 200 in their place
        extra = (WordClasses.fit(docs[:HEAD], k=50) if "classes50" in names
                 else WordClasses.fit(docs[:HEAD], k=200) if "tok2vec" in names else None)
        iterations = 200 if "iterations200" in names else params["iterations"]
        all_cands = {}
        for trained, read in splits:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "crf.crfsuite"

                def labelled():
                    for i in trained:
                        mentions = gold_mentions(records[i]["roles"], nlp.tokenizer)
                        seqs = changed(doc_sequences(docs[i], shipped.word_classes), docs[i], shipped.word_classes,
                                       names, extra)
                        for tokens, feats in seqs:
                            yield feats, bio_labels([t.lower_ for t in tokens], mentions)

                train(labelled(), path, c1=reg.get("c1", params["c1"]), c2=reg.get("c2", params["c2"]),
                      iterations=iterations)
                tagger = VariantTagger(path, settings, shipped.word_classes, names, extra)
                for tau in taus:
                    tagger.settings.tau = tau
                    cands = {records[i]["doc_id"]: (docs[i].text, tagger.candidates(docs[i])) for i in read}
                    all_cands.setdefault(tau, {}).update(cands)
                    print(f"{variant} read {read[0]}-{read[-1]} tau {tau}: "
                          f"{score(scorer, records, cands, settings)}", flush=True)
        if args.gate and args.split == "folds":
            gate_grid(records, all_cands[0.15], settings, scorer)
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
