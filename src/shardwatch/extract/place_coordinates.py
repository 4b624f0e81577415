"""Coordinates for every placed event, with a precision that says what they locate.

Monitors' notes name villages the offline gazetteer does not hold ("in Gorgadji (Seno)", "near
Khutir Vilny, Luhansk"); such a place keeps its name as written but had no coordinates, so a map
showed none of those events (ACLED's tuning attack notes: 42% of the reports with gold coordinates
had an event with any). Once an article's events are final, a place with no coordinates is put
where the smallest unit around it lies, and its precision becomes that unit's (2 region, 3 country):

1. a place the text names beside it in the same sentence that the gazetteer locates (the province
   of "Tin-Akoff (Tin-Akoff, Oudalan)", the town of "Feto Selba, north of Deou", the seat of
   "Dinajpur district");
2. the province or state the gazetteer puts it in (a commune's province, a district's state);
3. its country.

The name, country and gazetteer id stay as they were, so nothing that matches places by name
changes; incidents merge only places of precision 1 by distance, so these never pull two
events together. ``place.located_at`` names the unit, so that a reader (and the GTD and ACLED
layouts) know the point is not the place's own.

Measured with communes and districts at their seats (data/geo, gazetteer._seat) and the chain rule
of admin_chains._elsewhere, on ACLED's tuning attack notes (i % 9 != 4; 2,299 reports given an
attack whose gold has coordinates; scripts/eval_events.map_scores): an event with coordinates
42.0% -> 94.9%, one within 25 km of the gold's point 32.0% -> 43.9%, within 100 km 35.1% -> 71.2%
(score_events place 2,007 -> 2,054, record 2,078 -> 2,122 of 2,887: it counts a point within 25 km
as the right place); incidents dev residues 0-3 (1,182): within 25 km 93.5% -> 95.2%, place
2,477 -> 2,490 of 2,762.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from shardwatch.extract.gazetteer import Gazetteer, get_gazetteer
from shardwatch.types import Event, Mention, Place


def locate(events: list[Event], doc: Doc, mentions: list[Mention]) -> list[Event]:
    """The events, each place with no coordinates given those of the unit around it."""
    gazetteer = get_gazetteer()
    out = []
    for event in events:
        place = event.place
        if place is None or place.lat is not None or not place.country:
            out.append(event)
            continue
        around = nearby(place, doc, mentions) or gazetteer.region_of(place) or _country(gazetteer, place)
        out.append(event if around is None else replace(event, place=_placed_at(place, around)))
    return out


def nearby(place: Place, doc: Doc, mentions: list[Mention]) -> Place | None:
    """A located place of the same country named in the sentence of the place's first mention,
    the nearest after it first (a note writes a village's district after it), else the nearest
    before it. The whole sentence, not only its brackets or commas: ACLED's tuning attack notes
    (i % 9 != 4, 2,299 reports with gold coordinates) within 25 km of the gold 991 with places up
    to 60 characters away, 995 with the sentence (score_events place 2,051 -> 2,054); incidents
    dev residues 0-3 place 2,488 -> 2,489."""
    own = [m for m in mentions if m.place is not None and m.place.lat is None
           and (m.place.canonical == place.canonical or m.place.name == place.name)]
    if not own:
        return None
    first = min(own, key=lambda m: m.start)
    span = doc.char_span(first.start, first.end, alignment_mode="expand")
    if span is None:
        return None
    sentence = span.sent
    gazetteer = get_gazetteer()
    located = []
    for m in mentions:
        if m in own or m.place is None or m.place.country != place.country or m.place.precision not in (1, 2) \
                or not (sentence.start_char <= m.start and m.end <= sentence.end_char):
            continue
        # a district GeoNames gives no point ("in Birampur Upazila in Dinajpur district") is
        # where the gazetteer locates it: its seat, or the province around it. ACLED tuning attack
        # notes within 25 km 1,017 -> 1,023, within 100 km 1,653 -> 1,663 (score_events place
        # 2,055 -> 2,057); incidents residues 0-3 unchanged
        point = m.place if m.place.lat is not None else gazetteer.region_of(m.place) if m.place.precision == 2 else None
        if point is not None:
            located.append((m, point))
    after = [(m, p) for m, p in located if first.end <= m.start]
    before = [(m, p) for m, p in located if m.end <= first.start]
    if after:
        return min(after, key=lambda mp: mp[0].start)[1]
    if before:
        return max(before, key=lambda mp: mp[0].end)[1]
    return None


def _country(gazetteer: Gazetteer, place: Place) -> Place | None:
    country = gazetteer.countries.get(place.country or "")
    return country if country is not None and country.lat is not None else None


def _placed_at(place: Place, around: Place) -> Place:
    """The place as named, on the map where the unit around it is, at that unit's precision
    (never finer than a region: the coordinates are not the place's own)."""
    admin1 = place.admin1 or around.admin1 or (around.canonical if around.precision == 2 else None)
    return replace(place, lat=around.lat, lon=around.lon, precision=max(2, around.precision),
                   admin1=admin1, located_at=around.canonical)
