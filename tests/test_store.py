"""The store on both engines (SQLite and PostgreSQL: ``tmp_db`` is each in turn): migrations,
batch writes, round-trips, filters, search, rollback; and SQLite's own: WAL, read-only files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest

from shardwatch.errors import StoreError
from shardwatch.store import SCHEMA_VERSION, EventFilter, Store
from shardwatch.store.schema import MIGRATIONS
from shardwatch.types import ActorRef, Article, Event, Evidence, Extraction, Mention, Place, Quantity


def make_article(article_id: str = "a1", text: str | None = None, **kw) -> Article:
    text = text or (
        "KIRKUK, July 3, 2016 (Meridian Wire) - A car bomb exploded in a crowded market in Kirkuk, "
        "killing at least 12 people and wounding more than 30, police said."
    )
    fields = dict(
        id=article_id, text=text, title="Car bomb kills 12 in Kirkuk", source="Meridian Wire",
        url="https://meridianwire.example/kirkuk", published=dt.date(2016, 7, 3), published_precision="day",
        published_from="dateline", language="en", removed_lines=3, path="/reports/kirkuk.txt",
    )
    fields.update(kw)
    return Article(**fields)


KIRKUK = Place("Kirkuk", "Kirkuk", "IQ", 35.46806, 44.39222, "94787", 1)
PARIS = Place("Paris", "Paris", "FR", 48.85341, 2.3488, "2988507", 1)


def make_event(event_id: str = "e1", article_id: str = "a1", **kw) -> Event:
    fields = dict(
        id=event_id, kind="attack", article_id=article_id, date=dt.date(2016, 7, 3), date_precision="day",
        reported=dt.date(2016, 7, 3), modality="reported", place=KIRKUK,
        actors=(
            ActorRef("islamic-state", "Islamic State", "perpetrator", "Islamic State militants"),
            ActorRef("iraq-police", "Iraqi police", "target", ""),
        ),
        evidence=(
            Evidence(article_id, 0, 60, "A car bomb exploded in a crowded market in Kirkuk", "attacks", "1.0"),
            Evidence(article_id, 61, 120, "killing at least 12 people", "numbers", "1.0"),
        ),
        trigger="exploded", confidence=0.85,
        killed=Quantity(12.0, None, "at least", "at least 12"),
        wounded=Quantity(30.0, None, "more than", "more than 30"),
        target="market", victims="civilians", weapon="car bomb", attack_type="Bombing/Explosion",
        weapon_type="Explosives", link="claimed", change=None, outcome="success", means="vehicle",
    )
    fields.update(kw)
    return Event(**fields)


@pytest.fixture
def tmp_db(any_db):
    """Every test of this module that takes a store runs on SQLite and on PostgreSQL."""
    return any_db


def test_store_records_migrations(tmp_db):
    rows = tmp_db.db.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert [(r["version"], r["name"]) for r in rows] == [(v, name) for v, name, _ in MIGRATIONS]
    assert tmp_db.schema_version() == SCHEMA_VERSION
    assert {"articles", "events", "event_actors", "evidence", "mentions", "schema_migrations"} <= tmp_db.table_names()


def test_reopening_does_not_reapply_migrations_on_either_engine(db_url):
    Store(db_url).close()
    with Store(db_url) as store:
        assert store.db.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0] == len(MIGRATIONS)


def test_memory_store_records_migrations():
    with Store(":memory:") as store:
        rows = store.db.execute("SELECT version, name FROM schema_migrations").fetchall()
        assert [(r["version"], r["name"]) for r in rows] == [(v, name) for v, name, _ in MIGRATIONS]
        assert rows[0]["name"] == "initial"
        assert store.schema_version() == SCHEMA_VERSION == MIGRATIONS[-1][0]
        tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"articles", "events", "event_actors", "evidence", "mentions", "articles_fts"} <= tables


def test_file_store_uses_wal(tmp_path):
    with Store(tmp_path / "wal.db") as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_does_not_reapply_migrations(tmp_path):
    path = tmp_path / "x.db"
    Store(path).close()
    with Store(path) as store:
        assert store.db.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0] == len(MIGRATIONS)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "x.db"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01')")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="schema version 99"):
        Store(path)


def test_readonly_missing_database_raises(tmp_path):
    missing = tmp_path / "nope.db"
    with pytest.raises(StoreError, match="no database at"):
        Store(missing, readonly=True)
    assert not missing.exists()


def test_garbage_file_is_a_store_error(tmp_path):
    path = tmp_path / "notadb.db"
    path.write_bytes(b"this is not a database, just some text\n" * 200)
    with pytest.raises(StoreError, match="cannot open database"):
        Store(path)


def test_write_batch_round_trips_every_field(tmp_db):
    article = make_article()
    event = make_event()
    mention = Mention("a1", 55, 61, "Kirkuk", "GPE", None, KIRKUK)
    assert tmp_db.write_batch([Extraction(article, (event,), (mention,))]) == 1

    [got] = tmp_db.events()
    assert got == event
    # field by field, so a failure says which one
    for f in dataclasses.fields(Event):
        assert getattr(got, f.name) == getattr(event, f.name), f.name

    stored = tmp_db.article("a1")
    assert stored == article
    listed = tmp_db.articles()
    assert listed == [dataclasses.replace(article, text="")]
    assert tmp_db.articles(with_text=True) == [article]
    assert tmp_db.counts()["places"] == 1
    assert tmp_db.counts()["countries"] == 1


def test_round_trip_of_sparse_event(tmp_db):
    article = make_article(published=None, published_precision="unknown", published_from="none",
                           title=None, source=None, url=None, path=None, removed_lines=0)
    event = make_event(date=None, date_precision="unknown", reported=None, modality="asserted", place=None,
                       actors=(), evidence=(), killed=Quantity(None, 1000.0, "fewer than", "fewer than 1,000"),
                       wounded=None, target=None, victims=None, weapon=None, attack_type=None,
                       weapon_type=None, link=None, outcome=None, means=None, confidence=0.5)
    tmp_db.write_batch([Extraction(article, (event,))])
    assert tmp_db.events() == [event]
    assert tmp_db.article("a1") == article
    assert tmp_db.counts()["undated_articles"] == 1


def test_same_batch_twice_adds_nothing(tmp_db):
    batch = [Extraction(make_article(), (make_event(),))]
    assert tmp_db.write_batch(batch) == 1
    assert tmp_db.write_batch(batch) == 0
    counts = tmp_db.counts()
    assert counts["articles"] == 1
    assert counts["events"] == 1
    assert tmp_db.db.execute("SELECT COUNT(*) FROM evidence").fetchone()[0] == 2
    assert tmp_db.db.execute("SELECT COUNT(*) FROM event_actors").fetchone()[0] == 2
    assert tmp_db.known_article_ids(["a1", "zz"]) == {"a1"}


@pytest.fixture
def filled(tmp_db):
    a1 = make_article("a1")
    a2 = make_article("a2", text="PARIS, November 14, 2015 - Gunmen attacked a concert hall in Paris.",
                      published=dt.date(2015, 11, 14), title="Paris attacks")
    a3 = make_article("a3", text="Islamic State fighters seized the town of Palmyra in Syria.",
                      published=dt.date(2015, 5, 21), title="Palmyra falls")
    tmp_db.write_batch([
        Extraction(a1, (make_event("e1", "a1"),)),
        Extraction(a2, (make_event("e2", "a2", date=dt.date(2015, 11, 13), place=PARIS,
                                   actors=(ActorRef("islamic-state", "Islamic State", "perpetrator", "ISIS"),),
                                   evidence=(Evidence("a2", 0, 20, "Gunmen attacked", "attacks", "1.0"),)),)),
        Extraction(a3, (make_event("e3", "a3", kind="territory", date=dt.date(2015, 5, 21),
                                   place=Place("Palmyra", "Palmyra", "SY", 34.56, 38.28, None, 1),
                                   actors=(ActorRef("syrian-army", "Syrian Army", "losing", "government forces"),),
                                   evidence=(Evidence("a3", 0, 30, "seized the town", "territory", "1.0"),),
                                   killed=None, wounded=None, change="captured"),)),
    ])
    return tmp_db


def ids(events):
    return [e.id for e in events]


def test_events_ordered_by_date(filled):
    assert ids(filled.events()) == ["e3", "e2", "e1"]


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EventFilter(kind="attack"), ["e2", "e1"]),
        (EventFilter(kind="territory"), ["e3"]),
        (EventFilter(kind="leadership"), []),
        (EventFilter(country="FR"), ["e2"]),
        (EventFilter(country="iq"), ["e1"]),
        (EventFilter(since=dt.date(2015, 11, 13)), ["e2", "e1"]),
        (EventFilter(until=dt.date(2015, 11, 13)), ["e3", "e2"]),
        (EventFilter(since=dt.date(2015, 6, 1), until=dt.date(2016, 1, 1)), ["e2"]),
        (EventFilter(actor="islamic-state"), ["e2", "e1"]),
        (EventFilter(actor="syrian army"), ["e3"]),
        (EventFilter(actor="ISIS"), ["e2", "e1"]),  # an alias names the organisation, not just the words
        (EventFilter(actor="nobody"), []),
        (EventFilter(kind="attack", country="IQ", actor="islamic-state"), ["e1"]),
        (EventFilter(limit=2), ["e3", "e2"]),
    ],
)
def test_event_filters(filled, flt, expected):
    assert ids(filled.events(flt)) == expected


def test_articles_date_filters(filled):
    assert [a.id for a in filled.articles()] == ["a3", "a2", "a1"]
    assert [a.id for a in filled.articles(since=dt.date(2015, 6, 1))] == ["a2", "a1"]
    assert [a.id for a in filled.articles(until=dt.date(2015, 12, 31), limit=1)] == ["a3"]


def test_search_finds_article_by_word(filled):
    hits = filled.search("concert")
    assert [a.id for a, _ in hits] == ["a2"]
    assert "[concert]" in hits[0][1]
    assert [a.id for a, _ in filled.search("Palmyra")] == ["a3"]
    assert filled.search("zeppelin") == []


@pytest.mark.parametrize("query", ["AND", "concert OR", "(("])
def test_bad_search_query_is_store_error(filled, query):
    with pytest.raises(StoreError, match="bad search query"):
        filled.search(query)


def test_batch_that_raises_midway_rolls_back(tmp_db):
    class Boom(Exception):
        pass

    def extractions():
        yield Extraction(make_article("a1"), (make_event("e1", "a1"),))
        raise Boom("interrupted")

    with pytest.raises(Boom):
        tmp_db.write_batch(extractions())
    assert tmp_db.article("a1") is None
    assert tmp_db.events() == []
    assert tmp_db.search("Kirkuk") == []
    for table in ("articles", "events", "event_actors", "evidence", "mentions"):
        assert tmp_db.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table
    # the store is still usable after the rollback
    assert tmp_db.write_batch([Extraction(make_article("a1"), (make_event("e1", "a1"),))]) == 1
    assert ids(tmp_db.events()) == ["e1"]


def test_constraint_violation_rolls_back_whole_batch(tmp_db):
    good = Extraction(make_article("a1"), (make_event("e1", "a1"),))
    # the same event id twice violates the events primary key
    bad = Extraction(make_article("a2", text="Another report entirely."), (make_event("e1", "a2"),))
    with pytest.raises(tmp_db.dialect.data_errors):
        tmp_db.write_batch([good, bad])
    assert tmp_db.counts()["articles"] == 0


def test_migration_2_columns_round_trip(tmp_db):
    """Migration 2: claimed, claimed_by, relation and role are written and read back."""
    article = make_article("m2")
    event = make_event("m2e", "m2", claimed=True, claimed_by="Islamic State", relation="pledged", role="spokesman")
    tmp_db.write_batch([Extraction(article, (event,), ())])
    back = tmp_db.events()[0]
    assert (back.claimed, back.claimed_by, back.relation, back.role) == (True, "Islamic State", "pledged", "spokesman")


def test_migration_9_the_phrase_a_place_is_written_with_round_trips(tmp_db):
    """Migration 9: "south of Kirkuk" is kept beside the place's name, Kirkuk."""
    event = make_event("m9e", "m9", place=dataclasses.replace(KIRKUK, written="south of Kirkuk"))
    tmp_db.write_batch([Extraction(make_article("m9"), (event,), ())])
    back = tmp_db.events()[0].place
    assert (back.name, back.written) == (KIRKUK.name, "south of Kirkuk")


