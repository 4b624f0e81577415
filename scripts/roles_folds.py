#!/usr/bin/env python3
"""Score choices of the filler chooser out of fold on all five fifths of WikiEvents train.

How stop 26 and stop 27 chose ``FILLER_CHOICES`` (``extract.attack_arguments``):

1. every document of ``../shared/data/wikievents/train.jsonl`` is read once as ``shardwatch
   roles`` reads it, and what the cased path weighs is kept: the rules' fillers, the candidates
   the chooser reads (with their feature words) and the attack-argument tagger's fillers
   (read by wrapping ``attack_arguments._chosen`` and ``_with_learned``, so nothing is computed
   twice or differently); the final step is then run again offline, checked to give the view's
   own lines with the shipped chooser;
2. five choosers are trained (``spacy train configs/roles_fillers.cfg``), each on the candidates
   of four fifths (position % 5), labelled as ``scripts/fillers_corpus.py`` labels them, its
   last step kept (no step is chosen on the fifth it reads), and each reads the fifth it did
   not see;
3. each choice is scored per fifth with ``score_roles.py``'s own function, as WikiEvents is
   scored. The attack-argument tagger beside the chooser is the shipped one, trained on fifths
   0-3, so the script also scores each choice without its fillers (``--no-tagger`` rows).

WikiEvents dev is never read. About 5 CPU minutes to parse, 1 to train the five choosers.

Usage: .venv/bin/python scripts/roles_folds.py --shared ../shared --work build/roles_folds
"""

from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from shardwatch.extract import attack_arguments, extract
from shardwatch.extract.roles import _as_written, role_line
from shardwatch.extract.role_words import ROLES
from shardwatch.learn.arguments import document_roles
from shardwatch.learn.fillers import LABEL, RoleChoice, feature_doc, features, pick
from shardwatch.learn.spans import normalize
from shardwatch.learn.text import repair_glued, untokenise
from shardwatch.nlp import annotate
from shardwatch.types import Article

from fillers_corpus import gold_entities

MERGES = {"perpetrator": ["perpetrator", "perpetrator_individual", "perpetrator_organization"],
          "target": ["target", "victim"]}
FOLDS = 5


def read(records: list[dict]) -> list[dict]:
    """What the cased path weighs in each record (step 1)."""
    captured: dict = {}
    chosen, learned = attack_arguments._chosen, attack_arguments._with_learned

    def capture_chosen(placed, doc, candidates):
        captured.update(placed={k: list(v) for k, v in placed.items()}, candidates=list(candidates),
                        features=[features(doc, c, candidates) for c in candidates])
        return chosen(placed, doc, candidates)

    def capture_learned(placed, doc):
        captured["learned"] = {role: [(f.text, f.count, _token(doc, f.first)) for f in fillers]
                               for role, fillers in document_roles(doc).items()}
        return learned(placed, doc)

    texts = []
    for record in records:
        untokenised = untokenise(record["text"])
        texts.append((untokenised.text if untokenised else repair_glued(record["text"]), untokenised))
    rows = []
    attack_arguments._chosen, attack_arguments._with_learned = capture_chosen, capture_learned
    try:
        for record, (text, untokenised), doc in zip(records, texts, annotate(t for t, _ in texts)):
            captured.clear()
            line = role_line(record["doc_id"], extract(Article(id=record["doc_id"], text=text), doc))
            rows.append(dict(doc_id=record["doc_id"], untokenised=untokenised, idx=[t.idx for t in doc],
                             line=_as_written(line, untokenised) if untokenised else line, **captured))
    finally:
        attack_arguments._chosen, attack_arguments._with_learned = chosen, learned
    return rows


