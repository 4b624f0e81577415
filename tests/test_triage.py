"""The relevance cascade (shardwatch.triage) and how ingest uses it (issue 16).

Every sentence here was written for these tests."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from shardwatch.cli import cli
from shardwatch.triage import relevance
from shardwatch.triage.cascade import screen, surface_forms

RELEVANT = [
    # an attack trigger that decides alone
    "A car bombing outside the ministry left the street in ruins on Tuesday.",
    # a killing verb alone
    "Gunmen in a pickup killed four farmers near the river crossing.",
    # a weak trigger with an attacker word in the same sentence
    "Militants attacked a police checkpoint on the northern road.",
    # two attack triggers of different lemmas
    "A shop owner was shot and wounded in the market.",
    # a territory cue with an actor alias (actors.jsonl)
    "Kurdish-led fighters say Daesh has lost control of the last village east of the river.",
    # a territory cue with a place of places.jsonl, written as a proper noun
    "Government troops recaptured the hospital compound in Fallujah after a week.",
    # an allegiance cue with an actor alias
    "A faction in the south pledged allegiance to the Islamic State last spring.",
    # an irregular form (relevance.jsonl): "fled" is no regular form of "flee"
    "Thousands fled the town after militants took the bridge.",
    # no cue of the old lexicon at all: a candidate word ("body") sends it to the classifier
    "Police recovered the body of a teacher dumped beside the highway.",
]

IRRELEVANT = [
    # sport: "attack" without violence around it
    "The home side's attack looked sharp and their captain hit the post twice.",
    # business: "take control" and "lost" with no actor, weapon or violence word
    "The retailer lost market share before a rival took control of its board.",
    # music and film
    "The band's new album went straight to the top of the charts in its first week.",
    # "Hit" in lower case is a verb, not the Iraqi town of places.jsonl
    "Sales were hit by the cold weather, and the firm will take a smaller stake.",
    # a strong cue with no context word: the lexicon alone passed it; the classifier does not
    "The film's villain is killed off in the final scene, to the dismay of fans.",
    "Critics said the tax rise would kill off small shops in the high street.",
]


@pytest.mark.parametrize("text", RELEVANT)
def test_relevant_texts_pass(text):
    found = relevance(text)
    assert found.relevant, text
    assert found.reason


@pytest.mark.parametrize("text", IRRELEVANT)
def test_irrelevant_texts_do_not_pass(text):
    assert not relevance(text).relevant, relevance(text).reason


def test_cue_and_context_must_share_a_sentence_for_stage_1_to_decide():
    # "killed" and "militants" in different sentences of a text about a film: stage 1 decides
    # nothing and hands both sentences to the classifier
    text = "The villain is killed in the last scene.\nThe film about militants opens next week."
    found = screen(text)
    assert found.relevant is None
    assert found.sentences == ("The villain is killed in the last scene.", "The film about militants opens next week.")
    assert screen("The militants killed the guard at the gate.").relevant is True


def test_surface_forms_of_regular_lemmas():
    assert {"stabbed", "stabbing", "stabs"} <= surface_forms("stab")
    assert {"exploded", "exploding", "explodes"} <= surface_forms("explode")
    assert {"kidnapped", "kidnapping"} <= surface_forms("kidnap")


def _write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")
    (folder / f"{name}.json").write_text(json.dumps({"title": name, "published": "2016-03-02"}), encoding="utf-8")


@pytest.fixture
def reports(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    _write(folder, "attack.txt", "BAGHDAD -- A suicide bomber killed twelve people at a market in Baghdad on "
                                 "Wednesday, police said. The Islamic State claimed the bombing.")
    _write(folder, "bakery.txt", "LONDON -- A bakery in Leeds was named the best in Britain on Wednesday. "
                                 "Its owner said the prize would pay for a new oven and two more bakers.")
    return folder


def _run(db, *args):
    return CliRunner().invoke(cli, ["--db", str(db), *args])


def _export(db):
    result = _run(db, "export", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def test_irrelevant_article_is_stored_searchable_unparsed_and_no_cascade_parses_it(tmp_path, reports):
    db = tmp_path / "cascade.db"
    result = _run(db, "ingest", "-j", "1", str(reports))
    assert result.exit_code == 0, result.output
    assert "1 stored unparsed as irrelevant" in result.output
    records = _export(db)
    titles = {r["title"] for r in records if r["type"] == "article"}
    assert titles == {"attack.txt", "bakery.txt"}
    events = [r for r in records if r["type"] == "event"]
    assert events and all(len(e["article_ids"]) == 1 for e in events)
    from shardwatch.store import Store

    with Store(db) as store:
        unparsed = store.unparsed_article_ids()
        bakery = [a for a in store.articles() if a.title == "bakery.txt"][0]
        assert unparsed == [bakery.id]
        # the unparsed article has no mentions: the model never read it
        assert store.db.execute("SELECT COUNT(*) FROM mentions WHERE article_id = ?", (bakery.id,)).fetchone()[0] == 0
        assert all(bakery.id not in e["article_ids"] for e in events)
    search = _run(db, "search", "oven", "--format", "json")
    assert search.exit_code == 0 and "bakery.txt" in search.output
    status = _run(db, "status")
    assert "1 articles stored unparsed" in status.output

    full = tmp_path / "full.db"
    result = _run(full, "ingest", "-j", "1", "--no-cascade", str(reports))
    assert result.exit_code == 0, result.output
    assert "unparsed" not in result.output
    with Store(full) as store:
        assert store.unparsed_article_ids() == []
        bakery = [a for a in store.articles() if a.title == "bakery.txt"][0]
        # parsed: the model found its places (Leeds, Britain) as mentions
        assert store.db.execute("SELECT COUNT(*) FROM mentions WHERE article_id = ?", (bakery.id,)).fetchone()[0] > 0


def test_several_processes_give_the_same_export_as_one(tmp_path, reports):
    # batch_size 1 with 2 processes: more articles than 2 x 1, so a pool of two workers starts
    for n in range(3):
        _write(reports, f"raid{n}.txt", f"MOSUL -- Militants attacked an army post near Mosul on day {n + 1}, "
                                        f"killing {n + 2} soldiers, officials said.")
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert _run(one, "ingest", "-j", "1", "--batch-size", "1", str(reports)).exit_code == 0
    result = _run(two, "ingest", "-j", "2", "--batch-size", "1", str(reports))
    assert result.exit_code == 0, result.output

    def stable(records):
        return sorted(json.dumps({k: v for k, v in r.items() if k != "ingested_at"}, sort_keys=True) for r in records)

    assert stable(_export(one)) == stable(_export(two))
    assert sum(r["type"] == "event" for r in _export(two)) >= 4
