#!/usr/bin/env python3
"""Copy a trained spaCy pipeline into the package, where shardwatch loads it at run time.

Keeps what loading needs (config, meta, the component's weights, tokenizer, vocabulary) and
records in ``meta.json`` where and how it was trained, so the shipped artefact says what made it.

Usage: .venv/bin/python scripts/ship_model.py build/roles_ner/out/model-best src/shardwatch/data/models/roles_ner \\
    --fingerprint build/roles_ner/fingerprint.json
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="the trained pipeline (spacy train's model-best)")
    parser.add_argument("target", type=Path, help="its place in the package")
    parser.add_argument("--fingerprint", type=Path,
                        help="the training corpus's fingerprint.json (scripts/roles_corpus.py), kept in meta.json")
    parser.add_argument("--name", default="shardwatch_attack_arguments", help="the shipped pipeline's name in meta.json")
    parser.add_argument("--description", default=("Attack-argument tagger of shardwatch: `make train` (configs/roles_ner.cfg, "
                                                  "data from scripts/roles_corpus.py)."),
                        help="what made it, in meta.json")
    args = parser.parse_args(argv)
    if not (args.source / "config.cfg").is_file():
        parser.error(f"{args.source} holds no spaCy pipeline (no config.cfg)")
    if args.target.exists():
        shutil.rmtree(args.target)
    shutil.copytree(args.source, args.target)
    # The corpus paths of the training run (a build folder, or a temporary one) would make each
    # run's config differ and name a folder the package does not have: the shipped one has none.
    config_path = args.target / "config.cfg"
    config_path.write_text(re.sub(r'^(train|dev) = ".*"$', r"\1 = null", config_path.read_text(encoding="utf-8"),
                                  flags=re.MULTILINE), encoding="utf-8")
    meta_path = args.target / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["name"] = args.name
    if args.fingerprint:
        meta["corpus_fingerprint"] = json.loads(args.fingerprint.read_text(encoding="utf-8"))
    meta["description"] = args.description
    meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in args.target.rglob("*") if p.is_file())
    print(f"shipped {args.source} -> {args.target} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