def _token(doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def written(row: dict, text: str, at: int) -> str:
    if row["untokenised"] is None:
        return text
    return row["untokenised"].original_mention(text, row["idx"][min(at, len(row["idx"]) - 1)])[0]


def labels(row: dict, gold: dict) -> list[bool]:
    """Each candidate's label, as ``scripts/fillers_corpus.py`` gives it."""
    candidates = row.get("candidates", [])
    out, taken = [False] * len(candidates), {}
    for i in sorted(range(len(candidates)), key=lambda i: (candidates[i].role, candidates[i].rank)):
        c = candidates[i]
        mention = normalize(written(row, c.text, c.at))
        free = [j for j, entity in enumerate(gold_entities(gold, c.role)) if j not in taken.get(c.role, set())
                and any(mention == g or mention.endswith(" " + g) for g in entity)]
        if free:
            taken.setdefault(c.role, set()).add(free[0])
        out[i] = bool(free)
    return out


def out_of_fold(rows: list[dict], golds: dict, work: Path, config: Path) -> list[list[float]]:
    """Each candidate's probability from the chooser trained on the other four fifths (step 2)."""
    vocab = spacy.blank("en").vocab
    probs: list[list[float]] = [[] for _ in rows]
    for fold in range(FOLDS):
        folder = work / f"fold{fold}"
        folder.mkdir(parents=True, exist_ok=True)
        train, dev = [], []
        for i, row in enumerate(rows):
            if i % FOLDS == fold:
                continue
            for words, label in zip(row.get("features", []), labels(row, golds[row["doc_id"]])):
                doc = feature_doc(vocab, words)
                doc.cats = {LABEL: float(label)}
                (dev if i % FOLDS == (fold + 1) % FOLDS else train).append(doc)
        DocBin(docs=train + dev).to_disk(folder / "train.spacy")
        DocBin(docs=dev).to_disk(folder / "dev.spacy")  # a training fifth: spaCy needs one; its last step is read
        subprocess.run([sys.executable, "-m", "spacy", "train", str(config), "--output", str(folder / "out"),
                        "--paths.train", str(folder / "train.spacy"), "--paths.dev", str(folder / "dev.spacy")],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        model = spacy.load(folder / "out" / "model-last")
        for i, row in enumerate(rows):
            if i % FOLDS == fold:
                probs[i] = [d.cats[LABEL] for d in model.pipe(feature_doc(model.vocab, w) for w in row.get("features", []))]
    return probs


def final(row: dict, probs: list[float], choices: dict[str, RoleChoice], *, tagger: bool = True) -> dict:
    """The role line the view gives for ``row`` with these probabilities and choices."""
    if not row.get("placed") or not any(row["placed"].values()):
        return {role: [] for role in ROLES}
    placed = {k: list(v) for k, v in row["placed"].items()}
    inside = [(c, p) for c, p in zip(row["candidates"], probs) if c.role in choices]
    chosen = pick([c for c, _ in inside], [p for _, p in inside], choices=choices)
    for role in ROLES:
        ballot = attack_arguments._CASED_OF_ROLE[role]
        if ballot in choices:
            weighed = {normalize(c.text) for c in row["candidates"] if c.role == ballot}
            placed[role] = chosen.get(role, []) + [(t, a) for t, a in placed[role] if normalize(t) not in weighed]
    for role, fillers in (row["learned"].items() if tagger else ()):
        names = attack_arguments._CASED_OF_LEARNED[role]
        have = [t.lower() for name in names for t, _ in placed[name]]
        best = [f for f in fillers if f[1] >= attack_arguments.LEARNED_MIN_MENTIONS][:attack_arguments.LEARNED_PER_ROLE]
        for text, _, at in best:
            low = text.lower()
            if not any(low.endswith(h.split()[-1]) or h.endswith(low.split()[-1]) for h in have):
                placed[names[0]].append((text, at))
    return {role: [[written(row, text, at)] for text, at in placed[role]] for role in ROLES}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, required=True, help="the shared folder (data/ and eval/ inside)")
    parser.add_argument("--work", type=Path, required=True, help="folder for the cache and the five choosers")
    parser.add_argument("--config", type=Path, default=Path("configs/roles_fillers.cfg"), help="the chooser's config")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.shared / "eval"))
    from score_roles import score  # the shared scorer's own function

    with (args.shared / "data" / "wikievents" / "train.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    golds = {r["doc_id"]: r["roles"] for r in records}
    args.work.mkdir(parents=True, exist_ok=True)
    cache = args.work / "rows.pickle"
    if cache.exists():
        rows = pickle.loads(cache.read_bytes())
    else:
        rows = read(records)
        cache.write_bytes(pickle.dumps(rows))
    model = attack_arguments.filler_model()
    check = [final(row, [d.cats[LABEL] for d in model.pipe(feature_doc(model.vocab, w) for w in row.get("features", []))],
                   attack_arguments.FILLER_CHOICES) for row in rows]
    differ = sum(1 for row, line in zip(rows, check) if line != row["line"]["roles"])
    print(f"offline re-run with the shipped chooser: {len(rows) - differ} of {len(rows)} lines as the view gives them")
    probs = out_of_fold(rows, golds, args.work, args.config)
    shipped_choices = attack_arguments.FILLER_CHOICES
    variants = {
        "shipped FILLER_CHOICES": shipped_choices,
        "rules alone (no chooser)": {},
        "perpetrators: no drop (stop 26)": shipped_choices | {"perpetrator": RoleChoice(add=0.3, per_role=3)},
        "perpetrators: known ones dropped too": shipped_choices | {
            "perpetrator": replace(shipped_choices["perpetrator"], keep_known=False)},
    }
    print(f"{'choice':40} {'tagger':6} {'all':>6} " + " ".join(f"{'fold' + str(f):>6}" for f in range(FOLDS)))
    for name, choices in variants.items():
        for tagger in (True, False):
            lines = [final(row, p, choices, tagger=tagger) for row, p in zip(rows, probs)]
            cells = []
            for fold in ["all", *range(FOLDS)]:
                ids = [i for i in range(len(rows)) if fold == "all" or i % FOLDS == fold]
                table = score({rows[i]["doc_id"]: golds[rows[i]["doc_id"]] for i in ids},
                              {rows[i]["doc_id"]: lines[i] for i in ids}, None, MERGES, True)
                cells.append(table["micro_avg"]["f1"])
            print(f"{name:40} {'yes' if tagger else 'no':6} " + " ".join(f"{c:6.2f}" for c in cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
