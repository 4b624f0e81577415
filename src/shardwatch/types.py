"""The records that stages pass to each other.

Every record is a frozen dataclass: stages never hand each other bare dicts or tuples, and a
record, once made, is not changed (``dataclasses.replace`` makes a new one).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Date precision, from finest to coarsest. "reported" means the text gave no date for the
# event and the report's own publication date stands in for it.
DATE_PRECISIONS = ("day", "week", "month", "year", "reported", "unknown")
PRECISION_RANK = {precision: rank for rank, precision in enumerate(DATE_PRECISIONS)}
EVENT_KINDS = ("attack", "territory", "leadership", "allegiance")
# Links of an attack to the organisation, strongest first; the strongest cue wins.
LINKS = ("directed", "enabled", "inspired", "claimed", "unknown")
LINK_STRENGTH = {link: len(LINKS) - 1 - rank for rank, link in enumerate(LINKS)}


@dataclass(frozen=True)
class Article:
    """One report, as ingested: cleaned text plus what is known about where it came from."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    # day, month, year or unknown
    published_precision: str = "unknown"
    # where the date came from: metadata, dateline, byline or none
    published_from: str = "none"
    language: str = "en"
    removed_lines: int = 0
    path: str | None = None


@dataclass(frozen=True)
class Evidence:
    """The span of an article that a record rests on."""

    article_id: str
    start: int
    end: int
    text: str
    extractor: str
    version: str


@dataclass(frozen=True)
class Actor:
    """A canonical actor from the actor data files."""

    id: str
    name: str
    kind: str  # organisation, person, state_force, coalition
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    role: str | None = None
    country: str | None = None  # state forces: the state (ISO alpha-2) whose forces these are


@dataclass(frozen=True)
class Place:
    """A place as written, resolved to the gazetteer."""

    name: str
    canonical: str
    country: str | None  # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    gazetteer_id: str | None
    precision: int  # 1 city or site, 2 region, 3 country
    admin1: str | None = None  # the first-level region (province, state, governorate) it lies in
    # The phrase the text places it by when that is more than its name: "east of Salamiyah",
    # "central Samarra" (name "Salamiyah", "Samarra"). A reader looks the place up by its name;
    # the phrase says the event was near or in part of it.
    written: str | None = None
    # The unit whose coordinates it has when the gazetteer cannot locate the place itself
    # ("Soum" for a village of Soum province): lat/lon are that unit's, and precision its.
    located_at: str | None = None


@dataclass(frozen=True)
class Quantity:
    """A count as written: a point value or a low/high range, with its qualifier."""

    low: float | None
    high: float | None
    qualifier: str | None = None  # about, at least, more than, up to, fewer than
    text: str = ""

    @property
    def value(self) -> float | None:
        return self.low if self.low is not None and self.low == self.high else None

    def as_json(self) -> float | dict | None:
        """The export form: a number for a point value, else {"low", "high"}."""
        def number(x: float | None) -> float | int | None:
            return int(x) if x is not None and float(x).is_integer() else x

        if self.value is not None:
            return number(self.value)
        return {"low": number(self.low), "high": number(self.high)}


@dataclass(frozen=True)
class ActorRef:
    """An actor taking part in an event, in a role, with the words the article used."""

    actor_id: str
    name: str
    role: str
    text: str = ""


@dataclass(frozen=True)
class Mention:
    """An actor or place named in an article."""

    article_id: str
    start: int
    end: int
    text: str
    label: str  # spaCy label (ORG, PERSON, GPE, LOC, FAC, NORP)
    actor_id: str | None = None
    place: Place | None = None


