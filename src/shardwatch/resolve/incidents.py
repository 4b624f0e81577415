"""Incidents: the events of many articles that are one real event, merged.

1. Each event is reduced to the facts that identify a real event (``EventFacts``): kind, a
   date interval (a day +- 1, a week, a whole month or year; an undated mention the month
   before its report), place and coordinates, perpetrators, casualty figures, target.
2. Blocking: an event is compared only with the incidents that share a blocking key (kind,
   month of the date interval, and a half-degree grid cell for a precise place or the country
   for a vague one), never with every other event; cost grows with the corpus, not its square.
3. Matching: an event joins the incident that fits it best. An event or incident without a
   place or without a date joins only on strong evidence (``strong_evidence``: the same report
   or its copies, a shared named attacker, the same toll). A different country, a place more
   than ``RADIUS_KM`` away, dates that cannot overlap or perpetrator organisations that are
   not the same (or parent and affiliate) rule a match out. Casualty figures, named attackers
   and targets separate incidents that share kind, city and dates: a toll far off or other
   named attackers count one disagreement, a target with no word in common half of one (the
   extracted target text is noisy: "foyer", "departure hall"). One disagreement rules a match
   out unless the two give the same day; one and a half rule it out always.
4. Ties: an event that fits several incidents about equally well merges them when they fit each
   other (the oldest id stays), else it starts its own incident rather than guess.
5. Ids: an incident's id comes from the first event that founded it; events are processed in
   publication order, so re-running over the same corpus gives the same ids, and adding
   articles never renames an incident unless it merges into an older one.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from shardwatch.data import DESCRIBED, UNNAMED_STATE, by_state
from shardwatch.extract.gazetteer import distance_km
from shardwatch.types import PRECISION_RANK

# A precise place farther than this from every place of an incident is somewhere else. Paris
# and the Stade de France (Saint-Denis) are 8 km apart; Brussels airport and Maalbeek 8 km;
# two neighbouring cities of one region are usually 30 km or more apart.
RADIUS_KM = 25.0
# Same site or city: this close counts as the same place.
SAME_PLACE_KM = 10.0
# Day precision is +- 1 day: attacks straddle midnight, and reports across time zones differ.
DAY_TOLERANCE = 1
# A mention without its own date ("the attack") took the report date: the event happened in
# the month before the report (a later recollection gives a date of its own).
REPORTED_WINDOW_DAYS = 31
# Grid cell for blocking precise places: half a degree (about 55 km north-south), so any two
# places within RADIUS_KM fall in the same or a neighbouring cell.
CELL_DEGREES = 0.5
# Casualty figures agree within this share of the larger one (or CLOSE_ABSOLUTE people); they
# disagree, separating incidents, when the larger is over FAR_RATIO times the smaller and more
# than CLOSE_ABSOLUTE apart. Early tolls are often revised upward by a third or more (Karrada,
# Baghdad 2016: first 125, then 292), so only a large gap separates.
CLOSE_SHARE = 0.10
CLOSE_ABSOLUTE = 3
FAR_RATIO = 2.5
# Weight of a target mismatch among the disagreements, and the disagreement that separates
# events even on the same day: a toll far off plus another target, or two named differences.
TARGET_WEIGHT = 0.5
EXACT_REJECT = 1.5
# Candidates scoring within this of the best are a tie (a city 10 km off scores 1 less than the
# same city): a mention that fits two incidents about as well merges them if they fit each
# other, else starts its own rather than guess.
TIE_MARGIN = 1.0

# Words of extracted target text that say nothing about which target it was.
_STOP = frozenset("a an the of in at on and or to for by with from near its their his her early late hours "
                  "hour night morning evening afternoon about p m a.m p.m people".split())


@dataclass(frozen=True, slots=True)
class EventFacts:
    """What identifies the real event behind one event record."""

    event_id: str
    kind: str
    article_id: str
    order: tuple  # processing order: publication date, then ingest order, then event id
    date: dt.date | None
    precision: str
    reported: dt.date | None = None
    country: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    place_precision: int | None = None
    killed: tuple[float, float] | None = None  # (low, high); high is inf for "at least"
    target: str | None = None
    orgs: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    # the article's near-duplicate group (its original's id): wire copies of one report
    group: str | None = None

    @property
    def precise(self) -> bool:
        return self.place_precision == 1 and self.lat is not None and self.lon is not None

    def interval(self) -> tuple[dt.date, dt.date] | None:
        return date_interval(self.date, self.precision, self.reported)


def date_interval(date: dt.date | None, precision: str, reported: dt.date | None = None
                  ) -> tuple[dt.date, dt.date] | None:
    """The days a date of a given precision may stand for (both ends included)."""
    if precision == "reported":
        anchor = reported or date
        return None if anchor is None else (anchor - dt.timedelta(days=REPORTED_WINDOW_DAYS), anchor)
    if date is None or precision == "unknown":
        return None
    if precision == "day":
        pad = dt.timedelta(days=DAY_TOLERANCE)
        return date - pad, date + pad
    if precision == "week":
        return date - dt.timedelta(days=DAY_TOLERANCE), date + dt.timedelta(days=6 + DAY_TOLERANCE)
    if precision == "month":
        first = date.replace(day=1)
        nxt = (first + dt.timedelta(days=32)).replace(day=1)
        return first, nxt - dt.timedelta(days=1)
    if precision == "year":
        return dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)
    return None


def months(interval: tuple[dt.date, dt.date]) -> list[str]:
    lo, hi = interval
    out, y, m = [], lo.year, lo.month
    while (y, m) <= (hi.year, hi.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)


def _content_words(text: str | None) -> set[str]:
    if not text:
        return set()
    return {w for w in "".join(c.lower() if c.isalnum() else " " for c in text).split() if w not in _STOP}


def figures_close(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Two casualty figures (low, high) that agree: overlapping, or within the tolerance."""
    gap = max(a[0], b[0]) - min(a[1], b[1])
    if gap <= 0:
        return True
    return gap <= max(CLOSE_ABSOLUTE, CLOSE_SHARE * max(a[0], b[0]))


