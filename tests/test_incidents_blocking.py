"""The incident resolver on hand-made event facts (no model, no database): blocking, matching,
ties and merges, stable ids."""

from __future__ import annotations

import datetime as dt

from shardwatch.resolve.incidents import (Cluster, EventFacts, Resolver, date_interval, figures_close, figures_far,
                                          lookup_keys, orgs_compatible, resolve)

BAGHDAD = dict(country="IQ", place="Baghdad", lat=33.34, lon=44.40, place_precision=1)
KARRADA = dict(country="IQ", place="Karrada, Baghdad", lat=33.30, lon=44.42, place_precision=1)
PARIS = dict(country="FR", place="Paris", lat=48.853, lon=2.349, place_precision=1)
STADE = dict(country="FR", place="Stade de France, Saint-Denis", lat=48.924, lon=2.360, place_precision=1)
NICE = dict(country="FR", place="Nice", lat=43.70, lon=7.27, place_precision=1)
PARENTS = {"is-sinai": "islamic-state"}
_counter = iter(range(10_000))


def facts(date: str, precision: str = "day", *, published: str = "2016-07-10", killed=None, orgs=(), people=(),
          target=None, kind="attack", **place) -> EventFacts:
    n = next(_counter)
    return EventFacts(
        event_id=f"ev{n:04d}", kind=kind, article_id=f"art{n:04d}", order=(published, n, f"ev{n:04d}"),
        date=dt.date.fromisoformat(date), precision=precision, reported=dt.date.fromisoformat(published),
        killed=None if killed is None else (float(killed), float(killed)) if not isinstance(killed, tuple) else killed,
        orgs=frozenset(orgs), people=frozenset(people), target=target, **place)


def test_two_baghdad_bombings_in_one_week_stay_two():
    karrada = facts("2016-07-03", killed=292, target="shopping district", orgs=["islamic-state"], **KARRADA)
    market = facts("2016-07-07", killed=35, target="market", **BAGHDAD)
    result = resolve([karrada, market], parents=PARENTS)
    assert len({result.assigned[karrada.event_id], result.assigned[market.event_id]}) == 2


def test_a_week_precise_recollection_joins_the_bombing_its_toll_matches():
    karrada = facts("2016-07-03", killed=292, **KARRADA)
    market = facts("2016-07-07", killed=35, **BAGHDAD)
    # "a bombing in Baghdad last week killed 292 people", reported a week later
    recalled = facts("2016-07-03", "week", published="2016-07-12", killed=290, **BAGHDAD)
    result = resolve([karrada, market, recalled], parents=PARENTS)
    assert result.assigned[recalled.event_id] == result.assigned[karrada.event_id]
    assert result.assigned[recalled.event_id] != result.assigned[market.event_id]


def test_a_mention_that_fits_two_distinct_bombings_does_not_guess():
    karrada = facts("2016-07-03", killed=292, **KARRADA)
    market = facts("2016-07-07", killed=35, **BAGHDAD)
    vague = facts("2016-07-01", "month", published="2016-08-01", **BAGHDAD)  # "a bombing in Baghdad in July"
    result = resolve([karrada, market, vague], parents=PARENTS)
    assert len(set(result.assigned.values())) == 3


def test_same_day_revised_toll_stays_one_incident():
    first = facts("2016-07-03", published="2016-07-03", killed=125, **KARRADA)
    revised = facts("2016-07-03", published="2016-07-08", killed=292, **KARRADA)
    result = resolve([first, revised], parents=PARENTS)
    assert result.assigned[first.event_id] == result.assigned[revised.event_id]


def test_same_day_far_toll_and_other_target_separate():
    a = facts("2016-07-03", killed=292, target="shopping district", **BAGHDAD)
    b = facts("2016-07-03", killed=12, target="army checkpoint", **BAGHDAD)
    result = resolve([a, b], parents=PARENTS)
    assert result.assigned[a.event_id] != result.assigned[b.event_id]