@dataclass(frozen=True)
class Event:
    """Something that happened, as one article tells it."""

    id: str
    kind: str
    article_id: str
    date: dt.date | None
    date_precision: str
    reported: dt.date | None
    modality: str
    place: Place | None
    actors: tuple[ActorRef, ...]
    evidence: tuple[Evidence, ...]
    trigger: str
    confidence: float
    killed: Quantity | None = None
    wounded: Quantity | None = None
    target: str | None = None
    victims: str | None = None
    weapon: str | None = None
    attack_type: str | None = None
    weapon_type: str | None = None
    link: str | None = None
    change: str | None = None
    outcome: str | None = None
    means: str | None = None
    # attacks: whether the text says someone claimed it (True), says no one did (False), or
    # is silent (None), and who claimed it
    claimed: bool | None = None
    claimed_by: str | None = None
    # allegiance: pledged, province, left, switched or merged
    relation: str | None = None
    # leadership: the person's role as the data or the text gives it
    role: str | None = None


@dataclass(frozen=True)
class AttackArgument:
    """A document-level argument of an article's attacks (``extract.attack_arguments``): its role
    (perpetrator_individual, perpetrator_organization, target, victim, weapon, place), the words,
    the characters of the word where the strongest evidence names it, the actor it names when the
    actor data has it, and the attack event that holds it (None when the article gave no attack
    event)."""

    role: str
    text: str
    start: int
    end: int
    actor_id: str | None = None
    event_id: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    events: tuple[Event, ...] = ()
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    quotes: tuple[Quote, ...] = ()
    # the extraction version (``extract.versions.extraction_version``) that made these records
    version: str = ""
    # False when the relevance cascade kept the article from the parser (no records looked for)
    parsed: bool = True
    # the document-level arguments of its attacks, the ones its attack events hold
    arguments: tuple[AttackArgument, ...] = ()


@dataclass(frozen=True)
class IngestFailure:
    """A source that could not be ingested, and why."""

    source: str
    reason: str


@dataclass(frozen=True)
class IngestWarning:
    """A source that was ingested, but not entirely as written (a date that is no date, front
    matter read line by line), and what was done instead."""

    source: str
    reason: str


@dataclass(frozen=True)
class IngestReport:
    """What one ingest run did."""

    added: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    failures: tuple[IngestFailure, ...] = ()
    events_by_kind: dict[str, int] = field(default_factory=dict)
    warnings: tuple[IngestWarning, ...] = ()
    # ids of the added articles the relevance cascade stored without parsing
    unparsed: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecordChanges:
    """How re-extracting articles changed one kind of record: ids kept with the same content,
    ids kept with new content, new ids, and ids gone."""

    kept: int = 0
    changed: int = 0
    added: int = 0
    removed: int = 0


@dataclass(frozen=True)
class ReextractReport:
    """What one ``reextract`` run did: the articles it looked at, those it extracted again,
    how events, claims and quotes changed, and the extraction version they now carry."""

    version: str
    checked: int = 0
    reextracted: tuple[str, ...] = ()
    failures: tuple[IngestFailure, ...] = ()
    changes: dict[str, RecordChanges] = field(default_factory=dict)


@dataclass(frozen=True)
class SourceValue:
    """One source's figure for an incident: the article, the event it came from, the value."""

    article_id: str
    event_id: str
    published: dt.date | None
    source: str | None
    value: Quantity
    # the original article when this one is a near-duplicate (wire copy), else None
    duplicate_of: str | None = None


@dataclass(frozen=True)
class Consensus:
    """What the independent sources say about one figure: the agreed value and the range."""

    value: float | None  # the figure of the latest independent report (tolls are revised)
    low: float | None  # the lowest figure any independent source gave
    high: float | None  # the highest
    sources: int  # independent sources that gave a figure


@dataclass(frozen=True)
class IncidentActor:
    """An actor of an incident, with its canonical parent organisation or person's role."""

    actor_id: str
    name: str
    role: str  # the part played: perpetrator, perpetrator_individual, ...
    kind: str | None = None  # organisation, person, state_force, coalition (None: not in the data)
    parent: str | None = None
    person_role: str | None = None
    mentions: int = 1  # events naming the actor in this role