def test_readonly_never_migrates_or_writes(tmp_path):
    """An older database opened read-only stays exactly as it was: no migration, no journal
    change, no -wal file, and a write through the store is refused."""
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    db.executescript(MIGRATIONS[0][2])
    db.execute("INSERT INTO schema_migrations VALUES (1, 'initial', '2016-01-01')")
    db.commit()
    db.close()
    before = path.read_bytes()

    with Store(path, readonly=True) as store:
        assert store.schema_version() == 1
        assert store.articles() == []
        with pytest.raises(sqlite3.OperationalError):
            store.db.execute("INSERT INTO schema_migrations VALUES (2, 'sneaked in', '2016-01-02')")
    assert path.read_bytes() == before
    assert not (tmp_path / "old.db-wal").exists()


def test_readonly_reads_a_wal_database_after_its_writer_closed(tmp_path):
    path = tmp_path / "wal.db"
    with Store(path) as store:
        store.write_batch([Extraction(make_article(), (make_event(),))])
    with Store(path, readonly=True) as store:
        assert [e.id for e in store.events()] == ["e1"]
        assert store.schema_version() == SCHEMA_VERSION


def test_actor_filter_resolves_aliases_through_the_catalogue(tmp_db):
    """Whatever name an article used, and whichever the analyst types, one organisation is one
    filter: ISIS, Daesh and islamic-state give the same events."""
    said = {"e1": "ISIS", "e2": "Daesh", "e3": "the Islamic State"}
    events = [make_event(i, actors=(ActorRef("islamic-state", "Islamic State", "perpetrator", text),))
              for i, text in said.items()]
    events.append(make_event("e4", actors=(ActorRef("al-qaeda", "al-Qaeda", "perpetrator", "al-Qaeda"),)))
    tmp_db.write_batch([Extraction(make_article(), tuple(events))])
    for term in ("ISIS", "Daesh", "islamic-state", "ISIL", "daesh"):
        assert [e.id for e in tmp_db.events(EventFilter(actor=term))] == ["e1", "e2", "e3"], term
    assert [e.id for e in tmp_db.events(EventFilter(actor="al-Qaeda"))] == ["e4"]


@pytest.fixture
def spokesman(tmp_db):
    text = ("The group's spokesman, Abu Mohammed al-Adnani, was killed in Aleppo province, a U.S. official said "
            "on 30 August 2016. Al-Adnani had called for attacks on civilians in the West.")
    other = "A drone strike near Mosul killed a commander of the group, Iraqi officials said on 2 May 2016."
    tmp_db.write_batch([Extraction(make_article("a1", text), ()), Extraction(make_article("a2", other), ())])
    return tmp_db


@pytest.mark.parametrize(("query", "expected"), [
    ("al-Adnani", ["a1"]),  # FTS5 would read the hyphen as a column filter: "no such column: Adnani"
    ("Abu Mohammed al-Adnani", ["a1"]),
    ("U.S. official", ["a1"]),
    ("al-Adnani OR Mosul", ["a1", "a2"]),  # an operator typed on purpose stays one
    ('"drone strike"', ["a2"]),
    ("Adna*", ["a1"]),
    ("title:Kirkuk", ["a1", "a2"]),
])
def test_search_quotes_user_words_and_keeps_fts_syntax(spokesman, query, expected):
    assert sorted(a.id for a, _ in spokesman.search(query)) == expected