def test_paris_attacks_named_three_ways_are_one_incident():
    lede = facts("2015-11-13", published="2015-11-21", killed=130, orgs=["islamic-state"], **STADE)
    the_paris_attacks = facts("2015-11-01", "month", published="2017-06-26", **PARIS)
    coordinated = facts("2015-11-13", published="2016-11-13", killed=130, target="six sites", **PARIS)
    result = resolve([lede, the_paris_attacks, coordinated], parents=PARENTS)
    assert len(set(result.assigned.values())) == 1
    assert result.assigned[lede.event_id] == "inc-" + lede.event_id  # the first report founds it


def test_nice_84_and_86_are_one_incident():
    early = facts("2016-07-14", published="2016-07-15", killed=84, **NICE)
    later = facts("2016-07-14", published="2017-07-14", killed=86, orgs=["islamic-state"], **NICE)
    result = resolve([later, early], parents=PARENTS)  # processed in publication order anyway
    assert result.assigned[early.event_id] == result.assigned[later.event_id] == "inc-" + early.event_id


def test_different_country_place_date_or_kind_never_match():
    base = facts("2016-07-14", killed=84, **NICE)
    others = [
        facts("2016-07-14", killed=84, country="DE", place="Berlin", lat=52.52, lon=13.40, place_precision=1),
        facts("2016-07-14", killed=84, country="FR", place="Marseille", lat=43.30, lon=5.37, place_precision=1),
        facts("2016-07-20", killed=84, **NICE),
        facts("2016-07-14", killed=84, kind="territory", **NICE),
    ]
    result = resolve([base, *others], parents=PARENTS)
    assert len(set(result.assigned.values())) == 5


def test_affiliate_and_parent_are_compatible_perpetrators_but_other_groups_are_not():
    assert orgs_compatible({"is-sinai"}, {"islamic-state"}, PARENTS)
    assert orgs_compatible({"islamic-state"}, {"is-sinai"}, PARENTS)
    assert not orgs_compatible({"islamic-state"}, {"pkk"}, PARENTS)
    a = facts("2016-12-10", killed=38, orgs=["tak"], country="TR", place="Istanbul", lat=41.01, lon=28.95,
              place_precision=1)
    b = facts("2016-12-10", killed=38, orgs=["islamic-state"], country="TR", place="Istanbul", lat=41.01,
              lon=28.95, place_precision=1)
    result = resolve([a, b], parents=PARENTS)
    assert result.assigned[a.event_id] != result.assigned[b.event_id]


def test_events_without_place_need_a_shared_attacker_or_toll():
    a = facts("2016-03-05", "month")
    b = facts("2016-03-20", "month")
    c = facts("2016-03-20", "month", people=["anis-amri"])
    d = facts("2016-03-22", "month", people=["anis-amri"])
    result = resolve([a, b, c, d], parents=PARENTS)
    assert result.assigned[a.event_id] != result.assigned[b.event_id]
    assert result.assigned[c.event_id] == result.assigned[d.event_id]


def test_a_report_tying_two_compatible_incidents_merges_them_into_the_older():
    # the airport and the metro bombing of one morning, filed as two incidents before any
    # report tied them (as an earlier run with fewer sources would leave them)
    airport = facts("2016-03-22", country="BE", place="Brussels Airport", lat=50.90, lon=4.48, place_precision=1)
    metro = facts("2016-03-22", country="BE", place="Maalbeek", lat=50.84, lon=4.38, place_precision=1)
    clusters = []
    for seq, f in enumerate((airport, metro), 1):
        cluster = Cluster(f"inc-{f.event_id}", "attack", seq)
        cluster.add(f)
        clusters.append(cluster)
    both = facts("2016-03-22", killed=32, country="BE", place="Brussels", lat=50.85, lon=4.35, place_precision=1)
    result = resolve([both], existing=clusters, parents=PARENTS, next_seq=3)
    assert result.merged == {clusters[1].id: clusters[0].id}
    assert result.assigned[both.event_id] == clusters[0].id
    assert result.assigned[metro.event_id] == clusters[0].id
    assert not result.created


