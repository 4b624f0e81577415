"""Foreign fighters' pathways: records matched to each pathway's indicators, counted by month
with their sources; shares with intervals; too few records said plainly."""

from __future__ import annotations

import dataclasses
import datetime as dt

from analyse_helpers import article, attack, claim, quote, write
from shardwatch.analyse.pathways import MIN_RECORDS, PATHWAYS, indicators, matches, pathways
from shardwatch.analyse.results import AnalysisFilter
from shardwatch.types import ActorRef, Event, Evidence, Extraction, Place

D = dt.date


def _allegiance(a, relation: str, date: D) -> Event:
    sentence = a.text.split(" Notes:")[0]
    return Event(id=f"{a.id}-g", kind="allegiance", article_id=a.id, date=date, date_precision="day",
                 reported=a.published, modality="asserted", place=Place("Derna", "Derna", "LY", 32.77, 22.64, None, 1),
                 actors=(ActorRef("some-brigade", "Some Brigade", "subject", "the brigade"),),
                 evidence=(Evidence(a.id, 0, len(sentence), sentence, "test", "1"),), trigger="pledged",
                 confidence=0.8, relation=relation)


def _store(tmp_db):
    items = []
    n = 0

    def add(published: D, sentence: str, make, source="Test Wire"):
        nonlocal n
        a = article(f"p{n:02d}", published, sentence, n, source=source)
        n += 1
        record = make(a)
        if isinstance(record, Event):
            items.append(Extraction(a, (record,)))
        elif record.__class__.__name__ == "Claim":
            items.append(Extraction(a, claims=(record,)))
        else:
            items.append(Extraction(a, quotes=(record,)))
        return a

    add(D(2017, 3, 2), "Officials said 40 fighters had surrendered to Kurdish forces near the border.",
        lambda a: quote(a, "q-surrender", a.text.split(" Notes:")[0]))
    add(D(2017, 7, 20), "Analysts expect its fighters to go underground and wage an insurgency from the desert.",
        lambda a: quote(a, "q-underground", a.text.split(" Notes:")[0]), source="Gulf Courier")
    add(D(2017, 9, 1), "A commander said dozens of foreign fighters had joined al-Qaeda's branch in Idlib.",
        lambda a: quote(a, "q-join", a.text.split(" Notes:")[0]))
    add(D(2016, 4, 5), "A Libyan brigade switched its allegiance to a rival jihadist alliance.",
        lambda a: _allegiance(a, "switched", D(2016, 4, 3)))
    add(D(2015, 2, 9), "A Libyan brigade in Derna pledged allegiance to the group's leader.",
        lambda a: _allegiance(a, "pledged", D(2015, 2, 8)))
    add(D(2017, 10, 15), "Some fighters were relocating to Libya and the Sinai, officials warned.",
        lambda a: quote(a, "q-relocate", a.text.split(" Notes:")[0]))
    add(D(2017, 10, 31), "Some 5,600 fighters have returned to their home countries.",
        lambda a: dataclasses.replace(claim(a, "c-returned", "foreign_fighters_returned", 5600, as_of=D(2017, 10, 31),
                                            text=a.text.split(" Notes:")[0]), scope="Europe", scope_countries=()))
    add(D(2017, 11, 2), "Police arrested two returnees from Syria in a dawn raid.",
        lambda a: quote(a, "q-arrest", a.text.split(" Notes:")[0]))
    add(D(2016, 3, 23), "The bomber had returned from Syria months before the attack on the metro.",
        lambda a: attack(a, date=D(2016, 3, 22), country="BE", lat=50.85, lon=4.35, killed=16))
    add(D(2016, 6, 1), "Prices of bread rose again in the capital's markets.",  # speaks to no pathway
        lambda a: quote(a, "q-bread", a.text.split(" Notes:")[0]))
    write(tmp_db, items)


def test_each_indicator_matches_its_own_kind_of_record():
    by_id = {i.id: i for i in indicators()}
    assert set(PATHWAYS) == {i.pathway for i in by_id.values()}
    assert matches(by_id["switches"], "allegiance", "", relation="switched")
    assert not matches(by_id["switches"], "allegiance", "", relation="pledged")
    assert matches(by_id["returnees"], "claim", "", measure="foreign_fighters_returned")
    assert not matches(by_id["returnee_talk"], "claim", "returnees", measure="foreign_fighters_returned")
    assert matches(by_id["arrests_of_returnees"], "quote", "Police detained a returnee at the airport.")
    assert not matches(by_id["arrests_of_returnees"], "quote", "Police detained a man at the airport.")
    assert matches(by_id["join_other"], "quote", "They joined Hayat Tahrir al-Sham.")
    assert not matches(by_id["join_other"], "quote", "They joined the march.")


def test_records_are_counted_by_pathway_and_month_with_their_sources(tmp_db):
    _store(tmp_db)
    result = pathways(tmp_db)
    by_id = {p.id: p for p in result.pathways}
    assert [p.id for p in result.pathways] == list(PATHWAYS)
    assert by_id["disengage"].by_month == {"2017-03": 1}
    assert by_id["underground"].records[0].source == "Gulf Courier"
    assert by_id["underground"].records[0].published == D(2017, 7, 20)
    assert by_id["other_group"].by_indicator == {"join_other": 1, "switches": 1}
    assert by_id["other_group"].by_month == {"2016-04": 1, "2017-09": 1}
    assert by_id["affiliate"].by_indicator == {"pledges": 1, "relocation": 1}
    assert by_id["sent_home"].by_indicator == {"returnees": 1, "arrests_of_returnees": 1, "attacks_by_returnees": 1}
    assert by_id["sent_home"].by_month == {"2016-03": 1, "2017-10": 1, "2017-11": 1}
    assert "q-bread" not in result.record_ids
    assert sum(p.count for p in result.pathways) == 9 < MIN_RECORDS
    assert not result.enough_data and result.leading is None
    assert result.note.startswith("not enough data: 9 records speak to the pathways")
    share = by_id["sent_home"].share
    assert share.estimate == 3 / 9 and share.low < share.estimate < share.high


def test_filters_narrow_the_records(tmp_db):
    _store(tmp_db)
    attacks_only = pathways(tmp_db, AnalysisFilter(kind="attack"))
    assert [r.record_id for p in attacks_only.pathways for r in p.records] == ["p08-e0"]
    in_2017 = pathways(tmp_db, AnalysisFilter(since=D(2017, 1, 1)))
    assert {r.month[:4] for p in in_2017.pathways for r in p.records} == {"2017"}


def test_a_clear_lead_is_named_when_records_are_many(tmp_db):
    items = []
    for n in range(24):
        day = D(2017, 1 + n % 12, 5)
        a = article(f"r{n:02d}", day, f"Officials said returnee number {n} was arrested on arrival.", n)
        items.append(Extraction(a, quotes=(quote(a, f"q{n}", a.text.split(" Notes:")[0]),)))
    a = article("u", D(2017, 5, 5), "Cells have gone underground in the desert, a commander said.", 99)
    items.append(Extraction(a, quotes=(quote(a, "qu", a.text.split(" Notes:")[0]),)))
    write(tmp_db, items)
    result = pathways(tmp_db)
    assert result.enough_data and result.leading == "sent_home"
    assert result.note == "25 records; the reporting speaks most to: be sent home to attack"
