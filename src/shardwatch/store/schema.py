"""The database schema, as numbered migrations. Applied ones are recorded in the database."""

MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "initial", """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT,
    source TEXT,
    url TEXT,
    published TEXT,
    published_precision TEXT NOT NULL,
    published_from TEXT NOT NULL,
    language TEXT,
    removed_lines INTEGER NOT NULL DEFAULT 0,
    path TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    date TEXT,
    date_precision TEXT NOT NULL,
    reported TEXT,
    modality TEXT NOT NULL,
    place_name TEXT,
    place_canonical TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    place_precision INTEGER,
    gazetteer_id TEXT,
    killed_low REAL, killed_high REAL, killed_qualifier TEXT, killed_text TEXT,
    wounded_low REAL, wounded_high REAL, wounded_qualifier TEXT, wounded_text TEXT,
    target TEXT, victims TEXT, weapon TEXT,
    attack_type TEXT, weapon_type TEXT, link TEXT,
    change TEXT, outcome TEXT, means TEXT,
    trigger TEXT NOT NULL,
    confidence REAL NOT NULL
);
CREATE INDEX events_kind_date ON events(kind, date);
CREATE INDEX events_country ON events(country);
CREATE INDEX events_article ON events(article_id);
CREATE TABLE event_actors (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    text TEXT,
    PRIMARY KEY (event_id, actor_id, role)
);
CREATE INDEX event_actors_actor ON event_actors(actor_id);
CREATE TABLE evidence (
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    extractor TEXT NOT NULL,
    version TEXT NOT NULL,
    PRIMARY KEY (record_type, record_id, seq)
);
CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    actor_id TEXT,
    place_canonical TEXT, country TEXT, lat REAL, lon REAL, place_precision INTEGER, gazetteer_id TEXT,
    PRIMARY KEY (article_id, start, end)
);
CREATE INDEX mentions_actor ON mentions(actor_id);
CREATE INDEX mentions_country ON mentions(country);
"""),
    (2, "event claims, allegiance relation, leader role", """
ALTER TABLE events ADD COLUMN claimed INTEGER;
ALTER TABLE events ADD COLUMN claimed_by TEXT;
ALTER TABLE events ADD COLUMN relation TEXT;
ALTER TABLE events ADD COLUMN role TEXT;
"""),
]

# Claims and quotes (issue 4). Their evidence rows go to the evidence table with record_type
# 'claim' or 'quote'. Scope countries are stored as ";IQ;SY;" so that a country filter is a LIKE.
MIGRATIONS.append((3, "claims and quotes", """
CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    measure TEXT NOT NULL,
    measure_text TEXT,
    subject_id TEXT,
    subject_name TEXT,
    scope TEXT,
    scope_countries TEXT,
    basis TEXT,
    low REAL,
    high REAL,
    unit TEXT NOT NULL,
    qualifier TEXT,
    value_text TEXT NOT NULL,
    total REAL,
    as_of TEXT,
    as_of_precision TEXT NOT NULL,
    as_of_text TEXT,
    claimant_name TEXT,
    claimant_role TEXT,
    claimant_kind TEXT NOT NULL,
    claimant_id TEXT,
    reported TEXT,
    modality TEXT NOT NULL
);
CREATE INDEX claims_measure ON claims(measure, scope, as_of);
CREATE INDEX claims_article ON claims(article_id);
CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_name TEXT,
    speaker_role TEXT,
    speaker_kind TEXT NOT NULL,
    speaker_id TEXT,
    text TEXT NOT NULL,
    direct INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_id);
"""))

# -- migration 4: near-duplicate articles and cross-article incidents (issue 5) -------------
MIGRATIONS.append((4, "duplicates_and_incidents", """
CREATE TABLE article_sketches (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    shingles INTEGER NOT NULL,
    signature BLOB NOT NULL
);
CREATE TABLE article_lsh (
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, bucket, article_id)
) WITHOUT ROWID;
CREATE TABLE article_duplicates (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    original_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    similarity REAL NOT NULL
);
CREATE INDEX article_duplicates_original ON article_duplicates(original_id);
CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    seq INTEGER NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    merged_into TEXT REFERENCES incidents(id)
);
CREATE TABLE incident_events (
    event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    incident_id TEXT NOT NULL REFERENCES incidents(id)
);
CREATE INDEX incident_events_incident ON incident_events(incident_id);
CREATE TABLE incident_keys (
    key TEXT NOT NULL,
    incident_id TEXT NOT NULL REFERENCES incidents(id),
    PRIMARY KEY (key, incident_id)
) WITHOUT ROWID;
CREATE INDEX incident_keys_incident ON incident_keys(incident_id);
"""))

# -- migration 5: the first-level region (province, state) of an event's place (issue 12) ---
MIGRATIONS.append((5, "event_admin1", """
ALTER TABLE events ADD COLUMN admin1 TEXT;
"""))

# -- migration 6: the extraction version each article's records came from (issue 14) --------
# An article written before this migration has no row: its records count as out of date.
MIGRATIONS.append((6, "article_extractions", """
CREATE TABLE article_extractions (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    version TEXT NOT NULL,
    extracted_at TEXT NOT NULL
);
"""))

# -- migration 7: articles the relevance cascade kept from the parser (issue 16) --------------
# parsed = 0: stored and searchable, never annotated, so a later re-extraction can parse it.
MIGRATIONS.append((7, "article_parsed", """
ALTER TABLE articles ADD COLUMN parsed INTEGER NOT NULL DEFAULT 1;
"""))

# -- migration 8: sources that `shardwatch watch` polls (issue 14) ----------------------------
# One row a source (a feed URL or a folder) with its last poll, the validators for the next
# conditional GET (ETag, Last-Modified; a folder's listing fingerprint goes in etag), and what
# the last poll saw. watch_items remembers each feed entry once it is in the database, so a
# later poll neither fetches its page again nor loses an entry that failed (it is retried).
MIGRATIONS.append((8, "watch_sources", """
CREATE TABLE watch_sources (
    source TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    last_polled TEXT NOT NULL,
    last_new TEXT,
    status TEXT NOT NULL,
    detail TEXT,
    etag TEXT,
    last_modified TEXT,
    items_seen INTEGER NOT NULL DEFAULT 0,
    items_new INTEGER NOT NULL DEFAULT 0,
    items_failed INTEGER NOT NULL DEFAULT 0,
    polls INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE watch_items (
    source TEXT NOT NULL REFERENCES watch_sources(source) ON DELETE CASCADE,
    item TEXT NOT NULL,
    article_id TEXT,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (source, item)
);
"""))

# -- migration 9: the phrase an event's place is written with ("east of Salamiyah", issue 12) --
MIGRATIONS.append((9, "event_place_written", """
ALTER TABLE events ADD COLUMN place_written TEXT;
"""))

# -- migration 10: the unit an event's place is shown at when its own point is unknown (issue 12) --
MIGRATIONS.append((10, "event_place_located_at", """
ALTER TABLE events ADD COLUMN place_located_at TEXT;
"""))

SCHEMA_VERSION = MIGRATIONS[-1][0]
