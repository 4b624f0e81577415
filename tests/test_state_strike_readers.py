"""Every reader of attack records that means "the group's attacks" leaves states' and
coalitions' strikes out (no model): the timeline's attacks abroad, the brief's most reported
attack, merging within an article and across articles, the GTD and ACLED layouts, the severity
and self-excitation analyses and the pathway indicators.

The records are made up for these tests; the places are real, the reports are not.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from shardwatch.analyse.monthly import monthly_series, organisation_attack
from shardwatch.analyse.results import armed_group_incidents
from shardwatch.data import UNNAMED_STATE, by_state
from shardwatch.present.brief import key_judgements
from shardwatch.present.layouts import acled_type, layout_rows
from shardwatch.resolve.article import merge_article_events
from shardwatch.resolve.incidents import orgs_compatible
from shardwatch.types import ActorRef, Event, Evidence, Place

SIRTE = Place("Sirte", "Sirte", "LY", 31.2089, 16.5887, None, 1)
US = ActorRef("us-military", "United States armed forces", "perpetrator", "U.S. drones")
IS = ActorRef("islamic-state", "Islamic State", "perpetrator", "the Islamic State")


def _event(key: str, actors, *, link="unknown", weapon=None, place=SIRTE, date=dt.date(2016, 8, 2)) -> Event:
    text = f"Report {key}."
    return Event(id=key, kind="attack", article_id="art", date=date, date_precision="day", reported=date,
                 modality="asserted", place=place, actors=tuple(actors), evidence=(Evidence("art", 0, len(text), text,
                                                                                              "test", "1"),),
                 trigger="strike", confidence=0.9, link=link, weapon=weapon, attack_type="Bombing/Explosion")


def _record(key, actors, link="unknown"):
    return {"id": key, "kind": "attack", "date": "2016-08-02", "date_precision": "day", "link": link,
            "place": {"canonical": key, "country": "LY"}, "actors": [{"id": a.actor_id, "role": a.role} for a in actors]}


def test_by_state_means_every_perpetrator_is_a_states_or_a_coalitions():
    assert by_state(["us-military", "coalition"]) and by_state([UNNAMED_STATE])
    assert not by_state([]) and not by_state(["us-military", "islamic-state"]) and not by_state(["islamic-state"])


def test_a_strike_abroad_is_no_attack_of_the_organisation_even_with_a_claim_cue():
    assert not organisation_attack(["us-military"], "claimed")
    timeline = monthly_series([_record("strike", [US], link="claimed"), _record("bombing", [IS]),
                               _record("nobody", [])])
    counted = [g for s in ("directed", "enabled", "inspired", "unknown") for m in timeline["records"][s].values()
               for g in m]
    assert counted == [["bombing"]]
    assert timeline["by_states"] == 1 and timeline["not_organisation"] == 1


def test_the_brief_says_how_many_strikes_it_left_out_and_never_calls_one_the_most_reported():
    strikes = [_event(f"s{i}", [US]) for i in range(3)]
    bombing = _event("b", [IS], place=Place("Benghazi", "Benghazi", "LY", 32.1, 20.1, None, 1))
    timeline = monthly_series([_record("b", [IS]), _record("s0", [US])])
    timeline["records"] = {**timeline["records"]}
    said = " ".join(j.text for j in key_judgements(strikes + [bombing], timeline, {"incidents": None}))
    assert "1 strike abroad by states or coalitions is left out" in said
    assert "most reported" not in said  # three reports of the strike, one of the bombing


def test_a_strike_and_a_groups_attack_in_one_town_on_one_day_stay_two_events():
    merged = merge_article_events([_event("strike", [US]), _event("bombing", [IS])])
    assert [e.id for e in merged] == ["strike", "bombing"]
    assert len(merge_article_events([_event("one", [US]), _event("two", [ActorRef(UNNAMED_STATE, "", "perpetrator")])])) == 1


def test_incidents_join_a_named_and_an_unnamed_state_but_never_a_state_and_a_group():
    assert orgs_compatible({UNNAMED_STATE}, {"us-military"}, {})
    assert not orgs_compatible({"us-military"}, {"islamic-state"}, {})
    assert not orgs_compatible({UNNAMED_STATE}, {"islamic-state"}, {})
    assert orgs_compatible(set(), {"us-military"}, {})


def test_the_gtd_layout_leaves_strikes_out_and_acled_codes_them_as_air_strikes_or_shelling():
    strike = {"kind": "attack", "attack_type": "Bombing/Explosion", "weapon": "drone strike", "evidence": [],
              "actors": [{"id": "us-military", "role": "perpetrator", "name": "US"}]}
    shelling = {**strike, "weapon": "artillery"}
    assert acled_type(strike) == ("Political violence", "Explosions/Remote violence", "Air/drone strike")
    assert acled_type(shelling)[2] == "Shelling/artillery/missile attack"
    assert layout_rows([strike], {}, "gtd") == []


def test_severity_and_self_excitation_read_armed_groups_attacks_only():
    def incident(key, actors):
        return SimpleNamespace(id=key, actors=[SimpleNamespace(actor_id=a, role="perpetrator") for a in actors])
    found = armed_group_incidents([incident("strike", ["coalition"]), incident("bombing", ["islamic-state"]),
                                   incident("unknown", [])], "attack")
    assert [i.id for i in found] == ["bombing", "unknown"]
    assert len(armed_group_incidents([incident("strike", ["coalition"])], "territory")) == 1


def test_a_strike_on_insurgents_speaks_to_no_pathway_of_the_groups_fighters(tmp_db):
    import dataclasses

    from analyse_helpers import article, attack, write
    from shardwatch.analyse.pathways import pathways
    from shardwatch.types import Extraction

    bombing = article("g1", dt.date(2017, 8, 3), "Insurgents in sleeper cells bombed a market in Tikrit.", 1)
    strike = article("s1", dt.date(2017, 8, 5), "An air strike killed 20 insurgents hiding in the desert.", 2)
    write(tmp_db, [Extraction(bombing, (attack(bombing, date=dt.date(2017, 8, 2), country="IQ", lat=34.6, lon=43.7),)),
                   Extraction(strike, (dataclasses.replace(
                       attack(strike, date=dt.date(2017, 8, 4), country="IQ", lat=34.1, lon=42.4),
                       actors=(ActorRef(UNNAMED_STATE, "state forces", "perpetrator", "air strike"),)),))])
    underground = {p.id: p for p in pathways(tmp_db).pathways}["underground"]
    assert [r.record_id for r in underground.records] == ["g1-e0"]


def test_attackers_only_described_leave_an_incident_open_to_a_named_group():
    from shardwatch.extract.doers import described_id
    assert orgs_compatible({described_id("militants")}, {"lashkar-e-taiba"}, {})
    # a description does not open a group's attack to a state's strike
    assert not orgs_compatible({described_id("militants"), "lashkar-e-taiba"}, {"us-military"}, {})
