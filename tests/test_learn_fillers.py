"""The learned filler chooser (``learn.fillers``): its feature words, and what it adds to the roles view."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from shardwatch.extract.cased_roles import Candidate
from shardwatch.learn.fillers import features


def _candidate(**changes) -> Candidate:
    values = dict(role="perpetrator", name="perpetrator_individual", text="two gunmen", at=1, score=2.0, share=0.6,
                  best=2.6, votes=3, first=1, rank=2, chosen=False)
    values.update(changes)
    return Candidate(**values)


def test_a_candidates_feature_words_say_its_evidence_and_are_crossed_with_its_role():
    doc = Doc(Vocab(), words=["Two", "gunmen", "opened", "fire"])
    candidate = _candidate()
    words = features(doc, candidate, [candidate, _candidate(text="the police", rank=1, share=1.0)])
    assert words[0] == "perpetrator"
    for word in ("rank2", "share0.5", "best2.5", "votes3", "first30", "chosen0",
                 "as_perpetrator_individual", "count2", "words2", "counted1", "head_gunmen"):
        assert word in words and f"perpetrator_{word}" in words
    # another role's candidates are not counted with this one's
    assert "count1" in features(doc, candidate, [candidate, _candidate(role="place", name="place")])


@pytest.mark.model
def test_the_chooser_reports_the_bomber_beside_the_fighters_and_their_group():
    from shardwatch.extract.roles import role_lines

    text = ("Armed Taliban fighters stormed an army training centre in Wardak province on Sunday after a suicide "
            "bomber drove a truck packed with explosives into its gate, officials said. The Taliban said they "
            "carried out the attack.")
    (line,) = role_lines([("t1", text)])
    doers = [m[0] for m in line["roles"]["perpetrator_individual"] + line["roles"]["perpetrator_organization"]]
    # the rules alone keep the best group and the best of its men: the bomber was left out
    assert "suicide bomber" in doers and "Armed Taliban fighters" in doers and "Taliban" in doers


def _place(**changes) -> Candidate:
    values = dict(role="place", name="place", text="Quetta", at=7, score=2.0, share=1.0, best=2.0, votes=3, first=7,
                  rank=1, chosen=True)
    values.update(changes)
    return Candidate(**values)


@pytest.mark.model
def test_the_chooser_drops_a_place_the_rules_chose_on_weak_evidence_and_keeps_the_attacks_own():
    from shardwatch.learn.fillers import RoleChoice, choose
    from shardwatch.nlp import annotate

    (doc,) = annotate(["A bomb exploded at a market in Quetta on Monday, killing six people. "
                       "Officials in Washington condemned the attack."])
    assert doc[7].text == "Quetta" and doc[17].text == "Washington"
    # the rules' sixth place, named once, late, with a tenth of the best one's evidence
    weak = _place(text="Washington", at=17, score=0.1, share=0.05, best=0.3, votes=1, first=1500, rank=6)
    candidates = [_place(), weak]
    kept = choose(doc, candidates, choices={"place": RoleChoice(drop=0.15)})
    assert kept == {"place": [("Quetta", 7)]}
    # with no floor the rules' choice stands, in its rank order
    assert choose(doc, candidates, choices={"place": RoleChoice()}) == {"place": [("Quetta", 7), ("Washington", 17)]}


@pytest.mark.model
def test_the_chooser_adds_a_weapon_the_rules_weighed_and_left_out():
    from shardwatch.extract.roles import role_lines

    text = ("A car bomb exploded outside a hotel in Mogadishu on Sunday, killing nine people, police said. "
            "Officials said a second car bomb was defused nearby. The militants also fired mortars at the airport, "
            "and an improvised explosive device went off on the road to the port later in the day. Residents said "
            "the explosions shook the city.")
    (line,) = role_lines([("t1", text)])
    weapons = [m[0] for m in line["roles"]["weapon"]]
    # the rules keep the two best attested; the third, named once in a later sentence, the chooser adds
    assert weapons == ["car bomb", "mortars", "improvised explosive device"]
    assert [m[0] for m in line["roles"]["place"]] == ["Mogadishu"]


@pytest.mark.model
def test_the_chooser_drops_a_doubtful_perpetrator_unless_the_actor_data_knows_it():
    from shardwatch.learn.fillers import RoleChoice, choose
    from shardwatch.nlp import annotate

    (doc,) = annotate(["Gunmen opened fire on a bus in Quetta on Monday, killing six people. "
                       "Police said the Taliban had threatened the Hazara Democratic Party before."])
    assert doc[0].text == "Gunmen" and doc[18].text == "Taliban" and doc[24].text == "Party"
    gunmen = _candidate(name="perpetrator_individual", text="Gunmen", at=0, score=3.0, share=1.0, best=3.0, votes=2,
                        first=0, rank=1, chosen=True)

    def weak(text: str, at: int, known: bool) -> Candidate:
        # chosen by the rules on a fifth of the best one's evidence, named once, in a later sentence
        return _candidate(name="perpetrator_organization", text=text, at=at, score=0.6, share=0.2, best=1.5,
                          votes=1, first=at, rank=2, chosen=True, known=known)

    choice = RoleChoice(drop=0.15, keep_known=True)
    # a group the chooser doubts is dropped, unless the actor data knows it (the records' doers read it)
    assert choose(doc, [gunmen, weak("Hazara Democratic Party", 24, False)], choices={"perpetrator": choice}) == \
        {"perpetrator_individual": [("Gunmen", 0)]}
    assert choose(doc, [gunmen, weak("Taliban", 18, True)], choices={"perpetrator": choice}) == \
        {"perpetrator_individual": [("Gunmen", 0)], "perpetrator_organization": [("Taliban", 18)]}
    # without keep_known the known group goes too
    assert choose(doc, [gunmen, weak("Taliban", 18, True)], choices={"perpetrator": RoleChoice(drop=0.15)}) == \
        {"perpetrator_individual": [("Gunmen", 0)]}
