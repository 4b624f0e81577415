"""scripts/roles_folds.py: the offline re-run of the cased view's last step and the candidates' labels."""

from shardwatch.learn.fillers import Candidate, RoleChoice
from script_helpers import script


def _script():
    return script("roles_folds")


def _cand(role, name, text, at, rank, chosen, known=False):
    return Candidate(role, name, text, at, 1.0, 1.0, 3.0, 1, at, rank, chosen, known)


# "Rebels of the Red Dawn Front attacked a convoy near Tarvo with rockets ." as tokens 0-12
WORDS = "Rebels of the Red Dawn Front attacked a convoy near Tarvo with rockets .".split()
IDX = [sum(len(w) + 1 for w in WORDS[:i]) for i in range(len(WORDS))]


def _row():
    candidates = [_cand("perpetrator", "perpetrator_individual", "Rebels", 0, 1, True),
                  _cand("perpetrator", "perpetrator_organization", "Red Dawn Front", 5, 2, True),
                  _cand("weapon", "weapon", "rockets", 12, 1, False),
                  _cand("place", "place", "Tarvo", 10, 1, True)]
    placed = {"perpetrator_individual": [("Rebels", 0)], "perpetrator_organization": [("Red Dawn Front", 5)],
              "target": [("convoy", 8)], "victim": [], "weapon": [], "place": [("Tarvo", 10)]}
    return {"doc_id": "d1", "untokenised": None, "idx": IDX, "placed": placed, "candidates": candidates,
            "learned": {"perpetrator": [], "target": [("a convoy", 2, 8)], "weapon": [], "place": []}}


def test_the_offline_choice_drops_adds_and_keeps_as_the_view_does():
    folds = _script()
    choices = {"perpetrator": RoleChoice(add=0.3, per_role=3, drop=0.15, keep_known=True),
               "weapon": RoleChoice(add=0.3, per_role=4), "place": RoleChoice(drop=0.15)}
    # the chooser doubts the group (0.1), is sure of the rockets the rules left out (0.6)
    line = folds.final(_row(), [0.9, 0.1, 0.6, 0.5], choices)
    assert line["perpetrator_individual"] == [["Rebels"]] and line["perpetrator_organization"] == []
    assert line["weapon"] == [["rockets"]] and line["place"] == [["Tarvo"]]
    # the tagger's "a convoy" ends in the rules' "convoy": not added twice
    assert line["target"] == [["convoy"]]
    # rules alone: nothing dropped or added
    alone = folds.final(_row(), [0.9, 0.1, 0.6, 0.5], {})
    assert alone["perpetrator_organization"] == [["Red Dawn Front"]] and alone["weapon"] == []


def test_candidates_are_labelled_as_the_chooser_is_trained():
    folds = _script()
    gold = {"perpetrator": [["Front", "Red Dawn Front"]], "perpetrator_individual": [], "perpetrator_organization": [],
            "target": [["convoy"]], "victim": [], "weapon": [], "place": [["Tarvo"], ["Tarvo"]]}
    # "Red Dawn Front" ends in the gold head word; "Rebels" is no gold mention; one Tarvo taken once
    assert folds.labels(_row(), gold) == [False, True, False, True]