def test_resolution_is_deterministic_for_the_same_input():
    items = [facts(f"2016-0{m}-1{d}", killed=10 * d, **NICE) for m in range(1, 4) for d in range(3)]
    assert resolve(items, parents=PARENTS).assigned == resolve(list(reversed(items)), parents=PARENTS).assigned


def test_blocking_compares_an_event_with_its_block_only():
    resolver = Resolver(parents=PARENTS)
    # 600 incidents spread over two years of days in three cities
    cities = (BAGHDAD, PARIS, NICE)
    start = dt.date(2015, 1, 1)
    for i in range(600):
        day = start + dt.timedelta(days=i)
        resolver.add(facts(day.isoformat(), killed=5 + i % 7 * 40, **cities[i % 3]))
    assert len(resolver.clusters) == 600
    probe = facts("2016-02-10", killed=45, **PARIS)
    candidates = resolver.candidates(probe)
    # the probe sees Paris incidents of February 2016 (about 10), never the 600
    assert 0 < len(candidates) <= 15
    assert all(c.interval()[0].month in (1, 2, 3) for c in candidates)


def test_date_intervals_by_precision():
    d = dt.date(2016, 2, 10)
    assert date_interval(d, "day") == (dt.date(2016, 2, 9), dt.date(2016, 2, 11))
    assert date_interval(d, "month") == (dt.date(2016, 2, 1), dt.date(2016, 2, 29))
    assert date_interval(d, "year") == (dt.date(2016, 1, 1), dt.date(2016, 12, 31))
    assert date_interval(d, "reported", d) == (dt.date(2016, 1, 10), d)
    assert date_interval(None, "unknown") is None


def test_lookup_keys_use_cells_for_precise_and_country_for_vague_places():
    precise = facts("2016-07-14", **NICE)
    vague = facts("2016-07-01", "month", country="FR", place="France", lat=46.0, lon=2.0, place_precision=3)
    assert any("|cell|" in k for k in lookup_keys(precise))
    assert lookup_keys(vague) == {"attack|2016-07|all|FR"}


def test_figure_tolerance():
    assert figures_close((84, 84), (86, 86))
    assert figures_close((39, float("inf")), (39, 39))
    assert not figures_close((84, 84), (130, 130))
    assert figures_far((12, 12), (292, 292))
    assert not figures_far((125, 125), (292, 292))  # a revised toll, not another event


# --- issue 13: undated events join an incident only on strong evidence ---

LONDON = dict(country="GB", place="London", lat=51.507, lon=-0.128, place_precision=1)


def undated(*, group=None, killed=None, people=(), published="2017-06-10", **place) -> EventFacts:
    n = next(_counter)
    return EventFacts(
        event_id=f"ev{n:04d}", kind="attack", article_id=f"art{n:04d}", order=(published, n, f"ev{n:04d}"),
        date=None, precision="unknown", reported=dt.date.fromisoformat(published),
        killed=None if killed is None else (float(killed), float(killed)), people=frozenset(people), group=group,
        **place)


def test_undated_attacks_in_one_city_from_different_reports_stay_apart():
    # eight recollections of different London attacks ("the attack in London"), no date, no toll
    found = [undated(published=f"2017-0{i}-01", **LONDON) for i in range(1, 9)]
    result = resolve(found, parents=PARENTS)
    assert len(set(result.assigned.values())) == 8


def test_undated_mentions_join_on_a_shared_report_a_named_attacker_or_the_same_toll():
    original = undated(killed=8, people=["khuram-butt"], **LONDON)
    copy = undated(group=original.article_id, **LONDON)            # a wire copy of the same report
    named = undated(people=["khuram-butt"], **LONDON)                # names the same attacker
    toll = undated(killed=8, **LONDON)                               # gives the same toll
    other = undated(killed=52, **LONDON)                             # another attack's toll
    result = resolve([original, copy, named, toll, other], parents=PARENTS)
    first = result.assigned[original.event_id]
    assert [result.assigned[f.event_id] for f in (copy, named, toll)] == [first] * 3
    assert result.assigned[other.event_id] != first
