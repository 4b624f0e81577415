"""The bootstrap intervals of ``scripts/roles_bootstrap.py`` (``make eval``'s 95% intervals).

Gold and predictions written by the team; scored by the shared scorer beside the project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from script_helpers import script

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score_roles.py"


def _bootstrap():
    return script("roles_bootstrap")


# Ten made-up reports: each names one attacker group and one victim.
GOLD = {f"d{i}": {"perpetrator_organization": [["red brigade"]], "victim": [["mayor ortiz"]]} for i in range(10)}


def _counts(pred, options=()):
    rb = _bootstrap()
    return rb.document_counts(rb.load_scorer(SCORER), GOLD, pred, rb.score_options(options))


def test_each_document_is_counted_as_the_shared_scorer_counts_it():
    pred = {"d0": {"perpetrator_organization": [["red brigade"]], "victim": [["the mayor"]]},
            "d1": {"victim": [["mayor ortiz"]]}}
    counts = _counts(pred)
    assert counts["d0"] == (1, 2, 2)  # the group right, "the mayor" no exact match of "mayor ortiz"
    assert counts["d1"] == (1, 1, 2)
    assert counts["d5"] == (0, 0, 2)  # predicted nothing
    assert _bootstrap().micro_f1(counts, sorted(counts)) == pytest.approx(200 * 2 / (3 + 20))


def test_the_scorers_options_are_read_as_it_reads_them():
    rb = _bootstrap()
    options = rb.score_options(["--match", "suffix", "--merge", "target=target+victim", "--json"])
    assert options == {"roles": None, "merges": {"target": ["target", "victim"]}, "suffix": True}
    # with --match suffix the gold head word "ortiz" is the end of the predicted "mayor ortiz"
    gold_heads = {"d0": {"victim": [["ortiz"]]}}
    scorer = rb.load_scorer(SCORER)
    pred = {"d0": {"victim": [["mayor ortiz"]]}}
    assert rb.document_counts(scorer, gold_heads, pred, options)["d0"] == (1, 1, 1)
    assert rb.document_counts(scorer, gold_heads, pred, rb.score_options([]))["d0"] == (0, 1, 1)


def test_the_interval_spans_the_documents_differences_and_repeats_with_its_seed():
    rb = _bootstrap()
    # half the reports fully right, half wholly missed: resampling moves the figure
    pred = {f"d{i}": GOLD[f"d{i}"] for i in range(5)}
    counts = _counts(pred)
    spread = rb.interval(counts, resamples=400)
    assert spread.f1 == pytest.approx(200 * 10 / (10 + 20))
    assert spread.low < spread.f1 < spread.high
    assert spread.high - spread.low > 20
    assert rb.interval(counts, resamples=400) == spread  # seed 0: the same samples again
    every = _counts(GOLD)
    assert rb.interval(every, resamples=400) == rb.Interval(100.0, 100.0, 100.0)


def test_a_change_right_on_every_document_wins_every_paired_sample():
    rb = _bootstrap()
    base = _counts({d: {"perpetrator_organization": [["red brigade"]]} for d in GOLD})
    better = _counts(GOLD)
    c = rb.paired(base, better, resamples=300)
    assert c.base.f1 == pytest.approx(200 * 10 / (10 + 20))
    assert c.new.f1 == 100.0
    assert c.wins == 1.0
    assert c.difference.low == c.difference.high == pytest.approx(100 - c.base.f1)  # every document alike
    same = rb.paired(base, base, resamples=300)
    assert same.wins == 0.0 and same.difference == rb.Interval(0.0, 0.0, 0.0)


def test_the_command_prints_both_figures_and_their_difference(tmp_path, capsys):
    rb = _bootstrap()
    gold, base, new = (tmp_path / f"{n}.jsonl" for n in ("gold", "base", "new"))
    gold.write_text("".join(json.dumps({"doc_id": d, "roles": r}) + "\n" for d, r in GOLD.items()))
    base.write_text(json.dumps({"doc_id": "d0", "roles": {"victim": [["mayor ortiz"]]}}) + "\n")
    new.write_text("".join(json.dumps({"doc_id": d, "roles": r}) + "\n" for d, r in GOLD.items()))
    rb.main([str(gold), str(base), str(new), "--scorer", str(SCORER), "--resamples", "100"])
    out = capsys.readouterr().out
    assert "base 9.52" in out and "new  100.00" in out and "new higher in 100.0% of 100 samples" in out
    with pytest.raises(SystemExit):
        rb.main([str(gold), str(tmp_path / "missing.jsonl"), "--scorer", str(SCORER)])
    assert "no file at" in capsys.readouterr().err