@dataclass(frozen=True)
class Incident:
    """One real-world event merged from the events of many articles, every source kept."""

    id: str
    kind: str
    date: dt.date | None
    date_precision: str
    place: Place | None
    event_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    independent_sources: int
    first_reported: dt.date | None
    # (publication date, independent sources known by then), one entry per date with a change
    sources_over_time: tuple[tuple[dt.date, int], ...] = ()
    actors: tuple[IncidentActor, ...] = ()
    killed: tuple[SourceValue, ...] = ()
    wounded: tuple[SourceValue, ...] = ()
    killed_consensus: Consensus | None = None
    wounded_consensus: Consensus | None = None
    link: str | None = None
    # article id -> original article id, for the near-duplicates among the sources
    duplicates: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Claimant:
    """Who put a figure forward: a person, an organisation, a group ("US officials"), or the
    publisher when the text attributes the figure to no one."""

    name: str | None
    role: str | None = None
    kind: str = "publisher"  # person, organisation, group, publisher
    actor_id: str | None = None


@dataclass(frozen=True)
class Claim:
    """A quantitative statement, as one article makes it, with who made it and as of when."""

    id: str
    article_id: str
    measure: str  # an id from data/measures.jsonl, or "other"
    measure_text: str  # what is counted, as written ("battle-ready fighters", "square kilometres")
    low: float | None
    high: float | None
    unit: str  # people, percent, km2, USD/month, countries, count, ...
    qualifier: str | None  # about, at least, more than, up to, fewer than
    value_text: str  # the figure as written ("12,000 to 15,000", "a quarter")
    as_of: dt.date | None
    as_of_precision: str  # day, week, month, year, reported, unknown
    claimant: Claimant
    evidence: tuple[Evidence, ...]
    subject_id: str | None = None
    subject_name: str | None = None
    scope: str | None = None  # the place as written ("Iraq and Syria")
    scope_countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2, sorted
    basis: str | None = None  # what the figure is measured against, where the text says: since_peak, period
    total: float | None = None  # "five of the ten": the ten
    as_of_text: str | None = None
    reported: dt.date | None = None
    modality: str = "asserted"

    @property
    def value(self) -> float | None:
        return self.low if self.low is not None and self.low == self.high else None


@dataclass(frozen=True)
class Quote:
    """Words put in a speaker's mouth: direct (in quotation marks) or indirect (reported speech)."""

    id: str
    article_id: str
    speaker: Claimant
    text: str
    direct: bool
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Contradiction:
    """Two claims on one measure and scope, as of overlapping dates, that cannot both hold."""

    id: str
    about: str
    claim_ids: tuple[str, ...]
    detail: str
    measure: str
    scope: str | None
    tolerance: float


@dataclass(frozen=True)
class Indicator:
    """The time series of claims on one measure and scope, oldest first."""

    measure: str
    scope: str | None
    scope_countries: tuple[str, ...]
    unit: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class WatchedSource:
    """A source ``shardwatch watch`` polls (a feed URL or a folder) as its last poll left it.

    ``status`` is ok, not_modified (HTTP 304, or a folder whose files did not change), partial
    (some items failed; they are tried again next poll) or failed (the source itself could not
    be read). ``etag``/``last_modified`` are the validators of the next conditional GET (a
    folder keeps its listing's fingerprint in ``etag``). Times are UTC ISO 8601."""

    source: str
    kind: str  # feed or folder
    last_polled: str
    status: str
    detail: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    items_seen: int = 0
    items_new: int = 0
    items_failed: int = 0
    polls: int = 0
    last_new: str | None = None


@dataclass(frozen=True)
class PollReport:
    """What one poll of one source did: its state afterwards and the ingest of its new items
    (``None`` when nothing was ingested: not modified, or the source failed)."""

    source: WatchedSource
    ingest: IngestReport | None
    failures: tuple[IngestFailure, ...] = ()