def figures_far(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Two casualty figures too far apart to be one event's toll, even revised."""
    low_high, high_low = min(a[1], b[1]), max(a[0], b[0])
    if high_low <= low_high:
        return False
    return high_low - low_high > CLOSE_ABSOLUTE and high_low > FAR_RATIO * max(low_high, 1)


_NONE: frozenset = frozenset()


@dataclass(slots=True)
class Cluster:
    """An incident being resolved: its members and the profile they give it.

    Memory (a resolver holds every incident of the blocks it has seen: 350,000 for a million
    mentions in ``scripts/bench_resolve.py``): slots; the profile's sets are frozensets that
    start as the one shared empty one and are replaced as they grow (an incident has three
    members on average, so most stay empty or tiny); its countries and near-duplicate groups,
    only ever asked ``in``, are tuples. A ``set`` takes 216 bytes even empty or with one item,
    and there were six a cluster: 100k mentions peaked at 255 MB before, 174 MB after, and 1M
    mentions at 1.6 GB (``make bench-1m``; the target is 2 GB)."""

    id: str
    kind: str
    seq: int
    members: list[EventFacts] = field(default_factory=list)
    merged_into: str | None = None
    # profile, kept up to date by add()
    day_votes: Counter = field(default_factory=Counter)
    coarse: list[tuple[dt.date, dt.date]] = field(default_factory=list)
    places: dict[str, tuple[float, float]] = field(default_factory=dict)
    countries: tuple[str, ...] = ()
    vague_place: bool = False
    killed: list[tuple[float, float]] = field(default_factory=list)
    targets: frozenset[str] = _NONE
    orgs: frozenset[str] = _NONE
    people: frozenset[str] = _NONE
    groups: tuple[str, ...] = ()  # near-duplicate groups (wire copies count once)
    _cache: dict = field(default_factory=dict, repr=False)

    def add(self, facts: EventFacts) -> None:
        self._cache.clear()
        self.members.append(facts)
        if facts.precision == "day" and facts.date:
            self.day_votes[facts.date] += 1
        else:
            interval = facts.interval()
            if interval:
                self.coarse.append(interval)
        if facts.precise:
            self.places[facts.place] = (facts.lat, facts.lon)
        else:
            self.vague_place = True
        if facts.country and facts.country not in self.countries:
            self.countries += (facts.country,)
        if facts.killed:
            self.killed.append(facts.killed)
        words = _content_words(facts.target)
        if not words <= self.targets:
            self.targets |= words
        if not facts.orgs <= self.orgs:
            self.orgs |= facts.orgs
        if not facts.people <= self.people:
            self.people |= facts.people
        group = facts.group or facts.article_id
        if group not in self.groups:
            self.groups += (group,)

    def day(self) -> dt.date | None:
        """The day most sources give (the earliest of a tie)."""
        if "day" not in self._cache:
            day = None
            if self.day_votes:
                best = max(self.day_votes.values())
                day = min(d for d, n in self.day_votes.items() if n == best)
            self._cache["day"] = day
        return self._cache["day"]

    def interval(self) -> tuple[dt.date, dt.date] | None:
        if "interval" not in self._cache:
            self._cache["interval"] = self._interval()
        return self._cache["interval"]

    def _interval(self) -> tuple[dt.date, dt.date] | None:
        day = self.day()
        if day is not None:
            pad = dt.timedelta(days=DAY_TOLERANCE)
            return day - pad, day + pad
        if not self.coarse:
            return None
        lo, hi = max(i[0] for i in self.coarse), min(i[1] for i in self.coarse)
        if lo <= hi:
            return lo, hi
        return min(self.coarse, key=lambda i: i[1] - i[0])

    def keys(self) -> frozenset[str]:
        """The blocking keys this incident is filed under."""
        if "keys" not in self._cache:
            # interned: the resolver's index holds each key once for all the incidents filed
            # under it, instead of every incident its own copy of the same text
            self._cache["keys"] = frozenset(sys.intern(key) for key in self._keys())
        return self._cache["keys"]

    def _keys(self) -> set[str]:
        interval = self.interval()
        span = months(interval) if interval else ["none"]
        keys = set()
        countries = self.countries or ("-",)
        for month in span:
            for country in countries:
                keys.add(f"{self.kind}|{month}|all|{country}")
                if self.vague_place or not self.places:
                    keys.add(f"{self.kind}|{month}|vague|{country}")
            for lat, lon in self.places.values():
                cx, cy = _cell(lat, lon)
                keys.add(f"{self.kind}|{month}|cell|{cx}|{cy}")
        return keys


def lookup_keys(facts: EventFacts) -> set[str]:
    """The blocking keys under which an event's candidate incidents are filed."""
    interval = facts.interval()
    span = months(interval) if interval else ["none"]
    country = facts.country or "-"
    keys = set()
    for month in span:
        if facts.precise:
            cx, cy = _cell(facts.lat, facts.lon)
            keys.update(f"{facts.kind}|{month}|cell|{cx + dx}|{cy + dy}" for dx in (-1, 0, 1) for dy in (-1, 0, 1))
            keys.add(f"{facts.kind}|{month}|vague|{country}")
        else:
            keys.add(f"{facts.kind}|{month}|all|{country}")
    return keys


def orgs_compatible(a: set[str] | frozenset[str], b: set[str] | frozenset[str], parents: dict[str, str]) -> bool:
    """Perpetrator organisations that can be one: shared, or an affiliate and its parent; a
    state named by one report and the state forces another leaves unnamed. A state's strike
    and a group's attack never are (the one side all states' forces, the other not).
    Attackers a report only describes ("militants") may be any group: they leave it open."""
    a = {i for i in a if not i.startswith(DESCRIBED)}
    b = {i for i in b if not i.startswith(DESCRIBED)}
    if not a or not b:
        return True
    if by_state(a) != by_state(b):
        return False
    if UNNAMED_STATE in a | b and by_state(a):
        return True

    def family(ids):
        out = set(ids)
        for i in ids:
            parent = parents.get(i)
            while parent and parent not in out:
                out.add(parent)
                parent = parents.get(parent)
        return out

    fa, fb = family(a), family(b)
    return bool(fa & set(b)) or bool(fb & set(a))


def score(facts: EventFacts, cluster: Cluster, parents: dict[str, str]) -> float | None:
    """How well an event fits an incident, or None when it cannot be the same real event."""
    if facts.kind != cluster.kind:
        return None
    total = 0.0
    disagreements = 0.0
    # place
    if facts.country and cluster.countries and facts.country not in cluster.countries:
        return None
    # With no place on either side only a shared attacker or an agreeing toll can tie them.
    needs_evidence = not facts.country or not cluster.countries
    if facts.precise and cluster.places:
        if facts.place in cluster.places:
            total += 3
        else:
            nearest = min(distance_km(facts.lat, facts.lon, lat, lon) for lat, lon in cluster.places.values())
            if nearest > RADIUS_KM:
                return None
            total += 2 if nearest <= SAME_PLACE_KM else 1
    elif facts.country and facts.country in cluster.countries:
        total += 0.5
    # date
    interval, theirs = facts.interval(), cluster.interval()
    exact = False
    if interval and theirs:
        if interval[0] > theirs[1] or theirs[0] > interval[1]:
            return None
        day = cluster.day()
        exact = facts.precision == "day" and day is not None and abs((facts.date - day).days) <= DAY_TOLERANCE
        total += 3 if exact else 1
    # actors
    if not orgs_compatible(facts.orgs, cluster.orgs, parents):
        return None
    if facts.orgs & cluster.orgs:
        total += 1
    if facts.people and cluster.people:
        if facts.people & cluster.people:
            total += 2
        else:
            disagreements += 1
    # figures and targets
    if facts.killed and cluster.killed:
        if any(figures_close(facts.killed, k) for k in cluster.killed):
            total += 2
        elif all(figures_far(facts.killed, k) for k in cluster.killed):
            disagreements += 1
    words = _content_words(facts.target)
    if words and cluster.targets:
        if words & cluster.targets:
            total += 1
        else:
            disagreements += TARGET_WEIGHT
    if disagreements >= EXACT_REJECT or (disagreements >= 1 and not exact):
        return None
    # With no place on either side, or no date on either side (an undated recollection: eight
    # unrelated London attacks of different years are not one), only strong evidence ties them:
    # the same report (copies of one article), a shared named attacker, or the same toll.
    if (needs_evidence or interval is None or theirs is None) and not strong_evidence(facts, cluster):
        return None
    return total


def strong_evidence(facts: EventFacts, cluster: Cluster) -> bool:
    """The event and the incident share a report (one article or its near-copies), a named
    attacker, or a casualty figure within tolerance."""
    if (facts.group or facts.article_id) in cluster.groups:
        return True
    if facts.people & cluster.people:
        return True
    return bool(facts.killed) and facts.killed[0] > 0 and any(figures_close(facts.killed, k) for k in cluster.killed)


def clusters_fit(a: Cluster, b: Cluster, parents: dict[str, str]) -> bool:
    """Whether two incidents can be one: every member of the smaller fits the larger."""
    small, large = sorted((a, b), key=lambda c: len(c.members))
    return all(score(m, large, parents) is not None for m in small.members)


@dataclass
class Resolution:
    """What one resolution run changed, for the store to write."""

    assigned: dict[str, str] = field(default_factory=dict)  # event id -> incident id
    created: list[Cluster] = field(default_factory=list)
    merged: dict[str, str] = field(default_factory=dict)  # merged incident id -> surviving id
    touched: dict[str, Cluster] = field(default_factory=dict)  # incident id -> cluster (live ones)


class Resolver:
    """Assigns events to incidents, holding the incidents of the blocks it has seen."""

    def __init__(self, clusters: Iterable[Cluster] = (), *, parents: dict[str, str] | None = None,
                 next_seq: int = 1) -> None:
        self.parents = parents or {}
        self.clusters: dict[str, Cluster] = {}
        self.index: dict[str, set[str]] = {}
        self.next_seq = next_seq
        self.result = Resolution()
        for cluster in clusters:
            self._file(cluster)

    def _file(self, cluster: Cluster) -> None:
        self.clusters[cluster.id] = cluster
        for key in cluster.keys():
            self.index.setdefault(key, set()).add(cluster.id)

    def _unfile(self, cluster: Cluster) -> None:
        for key in cluster.keys():
            ids = self.index.get(key)
            if ids:
                ids.discard(cluster.id)

    def candidates(self, facts: EventFacts) -> list[Cluster]:
        ids: set[str] = set()
        for key in lookup_keys(facts):
            ids |= self.index.get(key, set())
        return [self.clusters[i] for i in sorted(ids, key=lambda i: self.clusters[i].seq)]

    def add(self, facts: EventFacts) -> str:
        """Resolve one event; returns the id of its incident."""
        scored = [(s, c) for c in self.candidates(facts) if (s := score(facts, c, self.parents)) is not None]
        target: Cluster | None = None
        if scored:
            best = max(s for s, _ in scored)
            top = [c for s, c in scored if s >= best - TIE_MARGIN]
            target = top[0]
            for other in top[1:]:
                if not clusters_fit(target, other, self.parents):
                    target = None  # fits two incidents that are not one: do not guess
                    break
            if target is not None:
                for other in top[1:]:
                    self._merge(other, into=target)
        if target is None:
            target = Cluster(id=incident_id(facts.event_id), kind=facts.kind, seq=self.next_seq)
            self.next_seq += 1
            self.result.created.append(target)
        else:
            self._unfile(target)
        target.add(facts)
        self._file(target)
        self.result.assigned[facts.event_id] = target.id
        self.result.touched[target.id] = target
        return target.id

    def _merge(self, other: Cluster, *, into: Cluster) -> None:
        # ``into`` is the older: candidates come sorted by seq
        self._unfile(other)
        self._unfile(into)
        for member in other.members:
            into.add(member)
            self.result.assigned[member.event_id] = into.id
        other.merged_into = into.id
        self.clusters.pop(other.id, None)
        self.result.touched.pop(other.id, None)
        self.result.merged[other.id] = into.id  # chains (a -> b -> c) are followed by final_merges()
        self._file(into)
        self.result.touched[into.id] = into


def final_merges(merged: dict[str, str]) -> dict[str, str]:
    """Each merged incident id -> the id it finally merged into."""
    out = {}
    for old in merged:
        target, seen = merged[old], {old}
        while target in merged and target not in seen:
            seen.add(target)
            target = merged[target]
        out[old] = target
    return out


def incident_id(founding_event_id: str) -> str:
    return "inc-" + founding_event_id


def resolve(events: Iterable[EventFacts], *, existing: Iterable[Cluster] = (), parents: dict[str, str] | None = None,
            next_seq: int = 1) -> Resolution:
    """Resolve events (in publication order) into incidents, extending the ``existing`` ones."""
    resolver = Resolver(existing, parents=parents, next_seq=next_seq)
    for facts in sorted(events, key=lambda f: f.order):
        resolver.add(facts)
    return resolver.result


def precision_key(precision: str) -> int:
    return PRECISION_RANK.get(precision, len(PRECISION_RANK))

