"""The document-level arguments of an article's attacks are held by its attack events, and the
``roles`` view reports what the events hold (``extract.attack_arguments``, ``extract.roles``)."""

from __future__ import annotations

import pytest

from shardwatch.extract.attack_arguments import attach
from shardwatch.types import AttackArgument, Event, Evidence


def _event(event_id: str, kind: str, start: int, end: int, actors: tuple = (), **fields) -> Event:
    evidence = Evidence(article_id="a1", start=start, end=end, text="x" * (end - start), extractor="attacks",
                        version="test")
    return Event(id=event_id, kind=kind, article_id="a1", date=None, date_precision="unknown", reported=None,
                 modality="asserted", place=None, actors=actors, evidence=(evidence,), trigger="attack",
                 confidence=0.5, **fields)


def test_each_argument_goes_to_the_attack_event_whose_evidence_names_it():
    first = _event("e1", "attack", 0, 50, target="the frame's own target", weapon="knife")
    territory = _event("t1", "territory", 50, 90)
    second = _event("e2", "attack", 90, 140)
    arguments = (
        AttackArgument("target", "checkpoint", 100, 110),  # in the second attack's sentence
        AttackArgument("victim", "two soldiers", 10, 13),
        AttackArgument("weapon", "car bomb", 20, 24),
        AttackArgument("weapon", "rifles", 120, 126),
        AttackArgument("place", "Kirkuk", 60, 66),  # named in no attack sentence: the first attack's
    )
    events, placed = attach([first, territory, second], arguments)
    assert [a.event_id for a in placed] == ["e2", "e1", "e1", "e2", "e1"]
    by_id = {e.id: e for e in events}
    # the events hold the document's arguments, not the frames' own
    assert (by_id["e1"].target, by_id["e1"].victims, by_id["e1"].weapon) == (None, "two soldiers", "car bomb")
    assert (by_id["e2"].target, by_id["e2"].victims, by_id["e2"].weapon) == ("checkpoint", None, "rifles")
    assert by_id["t1"] == territory


def test_a_known_perpetrator_the_frame_missed_joins_the_event_that_holds_it():
    from shardwatch.types import ActorRef

    bare = _event("e1", "attack", 0, 60)
    named = _event("e2", "attack", 60, 120, actors=(ActorRef("al-shabaab", "al-Shabaab", "perpetrator", "al-Shabaab"),))
    arguments = (
        AttackArgument("perpetrator_organization", "Islamic State", 10, 17, actor_id="islamic-state"),
        AttackArgument("perpetrator_organization", "Boko Haram", 70, 74, actor_id="boko-haram"),
        AttackArgument("perpetrator_individual", "gunmen", 20, 26),  # no actor: no actor record
    )
    events, _ = attach([bare, named], arguments)
    assert [(r.actor_id, r.role, r.text) for r in events[0].actors] == [("islamic-state", "perpetrator", "Islamic State")]
    # the frame's own perpetrator stands: the document's is not added beside it
    assert events[1].actors == named.actors


def test_without_an_attack_event_the_arguments_belong_to_none():
    territory = _event("t1", "territory", 0, 40)
    arguments = (AttackArgument("place", "Raqqa", 5, 10),)
    events, placed = attach([territory], arguments)
    assert events == [territory] and placed == arguments and placed[0].event_id is None


@pytest.mark.model
def test_roles_reports_the_arguments_the_stored_events_hold():
    from shardwatch.extract import extract
    from shardwatch.extract.roles import role_line
    from shardwatch.nlp import annotate
    from shardwatch.types import Article

    text = ("Gunmen stormed a police checkpoint in the town of Baqubah on Tuesday, killing four officers, "
            "security sources said. The Islamic State group said its fighters carried out the attack. "
            "The attackers used rifles and hand grenades.")
    article = Article(id="w1", text=text)
    (doc,) = annotate([text])
    extraction = extract(article, doc)
    (event,) = [e for e in extraction.events if e.kind == "attack"]
    line = role_line("w1", extraction)
    assert line["events"] == [{"id": event.id, "evidence": [[ev.start, ev.end] for ev in event.evidence]}]
    assert all(a["event_id"] == event.id for a in line["arguments"])
    # what the view reports as target, victim and weapon is what the stored event holds
    for role, held in (("target", event.target), ("victim", event.victims), ("weapon", event.weapon)):
        assert [m[0] for m in line["roles"][role]] == (held.split("; ") if held else [])
    assert "checkpoint" in event.target and "rifles" in event.weapon
    assert line["roles"]["perpetrator_organization"] == [["Islamic State group"]]
    assert line["roles"]["place"] == [["Baqubah"]]
    # the evidence offsets name the words
    for argument in line["arguments"]:
        assert text[argument["start"]:argument["end"]] in argument["text"]


@pytest.mark.model
def test_a_cased_text_with_no_attack_event_gives_no_role():
    from shardwatch.extract.roles import role_lines

    text = ("The striker hit a hat-trick as United crushed City 4-0 on Saturday. "
            "Fans stormed the pitch after the final whistle.")
    (line,) = role_lines([("s1", text)])
    assert line["events"] == [] and line["arguments"] == []
    assert not any(line["roles"].values())
